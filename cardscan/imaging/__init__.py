"""Photos in, OCR-ready card images out: loading (formats, EXIF, limits) and preprocessing."""

from cardscan.imaging.load import DEFAULT_MAX_PIXELS, load_image
from cardscan.imaging.preprocess import PreparedCard, detect_upside_down, prepare

__all__ = ["DEFAULT_MAX_PIXELS", "PreparedCard", "detect_upside_down", "load_image", "prepare"]
