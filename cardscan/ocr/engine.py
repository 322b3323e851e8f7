"""The OCR interface: engine-neutral result types, the engine protocol and its options."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OcrWord:
    text: str
    confidence: float  # 0..1
    box: tuple[int, int, int, int]  # left, top, width, height in the OCRed image


@dataclass(frozen=True)
class OcrLine:
    """One text line as Tesseract grouped it, with its words in reading order."""

    words: tuple[OcrWord, ...]
    block: int = 0

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def confidence(self) -> float:
        if not self.words:
            return 0.0
        return sum(w.confidence for w in self.words) / len(self.words)

    @property
    def box(self) -> tuple[int, int, int, int]:
        left = min(w.box[0] for w in self.words)
        top = min(w.box[1] for w in self.words)
        right = max(w.box[0] + w.box[2] for w in self.words)
        bottom = max(w.box[1] + w.box[3] for w in self.words)
        return left, top, right - left, bottom - top

    @property
    def height(self) -> int:
        """Median word height: a robust stand-in for the font size."""
        hs = sorted(w.box[3] for w in self.words)
        return hs[len(hs) // 2] if hs else 0


@dataclass(frozen=True)
class OcrResult:
    lines: tuple[OcrLine, ...]
    engine: str
    image_size: tuple[int, int] = (0, 0)  # width, height
    extra_text: tuple[str, ...] = field(default=())  # e.g. decoded QR payloads

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def confidence(self) -> float:
        """Mean word confidence weighted by word length (long words say more)."""
        total = 0.0
        weight = 0
        for line in self.lines:
            for w in line.words:
                n = len(w.text)
                total += w.confidence * n
                weight += n
        return total / weight if weight else 0.0


class OcrEngine(Protocol):
    """Recognises text on a prepared (upright, grayscale) card image."""

    name: str

    def recognize(
        self,
        image: np.ndarray,
        *,
        psm: int | None = None,
        noise_filter: bool = True,
        lang: str | None = None,
    ) -> OcrResult:
        """Read the image; ``psm`` overrides the page segmentation mode for this call.

        ``noise_filter=False`` turns off Tesseract's row noise rejection (NOISE_ROWS_OFF) for
        a second, more permissive reading; ``lang`` reads with other models than the engine's
        own ("Latin" for a Turkish card).
        """
        ...


def parse_tsv(tsv: str, engine: str, size: tuple[int, int]) -> OcrResult:
    """Turn Tesseract's TSV output (same format from the CLI and the API) into an OcrResult."""
    lines: dict[tuple[int, int, int, int], list[OcrWord]] = {}
    for row in tsv.splitlines():
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":  # level 5 = word
            continue
        text = cols[11].strip()
        if not text:
            continue
        try:
            key = (int(cols[1]), int(cols[2]), int(cols[3]), int(cols[4]))
            box = (int(cols[6]), int(cols[7]), int(cols[8]), int(cols[9]))
            conf = max(0.0, float(cols[10])) / 100.0
        except ValueError:
            continue
        lines.setdefault(key, []).append(OcrWord(text, conf, box))
    ordered = sorted(lines.items(), key=lambda kv: kv[0])
    return OcrResult(
        lines=tuple(OcrLine(tuple(words), block=key[1]) for key, words in ordered),
        engine=engine,
        image_size=size,
    )


@dataclass(frozen=True)
class EngineOptions:
    lang: str = "deu+eng"
    psm: int = 11  # sparse text: cards scatter short lines over the surface
    timeout: float = 30.0  # seconds per card (pytesseract engine)
    # Phone photos carry no resolution; Tesseract's size filters depend on it.  At 300 the
    # sparse mode dropped whole lines of 20 px text on prepared cards, at 150 it kept them.
    dpi: int = 150


#: Tesseract variable and value that keep rows its noise filter would drop.  On blurred prints
#: it threw away whole legible lines ("Mail:  anna.berg@firma.ch" between two phone lines),
#: yet turned off for every reading it garbled other lines, so only the second reading uses it.
NOISE_ROWS_OFF = ("textord_noise_rejrows", "0")
NOISE_ROWS_ON = ("textord_noise_rejrows", "1")
