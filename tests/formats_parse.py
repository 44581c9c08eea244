#!/usr/bin/env python3
"""Checks that koda freq's machine and chart formats parse with standard readers: CSV with
Python's csv module, JSON with json, SVG with an XML parser (xml.etree)."""
import csv
import io
import json
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
print("ok: csv, json and svg parse")
