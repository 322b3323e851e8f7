"""Second readings of a card's doubtful parts: lost dots in e-mails (lostdots) and the
words a rule doubts (recheck), each read again from its crop of the image."""
