"""Developer tools for cardscan (synthetic test data); not part of the installed package."""
