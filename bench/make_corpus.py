#!/usr/bin/env python3
"""Write a synthetic corpus of Indonesian interview transcripts for koda's benchmark.

    bench/make_corpus.py --size 200MB --out bench/out/corpus --seed 1

Many documents of 5-50 KB (log-uniform, mean about 20 KB), each a Markdown file with YAML
front matter (kind: interview, title, date, site, informant, role, interviewer) and speaker
turns: the interviewer (`Peneliti:`, `Pewawancara:` or `P:`) asks, the informant (`Pak
Bambang:`, `Bu Endang:`, `Informan:`, `I:`) answers, some documents with timestamps
(`[00:12:31] Peneliti: ...`), some answers running over several lines. The words come from
bench/vocab.py: harvested sample words, affixed forms of real roots, a long tail of rare
pseudo-words, names, reduplications, numbers and money, and the programme vocabulary at a
rate at which about 5-10 % of tokens hit bench/make_codebook.py's codebook.

Deterministic: document i depends only on (seed, i), so the output is the same for any
--jobs. Files go to OUT/dNNN/wNNNNNN-ROLE.md (500 per folder) and OUT/manifest.json records
the parameters; an OUT whose manifest matches is left alone (use --force to rewrite).
"""

import argparse
import json
import math
import multiprocessing
import os
import random
import re
import shutil
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vocab  # noqa: E402

VERSION = 2  # bump whenever the output for a given seed changes
PER_DIR = 500
MIN_DOC, MAX_DOC = 5_000, 50_000

ROLES = [
    ("lurah", "Lurah"), ("koordinator-bkm", "Koordinator BKM"), ("sekretaris-bkm", "Sekretaris BKM"),
    ("manajer-upk", "Manajer UPK"), ("fasilitator-kelurahan", "Fasilitator Kelurahan"),
    ("anggota-ksm", "Anggota KSM"), ("ketua-ksm", "Ketua KSM"), ("penerima-manfaat", "Penerima manfaat"),
    ("relawan", "Relawan"), ("ketua-rt", "Ketua RT"), ("ketua-rw", "Ketua RW"),
    ("kader-posyandu", "Kader posyandu"), ("tokoh-masyarakat", "Tokoh masyarakat"),
]
QUESTION_STARTS = [
    "Bagaimana", "Apakah", "Apa", "Kenapa", "Mengapa", "Berapa", "Siapa", "Kapan", "Di mana",
    "Menurut Bapak", "Menurut Ibu", "Bisa dijelaskan", "Bisa diceritakan", "Seperti apa",
    "Apa kendala", "Bagaimana dengan", "Apakah ada hambatan dalam",
]
SHORT_PROMPTS = ["Oh, begitu.", "Lalu?", "Terus?", "Baik, Pak.", "Iya, Bu.", "Maksudnya bagaimana?",
                 "Bisa diberi contoh?", "Hmm.", "Oke.", "Jadi?"]

_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9,
          "kib": 2**10, "mib": 2**20, "gib": 2**30}


def parse_size(text):
    m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]*)\s*", text)
    if not m or m.group(2).lower() not in _UNITS:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 50MB, 200MB, 1GB)")
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


def doc_sizes(total, seed):
    rng = random.Random(f"koda-bench-sizes:{seed}")
    sizes, acc = [], 0
    lo, hi = math.log(MIN_DOC), math.log(MAX_DOC)
    while acc < total:
        s = int(math.exp(rng.uniform(lo, hi)))
        s = min(s, max(MIN_DOC, total - acc)) if total - acc < MIN_DOC * 2 else s
        sizes.append(s)
        acc += s
    return sizes


class Writer:
    def __init__(self, vocabulary):
        self.v = vocabulary
        self.pool = []
        self.pos = 0

    def items(self, rng, k):
        if self.pos + k > len(self.pool):
            self.pool = self.v.sample(rng, max(4096, k))
            self.pos = 0
        out = self.pool[self.pos:self.pos + k]
        self.pos += k
        return out

    def sentence(self, rng, lo=4, hi=20, end="."):
        words = self.items(rng, rng.randint(lo, hi))
        n = len(words)
        if n > 5 and rng.random() < 0.35:
            i = rng.randint(2, n - 2)
            words[i] = words[i] + ","
        r = rng.random()
        if r < 0.03 and n > 6:
            i = rng.randint(2, n - 3)
            words[i] = words[i] + " —"
        elif r < 0.05 and n > 5:
            i = rng.randint(1, n - 3)
            words[i] = "“" + words[i]
            words[i + 1] = words[i + 1] + "”"
        first = words[0]
        words[0] = first[0].upper() + first[1:]
        if end == "." and rng.random() < 0.03:
            end = rng.choice(("!", "...", "."))
        return " ".join(words) + end

    def question(self, rng):
        if rng.random() < 0.08:
            return rng.choice(SHORT_PROMPTS)
        start = rng.choice(QUESTION_STARTS)
        body = self.items(rng, rng.randint(3, 12))
        return start + " " + " ".join(body) + "?"


