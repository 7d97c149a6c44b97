"""The ``tightrope`` command line."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

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


def _check_sort(ctx: click.Context, param: click.Parameter, value: str) -> str:
    from .store.queries import EventQuery

    try:
        EventQuery(sort=value).order()  # the one check of a sort key, as the store makes it
    except TightropeError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


@click.group()
@click.version_option(package_name="tightrope")
def main() -> None:
    """Tightrope: turn world news into structured political event data."""


_CODER_OPTION = click.option("--coder", type=click.Choice(["learned", "rules"]), default=None,
                             help="The event coder: the trained models (rules as their features) or the rules alone "
                                  "(default: tightrope.pipeline.DEFAULT_CODER, the learned coder).")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="A readable table, or one JSON object per article.")
@click.option("--published", callback=_parse_date, metavar="DATE",
              help="Publication date (YYYY-MM-DD) for every article, overriding the page's own.")
@click.option("--with-text", is_flag=True, help="Include each article's extracted text in the JSONL.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_INPUT_BYTES, show_default=True,
              help="Refuse input files larger than this.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help=f"Drop events under this confidence (default: {MIN_CONFIDENCE} for the rules coder, the "
                   "threshold chosen on the dev split for the learned coder).")
@click.option("--actors-dict", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra PETRARCH-format actor dictionary (repeatable).")
@click.option("--agents-dict", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra PETRARCH-format agent dictionary (repeatable).")
@_CODER_OPTION
def analyze(paths: tuple[str, ...], fmt: str, published: dt.date | None, with_text: bool, max_bytes: int,
            min_confidence: float | None, actors_dict: tuple[str, ...], agents_dict: tuple[str, ...],
            coder: str | None) -> None:
    """Analyse articles (.html, .htm, .txt, .jsonl files or folders of them).

    Prints each article's actors and events. Inputs that cannot be analysed are
    reported on stderr; the exit status is non-zero only when none could be.
    """
    from .pipeline import Pipeline
    from .render import to_jsonl, to_table

    dictionaries = _dictionaries(actors_dict, agents_dict)
    try:
        pipeline = Pipeline(min_confidence=min_confidence, dictionaries=dictionaries, coder=coder)
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


_DB_OPTION = click.option("--db", "db_path", default="tightrope.duckdb", show_default=True,
                          type=click.Path(dir_okay=False), help="The DuckDB database file.")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@_DB_OPTION
@click.option("--server", metavar="URL",
              help="Store through a running `tightrope serve` (e.g. http://127.0.0.1:8000) instead of opening --db; "
                   "the token is read from TIGHTROPE_API_TOKEN.")
@click.option("--published", callback=_parse_date, metavar="DATE",
              help="Publication date (YYYY-MM-DD) for every article, overriding the page's own.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_INPUT_BYTES, show_default=True,
              help="Refuse input files larger than this.")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Articles stored per transaction (with --server: per request, at most 64).")
@_CODER_OPTION
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db_path: str, server: str | None, published: dt.date | None,
           max_bytes: int, batch_size: int, coder: str | None) -> None:
    """Analyse articles and store them in a DuckDB file, or through a server that holds it.

    Rerunning on the same inputs changes nothing; rerunning after an interruption
    finishes the job without duplicates. While `tightrope serve` holds the file, give
    --server: the files are read here and the server analyses and stores them.
    """
    def progress(done: int, total: int, report) -> None:
        click.echo(f"stored {report.stored} article(s), {done}/{total} file(s) read", err=True)

    try:
        if server:
            report = _ingest_remote(ctx, paths, server, published, max_bytes, batch_size, coder, progress)
            where = server
        else:
            from .pipeline import Pipeline
            from .store import Store

            with Store(db_path) as store:  # opened first: a held file is reported before the model loads
                report = store.ingest(Pipeline(coder=coder), paths, max_bytes=max_bytes, published=published,
                                      batch_size=batch_size, progress=progress)
            where = db_path
    except TightropeError as exc:
        raise click.ClickException(str(exc)) from None
    for source, reason in report.skipped:
        click.echo(f"skipped {source}: {reason}", err=True)
    click.echo(f"{report.stored} stored, {report.already} already in {where}, {len(report.skipped)} skipped",
               err=True)
    if report.stored == 0 and report.already == 0:
        click.echo("nothing could be stored; fix the inputs listed above and run again", err=True)
        sys.exit(1)


def _ingest_remote(ctx: click.Context, paths, server: str, published, max_bytes: int, batch_size: int,
                   coder: str | None, progress):
    """``ingest --server``: check the options that do not apply, then send the articles."""
    import os

    from .api.batches import MAX_BATCH
    from .store.remote import ingest_remote

    if ctx.get_parameter_source("db_path") is not click.core.ParameterSource.DEFAULT:
        raise click.UsageError("give --db or --server, not both: the server stores into the --db it was started with")
    if coder:
        raise click.UsageError("--coder does not apply with --server: the server analyses with its own coder; "
                               "drop --coder, or ingest with --db while no server holds the file")
    if batch_size > MAX_BATCH:
        raise click.UsageError(f"--batch-size {batch_size} is over the {MAX_BATCH} articles a server takes in one "
                               f"request; give at most {MAX_BATCH}")
    return ingest_remote(server, os.environ.get("TIGHTROPE_API_TOKEN"), paths, max_bytes=max_bytes,
                         published=published, batch_size=batch_size, progress=progress)


@main.command()
@_DB_OPTION
@click.option("--actor", help="Source country (ISO3), actor code or id.")
@click.option("--target", help="Target country (ISO3), actor code or id.")
@click.option("--cameo", help="CAMEO code prefix, e.g. 11 for all disapproval codes.")
@click.option("--from", "date_from", callback=_parse_date, metavar="DATE", help="Earliest date.")
@click.option("--to", "date_to", callback=_parse_date, metavar="DATE", help="Latest date.")
@click.option("--modality", type=click.Choice(["asserted", "negated", "future", "hypothetical"]))
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--explain", is_flag=True, help="Say why each event was coded (trigger, scores, features, parties).")
@click.option("--pair", nargs=2, metavar="A B", help="Two countries, events either way between them.")
@click.option("--history", type=click.Choice(["any", "current", "only"]), default="any", show_default=True,
              help="Events the articles tell as history (dated over a year before them): keep, leave out, or only.")
@click.option("--sort", default="-date", show_default=True, metavar="KEY", callback=_check_sort,
              help="date, goldstein, articles, mentions, cameo, source, target or modality; - in front for descending.")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True, help="Rows to skip (paging).")
def events(db_path: str, actor, target, cameo, date_from, date_to, modality, limit: int, fmt: str,
           explain: bool, pair, history: str, sort: str, offset: int) -> None:
    """List deduplicated events from the store, filtered. Codes match in any case."""
    import json

    from .render import events_table, explain_lines

    background = {"any": None, "current": False, "only": True}[history]
    with _open_store(db_path) as store:
        rows = store.events(actor=actor, target=target, cameo=cameo, date_from=date_from, date_to=date_to,
                            modality=modality, limit=limit, offset=offset, explain=explain,
                            pair=tuple(pair) if pair else None, background=background, sort=sort)
        if explain:
            from .store.queries import event_detail

            for row in rows:
                row["reports"] = (event_detail(store.con, row["id"]) or {}).get("reports", [])
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, default=str, ensure_ascii=False))
    else:
        click.echo(events_table(rows))
        if explain:
            for row in rows:
                click.echo("")
                for line in explain_lines(row):
                    click.echo(line)


@main.command()
@click.argument("a")
@click.argument("b")
@_DB_OPTION
@click.option("--from", "date_from", callback=_parse_date, metavar="DATE", help="Earliest date.")
@click.option("--to", "date_to", callback=_parse_date, metavar="DATE", help="Latest date.")
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--background", is_flag=True,
              help="Also count events and statements about history (left out of the series and brief by default).")
@click.option("--change-at", "change_at", callback=_parse_date, metavar="DATE",
              help="Show which issue areas warmed or cooled from before DATE to DATE on.")
def dyad(a: str, b: str, db_path: str, date_from, date_to, by: str, background: bool, change_at) -> None:
    """Relations between countries A and B (ISO3): series by period and a brief with evidence."""
    from .relations import brief_change, dyad_brief, dyad_timeline
    from .render import brief_text, series_table

    a, b = a.upper(), b.upper()
    with _open_store(db_path) as store:
        line = dyad_timeline(store, a, b, by, date_from, date_to, background=background)  # type: ignore[arg-type]
        brief = dyad_brief(store, a, b, date_from, date_to, background=background)
        if change_at:
            brief.change = brief_change(store, a, b, change_at)
    click.echo(series_table(a, b, by, line.series, line.gaps, line.imprecise))
    click.echo(brief_text(brief))


@main.command("export")
@_DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet", "plover-json", "parquet-dataset"]),
              required=True, help="GDELT-like CSV or Parquet, PLOVER-style JSON, or a Parquet folder by date.")
@click.option("--out", required=True, type=click.Path(allow_dash=True),
              help="File (or folder for parquet-dataset) to write; '-' writes csv or plover-json to standard output.")
def export_cmd(db_path: str, fmt: str, out: str) -> None:
    """Export deduplicated events (column mapping: docs/EXPORTS.md)."""
    from .store.export import STREAM_FORMATS, export, export_stream

    if out == "-" and fmt not in STREAM_FORMATS:
        raise click.BadParameter(f"--format {fmt} cannot be written to standard output (Parquet needs a file); "
                                 f"give a path (--out events.parquet, or a folder for parquet-dataset), or use --format "
                                 f"{' or '.join(STREAM_FORMATS)} with --out -", param_hint="'--out'")
    with _open_store(db_path) as store:
        if out == "-":
            export_stream(store, fmt, click.get_binary_stream("stdout"))  # type: ignore[arg-type]
            return
        path = export(store, fmt, out)  # type: ignore[arg-type]
    click.echo(f"wrote {path}", err=True)


@main.command()
@_DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
def serve(db_path: str, host: str, port: int) -> None:
    """Serve the REST API (docs at /docs) and the dashboard for a database.

    Writing (POST /api/articles) is enabled only when TIGHTROPE_API_TOKEN is set.
    """
    import uvicorn

    from .api import ApiSettings, create_app

    try:
        app = create_app(ApiSettings.from_env(db_path))
    except TightropeError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Tightrope dashboard on http://{host}:{port}/ (API docs at /docs); Ctrl+C stops it", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@click.argument("corpus", nargs=-1, type=click.Path(exists=True, path_type=str))
@click.option("--out", type=click.Path(file_okay=False), help="Output folder.")
@click.option("--check", "check_dir", type=click.Path(exists=True, file_okay=False), metavar="OUT",
              help="Audit a dataset instead: count each table's rows against distinct ids (exit 1 on duplicates).")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Local Dask worker processes.")
@click.option("--scheduler", metavar="ADDRESS", help="Use an existing Dask cluster, e.g. tcp://host:8786.")
@click.option("--published", callback=_parse_date, metavar="DATE",
              help="Publication date (YYYY-MM-DD) for every article, overriding their own.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_INPUT_BYTES, show_default=True)
@click.option("--files-per-batch", type=click.IntRange(min=1), default=32, show_default=True)
@click.option("--lines-per-batch", type=click.IntRange(min=1), default=64, show_default=True)
@click.option("--actors-dict", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra PETRARCH-format actor dictionary (repeatable; workers must be able to read it).")
@click.option("--agents-dict", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra PETRARCH-format agent dictionary (repeatable).")
def run(corpus: tuple[str, ...], out: str | None, check_dir: str | None, workers: int, scheduler: str | None, published,
        max_bytes: int, files_per_batch: int, lines_per_batch: int, actors_dict: tuple[str, ...],
        agents_dict: tuple[str, ...]) -> None:
    """Process a corpus (folders, JSONL, WARC, saved feeds) on Dask into Parquet plus a DuckDB index.

    Resumable: rerun the same command after an interruption and finished batches are skipped; an
    article a finished batch wrote is never written again, however the corpus is batched or moved.
    """
    from .runner import run_corpus

    if check_dir:
        _check_run(check_dir)
        return
    if not corpus or not out:
        raise click.UsageError("give the corpus (files, folders) and --out OUT, or --check OUT to audit a dataset")

    def progress(done: int, total: int, report) -> None:
        rate = report.articles / report.seconds if report.seconds else 0.0
        line = (f"batch {done}/{total} done: {report.articles} articles, {report.skipped} skipped, "
                f"{rate:.1f} articles/s")
        if sys.stderr.isatty():  # a bar that redraws in place; logs and pipes get one line per batch
            filled = int(30 * done / total) if total else 30
            click.echo(f"\r[{'#' * filled}{'.' * (30 - filled)}] {line}", err=True, nl=done == total)
        else:
            click.echo(line, err=True)

    dictionaries = _dictionaries(actors_dict, agents_dict)
    report = run_corpus(corpus, out, workers=workers, scheduler=scheduler, max_bytes=max_bytes,
                        published=published, files_per_unit=files_per_batch, lines_per_unit=lines_per_batch,
                        progress=progress, dictionaries=dictionaries)
    for source, reason in report.failed:
        click.echo(f"failed batch {source}: {reason}", err=True)
    if report.already_written:
        click.echo(f"{report.already_written} articles were already in {out} (written by an earlier batch): not written again",
                   err=True)
    click.echo(f"{report.units} batches ({report.already_done} already done), {report.articles} articles analysed, "
               f"{report.skipped} inputs skipped, {len(report.failed)} batches failed in {report.seconds:.1f} s; "
               f"index: {Path(out) / 'index.duckdb'}", err=True)
    if report.failed:
        sys.exit(1)


def _check_run(out: str) -> None:
    from .runner.run import check_dataset

    tables = check_dataset(out)
    if not tables:
        raise click.ClickException(f"{out} holds no dataset written by tightrope run; give the folder passed as --out")
    twice = 0
    for table, rows, keys in tables:
        flag = "" if rows == keys else f"  <- {rows - keys} written twice"
        click.echo(f"{table:<18} {rows:>9} rows {keys:>9} distinct{flag}")
        twice += rows - keys
    if twice:
        raise click.ClickException(f"{twice} rows are written twice in {out}; rebuild it with tightrope run into a new folder")
    click.echo(f"{out}: every row once")


@main.command()
@click.option("--gold", "gold_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("data/gold/corpus.jsonl"), show_default=True,
              help="Annotated corpus (JSONL, docs/ANNOTATION.md); its train split trains, its dev split selects.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the model files (default: the packaged models, src/tightrope/data/models/coder).")
@click.option("--with-plover-dev", is_flag=True,
              help="Also train on ../shared/eval/plover_dev.jsonl (CC BY-SA; an experiment, not the shipped models).")
@click.option("--floors", "floors_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A JSON gate (tests/eval/floors.json): choose, on dev, only settings that hold its "
                   "'corpus/dev/learned' precision and recall floors and negated-as-asserted ceiling, where any does.")
def train(gold_path: Path, out: Path | None, with_plover_dev: bool, floors_path: Path | None) -> None:
    """Train the learned event coder on an annotated corpus (make train).

    Articles are split into train / dev / test by a hash of their id; the test split is never
    read. Use the models with `--coder learned` after pointing TIGHTROPE_MODELS at --out.
    """
    from .coder.models import PACKAGED
    from .coder.train import train as run_training
    from .gold.schema import load_corpus

    try:
        corpus = load_corpus(gold_path)
        extra = []
        if with_plover_dev:
            from .evaluate import DEFAULT_PLOVER_DEV
            from .gold.plover import plover_articles

            extra = plover_articles(DEFAULT_PLOVER_DEV)
        gate = None
        if floors_path is not None:
            try:
                floors = json.loads(floors_path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                raise click.ClickException(f"{floors_path} is not JSON ({exc}); pass the gate file, such as "
                                           "tests/eval/floors.json") from None
            gate = floors.get("corpus/dev/learned") if isinstance(floors, dict) else None
            if not isinstance(gate, dict):
                raise click.ClickException(f"{floors_path} has no 'corpus/dev/learned' floors; see tests/eval/floors.json")
        run_training(corpus, out or PACKAGED, progress=lambda line: click.echo(line, err=True), extra=extra,
                     gate=gate)
    except (ValueError, TightropeError) as exc:
        raise click.ClickException(str(exc)) from None


@main.command("train-areas")
@click.option("--gold", "gold_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("data/gold/corpus.jsonl"), show_default=True,
              help="Annotated corpus (JSONL); the gold areas of its sentences are in data/gold/areas (docs/AREAS.md).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Model file to write (default: the packaged model, src/tightrope/data/models/areas/areas.npz).")
def train_areas_cmd(gold_path: Path, out: Path | None) -> None:
    """Train the issue-area model on the train split's gold areas; the dev split chooses (make train).

    The test split is never read. Use another model with TIGHTROPE_AREA_MODEL=PATH, or the
    taxonomy's keywords alone with TIGHTROPE_AREA_MODEL=keywords.
    """
    from .gold.schema import load_corpus
    from .topics.model import PACKAGED_AREAS
    from .topics.train import train_areas

    try:
        train_areas(load_corpus(gold_path), out or PACKAGED_AREAS, progress=lambda line: click.echo(line, err=True))
    except (ValueError, TightropeError) as exc:
        raise click.ClickException(str(exc)) from None


def _dictionaries(actors_dict: tuple[str, ...], agents_dict: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The --actors-dict and --agents-dict options as (kind, absolute path) pairs."""
    return (tuple(("actors", str(Path(p).resolve())) for p in actors_dict)
            + tuple(("agents", str(Path(p).resolve())) for p in agents_dict))


def _open_store(db_path: str):
    from .store import Store

    try:
        return Store(db_path, read_only=True)
    except TightropeError as exc:
        raise click.ClickException(str(exc)) from None


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
