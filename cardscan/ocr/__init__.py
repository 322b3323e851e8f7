"""OCR engines behind one small interface (engine), built by factory; lines turns their
words into the parser's lines."""

from cardscan.ocr.engine import OcrEngine, OcrLine, OcrResult, OcrWord
from cardscan.ocr.factory import make_engine

__all__ = ["OcrEngine", "OcrLine", "OcrResult", "OcrWord", "make_engine"]
