"""Full-text search over article text behind one function: FTS5 on SQLite, a tsvector GIN index
on PostgreSQL (made by migrations 0003 and 0007), a plain substring match on anything else."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Select, bindparam, false, select, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from entente.fold import ascii_name
from entente.store import models as m

# the indexed document on PostgreSQL: a stored generated column with a GIN index (migration 0007)
PG_DOCUMENT = "articles.fts_document"


class _ArticleMatches(ColumnElement[bool]):
    """True for articles whose title or text holds every word of a query."""

    type = Boolean()
    inherit_cache = False

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.fts5: BindParameter[str] = bindparam("fts_query", " ".join(f'"{w}"' for w in words), unique=True)
        self.plain: BindParameter[str] = bindparam("fts_query", " ".join(words), unique=True)


@compiles(_ArticleMatches, "sqlite")
def _sqlite(element: _ArticleMatches, compiler: Any, **kw: Any) -> str:
    return f"articles.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH {compiler.process(element.fts5, **kw)})"


@compiles(_ArticleMatches, "postgresql")
def _postgresql(element: _ArticleMatches, compiler: Any, **kw: Any) -> str:
    return f"{PG_DOCUMENT} @@ plainto_tsquery('english', {compiler.process(element.plain, **kw)})"


@compiles(_ArticleMatches)
def _other(element: _ArticleMatches, compiler: Any, **kw: Any) -> str:
    parts = [compiler.process(m.Article.text.icontains(w, autoescape=True), **kw) for w in element.words] or ["1 = 0"]
    return "(" + " AND ".join(parts) + ")"


def query_words(text: str) -> list[str]:
    """The words of a search, accents folded (FTS5 folds them in the index too); operators and
    punctuation are not syntax here, so any user text is a safe query."""
    return re.findall(r"\w+", ascii_name(text).lower())[:20]


def article_ids_matching(text: str) -> Select[Any]:
    """The ids of articles whose title or text holds every word of `text` (none for no words)."""
    words = query_words(text)
    if not words:
        return select(m.Article.id).where(m.Article.id.is_(None))
    return select(m.Article.id).where(_ArticleMatches(words))


class _IdMatches(ColumnElement[bool]):
    """True where `column` holds the id of an article whose title or text holds every word."""

    type = Boolean()
    inherit_cache = False

    def __init__(self, column: ColumnElement[int], words: list[str]) -> None:
        self.column = column
        self.matches = _ArticleMatches(words)


@compiles(_IdMatches, "sqlite")
def _sqlite_ids(element: _IdMatches, compiler: Any, **kw: Any) -> str:
    # the FTS table's own rowids: going through articles first reads every article's id
    return (f"{compiler.process(element.column, **kw)} IN (SELECT rowid FROM articles_fts "
            f"WHERE articles_fts MATCH {compiler.process(element.matches.fts5, **kw)})")


@compiles(_IdMatches)
def _other_ids(element: _IdMatches, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.column.in_(select(m.Article.id).where(element.matches)), **kw))


def id_of_article_matching(column: ColumnElement[int], words: str) -> ColumnElement[bool]:
    """True where `column` is the id of an article whose title or text holds every word of `words`."""
    found = query_words(words)
    return _IdMatches(column, found) if found else false()


def first_articles_matching(s: Session, words: str, n: int) -> list[int]:
    """Up to `n` ids of articles holding every word of `words`. PostgreSQL is kept on the GIN index:
    when many articles match, its planner prefers checking every article's stored document in
    turn, about five times slower than reading the index (the document is large)."""
    q = article_ids_matching(words).limit(n)
    if s.get_bind().dialect.name != "postgresql":
        return list(s.scalars(q))
    s.execute(text("SET LOCAL enable_seqscan = off"))
    try:
        return list(s.scalars(q))
    finally:
        s.execute(text("SET LOCAL enable_seqscan TO DEFAULT"))
