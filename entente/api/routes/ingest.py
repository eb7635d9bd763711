from __future__ import annotations

from fastapi import APIRouter

from entente.api.deps import IngestAllowed, SettingsDep, StoreDep
from entente.api.schemas import IngestIn, IngestOut
from entente.jobs import ingest_posted
from entente.records import RawArticle

router = APIRouter(prefix="/ingest", tags=["ingest"])


@router.post("", summary="Extract and store posted articles (needs --allow-ingest)", dependencies=[IngestAllowed])
def ingest(store: StoreDep, settings: SettingsDep, body: IngestIn) -> IngestOut:
    raws = [RawArticle(doc_id=a.doc_id or "", text=a.text, origin="<api>", published=a.published, title=a.title,
                       url=a.url, source=a.source) for a in body.articles]
    return IngestOut.model_validate(ingest_posted(raws, store, settings), from_attributes=True)
