"""Picks and builds the OCR engine: tesserocr (Tesseract loaded in this process) where it is
installed, else pytesseract (the tesseract program); checks the languages up front."""

from __future__ import annotations

import os

from cardscan.errors import MissingDependencyError
from cardscan.ocr.engine import EngineOptions, OcrEngine
from cardscan.ocr.pytesseract_engine import PytesseractEngine
from cardscan.ocr.tessdata import check_languages, tessdata_dir
from cardscan.ocr.tesserocr_engine import TesserocrEngine, require_tesserocr


def available_engines() -> list[str]:
    names = []
    try:
        import tesserocr  # noqa: F401

        names.append("tesserocr")
    except ImportError:
        pass
    names.append("pytesseract")
    return names


def make_engine(name: str = "auto", options: EngineOptions | None = None) -> OcrEngine:
    """Build an engine: "tesserocr" (in-process, default when importable), "pytesseract" or "auto"."""
    options = options or EngineOptions()
    # Tesseract's OpenMP threads fight a process pool (and each other on 2 cores).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if name == "auto":
        name = available_engines()[0]
    if name == "tesserocr":
        return TesserocrEngine(options)
    if name == "pytesseract":
        return PytesseractEngine(options)
    raise MissingDependencyError(f"unknown OCR engine {name!r}: use tesserocr or pytesseract")


def probe_engine(name: str = "auto", options: EngineOptions | None = None) -> None:
    """Raise MissingDependencyError when the engine or a language model is missing, without
    loading the models (a quarter second that a batch's parent process would spend for nothing)."""
    options = options or EngineOptions()
    if name == "auto":
        name = available_engines()[0]
    if name != "tesserocr":
        make_engine(name, options)  # the pytesseract engine only checks; unknown names raise
        return
    require_tesserocr()
    check_languages(options.lang, tessdata_dir())
