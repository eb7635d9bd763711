"""Clean: normalise an article's text and find its publication date, dateline, source and the
blocks (teasers, related stories) that extraction must ignore.

Offsets are sacred: the cleaned `text` is the NFC text minus the ` date YYYY-MM-DD` header, and
nothing after that is removed; unwanted blocks are listed in `excluded` instead.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from entente import gazetteer
from entente.errors import Messages
from entente.fold import ascii_name, key
from entente.records import CleanArticle, RawArticle

HEADER = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s*")
MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MONTH_DAY = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\b")
# The end of a dateline: a dash, an agency in brackets or slashes.
DATELINE_END = re.compile(r"\s+[-–—]{1,2}\s|\s*[-–—]{1,2}\s*$|\s*\(|\s*/|\.\s*/")
COLON_DATELINE = re.compile(r"^\*?([A-Z][A-Z .'-]{2,30}):\s")
SLASH_AGENCY = re.compile(r"/\s*([A-Z][A-Za-z-]{1,20})\s*/")
PAREN_AGENCY = re.compile(r"\(\s*([A-Za-z][A-Za-z. -]{0,30}?)\s*\)")
TAIL_AGENCY = re.compile(
    r"(?:[-–—]{1,2}\s*|\(|^|[.!?\"”]\s+)([A-Z]\w{1,15}(?:(?:\s?/\s?|\s)[A-Z]\w{1,15})*)\)?\s*$")
# Reporter credits that end wire copy: "(Reporting by X; Editing by Y)"
CREDITS = re.compile(r"^\s*[(\-–—]*\s*(?:(?:Reporting|Writing|Editing|Additional reporting|Compiled|Edited|Written)"
                     r"\s+by|(?:With\s+)?files\s+from)\b", re.I)
# The same credits inside a paragraph, in brackets: "(Reporting by X; Editing by Y)", and an
# agency's staff list "(RO - author: X, editor: Y)"
INLINE_CREDITS = re.compile(
    r"\((?=[^()]*(?:\b(?:Reporting|Writing|Editing|Additional\s+reporting|Compiled|Edited|Written)\s+by\b"
    r"|\b(?:author|editor|photo|photos|photograph|image|picture|credit|source)\s*:"
    r"|\b(?:photo|photograph|picture|image)s?\s+(?:by|courtesy\s+of)\b))[^()]*\)", re.I)
# A picture credit: "File photo: X/REUTERS", "Photo: X/NurPhoto", "Photo source: www.x.ro", "Credit: AFP"
PHOTO_CREDIT = re.compile(
    r"(?<![\w-])(?:(?:File\s+)?(?:Photo|Photos|Photograph|Picture|Image)(?:\s+(?:source|credit)s?)?|(?-i:Credits?))"
    r"\s*:\s*(?:(?-i:[A-Z])|www\.|@)|(?-i:\b(?:Photo|Photograph|Picture|Image)s?\s+(?:by|courtesy\s+of)\s+[A-Z])", re.I)
CAPTION_WORDS = 40
# A teaser's blurb is a sentence or two; a longer paragraph is the article's own text
BLURB_WORDS = 60
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’.-]+){0,3}"
# A caption's closing credit without a label: "... on Monday. Jane Doe/NurPhoto via Getty Images"
SLASH_CREDIT = re.compile(
    r"(?:^|(?<=[.!?”\"’)])\s+)(?P<credit>[A-Z][a-z][\w'’.-]*(?:\s+[A-Z][\w'’.-]+){1,3}"
    r"\s*/\s*[A-Z][\w.-]+(?:\s+(?:via|for)\s+[A-Z][\w .-]{0,30})?)\s*$")
# "Russian Ambassador Vladimir Chizhov | Jane Roe/EFE via EPA": a caption and its credit after a bar
BAR_CREDIT = re.compile(
    r"\|\s*(?P<credit>[A-Z][a-z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]+){1,3}\s*/\s*[A-Z][\w.-]+"
    r"(?:\s+(?:via|for)\s+[A-Z][\w .-]{0,30})?)\s*$")
# A byline on a line of its own: "By Jane Doe", "By Jane Doe and John Roe - Trend:", "By Jane Doe, AFP"
BYLINE_LINE = re.compile(rf"^\s*By\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s*[-–—|,/:]\s*[^.!?]{{0,40}})?\s*$")
# A byline with its date on one line: "Jane Doe Published September 19, 2022 | 08:32 PM"
DATED_BYLINE = re.compile(
    rf"^\s*(?:By\s+)?{_NAME}\s+(?:Published|Updated|Posted)\s*:?\s*(?:on\s+)?(?:[A-Z][a-z]+\.?\s+\d{{1,2}},?\s+\d{{4}}"
    r"|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})")
# An author's box: "Jane Doe is an experienced journalist who ..."
AUTHOR_BIO = re.compile(
    rf"^\s*(?P<name>{_NAME})\s+is\s+(?:an?|the)\s+[^.]{{0,80}}?\b(?:journalist|reporter|writer|editor|correspondent"
    r"|columnist|contributor|author|photographer|blogger)s?\b")
SOURCE_LINE = re.compile(r"^\s*(?:Source|Sources|By)\s*:\s*(.+?)\s*$", re.I | re.M)
SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]\s*$")
DATE_WORDS = r"(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})"
# "Updated June 11, 2025 — 4:52pm", "Published: 3 March 2024", "EFE | Lima | 14 Nov. 2024"
DATE_LINE = re.compile(rf"^(?:(?:Updated|Published|Posted|First published)\s*:?\s*)?(?:.*\|\s*)?(?P<date>{DATE_WORDS})")
BYLINE = re.compile(r"(?:By\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}(?:\s*(?:,|and|&)\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})*")
# "This report by The Canadian Press was first published Oct. 14, 2024."
FOOTER = re.compile(rf"\b(?:was\s+)?first\s+published\s+(?:on\s+)?(?P<date>{DATE_WORDS})")


@dataclass
class Dateline:
    city: str | None
    country: str | None
    month_day: tuple[int, int] | None
    year: int | None
    end: int


def plausible_date(value: str, today: date | None = None) -> bool:
    """A publication date between 1900 and tomorrow."""
    try:
        d = date.fromisoformat(value)
    except ValueError:
        return False
    today = today or date.today()
    return 1900 <= d.year and d.toordinal() <= today.toordinal() + 1


def split_header(text: str) -> tuple[str | None, str]:
    """The date of a leading ` date YYYY-MM-DD` header, and the text without it."""
    m = HEADER.match(text)
    if not m:
        return None, text
    return m.group(1), text[m.end():]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph; a paragraph is a line or a run of lines."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def find_dateline(text: str, skip: int = 0) -> Dateline | None:
    """The dateline at the start of the article's first or second paragraph (after `skip`
    characters of front matter), if any."""
    gaz = gazetteer.load()
    found: Dateline | None = None
    paras = [p for p in paragraphs(text) if p[0] >= skip]
    # headline-shaped lines (a headline repeated, a kicker) may stand before the dateline's paragraph
    lead = next((i for i, (s, e) in enumerate(paras)
                 if len(text[s:e].split()) > 16 or re.search(r"[.!?]\s*$", text[s:e])), 0)
    for start, end in paras[:max(2, lead + 1)][:5]:
        head_text = text[start:min(end, start + 120)]
        # "ISLAMABAD: Foreign Minister ...": a known city in capitals and a colon ("BREAKING:" is none)
        colon = COLON_DATELINE.match(head_text)
        if colon and (c := gaz.city(colon.group(1))) and found is None:
            return Dateline(ascii_name(c.name), c.country, None, None, start + colon.end(1))
        m = DATELINE_END.search(head_text)
        if not m or m.start() == 0:
            continue
        head = re.sub(r"\[[^\]]*\]", "", head_text[:m.start()])
        city = country = None
        month_day = None
        year = None
        ok = True
        for part in (p.strip(" .") for p in re.split(r",|\.\s+(?=[A-Z]+\b)", head)):
            if not part:
                continue
            md = MONTH_DAY.fullmatch(part)
            if md:
                month_day = (MONTHS[md.group(1)[:3].lower()], int(md.group(2)))
                year = int(md.group(3)) if md.group(3) else None
                continue
            if month_day and re.fullmatch(r"(?:19|20)\d\d", part):
                year = int(part)
                continue
            c = gaz.city(part)
            iso = gaz.country_of(part)
            if c:
                city = city or ascii_name(c.name)  # the spec's English ASCII form: "Brasilia"
                country = country or c.country
            elif iso:
                country = country or iso
            elif part.isupper() and len(part.split()) <= 3 and not gaz.agency(part):
                city = city or part.title()
            elif (city or country) and (gaz.agency(part) or re.search(r"\d", part)):
                continue  # an agency or a second calendar ("Rajab 12, 1446") after the place
            else:
                ok = False
                break
        if ok and (city or country):
            if found is None:
                found = Dateline(city, country, month_day, year, start + m.start())
            else:
                # "VIETNAM, May 22 -" then "HANOI – ...": the second line names the city
                found.city, found.end = city, start + m.start()
                found.country = country or found.country
            if found.city:
                break
    return found


def find_source(text: str, meta_source: str | None, dateline_end: int | None, body_end: int | None = None
                ) -> str | None:
    """The agency or outlet that signs the article: container metadata first, then the text."""
    if meta_source:
        return meta_source
    gaz = gazetteer.load()
    # "NNA – On Sunday, ...": an agency's name opening the story before a dash
    lead = re.match(r"\s*([A-Z][\w .-]{1,24}?)\s+[-–—]{1,2}\s", text)
    if lead and gaz.agency(lead.group(1)):
        return gaz.agency(lead.group(1))
    head = text[: (dateline_end or 0) + 40] if dateline_end is not None else text[:160]
    for rx in (SLASH_AGENCY, PAREN_AGENCY):
        for m in rx.finditer(head):
            name = gaz.agency(m.group(1)) or (m.group(1) if m.group(1).isupper() else None)
            if name:
                return name
    if dateline_end is not None:
        for part in re.split(r"[,\s]+", text[max(0, dateline_end - 30):dateline_end]):
            if part[:1].isupper() and gaz.agency(part):
                return gaz.agency(part)
    tail = text[:body_end].rstrip()[-60:]
    tail_m = TAIL_AGENCY.search(tail)
    if tail_m:
        token = re.sub(r"\s*/\s*", "/", tail_m.group(1))
        known = [gaz.agency(p) for p in token.split("/")]
        if gaz.agency(token):
            return gaz.agency(token)
        if any(known) or all(p.isupper() and 2 <= len(p) <= 6 for p in token.split("/")):
            return token
    line = SOURCE_LINE.search(text)
    if line:
        return gaz.agency(line.group(1)) or line.group(1)
    return None


def _is_headline(text: str) -> bool:
    """Short, no sentence-final punctuation: the shape of a headline or a section marker."""
    words = text.split()
    return 0 < len(words) <= 14 and not SENTENCE_END.search(text)


def find_teasers(text: str) -> list[tuple[int, int]]:
    """The block of unrelated headline-and-blurb pairs that ends many web articles.

    Found by shape: counting back from the end, alternating headline and blurb paragraphs, at
    least two pairs, or one pair right after a marker line ("You may also like", "Related").
    Subheadings inside an article are followed by several paragraphs, so they do not qualify.
    """
    paras = paragraphs(text)
    i = len(paras) - 1
    pairs = 0
    while i >= 1:
        blurb, head = paras[i], paras[i - 1]
        body = text[blurb[0]:blurb[1]]
        if _is_headline(text[head[0]:head[1]]) and not _is_headline(body) and len(body.split()) <= BLURB_WORDS:
            pairs += 1
            i -= 2
        else:
            break
    if pairs == 0:
        return _headline_list(text, paras)
    first = i + 1
    has_marker = i >= 0 and _is_headline(text[paras[i][0]:paras[i][1]])
    if has_marker:
        first = i
    if pairs >= 2 or has_marker:
        # keep at least one real paragraph of article before the block
        if first == 0:
            return []
        return [(paras[first][0], len(text))]
    return []


def find_credits(text: str) -> list[tuple[int, int]]:
    """Reporter, editor and picture credits, bylines, authors' boxes and publishing footers,
    which name journalists, photographers and outlets, not actors.

    A whole paragraph goes when it is a credit line, a byline, an author's box (with the lines
    that only repeat the author's name) or a picture caption, short and ending in its credit;
    inside a paragraph of several sentences only the credit goes: a bracketed one, or a picture
    credit to the paragraph's end.
    """
    found: list[tuple[int, int]] = []
    paras = paragraphs(text)
    authors: set[str] = set()
    for i, (s, e) in enumerate(paras):
        para = text[s:e]
        if CREDITS.match(para) or FOOTER.search(para) or BYLINE_LINE.match(para) or DATED_BYLINE.match(para):
            found.append((s, e))
            continue
        # an author's box repeats the name on a line of its own; "X is an American journalist"
        # alone may be the story of a journalist
        bio = AUTHOR_BIO.match(para)
        if bio and i > 0 and text[paras[i - 1][0]:paras[i - 1][1]].strip() == bio.group("name"):
            authors.add(bio.group("name"))
            found.append((s, e))
            continue
        for m in INLINE_CREDITS.finditer(para):
            found.append((s + m.start(), s + m.end()))
        photo = next((m.start() for m in PHOTO_CREDIT.finditer(para) if not _in_spans(s + m.start(), found)), None)
        if photo is None and (slash := SLASH_CREDIT.search(para) or BAR_CREDIT.search(para)):
            photo = slash.start("credit")
        if photo is not None:
            # a caption is one short sentence, or none, before its credit
            before = para[:photo].strip()
            caption = len(before.split()) <= CAPTION_WORDS and not re.search(r"[.!?][\"”’]?\s+[A-Z]", before)
            found.append((s if caption else s + photo, e))
    found += [(s, e) for s, e in paras if text[s:e].strip() in authors]
    return sorted(set(found))


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


@dataclass
class FrontMatter:
    """What sits above a web article's first paragraph: headline, byline, outlet, date lines."""

    end: int = 0
    title: str | None = None
    source: str | None = None
    published: str | None = None
    excluded: list[tuple[int, int]] | None = None


