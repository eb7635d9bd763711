"""The `entente` command. Each command parses its options and calls one library function."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, TextIO

import typer

# Only typer at start: `--help` and a bad option answer at once; each command imports the library
# parts it uses (the whole library, spaCy and SciPy among it, takes ~2 s to import)
if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from entente.jobs import Summary
    from entente.records import ArticleRecord
    from entente.store import EventRow, Store
    from entente.store.read import EventFilter


app = typer.Typer(help="entente: news about international relations turned into an evidence-linked record.",
                  no_args_is_help=True, add_completion=False, rich_markup_mode=None)


class _Consoles:
    """stdout and stderr as rich consoles, made when first used."""

    def __init__(self) -> None:
        self._out: Console | None = None
        self._err: Console | None = None

    @property
    def out(self) -> Console:
        if self._out is None:
            from rich.console import Console

            # a table of evidence needs room: use the terminal's width, and a wide page when piped
            self._out = Console(width=None if sys.stdout.isatty() else 150)
        return self._out

    @property
    def err(self) -> Console:
        if self._err is None:
            from rich.console import Console

            self._err = Console(stderr=True)
        return self._err


consoles = _Consoles()

Paths = Annotated[list[str], typer.Argument(metavar="PATH", help="Article files or folders (searched recursively); '-' reads stdin.")]
ColumnsOpt = Annotated[list[str] | None, typer.Option(
    "--column", help="FIELD=NAME: the column of JSON/CSV dumps holding FIELD (text, title, date, url, source, id)")]
Db = Annotated[str | None, typer.Option("--db", metavar="DB", help="SQLite file or SQLAlchemy URL [default: $ENTENTE_DB or entente.db]")]
# the events filters, shared by `events` and `export` so both read the record the same way
CountryOpt = Annotated[list[str] | None, typer.Option("--country", "-c", metavar="ISO3", help="ISO3 code; repeat for a pair")]
BetweenOpt = Annotated[tuple[str, str] | None, typer.Option("--between", metavar="ISO3 ISO3", help="Two ISO3 codes: events between them")]
ActorOpt = Annotated[str | None, typer.Option("--actor", "-a", metavar="NAME", help="Any name or alias of an actor")]
TypeOpt = Annotated[str | None, typer.Option("--type", "-t", metavar="TYPE", help="PLOVER event type, e.g. CONSULT")]
ModeOpt = Annotated[str | None, typer.Option("--mode", "-m", metavar="MODE", help="Event mode, e.g. meet, visit, call, sign")]
StatusOpt = Annotated[str | None, typer.Option("--status", "-s", metavar="STATUS", help="done, planned, proposed, negated, ...")]
SectorOpt = Annotated[str | None, typer.Option("--sector", metavar="SECTOR", help="Sector, e.g. energy, defence, trade")]
SinceOpt = Annotated[str | None, typer.Option("--since", metavar="DATE", help="Earliest date, YYYY[-MM[-DD]]")]
UntilOpt = Annotated[str | None, typer.Option("--until", metavar="DATE", help="Latest date, YYYY[-MM[-DD]]")]
TextOpt = Annotated[str | None, typer.Option("--text", metavar="WORDS", help="Words in the article text (full-text search)")]
# the watcher's options, shared by `watch` and `serve --watch`
AlertOpt = Annotated[list[str] | None, typer.Option(
    "--alert", metavar="ISO3,ISO3", help="Announce new events of these countries (all of them); repeat for more")]
AlertTypeOpt = Annotated[list[str] | None, typer.Option(
    "--alert-type", metavar="TYPE", help="Announce new events of this PLOVER type, e.g. SANCTION; repeatable")]
EveryOpt = Annotated[str, typer.Option("--every", metavar="DURATION", help="Time between polls: 15m, 90s, 1h")]


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr, then exit with `code`: how every user-facing error ends."""
    consoles.err.print(f"[red]error[/]: {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def errors_as_lines(code: int = 2) -> Iterator[None]:
    """entente's own errors, and files that cannot be written, as one line and an exit status."""
    from entente.errors import EntenteError

    try:
        yield
    except EntenteError as exc:
        fail(str(exc), code)
    except OSError as exc:
        fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "), code)


def _writable(path: Path | None, option: str = "-o") -> Path | None:
    """`path` if a file can be written there; else one line naming the option and the problem."""
    if path is None:
        return None
    if path.is_dir():
        fail(f"{option} {path}: is a folder, not a file")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        fail(f"{option} {path}: no such folder {str(parent)!r} (create it first)")
    if not os.access(parent, os.W_OK):
        fail(f"{option} {path}: folder {str(parent)!r} is not writable")
    return path


def _columns(values: list[str] | None) -> dict[str, str]:
    """--column FIELD=NAME options as a mapping, checked."""
    from entente.ingest.fields import FIELDS

    found = {}
    for v in values or []:
        field, sep, name = v.partition("=")
        if not sep or not name or field not in FIELDS:
            fail(f"--column {v!r}: use FIELD=NAME with FIELD one of {', '.join(FIELDS)}")
        found[field] = name
    return found


def _choice(value: str, choices: tuple[str, ...], option: str) -> str:
    """`value` as spelled in `choices`, in any case; else one line with the choices."""
    from entente.store.params import check_choice

    with errors_as_lines():
        return check_choice(value, choices, option) or value


def _db(db: str | None) -> str:
    from entente.config import get_settings

    return db or os.environ.get("ENTENTE_DB") or get_settings().db


def _store(db: str | None, create: bool = False) -> Store:
    """The store named by --db; read commands (create false) refuse one that does not exist."""
    from entente.store import Store

    with errors_as_lines():
        return Store(_db(db), create=create)


LABELS = {"error": "[red]error[/]", "warning": "[yellow]warning[/]", "skipped": "[yellow]skipped[/]"}


def _say(kind: str, line: str) -> None:
    """One problem, warning or skipped file on stderr, as it happens."""
    consoles.err.print(f"{LABELS[kind]}: {line}", highlight=False, soft_wrap=True)


def _reporting() -> Summary:
    """A summary that prints each problem, warning and skipped file the moment it is noted."""
    from entente.jobs import Summary

    return Summary(on_line=_say)


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _events_table(rows: list[tuple[str, str | None, str, str, str]], title: str, first: str = "article") -> Table:
    from rich.table import Table

    from entente.dates import human

    table = Table(title=title, show_lines=False, expand=True)
    for col, kw in ((first, {"max_width": 22}), ("date", {"min_width": 11}), ("type", {"min_width": 12}),
                    ("actors → targets", {"min_width": 16, "max_width": 36}),
                    ("evidence", {"ratio": 1, "min_width": 30})):
        table.add_column(col, overflow="fold", **kw)  # type: ignore[arg-type]
    for r in rows:
        table.add_row(r[0], human(r[1]), r[2], r[3], r[4])
    return table


def _row(doc_id: str, date: str | None, type: str, mode: str | None, status: str, actors: list[str],
         targets: list[str], evidence: str) -> tuple[str, str | None, str, str, str]:
    """One line of an events table: article (or reports), date, type/mode (status), actors → targets, evidence."""
    typ = f"{type}/{mode}" if mode else type
    if status != "done":
        typ += f" ({status})"
    who = ", ".join(actors) + (" → " + ", ".join(targets) if targets else "")
    return doc_id, date, typ, who, _short(evidence)


def _record_rows(records: list[ArticleRecord]) -> list[tuple[str, str | None, str, str, str]]:
    return [_row(rec.doc_id, e.date, e.type, e.mode, e.status, e.actors, e.targets, e.evidence.text)
            for rec in records for e in rec.events]


@app.command()
def extract(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="jsonl (the record format) or table")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="FILE", help="Write to this file instead of stdout")] = None,
    column: ColumnsOpt = None,
) -> None:
    """Extract one record per article (the format is docs/records.md) without touching a database."""
    from entente.jobs import extract_paths

    format = _choice(format, ("jsonl", "table"), "--format")
    _writable(output)
    columns = _columns(column)
    summary = _reporting()
    records = []
    with errors_as_lines(), _opened(output) as fh:
        for rec in extract_paths(paths, summary, columns=columns):
            if format == "table":
                records.append(rec)
            else:
                fh.write(rec.model_dump_json() + "\n")
        if format == "table":
            from rich.console import Console

            console = Console(file=fh) if output else consoles.out
            console.print(_events_table(_record_rows(records), "Events by article"))
    raise typer.Exit(0 if summary.ok else 1)


