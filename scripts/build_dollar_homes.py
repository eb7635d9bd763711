"""Write the 'dollar_homes' table of entente/data/units.json from CLDR (through babel).

A bare '$' in a text means the dollar of the state that spends or earns it, or else of the outlet:
every ISO 3166 country whose legal tender today is a dollar other than the US dollar gets its code
(CAN -> CAD, FJI -> FJD, ...); countries that use the US dollar, and all others, are left out (USD).

Run with `python scripts/build_dollar_homes.py`.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import babel.numbers
import pycountry

UNITS = Path(__file__).resolve().parent.parent / "entente" / "data" / "units.json"


def dollar_homes(on: datetime.date) -> dict[str, str]:
    """ISO3 -> ISO 4217 code of each country whose tender on `on` is a dollar other than USD."""
    homes = {}
    for c in pycountry.countries:
        tender = babel.numbers.get_territory_currencies(c.alpha_2, on, tender=True)
        if tender and tender[0] != "USD" and "dollar" in babel.numbers.get_currency_name(tender[0], locale="en").lower():
            homes[c.alpha_3] = tender[0]
    return dict(sorted(homes.items()))


def main() -> None:
    data = json.loads(UNITS.read_text(encoding="utf-8"))
    data["dollar_homes"] = dollar_homes(datetime.date(2025, 1, 1))
    UNITS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
