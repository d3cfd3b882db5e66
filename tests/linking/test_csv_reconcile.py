"""``diplograph link FILE --column NAME -o OUT`` through the real click command."""

from __future__ import annotations

import codecs
import csv

from click.testing import CliRunner

from diplograph.cli.link import link
from diplograph.linking import csv_reconcile


def _run(*args):
    return CliRunner().invoke(link, [str(a) for a in args], catch_exceptions=False)


def _run_matched(remembered, *args):
    """``_run`` of a file that is reconciled: the command's matcher (``Matcher`` of
    ``load_registry()``) is the run's, the same construction with its answers kept
    (``remembered``, conftest.py), as for the link report: each run made one of its own
    before, about 1 s of CPU (docs/testing.md, "Session 20"). The matcher is still made only
    for a file that will be reconciled (``test_a_bad_file_is_refused_before_any_matcher_is_
    made``, which runs the command with its own ``Matcher``). ``linking.csv_reconcile`` is
    imported before (above): a module that imported ``Matcher`` while it is replaced here
    would keep the replacement."""
    import pytest

    import diplograph.linking.matcher as matcher_module

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(matcher_module, "Matcher", lambda registry: remembered)
        return _run(*args)


def _read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_utf8_bom_adds_columns(tmp_path, remembered):
    src = tmp_path / "names.csv"
    src.write_bytes(
        codecs.BOM_UTF8 + "id,Name\n1,Mông Cổ\n2,WTO\n3,\n4,Lien Xo\n5,Atlantis\n".encode()
    )
    out = tmp_path / "out.csv"
    r = _run_matched(remembered, src, "--column", "Name", "-o", out)
    assert r.exit_code == 0, r.output
    rows = _read(out)
    assert list(rows[0]) == ["id", "Name", "iri", "qid", "label", "score", "match", "note"]
    assert rows[0]["qid"] == "Q711" and rows[0]["match"] == "true"
    assert rows[0]["iri"] == "https://diplograph.org/id/state/MNG"
    # WTO: the data sets agree on the trade body (COW IGO v3 and internacia)
    assert rows[1]["match"] == "true" and rows[1]["qid"] == "Q7825"
    assert rows[2]["note"] == "skipped: empty name"
    assert rows[3]["qid"] == "Q15180" and rows[3]["label"] == "Soviet Union"
    assert rows[4]["match"] == "false" and rows[4]["qid"] == ""


def test_tsv_utf16_with_type_and_lang(tmp_path, remembered):
    src = tmp_path / "names.tsv"
    src.write_bytes(
        "ten\tghi chu\nTrung Quốc\ta\nNga\tb\nx".encode("utf-16")
        + ("y" * 1200 + "\tz\n").encode("utf-16")[2:]
    )
    out = tmp_path / "out.tsv"
    r = _run_matched(remembered, src, "--column", "ten", "--lang", "vi", "--type", "state",
                     "-o", out)
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines(), delimiter="\t"))
    assert rows[0]["qid"] == "Q148"
    assert rows[1]["qid"] == "Q159"
    assert rows[2]["note"] == "skipped: cell longer than 1000 characters"


def test_missing_column_lists_columns_and_exits_2(tmp_path):
    src = tmp_path / "n.csv"
    src.write_text("id,Name\n1,Mongolia\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    r = _run(src, "--column", "nom", "-o", out)
    assert r.exit_code == 2
    assert "no column 'nom'; the columns are: 'id', 'Name'" in r.output
    assert not out.exists()


def test_bad_input_leaves_no_output(tmp_path):
    src = tmp_path / "n.csv"
    src.write_bytes(b"id,Name\n1,\xff\xfe\xfa broken\n")
    out = tmp_path / "out.csv"
    r = _run(src, "--column", "Name", "-o", out)
    assert r.exit_code == 1 and "not UTF-8 or UTF-16" in r.output
    assert list(tmp_path.iterdir()) == [src]
    r = _run(tmp_path / "missing.csv", "--column", "Name", "-o", out)
    assert r.exit_code == 2 and "missing.csv" in r.output and "does not exist" in r.output
    assert list(tmp_path.iterdir()) == [src]
    r = _run(src, "--column", "Name", "-o", tmp_path / "no" / "out.csv")
    assert r.exit_code == 1


def test_a_bad_file_is_refused_before_any_matcher_is_made(tmp_path, monkeypatch):
    """The file, its encoding, its column and the output columns are checked first: a matcher
    of the whole registry (1-2 s) is made only for a file that will be reconciled."""
    import pytest

    from diplograph.graph.errors import DiplographError

    def no_matcher():
        pytest.fail("a matcher was made for a file that is refused")

    out = tmp_path / "out.csv"
    cases = {
        "not UTF-8 or UTF-16": b"id,Name\n1,\xff\xfe\xfa broken\n",
        "no column 'Name'": b"id,nom\n1,Mongolia\n",
        "already has the output column": b"Name,iri\nMongolia,x\n",
    }
    for message, data in cases.items():
        src = tmp_path / "in.csv"
        src.write_bytes(data)
        with pytest.raises(DiplographError, match=message):
            csv_reconcile.reconcile_file(no_matcher, src, out, "Name", prefix="")
        assert not out.exists()
    # the command passes a function, so the same holds for `diplograph link FILE`
    made = []
    monkeypatch.setattr("diplograph.linking.matcher.Matcher.__init__",
                        lambda self, *a, **k: made.append(1) or pytest.fail("made"))
    src.write_bytes(cases["not UTF-8 or UTF-16"])
    r = _run(src, "--column", "Name", "-o", out)
    assert r.exit_code == 1 and "not UTF-8 or UTF-16" in r.output and not made
    src.write_bytes(cases["no column 'Name'"])
    r = _run(src, "--column", "Name", "-o", out)
    assert r.exit_code == 2 and "no column 'Name'" in r.output and not made


def test_output_replaced_atomically(tmp_path, remembered):
    src = tmp_path / "n.csv"
    src.write_text("Name\nMongolia\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    out.write_text("old content\n", encoding="utf-8")
    assert _run_matched(remembered, src, "--column", "Name", "-o", out).exit_code == 0
    assert _read(out)[0]["qid"] == "Q711"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.csv", "out.csv"]


def test_report_mode(link_report):
    # `link --report -o FILE`, run once per run by the fixture (conftest.py): its evaluation of
    # every list is also what the published figures' tests read (test_matcher.py)
    assert link_report.exit_code == 0, link_report.output
    text = link_report.text
    assert "| historical states |" in text and "`ICFTU`" in text and "## Flagged" in text
