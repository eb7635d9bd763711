"""The `entente` command. Each command parses its options and calls one library function."""

from __future__ import annotations

import csv
import json
import os
import signal
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from entente.config import get_settings
from entente.errors import EntenteError, NotFound
from entente.ingest import discover
from entente.ingest.fields import FIELDS as COLUMN_FIELDS
from entente.jobs import Summary, extract_paths, ingest_paths
from entente.records import ArticleRecord
from entente.store import EventRow, Store
from entente.store.read import EventFilter

app = typer.Typer(help="entente: news about international relations turned into an evidence-linked record.",
                  no_args_is_help=True, add_completion=False)
# a table of evidence needs room: use the terminal's width, and a wide page when piped
out = Console(width=None if sys.stdout.isatty() else 150)
err = Console(stderr=True)

Paths = Annotated[list[str], typer.Argument(help="Article files or folders (searched recursively); '-' reads stdin.")]
ColumnsOpt = Annotated[list[str] | None, typer.Option(
    "--column", help="FIELD=NAME: the column of JSON/CSV dumps holding FIELD (text, title, date, url, source, id)")]
Db = Annotated[str | None, typer.Option("--db", help="SQLite file or SQLAlchemy URL [default: $ENTENTE_DB or entente.db]")]
# the events filters, shared by `events` and `export` so both read the record the same way
CountryOpt = Annotated[list[str] | None, typer.Option("--country", "-c", help="ISO3 code; repeat for a pair")]
BetweenOpt = Annotated[tuple[str, str] | None, typer.Option("--between", help="Two ISO3 codes: events between them")]
ActorOpt = Annotated[str | None, typer.Option("--actor", "-a", help="Any name or alias of an actor")]
TypeOpt = Annotated[str | None, typer.Option("--type", "-t", help="PLOVER event type, e.g. CONSULT")]
ModeOpt = Annotated[str | None, typer.Option("--mode", "-m", help="Event mode, e.g. meet, visit, call, sign")]
StatusOpt = Annotated[str | None, typer.Option("--status", "-s", help="done, planned, proposed, negated, ...")]
SectorOpt = Annotated[str | None, typer.Option("--sector", help="Sector, e.g. energy, defence, trade")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Earliest date, YYYY[-MM[-DD]]")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Latest date, YYYY[-MM[-DD]]")]
TextOpt = Annotated[str | None, typer.Option("--text", help="Words in the article text (full-text search)")]


def _columns(values: list[str] | None) -> dict[str, str]:
    """--column FIELD=NAME options as a mapping, checked."""
    found = {}
    for v in values or []:
        field, sep, name = v.partition("=")
        if not sep or not name or field not in COLUMN_FIELDS:
            raise typer.BadParameter(f"{v!r}: use FIELD=NAME with FIELD one of {', '.join(COLUMN_FIELDS)}",
                                     param_hint="--column")
        found[field] = name
    return found


def _db(db: str | None) -> str:
    return db or os.environ.get("ENTENTE_DB") or get_settings().db


def _report(summary: Summary, quiet: bool = False) -> None:
    for w in summary.warnings:
        err.print(f"[yellow]warning[/]: {w}", highlight=False)
    for p in summary.problems:
        err.print(f"[red]error[/]: {p}", highlight=False)


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _events_table(rows: list[tuple[str, str | None, str, str, str]], title: str) -> Table:
    table = Table(title=title, show_lines=False, expand=True)
    for col, kw in (("article", {"max_width": 12}), ("date", {"min_width": 10}), ("type", {"min_width": 12}),
                    ("actors → targets", {"min_width": 16, "max_width": 36}),
                    ("evidence", {"ratio": 1, "min_width": 30})):
        table.add_column(col, overflow="fold", **kw)  # type: ignore[arg-type]
    for r in rows:
        table.add_row(r[0], r[1] or "", r[2], r[3], r[4])
    return table


def _record_rows(records: list[ArticleRecord]) -> list[tuple[str, str | None, str, str, str]]:
    rows = []
    for rec in records:
        for e in rec.events:
            typ = f"{e.type}/{e.mode}" if e.mode else e.type
            if e.status != "done":
                typ += f" ({e.status})"
            who = ", ".join(e.actors) + (" → " + ", ".join(e.targets) if e.targets else "")
            rows.append((rec.doc_id, e.date, typ, who, _short(e.evidence.text)))
    return rows


