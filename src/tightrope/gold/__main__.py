"""``python -m tightrope.gold``: show articles to annotate, build the corpus from drafts, check it.

    python -m tightrope.gold show voa-8011115        # the article as an annotator reads it
    python -m tightrope.gold draft-check FILE.jsonl  # place every quoted span of a draft, report misses
    python -m tightrope.gold build                   # drafts -> data/gold/corpus.jsonl
    python -m tightrope.gold check                   # validate data/gold/corpus.jsonl (make check-gold)
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

from .build import build_article, check_article, read_sources
from .schema import dump_corpus, load_corpus
from .splits import split_of

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "data" / "gold"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def _drafts(paths: list[Path]) -> list[dict]:
    rows = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise click.ClickException(f"{path}:{number}: not JSON ({exc}); one article object per line")
    return rows


@click.group()
def main() -> None:
    """Tools for the annotated event corpus (docs/ANNOTATION.md)."""


@main.command()
@click.argument("article_id")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=SHARED_CORPUS)
def show(article_id: str, corpus_dir: Path) -> None:
    """Print an article's title, date, url and text."""
    sources = read_sources(corpus_dir)
    if article_id not in sources:
        raise click.ClickException(f"no article {article_id!r} in {corpus_dir}")
    row = sources[article_id]
    click.echo(f"{row['id']}\n{row.get('title')}\npublished {row.get('published')}  {row['url']}\n\n{row['text']}")


@main.command("draft-check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=SHARED_CORPUS)
def draft_check(paths: tuple[Path, ...], corpus_dir: Path) -> None:
    """Place every span of the given drafts and report what could not be placed."""
    sources = read_sources(corpus_dir)
    total, bad = 0, 0
    for draft in _drafts(list(paths)):
        if draft.get("id") not in sources:
            click.echo(f"unknown article id {draft.get('id')!r}")
            bad += 1
            continue
        article, errors = build_article(draft, sources[draft["id"]])
        total += len(article.events)
        for message in errors + check_article(article):
            click.echo(message)
            bad += 1
    click.echo(f"{total} events placed, {bad} problem(s)")
    sys.exit(1 if bad else 0)


@main.command()
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=SHARED_CORPUS)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=GOLD / "corpus.jsonl")
def build(corpus_dir: Path, out: Path) -> None:
    """Build data/gold/corpus.jsonl (and second.jsonl, the double annotations) from the drafts."""
    sources = read_sources(corpus_dir)
    for folder, target in ((GOLD / "drafts", out), (GOLD / "second", out.with_name("second.jsonl"))):
        articles, problems = [], []
        seen: set[str] = set()
        for draft in _drafts(sorted(folder.glob("*.jsonl"))):
            if draft["id"] in seen:
                problems.append(f"{draft['id']}: annotated twice in {folder.name}/")
                continue
            seen.add(draft["id"])
            article, errors = build_article(draft, sources[draft["id"]])
            articles.append(article)
            problems += errors
        for message in problems:
            click.echo(f"skipped: {message}", err=True)
        dump_corpus(articles, target)
        click.echo(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
                   f"{len(articles)} articles, {sum(len(a.events) for a in articles)} events, "
                   f"{len(problems)} event(s) skipped")


@main.command()
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def check(path: Path | None) -> None:
    """Validate the gold corpus: schema, offsets, codes; print its size per split."""
    path = path or GOLD / "corpus.jsonl"
    try:
        articles = load_corpus(path)
    except ValueError as exc:
        raise click.ClickException(str(exc))
    problems = [p for a in articles for p in check_article(a)]
    ids = Counter(a.id for a in articles)
    problems += [f"{i}: appears {n} times" for i, n in ids.items() if n > 1]
    for message in problems:
        click.echo(message)
    click.echo(f"{path.name}: " + _per_split([(a.id, len(a.events)) for a in articles], "events"))
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in {path}")


def _per_split(items: list[tuple[str, int]], unit: str) -> str:
    """ "338 articles, 2161 events; train 212 articles / 1301 events, ..." from (article id, count) pairs."""
    articles, counts = Counter(), Counter()
    for article_id, n in items:
        articles[split_of(article_id)] += 1
        counts[split_of(article_id)] += n
    return (f"{len(items)} articles, {sum(counts.values())} {unit}; "
            + ", ".join(f"{s} {articles[s]} articles / {counts[s]} {unit}" for s in ("train", "dev", "test")))


@main.command("briefs")
def briefs_cmd() -> None:
    """Validate the gold relations briefs (docs/BRIEFS.md) and report the double annotation's agreement."""
    from ..errors import DataError
    from ..ingest import read_inputs
    from .briefs import BRIEF_DIR, brief_agreement, load_briefs

    corpus = {a.id: a for a in load_corpus(GOLD / "corpus.jsonl")}
    (example,) = read_inputs([GOLD.parents[1] / "examples" / "lavrov_delhi_2021.txt"])
    try:
        first = load_briefs(corpus)
        second = load_briefs(corpus, BRIEF_DIR / "second")
        load_briefs(corpus, BRIEF_DIR / "example", extra_texts={"example:lavrov_delhi_2021": example.text})
    except DataError as exc:
        raise click.ClickException(str(exc))
    click.echo("gold briefs: " + _per_split([(b.article_id, len(b.lines)) for b in first], "lines"))
    click.echo("double annotation: " + ", ".join(f"{k} {v}" for k, v in brief_agreement(first, second).items()))


@main.command("areas")
def areas_cmd() -> None:
    """Validate the gold issue areas of sentences (docs/AREAS.md) and report the double annotation's agreement."""
    from ..errors import DataError
    from .areas import AREA_DIR, area_agreement, load_areas

    corpus = {a.id: a for a in load_corpus(GOLD / "corpus.jsonl")}
    try:
        first = load_areas(corpus)
        second = load_areas(corpus, AREA_DIR / "second")
    except DataError as exc:
        raise click.ClickException(str(exc))
    per_article = Counter(g.article_id for g in first)
    click.echo("gold areas: " + _per_split(list(per_article.items()), "sentences"))
    click.echo("double annotation: " + ", ".join(f"{k} {v}" for k, v in area_agreement(first, second).items()))


@main.command("agreement")
@click.option("--first", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=GOLD / "corpus.jsonl")
@click.option("--second", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=GOLD / "second.jsonl")
def agreement_cmd(first: Path, second: Path) -> None:
    """Agreement of the independent second pass with the corpus (docs/ANNOTATION.md §10)."""
    from .agreement import agreement

    result = agreement(load_corpus(first), load_corpus(second))
    click.echo(f"{result.articles} articles annotated twice: {result.events_a} events in the first pass, "
               f"{result.events_b} in the second")
    click.echo(f"  event F1 (sentence, root, source, target): {result.f1:.3f} ({result.matched} matched)")
    click.echo(f"  detection F1 (sentence, overlapping trigger): {result.detection_f1:.3f} ({result.detected} matched)")
    click.echo(f"  Cohen's kappa on the root, events both recorded at the same words: {result.kappa:.3f}")
    click.echo(f"  source and target agree on {result.sides_agree} of those {result.detected}")


if __name__ == "__main__":
    main()
