#!/usr/bin/env python3
"""koda's benchmark: koda against ripgrep and tokenise-stem-lookup peers, in one run, same files.

    bench/run.py                       # 200 MB corpus, build/koda, median of 3 runs
    bench/run.py --size 50MB --runs 5
    bench/run.py --size 1GB --only koda-code         # the memory check (peak RSS, 1 GB)
    bench/run.py --koda build-rel/koda --skip py1,r

Writes the corpus, codebook and terms.txt under bench/out/ (reused while their parameters
match), warms the page cache, then runs every tool --runs times, interleaved (round 1: all
tools, round 2: all tools, ...) so that noise from other work on the machine hits them alike,
and prints the median wall time, MB/s (MB = 10^6 bytes), peak RSS, koda's ratios to ripgrep
and to the peer against the targets of issues 4 and 5, and koda's start-up time on a
one-page document. Everything printed is also saved to bench/out/results.json.

Rows (ids for --only / --skip):
  read       reading the files only, into one reused 1 MiB buffer (python)
  cat        reading the files only: xargs cat > /dev/null
  rg         rg -c -F -i -f terms.txt -j2: raw case-insensitive multi-literal search (the floor)
  rg-w       rg --count-matches -F -i -w -f terms.txt -j2: whole words (closest to koda)
  koda-code  koda code -c CB --format jsonl --jobs 2 -o FILE  (excerpt text included)
  koda-freq  koda freq -c CB --jobs 2  (counting only)
  py2        Python peer, 2 processes over halves of the files (PyICU + PyStemmer)
  py1        Python peer, 1 process
  r          R peer (stringi + SnowballC), 1 process, when Rscript and both packages exist
  startup    start-up of koda inspect / koda code on a one-page document (hyperfine)
koda rows print "not available" while build/koda lacks the command.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
sys.path.insert(0, BENCH)
import make_codebook  # noqa: E402
import make_corpus  # noqa: E402

SYS_PYTHON = "/usr/bin/python3"
# Reads every listed file into one reused buffer: the cost of reading alone. (GNU cat 9.1 maps
# and unmaps a fresh buffer per file, which costs more than the reading on a busy VM.)
READER = """import sys
buf = bytearray(1 << 20)
n = 0
for p in open(sys.argv[1]).read().splitlines():
    with open(p, "rb", buffering=0) as f:
        while True:
            k = f.readinto(buf)
            if not k:
                break
            n += k
