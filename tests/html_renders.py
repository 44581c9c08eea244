#!/usr/bin/env python3
"""Opens koda's HTML and SVG output in headless Chromium and checks what a reader would see.

Usage: html_renders.py KODA SOURCE_DIR OUTPUT_DIR [freq|summary]
  freq (the default): runs `koda freq --format html` and `--format svg` on SOURCE_DIR's
  samples/, renders each, keeps the screenshots in OUTPUT_DIR (printed, for a human to look
  at) and checks the rendered text for the table's headers, row labels and numbers.
  summary: runs `koda summary --format html` on samples/ in Indonesian and in English,
  renders each the same way and checks the rendered text for the ranking rows, quotes with
  their citations, the closing paragraph and the chart titles, and the layout for text
  drawn outside its chart and for a page wider than the window.

Exits 77 (reported by ctest as skipped) when Chromium is not installed; the environment
variable KODA_CHROMIUM names another browser binary (or hides it, when it names nothing).

As a module, for other report tests (stdlib only):

    text = render(html_path, screenshot_path)   # raises PageProblem
    expect_text(text, ["Kode", "Unit", ...])    # raises PageProblem naming every miss
    render(html_path, png, layout_check=LAYOUT_PROBLEMS)  # also fails on what that finds

Why Chromium, and why this way: a report "looks right" only in a browser, and the text a
reader sees is not the HTML's text (hidden elements, CSS-generated content, whitespace), so
the checks read `document.body.innerText` from a real layout. Chromium is driven through
the DevTools protocol over --remote-debugging-pipe (NUL-terminated JSON on fds 3 and 4), so
no port, no WebSocket library and no npm package is needed. Every request the page makes
is recorded: a self-contained report loads nothing but itself and data: URIs. Exceptions
and console errors are recorded too. Chromium runs in its own process group with a
throw-away profile and is always killed, whatever happens.
"""
import base64
import fcntl
import json
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse

SKIPPED = 77
TIMEOUT_SECONDS = 60
VIEWPORT = (1280, 800)  # CSS pixels; the screenshot grows to the page's full height
SKIP_MESSAGE = "skipped: chromium is not installed (scripts/install-deps --test installs it)"

# What a reader sees: the body's innerText; an SVG document has no body, so there it is the
# text of every <text> element that is drawn.
RENDERED_TEXT = """(() => {
  if (document.body) return document.body.innerText;
  const drawn = t => { const b = t.getBBox(); return b.width > 0 && b.height > 0 &&
                       getComputedStyle(t).visibility !== 'hidden'; };
  return Array.from(document.querySelectorAll('text')).filter(drawn)
              .map(t => t.textContent.trim()).join('\\n');
})()"""


# Layout a reader would notice, as a list of problems: an SVG text (a label, a number, a
# title) drawn outside its chart, which the chart's own box clips, and a page wider than the
# window, which makes a reader scroll sideways.
LAYOUT_PROBLEMS = """(() => {
  const problems = [];
  for (const svg of document.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect();
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5 ||
                          r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5))
        problems.push('SVG text outside its chart: ' + t.textContent.trim());
    }
  }
  const page = document.documentElement;
  if (page.scrollWidth > window.innerWidth)
    problems.push(`the page is ${page.scrollWidth} px wide in a ${window.innerWidth} px window`);
  return problems;
})()"""


class PageProblem(Exception):
    """The page could not be rendered, or it rendered but broke a rule."""


