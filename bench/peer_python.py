#!/usr/bin/python3
"""The tokenise-stem-lookup peer for koda's benchmark: what a researcher would write in Python.

    /usr/bin/python3 bench/peer_python.py -c bench/out/codebook.kcb FILES_OR_DIRS... > counts.tsv
    /usr/bin/python3 bench/peer_python.py -c CB --files-from list.txt > counts.tsv

Run it with Debian's /usr/bin/python3, where python3-icu (PyICU) and python3-stemmer
(PyStemmer) are installed (`scripts/install-deps --bench`), not a pyenv python.

Per document: skip the YAML front matter and the interviewer's turns (Peneliti, Pewawancara,
Interviewer, P, Q, or the `interviewer:` key), split the rest into words with ICU's word
BreakIterator (PyICU; `--tokenizer regex` or a missing PyICU uses a regular expression
instead, and the summary says which), join a reduplication `X-X` into one token, case-fold,
stem with Snowball Indonesian (PyStemmer) through a cache filled once per distinct folded
form, and look the token up in dicts built from the codebook's code rules:
  bare words -> by stem; =words -> by folded surface form; word* -> folded prefix (resolved
  once per distinct form); "phrases" -> consecutive stems, indexed on the first word;
  a NEAR/n b -> pairs of operand positions at most n tokens apart.
Cue and negation blocks are not looked up (a dictionary count, as quanteda's tokens_lookup
or tidytext would do, not koda's rule logic and valence).

stdout: one line per document: path, tokens, hits, and `code=n` for the codes hit.
stderr: a last line `peer-summary: {json}` with documents, bytes, tokens, distinct forms,
tokens hit, hit rate, tokenizer and seconds.
"""

import argparse
import json
import os
import re
import sys
import time

try:
    import Stemmer
except ImportError:  # pragma: no cover
    sys.exit("peer_python: PyStemmer is missing: run scripts/install-deps --bench and use /usr/bin/python3")

try:
    import icu
except ImportError:  # pragma: no cover
    icu = None

INTERVIEWER_LABELS = {"peneliti", "pewawancara", "interviewer", "p", "q"}

# ---------------------------------------------------------------- codebook (a subset of koda's language)

_TOKEN = re.compile(r'''
    (?P<ws>\s+|\#[^\n]*)
  | (?P<str>"(?:[^"\\]|\\.)*")
  | (?P<near>NEAR/\d+)
  | (?P<punct>[{}()|&!])
  | (?P<regex>/(?:[^/\\\n]|\\.)+/[a-z]*)
  | (?P<word>=?[^\s{}()|&!"#]+)
''', re.X)


def lex(text):
    out, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise SyntaxError(f"codebook: cannot read at offset {pos}: {text[pos:pos + 20]!r}")
        pos = m.end()
        if m.lastgroup != "ws":
            out.append((m.lastgroup, m.group()))
    return out