print(n)
"""
GNU_TIME = "/usr/bin/time"

# Reference figures from ../shared/PERFORMANCE.md (2-core Debian 12 VM, 210 MB, median of 3-5).
REFERENCE = {
    "read": "1050 (1 core)",
    "cat": "",
    "rg": "490-570",
    "rg-w": "162",
    "koda-code": "~175 (prototype, excerpts written)",
    "koda-freq": "430-460 (prototype, counts)",
    "py2": "~10",
    "py1": "3.5",
    "r": "5 (1 core)",
}
TARGETS = {  # issue 4 and 5, measured with --jobs 2 on the 2-core machine
    "code_vs_rg": 0.40,
    "freq_vs_rg": 0.75,
    "code_vs_peer": 20.0,
    "rss_mb_1gb": 100.0,
    "startup_ms": 20.0,
}
ALL_ROWS = ["read", "cat", "rg", "rg-w", "koda-code", "koda-freq", "py2", "py1", "r", "startup"]


def size_label(n):
    for unit, f in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= f and n % f == 0:
            return f"{n // f}{unit}"
    return f"{n}B"


def have_python_peer():
    if not os.access(SYS_PYTHON, os.X_OK):
        return False, f"{SYS_PYTHON} not found"
    r = subprocess.run([SYS_PYTHON, "-c", "import Stemmer\ntry:\n import icu; print('icu')\nexcept ImportError: print('regex')"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return False, "python3-stemmer missing (scripts/install-deps --bench)"
    return True, r.stdout.strip()


def have_r_peer():
    if not shutil.which("Rscript"):
        return False, "Rscript not installed (optional: apt-get install --no-install-recommends r-cran-stringi r-cran-snowballc)"
    r = subprocess.run(["Rscript", "-e", "suppressMessages({library(stringi); library(SnowballC)})"], capture_output=True)
    if r.returncode != 0:
        return False, "R packages stringi / SnowballC missing (r-cran-stringi, r-cran-snowballc)"
    return True, ""


def koda_has(koda, command):
    if not koda or not os.access(koda, os.X_OK):
        return False
    r = subprocess.run([koda, command, "--help"], capture_output=True)
    return r.returncode == 0


class Row:
    def __init__(self, rid, title, cmds=None, stdout=None, note="", unavailable=None, slow=False, before=None):
        self.id, self.title, self.cmds, self.stdout = rid, title, cmds or [], stdout or []
        self.note, self.unavailable, self.slow = note, unavailable, slow
        self.before = before  # run before each timed run, untimed
        self.times, self.rss_kb, self.failed = [], [], None

    def median(self):
        return statistics.median(self.times) if self.times else None


def run_row(row, workdir, logdir):
    """Runs the row's commands in parallel; returns wall seconds; records peak RSS."""
    procs, rss_files, errs = [], [], []
    if row.before:
        row.before()
    t0 = time.perf_counter()
    for i, cmd in enumerate(row.cmds):
        out = open(row.stdout[i], "wb") if row.stdout and row.stdout[i] else subprocess.DEVNULL
        err = open(os.path.join(logdir, f"{row.id}.{i}.err"), "wb")
        errs.append(err)
        argv = cmd
        if os.access(GNU_TIME, os.X_OK):
            rf = tempfile.NamedTemporaryFile(prefix="rss.", dir=logdir, delete=False)
            rf.close()
            rss_files.append(rf.name)
            argv = [GNU_TIME, "-f", "%M", "-o", rf.name] + cmd
        procs.append((subprocess.Popen(argv, stdout=out, stderr=err, cwd=workdir), out))
    codes = []
    for p, out in procs:
        codes.append(p.wait())
        if out is not subprocess.DEVNULL:
            out.close()
    wall = time.perf_counter() - t0
    for e in errs:
        e.close()
    peak = 0
    for f in rss_files:
        try:
            with open(f) as fh:
                nums = re.findall(r"^\d+$", fh.read(), re.M)
            peak = max([peak] + [int(x) for x in nums])
        except OSError:
            pass
        os.unlink(f)
    bad = [c for c in codes if c != 0]
    if bad:
        with open(os.path.join(logdir, f"{row.id}.0.err"), "rb") as fh:
            tail = fh.read()[-400:].decode("utf-8", "replace").strip().splitlines()
        row.failed = f"exit {bad[0]}" + (f": {tail[-1]}" if tail else "")
        return None
    row.times.append(wall)
    if peak:
        row.rss_kb.append(peak)
    return wall


