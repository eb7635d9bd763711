"""People: who is named in the article, under which spellings, with which titles and country.

Mentions come from two sources: spaCy's PERSON entities, and names anchored by a title, rank or
honorific ("Russian Minister of Internal Affairs General Kolokoltsev Vladimir Alexandrovich").
Mentions are then grouped into people within the article, short forms ("Trong", "Mr Modi")
joining the full name they abbreviate.

A person's country comes first from the title phrase bound to the name ("Ghana's Foreign
Minister X", "X, Minister of Foreign Affairs of Chile"), then from the office-holder lists
(leaders.tsv; Phoenix's, for countries the article names), then from what the story says of the
office (a counterpart, an envoy to the other country, "his Prime Minister", a father's name),
then from the names office holders of the article's countries bear; the outlet's own country
comes last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from entente import gazetteer
from entente.extract import affiliation
from entente.extract.component import component
from entente.extract.doctext import doc_text
from entente.extract.lexicon import load as load_lexicon
from entente.fold import ascii_name, key

PATRONYMIC = re.compile(r"(?:ovich|evich|yevich|ievich|ich|ovna|evna|ichna|inichna)$", re.I)
# Letters found in Vietnamese names and in no other Latin-script language's.
VIETNAMESE_LETTERS = set("ăắằẳẵặơớờởỡợưứừửữựạảấầẩẫậẹẻẽếềểễệỉịọỏốồổỗộụủỳỵỷỹĂƠƯ")  # not đ: Serbian too
LINEAGE = {"bin", "ibn", "bint", "ben", "ould", "binti"}
INITIAL = re.compile(r"^(?:[A-Z][a-z]?\.)+$")
# a capital inside a word that no name prefix explains ("CostaPool", but "McCully", "DeSantis")
GLUED = re.compile(r"\b(?!Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von)[A-Z][a-z]{2,}(?=[A-Z][a-z])")


# "X summoned the Chinese ambassador", "X conveyed to the Chilean Ambassador the discomfort": who
# receives a foreign envoy speaks for the host state
FOREIGN_ENVOY = re.compile(
    r"^[^.;]{0,40}?\b(?:summon(?:ed|s|ing)?|conveyed\s+to|told|handed(?:\s+over)?(?:\s+to)?|received|met(?:\s+with)?)\s+"
    r"(?:the\s+)?(?P<adj>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?)\s+(?i:ambassador|envoy|charg[eé]|high\s+commissioner"
    r"|diplomat|counterpart)")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    parts: list[str]
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    anchored: bool = False
    counterpart_of: tuple[int, int] | None = None  # the mention this one is the counterpart of
    his: bool = False  # "his Prime Minister X": an office held under the person last named


@dataclass
class Person:
    """One person of the article with every mention of them."""

    name: str
    parts: list[str]
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    anchored: bool = False
    international: bool = False  # an international body's official: no country to guess

    @property
    def keys(self) -> set[str]:
        return {key(p) for p in self.parts}


def split_roles(title: str) -> list[str]:
    """'Chairman of X and Deputy Chairman of Y' -> two roles, abbreviations expanded."""
    return list(_split_roles(title))


@lru_cache(maxsize=4096)
def _split_roles(title: str) -> tuple[str, ...]:
    lex = load_lexicon()
    abbreviations, ranks = _role_words()
    roles = []
    for part in lex.head_split.split(title):
        part = re.sub(r"^(?:late|then|the)\s+", "", part.strip(), flags=re.I)
        words = part.split()
        while words and key(words[-1]) in ranks:
            words.pop()
        part = " ".join(words)
        for short, full in abbreviations.items():
            if key(part) == short:
                part = full
            elif key(part).startswith(short + " ") or key(part).endswith(" " + short):
                part = re.sub(rf"\b{re.escape(short)}\b", full, part, flags=re.I)
        if part:
            roles.append(part[0].upper() + part[1:])
    return tuple(roles)


@lru_cache(maxsize=1)
def _role_words() -> tuple[dict[str, str], frozenset[str]]:
    """Folded title abbreviations with their expansions, and folded ranks, built once."""
    titles = load_lexicon().titles
    return {key(k): v for k, v in titles["abbreviations"].items()}, frozenset(key(r) for r in titles["ranks"])


def country_in_title(title: str) -> str | None:
    """The country a title is held for: 'of Russia' and 'spokesperson for the Ugandan military'
    count, 'Ambassador to Viet Nam' does not."""
    gaz = gazetteer.load()
    for m in re.finditer(r"\b(?:of|for)\s+(?:the\s+)?((?:[A-Z][\w'-]*\s?){1,4})", title):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            for i in range(0, len(words) - n + 1):
                iso = gaz.country_of(" ".join(words[i:i + n]))
                if iso:
                    return iso
    return None


def name_parts(text: str) -> list[str]:
    """Name tokens of a mention in ASCII, initials kept together ('G.S.')."""
    text = re.sub(r"(?:'s|’s)$", "", text.strip())
    return [p for p in re.split(r"\s+", ascii_name(text)) if p]


def find_mentions(doc: Doc, original: str) -> list[Mention]:
    """Every person mention: title-anchored names first, then spaCy PERSON entities."""
    lex = load_lexicon()
    gaz = gazetteer.load()
    text = doc_text(doc)
    found: list[Mention] = []
    ner = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
    for m in lex.anchor.finditer(text):
        s, e = m.span("name")
        if _continues_as_organisation(text, e) or not _bound_title(doc, m, ner):
            continue
        # "Foreign Minister Hossein Amir Abdollahian": the name runs on to the end of spaCy's person
        e = next((ne for ns, ne in ner if ns <= s < e < ne and _name_run(text[e:ne])), e)
        title = m.group("title") or ""
        if not _plausible_name(text[s:e]):
            # "minister of Foreign Affairs and Regional Integration, Shirley Ayorkor Botchway": the
            # words were the end of the office's name, and the person's follows the comma
            nxt = lex.name_after_comma.match(text[e:e + 120])
            if nxt is None or not title or not _plausible_name(nxt.group("name")):
                continue
            title = f"{title} {text[s:e]}"
            s, e = e + nxt.start("name"), e + nxt.end("name")
        roles = split_roles(title) if title else []
        if m.group("rank"):
            roles.append(m.group("rank").rstrip("."))
        country = gaz.country_of(m.group("adj")) if m.group("adj") else None
        if not country and title:
            country = country_in_title(title)
        if m.group("ref") and m.group("ref").lower() == "counterpart" and found and s - found[-1].end < 120:
            # "Deputy PM X and his counterpart Y": Y holds the same office for the other side
            roles = roles or list(found[-1].roles)
            counterpart_of: tuple[int, int] | None = (found[-1].start, found[-1].end)
        else:
            counterpart_of = None
        his = (m.group("poss") or "").lower() in ("his", "her") and not m.group("ref") and not m.group("adj")
        # "his Prime Minister X and Chief of Defence Staff Y": the possessive covers both offices
        his = his or bool(found and found[-1].his and re.fullmatch(r"\s*,?\s*and\s+", text[found[-1].end:m.start()]))
        found.append(Mention(s, e, original[s:e], name_parts(original[s:e]), roles, country, True,
                             counterpart_of, his=his))
        if re.search(r"s\b", title.split(" of ")[0]) and (co := lex.coordinated.match(text[e:e + 120])):
            # "Foreign Ministers X of Chile and Y of Peru": the plural title covers both names
            cs, ce = e + co.start("name"), e + co.end("name")
            singular = [re.sub(r"s\b", "", r, count=1) for r in roles]
            found.append(Mention(cs, ce, original[cs:ce], name_parts(original[cs:ce]), singular, None, True))
    for m in lex.honorific_anchor.finditer(text):
        s, e = m.span("name")
        if any(f.start <= s < f.end for f in found) or not _plausible_name(text[s:e]):
            continue
        roles = [m.group("rank").rstrip(".")] if m.group("rank") else []
        found.append(Mention(s, e, original[s:e], name_parts(original[s:e]), roles, None, True))
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        s, e = ent.start_char, ent.end_char
        junk = lex.leading_junk.match(text[s:e])
        if junk:
            s += junk.end()
        e = s + len(re.sub(r"(?:'s|’s)$", "", text[s:e]))
        # "Mugabe's Zanu-PF": the owner is the person, what follows is his
        if owner := re.match(r"[^']+?(?='s\s)", text[s:e]):
            e = s + owner.end()
        # "António CostaPool Moncloa": a caption's credit glued to the name
        if glued := GLUED.search(text[s:e]):
            e = s + glued.end()
        if e <= s or any(f.start < e and s < f.end for f in found):
            continue
        if not _plausible_ner_person(doc, s, e):
            continue
        found.append(Mention(s, e, original[s:e], name_parts(original[s:e])))
    starts = frozenset(f.start for f in found)
    for mention in found:
        appositive_roles(mention, text, starts)
    return sorted((m for m in found if m.parts and not _headline_words(text, m)), key=lambda m: m.start)


def _headline_words(text: str, m: Mention) -> bool:
    """'Russian Foreign Ministry Summons Canadian Ambassador To Issue Demarche': on a line in title
    case, capitals tell nothing, and a 'name' with a word the article writes in lower case
    elsewhere ('demarche') is a phrase."""
    ls = text.rfind("\n", 0, m.start) + 1
    le = text.find("\n", m.end)
    line = text[ls:le if le >= 0 else len(text)]
    words = re.findall(r"[A-Za-z][\w'-]*", line)
    if not 4 <= len(words) <= 20 or re.search(r"[.!?]\s*$", line) or sum(w[0].isupper() for w in words) < 0.7 * len(words):
        return False
    rest = text[:ls] + text[le if le >= 0 else len(text):]
    return any(p[:1].isupper() and len(p) > 2 and re.search(rf"\b{re.escape(p.lower())}\b", rest) for p in m.text.split())


def _bound_title(doc: Doc, m: re.Match[str], ner: list[tuple[int, int]]) -> bool:
    """Whether an anchor's title really is the named person's.

    Not when the title word sits inside a name spaCy read as one person ("Hossein Amir
    Abdollahian" holds no title "Amir"); not when a chain of "of the" ran out before an
    institution's name ("Heads of the Commonwealth"); and not across a comma when a verb follows
    the name: "with his Turkish counterpart, Abdollahian said" starts a new clause.
    """
    ts = m.start("title") if m.group("title") else m.start("ref")
    s, e = m.span("name")
    if any(ns < ts and s < ne for ns, ne in ner):
        return False
    if m.group("title") and re.search(r"\b(?:the|of|and|for|to|on|in|at)$", m.group("title"), re.I):
        return False
    if m.group("comma"):
        after = doc.char_span(e, len(doc.text), alignment_mode="expand")
        nxt = next((t for t in after if not t.is_space), None) if after is not None else None
        if nxt is not None and nxt.pos_ in ("VERB", "AUX"):
            return False
    return True


def _name_run(text: str) -> bool:
    """Whether `text` (what follows a name within spaCy's person span) only continues the name."""
    return re.fullmatch(r"(?:[ \t]+-?[A-Z][\w'’-]*)+", text) is not None


def _plausible_name(text: str) -> bool:
    """A name is not made of common words, titles, demonyms and places only ("Integration",
    "Chilean Mayors", "Maori King", "Must"): one of its words must be nothing else."""
    lex = load_lexicon()
    gaz = gazetteer.load()
    words = [w for w in re.split(r"[\s-]+", ascii_name(text)) if w]
    return any(key(w) not in lex.common_words and w not in lex.name_stop and key(w) not in gaz.place_words
               for w in words)


def _continues_as_organisation(text: str, end: int) -> bool:
    """'Head of the Interests Section of Georgia', 'Foreign and Expatriates Affairs': the
    capitalised words after a title were part of an institution's name, not a person's."""
    lex = load_lexicon()
    after = text[end:end + 40]
    if re.match(r"\s+(?:of|for)\s+the\s+[A-Z]", after):
        return True
    nxt = re.match(r"\s+(?:and\s+)?([A-Z][\w'-]*)", after)
    return nxt is not None and nxt.group(1) in lex.org_words


def appositive_roles(mention: Mention, text: str, starts: frozenset[int] = frozenset()) -> None:
    """Roles given after the name: 'Nguyen Phu Trong, General Secretary of the CPV, said', and
    the country in 'Alberto van Klaveren of Chile'; not a title that the next name of a list
    (one of `starts`) carries."""
    lex = load_lexicon()
    of = re.match(r"\s+of\s+((?:[A-Z][\w'’-]*\s?){1,3})", text[mention.end:mention.end + 60])
    if of and not mention.country:
        words = of.group(1).split()
        for n in range(len(words), 0, -1):
            if iso := gazetteer.load().country_of(" ".join(words[:n])):
                mention.country = iso
                break
    m = lex.appositive.match(text[mention.end:mention.end + 200])
    if not m or _plural_title(m.group("title")) or (starts and _names_next(text, mention.end + m.end(), starts)):
        # "President X, leaders of Ethiopia, Rwanda ...", "Minister Y, Minister of Foreign Affairs of
        # Bangladesh Z": a list of offices and names, not the office of the name before
        return
    mention.roles.extend(split_roles(m.group("title")))
    gaz = gazetteer.load()
    if not mention.country:
        mention.country = (gaz.country_of(m.group("adj")) if m.group("adj") else None) or country_in_title(
            m.group("title"))
    mention.anchored = True


def _plural_title(title: str) -> bool:
    """'leaders of Ethiopia', 'Foreign Ministers': a title in the plural names more than one person."""
    heads = {key(h) for h in load_lexicon().titles["heads"]}
    head = title.split(" of ")[0].split()
    return bool(head) and key(head[-1]).endswith("s") and key(head[-1])[:-1] in heads


def _names_next(text: str, at: int, starts: frozenset[int]) -> bool:
    """Whether a person's name begins right at `at`, after spaces and honorifics at most."""
    gap = re.match(r"[ \t]*(?:(?:[A-Z]{2,4}|Dato'?|Seri|Datuk|Tan Sri|H\.E\.|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)[ \t]+)*", text[at:at + 30])
    return any(at <= st <= at + (gap.end() if gap else 0) for st in starts)


def _plausible_ner_person(doc: Doc, start: int, end: int) -> bool:
    """Reject spaCy PERSON spans that are places, organisations or titles in disguise."""
    lex = load_lexicon()
    gaz = gazetteer.load()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = span.text.split()
    if not words or not all(w[:1].isupper() for w in words) or not _plausible_name(span.text):
        return False
    # "VI Bolivia-Peru Binational": a meeting's number and its countries
    if re.fullmatch(r"[IVXLC]+", words[0]) or any(
            all(key(p) in gaz.place_words for p in w.split("-")) for w in words if "-" in w):
        return False
    # "the Kyrgyz newspaper Vecherny Bishkek", "drug-maker Astellas": a noun for a thing names it
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in lex.thing_nouns:
        return False
    if key(span.text) in gaz.place_words or any(part in lex.org_words for w in words for part in w.split("-")):
        return False
    if len(words) >= 2 and key(" ".join(words[:2])) in gaz.place_words:
        return False
    placeish = [key(w) in gaz.country_by_name or key(w) in gaz.country_by_demonym for w in words]
    # "Jordan Bardella" is a person; "Russia Dmitry Medvedev" or "Viet Nam" is not
    if any(placeish) and not (len(words) >= 2 and placeish[0] and not any(placeish[1:])
                              and len(words[0]) > 3):
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in lex.geo_nouns:
        return False
    # "Tuoi Tre (Youth) newspaper's source": a name before a noun for a thing, past a bracket, names it
    after = [t for t in doc[span.end:span.end + 6] if not t.is_space]
    if after and after[0].text == "(" and (close := next((i for i, t in enumerate(after) if t.text == ")"), None)):
        after = after[close + 1:]
    if after and after[0].lower_ in lex.thing_nouns:
        return False
    # "the Specified Skilled Worker programme": a name that modifies a common noun names a thing
    if span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN" and span.root.head.i >= span.end:
        return False
    # the object of "to/from/in/at", directly or through a list, is a place: "flights to X and Y"
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in {"to", "from", "in", "at", "near", "via"}:
        return False
    return True


def _canonical(parts: list[str]) -> list[str]:
    """Given name first, patronymic dropped: 'Kolokoltsev Vladimir Alexandrovich' -> Vladimir Kolokoltsev."""
    if len(parts) == 3 and PATRONYMIC.search(parts[2]) and not PATRONYMIC.search(parts[0]):
        return [parts[1], parts[0]]
    if len(parts) == 3 and PATRONYMIC.search(parts[1]):
        return [parts[0], parts[2]]
    return parts


def _same_person(a: list[str], b: list[str]) -> bool:
    """Two full names of one person: same surname and compatible given names or initials."""
    ka, kb = [key(p) for p in _canonical(a)], [key(p) for p in _canonical(b)]
    if ka == kb:
        return True
    if set(ka) <= set(kb) or set(kb) <= set(ka):
        short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
        # "Abdullah II" is not "Al Hussein bin Abdullah II": words after bin/ibn name the father
        lineage = next((i for i, w in enumerate(long_) if w in LINEAGE), len(long_))
        if long_.index(short[0]) > lineage:
            return False
        return len(set(ka) & set(kb)) >= min(len(ka), len(kb)) and min(len(ka), len(kb)) >= 2
    if len(ka) == len(kb) and _variants(ka, kb):
        return True
    if ka[-1] == kb[-1]:
        ga, gb = ka[0].replace(" ", ""), kb[0].replace(" ", "")
        return ga[:1] == gb[:1] and (INITIAL.match(a[0]) is not None or INITIAL.match(b[0]) is not None)
    return False


def _variants(ka: list[str], kb: list[str]) -> bool:
    """'Ahmed al-Shara' and 'Ahmed al-Sharaa': the same words but one, spelt two ways, in a name
    of at least two words."""
    diff = [(a, b) for a, b in zip(ka, kb, strict=True) if a != b]
    return len(ka) >= 2 and len(diff) == 1 and _near(*diff[0])


def _near(a: str, b: str) -> bool:
    """Two spellings of one name word: a letter doubled or not ('Shara', 'Sharaa'), or, in words
    of six letters or more, one letter more or less ('Cleverly', 'Cleverley')."""
    if a == b or min(len(a), len(b)) < 4:
        return a == b
    if re.sub(r"(.)\1", r"\1", a) == re.sub(r"(.)\1", r"\1", b):
        return True
    short, long_ = sorted((a, b), key=len)
    return (len(short) >= 6 and len(long_) == len(short) + 1
            and any(long_[:i] + long_[i + 1:] == short for i in range(len(long_))))


@lru_cache(maxsize=1)
def _monarchs() -> frozenset[str]:
    return frozenset(key(t) for t in gazetteer.load().titles.get("monarchs", []))


def _royal(roles: list[str]) -> bool:
    """Whether one of the roles is a monarch's ('King', 'King of Malaysia', 'Crown Prince')."""
    monarchs = _monarchs()
    return any(key(r) in monarchs or any(key(r).startswith(m + " ") for m in monarchs) for r in roles)


def _compatible_ranks(mention_roles: list[str], person_roles: list[str]) -> bool:
    """'Sultan Ibrahim' is not Prime Minister Anwar Ibrahim: a monarch's title and a minister's
    never name one person (when both are known)."""
    return not mention_roles or not person_roles or _royal(mention_roles) == _royal(person_roles)


def group(mentions: list[Mention], original: str) -> list[Person]:
    """Mentions grouped into people; single-word forms join the nearest earlier full name."""
    people: list[Person] = []
    full = [m for m in mentions if len(m.parts) >= 2]
    short = [m for m in mentions if len(m.parts) == 1]
    for m in full:
        target = next((p for p in people if _same_person(p.parts, m.parts)), None)
        if target is None:
            target = Person(name="", parts=list(m.parts))
            people.append(target)
        elif len(_canonical(m.parts)) >= len(_canonical(target.parts)) and len(m.parts) > len(target.parts):
            target.parts = list(m.parts)
        _absorb(target, m)
    for m in short:
        k = key(m.parts[0])
        candidates = [p for p in people if k in p.keys and _compatible_ranks(m.roles, p.roles)]
        # "James Cleverley" then "Cleverly": a page that spells a surname two ways
        candidates = candidates or [p for p in people if any(_near(k, pk) for pk in p.keys)
                                    and _compatible_ranks(m.roles, p.roles)]
        if candidates:
            before = [p for p in candidates if any(s < m.start for s, _ in p.mentions)]
            target = max(before or candidates, key=lambda p: max(s for s, _ in p.mentions))
        else:
            target = next((p for p in people if p.parts == m.parts), None)
            if target is None:
                target = Person(name="", parts=list(m.parts))
                people.append(target)
        _absorb(target, m)
    for p in people:
        p.name = " ".join(_canonical(p.parts))
    return people


def expand_fragments(people: list[Person], text: str, original: str) -> None:
    """A person known by one word ("Petro") whose full name the text also writes ("Guillermo Lasso
    and Gustavo Petro said") takes that name, and its mention, when spaCy missed it."""
    lex = load_lexicon()
    gaz = gazetteer.load()
    keys = {k for p in people if len(p.parts) >= 2 for k in p.keys}
    for p in people:
        if len(p.parts) != 1 or key(p.parts[0]) in keys:
            continue
        word = p.parts[0]
        fuller = {m.group(1): m for m in re.finditer(rf"\b([A-Z][a-z]+)[ ]{re.escape(word)}\b", text)
                  if m.group(1) not in lex.name_stop and key(m.group(1)) not in lex.common_words
                  and key(m.group(1)) not in gaz.place_words}
        if len(fuller) != 1:
            continue
        (given, m), = fuller.items()
        p.parts = [given, word]
        p.name = " ".join(_canonical(p.parts))
        if not any(s <= m.start() < e for s, e in p.mentions):
            _absorb(p, Mention(m.start(), m.end(), original[m.start():m.end()], [given, word]))


def add_short_forms(people: list[Person], text: str, original: str) -> None:
    """Find the lone surnames ("Putin", "Trong", "Xi") that spaCy missed and add them as mentions."""
    lex = load_lexicon()
    gaz = gazetteer.load()
    shorts: dict[str, list[Person]] = {}
    for p in people:
        canon = _canonical(p.parts)
        if len(canon) < 2:
            continue
        # the family name, and the first name too: "Xi", "Prabowo", "Lula" stand alone in news;
        # a first name shared by two people of the article is dropped below as ambiguous
        forms = {canon[-1], canon[0]} if not INITIAL.match(canon[0]) else {canon[-1]}
        for f in forms:
            shorts.setdefault(f, []).append(p)
    taken = sorted(span for p in people for span in p.mentions)
    for form, owners in shorts.items():
        if len(owners) != 1 or form in lex.name_stop or key(form) in gaz.place_words or len(form) < 2:
            continue
        for m in re.finditer(rf"\b{re.escape(form)}\b", text):
            s, e = m.span()
            if any(a <= s < b for a, b in taken):
                continue
            before, after = text[max(0, s - 30):s], text[e:e + 30]
            # part of another capitalised name ("Ha Noi", "Tran Hong Ha Long") is not this person
            if re.search(r"[A-Z][\w'-]*[ ]$", before) or re.match(r"[ ][A-Z][a-z]", after):
                continue
            _absorb(owners[0], Mention(s, e, original[s:e], [form]))


def pair_countries(doc: Doc) -> list[str]:
    """The two countries an article is most about, by how often they are named, inside the names
    of its bodies too ("The Government of Peru", "the Peruvian Foreign Ministry")."""
    gaz = gazetteer.load()
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP") and (iso := gaz.country_of(ent.text)):
            counts[iso] = counts.get(iso, 0) + 1
        elif ent.label_ == "ORG" and (iso := _country_in_name(ent.text)):
            counts[iso] = counts.get(iso, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])[:2]


def _country_in_name(name: str) -> str | None:
    """The one country a body's name names by a word or two ('Peruvian', 'Government of Peru')."""
    gaz = gazetteer.load()
    words = name.split()
    found = {iso for n in (2, 1) for i in range(len(words) - n + 1)
             if words[i][:1].isupper() and (iso := gaz.country_of(" ".join(words[i:i + n])))}
    return found.pop() if len(found) == 1 else None


def named_countries(doc: Doc) -> set[str]:
    """Every country the article names, by name or adjective."""
    gaz = gazetteer.load()
    return {iso for ent in doc.ents if ent.label_ in ("GPE", "NORP") and (iso := gaz.country_of(ent.text))}


def lineages(people: list[Person]) -> None:
    """'Crown Prince Al Hussein bin Abdullah II' in a story naming King Abdullah II: a son named
    after his father (bin, ibn, bint) is of his father's country."""
    for p in people:
        if p.country:
            continue
        keys = [key(w) for w in p.parts]
        at = next((i for i, w in enumerate(keys) if w in LINEAGE), None)
        if at is None or at + 1 >= len(keys):
            continue
        father = keys[at + 1:]
        for q in people:
            qk = [key(w) for w in _canonical(q.parts)]
            if q is not p and q.country and len(qk) <= len(father) and father[:len(qk)] == qk and len(qk) >= 2:
                p.country = q.country
                break


def their_officials(people: list[Person], mentions: list[Mention]) -> None:
    """'flanked by his Prime Minister X', 'Putin and his defence minister Y': an office someone's
    own ("his", "her") is held in the country of the person last named before it, at most 400
    characters back."""
    owner = {span: p for p in people for span in p.mentions}
    for m in mentions:
        p = owner.get((m.start, m.end))
        if not m.his or p is None or p.country:
            continue
        before = [(s, q) for q in people if q is not p and q.country for s, _ in q.mentions if m.start - 400 < s < m.start]
        if before:
            p.country = max(before, key=lambda sq: sq[0])[1].country


def name_origins(people: list[Person], named: set[str]) -> None:
    """A person the text gives no country takes the one their family name points to, among the
    countries the article names: 'Alamgir Hossain' in a Bangladesh-India story is Bangladeshi."""
    gaz = gazetteer.load()
    for p in people:
        if p.country or p.international:
            continue
        canon = [w for w in _canonical(p.parts) if len(key(w)) > 2 and key(w) not in LINEAGE]
        if len(canon) >= 2:
            p.country = gaz.country_of_name_words([canon[-1], canon[0]], named)


def unnamed_counterparts(people: list[Person], doc: Doc, pair: list[str]) -> None:
    """'X held talks with his Peruvian counterpart', 'X signed with his counterpart, the Minister
    of Foreign Affairs in Kenya', 'X conveyed to the Chilean Ambassador': in a two-country story, X
    is of the country the counterpart or envoy is not."""
    if len(pair) != 2:
        return
    gaz = gazetteer.load()
    text = doc_text(doc)
    for p in people:
        if p.country:
            continue
        for s, e in p.mentions:
            sent = doc.char_span(s, e, alignment_mode="expand")
            end = sent.sent.end_char if sent is not None else e + 200
            after = text[e:min(end, e + 250)]
            m = re.search(r"\b(?:his|her)\s+(?:(?P<adj>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?)\s+)?counterparts?\b"
                          r"(?:,?\s+the\s+[^,.;]{0,60}\b(?:of|in|from)\s+(?P<of>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?))?",
                          after) or FOREIGN_ENVOY.search(after)
            other = m and (gaz.country_of(m.group("adj") or "") or gaz.country_of_place(m.group("of") or ""))
            if other in pair:
                p.country = pair[1 - pair.index(other)]
                break


def envoys(people: list[Person], pair: list[str]) -> None:
    """'its ambassador to Kenya, X', 'its ambassador in Honduras, X' in a story of two countries:
    an envoy to one of the two serves the other."""
    if len(pair) != 2:
        return
    gaz = gazetteer.load()
    for p in people:
        if p.country:
            continue
        for role in p.roles:
            to = re.search(r"\b(?:Ambassador|Envoy|High Commissioner|Charge d'Affaires)\s+(?:to|in)\s+(?:the\s+)?"
                           r"((?:[A-Z][\w'-]*\s?){1,3})", role, re.I)
            host = next((iso for n in (3, 2, 1) if to
                         and (iso := gaz.country_of_place(" ".join(to.group(1).split()[:n])))), None)
            if host in pair:
                p.country = pair[1 - pair.index(host)]
                break


def counterparts(people: list[Person], mentions: list[Mention], pair: list[str]) -> None:
    """'X held talks with his Peruvian counterpart Y': in a two-country story, X acts for the
    country that is not Y's (and the other way round)."""
    if len(pair) != 2:
        return
    owner = {span: p for p in people for span in p.mentions}
    for m in mentions:
        if m.counterpart_of is None:
            continue
        a, b = owner.get(m.counterpart_of), owner.get((m.start, m.end))
        if a is None or b is None or a is b:
            continue
        for known, unknown in ((b, a), (a, b)):
            if known.country in pair and not unknown.country:
                unknown.country = pair[1 - pair.index(known.country)]


def home_officials(people: list[Person], doc: Doc, pair: list[str]) -> None:
    """Office holders a story names without a country are, by press convention, the outlet's own
    ('Deputy Foreign Minister X' in a PAP story is Polish), when that country is one of the two
    the story is about; failing an outlet, the dateline's country."""
    article = doc._.article
    if article is None:
        return
    home = gazetteer.load().home_of(article.source)
    if home not in pair:
        home = article.dateline_country if article.dateline_country in pair else None
    if home is None:
        return
    for p in people:
        if not p.country and p.roles and not p.international:
            p.country = home


def finish(people: list[Person], original: str, named: set[str] | None = None) -> list[Person]:
    """Canonical names, sorted aliases and a country where the name itself tells it: its letters,
    the office holders of leaders.tsv, then those of the Phoenix lists among the countries the
    article names (`named`)."""
    gaz = gazetteer.load()
    for p in people:
        p.aliases = sorted(set(p.aliases) | {p.name}, key=lambda a: (-len(a), a))
        if not p.country:
            full = [p.name, *[a for a in p.aliases if len(a.split()) >= 2]]
            p.country = (_country_from_name(p, original) or gaz.leader_country(full)
                         or gaz.office_holder_country(full, named or set()))
            if not p.country and len(p.parts) == 1:
                # "Mr. Mulino": a lone surname is a known leader's when his country is in the story
                p.country = gaz.leader_by_surname(p.parts[0], p.roles) if p.roles else None
                if not p.country and (one := gaz.leader_by_surname(p.parts[0], None)) in (named or set()):
                    p.country = one
    # a lone surname never anchored by a title and said once is too weak to report, unless it is
    # a known office holder's of a country the story names ("Maduro")
    return [p for p in people if p.anchored or len(p.parts) >= 2 or len(p.mentions) >= 2 or p.country]


def _absorb(p: Person, m: Mention) -> None:
    p.mentions.append((m.start, m.end))
    for alias in {m.text, ascii_name(m.text)}:
        alias = re.sub(r"(?:'s|’s)$", "", alias.strip())
        if alias and alias not in p.aliases:
            p.aliases.append(alias)
    for r in m.roles:
        if r not in p.roles:
            p.roles.append(r)
    p.country = p.country or m.country
    p.anchored = p.anchored or m.anchored


def _country_from_name(p: Person, original: str) -> str | None:
    """A name written with Vietnamese-only letters is Vietnamese; otherwise unknown here."""
    for s, e in p.mentions:
        if VIETNAMESE_LETTERS & set(original[s:e]):
            return "VNM"
    return None


@component("entente_people")
def people_component(doc: Doc) -> Doc:
    """Set doc._.people: the people of the article, each with aliases, roles and country."""
    original = doc._.article.text if doc._.article is not None else doc_text(doc)
    mentions = find_mentions(doc, original)
    people = group(mentions, original)
    expand_fragments(people, doc_text(doc), original)
    add_short_forms(people, doc_text(doc), original)
    named = named_countries(doc)
    people = finish(people, original, named)
    pair = pair_countries(doc)
    affiliation.bodies(people, doc_text(doc))
    counterparts(people, mentions, pair)
    unnamed_counterparts(people, doc, pair)
    envoys(people, pair)
    affiliation.embassy_staff(people, doc)
    affiliation.companions(people, doc)
    their_officials(people, mentions)
    lineages(people)
    name_origins(people, named)
    home_officials(people, doc, pair)
    doc._.people = people
    return doc
