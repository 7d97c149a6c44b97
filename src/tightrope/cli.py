"""The ``tightrope`` command line."""

from __future__ import annotations

import datetime as dt
import sys

import click

from .config import MAX_INPUT_BYTES, MIN_CONFIDENCE
from .errors import InputError, TightropeError

__all__ = ["main"]


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2021-04-06") from None


@click.group()
@click.version_option(package_name="tightrope")
def main() -> None:
    """Tightrope: turn world news into structured political event data."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="A readable table, or one JSON object per article.")
@click.option("--published", callback=_parse_date, metavar="DATE",
              help="Publication date (YYYY-MM-DD) for every article, overriding the page's own.")
@click.option("--with-text", is_flag=True, help="Include each article's extracted text in the JSONL.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_INPUT_BYTES, show_default=True,
              help="Refuse input files larger than this.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=MIN_CONFIDENCE, show_default=True,
              help="Drop events under this confidence.")
def analyze(paths: tuple[str, ...], fmt: str, published: dt.date | None, with_text: bool, max_bytes: int,
            min_confidence: float) -> None:
    """Analyse articles (.html, .htm, .txt, .jsonl files or folders of them).

    Prints each article's actors and events. Inputs that cannot be analysed are
    reported on stderr; the exit status is non-zero only when none could be.
    """
    from .pipeline import Pipeline
    from .render import to_jsonl, to_table

    try:
        pipeline = Pipeline(min_confidence=min_confidence)
    except TightropeError as exc:
        raise click.ClickException(str(exc)) from None
    analysed = skipped = 0
    for item in pipeline.run(paths, max_bytes=max_bytes, published=published):
        if isinstance(item, InputError):
            skipped += 1
            click.echo(f"skipped {item.source}: {item.reason}", err=True)
            continue
        analysed += 1
        click.echo(to_jsonl(item, with_text=with_text) if fmt == "jsonl" else to_table(item))
    click.echo(f"{analysed} article(s) analysed, {skipped} input(s) skipped", err=True)
    if analysed == 0:
        click.echo("nothing could be analysed; fix the inputs listed above and run again", err=True)
        sys.exit(1)


@main.group()
def actors() -> None:
    """Look things up in the actor knowledge base."""


@actors.command("lookup")
@click.argument("name")
@click.option("--date", "day", callback=_parse_date, metavar="DATE", help="Resolve roles as on this date.")
def lookup(name: str, day: dt.date | None) -> None:
    """Print the actor that NAME resolves to (on DATE, for people's roles)."""
    from .actors.lookup import lookup_name

    found = lookup_name(name, day)
    if not found:
        raise click.ClickException(f"no actor named {name!r} in the knowledge base; check the spelling or add it "
                                   "to tightrope/data/actors/")
    for line in found:
        click.echo(line)
if __name__ == "__main__":
    main()
