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
