"""A briefing written out: Markdown that renders cleanly anywhere (text escaped, citations that are
no link syntax, sources named by outlet, title, day and URL) or a standalone HTML page styled
inline, with nothing fetched from elsewhere."""

from __future__ import annotations

import html
import re
from datetime import date as Date

from entente.brief.model import Briefing, Section, Source, country_name
from entente.dates import human
from entente.errors import InvalidParameter

# characters Markdown would read as markup in a sentence or a quote
_MD = re.compile(r"([\\`*_\[\]<>#|~])")
CSS = """
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff;
 max-width:46rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de;
 padding-bottom:.25rem}
.meta{color:#59636e;font-size:.9rem;margin:0 0 1.5rem}ul{padding-left:1.2rem}li{margin:.35rem 0}
sup a{text-decoration:none;color:#0969da;font-size:.75rem;margin-left:1px}
.more{color:#59636e;font-size:.9rem;font-style:italic}.more code{font-style:normal}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,monospace;background:#f6f8fa;padding:.1em .3em;border-radius:4px}
ol.sources{font-size:.88rem;color:#333}ol.sources li{margin:.5rem 0}ol.sources q{color:#555}
ol.sources li:target{background:#fff8c5}a{color:#0969da}
@media print{body{margin:0;max-width:none}a{color:inherit}}
"""


def md_text(text: str) -> str:
    """`text` with every character Markdown reads as markup escaped."""
    return _MD.sub(r"\\\1", text)


def _period(b: Briefing) -> str:
    if b.since and b.until:
        return f"{b.since} to {b.until}"
    if b.since:
        return f"since {b.since}"
    if b.until:
        return f"until {b.until}"
    return "all dates in the record"


def _web(url: str | None) -> str | None:
    """The URL when it is a web address (no other scheme becomes a link)."""
    return url if url and re.match(r"https?://", url, flags=re.I) else None


def source_words(s: Source) -> list[str]:
    """How a source is named: outlet, title, day and URL; the article's doc_id only when it has
    neither a title nor a URL."""
    parts = [s.outlet or "Unknown outlet"]
    if s.title:
        parts.append(f"\u201c{s.title}\u201d")
    parts.append(human(s.published) if s.published else "undated")
    if not s.title and not _web(s.url):
        parts.append(f"article {s.doc_id}")
    return parts


def _more(section: Section) -> str:
    return f"and {section.more} more: `{section.hint}` lists them all" if section.more else ""


def to_markdown(b: Briefing) -> str:
    lines = [f"# {country_name(b.a)} and {country_name(b.b)}: briefing", "",
             f"Period: {_period(b)}. Written on {Date.today().isoformat()} from the entente record.", ""]
    for section in b.sections:
        lines += [f"## {section.title}", ""]
        lines += [f"- {md_text(s.text)} [{', '.join(map(str, s.cites))}]" for s in section.sentences]
        if section.more:
            lines += ["", f"*…{_more(section)}.*"]
        lines.append("")
    lines += ["## Sources", ""]
    for s in b.sources:
        url = _web(s.url)
        named = ", ".join(md_text(p) for p in source_words(s)) + (f", <{url}>" if url else "")
        lines.append(f"{s.n}. {named}: \u201c{md_text(s.evidence)}\u201d")
    return "\n".join(lines) + "\n"


def _source_html(s: Source) -> str:
    e = html.escape
    words = source_words(s)
    parts = [f"<strong>{e(words[0])}</strong>"]
    if s.title:
        parts.append(f"<cite>{e(s.title)}</cite>")
    parts += [e(w) for w in words[2 if s.title else 1:]]
    if url := _web(s.url):
        parts.append(f'<a href="{e(url)}" rel="noreferrer">{e(url)}</a>')
    return f'<li id="s{s.n}">{", ".join(parts)}: <q>{e(s.evidence)}</q></li>'


def to_html(b: Briefing) -> str:
    e = html.escape
    title = f"{e(country_name(b.a))} and {e(country_name(b.b))}: briefing"
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{title}</title><style>{CSS}</style></head><body>",
             f"<h1>{title}</h1>",
             f'<p class="meta">Period: {e(_period(b))}. Written on {Date.today().isoformat()} from the entente record.</p>']
    for section in b.sections:
        parts.append(f"<h2>{e(section.title)}</h2><ul>")
        for s in section.sentences:
            refs = ",".join(f'<a href="#s{n}">{n}</a>' for n in s.cites)
            parts.append(f"<li>{e(s.text)}<sup>[{refs}]</sup></li>")
        parts.append("</ul>")
        if section.more:
            parts.append(f'<p class="more">…and {section.more} more: <code>{e(section.hint)}</code> lists them all.</p>')
    parts.append('<h2>Sources</h2><ol class="sources">')
    parts += [_source_html(s) for s in b.sources]
    parts.append("</ol></body></html>")
    return "\n".join(parts) + "\n"


def render(b: Briefing, format: str = "md") -> str:
    """The briefing as Markdown (`md`) or a standalone HTML page (`html`)."""
    if format not in ("md", "html"):
        raise InvalidParameter("format", f"{format[:40]!r} is not md or html")
    return to_markdown(b) if format == "md" else to_html(b)
