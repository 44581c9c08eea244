#!/usr/bin/env python3
"""Runs one end-to-end case of the koda CLI and compares what it did with what is expected.

A case is a folder under tests/cli/ holding:
  cmd               the command line, shell-quoted; `koda` is the binary under test
  in-source         (optional, empty) run in the source tree instead of a copy of the
                    case, for cases on the shipped samples/ and codebooks/ (such cases
                    must not write files: stray files are not checked there)
  stdin             (optional) fed to standard input
  setup.py          (optional) run first in the work folder, e.g. to write large inputs
  expected-stdout   (optional) exact standard output; absent means it must be empty
  expected-stderr   (optional) exact standard error; absent means it must be empty
  expected-status   (optional) exit status; absent means 0
  expected-file-NAME  (optional) exact content of file NAME after the run
  the inputs the command reads.
The case runs in a temporary copy of its folder, with `@SRC@` in cmd replaced by the
source tree; files the run leaves behind that no expected-file-* names make it fail, so
an output file left half-written (or a stray temporary file) is caught.
Run with KODA_UPDATE=1 to write the expected-* files from the actual run (then review them).
"""
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

EXPECTATION_PREFIX = "expected-"


def snapshot(folder):
    found = set()
    for root, _dirs, files in os.walk(folder):
        for name in files:
            found.add(os.path.relpath(os.path.join(root, name), folder))
    return found


def main():
    koda, case_dir, source_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(os.path.join(case_dir, "cmd"), encoding="utf-8") as f:
        command = f.read().strip().replace("@SRC@", source_dir)
    argv = shlex.split(command)
    if argv[0] != "koda":
        sys.exit(f"{case_dir}/cmd: the command must start with `koda`")
    argv[0] = koda

    with tempfile.TemporaryDirectory(prefix="koda-cli-") as work:
        for name in os.listdir(case_dir):
            if name.startswith(EXPECTATION_PREFIX):
                continue
            src = os.path.join(case_dir, name)
            if os.path.isdir(src):
                shutil.copytree(src, os.path.join(work, name), symlinks=True)
            else:
                shutil.copy2(src, os.path.join(work, name))
        if os.path.exists(os.path.join(work, "setup.py")):
            subprocess.run([sys.executable, "setup.py"], cwd=work, check=True)
        in_source = os.path.exists(os.path.join(case_dir, "in-source"))
        run_dir = source_dir if in_source else work
        # In the source tree other builds and tests write files; only a copy is checked.
        before = set() if in_source else snapshot(work)
        stdin = b""
        if os.path.exists(os.path.join(work, "stdin")):
            with open(os.path.join(work, "stdin"), "rb") as f:
                stdin = f.read()
        env = dict(os.environ, NO_COLOR="1", COLUMNS="100")
        result = subprocess.run(argv, cwd=run_dir, input=stdin, capture_output=True, env=env)
        after = set() if in_source else snapshot(work)

        actual = {
            "expected-stdout": result.stdout,
            "expected-stderr": result.stderr,
            "expected-status": f"{result.returncode}\n".encode(),
        }
        expected_files = [n for n in os.listdir(case_dir) if n.startswith("expected-file-")]
        for name in expected_files:
            target = os.path.join(run_dir, name[len("expected-file-"):])
            actual[name] = open(target, "rb").read() if os.path.exists(target) else None

        if os.environ.get("KODA_UPDATE"):
            for name, content in actual.items():
                path = os.path.join(case_dir, name)
                if name == "expected-status" and content == b"0\n":
                    content = None
                if name in ("expected-stdout", "expected-stderr") and content == b"":
                    content = None
                if content is None:
                    if os.path.exists(path):
                        os.remove(path)
                else:
                    with open(path, "wb") as f:
                        f.write(content)
            print(f"updated {case_dir}")
            return 0

        failures = []
        defaults = {"expected-stdout": b"", "expected-stderr": b"", "expected-status": b"0\n"}
        for name, content in actual.items():
            path = os.path.join(case_dir, name)
            if os.path.exists(path):
                with open(path, "rb") as f:
                    want = f.read()
            else:
                want = defaults.get(name)
            if content != want:
                failures.append((name, want, content))
        created = after - before
        declared = {n[len("expected-file-"):] for n in expected_files}
        stray = sorted(created - declared)
        if stray:
            failures.append(("files left behind", b"", "\n".join(stray).encode()))

        if failures:
            print(f"FAILED: {command}")
            for name, want, got in failures:
                print(f"--- {name}: expected ---")
                print(want.decode("utf-8", "replace") if want is not None else "(no file)")
                print(f"--- {name}: actual ---")
                print(got.decode("utf-8", "replace") if got is not None else "(no file)")
            return 1
        return 0


if __name__ == "__main__":
    sys.exit(main())
