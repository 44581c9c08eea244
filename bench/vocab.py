"""Shared synthetic Indonesian vocabulary for koda's benchmark (make_corpus.py, make_codebook.py).

The vocabulary is fixed (it does not depend on the corpus seed), so a codebook written once
fits every corpus. It has these classes, each with its share of running tokens:

  sample   word forms harvested from koda's Indonesian samples (words-id.txt) with their
           counts: function words (yang, di, itu, dan ...), colloquial forms (nggak, aja,
           sih), programme words. Zipf-like by nature.
  roots    a few hundred real Indonesian roots with affixed forms built by the usual
           morphophonemics (meN-/peN- nasal assimilation, di-, ber-, ter-, ke-an, -an,
           -kan, -i, -nya), ranked with Zipf weights.
  tail     pseudo-Indonesian roots (syllables) with affixes: the long tail of rare forms
           that makes the number of distinct forms grow with corpus size (Heaps' law).
  names    personal and place names (Capitalised).
  redup    reduplications (kegiatan-kegiatan, anak-anak, warga-warga).
  numbers  numbers, years, dates, money (Rp 2.500.000), percentages.
  topic    the programme vocabulary a codebook is written in: P2KP, BKM, UPK, KSM, BLM,
           relawan, sosialisasi, swadaya, pelaksanaan, kendala, hambatan, lancar, and
           phrases ("tidak ada kendala", "dana bergulir") and NEAR-style collocations
           ("pendidikan relawan rendah"). Its share is the main knob for the hit rate.
"""

import hashlib
import os
import random
import sys

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))

# Share of running tokens per class (the topic share is set by the caller).
DEFAULT_MASS = {
    "sample": 0.55,
    "roots": 0.22,
    "tail": 0.07,
    "names": 0.012,
    "redup": 0.008,
    "numbers": 0.02,
}

# Verb-like roots: take the full range of affixes.
VERB_ROOTS = """
bangun bantu ajar ambil anggap antar bagi baca bayar beli beri bicara buat buka
cari catat cerita coba dapat datang dengar didik dukung gambar ganti gerak guna hadir hitung
hubung ikut ingat isi jaga jalan jawab jelas jual kembang kena kenal kerja kirim kumpul kurang
lapor latih lihat lupa main makan masuk minta milik mulai nilai olah pakai pasang pikir pilih
pimpin pinjam pindah rasa rencana sampai sedia selesai sewa simpan susun tanya tambah
tanggung tarik temu tentu terima tulis tunggu tunjuk turun ubah ukur urus usaha usul
gali garap ikat jamin kelola kendali kuasa lindung lunas minat mohon pesan rawat rugi sadar
salur sehat sepakat setuju tetap tolak tugas untung wajib damping bina tata daftar data
periksa awas pantau tagih setor cair angsur tabung pinjam hemat bersih perbaiki cetak
kerjakan siap putus tentang sangka harap percaya senang susah mudah cepat lambat
tinggal pergi pulang tidur bangkit tanam panen jahit masak cuci sapu angkat angkut gotong
cor aduk campur ratakan gali timbun ukur potong pukul ketik fotokopi tandatangan kunjung
undang rapat rembug bahas putar gilir kembali lengkap kurangi tambah sebar umum panggil
sambut hormat tegur marah maaf bohong jujur tipu curi hilang temu cek teliti hitung rekap
atur laksana
""".split()
VERB_ROOTS = list(dict.fromkeys(VERB_ROOTS))

# Noun-like roots: few affixes (-nya, -an, ke-an now and then).
NOUN_ROOTS = """
rumah sekolah pasar sawah kampung desa kota kantor balai masjid gang jembatan sungai sumur
air listrik beras minyak sayur ikan warung toko modal utang gaji upah harga hasil uang surat
buku kertas meja kursi motor mobil hujan banjir musim tahun bulan minggu hari jam pagi siang
sore malam anak istri suami orang tetangga keluarga ketua pengurus kelompok pemerintah camat
lurah dinas kecamatan kabupaten provinsi negara jalan semen pasir batu besi kayu genteng atap
lantai dinding pintu jendela halaman kebun ternak ayam kambing sapi padi jagung kopi teh gula
garam rokok pabrik buruh tukang sopir ojek guru bidan dokter kader imam ustadz pengajian
posyandu arisan puskesmas koperasi bank kredit bunga cicilan tabungan nasabah juragan
majikan karyawan pegawai honorer kontrak proyek tender kontraktor mandor material bahan
nota kuitansi stempel map berkas formulir blangko daftar papan spanduk brosur selebaran
""".split()
NOUN_ROOTS = [r for r in dict.fromkeys(NOUN_ROOTS) if r not in VERB_ROOTS]

