"""The near-duplicate index of a store's articles, kept by the process that writes: read whole
once, then brought up to date inside each write transaction, after its lock, with what other
processes stored meanwhile. An article is then compared with every article stored before it,
whichever of two concurrent ingests stored that one."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from entente.dedup import NearDuplicates
from entente.store import models as m


class NearIndex:
    """Stored articles' signatures, up to the newest article id read (`last`); the doc_ids of the
    current transaction's articles are `pending` until it commits."""

    def __init__(self) -> None:
        self.index: NearDuplicates | None = None
        self.last = 0
        self.pending: list[str] = []
        self.reread: list[str] = []

    def refresh(self, s: Session) -> None:
        """Index what was stored since the last refresh. Articles are inserted under the write lock,
        so ids grow in commit order; one removed (the count falls behind) means reading all again."""
        self.pending = []
        if self.index is not None:
            since = m.Article.id > self.last
            self._load(s, or_(since, m.Article.doc_id.in_(self.reread)) if self.reread else since)
            if s.scalar(select(func.count()).select_from(m.Article)) == len(self.index):
                self.reread = []
                return
        self.index, self.last, self.reread = NearDuplicates(), 0, []
        self._load(s, None)

    def _load(self, s: Session, where: object) -> None:
        assert self.index is not None
        q = select(m.Article.id, m.Article.doc_id, m.Article.text, m.Article.duplicate_of).order_by(m.Article.id)
        for i, doc_id, text, canonical in s.execute(q if where is None else q.where(where)):  # type: ignore[arg-type]
            self.index.load([(doc_id, text, canonical)])
            self.last = max(self.last, i)

    def canonical_of(self, doc_id: str, text: str) -> str | None:
        """The canonical article of the group `text` joins (None: it starts one), as `refresh` left
        the index and the transaction's earlier articles joined it."""
        assert self.index is not None, "refresh first"
        self.pending.append(doc_id)
        return self.index.canonical_of(doc_id, text)

    def rolled_back(self) -> None:
        """The transaction's articles were not stored: forget them, and read again at the next
        refresh whatever is stored under their doc_ids (an article they would have replaced)."""
        if self.index is not None:
            for doc_id in self.pending:
                self.index.remove(doc_id)
            self.reread += self.pending
        self.pending = []