def find_front_matter(text: str) -> FrontMatter:
    """Short lines before the first real paragraph: a headline, bylines ('By X', 'X and Y'),
    an outlet line ('THE CANADIAN PRESS', 'EFE | Lima | 14 Nov. 2024'), 'Updated <date>'."""
    gaz = gazetteer.load()
    fm = FrontMatter(excluded=[])
    for i, (s, e) in enumerate(paragraphs(text)[:6]):
        line = text[s:e].strip()
        words = line.split()
        # "... BISHKEK, Kyrgyzstan, October 13. President of": a hard-wrapped first line of the story
        if re.search(r"\s(?:of|the|and|to|for|in|on|at|by|with|a|an|from)$", line):
            break
        if len(words) > 16 or (SENTENCE_END.search(line) and not DATE_LINE.search(line)) or DATELINE_END.search(
                line[:80]) and find_dateline(line) is not None and not DATE_LINE.search(line):
            break
        parts = [p.strip() for p in re.split(r"\s*\|\s*", line)]
        agency = next((gaz.agency(p) for p in parts if gaz.agency(p)), None) or gaz.agency(
            re.sub(r"^the\s+", "", line, flags=re.I))
        dated = DATE_LINE.search(line)
        if agency:
            fm.source = fm.source or agency
        if dated:
            fm.published = fm.published or _iso(dated.group("date"))
        if i == 0 and not agency and not dated and not BYLINE.fullmatch(line) and re.search(r"\b[a-z]", line):
            fm.title = line
        elif not (agency or dated or BYLINE.fullmatch(line)):
            break
        fm.excluded.append((s, e))  # type: ignore[union-attr]
        fm.end = e
    if not fm.end:
        return FrontMatter(excluded=[])
    return fm


