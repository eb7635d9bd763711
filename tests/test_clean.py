from __future__ import annotations

import pytest

from entente.clean import clean, find_teasers, split_header
from entente.config import get_settings
from entente.ingest import read_one
from entente.records import RawArticle

from .conftest import DATA, SAMPLES


def _clean(path):  # type: ignore[no-untyped-def]
    return clean(read_one(path, get_settings()))


@pytest.mark.parametrize("name,published,source,dateline", [
    ("000_25cf438f34d7ad8b.txt", "2024-06-20", "TASS", "Hanoi"),
    ("001_d3def13e952facb4.txt", "2023-05-22", "VNS", "Hanoi"),
    ("002_a03111350bd76b81.txt", None, None, None),
    ("004_a1e38b114b3a6a7b.txt", "--10-31", "VNA/VNS", "Hanoi"),
])
def test_finds_date_source_and_dateline_of_samples(name, published, source, dateline):  # type: ignore[no-untyped-def]
    a = _clean(SAMPLES / name)
    assert (a.published, a.source, a.dateline) == (published, source, dateline)


@pytest.mark.parametrize("text,published,source,dateline", [
    ("NEW DELHI, March 4 (Reuters) - India and Japan agreed on Monday to expand defence ties.",
     "--03-04", "Reuters", "New Delhi"),
    ("BEIJING, Oct. 9, 2023 (Xinhua) -- Chinese Premier Li Qiang met visiting Kenyan President William Ruto.",
     "2023-10-09", "Xinhua", "Beijing"),
    ("ANKARA (AA) - Turkish Foreign Minister Hakan Fidan received his Greek counterpart on Friday.",
     None, "Anadolu", "Ankara"),
    ("Kenya and China signed six agreements on Tuesday, officials said. — Bernama",
     None, "Bernama", None),
    ("BRASILIA, Nov. 20 (Xinhua) -- Chinese President Xi Jinping held talks with Lula on Wednesday.",
     "--11-20", "Xinhua", "Brasilia"),  # the spec's English ASCII form, not the gazetteer's "Brasília"
])
def test_reads_wire_datelines_of_other_outlets(text, published, source, dateline):  # type: ignore[no-untyped-def]
    a = clean(RawArticle(doc_id="x", text=text, origin="<test>"))
    assert (a.published, a.source, a.dateline) == (published, source, dateline)


def test_header_is_removed_and_offsets_start_after_it():  # type: ignore[no-untyped-def]
    date, body = split_header(" date 2024-06-20 HANOI, June 20. /TASS/. Russia is determined")
    assert date == "2024-06-20"
    assert body.startswith("HANOI")


def test_teaser_block_is_excluded_but_text_keeps_its_offsets():  # type: ignore[no-untyped-def]
    a = _clean(SAMPLES / "002_a03111350bd76b81.txt")
    assert len(a.excluded) == 1
    start, end = a.excluded[0]
    assert a.text[start:].startswith("You may also like")
    assert end == len(a.text)
    assert "agreed on several crucial issues" in a.text[:start]


def test_subheadings_inside_an_article_are_not_teasers():  # type: ignore[no-untyped-def]
    a = _clean(SAMPLES / "003_050b114383b8fb0f.txt")
    assert a.excluded == []
    text = "Leaders met.\n\nA heading\n\nA long paragraph about the meeting, which went well.\n\nMore text here."
    assert find_teasers(text) == []


def test_implausible_publication_date_is_dropped_with_a_warning():  # type: ignore[no-untyped-def]
    a = _clean(DATA / "bad" / "future_date.txt")
    assert a.published is None
    assert any("future_date.txt" in w and "3000-01-01" in w for w in a.warnings)


def test_web_front_matter_and_footer_are_read_and_excluded():  # type: ignore[no-untyped-def]
    text = ("Canada expels six Indian diplomats over alleged links to violence\n\nBy Jordan Pelletier\n\n"
            "THE CANADIAN PRESS\n\nOTTAWA — Canada has expelled India's high commissioner and five other "
            "diplomats, Foreign Affairs Minister Melanie Joly said on Monday.\n\n— With files from Harpreet "
            "Sandhu in Surrey, B.C.\n\nThis report by The Canadian Press was first published Oct. 14, 2024.")
    a = clean(RawArticle(doc_id="x", text=text, origin="<test>"))
    assert (a.published, a.source, a.dateline) == ("2024-10-14", "The Canadian Press", "Ottawa")
    assert a.title and a.title.startswith("Canada expels")
    excluded = " ".join(a.text[s:e] for s, e in a.excluded)
    assert "Jordan Pelletier" in excluded and "Harpreet Sandhu" in excluded and "Melanie Joly" not in excluded