@contextmanager
def _opened(output: Path | None) -> Iterator[TextIO]:
    """`output` opened for writing, or stdout."""
    if output is None:
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8") as fh:
        yield fh


@app.command()
def ingest(
    paths: Paths,
    db: Db = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary")] = False,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", metavar="N", min=1, max=64, help="Processes extracting beside the one that reads and writes")] = 1,
    column: ColumnsOpt = None,
    engine: Annotated[Literal["local", "ray"], typer.Option(
        metavar="ENGINE", help="Where extraction runs: this machine, or a Ray cluster")] = "local",
    address: Annotated[str | None, typer.Option(
        metavar="ADDRESS", help="Ray cluster to join: 'auto' or ray://host:10001 [default: start one here]")] = None,
    workers: Annotated[int | None, typer.Option(metavar="N", min=1, help="Ray extraction workers [default: the cluster's CPUs]")] = None,
) -> None:
    """Extract articles and store them; text already stored is left unchanged, and the same text
    under another name (another file or format) is counted as a duplicate and not stored again."""
    import signal

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from entente.config import get_settings
    from entente.errors import EntenteError
    from entente.ingest import discover
    from entente.jobs import ingest_paths

    settings = get_settings()
    columns = _columns(column)
    store = _store(db, create=True)
    if store.read_only:
        fail(f"{_db(db)}: the store is read-only here (folder or file not writable); it can be read, not written")
    files = sum(1 for _ in discover(paths)) if "-" not in paths else 1
    show = not quiet and files > settings.progress_threshold
    # a file may hold many articles (a feed, a dump, a web archive): count articles, no total
    with Progress(TextColumn("ingesting"), BarColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn(),
                  TextColumn("{task.fields[rate]}"), console=consoles.err, disable=not show) as progress:
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

        summary = _reporting()
        try:
            if engine == "ray":
                from entente.ray_engine import ingest_paths_ray

                ingest_paths_ray(paths, store, settings, on_done=done, workers=workers, address=address,
                                 summary=summary)
            else:
                ingest_paths(paths, store, settings, on_done=done, jobs=jobs, columns=columns, summary=summary)
        except EntenteError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            # each batch is one transaction: what is counted is stored whole, the rest not at all
            progress.stop()
            consoles.err.print("[red]interrupted[/]: the articles counted below are stored; run the same command "
                               "again to store the rest (stored text is skipped)", highlight=False)
            _ingest_summary(summary, store.url)
            store.close()
            raise typer.Exit(130) from None
        finally:
            signal.signal(signal.SIGINT, previous)
    if not quiet:
        _ingest_summary(summary, store.url)
    store.close()
    raise typer.Exit(0 if summary.ok else 1)


