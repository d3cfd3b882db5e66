"""A learned verifier of rule candidates (session 20, issue #16).

The rules propose candidates; the verifier scores each with the probability that it is
strict-right (every compared attribute right, as ``extraction.evaluate`` counts it). It is a
logistic regression over sparse binary features of the candidate and its context (the rule,
the fact type, the language, the rule's confidence and flags, the precision of its dates, how
its participants were found, how many names and dates its sentence holds, cue words of the
quote, ...), trained by stochastic gradient descent with L2 regularisation and weight
averaging on labels the evaluator's strict matching gives (``bench/extraction_learn.py``).

The model is data: ``extraction/verifier.json`` (a header naming the parts it was trained on,
their content hash, the seed, the settings and the command, then ``feature -> weight``). The
score replaces the candidate's ``confidence``; candidates of the model's ``threshold_types``
(the target types) below its ``threshold`` (``null``: none) are dropped; the confidence is
the score through the model's ``calibration`` (Platt scaling fitted on scores of parts each
model had not seen, ``bench/extraction_learn.py``), when it has one.
``DIPLOGRAPH_VERIFIER=off`` turns the verifier off: every candidate then keeps the rule's own
confidence, byte for byte what the rules alone give.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..graph.errors import DiplographError
from .context import Candidate, Context

MODEL_PATH = Path(__file__).with_name("verifier.json")
MODEL_FORMAT = "diplograph-verifier/1"
#: the environment variable that turns the verifier off (``off``, ``0``, ``no``)
ENV = "DIPLOGRAPH_VERIFIER"

_DATE_KEYS = ("date", "start", "end", "signed", "period", "renewed", "in_force", "founded")
_NAME_KEYS = ("parties", "subjects", "member", "organization", "reporter", "partner",
              "investor", "recipient")
_WORD = re.compile(r"\w+", re.UNICODE)
#: words of modality, negation, time and report in the candidate's sentence (lower case,
#: Vietnamese syllables one by one)
_CUES = frozenset("""
not no never nor neither would will could may might shall should plan plans planned planning
expected expects expect intend intends proposed propose agreed agree discuss discussed talks
hope hopes aim aims later earlier previous previously former formerly since until before after
ago announced said says told reported according invited invitation refused rejected suspended
withdrew left rejoined applied application candidate observer associate
sẽ không chưa dự kiến kế hoạch đề nghị mời từ chối từng trước sau khi đã đang cho biết tuyên bố
""".split())


def enabled() -> bool:
    """Whether the verifier runs (``DIPLOGRAPH_VERIFIER`` is not ``off``/``0``/``no``)."""
    return os.environ.get(ENV, "on").strip().lower() not in ("off", "0", "no", "false")


# --- features ---------------------------------------------------------------------------------

def _bucket(n: int, edges: Sequence[int]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _precision(v: Any) -> str:
    if isinstance(v, dict):
        return "interval"
    s = str(v)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", s):
        return "month"
    if re.fullmatch(r"-?\d{4}", s):
        return "year"
    return "other"


def _words(text: str) -> list[str]:
    return sorted({re.sub(r"\d", "0", w) for w in _WORD.findall(text.lower())})


def _names(c: Candidate) -> list[str]:
    out: list[str] = []
    for k in _NAME_KEYS:
        v = c.data.get(k)
        if isinstance(v, list):
            out += [str(x) for x in v]
        elif isinstance(v, str) and v and not v.startswith("fact:"):
            out.append(v)
    out += [str(p.get("actor")) for p in c.data.get("participants") or [] if isinstance(p, dict)]
    return out


class _Keys:
    """Registry keys of candidate names (cached per document)."""

    def __init__(self, ctx: Context) -> None:
        self.registry = ctx.gazetteer.registry
        self.cache: dict[str, str | None] = {}

    def __call__(self, name: str) -> str | None:
        if name not in self.cache:
            try:
                self.cache[name] = self.registry.resolve(name).key
            except DiplographError:
                self.cache[name] = None
        return self.cache[name]


def features(ctx: Context, cands: Sequence[Candidate], words: bool = True) -> list[list[str]]:
    """The binary features of each candidate, sorted: deterministic for a given text (no set
    or dict order of the process leaks in). ``words``: with the words of the quote (``q=``;
    the cue words of the sentence, ``s=``, are always there)."""
    text = ctx.text
    first_nl = text.find("\n")
    keys = _Keys(ctx)
    n_text = max(len(text), 1)
    out: list[list[str]] = []
    lenient = [(c.type, tuple(sorted(_names(c)))) for c in cands]
    for i, c in enumerate(cands):
        t, rule, lang = c.type, c.rule, ctx.lang
        f: set[str] = {"bias", f"type={t}", f"rule={rule}", f"lang={lang}",
                       f"rule={rule}|lang={lang}", f"type={t}|lang={lang}",
                       f"conf={c.confidence:.1f}", f"type={t}|conf={c.confidence:.1f}"}
        for fl in c.flags:
            f |= {f"flag={fl}", f"type={t}|flag={fl}"}
        if c.unresolved:
            f.add("unresolved")
        # dates: which keys, at which precision
        dated = False
        for k in _DATE_KEYS:
            if k in c.data and c.data[k] is not None:
                dated = True
                f.add(f"type={t}|{k}={_precision(c.data[k])}")
        if not dated:
            f.add(f"type={t}|undated")
            f.add(f"rule={rule}|undated")
        for fl in c.flags:
            f.add(f"rule={rule}|flag={fl}")
        # a date after the document's own (a plan, a forecast) or long before it
        when = next((c.data[k] for k in ("date", "start", "signed") if k in c.data), None)
        when = when.get("from") if isinstance(when, dict) else when
        asof = ctx.dateline.value if ctx.dateline is not None else None
        if isinstance(when, str) and isinstance(asof, str) and when[:4].isdigit():
            gap = int(asof[:4]) - int(when[:4])
            f.add(f"type={t}|years-before-dateline={_bucket(gap, (-1, 0, 1, 5, 20))}")
            if when[: len(asof)] > asof[: len(when)]:
                f.add(f"type={t}|after-dateline")
        # what the fact says
        for k in ("event_type", "status", "instrument", "end_reason", "flow", "claim_type",
                  "modality", "framework"):
            v = c.data.get(k)
            if isinstance(v, str):
                f.add(f"{k}={v}")
        for r in c.data.get("roles") or []:
            f.add(f"member-role={r}")
        if c.data.get("place"):
            f.add(f"type={t}|place")
        parts = [p for p in c.data.get("participants") or [] if isinstance(p, dict)]
        if parts:
            f.add(f"type={t}|participants={_bucket(len(parts), (1, 2, 3, 5))}")
        for p in parts:
            f.add(f"type={t}|role={p.get('role', 'participant')}")
            office = (p.get("post") or {}).get("office") if isinstance(p.get("post"), dict) \
                else None
            f.add(f"office={office}" if office else "office=none")
        names = _names(c)
        f.add(f"type={t}|names={_bucket(len(names), (0, 1, 2, 3))}")
        # the sentence(s) of the candidate: names and dates there, how names were found
        sents = [s for s in ctx.sents if s.start < c.end and c.start < s.end] or \
            [s for s in ctx.sents if s.start <= c.start][-1:]
        s0 = sents[0].start if sents else c.start
        s1 = sents[-1].end if sents else c.end
        f.add(f"sentences={_bucket(len(sents), (1, 2))}")
        in_sent = [m for m in ctx.mentions if s0 <= m.start < s1]
        in_quote = [m for m in in_sent if c.start <= m.start < c.end]
        f.add(f"sent-names={_bucket(len(in_sent), (0, 1, 2, 3, 5, 8))}")
        f.add(f"quote-names={_bucket(len(in_quote), (0, 1, 2, 3, 5))}")
        for m in in_quote:
            f.add(f"how={m.how}")
        sent_keys = {m.key for m in in_sent if m.key}
        quote_keys = {m.key for m in in_quote if m.key}
        absent = sum(1 for n in names if keys(n) not in sent_keys)
        outside_quote = sum(1 for n in names if keys(n) not in quote_keys)
        f.add(f"type={t}|names-not-in-sentence={_bucket(absent, (0, 1, 2))}")
        f.add(f"names-not-in-quote={_bucket(outside_quote, (0, 1, 2))}")
        in_dates = [d for d in ctx.dates if s0 <= d.start < s1]
        f.add(f"sent-dates={_bucket(len(in_dates), (0, 1, 2, 3))}")
        values = {json.dumps(d.value, sort_keys=True) for d in in_dates}
        for k in ("date", "start", "signed", "period"):
            if k in c.data and json.dumps(c.data[k], sort_keys=True) not in values:
                f.add(f"type={t}|{k}-not-in-sentence")
        # where in the document
        if 0 <= first_nl and c.end <= first_nl:
            f.add("headline")
        f.add(f"position={min(4, int(5 * c.start / n_text))}")
        f.add(f"quote-words={_bucket(len(text[c.start:c.end].split()), (5, 10, 20, 40))}")
        if ctx.dateline is not None:
            f.add("dateline")
        if ctx.subject is not None:
            f.add("subject-document")
        if ctx.pair_strong:
            f.add("pair-strong")
        # the other candidates: overlapping ones of its type, another with its participants
        over = sum(1 for j, o in enumerate(cands) if j != i and o.type == t
                   and o.start < c.end and c.start < o.end)
        f.add(f"type={t}|overlapping={_bucket(over, (0, 1, 2))}")
        twins = sum(1 for j, x in enumerate(lenient) if j != i and x == lenient[i])
        f.add(f"type={t}|same-participants={_bucket(twins, (0, 1, 2))}")
        if ctx.dateline is not None and any(
                json.dumps(c.data.get(k), sort_keys=True) == json.dumps(ctx.dateline.value)
                for k in ("date", "start", "signed")):
            f.add(f"type={t}|dateline-date")
        same_sent = sum(1 for j, o in enumerate(cands) if j != i and s0 <= o.start < s1)
        f.add(f"sentence-candidates={_bucket(same_sent, (0, 1, 2, 4))}")
        extra = len({m.key for m in in_sent if m.key and m.is_state}) - len(names)
        f.add(f"type={t}|more-states-in-sentence={_bucket(max(extra, 0), (0, 1, 2))}")
        f |= {f"s={w}" for w in _words(text[s0:s1]) if w in _CUES}
        if words:
            f |= {f"q={w}" for w in _words(text[c.start:c.end])}
        out.append(sorted(f))
    return out


# --- the model --------------------------------------------------------------------------------

def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def logit(weights: dict[str, float], feats: Sequence[str]) -> float:
    """The sum of the weights of one candidate's features."""
    return sum(weights.get(x, 0.0) for x in feats)