# Pseudo-roots for the tail are made of these syllables.
_SYLLABLES = [c + v for c in "bcdghjklmnprstw" for v in "aiuoe"] + ["ng" + v for v in "aiu"] + ["ny" + v for v in "aiu"]
_CODAS = ["", "", "", "n", "ng", "r", "t", "k", "s", "l", "h", "m"]

FIRST_NAMES = """
Bambang Endang Siti Rohmah Yudi Darmono Karyono Sutrisno Wahyuni Anton Joko Tarno Novi Santoso
Warsini Mukhlis Suryadi Wibisono Sri Lestari Agus Budi Dedi Eko Hadi Iwan Slamet Sugeng Supriyadi
Tutik Yanti Rina Dewi Nur Aini Fitri Ratna Yusuf Rahmat Hasan Ahmad Komariah Sumarni Ponirah
Wagiman Paijo Suparman Sukirno Kusnadi Heru Teguh Andri Rudi Yayuk Ningsih Mulyani Haryanto
""".split()
TITLES = ["Pak", "Bu", "Mas", "Mbak", "Bapak", "Ibu", "Haji"]
PLACES = """
Rawasekar Sekar Mulya Kenanga Melati Mawar Anggrek Kenari Cempaka Pringgadani Sukamaju Karanganyar
Margorejo Sidomulyo Tegalsari Sumbersari Kebonagung Ngemplak Wonorejo Pucang Gading
""".split()
MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()

# Programme vocabulary, most frequent first. Single words, acronyms and phrases.
TOPIC_WORDS = """
BKM KSM relawan UPK P2KP sosialisasi swadaya pelaksanaan dana BLM kendala lancar fasilitator
rapat PJM hambatan pinjaman angsuran laporan kegiatan-kegiatan PNPM pelatihan proposal
musyawarah koordinasi kemiskinan pendampingan dilaksanakan partisipasi pemetaan faskel
anggaran verifikasi pencairan tunggakan korkot transparan akuntabel sekretariat pembukuan
kesulitan terbatas keterbatasan terlambat keterlambatan pedoman juknis aturan peraturan
ketentuan kriteria sasaran target prosedur mekanisme birokrasi wewenang kelembagaan
pemberdayaan kemandirian keberlanjutan manfaat dampak berhasil keberhasilan capaian tercapai
pengawasan pemantauan monitoring evaluasi audit auditor prasarana infrastruktur drainase
saluran beasiswa santunan komitmen semangat antusias apatis sukarela menghambat kelancaran
RKM UPL UPS LKM PJOK SDM SOP RAB LPJ refleksi pendataan dicairkan sosialisasinya relawannya
penyaluran pengembalian kolektibilitas pemanfaat transparansi partisipatif rembug kesiapan
honor insentif komputer sarana fasilitas kapasitas keterampilan keahlian motivasi disiplin
pengelolaan dikelola pengelola pembentukan dibentuk pemilihan utusan pronangkis renta
""".split()

TOPIC_PHRASES = [
    "tidak ada kendala", "berjalan lancar", "kurang lancar", "tidak lancar", "petunjuk teknis",
    "dana bergulir", "gotong royong", "kerja bakti", "pemetaan swadaya", "refleksi kemiskinan",
    "sumber daya manusia", "tanggung renteng", "kredit macet", "rapat anggota", "batas waktu",
    "tepat waktu", "tepat sasaran", "rabat beton", "jalan lingkungan", "kegiatan ekonomi",
    "kegiatan sosial", "kegiatan lingkungan", "pembagian tugas", "tanda tangan",
    "rencana tahunan", "jangka menengah", "kelompok swadaya", "rembug kesiapan masyarakat",
    "kondisi ekonomi", "modal sosial", "tanggung jawab", "laporan keuangan", "papan informasi",
    "surat edaran", "tim fasilitator", "warga miskin", "KK miskin", "dana BLM", "rapat BKM",
    "pinjaman bergulir", "tidak ada hambatan", "masih ada kendala", "belum lancar",
    "sangat membantu", "kurang aktif", "tidak aktif", "nggak ada masalah", "jadi masalah",
]

