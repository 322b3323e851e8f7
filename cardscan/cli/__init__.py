"""The command line: builds options, calls the library, renders, maps errors to exit codes.

One module per command family (scan.py: scan and batch; book.py: who and book; push.py;
review.py); app.py holds the group and the error handling they share, options.py the shared
options, report.py the text of a batch's report. Nothing below cardscan.cli prints or exits.
"""

from cardscan.cli import book, push, review, scan
from cardscan.cli.app import main

__all__ = ["book", "main", "push", "review", "scan"]