def _iso(value: str) -> str | None:
    """A date written out in a byline or footer ('June 11, 2025', '14 Nov. 2024') as ISO."""
    m = re.search(r"(?P<m>[A-Z][a-z]+)\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})|(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]+)\.?\s+(?P<y2>\d{4})",
                  value)
    if not m:
        return None
    month = MONTHS.get((m.group("m") or m.group("m2"))[:3].lower())
    day, year = int(m.group("d") or m.group("d2")), int(m.group("y") or m.group("y2"))
    if month is None:
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return iso if plausible_date(iso) else None


def _headline_list(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A 'Most read' list: a marker and at least two headlines, nothing else, at the end."""
    run = 0
    for s, e in reversed(paras):
        # a listed headline may run to 20 words ("PM will have a series of consultations with ...")
        if not (0 < len(text[s:e].split()) <= 20 and not SENTENCE_END.search(text[s:e])):
            break
        run += 1
    if run >= 3 and run < len(paras):
        return [(paras[-run][0], len(text))]
    return []


def _trailing_start(text: str, excluded: list[tuple[int, int]], after: int) -> int:
    """Where the run of excluded blocks that closes the article begins (credits, teasers): the
    end of its body. A credit inside the body, such as a caption's, does not end it."""
    end = len(text.rstrip())
    for s, e in sorted(excluded, reverse=True):
        if s <= after or text[e:end].strip():
            break
        end = s
    return end if end > after else len(text)


def content_hash(text: str) -> str:
    """A hash of the text that ignores case, spacing and accents, for idempotent ingest."""
    return hashlib.sha256(key(text).encode("utf-8")).hexdigest()


def _calendar_day(month: int, day: int) -> bool:
    """Whether some year has this month and day (29 February included)."""
    try:
        date(2000, month, day)
    except ValueError:
        return False
    return True


def clean(raw: RawArticle) -> CleanArticle:
    """The cleaned article: normalised text, publication date, dateline, source, excluded blocks."""
    # control characters (NUL among them, which PostgreSQL refuses) become spaces: every backend
    # stores the same text, and offsets do not move
    text = CONTROL.sub(" ", unicodedata.normalize("NFC", raw.text))
    header_date, text = split_header(text)
    warnings = list(raw.warnings)
    published = raw.published or header_date
    if published and not plausible_date(published):
        warnings.append(f"{raw.origin}: {Messages.BAD_DATE.format(value=published)}")
        published = None
    fm = find_front_matter(text)
    footer = next((m for s, e in paragraphs(text)[-4:] if (m := FOOTER.search(text[s:e]))), None)
    published = published or fm.published or (_iso(footer.group("date")) if footer else None)
    dl = find_dateline(text, fm.end)
    if published is None and dl and dl.month_day:
        month, day = dl.month_day
        if not _calendar_day(month, day):  # "May 84": a number beside a month, not a day of it
            warnings.append(f"{raw.origin}: {Messages.NOT_A_DAY.format(value=f'{month:02d}-{day:02d}')}")
        elif dl.year and plausible_date(f"{dl.year:04d}-{month:02d}-{day:02d}"):
            published = f"{dl.year:04d}-{month:02d}-{day:02d}"
        else:
            published = f"--{month:02d}-{day:02d}"
    excluded = sorted(set(find_teasers(text) + find_credits(text) + (fm.excluded or [])))
    body_end = _trailing_start(text, excluded, fm.end)
    source = find_source(text, raw.source or fm.source, dl.end if dl else None, body_end)
    return CleanArticle(
        doc_id=raw.doc_id, text=text, origin=raw.origin, published=published, source=source,
        dateline=dl.city if dl else None, dateline_country=dl.country if dl else None,
        title=raw.title or fm.title, url=raw.url, excluded=excluded, content_hash=content_hash(text),
        warnings=warnings,
    )
