"""Test doubles: an OCR engine that returns prepared text instead of running Tesseract."""

from __future__ import annotations

import numpy as np

from cardscan.ocr.engine import OcrLine, OcrResult, OcrWord


def ocr_result(
    text: str, confidence: float = 0.95, size: tuple[int, int] = (1000, 600)
) -> OcrResult:
    """Card text (one line per row) as an OcrResult with plausible word boxes."""
    lines = []
    for row, line in enumerate(t for t in text.splitlines() if t.strip()):
        words = []
        x = 20
        for w in line.split():
            words.append(OcrWord(w, confidence, (x, 20 + row * 40, 12 * len(w), 24)))
            x += 12 * len(w) + 12
        lines.append(OcrLine(tuple(words), block=row))
    return OcrResult(tuple(lines), "fake", size)


class FakeEngine:
    """Returns the given readings in turn (the last one again when they run out)."""

    name = "fake"

    def __init__(self, *readings: OcrResult) -> None:
        self.readings = list(readings)
        self.calls = 0
        self.requests: list[tuple[int | None, bool]] = []  # (psm, noise_filter) per call
        self.langs: list[str | None] = []  # the models asked for, per call (None: the default)

    def recognize(
        self,
        image: np.ndarray,
        *,
        psm: int | None = None,
        noise_filter: bool = True,
        lang: str | None = None,
    ) -> OcrResult:
        assert image.ndim == 2 and image.dtype == np.uint8
        self.requests.append((psm, noise_filter))
        self.langs.append(lang)
        reading = self.readings[min(self.calls, len(self.readings) - 1)]
        self.calls += 1
        return reading

    def close(self) -> None:
        pass