def _ingest_summary(summary: Summary, url: str) -> None:
    consoles.err.print(f"{summary.ingested} ingested, {summary.updated} updated, {summary.unchanged} unchanged, "
                       f"{summary.duplicates} duplicates, {summary.failed} failed"
                       + (f", {summary.skipped} skipped" if summary.skipped else "") + f" → {url}", highlight=False)
    if summary.grouped:
        consoles.err.print(f"{summary.grouped} of the stored articles are near-duplicates of earlier ones, grouped "
                           "(see `entente show`)", highlight=False)


def _event_filter(country: list[str] | None, between: tuple[str, str] | None, actor: str | None, type: str | None,
                  mode: str | None, status: str | None, sector: str | None, since: str | None, until: str | None,
                  text: str | None) -> EventFilter:
    """The events filter the options of `events` and `export` ask for, checked: a bad code, type,
    mode, status, sector or date ends the command with one line and a suggestion."""
    from entente.store.read import EventFilter

    wanted = EventFilter(countries=(*(country or []), *(between or ())), actor=actor, type=type, mode=mode,
                         status=status, sector=sector, since=since, until=until, words=text)
    with errors_as_lines():
        return wanted.checked()


ByOpt = Annotated[str | None, typer.Option("--by", metavar="ROWS", help=(
    "group: one row per happening (its reports, outlets and evidence); report: one row per article's "
    "report [default: group for the table, report for csv and jsonl]"))]


