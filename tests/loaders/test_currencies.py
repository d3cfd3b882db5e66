"""Trade and investment figures in currencies other than the US dollar: the facts format takes
any code of the ``dgc:currency`` scheme (ontology/concepts.ttl), the graph keeps the value and
its unit, and only a figure given in US dollars gets ``dg:valueUSD`` (no exchange rate is ever
applied). An unknown code is refused with its file, line and field, and nothing is loaded."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.graph.errors import DiplographError
from diplograph.loaders.facts import load_facts_file, parse_facts_file
from diplograph.ontology import codes

TEXT = ("Trade between Mongolia and Vietnam reached 12 million euros in 2022 and "
        "USD 80 million in 2023.")

FACTS = """format: diplograph-facts/1
document:
  id: money
  file: money.txt
  title: Money
  language: en
  as_of: "2024"
facts:
  - id: eur
    type: trade
    quote: "reached 12 million euros in 2022"
    reporter: Mongolia
    partner: Vietnam
    period: "2022"
    value: 12
    currency: EUR
    multiplier: 6
  - id: usd
    type: trade
    quote: "USD 80 million in 2023"
    reporter: Mongolia
    partner: Vietnam
    period: "2023"
    value: 80
    currency: USD
    multiplier: 6
"""

Q = """PREFIX dg: <https://diplograph.org/ontology#>
PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
SELECT ?id ?value ?unit ?usd WHERE {
  ?f dg:factId ?id ; dg:tradeValue ?value ; sdmx-attribute:unitMeasure ?unit .
  OPTIONAL { ?f dg:valueUSD ?usd }
} ORDER BY ?id"""


def _write(tmp_path: Path, facts: str = FACTS) -> Path:
    (tmp_path / "money.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "money.facts.yaml"
    path.write_text(facts, encoding="utf-8")
    return path


def test_the_scheme_holds_the_dollar_and_other_iso_codes() -> None:
    valid = codes("currency")
    assert {"USD", "EUR", "VND", "JPY", "CNY"} <= valid
    assert all(len(c) == 3 and c.isupper() for c in valid)


def test_a_euro_figure_keeps_its_unit_and_gets_no_dollar_value(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    report = load_facts_file(store, _write(tmp_path))
    assert report.facts == 2
    rows = {r["id"].value: r for r in store.query(Q, use_default_graph_as_union=True)}
    assert rows["eur"]["value"].value == "12"
    assert rows["eur"]["unit"].value.endswith("/concept/currency/EUR")
    assert rows["eur"]["usd"] is None
    assert rows["usd"]["unit"].value.endswith("/concept/currency/USD")
    assert rows["usd"]["usd"].value == "80000000"


def test_an_unknown_currency_is_refused_with_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, FACTS.replace("currency: EUR", "currency: XYZ"))
    with pytest.raises(DiplographError) as info:
        parse_facts_file(path)
    assert "nothing was loaded" in info.value.message
    [detail] = [d for d in info.value.details if "currency" in d]
    assert "money.facts.yaml:16: facts[0].currency: unknown currency code 'XYZ'" in detail
    assert "EUR" in detail and "USD" in detail  # the valid codes are listed