# Collocations for NEAR rules: (word a, filler words, word b) written as one stretch of text.
TOPIC_NEAR = [
    "pendidikan relawan rendah", "pendidikannya masih rendah", "waktunya sangat terbatas",
    "waktu kami terbatas", "harga bahan naik", "harga semen naik", "format laporan berubah",
    "format laporannya baru", "pinjaman modal usaha", "kriteria warga miskin", "usulan kegiatan warga",
    "tenaga relawan kurang", "tahap pertama", "tahap kedua", "informasi di pengajian",
    "sosialisasi lewat posyandu", "jadwal rapat mundur", "dana belum cair", "laporan belum selesai",
    "ekonomi warga sulit",
]

TOPIC_RATE = 0.015  # default share of topic items (tuned for ~5-10 % of tokens hit)


def nasal(prefix, root):
    """meN- / peN- + root with Indonesian nasal assimilation (me/pe given as prefix)."""
    c = root[0]
    if root.startswith(("ny", "ng")) or c in "lmnrwy":
        return prefix + root
    if c in "bfv":
        return prefix + "m" + root
    if c == "p":
        return prefix + "m" + root[1:]
    if c in "cdjz":
        return prefix + "n" + root
    if c == "t":
        return prefix + "n" + root[1:]
    if c == "s":
        return prefix + "ny" + root[1:]
    if c == "k":
        return prefix + "ng" + root[1:]
    return prefix + "ng" + root  # g, h, vowels


def verb_forms(root):
    """Affixed forms of a verb-like root with relative weights."""
    me = nasal("me", root)
    pe = nasal("pe", root)
    ber = ("be" if root[0] == "r" else "ber") + root
    return [
        (root, 1.0), (root + "nya", 0.12), (me, 0.45), (me + "kan", 0.3), (me + "i", 0.08),
        ("di" + root, 0.35), ("di" + root + "kan", 0.3), ("di" + root + "i", 0.06),
        (pe + "an", 0.3), (pe, 0.08), ("ke" + root + "an", 0.1), (root + "an", 0.25),
        (root + "annya", 0.05), (ber, 0.12), ("ter" + root, 0.1), ("per" + root + "an", 0.04),
        (pe + "annya", 0.05), (me + "kannya", 0.03), (root + "lah", 0.02), (root + "kan", 0.05),
    ]


def noun_forms(root):
    return [(root, 1.0), (root + "nya", 0.2), (root + "an", 0.04), ("ke" + root + "an", 0.02),
            (root + "-" + root, 0.03)]


def zipf(n, s=1.0, offset=2.7):
    return [1.0 / (r + offset) ** s for r in range(n)]


def load_sample_words():
    words = []
    with open(os.path.join(HERE, "words-id.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            w, n = line.rstrip("\n").split("\t")
            words.append((w, int(n)))
    return words


def pseudo_roots(n, rng, avoid):
    out, seen = [], set(avoid)
    while len(out) < n:
        k = rng.choice((2, 2, 2, 3, 3))
        w = "".join(rng.choice(_SYLLABLES) for _ in range(k)) + rng.choice(_CODAS)
        if w not in seen and len(w) >= 4:
            seen.add(w)
            out.append(w)
    return out


def number_item(rng):
    r = rng.random()
    if r < 0.22:
        return str(rng.randint(1, 60))
    if r < 0.38:
        return str(rng.randint(1998, 2012))
    if r < 0.58:
        amount = rng.choice((25, 50, 75, 100, 150, 250, 300, 500, 750, 1000, 1500, 2000, 2500, 5000, 10000, 25000, 150000))
        amount *= 1000
        s = f"{amount:,}".replace(",", ".")
        return "Rp " + s if rng.random() < 0.85 else "Rp" + s + ",00"
    if r < 0.68:
        return f"{rng.randint(1, 99)} persen" if rng.random() < 0.6 else f"{rng.randint(1, 99)}%"
    if r < 0.80:
        return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2007, 2010)}"
    if r < 0.90:
        return f"RT {rng.randint(1, 12):02d}" if rng.random() < 0.5 else f"RW {rng.randint(1, 9):02d}"
    return f"{rng.randint(1, 12)},{rng.randint(1, 9)} juta"