def startup(cmds, workdir, logdir, runs=50):
    """Median and min start-up in ms per command: hyperfine when present, else a loop."""
    results = {}
    hf = shutil.which("hyperfine")
    for name, cmd in cmds:
        first = subprocess.run(cmd, cwd=workdir, capture_output=True)
        if first.returncode != 0:
            results[name] = {"error": f"exit {first.returncode}: " + first.stderr.decode("utf-8", "replace").strip()[-200:]}
            continue
        if hf:
            js = os.path.join(logdir, "startup.json")
            r = subprocess.run([hf, "-N", "--warmup", "5", "--runs", str(runs), "--export-json", js,
                                " ".join(shlex.quote(c) for c in cmd)], cwd=workdir, capture_output=True, text=True)
            if r.returncode == 0:
                with open(js) as f:
                    res = json.load(f)["results"][0]
                results[name] = {"median_ms": res["median"] * 1e3, "min_ms": res["min"] * 1e3,
                                 "mean_ms": res["mean"] * 1e3, "runs": runs, "tool": "hyperfine -N"}
                continue
        ts = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(cmd, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            ts.append(time.perf_counter() - t0)
        results[name] = {"median_ms": statistics.median(ts) * 1e3, "min_ms": min(ts) * 1e3,
                         "mean_ms": statistics.mean(ts) * 1e3, "runs": runs, "tool": "python loop (includes fork/exec)"}
    return results


def one_page(files, dest, target=3000):
    """The start of the smallest corpus document, cut at a turn boundary near `target` bytes."""
    src = min(files, key=lambda p: os.path.getsize(p))
    with open(src, encoding="utf-8") as f:
        text = f.read()
    cut = text.find("\n\n", target)
    text = text[:cut + 1] if cut > 0 else text
    with open(dest, "w", encoding="utf-8") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def fmt(x, spec):
    return "–" if x is None else format(x, spec)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=make_corpus.parse_size, default=make_corpus.parse_size("200MB"),
                    help="corpus size: 50MB, 200MB (default), 1GB ...")
    ap.add_argument("--koda", default=os.path.join(REPO, "build", "koda"), help="koda binary (default: build/koda in the repo)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per tool; the median is reported (default 3)")
    ap.add_argument("--peer-runs", type=int, default=3,
                    help="runs for the slow peers (py2, py1, r); the median is reported (default 3: a single run of "
                         "the 2-process Python peer varied from 2.4 s to 3.6 s on the 50 MB corpus)")
    ap.add_argument("--keep-output", action="store_true", help="keep koda code's JSONL (several times the corpus size)")
    ap.add_argument("--code-output", default="/dev/shm" if os.access("/dev/shm", os.W_OK) else "",
                    help="folder koda code writes its JSONL to (default /dev/shm, a tmpfs: the file is 8x the corpus, "
                         "and on this VM writing it to disk costs more than producing it; '' writes it to --out)")
    ap.add_argument("--jobs", type=int, default=2, help="threads / processes for koda, rg and the 2-process peer (default 2)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    ap.add_argument("--out", default=os.path.join(BENCH, "out"), help="where corpus, codebook, outputs and logs go (default bench/out)")
    ap.add_argument("--only", default="", help="comma-separated row ids to run (" + ",".join(ALL_ROWS) + ")")
    ap.add_argument("--skip", default="", help="comma-separated row ids to leave out")
    args = ap.parse_args()
    if args.runs < 1 or args.jobs < 1:
        ap.error("--runs and --jobs must be at least 1")
    only = {x for x in args.only.split(",") if x}
    skip = {x for x in args.skip.split(",") if x}
    for x in only | skip:
        if x not in ALL_ROWS:
            ap.error(f"unknown row id {x!r}; expected one of {', '.join(ALL_ROWS)}")
    wanted = lambda rid: (not only or rid in only) and rid not in skip  # noqa: E731
    peer_runs = args.peer_runs
    if peer_runs < 1:
        ap.error("--peer-runs must be at least 1")

    out = os.path.abspath(args.out)
    logdir = os.path.join(out, "logs")
    os.makedirs(logdir, exist_ok=True)
    koda = os.path.abspath(args.koda) if os.path.exists(args.koda) else None
    if koda:  # measure a copy: the build tree may be relinked while the benchmark runs
        os.makedirs(os.path.join(out, "bin"), exist_ok=True)
        copy = os.path.join(out, "bin", "koda")
        shutil.copy2(koda, copy)
        koda_source, koda = koda, copy
    label = size_label(args.size)

    # ---- data
    corpus_name = f"corpus-{label}-s{args.seed}"
    corpus = os.path.join(out, corpus_name)
    info = make_corpus.generate(corpus, args.size, args.seed, os.cpu_count() or 1, make_corpus.vocab.TOPIC_RATE)
    cb_counts = make_codebook.write(out, quiet=True)
    codebook = os.path.join(out, "codebook.kcb")
    terms = os.path.join(out, "terms.txt")
    files = []
    for root, dirs, names in os.walk(corpus):
        dirs.sort()
        files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".md")]
    total = sum(os.path.getsize(f) for f in files)
    rel = [os.path.relpath(f, out) for f in files]
    with open(os.path.join(out, "files.txt"), "w") as f:
        f.write("\n".join(rel) + "\n")
    with open(os.path.join(out, "files.0"), "wb") as f:
        f.write(b"\0".join(p.encode() for p in rel))
    halves, sizes = [[] for _ in range(args.jobs)], [0] * args.jobs
    for p in sorted(files, key=os.path.getsize, reverse=True):  # balance bytes over the processes
        k = sizes.index(min(sizes))
        halves[k].append(os.path.relpath(p, out))
        sizes[k] += os.path.getsize(p)
    for k, h in enumerate(halves):
        with open(os.path.join(out, f"files-part{k + 1}.txt"), "w") as f:
            f.write("\n".join(sorted(h)) + "\n")

    # ---- tools
    rg = shutil.which("rg")
    py_ok, py_tok = have_python_peer()
    r_ok, r_why = have_r_peer()
    has_code, has_freq = koda_has(koda, "code"), koda_has(koda, "freq")
    koda_rel = os.path.relpath(koda_source, REPO) if koda else args.koda
    no_koda = None if koda else f"not available ({args.koda} not found: build koda first)"
    if koda and (wanted("koda-code") or wanted("koda-freq")):
        if koda and subprocess.run([koda, "codebook", "check", codebook], capture_output=True).returncode != 0:
            print(f"run: warning: `koda codebook check {codebook}` fails", file=sys.stderr)

    J = str(args.jobs)
    code_out = args.code_output or out
    jsonl_path = os.path.join(code_out, "koda-code.jsonl")
    rows = [
        Row("read", "read files only (1 MiB buffer, no processing)", [[sys.executable, "-c", READER, "files.txt"]]),
        Row("cat", "read files only (xargs cat > /dev/null)", [["xargs", "-0", "-a", "files.0", "cat"]]),
        Row("rg", f"rg -c -F -i -f terms.txt -j{J}", [[rg or "rg", "-c", "-F", "-i", "-j", J, "--no-ignore", "-f", terms, corpus_name]],
            [os.path.join(logdir, "rg.out")], unavailable=None if rg else "not available (ripgrep not installed: scripts/install-deps --bench)"),
        Row("rg-w", f"rg --count-matches -F -i -w -f terms.txt -j{J}",
            [[rg or "rg", "--count-matches", "-F", "-i", "-w", "-j", J, "--no-ignore", "-f", terms, corpus_name]],
            [os.path.join(logdir, "rg-w.out")], unavailable=None if rg else "not available (ripgrep not installed)"),
        Row("koda-code", f"koda code --format jsonl --jobs {J} -o FILE" + (" (tmpfs)" if code_out != out else ""),
            [[koda or "koda", "code", "-c", codebook, "--format", "jsonl", "--jobs", J, "-o", jsonl_path, corpus_name]],
            before=lambda: os.path.exists(jsonl_path) and os.unlink(jsonl_path),
            unavailable=no_koda or (None if has_code else f"not available ({koda_rel} has no `code` command yet)")),
        Row("koda-freq", f"koda freq --jobs {J}", [[koda or "koda", "freq", "-c", codebook, "--jobs", J, corpus_name]],
            [os.path.join(out, "koda-freq.txt")],
            unavailable=no_koda or (None if has_freq else f"not available ({koda_rel} has no `freq` command yet)")),
        Row("py2", f"Python peer, {J} processes ({'PyICU' if py_tok == 'icu' else 'regex'} + PyStemmer)",
            [[SYS_PYTHON, os.path.join(BENCH, "peer_python.py"), "-c", codebook, "--files-from", f"files-part{k + 1}.txt",
              "-o", os.path.join(logdir, f"py2.part{k + 1}.tsv")] for k in range(args.jobs)],
            unavailable=None if py_ok else f"not available ({py_tok})", slow=True),
        Row("py1", f"Python peer, 1 process ({'PyICU' if py_tok == 'icu' else 'regex'} + PyStemmer)",
            [[SYS_PYTHON, os.path.join(BENCH, "peer_python.py"), "-c", codebook, "--files-from", "files.txt",
              "-o", os.path.join(logdir, "py1.tsv")]],
            unavailable=None if py_ok else f"not available ({py_tok})", slow=True),
        Row("r", "R peer, 1 process (stringi + SnowballC)",
            [["Rscript", os.path.join(BENCH, "peer_r.R"), os.path.join(out, "terms.tsv"), "files.txt", os.path.join(logdir, "r.tsv")]],
            unavailable=None if r_ok else f"not available ({r_why})", slow=True),
    ]
    rows = [r for r in rows if wanted(r.id)]
    if any(r.id == "r" and not r.unavailable for r in rows):
        subprocess.run([SYS_PYTHON, os.path.join(BENCH, "peer_python.py"), "-c", codebook, "--dump-terms",
                        os.path.join(out, "terms.tsv")], check=True)

    # ---- warm the page cache (twice: the second pass finds everything in memory)
    for _ in range(2):
        for p in files:
            with open(p, "rb") as f:
                while f.read(1 << 20):
                    pass

    started = datetime.datetime.now().isoformat(timespec="seconds")
    print(f"bench: {len(files)} files, {total / 1e6:.1f} MB in {corpus}; {args.runs} runs "
          f"({peer_runs} for the peers); koda: {koda or 'missing'}", file=sys.stderr)
    for rnd in range(max(args.runs, peer_runs)):
        for row in rows:
            if row.unavailable or row.failed:
                continue
            if (rnd >= peer_runs if row.slow else rnd >= args.runs):
                continue
            t = run_row(row, out, logdir)
            print(f"bench: round {rnd + 1}: {row.id:9s} " + (f"{t:8.2f} s" if t is not None else row.failed), file=sys.stderr)

    # ---- peer statistics (tokens, distinct forms, hit rate): from the 1-process peer's log, or
    # summed over the logs of the parallel peer's processes (each saw part of the files, so
    # their distinct forms overlap and are not added up)
    def peer_summaries(rid, count):
        found = []
        for i in range(count):
            try:
                with open(os.path.join(logdir, f"{rid}.{i}.err")) as f:
                    lines = [l for l in f if l.startswith("peer-summary: ")]
            except OSError:
                return []
            if not lines:
                return []
            found.append(json.loads(lines[-1][len("peer-summary: "):]))
        return found

    corpus_stats = {}
    for rid, count in (("py1", 1), ("py2", args.jobs)):
        if not any(r.id == rid and not r.unavailable for r in rows):
            continue  # a log of an earlier run may be for another corpus
        parts = peer_summaries(rid, count)
        if not parts:
            continue
        corpus_stats = dict(parts[0])
        if len(parts) > 1:
            for key in ("documents", "bytes", "tokens", "tokens_hit", "hits"):
                corpus_stats[key] = sum(p[key] for p in parts)
            corpus_stats["hit_rate"] = round(corpus_stats["tokens_hit"] / max(1, corpus_stats["tokens"]), 4)
            corpus_stats["distinct_forms"] = None
        break

    # ---- start-up
    startup_res = {}
    page = os.path.join(out, "page.md")
    page_bytes = one_page(files, page)
    if wanted("startup") and koda:
        cmds = [("koda inspect", [koda, "inspect", "page.md"])]
        if has_code:
            cmds.append(("koda code", [koda, "code", "-c", codebook, "--format", "jsonl", "page.md"]))
        startup_res = startup(cmds, out, logdir)

    # ---- report
    by = {r.id: r for r in rows}
    width = max(len(r.title) for r in rows) if rows else 20
    lines = []
    say = lines.append
    ncpu = os.cpu_count()
    version = ""
    if koda:
        v = subprocess.run([koda, "--version"], capture_output=True, text=True)
        version = " ".join((v.stdout or v.stderr).split())
    git = subprocess.run(["git", "-C", REPO, "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()
    say(f"koda benchmark, {started}, {platform.node()} ({ncpu} cores), koda: {koda_rel if koda else 'missing'}"
        + (f" ({version})" if version else "") + (f", repo at {git}" if git else ""))
    tok = corpus_stats.get("tokens")
    say(f"corpus: {corpus_name}: {len(files):,} files, {total / 1e6:.1f} MB"
        + (f", {tok:,} word tokens in coded turns"
           + (f", {corpus_stats['distinct_forms']:,} distinct folded forms" if corpus_stats.get("distinct_forms") else "")
           + f", {100 * corpus_stats['hit_rate']:.1f} % of them hit the codebook" if tok else ""))
    say(f"codebook: {cb_counts['words']} words, {cb_counts['phrases']} phrases, {cb_counts['prefixes']} prefixes, "
        f"{cb_counts['near']} NEAR rules in {cb_counts['codes']} codes; terms.txt: {cb_counts['literals']} literals")
    say(f"median of {args.runs} run{'s' if args.runs > 1 else ''} ({peer_runs} for the Python and R peers), interleaved, warm page cache; "
        "MB/s = 10^6 bytes / s; peak RSS: max over runs and processes")
    say("")
    say(f"{'tool':{width}s}  {'seconds':>8s}  {'MB/s':>7s}  {'peak RSS':>9s}   reference MB/s (PERFORMANCE.md)")
    for r in rows:
        ref = REFERENCE.get(r.id, "")
        if r.unavailable:
            say(f"{r.title:{width}s}  {r.unavailable}")
            continue
        if r.failed and not r.times:
            say(f"{r.title:{width}s}  failed ({r.failed}; see {os.path.relpath(logdir, REPO)}/{r.id}.*.err)")
            continue
        m = r.median()
        rss = f"{max(r.rss_kb) / 1024:.0f} MB" if r.rss_kb else "–"
        say(f"{r.title:{width}s}  {m:8.2f}  {total / 1e6 / m:7.1f}  {rss:>9s}   {ref}")
    say("")

    def ratio(a, b):
        ra, rb = by.get(a), by.get(b)
        if not ra or not rb or not ra.times or not rb.times:
            return None
        return rb.median() / ra.median()  # throughput of a over throughput of b

    checks = []
    results_extra = {}

    def check(name, value, target, better, unit="×", why=""):
        if value is None:
            checks.append((name, target, better, "n/a" + (f" ({why})" if why else ""), ""))
            return
        ok = value >= target if better == "≥" else value < target
        checks.append((name, target, better, f"{value:.2f}{unit}" if unit == "×" else f"{value:.1f} {unit}", "ok" if ok else "MISSED"))

    code_na = by.get("koda-code") and by["koda-code"].unavailable
    freq_na = by.get("koda-freq") and by["koda-freq"].unavailable
    check("koda code (jsonl) vs rg -c -F -i", ratio("koda-code", "rg"), TARGETS["code_vs_rg"], "≥", why="no koda code" if code_na else "")
    check("koda freq vs rg -c -F -i", ratio("koda-freq", "rg"), TARGETS["freq_vs_rg"], "≥", why="no koda freq" if freq_na else "")
    check(f"koda code vs Python peer ({J} proc)", ratio("koda-code", "py2"), TARGETS["code_vs_peer"], "≥", why="no koda code" if code_na else "")
    check(f"koda freq vs Python peer ({J} proc)", ratio("koda-freq", "py2"), TARGETS["code_vs_peer"], "≥", why="no koda freq" if freq_na else "")
    rc = by.get("koda-code")
    rss_mb = max(rc.rss_kb) / 1024 if rc and rc.rss_kb else None
    check(f"peak RSS, koda code -o FILE ({label})", rss_mb, TARGETS["rss_mb_1gb"], "<", "MB",
          why="no koda code" if code_na else "")
    for name, res in startup_res.items():
        if "error" in res:
            checks.append((f"start-up: {name}, {page_bytes} B page", TARGETS["startup_ms"], "<", "failed: " + res["error"], ""))
        else:
            check(f"start-up: {name}, {page_bytes} B page", res["median_ms"], TARGETS["startup_ms"], "<", "ms")
    if wanted("startup") and not koda:
        checks.append(("start-up: koda inspect", TARGETS["startup_ms"], "<", "n/a (no koda binary)", ""))
    if wanted("startup") and not has_code:
        checks.append(("start-up: koda code", TARGETS["startup_ms"], "<", "n/a (no koda code)", ""))
    say("targets (issues 4 and 5, 2 cores, --jobs 2)")
    cw = max(len(c[0]) for c in checks)
    for name, target, better, value, verdict in checks:
        t = f"{better} {target:g}{'×' if better == '≥' else (' MB' if 'RSS' in name else ' ms')}"
        say(f"  {name:{cw}s}  target {t:10s}  measured {value:22s} {verdict}")
    jsonl = jsonl_path
    if rc and rc.times and os.path.exists(jsonl):
        js = os.path.getsize(jsonl)
        with open(jsonl, "rb") as f:
            nrec = sum(buf.count(b"\n") for buf in iter(lambda: f.read(1 << 20), b""))
        say(f"  koda code wrote {nrec:,} JSONL records, {js / 1e6:.0f} MB ({js / total:.1f}× the input)")
        results_extra["jsonl_bytes"], results_extra["jsonl_records"] = js, nrec
        if not args.keep_output:
            os.unlink(jsonl)
    if rss_mb is not None and args.size < 10**9:
        say(f"  (the RSS target is for a 1 GB corpus: bench/run.py --size 1GB --only koda-code)")
    for name, res in startup_res.items():
        if "median_ms" in res:
            say(f"  {name}: median {res['median_ms']:.1f} ms, min {res['min_ms']:.1f} ms over {res['runs']} runs ({res['tool']})")
    report = "\n".join(lines)
    print(report)

    results = {
        "started": started, "host": platform.node(), "cores": ncpu, "koda": koda_source if koda else None, "corpus": corpus,
        "files": len(files), "bytes": total, "manifest": info, "peer_stats": corpus_stats, "codebook": cb_counts,
        "runs": args.runs, "peer_runs": peer_runs, "jobs": args.jobs,
        "rows": {r.id: {"title": r.title, "times": r.times, "median": r.median(), "rss_kb": r.rss_kb,
                        "unavailable": r.unavailable, "failed": r.failed,
                        "cmds": [" ".join(shlex.quote(c) for c in cmd) for cmd in r.cmds]} for r in rows},
        "startup": startup_res, "checks": checks, "report": report, **results_extra,
    }
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
