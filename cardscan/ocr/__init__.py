"""OCR engines behind one small interface; see :mod:`cardscan.ocr.engine`."""

from cardscan.ocr.engine import OcrEngine, OcrLine, OcrResult, OcrWord, make_engine

__all__ = ["OcrEngine", "OcrLine", "OcrResult", "OcrWord", "make_engine"]