def one_doc(writer, seed, index, size):
    rng = random.Random(f"koda-bench-doc:{seed}:{index}")
    writer.pool, writer.pos = [], 0  # nothing carries over from the previous document
    role, role_label = rng.choice(ROLES)
    first = rng.choice(vocab.FIRST_NAMES)
    title = rng.choice(("Pak", "Bu", "Mas", "Mbak"))
    place = rng.choice(vocab.PLACES)
    style = rng.random()
    if style < 0.6:
        interviewer, informant = "Peneliti", f"{title} {first}"
    elif style < 0.75:
        interviewer, informant = "P", "I"
    elif style < 0.9:
        interviewer, informant = "Pewawancara", "Informan"
    else:
        interviewer, informant = "Peneliti", f"{title} {first} ({role_label})"
    stamps = rng.random() < 0.2
    clock = rng.randint(0, 120)

    head = [
        "---",
        "kind: interview",
        f"title: Wawancara dengan {role_label} {first}",
        f"date: {rng.randint(2007, 2010)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"site: RW {rng.randint(1, 9):02d} Kelurahan {place}",
        f"informant: INF-{index + 1:06d}",
        f"role: {role}",
        f"interviewer: {interviewer}",
        "---",
        "",
        f"# Transkrip wawancara — {role_label} {place}",
        "",
        " ".join(writer.sentence(rng, 6, 16) for _ in range(rng.randint(1, 3))),
        "",
    ]
    if interviewer == "P":
        head[-2] = "P = pewawancara, I = informan. " + head[-2]
    out = "\n".join(head) + "\n"
    parts = [out]
    length = len(out.encode("utf-8"))

    def label(who):
        nonlocal clock
        if not stamps:
            return f"{who}: "
        clock += rng.randint(5, 90)
        return f"[{clock // 3600:02d}:{clock // 60 % 60:02d}:{clock % 60:02d}] {who}: "

    while length < size:
        q = writer.question(rng)
        if rng.random() < 0.2:
            q = writer.sentence(rng, 4, 10) + " " + q
        turn = label(interviewer) + q + "\n\n"
        lines, nsent = [], rng.choice((1, 2, 2, 3, 3, 4, 5, 6, 8))
        cur = []
        for _ in range(nsent):
            cur.append(writer.sentence(rng))
            if rng.random() < 0.12:
                lines.append(" ".join(cur))
                cur = []
        if cur:
            lines.append(" ".join(cur))
        turn += label(informant) + "\n".join(lines) + "\n\n"
        parts.append(turn)
        length += len(turn.encode("utf-8"))
    return role, "".join(parts)


_WRITER = None
_ARGS = None


def _init(topic_rate):
    global _WRITER
    _WRITER = Writer(vocab.Vocabulary(topic_rate=topic_rate))


def _work(task):
    out, seed, start, sizes = task
    total = 0
    for k, size in enumerate(sizes):
        i = start + k
        role, text = one_doc(_WRITER, seed, i, size)
        folder = os.path.join(out, f"d{i // PER_DIR:03d}")
        os.makedirs(folder, exist_ok=True)
        data = text.encode("utf-8")
        with open(os.path.join(folder, f"w{i:06d}-{role}.md"), "wb") as f:
            f.write(data)
        total += len(data)
    return len(sizes), total


def generate(out, size, seed, jobs, topic_rate, force=False, quiet=False):
    params = {"version": VERSION, "size": size, "seed": seed, "topic_rate": topic_rate,
              "vocabulary": vocab.Vocabulary(topic_rate=topic_rate).fingerprint()}
    manifest = os.path.join(out, "manifest.json")
    if os.path.exists(manifest):
        with open(manifest) as f:
            old = json.load(f)
        if not force and {k: old.get(k) for k in params} == params:
            if not quiet:
                print(f"make_corpus: {out} already holds this corpus ({old['files']} files, {old['bytes']} bytes)", file=sys.stderr)
            return old
        for name in os.listdir(out):
            if re.fullmatch(r"d[0-9]{3}", name):
                shutil.rmtree(os.path.join(out, name))
        os.remove(manifest)
    elif os.path.isdir(out) and os.listdir(out):
        sys.exit(f"make_corpus: {out} exists, is not empty and has no manifest.json; refusing to write into it")
    os.makedirs(out, exist_ok=True)

    t0 = time.time()
    sizes = doc_sizes(size, seed)
    tasks, chunk = [], 64
    for start in range(0, len(sizes), chunk):
        tasks.append((out, seed, start, sizes[start:start + chunk]))
    files = written = 0
    if jobs <= 1:
        _init(topic_rate)
        results = map(_work, tasks)
    else:
        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_init, initargs=(topic_rate,))
        results = pool.imap_unordered(_work, tasks)
    for n, b in results:
        files += n
        written += b
    if jobs > 1:
        pool.close()
        pool.join()
    info = dict(params, files=files, bytes=written, seconds=round(time.time() - t0, 2))
    with open(manifest, "w") as f:
        json.dump(info, f, indent=1)
        f.write("\n")
    if not quiet:
        print(f"make_corpus: wrote {files} files, {written / 1e6:.1f} MB to {out} in {info['seconds']} s", file=sys.stderr)
    return info


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=parse_size, default=parse_size("200MB"), help="total size, e.g. 50MB, 200MB, 1GB (MB = 10^6 bytes)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out", "corpus"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (output is the same for any value)")
    ap.add_argument("--topic-rate", type=float, default=vocab.TOPIC_RATE, help="share of programme vocabulary items (default %(default)s)")
    ap.add_argument("--force", action="store_true", help="rewrite even when the manifest matches")
    args = ap.parse_args()
    generate(args.out, args.size, args.seed, args.jobs, args.topic_rate, args.force)


if __name__ == "__main__":
    main()
