#!/usr/bin/env python3
"""Checks that koda freq's machine and chart formats parse with standard readers: CSV with
Python's csv module, JSON with json, SVG with an XML parser (xml.etree); and that koda
summary's JSON parses and every count in it is the count `koda freq --valence-columns` gives
for the same code with the same options."""
import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

koda, source = sys.argv[1], sys.argv[2]


def freq(*args):
    return subprocess.run([koda, "freq", "-c", "codebooks/implementasi.kcb", *args, "samples/"],
                          cwd=source, check=True, capture_output=True, text=True).stdout


rows = list(csv.DictReader(io.StringIO(freq("-f", "csv", "--valence-columns"))))
assert rows[0]["code"] == "standar" and int(rows[0]["units"]) > 0, rows[0]
assert all(int(r["obstacle"]) + int(r["support"]) + int(r["neutral"]) == int(r["units"]) for r in rows)
data = json.loads(freq("-f", "json"))
assert data, "empty json"
for args in (["-f", "svg"], ["-f", "svg", "--valence-columns"], ["-f", "svg", "--cooccur"],
             ["-f", "svg", "--cooccur", "--jaccard"]):
    root = ET.fromstring(freq(*args).encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag

codebooks = ["-c", "codebooks/implementasi.kcb", "-c", "codebooks/p2kp-tahapan.kcb"]
summary = json.loads(subprocess.run([koda, "summary", *codebooks, "-f", "json", "samples/"],
                                    cwd=source, check=True, capture_output=True, text=True).stdout)
table = json.loads(subprocess.run([koda, "freq", *codebooks, "-f", "json", "--valence-columns",
                                   "samples/"],
                                  cwd=source, check=True, capture_output=True, text=True).stdout)
freq_rows = {row["code"]: row for row in table["rows"]}
# Every sample document has codings, so the run's totals are the totals row's.
assert summary["documents_total"] == table["total"]["documents"], summary["documents_total"]
assert summary["informants_total"] == table["total"]["informants"], summary["informants_total"]


def check_quote(quote):
    """A quote is text of its document, and its sentence starts on the line it cites."""
    assert set(quote) == {"doc", "line", "speaker", "role", "valence", "text"}, quote
    with open(os.path.join(source, quote["doc"]), encoding="utf-8") as f:
        lines = f.read().split("\n")
    inner = quote["text"].strip("…")
    assert inner in " ".join(" ".join(lines).split()), quote
    if not quote["text"].startswith("…"):
        assert inner.split()[0] in lines[quote["line"] - 1], quote


def check_factor(factor):
    row = freq_rows[factor["code"]]
    for mine, theirs in (("units", "units"), ("obstacle_units", "obstacle"),
                         ("support_units", "support"), ("documents", "documents"),
                         ("informants", "informants")):
        assert factor[mine] == row[theirs], (factor["code"], mine, factor[mine], row[theirs])
    for quote in factor["quotes"]:
        check_quote(quote)
    for child in factor["children"]:
        check_factor(child)


for factor in summary["ranking"]:
    check_factor(factor)
ranks = [(-f["obstacle_units"], -f["informants"], -f["documents"]) for f in summary["ranking"]]
assert ranks == sorted(ranks), ranks
for stage in summary["stages"]:
    row = freq_rows[stage["code"]]
    assert (stage["units"], stage["obstacle_units"], stage["support_units"], stage["documents"]) == (
        row["units"], row["obstacle"], row["support"], row["documents"]), stage["code"]
assert len(summary["stages"]) == 17 and summary["closing"], summary["closing"]
print("ok: csv, json and svg parse; the summary's counts are koda freq's")