def find_chromium():
    """The Chromium binary to use (KODA_CHROMIUM, else `chromium` on PATH), or None."""
    override = os.environ.get("KODA_CHROMIUM")
    if override is not None:
        return override if os.path.isfile(override) and os.access(override, os.X_OK) else None
    return shutil.which("chromium") or (
        "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)


def render(html_path, screenshot_path, timeout=TIMEOUT_SECONDS, layout_check=None):
    """Renders `html_path` (HTML or SVG) in headless Chromium, writes a full-page PNG to
    `screenshot_path` and returns the rendered text. Raises PageProblem when the page
    loads anything but itself and data: URIs, throws or logs an error, or cannot be shown,
    or when `layout_check` (a JavaScript expression giving a list of problems, such as
    LAYOUT_PROBLEMS) finds any."""
    chromium = find_chromium()
    if chromium is None:
        raise PageProblem("chromium is not installed")
    url = "file://" + urllib.parse.quote(os.path.abspath(html_path))
    with tempfile.TemporaryDirectory(prefix="koda-chromium-",
                                     ignore_cleanup_errors=True) as profile:
        with _Browser(chromium, profile, timeout) as browser:
            text, png, events, layout = _load_and_capture(browser, url, layout_check)
    with open(screenshot_path, "wb") as f:
        f.write(png)
    problems = _page_problems(url, events) + layout
    if problems:
        raise PageProblem(f"{html_path}:\n  " + "\n  ".join(problems))
    return text


def expect_text(text, expected, where="the rendered page"):
    """Raises PageProblem naming every string of `expected` that `text` lacks."""
    missing = [s for s in expected if s not in text]
    if missing:
        raise PageProblem(f"{where} lacks {missing!r}; its text is:\n{text}")


def check_png(path, min_bytes=4096):
    """Returns the (width, height) of the PNG at `path`; raises PageProblem if it is not a
    PNG of at least `min_bytes` with a non-empty image."""
    with open(path, "rb") as f:
        head = f.read(24)
    size = os.path.getsize(path)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise PageProblem(f"{path}: not a PNG")
    width, height = struct.unpack(">II", head[16:24])
    if width == 0 or height == 0 or size < min_bytes:
        raise PageProblem(f"{path}: {width}x{height}, {size} bytes: an empty screenshot")
    return width, height


def _load_and_capture(browser, url, layout_check=None):
    """Navigates to `url` and returns (rendered text, PNG bytes, events seen meanwhile, the
    problems `layout_check` found)."""
    target = browser.call("Target.createTarget", url="about:blank")["targetId"]
    session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    for domain in ("Page", "Runtime", "Network", "Log"):
        browser.call(f"{domain}.enable", session=session)
    browser.call("Emulation.setDeviceMetricsOverride", session=session, width=VIEWPORT[0],
                 height=VIEWPORT[1], deviceScaleFactor=1, mobile=False)
    since = len(browser.events)
    navigation = browser.call("Page.navigate", session=session, url=url)
    if navigation.get("errorText"):
        raise PageProblem(f"{url}: {navigation['errorText']}")
    browser.wait_for("Page.loadEventFired", session, since)
    text = browser.call("Runtime.evaluate", session=session, expression=RENDERED_TEXT,
                        returnByValue=True)
    if "exceptionDetails" in text:
        raise PageProblem(f"reading the page's text failed: {text['exceptionDetails']}")
    layout = []
    if layout_check:
        found = browser.call("Runtime.evaluate", session=session, expression=layout_check,
                             returnByValue=True)
        if "exceptionDetails" in found:
            raise PageProblem(f"checking the layout failed: {found['exceptionDetails']}")
        layout = list(found["result"].get("value") or [])
    metrics = browser.call("Page.getLayoutMetrics", session=session)
    content = metrics.get("cssContentSize") or metrics["contentSize"]
    width, height = max(content["width"], VIEWPORT[0]), max(content["height"], 1)
    shot = browser.call("Page.captureScreenshot", session=session, format="png",
                        captureBeyondViewport=True,
                        clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
    return (text["result"].get("value") or "", base64.b64decode(shot["data"]), browser.events,
            layout)


def _page_problems(url, events):
    """What the page did that a self-contained report must not: one line per problem."""
    problems = []
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Network.requestWillBeSent":
            requested = params["request"]["url"]
            if requested != url and not requested.startswith("data:"):
                problems.append(f"loads an external resource: {requested}")
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            message = details.get("exception", {}).get("description") or details.get("text")
            problems.append(f"throws: {message} (line {details.get('lineNumber', 0) + 1})")
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            problems.append("logs an error: " + " ".join(
                str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            entry = params["entry"]
            problems.append(f"logs an error: {entry['text']} {entry.get('url', '')}".rstrip())
    return problems


class _Browser:
    """A headless Chromium driven over the DevTools pipe; a context manager that always
    kills Chromium's whole process group on exit."""

    def __init__(self, chromium, profile, timeout):
        self.events = []  # every event message, in order of arrival
        self._deadline = time.monotonic() + timeout
        self._timeout = timeout
        self._last_id = 0
        self._buffer = b""
        self._log_path = os.path.join(profile, "chromium.log")
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()
        try:
            self._process = self._start(chromium, profile, to_browser_read, from_browser_write)
        except (OSError, subprocess.SubprocessError) as error:
            for fd in (self._to_browser, self._from_browser):
                os.close(fd)
            raise PageProblem(f"cannot start {chromium}: {error}") from None
        finally:
            os.close(to_browser_read)
            os.close(from_browser_write)

    def _start(self, chromium, profile, to_browser_read, from_browser_write):
        """Starts `chromium` in a new process group, its log in the profile folder."""
        with open(self._log_path, "wb") as log:
            return subprocess.Popen(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                 "--remote-debugging-pipe", f"--user-data-dir={profile}",
                 "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--force-device-scale-factor=1", "--host-resolver-rules=MAP * ~NOTFOUND",
                 f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}", "about:blank"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, close_fds=False,
                start_new_session=True,
                preexec_fn=lambda: _pipe_to_fds_3_and_4(to_browser_read, from_browser_write))

    def __enter__(self):
        return self

    def __exit__(self, error_type, *_):
        try:
            if error_type is None:
                self.call("Browser.close")
                self._process.wait(timeout=5)
        except (PageProblem, subprocess.TimeoutExpired, OSError):
            pass
        finally:
            try:
                os.killpg(self._process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._process.wait()
            os.close(self._to_browser)
            os.close(self._from_browser)
        return False

    def call(self, method, session=None, **params):
        """Sends a command and returns its result; events that arrive meanwhile are kept."""
        self._last_id += 1
        message = {"id": self._last_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        try:
            os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        except BrokenPipeError:
            raise PageProblem(self._died(f"before {method}")) from None
        while True:
            reply = self._receive(f"the answer to {method}")
            if reply.get("id") == self._last_id:
                if "error" in reply:
                    raise PageProblem(f"{method}: {reply['error'].get('message')}")
                return reply["result"]

    def wait_for(self, method, session, since):
        """Returns the params of the first `method` event of `session` from event `since` on."""
        while True:
            for event in self.events[since:]:
                if event["method"] == method and event.get("sessionId") == session:
                    return event.get("params", {})
            since = len(self.events)
            self._receive(method)

    def _receive(self, waiting_for):
        """Reads the next message; an event is also recorded in `events`."""
        while b"\0" not in self._buffer:
            left = self._deadline - time.monotonic()
            ready, _, _ = select.select([self._from_browser], [], [], max(left, 0))
            if not ready:
                raise PageProblem(f"chromium did not answer within {self._timeout} s "
                                  f"(waiting for {waiting_for})" + self._log_tail())
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise PageProblem(self._died(f"while waiting for {waiting_for}"))
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message = json.loads(raw)
        if "method" in message:
            self.events.append(message)
        return message

    def _died(self, when):
        return f"chromium exited {when} (status {self._process.poll()})" + self._log_tail()

    def _log_tail(self):
        try:
            with open(self._log_path, errors="replace") as f:
                log = f.read()[-3000:].strip()
        except OSError:
            log = ""
        return "\nchromium's log ends:\n" + log if log else ""


def _pipe_to_fds_3_and_4(read_end, write_end):
    """In the child: Chromium reads commands from fd 3 and writes replies to fd 4."""
    # Move both ends above 4 first, so that placing one cannot overwrite the other.
    high_read = fcntl.fcntl(read_end, fcntl.F_DUPFD_CLOEXEC, 10)
    high_write = fcntl.fcntl(write_end, fcntl.F_DUPFD_CLOEXEC, 10)
    os.dup2(high_read, 3)
    os.dup2(high_write, 4)


def _koda(koda, source, *args):
    subprocess.run([koda, *args], cwd=source, check=True, capture_output=True)


def check_freq(koda, source, output_dir):
    """The freq HTML table and SVG chart, rendered: headers, labels and numbers visible."""
    os.makedirs(output_dir, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="koda-html-") as work:
        html = os.path.join(work, "freq.html")
        _koda(koda, source, "freq", "-c", "codebooks/implementasi.kcb", "--format", "html",
              "-o", html, "samples/")
        png = os.path.join(output_dir, "freq-html.png")
        text = render(html, png)
        expect_text(text, FREQ_HTML_TEXT, "the freq HTML table")
        print(f"ok: the freq HTML table renders ({'x'.join(map(str, check_png(png)))}): {png}")

        svg = os.path.join(work, "freq.svg")
        _koda(koda, source, "freq", "-c", "codebooks/implementasi.kcb", "--format", "svg",
              "-o", svg, "samples/")
        png = os.path.join(output_dir, "freq-svg.png")
        text = render(svg, png)
        expect_text(text, FREQ_SVG_TEXT, "the freq SVG chart")
        print(f"ok: the freq SVG chart renders ({'x'.join(map(str, check_png(png)))}): {png}")


# From `koda freq -c codebooks/implementasi.kcb --format html samples/`: innerText separates
# a table's cells with tabs and its rows with newlines, so each line is one whole row.
FREQ_HTML_TEXT = [
    "label\tunits\tdocuments\tinformants\tshare\tcode\n",
    "\nStandar dan sasaran kebijakan\t33\t10\t5\t17.9%\tstandar\n",
    "\nSumber daya manusia\t61\t12\t6\t33.2%\tsumberdaya/sdm\n",
    "\nDana\t84\t14\t8\t45.7%\tsumberdaya/dana\n",
    "\ntotal\t184\t14\t8\t100.0%",
]
# From `--format svg`: the title, a label followed by its bar's count, the source note.
FREQ_SVG_TEXT = [
    "Coded units per code\n",
    "\nSumber daya manusia\n61\n",
    "\nKarakteristik organisasi pelaksana\n20\n",
    "\nSource: koda freq; 184 coded units in 14 documents.",
]


def check_summary(koda, source, output_dir):
    """The summary HTML report in Indonesian and in English, rendered: ranking rows with
    their numbers, quotes with their sources, the closing paragraph, the chart titles."""
    os.makedirs(output_dir, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="koda-html-") as work:
        # Indonesian as the codebook's language makes it; English as asked for.
        for language, lang, expected in (("id", [], SUMMARY_ID_TEXT),
                                         ("en", ["--lang", "en"], SUMMARY_EN_TEXT)):
            html = os.path.join(work, f"summary-{language}.html")
            _koda(koda, source, "summary", "-c", "codebooks/implementasi.kcb", "--format", "html",
                  *lang, "-o", html, "samples/")
            png = os.path.join(output_dir, f"summary-html-{language}.png")
            text = render(html, png, layout_check=LAYOUT_PROBLEMS)
            expect_text(text, expected, f"the summary HTML report ({language})")
            size = "x".join(map(str, check_png(png, min_bytes=65536)))
            print(f"ok: the summary HTML report ({language}) renders ({size}): {png}")


# From `koda summary -c codebooks/implementasi.kcb samples/` (its md output): a table row is
# one line of tab-separated cells; a quote is followed by a blank line and its source; an
# SVG chart's texts come one a line (a label, then its bars' numbers).
SUMMARY_ID_TEXT = [
    "Ringkasan faktor penghambat dan pendukung\n",
    "Buku kode: Faktor implementasi kebijakan. Dokumen: 14. Informan: 8.\n",
    "\nNo.\tFaktor\tHambatan\tPendukung\tDokumen\tInforman\tKode\n",
    "\n1\tSumber daya\t67\t17\t14 dari 14\t8 dari 8\tsumberdaya\n",
    "\n1.1\tSumber daya manusia\t34\t7\t12 dari 14\t6 dari 8\tsumberdaya/sdm\n",
    "\n5\tKomunikasi, sosialisasi dan koordinasi\t11\t17\t11 dari 14\t6 dari 8\tkomunikasi\n",
    "\nJumlah unit hambatan dan pendukung per faktor\nHambatan\nPendukung\nSumber daya\n67\n17\n",
    "\nSumber daya manusia\n34\n7\n",
    "\nKemunculan bersama faktor utama (unit)\n",
    "\n1.1 Sumber daya manusia\n",
    "\n34 unit hambatan dan 7 unit pendukung dari 61 unit terkode; disebut dalam 12 dari 14 "
    "dokumen oleh 6 dari 8 informan.\n",
    "\nKutipan hambatan\n",
    "\n“Kendala utamanya SDM, Mbak.”\n\n"
    "— samples/interviews/02-koordinator-bkm.md:30 (Pak Bambang, koordinator-bkm)\n",
    "\n“Dananya jadi kurang.”\n\n"
    "— samples/interviews/05-anggota-ksm.md:35 (Pak Karyono, anggota-ksm)\n",
    "\nKesimpulan\n",
    "\nFaktor penghambat yang paling sering disebut adalah Sumber daya (67 unit bermuatan "
    "hambatan; disebut oleh 8 dari 8 informan dalam 14 dari 14 dokumen).",
]
SUMMARY_EN_TEXT = [
    "Summary of obstacles and supporting factors\n",
    "\n#\tFactor\tObstacle\tSupport\tDocuments\tInformants\tCode\n",
    "\n1\tResources\t67\t17\t14 of 14\t8 of 8\tsumberdaya\n",
    "\n1.1\tHuman resources\t34\t7\t12 of 14\t6 of 8\tsumberdaya/sdm\n",
    "\nObstacle and support units per factor\nObstacle\nSupport\nResources\n67\n17\n",
    "\nCo-occurrence of top-level factors (units)\n",
    "\nObstacle quotes\n",
    "\n“Kendala utamanya SDM, Mbak.”\n\n"
    "— samples/interviews/02-koordinator-bkm.md:30 (Pak Bambang, koordinator-bkm)\n",
    "\nConclusion\n",
    "\nThe most frequently mentioned obstacle is Resources (67 obstacle units; mentioned by 8 "
    "of 8 informants in 14 of 14 documents).",
]

CHECKS = {"freq": check_freq, "summary": check_summary}


def main(argv):
    if len(argv) not in (4, 5) or (len(argv) == 5 and argv[4] not in CHECKS):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    if find_chromium() is None:
        print(SKIP_MESSAGE)
        if "KODA_CHROMIUM" in os.environ:
            print(f"(KODA_CHROMIUM={os.environ['KODA_CHROMIUM']} is not an executable file)")
        return SKIPPED
    try:
        CHECKS[argv[4] if len(argv) == 5 else "freq"](*argv[1:4])
    except PageProblem as problem:
        print(f"FAILED: {problem}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