class Vocabulary:
    """Weighted items (strings, some with spaces) and a fast sampler."""

    def __init__(self, topic_rate=TOPIC_RATE, tail_roots=24000):
        rng = random.Random("koda-bench-vocabulary-v1")
        mass = dict(DEFAULT_MASS)
        mass["topic"] = topic_rate
        self.mass = mass
        classes = {}

        # Programme words among the samples' words belong to the topic class only, so that
        # the topic share alone sets how often they occur.
        topic_keys = {w.casefold() for w in TOPIC_WORDS} | {w.casefold() for p in TOPIC_PHRASES for w in p.split()}
        sample = load_sample_words()
        classes["sample"] = [(w, float(n)) for w, n in sample if w.casefold() not in topic_keys]

        items = []
        for rank, root in enumerate(VERB_ROOTS):
            base = 1.0 / (rank + 3) ** 0.9
            items += [(w, base * x) for w, x in verb_forms(root)]
        for rank, root in enumerate(NOUN_ROOTS):
            base = 1.2 / (rank + 3) ** 0.9
            items += [(w, base * x) for w, x in noun_forms(root)]
        classes["roots"] = _merge(items)
        self.root_forms = [w for w, _ in classes["roots"]]

        known = {w.lower() for w, _ in classes["sample"]} | {w for w, _ in classes["roots"]}
        tail_roots = pseudo_roots(tail_roots, rng, known)
        self.tail_roots = tail_roots
        items = []
        for rank, root in enumerate(tail_roots):
            base = 1.0 / (rank + 10) ** 1.05
            forms = verb_forms(root) if rank % 3 else noun_forms(root)
            picked = rng.sample(forms, k=min(len(forms), rng.choice((1, 2, 3, 4, 6))))
            if (root, 1.0) not in picked:
                picked.append((root, 1.0))
            items += [(w, base * x) for w, x in picked]
        classes["tail"] = _merge(items)

        names = []
        for i, n in enumerate(FIRST_NAMES):
            names.append((n, 1.0 / (i + 3)))
            names.append((rng.choice(TITLES) + " " + n, 0.6 / (i + 3)))
        for i, p in enumerate(PLACES):
            names.append((p, 0.5 / (i + 3)))
        classes["names"] = names

        redup = []
        for i, root in enumerate(["kegiatan", "anak", "warga", "relawan", "ibu", "bapak", "orang",
                                  "rumah", "utusan", "kelompok", "pengurus", "anggota", "jalan",
                                  "rapat", "tetangga", "masalah", "usulan", "laporan", "program",
                                  "hal", "macam", "pelan", "sama", "masing", "kadang", "lama",
                                  "cepat", "baik", "benar", "tiba"]):
            redup.append((root + "-" + root, 1.0 / (i + 2)))
        classes["redup"] = redup

        classes["numbers"] = [(number_item(rng), 1.0) for _ in range(4000)]

        topic = []
        tw = zipf(len(TOPIC_WORDS), 0.85, 3)
        topic += list(zip(TOPIC_WORDS, tw))
        total_words = sum(tw)
        # Phrases and collocations get a fixed share of the topic class.
        pw = zipf(len(TOPIC_PHRASES), 0.7, 2)
        scale = 0.30 * total_words / sum(pw)
        topic += [(p, scale * x) for p, x in zip(TOPIC_PHRASES, pw)]
        nw = zipf(len(TOPIC_NEAR), 0.5, 2)
        scale = 0.12 * total_words / sum(nw)
        topic += [(p, scale * x) for p, x in zip(TOPIC_NEAR, nw)]
        classes["topic"] = topic
        self.classes = classes

        self.items, cum, acc = [], [], 0.0
        for name, entries in classes.items():
            share = mass.get(name, 0.0)
            tot = sum(x for _, x in entries)
            if share <= 0 or tot <= 0:
                continue
            for w, x in entries:
                acc += share * x / tot
                self.items.append(w)
                cum.append(acc)
        self.cum = cum
        # Mean words per item (phrases count several): used to size documents.
        words = [len(w.split()) for w in self.items]
        self.words_per_item = sum((c - p) * n for c, p, n in zip(cum, [0.0] + cum[:-1], words)) / acc

    def fingerprint(self):
        """Changes whenever the items or their weights change (make_corpus.py's manifest)."""
        h = hashlib.sha1()
        for w, c in zip(self.items, self.cum):
            h.update(f"{w}\t{c:.9g}\n".encode("utf-8"))
        return h.hexdigest()[:16]

    def sample(self, rng, k):
        return rng.choices(self.items, cum_weights=self.cum, k=k)

    def weight_of(self, item):
        i = self.items.index(item)
        prev = self.cum[i - 1] if i else 0.0
        return (self.cum[i] - prev) / self.cum[-1]


def _merge(items):
    acc = {}
    for w, x in items:
        acc[w] = acc.get(w, 0.0) + x
    return list(acc.items())


if __name__ == "__main__":
    v = Vocabulary()
    print(len(v.items), "items;", {k: len(x) for k, x in v.classes.items()}, "words/item %.3f" % v.words_per_item)
    rng = random.Random(1)
    print(" ".join(v.sample(rng, 200)))
