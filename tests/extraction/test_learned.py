"""The learned verifier (session 20): the model file, the features, the scores, the threshold
and the training (``extraction/verifier.py``, ``bench/extraction_learn.py``)."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest

from diplograph.extraction import verifier
from diplograph.extraction.evaluate import confidence_of
from diplograph.extraction.pipeline import extract_text
from diplograph.graph.errors import DiplographError

CORPUS = Path(__file__).parent / "corpus"
TEXT = (CORPUS / "dev" / "en-japan-vietnam-2023.txt").read_text(encoding="utf-8")


def test_the_model_file_loads_and_names_its_training_parts() -> None:
    model = verifier.load_model()
    assert model["format"] == verifier.MODEL_FORMAT
    parts = model["trained_on"]
    assert "seeds" in parts and "dev" in parts and "test45" in parts
    # session 28: retrained on every part up to test85 (TRAIN, TUNE and TEST of its protocol)
    assert "test79" in parts and "test83" in parts and "test85" in parts
    for p in parts:
        assert p == "seeds" or (CORPUS / p).is_dir(), p
    assert len(model["content_sha256"]) == 64
    assert model["seed"] == 20 and "bench.extraction_learn train" in model["command"]
    assert model["weights"] and all(isinstance(v, float | int) for v in model["weights"].values())


def test_a_bad_model_file_is_refused_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps({"format": verifier.MODEL_FORMAT, "weights": {"bias": "x"}}))
    with pytest.raises(DiplographError, match=r"m\.json.*weights"):
        verifier.load_model(bad)
    bad.write_text("{")
    with pytest.raises(DiplographError, match=r"m\.json"):
        verifier.load_model(bad)


def test_features_are_deterministic_and_sorted(registry) -> None:
    a = extract_text(TEXT, None, registry, verify=False)
    b = extract_text(TEXT, None, registry, verify=False)
    fa = verifier.features(a.context, a.candidates)
    fb = verifier.features(b.context, b.candidates)
    assert fa == fb and len(fa) == len(a.candidates)
    for fs in fa:
        assert fs == sorted(set(fs)) and "bias" in fs
    first = a.candidates[0]
    assert f"rule={first.rule}" in fa[0] and f"type={first.type}" in fa[0]


def test_scores_are_probabilities_and_become_the_confidence(registry) -> None:
    off = extract_text(TEXT, None, registry, verify=False)
    on = extract_text(TEXT, None, registry, verify=True)
    model = verifier.load_model()
    feats = verifier.features(off.context, off.candidates)
    expected = [(replace(o, confidence=0.0),
                 verifier.calibrated(verifier.logit(model["weights"], fs), model["calibration"])
                 if o.type in model["types"] else o.confidence)
                for o, fs in zip(off.candidates, feats, strict=True)]
    assert len(on.candidates) <= len(off.candidates)
    # only the confidence changes (and candidates below the threshold are left out), in order
    rest = iter(expected)
    for c in on.candidates:
        assert 0.0 <= c.confidence <= 1.0
        stripped = replace(c, confidence=0.0)
        for cand, conf in rest:
            if cand == stripped:
                assert c.confidence == pytest.approx(conf)
                break
        else:
            raise AssertionError(f"{c.rule} at {c.start}: not a rule candidate")


def test_the_environment_variable_turns_it_off(registry, monkeypatch) -> None:
    monkeypatch.setenv(verifier.ENV, "off")
    assert not verifier.enabled()
    a = extract_text(TEXT, None, registry)
    b = extract_text(TEXT, None, registry, verify=False)
    assert [c.confidence for c in a.candidates] == [c.confidence for c in b.candidates]
    monkeypatch.setenv(verifier.ENV, "on")
    assert verifier.enabled()


def test_a_threshold_drops_what_it_says(registry) -> None:
    ex = extract_text(TEXT, None, registry, verify=False)
    model = dict(verifier.load_model())
    scores = [verifier.score(model["weights"], fs)
              for fs in verifier.features(ex.context, ex.candidates)]
    th = sorted(scores)[len(scores) // 2]
    model["threshold"] = th
    kept = verifier.apply(ex.context, ex.candidates, model)
    dropped = set(model["threshold_types"])
    assert len(kept) == sum(1 for s, c in zip(scores, ex.candidates, strict=True)
                            if s >= th or c.type not in dropped)
    # the threshold is on the score before calibration, which is monotone
    floor = verifier.calibrated(math.log(th / (1 - th)), model["calibration"])
    assert all(c.confidence >= floor - 1e-9 for c in kept if c.type in dropped)
    assert len(kept) < len(ex.candidates)
    model["threshold"] = None
    assert len(verifier.apply(ex.context, ex.candidates, model)) == len(ex.candidates)


def test_training_on_a_tiny_fixed_set_gives_the_same_weights_twice() -> None:
    data = [(["bias", "rule=a", "q=signed"], 1), (["bias", "rule=b", "q=may"], 0),
            (["bias", "rule=a", "q=may"], 0), (["bias", "rule=a", "q=signed"], 1),
            (["bias", "rule=b", "q=signed"], 1)]
    w1 = verifier.train(data, epochs=30, rate=0.5, l2=1e-3, seed=7)
    w2 = verifier.train(data, epochs=30, rate=0.5, l2=1e-3, seed=7)
    assert w1 == w2
    assert w1["q=signed"] > 0 > w1["q=may"]
    assert verifier.score(w1, ["bias", "rule=a", "q=signed"]) > 0.5 \
        > verifier.score(w1, ["bias", "rule=b", "q=may"])
    text = verifier.dump_model({"trained_on": ["x"]}, w1)
    assert json.loads(text)["weights"] == {k: round(v, 5) for k, v in w1.items()}


def test_evaluate_leaves_out_facts_below_the_minimum_confidence() -> None:
    assert confidence_of({"confidence": 0.4}, "f") == 0.4
    assert confidence_of({}, "f") == 1.0
    with pytest.raises(DiplographError, match="f: fact x: field 'confidence'"):
        confidence_of({"id": "x", "confidence": "high"}, "f")


def test_evaluate_at_a_minimum_confidence_counts_only_what_reaches_it(registry, tmp_path) -> None:
    from diplograph.extraction.evaluate import curve, evaluate
    from diplograph.extraction.output import facts_yaml

    src = CORPUS / "dev" / "en-japan-vietnam-2023.txt"
    gold = src.with_name(src.stem + ".gold.facts.yaml")
    out = tmp_path / "x.facts.yaml"
    ex = extract_text(TEXT, None, registry, verify=True)
    out.write_text(facts_yaml(src, ex, registry), encoding="utf-8")
    confs = sorted(round(c.confidence, 2) for c in ex.candidates)
    th = confs[len(confs) // 2]
    every, _ = evaluate(out, gold, registry)
    some, _ = evaluate(out, gold, registry, th)
    assert sum(s.extracted for s in every.values()) == len(confs)
    assert sum(s.extracted for s in some.values()) == sum(1 for c in confs if c >= th)
    assert sum(s.gold for s in some.values()) == sum(s.gold for s in every.values())
    table = curve(out, gold, registry).splitlines()
    assert table[1].split()[0] == "0.00" and len(table) == 11


def test_the_calibration_is_monotone_and_fitted_the_same_way_twice() -> None:
    pairs = [(-2.0, 0), (-1.0, 0), (-0.5, 1), (0.5, 0), (1.0, 1), (2.0, 1), (3.0, 1)]
    c1 = verifier.platt(pairs, steps=500)
    assert c1 == verifier.platt(pairs, steps=500) and c1["a"] > 0
    ps = [verifier.calibrated(z, c1) for z, _ in pairs]
    assert ps == sorted(ps) and all(0 < p < 1 for p in ps)
    assert verifier.calibrated(0.3, None) == pytest.approx(verifier.score({"x": 0.3}, ["x"]))
    model = verifier.load_model()
    assert model["calibration"] is None or {"a", "b"} <= set(model["calibration"])


def test_the_command_s_no_verifier_gives_the_rules_alone(tmp_path: Path, monkeypatch) -> None:
    """`diplograph extract --no-verifier` writes what DIPLOGRAPH_VERIFIER=off writes (every
    candidate of the rules, their own confidence); by default the verifier rescores them."""
    from click.testing import CliRunner

    from diplograph.cli import main

    doc = tmp_path / "doc.txt"
    doc.write_text(TEXT, encoding="utf-8")

    def run(*args: str) -> str:
        out = tmp_path / f"out{len(list(tmp_path.iterdir()))}.facts.yaml"
        result = CliRunner().invoke(main, ["extract", str(doc), "-o", str(out), *args])
        assert result.exit_code == 0, result.output
        return out.read_text(encoding="utf-8")

    monkeypatch.delenv("DIPLOGRAPH_VERIFIER", raising=False)
    by_flag, by_default = run("--no-verifier"), run()
    monkeypatch.setenv("DIPLOGRAPH_VERIFIER", "off")
    assert run() == by_flag != by_default
    assert run("--verifier") == by_default
