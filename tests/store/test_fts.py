from __future__ import annotations

import pytest
from sqlalchemy import select, text

from entente.store import models as m
from entente.store.fts import article_ids_matching, first_articles_matching, id_of_article_matching, query_words

from .conftest import save_all

pytestmark = pytest.mark.slow


def matching(store, text):  # type: ignore[no-untyped-def]
    with store.session() as s:
        ids = article_ids_matching(text)
        return set(s.scalars(select(m.Article.doc_id).where(m.Article.id.in_(ids))))


@pytest.mark.parametrize("text, expected", [
    ("rail link", {"mys_tha_bernama_00", "mys_tha_bernama_01", "mys_tha_reuters_01"}),
    ("Government House", {"mys_tha_bangkokpost_01"}),
    ("RAIL", {"mys_tha_bernama_00", "mys_tha_bernama_01", "mys_tha_reuters_01"}),
    ('"rail" (link*', {"mys_tha_bernama_00", "mys_tha_bernama_01", "mys_tha_reuters_01"}),
    ("meetings", {"mys_tha_bernama_00", "mys_tha_reuters_01"}),
    ("zeppelin", set()),
    ("?!", set()),
])
def test_full_text_search_finds_articles_on_both_databases(store, corpus, text, expected):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ["mys_tha_bernama_00", "mys_tha_bernama_01", "mys_tha_bangkokpost_01", "mys_tha_reuters_01"])
    assert matching(store, text) == expected
    with store.session() as s:  # the other two ways in: a condition on an id column, the first n ids
        by_id = set(s.scalars(select(m.Article.doc_id).where(id_of_article_matching(m.Article.id + 0, text))))
        first = set(s.scalars(select(m.Article.doc_id).where(m.Article.id.in_(first_articles_matching(s, text, 10)))))
        assert by_id == first == expected
        assert len(first_articles_matching(s, text, 1)) == min(1, len(expected))


def test_reading_the_first_matches_leaves_the_planner_settings_as_they_were(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ["mys_tha_bernama_00"])
    with store.session() as s:
        assert first_articles_matching(s, "rail", 5)
        if store.engine.dialect.name == "postgresql":
            assert s.scalar(text("SHOW enable_seqscan")) == "on"


def test_full_text_index_follows_updates_and_deletes(store, corpus):  # type: ignore[no-untyped-def]
    save_all(store, corpus, ["mys_tha_reuters_01", "mys_tha_bernama_01"])
    store.delete("mys_tha_reuters_01")
    assert matching(store, "rail") == {"mys_tha_bernama_01"}


def test_query_words_fold_accents_and_drop_syntax():
    assert query_words('Hà Nội "visit" OR (talks*)') == ["ha", "noi", "visit", "or", "talks"]