@app.command()
def extract(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl (the record format) or table")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file instead of stdout")] = None,
    column: ColumnsOpt = None,
) -> None:
    """Extract one record per article (../shared/spec/records.md) without touching a database."""
    if format not in ("jsonl", "table"):
        raise typer.BadParameter("must be 'jsonl' or 'table'", param_hint="--format")
    columns = _columns(column)
    summary = Summary()
    records = []
    fh = output.open("w", encoding="utf-8") if output and format == "jsonl" else None
    try:
        for rec in extract_paths(paths, summary, columns=columns):
            if format == "table":
                records.append(rec)
            elif fh is not None:
                fh.write(rec.model_dump_json() + "\n")
            else:
                sys.stdout.write(rec.model_dump_json() + "\n")
    except EntenteError as exc:
        err.print(f"[red]error[/]: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    finally:
        if fh is not None:
            fh.close()
    if format == "table":
        console = Console(file=output.open("w", encoding="utf-8")) if output else out
        console.print(_events_table(_record_rows(records), "Events by article"))
    _report(summary)
    raise typer.Exit(0 if summary.ok else 1)


@app.command()
def ingest(
    paths: Paths,
    db: Db = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=64, help="Processes extracting beside the one that reads and writes")] = 1,
    column: ColumnsOpt = None,
    engine: Annotated[Literal["local", "ray"], typer.Option(help="Where extraction runs: this machine, or a Ray cluster")] = "local",
    address: Annotated[str | None, typer.Option(help="Ray cluster to join: 'auto' or ray://host:10001 [default: start one here]")] = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Ray extraction workers [default: the cluster's CPUs]")] = None,
) -> None:
    """Extract articles and store them; text already stored is left unchanged, and the same text
    under another name (another file or format) is counted as a duplicate and not stored again."""
    settings = get_settings()
    columns = _columns(column)
    try:
        store = Store(_db(db))
    except EntenteError as exc:
        err.print(f"[red]error[/]: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    files = sum(1 for _ in discover(paths)) if "-" not in paths else 1
    show = not quiet and files > settings.progress_threshold
    # a file may hold many articles (a feed, a dump, a web archive): count articles, no total
    with Progress(TextColumn("ingesting"), BarColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn(),
                  TextColumn("{task.fields[rate]}"), console=err, disable=not show) as progress:
        task = progress.add_task("ingest", total=None, rate="")
        # Ctrl-C stops at the next article done, not wherever Python happens to be (inside the
        # database library's bookkeeping it can leave state that fails later, or be swallowed by
        # a cleanup callback); pressed twice, it stops at once
        asked: list[int] = []

        def interrupt(signum: int, _frame: object) -> None:
            if asked:
                raise KeyboardInterrupt
            asked.append(signum)

        previous = signal.signal(signal.SIGINT, interrupt)

        def done() -> None:
            if asked:
                raise KeyboardInterrupt
            progress.advance(task)
            t = progress.tasks[0]
            if t.elapsed:
                progress.update(task, rate=f"{t.completed / t.elapsed:.1f} articles/s")

        summary = Summary()
        try:
            if engine == "ray":
                from entente.ray_engine import ingest_paths_ray

                ingest_paths_ray(paths, store, settings, on_done=done, workers=workers, address=address,
                                 summary=summary)
            else:
                ingest_paths(paths, store, settings, on_done=done, jobs=jobs, columns=columns, summary=summary)
        except EntenteError as exc:
            err.print(f"[red]error[/]: {exc}", highlight=False)
            raise typer.Exit(2) from exc
        except KeyboardInterrupt:
            # each batch is one transaction: what is counted is stored whole, the rest not at all
            progress.stop()
            _report(summary)
            err.print("[red]interrupted[/]: the articles counted below are stored; run the same command again "
                      "to store the rest (stored text is skipped)", highlight=False)
            _ingest_summary(summary, store.url)
            store.close()
            raise typer.Exit(130) from None
        finally:
            signal.signal(signal.SIGINT, previous)
    _report(summary)
    if not quiet:
        _ingest_summary(summary, store.url)
    store.close()
    raise typer.Exit(0 if summary.ok else 1)


def _ingest_summary(summary: Summary, url: str) -> None:
    err.print(f"{summary.ingested} ingested, {summary.updated} updated, {summary.unchanged} unchanged, "
              f"{summary.duplicates} duplicates, {summary.failed} failed → {url}", highlight=False)
    if summary.grouped:
        err.print(f"{summary.grouped} of the stored articles are near-duplicates of earlier ones, grouped "
                  "(see `entente show`)", highlight=False)


def _event_filter(country: list[str] | None, between: tuple[str, str] | None, actor: str | None, type: str | None,
                  mode: str | None, status: str | None, sector: str | None, since: str | None, until: str | None,
                  text: str | None) -> EventFilter:
    """The events filter the options of `events` and `export` ask for (checked where it is used)."""
    return EventFilter(countries=tuple(c.upper() for c in [*(country or []), *(between or ())]), actor=actor,
                       type=type and type.upper(), mode=mode, status=status, sector=sector, since=since, until=until,
                       words=text)


@app.command()
def events(
    db: Db = None,
    country: CountryOpt = None,
    between: BetweenOpt = None,
    actor: ActorOpt = None,
    type: TypeOpt = None,
    mode: ModeOpt = None,
    status: StatusOpt = None,
    sector: SectorOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    text: TextOpt = None,
    page: Annotated[int, typer.Option(min=1, help="Page number, from 1")] = 1,
    limit: Annotated[int, typer.Option("--limit", "--page-size", min=1, max=500, help="Events per page")] = 50,
    format: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv")] = "table",
) -> None:
    """List stored events, newest first, one page at a time."""
    if format not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("must be 'table', 'jsonl' or 'csv'", param_hint="--format")
    from entente.store import read

    wanted = _event_filter(country, between, actor, type, mode, status, sector, since, until, text)
    try:
        result = read.list_events(Store(_db(db)), wanted, limit=limit, offset=(page - 1) * limit)
    except EntenteError as exc:
        err.print(f"[red]error[/]: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    if format == "table":
        last = f"{max(1, -(-result.total // limit))}{'' if result.exact else '+'}"
        out.print(_events_table([_out_row(r) for r in result.items],
                                f"{result.shown_total} events, page {page} of {last}"))
        return
    rows = [_flat(r) for r in result.items]
    if format == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()} for row in rows)


