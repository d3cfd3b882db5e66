"""Compiled page templates kept between server starts (server/app.py ``TemplateCodeCache``,
#12: the first page after a start reads its templates' code instead of compiling them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.server import app as app_module

from .conftest import fixture_app


def _page(store_dir: Path) -> str:
    app = fixture_app(store_dir)
    try:
        r = app.test_client().get("/page/state/MNG", headers={"Accept": "text/html"})
        assert r.status_code == 200
        return r.get_data(as_text=True)
    finally:
        app.extensions["diplograph"].close()


def test_a_second_start_reads_the_code_the_first_wrote(store_dir: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("DIPLOGRAPH_NO_CACHE", raising=False)
    first = _page(store_dir)
    written = sorted((tmp_path / "diplograph" / "templates").iterdir())
    assert written  # the entity page's templates and those it includes
    loaded: list[str] = []
    real = app_module.TemplateCodeCache.load_bytecode

    def spy(self: app_module.TemplateCodeCache, bucket) -> None:  # noqa: ANN001
        real(self, bucket)
        if bucket.code is not None:
            loaded.append(bucket.key)

    monkeypatch.setattr(app_module.TemplateCodeCache, "load_bytecode", spy)
    assert _page(store_dir) == first
    assert loaded  # read back, not compiled again
    assert sorted((tmp_path / "diplograph" / "templates").iterdir()) == written


def test_no_cache_when_told_or_when_its_folder_cannot_be_made(
        store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("DIPLOGRAPH_NO_CACHE", "1")
    assert app_module.template_code_cache() is None
    monkeypatch.delenv("DIPLOGRAPH_NO_CACHE")
    (tmp_path / "diplograph").write_text("a file where the folder would be")
    assert app_module.template_code_cache() is None
    assert "Mongolia" in _page(store_dir)  # pages are made all the same
