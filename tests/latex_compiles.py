#!/usr/bin/env python3
"""Checks that `koda freq --format latex` output compiles with pdflatex (booktabs).

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
table = subprocess.run(
    [koda, "freq", "-c", "codebooks/implementasi.kcb", "-f", "latex", "--valence-columns", "samples/"],
    cwd=source, check=True, capture_output=True, text=True).stdout
with tempfile.TemporaryDirectory() as work:
    with open(os.path.join(work, "t.tex"), "w", encoding="utf-8") as f:
        f.write("\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage{booktabs}\n"
                "\\begin{document}\n" + table + "\\end{document}\n")
    result = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "t.tex"],
                            cwd=work, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout[-3000:])
        sys.exit(1)
print("ok: the LaTeX table compiles")