def _by(by: str | None, format: str) -> str:
    """The rows asked for: one per event group or one per report; by default groups in a table
    people read, reports in files that tools read."""
    return _choice(by, ("group", "report"), "--by") if by else "group" if format == "table" else "report"


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
    page: Annotated[int, typer.Option(metavar="N", min=1, help="Page number, from 1 (table)")] = 1,
    limit: Annotated[int | None, typer.Option("--limit", "--page-size", metavar="N", min=1, help=(
        "Events per page of the table [default: 50]; with csv or jsonl, at most this many [default: all]"))] = None,
    format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="table, jsonl or csv")] = "table",
    by: ByOpt = None,
) -> None:
    """List stored events, newest first (year unknown, then undated, last): a table one page at a
    time, or every match as csv or jsonl; one row per happening (event group) or per report."""
    from entente.store import grouped, read
    from entente.table import GROUP_COLUMNS, REPORT_COLUMNS, group_row, report_row, write_csv, write_jsonl

    format = _choice(format, ("table", "jsonl", "csv"), "--format")
    rows_by = _by(by, format)
    wanted = _event_filter(country, between, actor, type, mode, status, sector, since, until, text)
    if format != "table" and page > 1 and limit is None:
        fail(f"--page {page}: with --format {format} every match is written; give --limit to write one page")
    if format == "table" and limit is not None and limit > read.MAX_PAGE_SIZE:
        fail(f"--limit {limit}: a page of the table holds at most {read.MAX_PAGE_SIZE} events "
             "(--format csv or jsonl writes any number)")
    store = _store(db)
    with errors_as_lines():
        if format == "table":
            size = limit or 50
            lister = grouped.list_groups if rows_by == "group" else read.list_events
            _print_page(lister(store, wanted, limit=size, offset=(page - 1) * size), page, size, rows_by)
            return
        if rows_by == "group":
            flat = [group_row(g) for g in grouped.iter_groups(store, wanted, sort="newest")]
        else:
            flat = [report_row(e) for e in read.iter_events(store, wanted, sort="newest")]
    if limit is not None:  # --limit with --page: that page of the matches, as in the table
        flat = flat[(page - 1) * limit: page * limit]
    if format == "jsonl":
        write_jsonl(flat, sys.stdout)
    else:
        write_csv(flat, GROUP_COLUMNS if rows_by == "group" else REPORT_COLUMNS, sys.stdout)


def _print_page(result: Any, page: int, size: int, by: str = "report") -> None:
    """A page of events (or event groups) as a table, and where the rest is when there is more."""
    last = max(1, -(-result.total // size))
    shown = f"{result.offset + 1 if result.items else 0}–{result.offset + len(result.items)}"
    what = "happenings" if by == "group" else "events"
    rows = [_group_row(g) for g in result.items] if by == "group" else [_out_row(r) for r in result.items]
    consoles.out.print(_events_table(rows, f"{result.shown_total} {what}, page {page} of {last}"
                                           f"{'' if result.exact else '+'} ({what} {shown})",
                                     first="reports" if by == "group" else "article"))
    if page < last or not result.exact:
        consoles.err.print(f"{result.shown_total} {what} match; this is page {page}: `--page {page + 1}` shows the "
                           "next, `--format csv` or `--format jsonl` writes them all", highlight=False, soft_wrap=True)


def _out_row(r: Any) -> tuple[str, str | None, str, str, str]:
    return _row(r.doc_id, r.date, r.type, r.mode, r.status, r.actors, r.targets, r.evidence.text)


def _group_row(g: Any) -> tuple[str, str | None, str, str, str]:
    """A happening as one line: how many reports and from which outlets, and its first evidence."""
    reports = f"{g.reports} report{'s' if g.reports != 1 else ''}: {', '.join(g.outlets)}"
    return _row(reports, g.date, g.type, g.mode, g.status, g.actors, g.targets, g.evidence[0].evidence.text)


def _event_row(r: EventRow) -> tuple[str, str | None, str, str, str]:
    return _row(r.doc_id, r.date, r.type, r.mode, r.status, r.actors, r.targets, r.evidence)


@app.command()
def show(doc_id: Annotated[str, typer.Argument(metavar="DOC_ID", help="The article's doc_id")], db: Db = None) -> None:
    """Show one stored article's record with its evidence."""
    store = _store(db)
    with errors_as_lines(1):
        record, _text = store.record(doc_id)
        canonical, copies = store.near_duplicates(doc_id)
    out = consoles.out
    out.print(f"[bold]{record.doc_id}[/]  published {record.published or '?'}  source {record.source or '?'}"
              f"  dateline {record.dateline or '?'}", highlight=False)
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
    country: Annotated[str | None, typer.Option("--country", "-c", metavar="ISO3", help="ISO3 code of the actors' country")] = None,
    kind: Annotated[Literal["person", "org", "country"] | None, typer.Option(
        "--kind", "-k", help="Only people, organisations, or the countries taking part in events")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100000, help="At most this many actors")] = 100,
) -> None:
    """List canonical actors, most reported first, with their alias and event counts; `--kind country`
    lists countries as actors (`entente actor NAME` then shows one with its events)."""
    from rich.table import Table

    from entente.store.params import check_country

    store = _store(db)
    with errors_as_lines():
        code = check_country(country) if country else None
        rows = store.actors(country=code, kind=kind, limit=limit)
    table = Table(title=f"{len(rows)} actors", expand=False)
    for col in ("name", "kind", "country", "aliases", "articles", "events"):
        table.add_column(col, justify="right" if col in ("aliases", "articles", "events") else "left")
    for r in rows:
        table.add_row(r.name, r.kind, r.country or "", str(r.aliases), str(r.articles), str(r.events))
    consoles.out.print(table)


