"""Tesseract as a subprocess via pytesseract: slower (a process and model load per card), no extra wheel."""

from __future__ import annotations

import logging
import shutil
import subprocess

import numpy as np

from cardscan.errors import MissingDependencyError, OcrError
from cardscan.ocr.engine import NOISE_ROWS_OFF, EngineOptions, OcrResult, parse_tsv
from cardscan.ocr.tessdata import check_languages, tessdata_dir

log = logging.getLogger(__name__)


class PytesseractEngine:
    name = "pytesseract"

    def __init__(self, options: EngineOptions) -> None:
        if not shutil.which("tesseract"):
            raise MissingDependencyError(
                "the `tesseract` program was not found: install it with "
                "`sudo apt-get install tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng`"
            )
        check_languages(options.lang, tessdata_dir())
        self._options = options

    def recognize(
        self,
        image: np.ndarray,
        *,
        psm: int | None = None,
        noise_filter: bool = True,
        lang: str | None = None,
    ) -> OcrResult:
        import pytesseract

        if lang is not None and lang != self._options.lang:
            check_languages(lang, tessdata_dir())

        h, w = image.shape[:2]
        config = f"--psm {psm if psm is not None else self._options.psm} -c user_defined_dpi={self._options.dpi}"
        if not noise_filter:
            config += " -c {}={}".format(*NOISE_ROWS_OFF)
        try:
            tsv = pytesseract.image_to_data(
                image, lang=lang or self._options.lang, config=config, timeout=self._options.timeout
            )
        except RuntimeError as exc:  # pytesseract raises RuntimeError on its timeout
            raise OcrError(
                f"Tesseract took longer than {self._options.timeout:.0f} s on this card"
            ) from exc
        except (pytesseract.TesseractError, subprocess.SubprocessError, OSError) as exc:
            raise OcrError(f"Tesseract failed on this card: {exc}") from exc
        return parse_tsv(tsv, self.name, (w, h))

    def close(self) -> None:
        pass
