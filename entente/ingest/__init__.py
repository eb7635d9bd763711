"""Ingest: find article files under the given paths and read each into a `RawArticle`.

Problems with one file never stop the batch: they come out as `IngestFailure` items in the same
stream, each naming the file and the problem.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from entente.config import Settings, get_settings
from entente.errors import InputError, Messages
from entente.ingest.text import read_text_bytes
from entente.records import RawArticle

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


@dataclass
class IngestFailure:
    """An input that produced no article, and why."""

    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


def discover(paths: Sequence[str]) -> Iterator[Path | str]:
    """Files under `paths` (folders recursively, in sorted order); '-' stands for stdin."""
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not f.name.startswith(".") and f.suffix.lower() in TEXT_SUFFIXES:
                    yield f
        else:
            yield path


def read_one(item: Path | str, settings: Settings) -> RawArticle:
    """One file (or stdin) as a raw article; raises InputError naming the file."""
    if item == "-":
        data = sys.stdin.buffer.read()
        return read_text_bytes(data, doc_id="stdin", origin="<stdin>", settings=settings)
    path = Path(item)
    if not path.exists():
        raise InputError(str(path), Messages.NOT_FOUND)
    size = path.stat().st_size
    if size > settings.max_article_bytes:
        raise InputError(str(path), Messages.TOO_LARGE.format(size=size, limit=settings.max_article_bytes))
    return read_text_bytes(path.read_bytes(), doc_id=path.stem, origin=str(path), settings=settings)


def read_paths(paths: Sequence[str], settings: Settings | None = None) -> Iterator[RawArticle | IngestFailure]:
    """Every article found under `paths`, or a failure naming the input that gave none."""
    settings = settings or get_settings()
    for item in discover(paths):
        try:
            yield read_one(item, settings)
        except InputError as exc:
            yield IngestFailure(exc.where, exc.problem)
        except OSError as exc:
            yield IngestFailure(str(item), exc.strerror or str(exc))
