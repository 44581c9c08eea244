#!/usr/bin/env python3
"""Write the benchmark codebook (koda's codebook language) and the matching terms.txt.

    bench/make_codebook.py --out bench/out            # writes codebook.kcb and terms.txt

The terms come from the same vocabulary as bench/make_corpus.py (bench/vocab.py):
  ~280 words     programme words (relawan, sosialisasi, pelaksanaan ...), affixed forms of
                 real roots and a few rare tail words; bare (matched by stem) and a few
                 surface forms (=BLM)
  ~70 phrases    "dana bergulir", "petunjuk teknis", "tidak ada kendala" ... and some
                 two-word phrases that seldom occur
  ~50 prefixes   sosialisasi*, pencair*, pendamping* ...
  ~20 NEAR rules (pendidikan NEAR/4 rendah), (waktu NEAR/3 terbatas) ...
grouped into 8 parent codes with 5-7 child codes each, plus cue obstacle / cue support /
negation blocks like the shipped codebooks'.

terms.txt holds one literal per line for ripgrep (`rg -c -F -i -f terms.txt`): every word
(surface forms without `=`), phrase, prefix (without `*`) and NEAR operand of the code
rules. Cue and negation terms are left out (ripgrep would spend its time on `tidak`).
"""

import argparse
import os
import random
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vocab  # noqa: E402

N_WORDS, N_PHRASES, N_PREFIXES = 280, 70, 50

CUE_OBSTACLE = "hambatan | kendala | halangan | rintangan | gangguan | =kurang | =kurangnya | =kekurangan | belum | sulit | terbatas* | lambat | macet | masalah*"
CUE_SUPPORT = 'lancar | dukung | antusias | berhasil* | keberhasilan* | mudah | "berjalan baik" | "sangat membantu"'
NEGATION = 'tidak | tak | =tdk | bukan | tanpa | belum | =nggak | "tidak ada" | "nggak ada"'

# Words reserved for cues and negation, and the everyday words of the programme that would
# code every turn (as the shipped codebooks leave them out); never code terms.
RESERVED = {"kendala", "hambatan", "lancar", "kelancaran", "berhasil", "keberhasilan", "menghambat",
            "terbatas", "keterbatasan", "kesulitan", "antusias",
            "bkm", "ksm", "upk", "p2kp", "pnpm", "warga", "program", "kegiatan", "rapat", "laporan"}

PARENTS = [
    ("standar", "Standar dan sasaran kebijakan", "Policy standards and objectives"),
    ("komunikasi", "Komunikasi antarorganisasi", "Communication"),
    ("sumberdaya", "Sumber daya", "Resources"),
    ("sikap", "Sikap pelaksana", "Disposition of implementers"),
    ("sosek", "Kondisi sosial, ekonomi dan politik", "Social, economic and political conditions"),
    ("organisasi", "Karakteristik organisasi pelaksana", "Implementing organisations"),
    ("tahapan", "Tahapan program", "Programme stages"),
    ("hasil", "Capaian dan dampak", "Outcomes and impact"),
]


def pick_terms(rng):
    v = vocab.Vocabulary()
    words, seen = [], set()

    def add_word(w, surface=False):
        key = w.lower()
        if key in seen or key in RESERVED or " " in w or "-" in w:
            return False
        seen.add(key)
        words.append("=" + w if surface else w)
        return True

    # 1. programme words: acronyms as surface forms, others bare.
    for w in vocab.TOPIC_WORDS:
        add_word(w, surface=w.isupper() and rng.random() < 0.5)
    # 2. affixed forms of real roots, mid-frequency ranks first, one form per root.
    # Roots with a form among the programme words are skipped (same stem, redundant term).
    # Everyday roots (the most frequent ones, and any among the samples' 400 commonest words)
    # are skipped: they would code every turn.
    topic = {w.lower() for w in vocab.TOPIC_WORDS}
    common = {w.lower() for w, _ in vocab.load_sample_words()[:400]}
    roots = vocab.VERB_ROOTS[110:] + vocab.NOUN_ROOTS[60:]
    rng.shuffle(roots)
    for root in roots:
        if len(words) >= N_WORDS - 25:
            break
        forms = vocab.verb_forms(root) if root in vocab.VERB_ROOTS else vocab.noun_forms(root)
        if root in common or any(f in topic for f, _ in forms):
            continue
        if root in vocab.VERB_ROOTS:  # the common derivations, not every possible one
            form = rng.choice([f for f, _ in forms if f.startswith(("pe", "di", "me")) or f.endswith("an") or f == root])
        else:
            form = rng.choice((root, root, root + "nya"))
        add_word(form)
    # 3. rare tail words (seldom or never seen: a codebook has many of those).
    tail = list(v.tail_roots[200:5000])
    rng.shuffle(tail)
    for w in tail:
        if len(words) >= N_WORDS:
            break
        add_word(w)

    phrases = [p for p in vocab.TOPIC_PHRASES]
    roots_a = [f for f in v.root_forms if len(f) > 3 and "-" not in f]
    while len(phrases) < N_PHRASES:
        p = f"{rng.choice(roots_a)} {rng.choice(roots_a)}"
        if p not in phrases:
            phrases.append(p)
    phrases = phrases[:N_PHRASES]

    prefixes, pseen = [], set()
    prefix_sources = [w for w in vocab.TOPIC_WORDS if len(w) >= 7 and w.islower() and "-" not in w and w not in RESERVED]
    rng.shuffle(prefix_sources)
    for w in prefix_sources:
        if len(prefixes) >= 32:
            break
        p = w[: max(5, len(w) - rng.randint(0, 3))]
        if p not in pseen:
            pseen.add(p)
            prefixes.append(p + "*")
    for root in vocab.VERB_ROOTS[20:]:
        if len(prefixes) >= 44:
            break
        p = vocab.nasal("pe", root)
        if len(p) >= 5 and p not in pseen:
            pseen.add(p)
            prefixes.append(p + "*")
    for w in v.tail_roots[5000:]:
        if len(prefixes) >= N_PREFIXES:
            break
        if w[:5] not in pseen:
            pseen.add(w[:5])
            prefixes.append(w[:5] + "*")

    nears = []
    for c in vocab.TOPIC_NEAR:
        toks = c.split()
        a, b = toks[0], toks[-1]
        dist = len(toks) - 1 + rng.randint(0, 2)
        nears.append(f"({a} NEAR/{dist} {b})")
    nears.append("((pengajian | posyandu | arisan) NEAR/6 (informasi | sosialisasi))")
    nears.append("((pinjaman | angsuran) NEAR/4 (macet | nunggak | telat))")
    return words, phrases, prefixes, nears


