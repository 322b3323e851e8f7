"""Find Tesseract's language data and check that the wanted languages are installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from cardscan.errors import MissingDependencyError

_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)

# The Debian/Ubuntu package that holds each language's model: named in error messages.
APT_PACKAGE = {
    "deu": "tesseract-ocr-deu",
    "eng": "tesseract-ocr-eng",
    "osd": "tesseract-ocr-osd",
    "Latin": "tesseract-ocr-script-latn",
}


def tessdata_dir() -> Path:
    """The folder holding *.traineddata (TESSDATA_PREFIX wins, then the usual system places)."""
    env = os.environ.get("TESSDATA_PREFIX")
    if env and Path(env).is_dir():
        return Path(env)
    for cand in _CANDIDATES:
        if Path(cand).is_dir() and any(Path(cand).glob("*.traineddata")):
            return Path(cand)
    if shutil.which("tesseract"):
        out = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
        first = (out.stdout or out.stderr).splitlines()[:1]
        if first and '"' in first[0]:
            return Path(first[0].split('"')[1])
    raise MissingDependencyError(
        "Tesseract's language data was not found: install it with "
        "`sudo apt-get install tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng` "
        "or set TESSDATA_PREFIX to the folder holding the .traineddata files"
    )


def check_languages(lang: str, folder: Path) -> None:
    """Raise with an install hint when a language of "deu+eng" has no model in ``folder``."""
    for code in filter(None, lang.split("+")):
        if not re.fullmatch(r"[a-z]{3}(?:_[a-z]+)?|osd|[A-Z][A-Za-z_]+", code):  # "german", "de"
            raise MissingDependencyError(
                f"{code!r} is no Tesseract language code: use its three-letter codes, "
                "for example --lang deu+eng (German and English); `tesseract --list-langs` "
                "shows the installed ones"
            )
        if not (folder / f"{code}.traineddata").is_file():
            pkg = APT_PACKAGE.get(code, f"tesseract-ocr-{code}")
            raise MissingDependencyError(
                f"Tesseract has no model for language {code!r} in {folder}: "
                f"install it with `sudo apt-get install {pkg}` or pass --lang with installed "
                "languages (see `tesseract --list-langs`)"
            )


def has_language(code: str) -> bool:
    """Is the model for ``code`` ("Latin", "tur") installed? False, never an error."""
    try:
        return (tessdata_dir() / f"{code}.traineddata").is_file()
    except MissingDependencyError:
        return False
