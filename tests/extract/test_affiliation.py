"""A person's country from the body or the company the text binds them to (entente/extract/affiliation.py),
and the appositions that must not give one: real sentences, from tests/data/real/dev or, where said,
from a page outside the corpus."""

from __future__ import annotations

import pytest

from ..conftest import DATA, record_of

pytestmark = pytest.mark.slow
DEV = DATA / "real" / "dev" / "articles"


def _country(text: str, name: str, nlp) -> str | None:  # type: ignore[no-untyped-def]
    people = {e.name: e for e in record_of(text, nlp).entities if e.type == "PERSON"}
    return people[name].country


def _lines(doc_id: str, *needles: str) -> str:
    """The lines of a dev article that hold the needles, in order: a real passage, cut to size."""
    lines = (DEV / f"{doc_id}.txt").read_text(encoding="utf-8").splitlines()
    return "\n\n".join(ln for ln in lines if any(n in ln for n in needles))


@pytest.mark.parametrize("doc_id,needles,name,country", [
    # a national body right before the title
    ("usa_tun_blog_01", ("Pentagon spokesman",), "Dave Lapan", "USA"),
    ("ind_zaf_twocircles_01", ("External affairs ministry spokesperson",), "Syed Akbaruddin", "IND"),
    ("ind_bgd_prothomalo_01", ("South Block secretary",), "B Shyam", "IND"),
    # a diplomat in a sentence about one country's embassy
    ("egy_isr_defenceweb_01", ("The Israeli embassy confirmed",), "Shani Cooper-Zubida", "ISR"),
    # a member of the party that travels with a minister whose country is known
    ("phl_jpn_afp_01", ("Philippine Foreign Secretary Domingo Siazon", "Siazon left on Monday"),
     "Rizalino Navarro", "PHL"),
])
def test_a_body_an_embassy_or_a_travelling_party_gives_the_country(doc_id, needles, name, country, nlp):  # type: ignore[no-untyped-def]
    assert _country(_lines(doc_id, *needles), name, nlp) == country


def test_an_international_bodys_official_takes_no_home_country(nlp):  # type: ignore[no-untyped-def]
    # https://fanabc.com/english/amp/premier-holds-teleconference-with-african-leaders (an Ethiopian outlet)
    text = ("Addis Ababa, April 4, 2020 (FBC) -Convened by President Cyril Ramaphosa, leaders of Ethiopia, Rwanda, "
            "Senegal, Egypt, Zimbabwe, DRC and Kenya held teleconference yesterday.\n\nAfrican Union Commission "
            "Chairperson, Moussa Faki Mahamat,  Director-General of the World Health Organization Dr Tedros Adhanom, "
            "and Director of the Africa Center for Disease Control, Dr. John Nkengasong, also attended the discussion.")
    people = {e.name: e for e in record_of(text, nlp).entities if e.type == "PERSON"}
    assert people["Moussa Faki Mahamat"].country is None
    # "leaders of Ethiopia" after his name is a list of other people, not his office
    assert people["Cyril Ramaphosa"].country == "ZAF"


def test_the_title_of_the_next_name_in_a_list_is_not_an_apposition(nlp):  # type: ignore[no-untyped-def]
    # https://earthpressnews.com/minister-fidan-met-with-his-us-counterpart-blinken
    text = ("Minister of Foreign Affairs Hakan Fidan, Minister of Foreign Affairs of Bangladesh AK Abdul Momen, "
            "Second Minister of Foreign Affairs of Brunei Darussalam Dato Seri Erywan Yusof, Minister of Foreign "
            "Affairs of Vietnam Bui Thanh Son and High Representative of the European Union (EU) Foreign Relations "
            "and Security Policy Josep Borrell in Jakarta, the capital of Indonesia.")
    assert _country(text, "Hakan Fidan", nlp) != "BGD"


def test_an_envoy_in_one_country_of_the_story_serves_the_other(nlp):  # type: ignore[no-untyped-def]
    # https://pledgetimes.com/peru-withdraws-its-ambassador-in-honduras-for-ignoring-the-boluarte-government/
    text = ("The Government of Peru definitively withdrew its ambassador in Honduras, Jorge Alejandro Raffo, in "
            "response to “the unacceptable interference” in internal affairs of the president of that country, "
            "Xiomara Castro, by ignoring the Executive of Dina Boluarte, the Foreign Ministry announced Thursday of "
            "the Andean nation.\n\nThe Peruvian Foreign Ministry has reacted with different measures towards the "
            "governments of the region that have so far ignored the legitimacy of President Boluarte, who "
            "constitutionally succeeded Castillo after he attempted a coup on December 7 .")
    assert _country(text, "Jorge Alejandro Raffo", nlp) == "PER"


def test_who_receives_a_foreign_envoy_speaks_for_the_other_state(nlp):  # type: ignore[no-untyped-def]
    # https://naijabuzz.news/the-foreign-ministry-has-called-on-its-ambassadors-in-argentina-bolivia-colombia-and-mexico-to-consult-on-interference-in-internal-affairs/
    text = ("Earlier, the Ministry of Foreign Affairs It was reported that The Peruvian Vice Chancellor contacted the "
            "Chilean Ambassador in Peru. Oscar Fuentes, After the President’s statements Gabriel Boric.\n\nThe "
            "president said Peru “definitely needs change” in the face of last month’s “unacceptable” violence. For "
            "this reason, the Ministry of Foreign Affairs tweeted that “Deputy Foreign Minister Ignacio Higueras "
            "conveyed to the Chilean Ambassador the discomfort created by the disrespectful manner in which the "
            "Peruvian government mentioned Boric Polwarte.”")
    assert _country(text, "Ignacio Higueras", nlp) == "PER"
