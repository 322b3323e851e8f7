"""From photos to contacts: one card (scanner), one picture of several cards (sheets), front
and back (sides), many pictures in a pool of workers (pool), and the batch as one call (batch)."""

from cardscan.pipeline.outcomes import Outcome, ScanFailure, ScanResult
from cardscan.pipeline.scanner import Scanner

__all__ = ["Outcome", "ScanFailure", "ScanResult", "Scanner"]