def quote(p):
    return f'"{p}"'


def build(seed):
    rng = random.Random(f"koda-bench-codebook:{seed}")
    words, phrases, prefixes, nears = pick_terms(rng)
    terms = [("w", w) for w in words] + [("p", quote(p)) for p in phrases] + \
            [("x", x) for x in prefixes] + [("n", n) for n in nears]
    rng.shuffle(terms)

    leaves = []
    for pid, _, _ in PARENTS:
        for k in range(rng.randint(5, 7)):
            leaves.append((pid, f"{pid}-{k + 1:02d}"))
    # Deal the terms round-robin so every leaf gets some.
    per_leaf = {leaf: [] for _, leaf in leaves}
    for i, (_, t) in enumerate(terms):
        per_leaf[leaves[i % len(leaves)][1]].append(t)

    out = [
        "# Benchmark codebook written by bench/make_codebook.py (do not edit: regenerate).",
        f"# {len(words)} words, {len(phrases)} phrases, {len(prefixes)} prefixes, {len(nears)} NEAR rules.",
        'codebook "Benchmark: faktor implementasi (sintetis)" {',
        '  version "1.0"',
        "  language id",
        '  source "bench/make_codebook.py"',
        "  valence scope sentence",
        "  negation window 3",
        "",
    ]
    for pid, lid, len_ in PARENTS:
        out += [f"  code {pid} {{", f'    label id "{lid}"', f'    label en "{len_}"']
        for parent, leaf in leaves:
            if parent != pid:
                continue
            ts = per_leaf[leaf]
            out += [f"    code {leaf} {{", f'      label id "{lid}: subkode {leaf[-2:]}"',
                    f'      label en "{len_}: subcode {leaf[-2:]}"']
            for j in range(0, len(ts), 6):
                out.append("      match " + " | ".join(ts[j:j + 6]))
            out.append("    }")
        out += ["  }", ""]
    out += [
        f"  cue obstacle {{ match {CUE_OBSTACLE} }}",
        f"  cue support {{ match {CUE_SUPPORT} }}",
        f"  negation {{ match {NEGATION} }}",
        "}",
    ]
    literals, lseen = [], set()

    def lit(s):
        s = s.strip('"=*')
        if s.lower() not in lseen:
            lseen.add(s.lower())
            literals.append(s)

    for w in words:
        lit(w)
    for p in phrases:
        lit(p)
    for x in prefixes:
        lit(x)
    for n in nears:
        for tok in n.replace("(", " ").replace(")", " ").split():
            if tok != "|" and not tok.startswith("NEAR/"):
                lit(tok)
    counts = dict(words=len(words), phrases=len(phrases), prefixes=len(prefixes), near=len(nears),
                  codes=len(leaves) + len(PARENTS), literals=len(literals))
    return "\n".join(out) + "\n", literals, counts


def write(out_dir, seed=1, quiet=False):
    text, literals, counts = build(seed)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "codebook.kcb"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(out_dir, "terms.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(literals) + "\n")
    if not quiet:
        print("make_codebook: " + ", ".join(f"{v} {k}" for k, v in counts.items()) +
              f" -> {out_dir}/codebook.kcb, {out_dir}/terms.txt", file=sys.stderr)
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    write(args.out, args.seed)


if __name__ == "__main__":
    main()
