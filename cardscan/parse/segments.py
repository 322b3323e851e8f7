"""The segments of a card's lines that the people's fields are chosen from, and their
places: which segment is printed above which, in the same column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cardscan.parse.lines import TextLine


@dataclass
class Segment:
    text: str
    line: TextLine
    used: bool = False


def line_confidence(lines: Sequence[TextLine], certainty: float) -> float:
    if not lines:
        return 0.0
    ocr = sum(line.confidence for line in lines) / len(lines)
    return round(max(0.0, min(1.0, ocr * certainty)), 3)


def same_column(a: TextLine, b: TextLine) -> bool:
    """Left-aligned, or (for centred and right-aligned cards) overlapping side by side."""
    if abs(a.left - b.left) <= 0.12:
        return True
    if a.right and b.right:
        overlap = min(a.right, b.right) - max(a.left, b.left)
        return overlap > 0.5 * min(a.right - a.left, b.right - b.left)
    return False


def neighbours(segments: list[Segment], i: int, *, up: bool) -> list[int]:
    """Indexes of the segments nearest above (or below) segment i in the same column.

    Earlier segments of the same printed line count as "above" (one-line addresses:
    "Hauptstraße 1 · 10115 Berlin"), later ones as "below".
    """
    me = segments[i].line
    found: list[tuple[float, int]] = []
    for j, seg in enumerate(segments):
        if j == i:
            continue
        other = seg.line
        if (other.top, other.left, other.height) == (me.top, me.left, me.height):
            if (j < i) == up:
                found.append((-1.0 + abs(i - j) * 1e-3, j))  # same line: nearest of all
            continue
        dy = (me.top - other.top) if up else (other.top - me.top)
        if dy <= 0 or not same_column(me, other):
            continue
        found.append((dy, j))
    return [j for _, j in sorted(found)]
