"""What every reader yields: articles, failures that name the input and the problem, and files
skipped in a folder as not articles."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from entente.errors import InputError, Messages
from entente.records import RawArticle


@dataclass
class IngestFailure:
    """An input that produced no article, and why."""

    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"

    @classmethod
    def of(cls, exc: InputError) -> IngestFailure:
        return cls(exc.where, exc.problem)


@dataclass
class Skipped:
    """A file met in a searched folder that is not in a format entente reads (an image, an archive,
    an office document), left out rather than failed."""

    where: str
    kind: str

    @property
    def problem(self) -> str:
        return Messages.NOT_READ.format(kind=self.kind)

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


Item = RawArticle | IngestFailure | Skipped


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number from 1, bytes, size) of each line; bytes is None for a line over `limit`,
    which is skipped without being held in memory."""
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        size = len(line)
        if size > limit and not line.endswith(b"\n"):
            while True:
                chunk = stream.readline(1 << 20)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield n, None, size
            continue
        yield n, line, size


def too_large(where: str, size: int, limit: int) -> InputError:
    return InputError(where, Messages.TOO_LARGE.format(size=size, limit=limit))
