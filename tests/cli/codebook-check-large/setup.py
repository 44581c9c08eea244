# A 1 MB codebook with 20,000 terms in 400 codes: must parse (and quickly; see bench/).
import random
random.seed(7)
syllables = ["ka", "la", "sa", "na", "ma", "pe", "ri", "tu", "do", "gan", "kan", "lak", "san"]
def word():
    return "".join(random.choice(syllables) for _ in range(random.randint(2, 4)))
lines = ['codebook "Besar" {', "  language none"]
for c in range(400):
    lines.append(f"  code kode{c:03d} {{")
    lines.append(f'    label id "Kode nomor {c} dengan label yang cukup panjang untuk ukuran"')
    lines.append(f'    description "Deskripsi kode {c}: ' + " ".join(word() for _ in range(220)) + '"')
    used = set()
    def fresh():
        while True:
            w = word()
            if w not in used:
                used.add(w)
                return w
    for m in range(5):
        terms = []
        for t in range(10):
            k = random.random()
            w = fresh()
            terms.append(f'"{w} {fresh()}"' if k < 0.2 else f"{w}*" if k < 0.3 else f"={w}" if k < 0.35 else w)
        lines.append("    match " + " | ".join(terms))
    lines.append("  }")
lines.append("}")
open("large.kcb", "w").write("\n".join(lines) + "\n")
