"""End-to-end quality guards: real published articles (tests/data/real, the yardstick), the seed
articles and our own articles of other country pairs, scored with ../shared/tools/score.py against
their gold records."""

from __future__ import annotations

import importlib.util
import json

import pytest

from entente.jobs import extract_paths

from .conftest import DATA, SHARED

pytestmark = pytest.mark.slow
SCORER = SHARED / "tools" / "score.py"


_SCORED: dict = {}  # one extraction of each set serves every test that scores it


def _score(articles, gold, tmp_path):  # type: ignore[no-untyped-def]
    if not SCORER.exists():
        pytest.skip("../shared/tools/score.py is not beside this checkout")
    if (articles, gold) in _SCORED:
        return _SCORED[articles, gold]
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pred = tmp_path / "records.jsonl"
    pred.write_text("".join(json.dumps(r.model_dump()) + "\n" for r in extract_paths([str(articles)])))
    _SCORED[articles, gold] = module.score(pred, gold, articles)
    return _SCORED[articles, gold]


@pytest.mark.parametrize("articles,gold,floor,events_floor", [
    (SHARED / "seeds", SHARED / "gold", 0.95, 0.80),
    (DATA / "articles", DATA / "gold", 0.90, 0.70),
    (DATA / "heldout" / "articles", DATA / "heldout" / "gold", 0.88, 0.70),
])
def test_records_score_against_gold(articles, gold, floor, events_floor, tmp_path):  # type: ignore[no-untyped-def]
    result = _score(articles, gold, tmp_path)
    assert result["score"] >= floor
    assert result["overall"]["events"][2] >= events_floor  # issue 5: events F1 (0.80 dev set, 0.70 other pairs)
    assert result["leaks"] == []
    assert result["missing"] == []
    assert result["accuracy"]["evidence_verbatim"] == 1.0
    assert result["accuracy"]["evidence_offsets"] == 1.0


def test_events_on_the_dev_set_meet_the_issue_targets(tmp_path):  # type: ignore[no-untyped-def]
    """Issue 5 on the seeds: mode and date accuracy >= 0.85 on matched events, sectors F1 >= 0.80."""
    result = _score(SHARED / "seeds", SHARED / "gold", tmp_path)
    assert result["accuracy"]["mode"] >= 0.85 and result["accuracy"]["date"] >= 0.85
    assert result["overall"]["sectors"][2] >= 0.80


@pytest.mark.parametrize("articles,gold,event_countries,person_country", [
    (SHARED / "seeds", SHARED / "gold", 0.95, 1.0),
    (DATA / "articles", DATA / "gold", 0.90, 0.96),
    (DATA / "heldout" / "articles", DATA / "heldout" / "gold", 0.85, 0.92),
])
def test_events_list_their_countries_and_people_theirs(articles, gold, event_countries, person_country, tmp_path):  # type: ignore[no-untyped-def]
    """Issue 18: every country a matched gold event involves is on the event (0.80, 0.80, 0.67
    before), and people's countries hold."""
    result = _score(articles, gold, tmp_path)
    assert result["accuracy"]["event_countries"] >= event_countries
    assert result["accuracy"]["country"] >= person_country


# Real articles (issue 18): the floors are what entente scores now, less a margin for noise; raise
# them as extraction improves. The test part is scored here but never read to fix a case.
# People (issue 18 item 4): F1 0.87 / 0.88, person country 0.69 / 0.62 and 5 / 3 leaks before
# credits were excluded and countries read from title phrases and office-holder lists.
# Facts (issue 18 item 5): F1 0.64 / 0.64 before numbers in words, money forms and 'about', 1.00 / 0.89 after.
# Events (issue 19, first step): F1 0.44 / 0.50 before states, organisations and groups acted and the
# CAMEO triggers came in, 0.64 / 0.57 after.
# Person country 0.88 / 0.72, event countries 0.88 / 0.63 and location 0.26 / 0.30 before a person's
# body, embassy or party gave the country, an event's missing side took the story's other state and
# summonses, 'in'/'at' and datelines placed events; 0.93 / 0.73, 0.93 / 0.83 and 0.47 / 0.33 after.
@pytest.mark.parametrize("part,floor,events_floor,facts_floor,people_floor,country_floor,max_leaks,"
                         "event_countries_floor,location_floor", [
    ("dev", 0.70, 0.60, 0.95, 0.97, 0.90, 0, 0.90, 0.42),
    ("test", 0.70, 0.53, 0.85, 0.91, 0.71, 2, 0.80, 0.30),
])
def test_real_articles_score_against_gold(part, floor, events_floor, facts_floor, people_floor, country_floor,  # type: ignore[no-untyped-def]
                                          max_leaks, event_countries_floor, location_floor, tmp_path):
    real = DATA / "real" / part
    result = _score(real / "articles", real / "gold", tmp_path)
    assert result["missing"] == []
    assert result["score"] >= floor
    assert result["overall"]["events"][2] >= events_floor
    assert result["overall"]["facts"][2] >= facts_floor
    assert result["overall"]["people"][2] >= people_floor
    assert result["accuracy"]["country"] >= country_floor
    assert result["accuracy"]["event_countries"] >= event_countries_floor
    assert result["accuracy"]["location"] >= location_floor
    assert len(result["leaks"]) <= max_leaks
    assert result["accuracy"]["evidence_verbatim"] == 1.0
    assert result["accuracy"]["evidence_offsets"] == 1.0
