"""`python -m cardscan.cli`: the command line without the installed script."""

from cardscan.cli import main

main()
