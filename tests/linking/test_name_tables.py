"""The name tables that point at registry records name records of the full registry (the
matcher leaves out a row whose records a store's smaller registry lacks, so a wrong id would
otherwise go unseen)."""

from __future__ import annotations

import pytest

from diplograph.linking.names import read_yaml, resolve_target
from diplograph.loaders.registry import load_registry

ORGAN_ROLES = read_yaml("organ_roles.yaml").get("organ_roles") or []


def test_the_organ_roles_table_has_rows() -> None:
    assert len(ORGAN_ROLES) >= 10


@pytest.mark.parametrize("row", ORGAN_ROLES, ids=lambda r: f"{r['owner']}->{r['organ']}")
def test_each_organ_role_names_registry_records_roles_and_a_source(row: dict) -> None:
    registry = load_registry()
    for field in ("owner", "organ"):
        assert resolve_target(registry, str(row[field])) is not None, (field, row[field])
    assert row.get("roles_en") or row.get("roles_vi"), row
    assert str(row.get("source", "")).strip(), row


BODY_HEADS = read_yaml("body_heads.yaml").get("body_heads") or []


def test_the_body_heads_table_has_rows() -> None:
    assert len(BODY_HEADS) >= 30


@pytest.mark.parametrize("row", BODY_HEADS, ids=lambda r: str(r["body"]))
def test_each_body_of_the_heads_table_is_a_registry_organisation_with_a_source(row: dict
                                                                               ) -> None:
    """Round 45: each body of ``body_heads.yaml`` is an organisation of the full registry,
    with its office, its roster's source and the year its roster starts; every holder has a
    name, a surname written in that name or in another writing of it, and a term inside the
    roster's years, the terms in order."""
    registry = load_registry()
    body = resolve_target(registry, str(row["body"]))
    assert body is not None and body.kind in ("organisation", "forum"), row["body"]
    assert str(row.get("role", "")).strip() and str(row.get("source", "")).strip(), row
    since = row["since"]
    last = since
    for head in row["heads"]:
        names = [head["name"], *(head.get("also") or [])]
        assert any(set(str(head["surname"]).lower().split())
                   <= set(str(n).lower().split()) for n in names), head
        start, end = head["from"], head.get("to")
        assert since <= start and (end is None or start <= end), head
        assert start >= last, (head, "terms out of order")
        last = start
