"""OCR words -> parser lines: rebuild rows, keep columns apart, keep labels with their values."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cardscan.labels import LABEL_ALTERNATIVES
from cardscan.model import TextLine
from cardscan.ocr.engine import OcrResult, OcrWord

# A gap wider than this many text heights separates two columns.
COLUMN_GAP = 2.5
# A lone label printed in its own column ("Tel.:", "E-Mail", "W:") belongs to the value beside it.
_LONE_LABEL = re.compile(
    rf"^(?:[A-Za-zÄÖÜäöü][\w.\-]{{0,11}}:|(?:{LABEL_ALTERNATIVES})\.?)$", re.IGNORECASE
)


@dataclass
class _Run:
    words: list[OcrWord]

    @property
    def left(self) -> int:
        return min(w.box[0] for w in self.words)

    @property
    def right(self) -> int:
        return max(w.box[0] + w.box[2] for w in self.words)

    @property
    def top(self) -> int:
        return min(w.box[1] for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.box[1] + w.box[3] for w in self.words)

    @property
    def height(self) -> int:
        hs = sorted(w.box[3] for w in self.words)
        return max(hs[len(hs) // 2], 1)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def _split_columns(words: list[OcrWord]) -> list[_Run]:
    """Split one Tesseract line at wide gaps, unless the left part is a lone label."""
    runs = [_Run([words[0]])]
    for w in words[1:]:
        run = runs[-1]
        gap = w.box[0] - run.right
        if gap > COLUMN_GAP * run.height and not _LONE_LABEL.match(run.text):
            runs.append(_Run([w]))
        else:
            run.words.append(w)
    return runs


def _same_row(a: _Run, b: _Run) -> bool:
    ca, cb = (a.top + a.bottom) / 2, (b.top + b.bottom) / 2
    return abs(ca - cb) < 0.4 * min(a.height, b.height)


def _join_labels(runs: list[_Run]) -> list[_Run]:
    """ "Tel." in a label column + "030 123456" in the value column -> one run."""
    labels = [i for i, r in enumerate(runs) if _LONE_LABEL.match(r.text)]
    taken: set[int] = set()
    merged: dict[int, _Run] = {}
    for i in sorted(labels, key=lambda k: (runs[k].top, runs[k].left)):
        label = runs[i]
        partners = [
            j
            for j, run in enumerate(runs)
            if j != i
            and j not in taken
            and j not in labels
            and run.left > label.right
            and run.left - label.right < 12 * label.height
            and _same_row(label, run)
        ]
        if partners:
            j = min(partners, key=lambda k: runs[k].left)
            merged[i] = _Run(label.words + runs[j].words)
            taken.add(j)
    return [merged.get(i, r) for i, r in enumerate(runs) if i not in taken]


def _join_split_words(runs: list[_Run]) -> list[_Run]:
    """ "Schwe" + "izer SA" side by side with hardly a gap: one word that OCR cut in two."""
    runs = sorted(runs, key=lambda r: (r.left, r.top))
    out: list[_Run] = []
    for run in runs:
        for prev in out:
            gap = run.left - prev.right
            if 0 <= gap < 0.25 * min(prev.height, run.height) and _same_row(prev, run):
                glued = OcrWord(
                    prev.words[-1].text + run.words[0].text,
                    min(prev.words[-1].confidence, run.words[0].confidence),
                    (
                        prev.words[-1].box[0],
                        min(prev.words[-1].box[1], run.words[0].box[1]),
                        run.words[0].box[0] + run.words[0].box[2] - prev.words[-1].box[0],
                        max(prev.words[-1].box[3], run.words[0].box[3]),
                    ),
                )
                prev.words[-1:] = [glued, *run.words[1:]]
                break
        else:
            out.append(run)
    return out


def ocr_lines(result: OcrResult) -> list[TextLine]:
    """Parser lines in reading order (top to bottom, then left to right)."""
    width, height = result.image_size
    runs: list[_Run] = []
    for line in result.lines:
        if line.words:
            runs += _split_columns(list(line.words))
    runs = _join_labels(_join_split_words(runs))
    runs.sort(key=lambda r: (r.top, r.left))
    return [
        TextLine(
            text=r.text,
            height=float(r.height),
            confidence=sum(w.confidence for w in r.words) / len(r.words),
            top=r.top / height if height else 0.0,
            left=r.left / width if width else 0.0,
            right=r.right / width if width else 0.0,
        )
        for r in runs
    ]
