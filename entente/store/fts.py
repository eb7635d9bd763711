"""Full-text search over article text behind one function: FTS5 on SQLite, a tsvector GIN index
on PostgreSQL (made by migrations 0003 and 0007), a plain substring match on anything else."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Select, bindparam, select
from sqlalchemy.ext.compiler import compiles
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