@app.command(context_settings={"allow_interspersed_args": True})
def actor(
    words: Annotated[list[str], typer.Argument(
        metavar="WORDS", help="NAME, or: merge A B, or: split NAME --alias X")],
    alias: Annotated[str | None, typer.Option("--alias", metavar="ALIAS", help="With split: the alias that is another actor")] = None,
    db: Db = None,
) -> None:
    """Show one actor (aliases, roles over time, events), or correct resolution: `merge A B` makes A
    and B one actor, `split NAME --alias X` makes X another actor. Corrections survive re-ingest."""
    if words[0] in ("merge", "split") and not ((words[0] == "merge" and len(words) == 3)
                                               or (words[0] == "split" and len(words) == 2 and alias)):
        fail("use: entente actor merge A B, or: entente actor split NAME --alias X")
    store = _store(db)
    with errors_as_lines(1):
        if words[0] == "merge":
            store.merge_actors(words[1], words[2])
            consoles.out.print(f"merged {words[1]!r} and {words[2]!r}: one actor, {store.actor(words[1]).name!r}",
                               highlight=False)
        elif words[0] == "split" and alias:
            store.split_actor(words[1], alias)
            consoles.out.print(f"split {alias!r} from {store.actor(words[1]).name!r}", highlight=False)
        else:
            _print_actor(store, " ".join(words))


def _print_actor(store: Store, name: str) -> None:
    from entente.errors import NotFound

    try:
        p = store.actor(name)
    except NotFound:
        _print_country(store, name)
        return
    if p.kind == "GPE":  # a state acting in events: its country, with every event it takes part in
        _print_country(store, name)
        return
    out = consoles.out
    out.print(f"[bold]{p.name}[/]  {p.kind}  {p.country or '?'}", highlight=False)
    out.print(f"  aliases: {', '.join(p.aliases)}", highlight=False)
    out.print(f"  articles: {', '.join(p.articles)}", highlight=False)
    for role, date, doc_id in p.roles:
        out.print(f"  {date or 'undated':10}  {role}  ({doc_id})", highlight=False)
    rows = store.events(event_ids=p.events, limit=len(p.events) or 1)
    out.print(_events_table([_event_row(r) for r in rows], f"{len(rows)} events"))


def _print_country(store: Store, name: str) -> None:
    c = store.country(name)
    consoles.out.print(f"[bold]{c.name}[/]  COUNTRY  {c.iso3}", highlight=False)
    consoles.out.print(f"  names: {', '.join(c.names)}", highlight=False)
    rows = store.events(event_ids=c.events, limit=len(c.events) or 1)
    consoles.out.print(_events_table([_event_row(r) for r in rows], f"{len(rows)} events"))