def test_outlet_line_with_pipes_and_updated_line():  # type: ignore[no-untyped-def]
    a = clean(RawArticle(doc_id="x", text="Boric and Boluarte agree to hold cabinet meeting\n\nEFE | Lima | 14 Nov. 2024"
                         "\n\nLima (EFE).- Chilean President Gabriel Boric met his Peruvian counterpart on Thursday.",
                         origin="<test>"))
    assert (a.published, a.source, a.dateline) == ("2024-11-14", "EFE", "Lima")
    b = clean(RawArticle(doc_id="y", text="NZ boosts Fiji police funding\n\nAna Tuilagi and Joshua Beck\nUpdated "
                         "June 11, 2025 — 4:52pm\n\nNew Zealand will provide $NZ20 million to Fiji, the minister said.",
                         origin="<test>"))
    assert b.published == "2025-06-11"
    assert "Joshua Beck" in " ".join(b.text[s:e] for s, e in b.excluded)


def test_a_most_read_list_of_headlines_is_a_teaser():  # type: ignore[no-untyped-def]
    text = ("Serbian President Aleksandar Vucic received Hungarian Foreign Minister Peter Szijjarto on Thursday.\n\n"
            "Most read\n\nNew bus lines to connect Zemun and New Belgrade\n\nKragujevac hosts regional job fair\n\n"
            "Snow expected in western Serbia over the weekend")
    (start, end), = find_teasers(text)
    assert text[start:].startswith("Most read") and end == len(text)


def _excluded(text: str) -> str:
    a = clean(RawArticle(doc_id="x", text=text, origin="<test>"))
    return " | ".join(a.text[s:e] for s, e in a.excluded)


@pytest.mark.parametrize("text,credit,kept", [
    # a wire's credits closing the last paragraph, in brackets
    ("ANKARA, Jan 5 (Reuters) - Turkey summoned the Iraqi envoy on Friday, the ministry said. (Reporting by "
     "Jane Roe and Omar el Amin; Writing by John Doe; Editing by)", "Omar el Amin", "summoned the Iraqi envoy"),
    # an agency's staff list and picture source at the end of its only paragraph
    ("Bucharest, Nov 2 /Agerpres/ - President Klaus Iohannis received the Greek foreign minister. AGERPRES "
     "(RO - author: Ana Pop, editor: Ion Rusu) Photo source: www.presidency.ro", "Ion Rusu", "Klaus Iohannis"),
    # a caption ending in its credit, above the story
    ("A soldier keeps watch at a border post near Torkham. File photo: JANE ROE/REUTERS\nIslamabad - Pakistan "
     "recalled its ambassador from Iran on Wednesday.", "A soldier keeps watch", "recalled its ambassador"),
    ("Polish troops patrol the border with Belarus on Monday. Jane Roe/NurPhoto via Getty Images\n\nWARSAW - "
     "Poland will close its last border crossing with Belarus, the interior minister said.", "Jane Roe",
     "close its last border crossing"),
    # a byline below the headline, and an author's box with the name repeated
    ("Thai, Cambodian troops exchange gunfire\n\nBy John Doe\n\nJuly 24 (UPI) -- Cambodia and Thailand "
     "exchanged fire on Thursday.", "By John Doe", "exchanged fire"),
    ("Somalia recalls ambassador to Kenya\n\nMust read\n\nJane Roe\nJane Roe\nJane Roe is an experienced "
     "African journalist based in Accra.\n\nThe Somalia government has recalled its ambassador to Kenya.",
     "Jane Roe | Jane Roe | Jane Roe is", "recalled its ambassador"),
])
def test_credits_bylines_and_captions_are_excluded(text, credit, kept):  # type: ignore[no-untyped-def]
    excluded = _excluded(text)
    assert credit in excluded and kept not in excluded


@pytest.mark.parametrize("text", [
    "Lima, May 3 (EFE) - A photo by the ministry showed the two ministers signing the agreement in Lima.",
    "Beijing, May 3 (Xinhua) - China opened a line of credit: $500 million for Laos to buy Chinese trains.",
])
def test_a_photo_or_credit_in_prose_is_not_a_credit(text):  # type: ignore[no-untyped-def]
    assert _excluded(text) == ""


def test_a_story_about_a_journalist_is_no_authors_box():  # type: ignore[no-untyped-def]
    text = ("Russia jails US reporter\n\nJane Roe is an American journalist who was detained in Yekaterinburg in "
            "March.\n\nThe United States called the verdict a sham.")
    assert "Jane Roe" not in _excluded(text)


@pytest.mark.parametrize("text", ["MOSCOW, May 84. /TASS/. Russia and Vietnam held talks on trade and energy cooperation today.",
                                  "HANOI, February 30 (VNA) - Vietnam and Russia held talks on trade and energy cooperation."])
def test_a_dateline_day_the_calendar_lacks_is_no_date(text):  # type: ignore[no-untyped-def]
    """Issue 20: 'May 84' became --05-84."""
    from entente.clean import clean
    from entente.records import RawArticle

    article = clean(RawArticle(doc_id="t", text=text, origin="t.txt"))
    assert article.published is None
    assert any("no day of the calendar" in w for w in article.warnings)


