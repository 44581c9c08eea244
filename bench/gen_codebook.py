#!/usr/bin/env python3
"""Writes a large synthetic codebook for measuring `parse_codebook`.

The issue asks that a 1 MB codebook with 20,000 terms parse in well under a second. This
script writes such a file: top-level codes with child codes, each leaf with labels in two
languages, a description, notes, an example and several `match` lines mixing every term
kind (stem words, phrases, prefixes, surface forms, NEAR, NOT, a few regexes), plus cue and
negation blocks. Output is deterministic for a given seed.

    bench/gen_codebook.py -o /tmp/big.kcb            # 20,000 terms, about 1 MB
    bench/gen_codebook.py --terms 5000 --seed 7 -o -
"""

import argparse
import random
import sys

SYLLABLES = [c + v for c in "bcdfghjklmnprstwy" for v in "aiueo"]


class Words:
    """Pseudo-Indonesian words, never the same one twice."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def next(self):
        while True:
            word = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4)))
            if word not in self.used:
                self.used.add(word)
                return word


def term(words, rng):
    """One term of a random kind; returns (text, number of terms)."""
    roll = rng.random()
    if roll < 0.55:
        return words.next(), 1
    if roll < 0.70:
        return f'"{words.next()} {words.next()}"', 1
    if roll < 0.80:
        return words.next() + "*", 1
    if roll < 0.88:
        return "=" + words.next().upper(), 1
    if roll < 0.96:
        return f"({words.next()} NEAR/{rng.randint(2, 6)} {words.next()})", 2
    if roll < 0.99:
        return f"{words.next()} & !{words.next()}", 2
    return f"/{words.next()}\\s*\\d+/i", 1


def match_line(words, rng, budget):
    parts, count = [], 0
    while count < budget:
        text, n = term(words, rng)
        parts.append(text)
        count += n
    return "match " + " | ".join(parts), count


def leaf(code_id, words, rng, terms, indent):
    pad = " " * indent
    lines = [
        f"{pad}code {code_id} {{",
        f'{pad}  label id "Label {code_id} dalam bahasa Indonesia"',
        f'{pad}  label en "Label {code_id} in English"',
        f'{pad}  description "Definisi kode {code_id}: ' + " ".join(words.next() for _ in range(8)) + '."',
        f'{pad}  include "Termasuk bila informan menyebut ' + " ".join(words.next() for _ in range(6)) + '."',
        f'{pad}  exclude "Tidak termasuk ' + " ".join(words.next() for _ in range(6)) + '."',
        f'{pad}  example "' + " ".join(words.next() for _ in range(9)) + '."',
    ]
    count = 0
    while count < terms:
        line, n = match_line(words, rng, min(8, terms - count))
        lines.append(f"{pad}  {line}")
        count += n
    lines.append(f'{pad}  unless "{words.next()} {words.next()}"')
    lines.append(f"{pad}}}")
    return lines, count + 1


def generate(total_terms, seed):
    rng = random.Random(seed)
    words = Words(rng)
    out = [
        '# Synthetic codebook written by bench/gen_codebook.py',
        'codebook "Synthetic benchmark codebook" {',
        '  version "1.0"',
        "  language id",
        '  source "bench/gen_codebook.py"',
        "  valence scope sentence",
        "  negation window 3",
    ]
    count, parent = 0, 0
    while count < total_terms:
        parent += 1
        out += [f"  code faktor{parent} {{", f'    label id "Faktor {parent}"', f'    label en "Factor {parent}"']
        for child in range(1, 5):
            if count >= total_terms:
                break
            lines, n = leaf(f"sub{child}", words, rng, min(rng.randint(8, 14), total_terms - count), 4)
            out += lines
            count += n
        out.append("  }")
    out += [
        "  cue obstacle { match hambatan | kendala | kurang | belum | sulit | terbatas }",
        '  cue support { match dukung | lancar | antusias | "berjalan baik" }',
        '  negation { match tidak | bukan | tanpa | "tidak ada" }',
        "}",
    ]
    return "\n".join(out) + "\n", count


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--terms", type=int, default=20000, help="match and unless terms to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", default="-", help="file to write, or - for stdout")
    args = parser.parse_args()
    text, count = generate(args.terms, args.seed)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    print(f"{count} terms, {len(text.encode())} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
