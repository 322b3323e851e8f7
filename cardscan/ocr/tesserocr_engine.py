"""In-process Tesseract via tesserocr: the models stay loaded across cards (about 5x faster)."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import numpy as np

from cardscan.errors import MissingDependencyError, OcrError
from cardscan.ocr.engine import NOISE_ROWS_OFF, NOISE_ROWS_ON, EngineOptions, OcrResult, parse_tsv
from cardscan.ocr.tessdata import check_languages, tessdata_dir

log = logging.getLogger(__name__)


@contextlib.contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """Leptonica, inside Tesseract, prints notes such as "Error in boxClipToRectangle: box
    outside rectangle" straight to file descriptor 2 on harmless layout corner cases; a user
    would take them for failures. They are dropped unless debug logging (-vv) is on."""
    if log.isEnabledFor(logging.DEBUG):
        yield
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def require_tesserocr() -> ModuleType:
    """The tesserocr module, or MissingDependencyError with what to do."""
    try:
        import tesserocr
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise MissingDependencyError(
            "the tesserocr engine is not installed: `pip install tesserocr` "
            "or use --engine pytesseract"
        ) from exc
    return tesserocr


class TesserocrEngine:
    name = "tesserocr"

    def __init__(self, options: EngineOptions) -> None:
        require_tesserocr()
        folder = tessdata_dir()
        check_languages(options.lang, folder)
        self._options = options
        self._folder = folder
        self._apis: dict[str, object] = {}
        self._api = self._api_for(options.lang)

    def _api_for(self, lang: str) -> Any:
        """One loaded Tesseract per language set, made on first use and kept for all cards."""
        api = self._apis.get(lang)
        if api is None:
            tesserocr = require_tesserocr()
            check_languages(lang, self._folder)
            try:
                api = tesserocr.PyTessBaseAPI(
                    path=str(self._folder) + "/", lang=lang, psm=self._options.psm
                )
            except RuntimeError as exc:
                raise MissingDependencyError(
                    f"Tesseract could not load {lang!r} from {self._folder}: {exc}; "
                    "reinstall tesseract-ocr-deu/-eng or pass --engine pytesseract"
                ) from exc
            # Phone photos carry no DPI; without one Tesseract warns and guesses.
            api.SetVariable("user_defined_dpi", str(self._options.dpi))
            self._apis[lang] = api
        return api

    def recognize(
        self,
        image: np.ndarray,
        *,
        psm: int | None = None,
        noise_filter: bool = True,
        lang: str | None = None,
    ) -> OcrResult:
        if image.ndim != 2 or image.dtype != np.uint8:
            raise OcrError("the OCR engine needs an 8-bit grayscale image")
        img = np.ascontiguousarray(image)
        h, w = img.shape
        api = self._api_for(lang or self._options.lang)
        try:
            api.SetPageSegMode(psm if psm is not None else self._options.psm)
            api.SetVariable(*(NOISE_ROWS_ON if noise_filter else NOISE_ROWS_OFF))
            with _quiet_native_stderr():
                api.SetImageBytes(img.tobytes(), w, h, 1, w)
                tsv = api.GetTSVText(0)
        except RuntimeError as exc:
            raise OcrError(f"Tesseract failed on this card: {exc}") from exc
        return parse_tsv(tsv or "", self.name, (w, h))

    def close(self) -> None:
        for api in self._apis.values():
            api.End()  # type: ignore[attr-defined]
        self._apis.clear()
