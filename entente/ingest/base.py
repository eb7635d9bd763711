"""What every reader yields: articles, failures that name the input and the problem, and files
skipped in a folder as not articles."""

from __future__ import annotations

import io
import os
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

from entente.config import Settings
from entente.errors import InputError, Messages
from entente.records import RawArticle

# an input over its cap is measured by reading on, dropping what is read, up to this many times the
# cap; past that its size is given as "more than", so an endless stream is refused too
COUNT_FACTOR = 1000
CHUNK = 1 << 20


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


class Joined(io.RawIOBase):
    """`head` (bytes already read from `inner` to tell its kind) and then the rest of `inner`: stdin,
    a stream of gzip data decompressed as it is read. With `problem` (where, message with {error}),
    an error of `inner` (corrupt gzip data) becomes one InputError. It has no file number, so the
    size of a file behind it is never taken for the size of what it gives."""

    def __init__(self, inner: BinaryIO, head: bytes = b"", problem: tuple[str, str] | None = None) -> None:
        super().__init__()
        self.inner = inner
        self.head = head
        self.problem = problem

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        try:
            return self.inner.readinto(buffer)  # type: ignore[attr-defined]
        except (OSError, EOFError, zlib.error) as exc:
            if self.problem is None:
                raise
            where, message = self.problem
            raise InputError(where, message.format(error=exc)) from exc


def buffered(raw: Joined) -> BinaryIO:
    """`raw` behind a buffer, for reading by line or by chunk."""
    return cast(BinaryIO, io.BufferedReader(raw, buffer_size=1 << 16))


def bounded_lines(stream: BinaryIO, cap: Cap) -> Iterator[tuple[int, bytes | None, int, bool]]:
    """(line number from 1, bytes, size, counted whole) of each line; bytes is None for a line over
    the cap, which is read on and dropped to measure it (never held). A line still going at the
    count's end (see `measure`) ends the file, since what follows is the same line."""
    n = 0
    while True:
        line = stream.readline(cap.limit + 1)
        if not line:
            return
        n += 1
        size = len(line)
        if size > cap.limit and not line.endswith(b"\n"):
            stop = cap.limit * COUNT_FACTOR
            while size <= stop:
                chunk = stream.readline(min(CHUNK, cap.limit + 1, stop + 1 - size))
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            if size > stop:
                yield n, None, stop, False
                return
            yield n, None, size, True
            continue
        yield n, line, size, True


@dataclass(frozen=True)
class Cap:
    """A size limit and the name of the setting it comes from, so a message states both truly."""

    limit: int
    setting: str

    @classmethod
    def of(cls, settings: Settings, field: str) -> Cap:
        return cls(getattr(settings, field), f"ENTENTE_{field.upper()}")


def article_cap(settings: Settings) -> Cap:
    """The limit on one article: a text or HTML file, a record, a feed entry, a WARC record."""
    return Cap.of(settings, "max_article_bytes")


def document_cap(settings: Settings) -> Cap:
    """The limit on a file that is parsed whole to find its articles: a JSON array, a feed, a PDF."""
    return Cap.of(settings, "max_document_bytes")


def too_large(where: str, size: int, cap: Cap, *, what: str = "article", inflated: bool = False,
              whole: bool = True) -> InputError:
    """The failure of an input of `size` bytes over `cap`; `whole` False when counting stopped at
    `size` before the input's end, `inflated` when the size is that of decompressed data."""
    amount = f"{size:,} bytes" if whole else f"more than {size:,} bytes"
    amount += " once decompressed" if inflated else ""
    amount += "" if whole else " (counting stopped there)"
    return InputError(where, Messages.TOO_LARGE.format(what=what, size=amount, limit=cap.limit, setting=cap.setting))


def file_size(stream: BinaryIO) -> int | None:
    """The size of the regular file behind `stream`; None for a pipe, stdin or a decompressed stream."""
    try:
        st = os.fstat(stream.fileno())
    except (OSError, AttributeError, ValueError):
        return None
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def measure(stream: BinaryIO, read: int, cap: Cap) -> tuple[int, bool]:
    """The size of an input of which `read` bytes are read already, and whether it was counted
    whole: the rest is read in chunks no larger than the cap and dropped, up to COUNT_FACTOR times
    the cap, where an endless stream (or a decompression bomb past all reason) stops being counted."""
    stop = cap.limit * COUNT_FACTOR
    size = read
    while size <= stop:
        chunk = stream.read(min(CHUNK, cap.limit + 1, stop + 1 - size))
        if not chunk:
            return size, True
        size += len(chunk)
    return stop, False


def read_within(stream: BinaryIO, where: str, cap: Cap, *, what: str = "article", inflated: bool = False) -> bytes:
    """All of `stream` when it holds at most `cap.limit` bytes; else raises `too_large` with its
    real size, read on and dropped in chunks, so memory stays within the cap whatever the input."""
    data = bytearray()
    while len(data) <= cap.limit:
        chunk = stream.read(min(CHUNK, cap.limit + 1 - len(data)))
        if not chunk:
            return bytes(data)
        data += chunk
    read = len(data)
    del data
    known = file_size(stream)
    size, whole = (known, True) if known is not None and not inflated else measure(stream, read, cap)
    raise too_large(where, size, cap, what=what, inflated=inflated, whole=whole)
