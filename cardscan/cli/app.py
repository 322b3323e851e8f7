"""The `cardscan` command group and what every command shares: one line and an exit status
for each expected failure, the output stream, counting words."""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click

from cardscan import __version__
from cardscan.cli.report import failure_text
from cardscan.errors import (
    CardscanError,
    ExitCode,
    OutputClosed,
)
from cardscan.files import output_file
from cardscan.pipeline import ScanFailure

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int) -> NoReturn:
    click.echo(f"cardscan: error: {message}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """Expected failures become one line on stderr and an exit code, never a traceback;
    anything else is a bug: one line too, exit 70, and the traceback with -v."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except OutputClosed:
            # "cardscan batch ... | head": the reader has all it wanted; end quietly, and
            # keep Python from complaining when it flushes the closed stdout at exit.
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except CardscanError as exc:
            if logging.getLogger().isEnabledFor(logging.DEBUG):
                logging.getLogger("cardscan").exception("details")
            fail(str(exc), int(exc.exit_code))
        except KeyboardInterrupt:
            fail("interrupted; the output file was left as it was", ExitCode.interrupted)
        except (click.ClickException, click.exceptions.Abort, click.exceptions.Exit):
            raise  # click's own: bad options, a declined prompt
        except Exception as exc:
            internal_error(exc)
        return None

    return wrapper  # type: ignore[return-value]


def verbose() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().params.get("verbose"))  # cardscan -v ...


def failure_line(failure: ScanFailure) -> str:
    """ "FILE: reason"; for a bug, how to see its traceback (shown above it with -v)."""
    if failure.exit_code != ExitCode.internal:
        return failure_text(failure)
    if verbose() and failure.details:
        click.echo(failure.details, err=True)
        return f"{failure_text(failure)}; this is a bug in cardscan: please report it"
    return (
        f"{failure_text(failure)}; this is a bug in cardscan: run it again as "
        "`cardscan -v COMMAND ...` to see the traceback, and report it"
    )


def exit_status(failures: list[ScanFailure]) -> int:
    """A bug's exit status when one photo met one, else that some input failed."""
    if any(f.exit_code == ExitCode.internal for f in failures):
        return ExitCode.internal
    return ExitCode.input_failed


def internal_error(exc: Exception) -> NoReturn:
    """A bug in cardscan, not in the input or the options: say so in one line."""
    ctx = click.get_current_context(silent=True)
    shown = bool(ctx and ctx.find_root().params.get("verbose"))  # cardscan -v ...
    if shown:
        click.echo("".join(traceback.format_exception(exc)).rstrip(), err=True)
    what = " ".join(f"{type(exc).__name__}: {exc}".split())
    then = (
        "please report it with the traceback above"
        if shown
        else "run it again as `cardscan -v COMMAND ...` to see the traceback, and report it"
    )
    fail(f"internal error ({what}); this is a bug in cardscan: {then}", ExitCode.internal)


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def option_group(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """Several click options applied as one decorator, in the order given."""

    def apply(func: F) -> F:
        for deco in reversed(decorators):
            func = deco(func)
        return func

    return apply


def interactive() -> bool:
    """A person at a terminal, who can answer a question or use a terminal editor."""
    return sys.stdin is not None and sys.stdin.isatty()  # None: started with stdin closed


@contextlib.contextmanager
def output_stream(path: Path | None, previous: str = "") -> Iterator[TextIO]:
    """stdout, or -o's file (replaced atomically; a device or pipe written into, see files.py);
    ``previous`` is written first (--resume)."""
    if path is None or str(path) == "-":
        yield sys.stdout
    else:
        with output_file(path) as stream:
            stream.write(previous)
            yield stream


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cardscan")
@click.option(
    "-v", "--verbose", count=True, help="More detail on stderr (-vv: debug, with tracebacks)."
)
def main(verbose: int) -> None:
    """Turn photos of business cards into contacts (vCard, JSON, CSV)."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(
        level=level, format="cardscan: %(levelname)s: %(message)s", stream=sys.stderr
    )
