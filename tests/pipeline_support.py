"""A photo of a card and the text a fake OCR engine reads from it, for the pipeline tests."""

from pathlib import Path

import cv2
import numpy as np

CARD = """Dr. Anna Müller
Geschäftsführerin
Müller & Schmidt GmbH
Tel. +49 30 1234567
anna.mueller@mueller-schmidt.de
"""


def card_photo(tmp_path: Path, name: str = "card.png") -> Path:
    img = np.full((600, 900, 3), 90, np.uint8)
    cv2.rectangle(img, (150, 150), (750, 450), (245, 245, 245), -1)
    cv2.putText(img, "Anna", (200, 300), cv2.FONT_HERSHEY_SIMPLEX, 2, (0, 0, 0), 3)
    path = tmp_path / name
    cv2.imwrite(str(path), img)
    return path
