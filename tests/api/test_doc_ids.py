"""Every article that is listed opens: a doc_id is a file's stem, and file names hold spaces,
accents, '#', '%' and '?'; the routes take any stored doc_id, URL-encoded. Requests go to a real
server (uvicorn), which decodes a path once: Starlette's test client decodes it twice."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest

from ..conftest import ODD_NAMES, served

# what Python's quote leaves alone, and what the dashboard's encodeURIComponent leaves alone
ENCODINGS = {"python": "", "javascript": "-_.!~*'()"}


@pytest.fixture(scope="module")
def base(odd_names_db: str) -> Iterator[str]:
    with served(odd_names_db) as url:
        yield url


def test_doc_ids_keep_the_file_names(base: str) -> None:
    listed = [a["doc_id"] for a in httpx.get(base + "articles").json()["items"]]
    assert sorted(listed) == sorted(ODD_NAMES)


@pytest.mark.parametrize("safe", ENCODINGS.values(), ids=ENCODINGS.keys())
@pytest.mark.parametrize("doc_id", ODD_NAMES)
def test_every_listed_article_opens(base: str, doc_id: str, safe: str) -> None:
    article = httpx.get(base + "articles/" + quote(doc_id, safe=safe))
    assert article.status_code == 200, article.text
    assert article.json()["summary"]["doc_id"] == doc_id and article.json()["text"]
    view = httpx.get(base + "dashboard/articles/" + quote(doc_id, safe=safe))
    assert view.status_code == 200, view.text
    assert view.json()["doc_id"] == doc_id


def test_an_escape_in_a_doc_id_is_decoded_once(base: str) -> None:
    # "%20" in the file name is three characters, not a space
    assert httpx.get(base + "articles/" + quote("100% agreed?  ", safe="")).status_code == 404
    assert httpx.get(base + "articles/" + quote("100% agreed? %20", safe="")).status_code == 200
