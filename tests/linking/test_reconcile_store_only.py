"""The real server answers reconciliation from its store alone: run from a copy of the package
whose ``data/`` folder holds no data file at all (not the COW capitals and state list, the G-W
list, ``registry/state-periods.csv``, OWID's table, the renamed IRIs, the same-body pairs, the
country adjectives, SupraVerden's records), it still narrows "Yemen (Aden)" by its capital,
lists both states of the ambiguous code "MNG", tells a territory's name from an acronym
("Guam"), joins the records of one body (same-body) and reads an adjectival long form: the
tables come from the graphs the build wrote (``linking/reference.py``), as an installed
package serving a downloaded store would read them."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest
import requests

import diplograph

#: the files the reference tables are read from offline: absent from the copy
NOT_COPIED = ("peace-science/cow_capitals.csv", "cow-igo-v3/cow_states2016.csv",
              "peace-science/gw_states.csv", "registry/state-periods.csv",
              "owid-countries-regions/countries_regions.csv", "registry/renamed.csv",
              "registry/same-body.csv", "country-adjectives/adjectivals.csv",
              "supraverden-igos/general_list.json")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(store_dir, tmp_path_factory):
    root = Path(diplograph.__file__).resolve().parent
    tmp = tmp_path_factory.mktemp("store-only")
    pkg = tmp / "pkg" / "diplograph"
    # the package's code, as a wheel holds it (not the checkout's other folders: var/, build/,
    # caches; links are copied as links)
    shutil.copytree(root, pkg, symlinks=True, ignore=shutil.ignore_patterns(
        "data", "tests", "node_modules", ".*", "var", "build", "dist", "*.egg-info",
        "__pycache__", "docs", "bench"))
    (pkg / "data").mkdir()
    shutil.copy(root / "data" / "__init__.py", pkg / "data" / "__init__.py")
    for rel in NOT_COPIED:
        assert (root / "data" / rel).is_file() and not (pkg / "data" / rel).exists()
    d = tmp / "store"
    shutil.copytree(store_dir, d)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOGRAPH_")}
    # -S: no site initialisation, so the editable install's finder (which maps the package to
    # the repository, data/ included) is not loaded; the copy and the dependencies are the path
    paths = dict.fromkeys([str(pkg.parent), sysconfig.get_paths()["purelib"],
                           sysconfig.get_paths()["platlib"]])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    log = open(tmp / "server.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-S", "-m", "diplograph", "serve", "--store", str(d), "--port",
         str(port), "--workers", "1", "--threads", "2"],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError((tmp / "server.log").read_text())
            try:
                if requests.get(url + "/reconcile", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start: " + (tmp / "server.log").read_text())
            time.sleep(0.2)
        yield url, pkg
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        log.close()


def _reconcile(url: str, name: str) -> dict:
    r = requests.post(url + "/reconcile", data={"queries": f'{{"q": {{"query": "{name}"}}}}'},
                      timeout=60)
    assert r.status_code == 200, r.text
    return r.json()["q"]


def test_the_server_runs_the_copy_without_the_reference_files(server) -> None:
    url, pkg = server
    code = ("import diplograph.loaders.registry as r, sys; "
            "sys.stdout.write(str(r.default_data_dir()))")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(pkg.parent), sysconfig.get_paths()["purelib"]]))
    out = subprocess.run([sys.executable, "-S", "-c", code], env=env, capture_output=True,
                         text=True, check=True).stdout
    assert Path(out) == pkg / "data"


def test_capital_in_brackets_from_the_store(server) -> None:
    res = _reconcile(server[0], "Yemen (Aden)")["result"]
    assert res[0]["id"] == "state/YMD" and res[0]["match"] is True
    assert "capital 'Aden'" in res[0]["evidence"]


def test_ambiguous_code_from_the_store(server) -> None:
    res = _reconcile(server[0], "MNG")["result"]
    assert [c["id"] for c in res[:2]] == ["state/MNG", "state/MNE"]
    assert not any(c["match"] for c in res)
    assert "COW MNG (341 Montenegro)" in res[0]["evidence"]


def test_place_name_from_the_store(server) -> None:
    q = _reconcile(server[0], "Guam")
    assert not any(c["match"] for c in q["result"])
    assert "'Guam' is the name of Guam (GUM)" in q["note"]


def test_same_body_pairs_from_the_store(server) -> None:
    res = _reconcile(server[0], "South Pacific Commission")["result"]
    assert res[0]["id"] == "org/SPC-org"
    assert "(data/registry/same-body.csv)" in res[0]["evidence"]


def test_adjectival_long_form_from_the_store(server) -> None:
    res = _reconcile(server[0], "Polish People's Republic")["result"]
    assert res[0]["id"] == "state/POL" and res[0]["match"] is True
    assert "English adjective 'polish' of Poland" in res[0]["evidence"]


def test_supraverden_records_from_the_store(server) -> None:
    res = _reconcile(server[0], "IsDB")["result"]
    assert res[0]["id"] == "org/ISDB"
    assert "SupraVerden Abbreviation_en" in res[0]["evidence"]
    assert "headquarters Jeddah, Saudi Arabia" in res[0]["description"]