class Parser:
    """Reads codes, their `match` expressions and nesting; skips other statements."""

    def __init__(self, toks):
        self.t, self.i = toks, 0
        self.rules = []  # (code path, expression)

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self):
        tok = self.t[self.i]
        self.i += 1
        return tok

    def block(self, path):
        while True:
            kind, val = self.peek()
            if val == "}" or kind is None:
                self.i += 1
                return
            self.i += 1
            key = val.lower() if kind == "word" else val
            if key == "code":
                _, cid = self.take()
                self.take()  # {
                self.block(path + [cid])
            elif key == "codebook":
                while self.peek()[1] != "{":
                    self.i += 1
                self.i += 1
                self.block(path)
            elif key in ("cue", "negation") and (self.peek()[1] == "{" or self.t[self.i + 1][1] == "{"):
                while self.peek()[1] != "{":
                    self.i += 1
                self.i += 1
                self.skip_block()
            elif key == "match" and path:
                self.rules.append(("/".join(path), self.expr()))
            elif key == "unless":
                self.expr()  # vetoes are not part of a dictionary count
            # anything else (label id "..", version "..", language id ...) is skipped token by token

    def skip_block(self):
        depth = 1
        while depth:
            _, val = self.take()
            depth += val == "{"
            depth -= val == "}"

    def expr(self):
        alts = [self.conj()]
        while self.peek()[1] in ("|", "OR"):
            self.i += 1
            alts.append(self.conj())
        return alts[0] if len(alts) == 1 else ("or", alts)

    def conj(self):
        parts = [self.neg()]
        while self.peek()[1] in ("&", "AND"):
            self.i += 1
            parts.append(self.neg())
        return parts[0] if len(parts) == 1 else ("and", parts)

    def neg(self):
        if self.peek()[1] in ("!", "NOT"):
            self.i += 1
            return ("not", self.neg())
        return self.near()

    def near(self):
        left = self.primary()
        while self.peek()[0] == "near":
            n = int(self.take()[1].split("/")[1])
            left = ("near", left, self.primary(), n)
        return left

    def primary(self):
        kind, val = self.take()
        if val == "(":
            e = self.expr()
            self.take()  # )
            return e
        if kind == "str":
            words = val[1:-1].split()
            return ("stem", words[0]) if len(words) == 1 else ("phrase", words)
        if kind == "regex":
            return ("regex", val)
        if val.startswith("="):
            return ("surface", val[1:])
        if val.endswith("*"):
            return ("prefix", val[:-1])
        return ("stem", val)


def parse_codebook(path):
    with open(path, encoding="utf-8") as f:
        p = Parser(lex(f.read()))
    p.block([])
    return p.rules


# ---------------------------------------------------------------- matcher

class Matcher:
    def __init__(self, rules, stemmer):
        self.stemmer = stemmer
        self.codes = []
        self.code_ix = {}
        self.atoms = {}            # (kind, folded text) -> atom id
        self.atom_codes = []       # atom id -> [code ix] (direct hits)
        self.atom_near = []        # atom id -> [(rule ix, side)]
        self.by_stem, self.by_surface, self.prefixes = {}, {}, []
        self.phrase_first = {}     # first stem -> [(rest stems, code ix)]
        self.near_rules = []       # (code ix, n)
        for path, e in rules:
            if path not in self.code_ix:
                self.code_ix[path] = len(self.codes)
                self.codes.append(path)
            self.add(e, self.code_ix[path], None)

    def atom(self, kind, text):
        key = (kind, text.casefold())
        a = self.atoms.get(key)
        if a is None:
            a = self.atoms[key] = len(self.atom_codes)
            self.atom_codes.append([])
            self.atom_near.append([])
            folded = key[1]
            if kind == "stem":
                self.by_stem.setdefault(self.stemmer.stemWord(folded), []).append(a)
            elif kind == "surface":
                self.by_surface.setdefault(folded, []).append(a)
            else:
                self.prefixes.append((folded, a))
        return a

    def add(self, e, code, near):
        kind = e[0]
        if kind in ("or", "and"):
            for x in e[1]:
                self.add(x, code, near)
        elif kind == "not":
            pass
        elif kind == "near":
            r = len(self.near_rules)
            self.near_rules.append((code, e[3]))
            self.add(e[1], code, (r, 0))
            self.add(e[2], code, (r, 1))
        elif kind in ("stem", "surface", "prefix"):
            a = self.atom(kind, e[1])
            if near is None:
                self.atom_codes[a].append(code)
            else:
                self.atom_near[a].append(near)
        elif kind == "phrase":
            stems = [self.stemmer.stemWord(w.casefold()) for w in e[1]]
            self.phrase_first.setdefault(stems[0], []).append((stems[1:], code))
        # regex terms are ignored by the peer (none in the benchmark codebook)

    def classify(self, form):
        """Per distinct folded form: (stem, atom ids)."""
        if "-" in form:
            a, _, b = form.partition("-")
            base = a if a == b else form
        else:
            base = form
        stem = self.stemmer.stemWord(base)
        atoms = list(self.by_stem.get(stem, ())) + list(self.by_surface.get(form, ()))
        for p, a in self.prefixes:
            if form.startswith(p):
                atoms.append(a)
        return stem, tuple(atoms)


