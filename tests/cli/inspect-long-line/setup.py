# One 5 MB line without a line break: must load as a single unit, quickly.
words = "pelaksanaan kegiatan terhambat karena dana belum cair "
with open("long.txt", "w", encoding="utf-8") as f:
    f.write("Laporan: " + words * (5 * 1024 * 1024 // len(words)))
