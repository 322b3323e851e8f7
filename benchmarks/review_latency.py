"""Time from uploading one photo to `cardscan review` to its fields being shown.

    python -m benchmarks.review_latency --n 8 --seed 7

Starts `cardscan review --no-browser --port 0` on 127.0.0.1 (an empty book in a temporary
folder), uploads generated card photos one at a time as the browser does (multipart POST with
the CSRF token), polls /progress as the stack page does, and fetches the card page once the
card is read. Beside it, the same photos are read in this process by a warm Scanner, so that
the web app's overhead can be told from the reading itself (only ratios within one run mean
anything on a shared machine). "read in" is the server's own figure: from the upload being
received to the fields being known.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

from cardscan.options import ScanOptions
from cardscan.pipeline import Scanner

#: How often the progress is asked for. The stack page asks every 0.25 s while photos are being
#: read, which adds up to that much in the browser; asking more often here would slow the
#: server (each answer takes its share of the interpreter from the reading thread).
POLL = 0.05


def _multipart(path: Path) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="photos"; '
        f'filename="{path.name}"\r\nContent-Type: image/jpeg\r\n\r\n'
    ).encode()
    body = head + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def _start(book: Path) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "cardscan"), "review", "--no-browser", "--port", "0",
         "--db", str(book)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if " at " not in line:
        proc.kill()
        raise SystemExit(f"cardscan review did not start: {line!r}")
    return proc, line.split(" at ", 1)[1].strip()


def measure(photos: list[Path], book: Path) -> list[tuple[float, float]]:
    """(upload to fields shown, reading alone as the card page reports it) per photo."""
    proc, url = _start(book)
    parts = urllib.parse.urlsplit(url)
    base = f"{parts.scheme}://{parts.netloc}"
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    try:
        page = opener.open(url).read().decode()  # the book: no photos were given
        match = re.search(r'name="csrf-token" content="([0-9a-f]+)"', page)
        assert match, "no CSRF token on the first page"
        csrf = match.group(1)
        times = []
        for number, photo in enumerate(photos, 1):
            body, kind = _multipart(photo)
            request = urllib.request.Request(
                f"{base}/upload",
                data=body,
                method="POST",
                headers={"Content-Type": kind, "X-CSRF-Token": csrf, "Origin": base},
            )
            start = time.perf_counter()
            opener.open(request).read()
            while True:
                progress = opener.open(f"{base}/progress").read().decode()
                if f'"done":{number},' in progress.replace(" ", ""):
                    break
                time.sleep(POLL)
            card = opener.open(f"{base}/card/{number}").read().decode()
            elapsed = time.perf_counter() - start
            assert 'name="name_family"' in card, f"{photo.name}: no fields shown"
            read = re.search(r"read in ([0-9.]+) s", card)
            times.append((elapsed, float(read.group(1)) if read else float("nan")))
        return times
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=8, help="photos to upload, one at a time")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cards"
        subprocess.run(
            [sys.executable, "-m", "tools.gencards", str(folder), "-n", str(args.n),
             "--seed", str(args.seed)],
            check=True,
            capture_output=True,
        )  # fmt: skip
        photos = sorted(folder.glob("*.jpg"))
        web = measure(photos, Path(tmp) / "book.sqlite3")
        scanner = Scanner(ScanOptions(photo="card", photo_side=1280))
        scanner.scan([photos[0]])  # load Tesseract's models once, as a warm worker has them
        warm = []
        for photo in photos:
            start = time.perf_counter()
            scanner.scan([photo])
            warm.append(time.perf_counter() - start)
    total = [t for t, _ in web]
    print(f"{len(photos)} photos, uploaded one at a time to `cardscan review`:")
    for photo, (t, r), w in zip(photos, web, warm, strict=True):
        print(
            f"  {photo.name}: upload to fields shown {t:.2f} s (read in {r:.2f} s; warm scanner {w:.2f} s)"
        )
    print(
        f"median: upload to fields shown {statistics.median(total):.2f} s, "
        f"a warm scanner alone {statistics.median(warm):.2f} s "
        f"(ratio {statistics.median(total) / statistics.median(warm):.2f})"
    )


if __name__ == "__main__":
    main()
