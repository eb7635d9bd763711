"""Briefings on the relations between two countries: `build` one from the store, `render` it as
Markdown or HTML. Every sentence cites the articles and evidence sentences behind it."""

from entente.brief.compose import MAX_ITEMS, background, build, item_sentence, items_of, ranked
from entente.brief.model import Briefing, Citations, Section, Sentence, Source, country_name, names, when
from entente.brief.render import render, to_html, to_markdown

__all__ = ["MAX_ITEMS", "Briefing", "Citations", "Section", "Sentence", "Source", "background", "build",
           "country_name", "item_sentence", "items_of", "names", "ranked", "render", "to_html", "to_markdown", "when"]