@app.command()
def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(
        metavar="HOST", help="Address to bind; beyond localhost, ingest needs $ENTENTE_API_TOKEN")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", min=1, max=65535, help="Port to listen on")] = 8000,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="Accept POST /ingest (and start a new database)")] = False,
    host_allow: Annotated[list[str] | None, typer.Option(
        "--host-allow", metavar="NAME", help="A name clients reach the server by (repeat); loopback and --host are allowed")] = None,
    watch: Annotated[list[str] | None, typer.Option(
        "--watch", metavar="FEEDS", help="Watch these feeds, sitemaps or feed list files beside the API (repeat)")] = None,
    every: EveryOpt = "15m",
    alert: AlertOpt = None,
    alert_type: AlertTypeOpt = None,
    alerts_to: Annotated[Path | None, typer.Option("--alerts-to", metavar="FILE", help="Append alerts as JSON Lines")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", metavar="URL", help="POST each alert as JSON")] = None,
) -> None:
    """Serve the HTTP API and the dashboard (OpenAPI spec at /openapi.json, docs at /docs); with
    --watch, poll feeds beside it, the dashboard showing alerts as they come."""
    import uvicorn

    from entente.api import ApiOptions, allowed_hosts, create_app, needs_token
    from entente.config import get_settings
    from entente.watch import interval
    from entente.watch.service import WatchOptions

    # a database that is not there is a typo, unless the server is to fill it
    _store(db, create=allow_ingest or bool(watch)).close()
    settings = get_settings().model_copy(update={"db": _db(db)})
    _writable(alerts_to, "--alerts-to")
    with errors_as_lines():
        watching = WatchOptions(tuple(watch), interval(every), tuple(alert or ()), tuple(alert_type or ()), alerts_to,
                                webhook) if watch else None
        api = create_app(settings, ApiOptions(allow_ingest=allow_ingest, require_token=needs_token(host),
                                              allowed_hosts=allowed_hosts(host, host_allow or []), watch=watching))
    uvicorn.run(api, host=host, port=port)


@app.command()
def export(
    output: Annotated[Path, typer.Option("-o", "--output", metavar="FILE", help="The file to write")],
    format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="records, jsonl, csv, parquet or graphml")] = "csv",
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
    by: Annotated[str, typer.Option("--by", metavar="ROWS", help=(
        "report: one row per article's report, with its group_id; group: one row per happening"))] = "report",
) -> None:
    """Export events (or, with --format records, their articles' records) for pandas, R, Excel or Gephi;
    the filters and columns are those of `entente events`."""
    from entente.export import FORMATS
    from entente.export import export as run_export

    format = _choice(format, tuple(FORMATS), "--format")
    by = _choice(by, ("group", "report"), "--by")
    _writable(output)
    f = _event_filter(country, between, actor, type, mode, status, sector, since, until, text)
    store = _store(db)
    with errors_as_lines():
        n = run_export(store, format, output, f, by="group" if by == "group" else "report")
    what = "records" if format == "records" else "edges" if format == "graphml" else "happenings" if by == "group" else "events"
    consoles.err.print(f"{n} {what} → {output}", highlight=False)


@app.command()
def relations(
    a: Annotated[str, typer.Argument(metavar="A", help="ISO3 code of one country")],
    b: Annotated[str, typer.Argument(metavar="B", help="ISO3 code of the other")],
    db: Db = None,
    since: Annotated[str | None, typer.Option(metavar="DATE", help="Earliest date, YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, typer.Option(metavar="DATE", help="Latest date, YYYY[-MM[-DD]]")] = None,
) -> None:
    """Summarise what the record holds about two countries: events by type and year, top actors,
    sectors and the figures stated over time."""
    from rich.table import Table

    from entente.dates import human
    from entente.store import read
    from entente.store.params import check_country, check_date

    with errors_as_lines():
        a, b = check_country(a, "A"), check_country(b, "B")
        check_date(since, "--since")
        check_date(until, "--until")
    store = _store(db)
    with errors_as_lines():
        summary = read.relations(store, a, b, since=since, until=until)
        figures = read.facts(store, a, b, since=since, until=until, limit=50)
    out = consoles.out
    out.print(f"[bold]{a}–{b}[/]: {_lanes(summary)}; dated {human(summary.first)} to {human(summary.last)}",
              highlight=False)
    years = sorted({p.period for p in summary.by_period})
    types = [c.key for c in summary.by_type]
    table = Table(title="events by type and year (undated: no year given)")
    for col in ["type", *years, "undated", "all"]:
        table.add_column(col, justify="left" if col == "type" else "right")
    cells = {(p.type, p.period): p.count for p in summary.by_period}
    cells |= {(c.key, "undated"): c.count for c in summary.undated_by_type}
    for t, c in zip(types, summary.by_type, strict=True):
        table.add_row(t, *(str(cells.get((t, y), "")) for y in [*years, "undated"]), str(c.count))
    out.print(table)
    out.print("top actors: " + ", ".join(f"{c.key} ({c.count})" for c in summary.top_actors), highlight=False)
    out.print("sectors: " + ", ".join(f"{c.key} ({c.count})" for c in summary.sectors), highlight=False)
    for f in figures.items:
        q = f"{f.qualifier} " if f.qualifier else ""
        out.print(f"  {f.period or f.published or '?':10}  {q}{f.value:,.10g} {f.unit}  {f.about or ''}"
                  f"  ({f.doc_id})", highlight=False)


def _lanes(r: Any) -> str:
    """'29 events: 19 dated, 7 year unknown, 3 undated' (the lanes that hold any)."""
    parts = [f"{n} {lane}" for n, lane in ((r.dated, "dated"), (r.year_unknown, "year unknown"), (r.undated, "undated")) if n]
    return f"{r.events} events" + (": " + ", ".join(parts) if parts else "")


@app.command()
def brief(
    between: Annotated[tuple[str, str], typer.Option("--between", metavar="ISO3 ISO3", help="Two ISO3 codes, e.g. --between RUS VNM")],
    db: Db = None,
    since: Annotated[str | None, typer.Option(metavar="DATE", help="Earliest date, YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, typer.Option(metavar="DATE", help="Latest date, YYYY[-MM[-DD]]")] = None,
    format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="md or html")] = "md",
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="FILE", help="Write to this file instead of stdout")] = None,
) -> None:
    """A briefing on two countries' relations in which every sentence cites its articles and evidence."""
    from entente.brief import build, render
    from entente.store.params import check_country, check_date

    format = _choice(format, ("md", "html"), "--format")
    _writable(output)
    with errors_as_lines():
        a, b = check_country(between[0], "--between"), check_country(between[1], "--between")
        check_date(since, "--since")
        check_date(until, "--until")
    store = _store(db)
    with errors_as_lines():
        text = render(build(store, a, b, since, until), format)
        with _opened(output) as fh:
            fh.write(text)