# ---------------------------------------------------------------- documents

_LABEL = re.compile(r"^(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?([^\n:]{1,40}):[ \t]", re.M)
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_REGEX_WORD = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def coded_segments(text):
    """The text of the turns that are coded: everything but front matter and interviewer turns."""
    interviewer = set(INTERVIEWER_LABELS)
    m = _FRONT.match(text)
    if m:
        for line in m.group(1).splitlines():
            if line.startswith("interviewer:"):
                interviewer.add(line.split(":", 1)[1].strip().casefold())
        text = text[m.end():]
    segs, pos, skip = [], 0, False
    for m in _LABEL.finditer(text):
        if not skip and m.start() > pos:
            segs.append(text[pos:m.start()])
        skip = m.group(1).strip().casefold() in interviewer
        pos = m.end()
    if not skip:
        segs.append(text[pos:])
    return segs


def tokens_icu(bi, seg, out):
    if _ASTRAL.search(seg):  # ICU offsets are UTF-16 units; slice through UnicodeString then
        us = icu.UnicodeString(seg)
        bi.setText(us)
        get = lambda s, e: str(us[s:e])  # noqa: E731
    else:
        bi.setText(seg)
        get = None
    start = bi.first()
    prev_end = -2
    for end in bi:
        if bi.getRuleStatus() >= 100:
            w = (get(start, end) if get else seg[start:end]).casefold()
            if start == prev_end + 1 and out and out[-1] == w and seg[prev_end] == "-":
                out[-1] = w + "-" + w
            else:
                out.append(w)
            prev_end = end
        start = end


def tokens_regex(seg, out):
    prev_end = -2
    for m in _REGEX_WORD.finditer(seg):
        w = m.group().casefold()
        if m.start() == prev_end + 1 and out and out[-1] == w and seg[prev_end] == "-":
            out[-1] = w + "-" + w
        else:
            out.append(w)
        prev_end = m.end()


def near_count(a, b, n):
    """Occurrences in a with an occurrence in b at most n tokens away (both lists sorted)."""
    hits, j = 0, 0
    for p in a:
        while j < len(b) and b[j] < p - n:
            j += 1
        k = j
        while k < len(b) and b[k] <= p + n:
            if b[k] != p:
                hits += 1
                break
            k += 1
    return hits


def run(files, matcher, tokenizer, out):
    cache = {}
    classify = matcher.classify
    atom_codes, atom_near = matcher.atom_codes, matcher.atom_near
    phrase_first = matcher.phrase_first
    bi = icu.BreakIterator.createWordInstance(icu.Locale.getRoot()) if tokenizer == "icu" else None
    stats = dict(documents=0, bytes=0, tokens=0, tokens_hit=0, hits=0)
    ncodes = len(matcher.codes)
    for path in files:
        with open(path, "rb") as f:
            raw = f.read()
        stats["bytes"] += len(raw)
        text = raw.decode("utf-8", errors="replace")
        toks = []
        for seg in coded_segments(text):
            if bi is not None:
                tokens_icu(bi, seg, toks)
            else:
                tokens_regex(seg, toks)
        counts = [0] * ncodes
        hit = set()
        stems = []
        near_pos = {}
        phrase_at = []
        for i, w in enumerate(toks):
            e = cache.get(w)
            if e is None:
                e = cache[w] = classify(w)
            stem, atoms = e
            stems.append(stem)
            if stem in phrase_first:
                phrase_at.append(i)
            for a in atoms:
                for c in atom_codes[a]:
                    counts[c] += 1
                    hit.add(i)
                for r, side in atom_near[a]:
                    near_pos.setdefault(r, ([], []))[side].append(i)
        for i in phrase_at:
            for rest, c in phrase_first[stems[i]]:
                k = len(rest)
                if stems[i + 1:i + 1 + k] == rest:
                    counts[c] += 1
                    hit.update(range(i, i + 1 + k))
        for r, (a, b) in near_pos.items():
            if a and b:
                c, n = matcher.near_rules[r]
                k = near_count(a, b, n)
                if k:
                    counts[c] += k
        nh = sum(counts)
        stats["documents"] += 1
        stats["tokens"] += len(toks)
        stats["tokens_hit"] += len(hit)
        stats["hits"] += nh
        out.write(f"{path}\t{len(toks)}\t{nh}\t" +
                  " ".join(f"{matcher.codes[c]}={n}" for c, n in enumerate(counts) if n) + "\n")
    stats["distinct_forms"] = len(cache)
    return stats


