"""`cardscan review`: the browser app that shows each card beside its fields."""

from __future__ import annotations

from pathlib import Path

import click

from cardscan.book import resolve_location
from cardscan.cli.app import (
    handle_errors,
    main,
)
from cardscan.cli.options import (
    DB_OPTION,
    scan_options,
)
from cardscan.options import ScanOptions


@main.command()
@click.argument("photos", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="[default: a free one]")
@click.option("--no-browser", is_flag=True, help="Only print the address; open no browser.")
@click.option("--lan", is_flag=True, help="Also let phones on this Wi-Fi upload photos.")
@DB_OPTION
@scan_options
@handle_errors
def review(
    photos: tuple[Path, ...],
    port: int,
    no_browser: bool,
    lan: bool,
    db: Path | None,
    options: ScanOptions,
) -> None:
    """Check and fix cards in the browser, each beside its fields; save them to the contact
    book and send them on. Reads PHOTOS (files or folders); without any, opens the book."""
    from cardscan.review import ReviewSettings, run_review

    settings = ReviewSettings(
        photos, resolve_location(db), options, port=port, lan=lan, open_browser=not no_browser
    )
    run_review(settings, announce=click.echo)
    click.echo("cardscan: review stopped", err=True)