EVENT_COLUMNS = ["id", "doc_id", "date", "type", "mode", "status", "actors", "targets", "countries", "sectors",
                 "location", "evidence"]


def _flat(r: Any) -> dict[str, Any]:
    return {"id": r.id, "doc_id": r.doc_id, "date": r.date, "type": r.type, "mode": r.mode, "status": r.status,
            "actors": r.actors, "targets": r.targets, "countries": r.countries, "sectors": r.sectors,
            "location": r.location, "evidence": r.evidence.text}


def _out_row(r: Any) -> tuple[str, str | None, str, str, str]:
    typ = f"{r.type}/{r.mode}" if r.mode else r.type
    if r.status != "done":
        typ += f" ({r.status})"
    who = ", ".join(r.actors) + (" → " + ", ".join(r.targets) if r.targets else "")
    return r.doc_id, r.date, typ, who, _short(r.evidence.text)


def _event_row(r: EventRow) -> tuple[str, str | None, str, str, str]:
    typ = f"{r.type}/{r.mode}" if r.mode else r.type
    if r.status != "done":
        typ += f" ({r.status})"
    who = ", ".join(r.actors) + (" → " + ", ".join(r.targets) if r.targets else "")
    return r.doc_id, r.date, typ, who, _short(r.evidence)


@app.command()
def show(doc_id: Annotated[str, typer.Argument(help="The article's doc_id")], db: Db = None) -> None:
    """Show one stored article's record with its evidence."""
    try:
        store = Store(_db(db))
        record, _text = store.record(doc_id)
    except EntenteError as exc:
        err.print(f"[red]error[/]: {exc}", highlight=False)
        raise typer.Exit(1) from exc
    out.print(f"[bold]{record.doc_id}[/]  published {record.published or '?'}  source {record.source or '?'}"
              f"  dateline {record.dateline or '?'}", highlight=False)
    canonical, copies = store.near_duplicates(doc_id)
    if canonical != doc_id:
        out.print(f"  near-duplicate of {canonical}", highlight=False)
    elif copies:
        out.print(f"  near-duplicates: {', '.join(copies)}", highlight=False)
    for e in record.entities:
        kind = "org" if e.type == "ORG" else "person"
        out.print(f"  {kind} {e.name} ({e.country or '?'}) {', '.join(e.roles)}", highlight=False)
    out.print(_events_table(_record_rows([record]), "events"))
    for f in record.facts:
        q = f"{f.qualifier} " if f.qualifier else ""
        out.print(f"  fact {q}{f.value:,.10g} {f.unit} {f.period or ''} — {_short(f.evidence.text, 100)}",
                  highlight=False)
    out.print(f"  sectors: {', '.join(record.sectors)}", highlight=False)

