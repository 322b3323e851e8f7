"""`cardscan push`: the contacts of a .vcf file to a CardDAV address book."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cardscan.carddav import CarddavClient, PushResult, split_vcards
from cardscan.cli.app import (
    handle_errors,
    main,
)
from cardscan.cli.options import (
    carddav_client,
    carddav_options,
)
from cardscan.errors import (
    ExitCode,
    InputError,
    UsageError,
)


def push_cards_shown(client: CarddavClient, cards: list[str]) -> list[PushResult]:
    """Upload the cards, one line per failure and a summary on stderr."""
    results: list[PushResult] = []
    with click.progressbar(
        cards, label="Uploading contacts", file=sys.stderr, length=len(cards)
    ) as todo:
        for card in todo:
            results.append(client.push(card))
    counts = {s: sum(r.status == s for r in results) for s in ("created", "updated", "failed")}
    click.echo(
        f"Pushed {len(results)} contacts to {client.url}: {counts['created']} created, "
        f"{counts['updated']} updated, {counts['failed']} failed",
        err=True,
    )
    for r in results:
        if r.status == "failed":
            click.echo(f"  failed: {r.name or r.uid}: {r.reason}", err=True)
    return results


@main.command()
@click.argument("vcf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@carddav_options
@handle_errors
def push(
    vcf: Path,
    carddav: str | None,
    username: str | None,
    password_env: str | None,
    password: str | None,
) -> None:
    """Upload the contacts of a .vcf file to a CardDAV address book, one resource per contact.

    A contact that is already there (same UID) is updated, not duplicated.
    """
    if not carddav:
        raise UsageError("push needs --carddav URL (the address book's URL)")
    try:
        text = vcf.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{vcf} is not UTF-8 text; save it as UTF-8 and try again") from exc
    except OSError as exc:
        raise InputError(f"cannot read {vcf}: {exc.strerror}") from exc
    cards = split_vcards(text, source=str(vcf))
    client = carddav_client(carddav, username, password, password_env)
    if any(r.status == "failed" for r in push_cards_shown(client, cards)):
        sys.exit(ExitCode.carddav_failed)