def score(weights: dict[str, float], feats: Sequence[str]) -> float:
    """The model's probability of one candidate's features (in [0, 1])."""
    return _sigmoid(logit(weights, feats))


def calibrated(z: float, calibration: dict[str, float] | None) -> float:
    """The confidence of a logit ``z`` through the model's calibration (Platt scaling,
    ``sigmoid(a * z + b)``; none: ``sigmoid(z)``)."""
    if not calibration:
        return _sigmoid(z)
    return _sigmoid(calibration["a"] * z + calibration["b"])


def platt(pairs: Sequence[tuple[float, int]], steps: int = 2000, rate: float = 0.5
          ) -> dict[str, float]:
    """``a`` and ``b`` of ``sigmoid(a * z + b)`` fitted to ``(z, label)`` pairs by gradient
    descent on the log loss (full batch, deterministic)."""
    a, b = 1.0, 0.0
    n = max(len(pairs), 1)
    for _ in range(steps):
        ga = gb = 0.0
        for z, y in pairs:
            g = _sigmoid(a * z + b) - y
            ga += g * z
            gb += g
        a -= rate * ga / n
        b -= rate * gb / n
    return {"a": round(a, 5), "b": round(b, 5)}


def train(examples: Sequence[tuple[Sequence[str], int]], epochs: int = 10, rate: float = 0.1,
          l2: float = 1e-4, seed: int = 20, weights: Sequence[float] | None = None
          ) -> dict[str, float]:
    """Logistic regression by SGD over ``(features, label)``: L2 (``l2`` per step, applied
    lazily), learning rate ``rate / (1 + epoch)``, the examples shuffled by ``random.Random(seed)``
    each epoch, weights averaged over every step; ``weights``: one per example, scaling its
    gradient (default 1). Deterministic: the same examples in the same order give the same
    weights in any process."""
    rng = random.Random(seed)  # noqa: S311 (a shuffle, no secret)
    order = list(range(len(examples)))
    w: dict[str, float] = {}
    total: dict[str, float] = {}  # sum over steps of w (kept lazily with the stamp)
    stamp: dict[str, int] = {}
    step = 0

    def settle(k: str) -> None:
        # weight k was unchanged (but for decay) since stamp[k]: add its value per missed step
        # (the decay between updates is folded into the update itself, see below)
        gap = step - stamp.get(k, 0)
        if gap:
            total[k] = total.get(k, 0.0) + gap * w.get(k, 0.0)
            stamp[k] = step

    for epoch in range(epochs):
        rng.shuffle(order)
        lr = rate / (1 + epoch)
        for i in order:
            feats, y = examples[i]
            for k in feats:
                settle(k)
            p = _sigmoid(sum(w.get(k, 0.0) for k in feats))
            g = (p - y) * (weights[i] if weights is not None else 1.0)
            for k in feats:
                # L2 applied to the weights the example touches (sparse, "lazy" shrinkage)
                w[k] = w.get(k, 0.0) * (1 - lr * l2) - lr * g
            step += 1
    for k in sorted(w):
        settle(k)
    return {k: total[k] / step for k in sorted(w) if step and abs(total[k] / step) >= 1e-6}