def dump_terms(rules, path):
    """The code rules as a flat table for other peers (peer_r.R): kind, code, text, rule, side, n."""
    rows, nrule = [], [0]

    def walk(e, code, near):
        kind = e[0]
        if kind in ("or", "and"):
            for x in e[1]:
                walk(x, code, near)
        elif kind == "near":
            r = nrule[0]
            nrule[0] += 1
            walk(e[1], code, (r, "a", e[3]))
            walk(e[2], code, (r, "b", e[3]))
        elif kind in ("stem", "surface", "prefix", "phrase"):
            text = " ".join(e[1]) if kind == "phrase" else e[1]
            r, side, n = near if near else ("", "", "")
            rows.append(f"{kind}\t{code}\t{text}\t{r}\t{side}\t{n}")

    for code, e in rules:
        walk(e, code, None)
    with open(path, "w", encoding="utf-8") as f:
        f.write("kind\tcode\ttext\trule\tside\tn\n" + "\n".join(rows) + "\n")


def expand(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files += [os.path.join(root, n) for n in sorted(names) if n.endswith((".md", ".txt"))]
        else:
            files.append(p)
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-c", "--codebook", required=True)
    ap.add_argument("--files-from", help="file with one path per line")
    ap.add_argument("--tokenizer", choices=("icu", "regex"), default="icu" if icu else "regex")
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--dump-terms", metavar="TSV", help="write the codebook's code terms as a table (for peer_r.R) and exit")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    if args.tokenizer == "icu" and icu is None:
        sys.exit("peer_python: PyICU is missing (scripts/install-deps --bench, /usr/bin/python3); use --tokenizer regex")
    if args.dump_terms:
        dump_terms(parse_codebook(args.codebook), args.dump_terms)
        return
    t0 = time.perf_counter()
    files = expand(args.paths)
    if args.files_from:
        with open(args.files_from, encoding="utf-8") as f:
            files += [line.rstrip("\n") for line in f if line.strip()]
    stemmer = Stemmer.Stemmer("indonesian")
    matcher = Matcher(parse_codebook(args.codebook), stemmer)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    stats = run(files, matcher, args.tokenizer, out)
    if out is not sys.stdout:
        out.close()
    stats["tokenizer"] = "PyICU BreakIterator" if args.tokenizer == "icu" else "regex"
    stats["seconds"] = round(time.perf_counter() - t0, 3)
    stats["hit_rate"] = round(stats["tokens_hit"] / max(1, stats["tokens"]), 4)
    stats["codes"] = len(matcher.codes)
    stats["atoms"] = len(matcher.atoms)
    stats["phrases"] = sum(len(v) for v in matcher.phrase_first.values())
    stats["near_rules"] = len(matcher.near_rules)
    print("peer-summary: " + json.dumps(stats), file=sys.stderr)


if __name__ == "__main__":
    main()