@app.command()
def actors(
    db: Db = None,
    country: Annotated[str | None, typer.Option("--country", "-c", help="ISO3 code of the actors' country")] = None,
    kind: Annotated[Literal["person", "org", "country"] | None, typer.Option(
        "--kind", "-k", help="Only people, organisations, or the countries taking part in events")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100000, help="At most this many actors")] = 100,
) -> None:
    """List canonical actors, most reported first, with their alias and event counts; `--kind country`
    lists countries as actors (`entente actor NAME` then shows one with its events)."""
    try:
        rows = Store(_db(db)).actors(country=country, kind=kind, limit=limit)
    except EntenteError as exc:
        err.print(f"[red]error[/]: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    table = Table(title=f"{len(rows)} actors", expand=False)
    for col in ("name", "kind", "country", "aliases", "articles", "events"):
        table.add_column(col, justify="right" if col in ("aliases", "articles", "events") else "left")
    for r in rows:
        table.add_row(r.name, r.kind, r.country or "", str(r.aliases), str(r.articles), str(r.events))
    out.print(table)


@app.command(context_settings={"allow_interspersed_args": True})
def actor(
    words: Annotated[list[str], typer.Argument(help="NAME, or: merge A B, or: split NAME --alias X")],
    alias: Annotated[str | None, typer.Option("--alias", help="With split: the alias that is another actor")] = None,
    db: Db = None,
) -> None:
    """Show one actor (aliases, roles over time, events), or correct resolution: `merge A B` makes A
    and B one actor, `split NAME --alias X` makes X another actor. Corrections survive re-ingest."""
    try:
        store = Store(_db(db))
        if words[0] == "merge" and len(words) == 3:
            store.merge_actors(words[1], words[2])
            out.print(f"merged {words[2]!r} into {store.actor(words[1]).name!r}", highlight=False)
        elif words[0] == "split" and len(words) == 2 and alias:
            store.split_actor(words[1], alias)
            out.print(f"split {alias!r} from {store.actor(words[1]).name!r}", highlight=False)
        elif words[0] in ("merge", "split"):
            raise typer.BadParameter("use: actor merge A B, or: actor split NAME --alias X", param_hint="WORDS")
        else:
            _print_actor(store, " ".join(words))
    except EntenteError as exc:
        err.print(f"[red]error[/]: {exc}", highlight=False)
        raise typer.Exit(1) from exc


def _print_actor(store: Store, name: str) -> None:
    try:
        p = store.actor(name)
    except NotFound:
        _print_country(store, name)
        return
    out.print(f"[bold]{p.name}[/]  {p.kind}  {p.country or '?'}", highlight=False)
    out.print(f"  aliases: {', '.join(p.aliases)}", highlight=False)
    out.print(f"  articles: {', '.join(p.articles)}", highlight=False)
    for role, date, doc_id in p.roles:
        out.print(f"  {date or 'undated':10}  {role}  ({doc_id})", highlight=False)
    rows = store.events(event_ids=p.events, limit=len(p.events) or 1)
    out.print(_events_table([_event_row(r) for r in rows], f"{len(rows)} events"))


def _print_country(store: Store, name: str) -> None:
    c = store.country(name)
    out.print(f"[bold]{c.name}[/]  COUNTRY  {c.iso3}", highlight=False)
    out.print(f"  names: {', '.join(c.names)}", highlight=False)
    rows = store.events(event_ids=c.events, limit=len(c.events) or 1)
    out.print(_events_table([_event_row(r) for r in rows], f"{len(rows)} events"))


@app.command()
def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to bind; beyond localhost, ingest needs $ENTENTE_API_TOKEN")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on")] = 8000,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="Accept POST /ingest")] = False,
) -> None:
    """Serve the HTTP API (OpenAPI spec at /openapi.json, docs at /docs)."""
    import uvicorn

    from entente.api import ApiOptions, create_app, needs_token

    settings = get_settings().model_copy(update={"db": _db(db)})
    try:
        api = create_app(settings, ApiOptions(allow_ingest=allow_ingest, require_token=needs_token(host)))
    except EntenteError as exc:
        err.print(f"[red]error[/]: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    uvicorn.run(api, host=host, port=port)


@app.command()
def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="The file to write")],
    format: Annotated[str, typer.Option("--format", "-f", help="records, jsonl, csv, parquet or graphml")] = "csv",
    db: Db = None,
    country: CountryOpt = None,
    between: BetweenOpt = None,
    actor: ActorOpt = None,
    type: TypeOpt = None,
    mode: ModeOpt = None,
    status: StatusOpt = None,
    sector: SectorOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    text: TextOpt = None,
) -> None:
    """Export events (or, with --format records, their articles' records) for pandas, R, Excel or Gephi;
    the filters are those of `entente events`."""
    from entente.export import export as run_export

    f = _event_filter(country, between, actor, type, mode, status, sector, since, until, text)
    try:
        n = run_export(Store(_db(db)), format, output, f)
    except EntenteError as exc:
        err.print(f"[red]error[/]: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    err.print(f"{n} {'records' if format == 'records' else 'edges' if format == 'graphml' else 'events'} → {output}",
              highlight=False)