@app.command()
def watch(
    feeds: Annotated[list[str] | None, typer.Argument(
        metavar="FEED_OR_SITEMAP", help="RSS/Atom feed or sitemap URLs, or files listing them (one a line, or OPML)")] = None,
    every: EveryOpt = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit (for cron)")] = False,
    alert: AlertOpt = None,
    alert_type: AlertTypeOpt = None,
    alerts_to: Annotated[Path | None, typer.Option("--alerts-to", metavar="FILE", help="Append alerts as JSON Lines")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", metavar="URL", help="POST each alert as JSON")] = None,
    status: Annotated[bool, typer.Option("--status", help="List the watched feeds with their last poll, and exit")] = False,
    db: Db = None,
) -> None:
    """Keep the store current from feeds and sitemaps: fetch each new article politely, extract and
    store it, and announce new events that match --alert and --alert-type."""
    if status:
        _watch_status(_store(db))
        return
    import signal
    import threading

    from entente.config import get_settings
    from entente.watch import interval, terminal_line
    from entente.watch.service import WatchOptions, build

    if not feeds:
        fail("give at least one FEED_OR_SITEMAP (a URL or a feed list file), or --status")
    _writable(alerts_to, "--alerts-to")
    with errors_as_lines():
        seconds = interval(every)
        options = WatchOptions(tuple(feeds), seconds, tuple(alert or ()), tuple(alert_type or ()), alerts_to, webhook)
        store = _store(db, create=True)
        watcher = build(store, options, get_settings(),
                        on_alert=lambda a: consoles.out.print(f"[bold]alert[/]: {terminal_line(a)}", highlight=False,
                                                              soft_wrap=True), on_line=_say)
    stop = threading.Event()

    def stopping(_signum: int, _frame: object) -> None:
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, stopping)
    try:
        if once:
            report = watcher.poll(stop)
            consoles.err.print(report.line(), highlight=False)
            raise typer.Exit(1 if report.feed_errors else 0)
        watcher.run(seconds, stop, lambda r: consoles.err.print(r.line(), highlight=False))
    finally:
        watcher.close()
        store.close()


def _watch_status(store: Store) -> None:
    from rich.table import Table

    from entente.store.watch import feed_status

    rows = feed_status(store)
    table = Table(title=f"{len(rows)} watched feeds")
    for col in ("feed", "last poll (UTC)", "result", "items seen", "polls", "errors", "last error"):
        table.add_column(col)
    for r in rows:
        table.add_row(r.url, r.last_poll.strftime("%Y-%m-%d %H:%M:%S") if r.last_poll else "-", r.last_result or "-",
                      str(r.items_seen), str(r.polls), str(r.errors), _short(r.last_error or "", 60))
    consoles.out.print(table)
    store.close()


if __name__ == "__main__":
    app()
