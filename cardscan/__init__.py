"""cardscan: photos of business cards -> contact records -> vCards."""

__version__ = "0.1.0"