@app.command()
def relations(
    a: Annotated[str, typer.Argument(help="ISO3 code of one country")],
    b: Annotated[str, typer.Argument(help="ISO3 code of the other")],
    db: Db = None,
    since: Annotated[str | None, typer.Option(help="Earliest date, YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date, YYYY[-MM[-DD]]")] = None,
) -> None:
    """Summarise what the record holds about two countries: events by type and year, top actors,
    sectors and the figures stated over time."""
    from entente.store import read

    try:
        store = Store(_db(db))
        summary = read.relations(store, a.upper(), b.upper(), since=since, until=until)
        figures = read.facts(store, a.upper(), b.upper(), since=since, until=until, limit=50)
    except EntenteError as exc:
        err.print(f"[red]error[/]: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    out.print(f"[bold]{a.upper()}–{b.upper()}[/]: {summary.events} events, {summary.first or '?'} to "
              f"{summary.last or '?'}", highlight=False)
    years = sorted({p.period for p in summary.by_period})
    types = [c.key for c in summary.by_type]
    table = Table(title="events by type and year")
    for col in ["type", *years, "all"]:
        table.add_column(col, justify="left" if col == "type" else "right")
    cells = {(p.type, p.period): p.count for p in summary.by_period}
    for t, c in zip(types, summary.by_type, strict=True):
        table.add_row(t, *(str(cells.get((t, y), "")) for y in years), str(c.count))
    out.print(table)
    out.print("top actors: " + ", ".join(f"{c.key} ({c.count})" for c in summary.top_actors), highlight=False)
    out.print("sectors: " + ", ".join(f"{c.key} ({c.count})" for c in summary.sectors), highlight=False)
    for f in figures.items:
        q = f"{f.qualifier} " if f.qualifier else ""
        out.print(f"  {f.period or f.published or '?':10}  {q}{f.value:,.10g} {f.unit}  {f.about or ''}"
                  f"  ({f.doc_id})", highlight=False)


@app.command()
def brief(
    between: Annotated[tuple[str, str], typer.Option("--between", help="Two ISO3 codes, e.g. --between RUS VNM")],
    db: Db = None,
    since: Annotated[str | None, typer.Option(help="Earliest date, YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date, YYYY[-MM[-DD]]")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="md or html")] = "md",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file instead of stdout")] = None,
) -> None:
    """A briefing on two countries' relations in which every sentence cites its articles and evidence."""
    from entente.brief import build, render

    try:
        text = render(build(Store(_db(db)), between[0].upper(), between[1].upper(), since, until), format)
    except EntenteError as exc:
        err.print(f"[red]error[/]: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    app()
