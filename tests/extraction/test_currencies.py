"""Trade and investment figures keep the currency the text states (extraction/economy.py):
euros, đồng, yen, yuan… become candidates with their ISO 4217 code, which the facts format
accepts (tests/loaders/test_currencies.py); ``A$`` or "Australian dollars" are never US dollars.

Every sentence here was written for these tests; none is taken from an article or the corpus.
"""

from __future__ import annotations

import pytest
from fact_checks import facts

from diplograph.extraction.economy import money


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("đạt 15,7 tỷ USD", "vi", [("USD", ["15.7"], 9)]),
    ("reached $4.2 billion", "en", [("USD", ["4.2"], 9)]),
    ("A$500 million and S$3 billion", "en", [("AUD", ["500"], 6), ("SGD", ["3"], 9)]),
    ("12 billion euros, then €1.5 billion", "en", [("EUR", ["12"], 9), ("EUR", ["1.5"], 9)]),
    ("khoảng 5.000 tỷ đồng", "vi", [("VND", ["5000"], 9)]),
    ("2 tỷ đồng đô la", "vi", [("USD", ["2"], 9)]),
    ("300 triệu nhân dân tệ và 40 tỷ yên", "vi", [("CNY", ["300"], 6), ("JPY", ["40"], 9)]),
    ("60 million Australian dollars", "en", [("AUD", ["60"], 6)]),
    ("HK$7 billion", "en", []),  # a currency the scheme does not hold: no figure, not a dollar
])
def test_the_figure_keeps_its_currency(text: str, lang: str, want: list) -> None:
    assert [(m.currency, m.values, m.multiplier) for m in money(text, lang)] == want


def test_a_gapped_currency_is_the_figure_before_it() -> None:
    got = money("exports reached 3 billion euros and imports 1.2 billion", "en")
    assert [(m.currency, m.values) for m in got] == [("EUR", ["3"]), ("EUR", ["1.2"])]


def test_a_trade_fact_in_euros(registry) -> None:
    got = facts("In 2021 trade between Hungary and Vietnam reached 1.1 billion euros.",
                registry, "trade", "en")
    assert [(t["currency"], t["value"], t["multiplier"]) for t in got] == [("EUR", 1.1, 9)]


def test_an_investment_in_dong(registry) -> None:
    got = facts("Năm 2022, các nhà đầu tư Nhật Bản đã đầu tư 8.000 tỷ đồng vào Việt Nam.",
                registry, "investment", "vi")
    assert [(i["currency"], i["value"], i["multiplier"]) for i in got] == [("VND", 8000, 9)]
