#!/usr/bin/env python3
"""Checks that `koda freq --format latex` and `koda summary --format latex` (in Indonesian and
English, with the stage table) compile with pdflatex (booktabs).

Exits 77 (reported by ctest as skipped) when pdflatex is not installed: Debian's texlive
is large, so the test suite does not install it; install texlive-latex-recommended to run it.
"""
import os
import shutil
import subprocess
import sys
import tempfile

koda, source = sys.argv[1], sys.argv[2]
if shutil.which("pdflatex") is None:
    print("skipped: pdflatex is not installed (apt-get install texlive-latex-recommended)")
    sys.exit(77)


def koda_output(*args):
    return subprocess.run([koda, *args], cwd=source, check=True, capture_output=True,
                          text=True).stdout


table = koda_output("freq", "-c", "codebooks/implementasi.kcb", "-f", "latex", "--valence-columns",
                    "samples/")
for lang in ("id", "en"):
    table += koda_output("summary", "-c", "codebooks/implementasi.kcb", "-c",
                         "codebooks/p2kp-tahapan.kcb", "-f", "latex", "--lang", lang, "samples/")
with tempfile.TemporaryDirectory() as work:
    with open(os.path.join(work, "t.tex"), "w", encoding="utf-8") as f:
        f.write("\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage{booktabs}\n"
                "\\begin{document}\n" + table + "\\end{document}\n")
    result = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "t.tex"],
                            cwd=work, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout[-3000:])
        sys.exit(1)
print("ok: the LaTeX table and summaries compile")