def dump_model(header: dict[str, Any], weights: dict[str, float]) -> str:
    """The model file's text: the header, then one weight per line (sorted by feature)."""
    lines = [f"  {json.dumps(k, ensure_ascii=False)}: {round(v, 5)}"
             for k, v in sorted(weights.items()) if round(v, 5) != 0]
    head = json.dumps({"format": MODEL_FORMAT, **header}, ensure_ascii=False, indent=1)
    return head[:-2] + ',\n "weights": {\n' + ",\n".join(lines) + "\n }\n}\n"


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> dict[str, Any]:
    """The model file, read once per process (a clear error when it is not one)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DiplographError("bad-input", f"{path}: cannot read as a verifier model: {e}") from e
    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        raise DiplographError("bad-input", f"{path}: not a verifier model (format "
                                           f"{MODEL_FORMAT!r} expected)")
    w = data.get("weights")
    if not isinstance(w, dict) or not all(isinstance(v, int | float) for v in w.values()):
        raise DiplographError("bad-input", f"{path}: field 'weights' must map features to "
                                           "numbers")
    th = data.get("threshold")
    if th is not None and not (isinstance(th, int | float) and 0 <= th <= 1):
        raise DiplographError("bad-input", f"{path}: field 'threshold' must be null or a number "
                                           "in [0, 1]")
    return data


def apply(ctx: Context, cands: list[Candidate], model: dict[str, Any] | None = None
          ) -> list[Candidate]:
    """The candidates with the verifier's score as their confidence, those below the model's
    threshold left out."""
    if not cands:
        return cands
    model = model if model is not None else load_model()
    weights = model["weights"]
    th = model.get("threshold")
    types = set(model.get("types") or ())
    # the threshold was chosen on the strict F1 of these types, and drops only them
    dropped = set(model.get("threshold_types") or types)
    out: list[Candidate] = []
    for c, feats in zip(cands, features(ctx, cands, model.get("words", True)), strict=True):
        if c.type not in types:
            out.append(c)  # a type the model was not trained on keeps the rule's confidence
            continue
        z = logit(weights, feats)
        if th is not None and _sigmoid(z) < th and c.type in dropped:
            continue  # the threshold is on the model's own score, before calibration
        out.append(replace(c, confidence=calibrated(z, model.get("calibration"))))
    return out
