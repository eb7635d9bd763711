from __future__ import annotations

from fastapi import APIRouter

from entente.api.deps import DateQ, DocId, PagingDep, StoreDep, Text
from entente.api.routes import page_of
from entente.api.schemas import ArticleDetailOut, ArticleOut, PageOut
from entente.store import read

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("", summary="List stored articles, newest first")
def list_articles(store: StoreDep, paging: PagingDep, since: DateQ = None, until: DateQ = None,
                  source: Text = None) -> PageOut[ArticleOut]:
    page = read.list_articles(store, since=since, until=until, source=source, limit=paging.page_size,
                              offset=paging.offset)
    return page_of(ArticleOut, page)


@router.get("/{doc_id}", summary="One article with its text, record and evidence spans")
def get_article(store: StoreDep, doc_id: DocId) -> ArticleDetailOut:
    return ArticleDetailOut.model_validate(read.get_article(store, doc_id), from_attributes=True)