@pytest.mark.parametrize("text,credit,kept", [
    # a byline with its date on one line (shape of https://www.urdupoint.com/en/world/russian-foreign-ministry-summons-canadian-amb-1565195.html)
    ("Russian Foreign Ministry Summons Canadian Ambassador\n\nJane Roe Published September 19, 2022 | 08:32 PM\n\n"
     "The Russian Foreign Ministry on Monday summoned Canadian ambassador in Moscow Alison LeClaire.",
     "Jane Roe Published", "summoned Canadian ambassador"),
    # a caption and its credit after a bar (shape of https://www.politico.eu/article/eu-summons-russian-ambassador-over-travel-ban-for-top-officials/)
    ("Russian Ambassador Vladimir Chizhov | Jane Roe/EFE via EPA\n\nThe European Union on Monday summoned the "
     "Russian ambassador.", "Jane Roe/EFE via EPA", "summoned the Russian ambassador"),
])
def test_dated_bylines_and_credits_after_a_bar_are_excluded(text, credit, kept):  # type: ignore[no-untyped-def]
    excluded = _excluded(text)
    assert credit in excluded and kept not in excluded


def test_a_long_paragraph_after_a_headline_is_the_article_not_a_teaser():  # type: ignore[no-untyped-def]
    # https://www.daily8.com/en/hashtag/borderclash: a tag page whose one story is a headline and a
    # paragraph of 170 words, below a list of section links
    story = ("At least four members of the South Sudanese security forces have been killed in fighting with the "
             "Ugandan army near the countries' shared border, according to local officials. ") * 4
    text = ("Latest news with #borderclash\n\n  • Politics\n  • Al Jazeera\n\n"
            "Border clash between Ugandan, South Sudanese troops kills at least four\n\n" + story)
    assert find_teasers(text) == []


@pytest.mark.parametrize("doc_id,source,dateline", [
    ("kaz_uzb_kazinform_01", "Kazinform", "Tashkent"),  # "TASHKENT. KAZINFORM – ..."
    ("irn_tur_nna_01", "NNA", None),  # "NNA – On Sunday, ...": an agency opening the story
])
def test_agencies_in_real_datelines(doc_id, source, dateline):  # type: ignore[no-untyped-def]
    a = _clean(DATA / "real" / "dev" / "articles" / f"{doc_id}.txt")
    assert (a.source, a.dateline) == (source, dateline)


def test_a_dateline_below_a_repeated_headline():  # type: ignore[no-untyped-def]
    # https://euro.eseuro.com/world/2673636.html: the headline three times, then the dateline
    head = "Bolivia summons US charge d’affaires for “interference in internal affairs”\n\n"
    text = (head * 3 + "LA PAZ (Sputnik) – Bolivia called the United States chargé d’affaires for consultations "
            "to complain about actions by the North American country’s embassy.")
    a = clean(RawArticle(doc_id="x", text=text, origin="<test>"))
    assert (a.source, a.dateline, a.dateline_country) == ("Sputnik", "La Paz", "BOL")


def test_a_capital_city_and_a_colon_is_a_dateline_but_a_label_is_not():  # type: ignore[no-untyped-def]
    # https://newsguru.pk/pakistan/fm-bilawal-bhutto-consults-allies-on-india-visit; "BREAKING:" opens
    # tests/data/real/dev/articles/ner_nga_9newsng_01.txt
    a = clean(RawArticle(doc_id="x", text="ISLAMABAD: Foreign Minister Bilawal Bhutto Zardari met with political "
                         "leaders on Wednesday to discuss his upcoming visit to India.", origin="<test>"))
    assert (a.dateline, a.dateline_country) == ("Islamabad", "PAK")
    assert _clean(DATA / "real" / "dev" / "articles" / "ner_nga_9newsng_01.txt").dateline != "Breaking"


def test_a_list_of_long_headlines_closing_the_page_is_a_teaser():  # type: ignore[no-untyped-def]
    # https://www.thenews.com.pk/latest/1066715-chinese-fm-to-visit-islamabad-for-pakistan-china-strategic-dialogue
    text = ("The Foreign Office said Wednesday that Chinese Foreign Minister Qin Gang would pay a two-day official "
            "visit to Islamabad.\nThe 3rd round of the Pakistan-China Strategic Dialogue took place in July 2021 in "
            "Chengdu, China.\nCity will likely experience a dry spell with increased temperatures till mid-May at "
            "least\nPakistan's position improves on RSF's World Press Freedom Index, as it stands at 150th position\n"
            "PM will have a series of consultations with PML-N supremo Nawaz Sharif during his London visit, sources "
            "say\nEarthquake’s epicentre was the Hindukush region, European seismic monitoring centre says")
    (start, end), = find_teasers(text)
    assert text[start:].startswith("City will likely") and end == len(text)
