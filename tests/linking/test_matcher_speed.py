"""Session 19 (issues #11, #15): the indexes that make the matcher cheap on names it does not
know keep every answer of the full scans they replace.

* the fuzzy reading's shortlist (:func:`~diplograph.linking.readings.fuzzy._shortlist`) stops
  walking the forms at a count no form left can beat: checked against the full ranking
  (``heapq.nlargest`` over every form sharing a trigram) on names of every evaluation list and
  random variants of them (a letter dropped, doubled, swapped; two names joined; upper case);
* the index of the registry's name words (``_having_word``) gives, for any run of words, the
  entities a scan of the whole registry gives, in its order;
* the glossary's names in the singular, made once, give what making them per call gives;
* the upper bounds of difflib's ratio the fuzzy and phonetic readings compute from letters
  counted once are difflib's own ``real_quick_ratio`` and ``quick_ratio``.

Session 26 (s26-speed), each against the computation it replaces:

* the organisations the seat-and-field and body-by-field readings test, from indexes of their
  names' words (and tokens), are those the scans of every entity let through, in its order;
* the fuzzy reading's near forms remembered per folded name answer as computed afresh, under
  every kind asked, and a full store of them is forgotten;
* the phonetic reading's forms per tier, less those failing the length bound for every key;
* the prefix and suffix scans of the frozen state forms, a Leaders index by state, and the
  functions remembered by ``lru_cache`` (``phonetic_key``, ``_iy_form``, ``_holder_words``).

Session 27 (s27-speed):

* the longest common subsequence (``common_subsequence``, bit-parallel) is the dynamic
  programme's, and its bound is at least difflib's ratio, on names, registry forms and sounds;
* the shortlist that scores only the forms sharing enough trigrams (``shortest`` given) is the
  full ranking, on every list's names and on random counters full of ties.

Session 28 (s28-speed):

* the glossary's names that hold every one of some words, from an index of each word's names,
  are those the scan of every name gives, in its order (with and without the singular);
* the organisations one of whose bare English words is a word (the described-acronym reading),
  from an index of each word's organisations, are the scan of every entity's, in its order;
* the shortlist whose walk by counts starts at 2 at least (not at the full scoring) is the
  full ranking, on random counters of ones, twos and threes.
"""

from __future__ import annotations

import difflib
import heapq
import random
from collections import Counter
from itertools import repeat

import pytest

import diplograph.linking.readings.fuzzy as fuzzy_module
from diplograph.linking.candidates import KIND_GROUPS
from diplograph.linking.evaluate import default_lists, read_list
from diplograph.linking.glossary import content_words, singular_form
from diplograph.linking.normalise import (
    common_subsequence,
    folded_form,
    phonetic_key,
    place_masks,
    trigrams,
)
from diplograph.linking.readings.frames import _bare_words
from diplograph.linking.readings.fuzzy import _shortlist
from diplograph.linking.readings.generic import _holder_words
from diplograph.linking.readings.offices import _ORG_GENERIC, _field_names
from diplograph.linking.readings.seats import _seat_words
from diplograph.linking.readings.sounds import TRANSLIT_FLOOR
from diplograph.linking.readings.text import (
    _iy_form,
    _name_words,
    _prefix_ends,
    _suffix_starts,
)
from diplograph.linking.succession import STATE_KINDS


def _variants(names: list[str], rnd: random.Random) -> list[str]:
    out = []
    for name in names:
        i = rnd.randrange(len(name)) if name else 0
        j = min(i + 1, len(name) - 1)
        swapped = name[:i] + name[j:j + 1] + name[i:i + 1] + name[j + 1:]
        out += [name[:i] + name[i + 1:], name[:i] + name[i:i + 1] * 2 + name[i + 1:], swapped,
                name.upper(), f"{name} {rnd.choice(names)}"]
    return out


@pytest.fixture(scope="module")
def names() -> list[str]:
    """Every fortieth name of every evaluation list (each list at least once) and five random
    variants of each."""
    rnd = random.Random(19)
    base: list[str] = []
    for path in default_lists():
        base += [r.name for r in read_list(path)][::40]
    assert len(base) > 250
    return base + _variants(base, rnd)


def _full_ranking(counter: Counter[int], n_q: int, lengths, n: int) -> list[int]:  # noqa: ANN001
    """The reference the shortlist must equal: every form scored, the ``n`` best by
    ``nlargest`` (ties in the counter's order)."""
    return [i for i, _c in heapq.nlargest(
        n, counter.items(), key=lambda kv: 2 * kv[1] / (n_q + lengths[kv[0]]))]


def _shared_trigrams(matcher, name: str) -> tuple[Counter[int], int]:  # noqa: ANN001
    """The fuzzy pass's counter of trigrams each form shares with ``name``, and the name's
    trigram count."""
    fo = folded_form(name)
    counter: Counter[int] = Counter()
    for g in trigrams(fo):
        counter.update(matcher._grams.get(g, ()))
    return counter, len(fo) + 4


@pytest.fixture
def scored(monkeypatch) -> list[int]:  # noqa: ANN001
    """The number of forms the shortlist scores (its divisions), counted on a hook."""
    count = [0]

    def divided(a: int, b: int) -> float:
        count[0] += 1
        return a / b

    monkeypatch.setattr(fuzzy_module, "truediv", divided)
    return count


def test_fuzzy_shortlist_is_the_full_ranking(matcher, names) -> None:
    walked_less = 0
    lengths = matcher._form_lengths
    for name in names:
        counter, n_q = _shared_trigrams(matcher, name)
        full = _full_ranking(counter, n_q, lengths, 40)
        assert _shortlist(counter, n_q, lengths, 40) == full, name
        walked_less += len(counter) > 40
    assert walked_less > len(names) // 2  # the names exercise the early stop


def test_shortlist_by_counts_is_the_full_ranking(matcher, names, scored) -> None:
    """Session 27: with the shortest form's length given, the forms sharing few trigrams are
    left unscored (fewer than half of the forms are scored over the names), and the shortlist
    is still the full ranking."""
    lengths = matcher._form_lengths
    shortest = min(lengths)
    forms = 0
    for name in names:
        counter, n_q = _shared_trigrams(matcher, name)
        full = _full_ranking(counter, n_q, lengths, 40)
        assert _shortlist(counter, n_q, lengths, 40, shortest) == full, name
        forms += len(counter)
    assert 0 < scored[0] < forms // 2


@pytest.mark.parametrize("n", [1, 2, 5, 40])
def test_shortlist_by_counts_ties_and_sizes(n) -> None:
    """Session 27: ties and sizes as below, the shortest length given (the true one, or any
    lower one)."""
    rnd = random.Random(27 + n)
    for _ in range(300):
        lengths = [rnd.randrange(4, 30) for _ in range(300)]
        counter = Counter({rnd.randrange(300): rnd.choice((1, 1, 1, 2, 2, 3, 4, rnd.randrange(
            1, 15))) for _ in range(250)})
        n_q = rnd.randrange(6, 40)
        full = _full_ranking(counter, n_q, lengths, n)
        for shortest in (min(lengths), 0, 2):
            assert _shortlist(counter, n_q, lengths, n, shortest) == full


@pytest.mark.parametrize("n", [1, 2, 5, 40])
def test_shortlist_from_two_shared_trigrams(n, scored) -> None:
    """Session 28: a counter whose ``n``-th count is 2 or 3 (mostly ones and twos, as half of
    the every-list batch's names give) starts the walk at 2, not at the full scoring: the
    shortlist is still the full ranking, ties in the counter's order, for several shortest
    lengths, and some of the counters are ranked with fewer forms scored than they hold."""
    rnd = random.Random(280 + n)
    fewer = 0
    for _ in range(300):
        lengths = [rnd.randrange(4, 40) for _ in range(400)]
        counter = Counter({rnd.randrange(400): rnd.choice((1, 1, 1, 1, 2, 2, 3))
                           for _ in range(300)})
        n_q = rnd.randrange(6, 60)
        full = _full_ranking(counter, n_q, lengths, n)
        for shortest in (min(lengths), 0, 4):
            scored[0] = 0
            assert _shortlist(counter, n_q, lengths, n, shortest) == full
            fewer += scored[0] < len(counter)
    assert fewer > 0


def _lcs(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        prev, row = row, [0]
        for j, y in enumerate(b):
            row.append(prev[j] + 1 if x == y else max(prev[j + 1], row[j]))
    return row[-1]


def test_common_subsequence_bounds_difflibs_ratio(matcher, names) -> None:
    """Session 27: the bit-parallel longest common subsequence is the dynamic programme's, and
    ``2.0 * lcs / (la + lb)`` is never below difflib's ratio (the fuzzy and phonetic readings
    skip a form whose bound is below their cutoff)."""
    rnd = random.Random(27)
    forms = rnd.sample(matcher._forms, 200)
    sounds = [form for form, _e, _n, _f in matcher._phonetic_index()][:200]
    pairs = [(f, folded_form(n)) for f in forms for n in rnd.sample(names, 6)]
    pairs += [(f, phonetic_key(n)) for f in sounds for n in rnd.sample(names, 6)]
    pairs += [("".join(rnd.choice("abc") for _ in range(rnd.randrange(0, 12))),
               "".join(rnd.choice("abc") for _ in range(rnd.randrange(0, 12))))
              for _ in range(2000)]
    sm = difflib.SequenceMatcher(autojunk=False)
    for a, b in pairs:
        lcs = common_subsequence(place_masks(b), len(b), a)
        assert lcs == _lcs(a, b) == common_subsequence(place_masks(a), len(a), b), (a, b)
        if a or b:
            sm.set_seqs(a, b)
            assert 2.0 * lcs / (len(a) + len(b)) >= sm.ratio(), (a, b)


@pytest.mark.parametrize("n", [1, 2, 5, 40])
def test_shortlist_ties_and_sizes(n) -> None:
    """Ties (equal scores from different counts and lengths) come in the counter's order, as
    ``nlargest`` gives them, whatever the number asked."""
    rnd = random.Random(n)
    for _ in range(300):
        lengths = [rnd.randrange(4, 30) for _ in range(200)]
        counter = Counter({rnd.randrange(200): rnd.randrange(1, 12) for _ in range(150)})
        n_q = rnd.randrange(6, 40)
        full = _full_ranking(counter, n_q, lengths, n)
        assert _shortlist(counter, n_q, lengths, n) == full


def test_word_index_is_the_full_scan(matcher, names) -> None:
    entities = matcher.registry.entities
    position = {id(e): k for k, e in enumerate(entities)}
    for e in entities:  # every entity is listed under every word of its names ...
        for word in {w for ws in _name_words(e) for w in ws}:
            assert any(x is e for x in matcher._having_word(word)), (e.key, word)
    for word, held in matcher.__dict__["_word_index"].items():  # ... and under no other
        ks = [position[id(e)] for e in held]
        assert ks == sorted(set(ks)), word  # in the registry's order, once each
        assert all(any(word in ws for ws in _name_words(e)) for e in held), word
    assert list(matcher._having_word("no-such-word")) == []
    assert matcher._having_word(None) is entities
    rnd = random.Random(19)
    runs = sorted({tuple(ws[i:i + k]) for e in entities for ws in _name_words(e)
                   for k in (1, 2, 3) for i in range(len(ws) - k + 1)})
    runs = rnd.sample(runs, 60)
    runs += [tuple(folded_form(w) for w in n.split()[:2]) for n in rnd.sample(names, 60)]
    for words in runs:  # and the readings' scans give what the full scan gives
        n = len(words)
        full = [e for e in entities if e.kind in STATE_KINDS and any(
            tuple(ws[i:i + n]) == words for ws in _name_words(e)
            for i in range(len(ws) - n + 1))]
        fast = [e for e in matcher._having_word(words[0] if words else None)
                if e.kind in STATE_KINDS and any(
                    tuple(ws[i:i + n]) == words for ws in _name_words(e)
                    for i in range(len(ws) - n + 1))]
        assert fast == full, words


def test_glossary_singular_names_made_once(matcher) -> None:
    calques = matcher._calques
    keys = list(calques._index)
    asked = {frozenset(list(k)[:j]) for k in keys[:150] for j in (1, 2)}
    for words in sorted(asked, key=sorted):
        sing = frozenset(singular_form(w) for w in words)
        full = []
        for key, held in calques._index.items():
            key = frozenset(singular_form(w) for w in key)
            if sing < key:
                full += [(ent, text, len(key) - len(sing)) for ent, text in held]
        assert calques.containing(words, singular=True) == full
    # (session 26: the generic-body reading walks the same singular names, in the index's order)
    assert [(set(k), h) for k, h in calques.singular_keys()] == [
        ({singular_form(w) for w in key}, held) for key, held in calques._index.items()]


def test_glossary_containing_by_word_is_the_full_scan(matcher, names) -> None:
    """Session 28: ``Calques.containing`` tests only the names that hold the rarest of the
    words asked (an index of each word's names): it gives what the scan of every name gives,
    in its order, with and without the singular, for both glossaries of the matcher; asked
    of no word, of words no name holds, of a name's whole words (no name holds more) and of
    the parts of the names and of the lists' names."""
    rnd = random.Random(28)
    for calques in (matcher._calques, matcher._press_calques):
        keys = list(calques._index)
        assert len(keys) > 100
        asked: set[frozenset[str]] = {frozenset(), frozenset({"no-such-word"}),
                                      frozenset({"commission", "no-such-word"})}
        for k in keys:
            ws = sorted(k)
            asked.add(k)
            for j in (1, 2, 3):
                if len(ws) > j:
                    asked.add(frozenset(rnd.sample(ws, j)))
        asked |= {content_words(n) for n in names[:400]}
        for words in sorted(asked, key=sorted):
            for singular in (False, True):
                w = frozenset(singular_form(x) for x in words) if singular else words
                full = []
                for key, held in calques._index.items():
                    if singular:
                        key = frozenset(singular_form(x) for x in key)
                    if w < key:
                        full += [(ent, text, len(key) - len(w)) for ent, text in held]
                assert calques.containing(words, singular=singular) == full, (words, singular)


def test_organisations_by_bare_word_are_the_full_scan(matcher, names) -> None:
    """Session 28: the described-acronym reading's organisations holding a word
    (``Frames._organisations_with_word``, an index) are those the scan of every entity gives,
    in the registry's order: for every word of the index, the lists' names' words and words no
    organisation holds."""
    orgs = [e for e in matcher.registry.entities if e.kind in KIND_GROUPS["organisation"]]
    words = {w for e in orgs for w in _bare_words(e)}
    assert len(words) > 500
    words |= {folded_form(w).replace("-", "") for n in names for w in n.split()}
    words |= {"", "no-such-word", "nosuchword"}
    for word in sorted(words):
        assert matcher._organisations_with_word(word) == [
            e for e in orgs if word in _bare_words(e)], word


def _bounds(a: str, b: str) -> tuple[float, float]:
    """The fuzzy and phonetic readings' upper bounds of difflib's ratio of ``a`` and ``b``, as
    they compute them (the letters ``a`` and ``b`` share counted by builtins)."""
    la, lb, c = len(a), len(b), Counter(a)
    shared = sum(map(min, c.values(), map(Counter(b).get, c, repeat(0))))
    return 2.0 * min(la, lb) / (la + lb), 2.0 * shared / (la + lb)


def test_ratio_bounds_are_difflibs(matcher, names) -> None:
    """The bounds the readings compute without a SequenceMatcher are difflib's own
    ``real_quick_ratio`` and ``quick_ratio``, to the last bit, on names and registry forms."""
    rnd = random.Random(19)
    forms = rnd.sample(matcher._forms, 300)
    sounds = [form for form, _e, _n, _f in matcher._phonetic_index()][:300]
    sm = difflib.SequenceMatcher(autojunk=False)
    pairs = [(f, folded_form(n)) for f in forms for n in rnd.sample(names, 8)]
    pairs += [(f, phonetic_key(n)) for f in sounds for n in rnd.sample(names, 8)]
    for a, b in pairs:
        if not b:
            continue
        sm.set_seqs(a, b)
        assert _bounds(a, b) == (sm.real_quick_ratio(), sm.quick_ratio()), (a, b)


def test_seat_words_index_is_the_full_scan(matcher) -> None:
    """Session 26: the organisations ``_seat_domain`` tests for a description's words, from
    the index of each word's organisations, are those a scan of every entity gives (not in
    conflict, every word held by their English names), in the registry's order."""
    orgs = [e for e in matcher.registry.entities
            if e.kind in KIND_GROUPS["organisation"] and e.confidence != "conflicting"]
    rnd = random.Random(26)
    vocabulary = sorted({w for e in orgs for w in _seat_words(e)})
    asked = [[]] + [[w] for w in rnd.sample(vocabulary, 150)]
    asked += [sorted(rnd.sample(sorted(_seat_words(e)), min(k, len(_seat_words(e)))))
              for e in rnd.sample(orgs, 150) for k in (2, 3) if _seat_words(e)]
    asked += [[w, rnd.choice(vocabulary)] for w in rnd.sample(vocabulary, 100)]
    asked += [["bank"], ["atomic", "energy"], ["no-such-word"], ["bank", "no-such-word"]]
    for want in asked:
        full = [e for e in orgs if all(w in _seat_words(e) for w in want)]
        assert list(map(id, matcher._holding_seat_words(want))) == list(map(id, full)), want


def test_field_body_index_keeps_every_body_the_scan_reads(matcher) -> None:
    """Session 26: for every organisation as the owner ``_field_body`` reads bodies of, the
    organisations the index gives hold every one whose names pass the reading's first test (a
    name holding all the owner's words, two or more; one of its acronyms among a name's
    tokens; or all its place words), and come in the registry's order."""
    matcher._field_orgs_saying((), ())  # made once
    orgs = matcher.__dict__["_field_orgs"]
    place = {id(e): i for i, e in enumerate(orgs)}
    tested = 0
    for owner in orgs:
        own_words = {singular_form(w) for w in content_words(owner.labels.get("en", ""))}
        own_codes = {a for a in owner.acronyms if len(a) >= 2}
        own_place = own_words - _ORG_GENERIC
        fast = matcher._field_orgs_saying(
            own_place or (own_words if len(own_words) > 1 else frozenset()), own_codes)
        ks = [place[id(e)] for e in fast]
        assert ks == sorted(set(ks)), owner.key
        full = [e for e in orgs if any(
            (len(own_words) > 1 and own_words <= words)
            or own_codes & set(n.replace(",", " ").split())
            or (own_place and own_place <= words) for n, words in _field_names(e))]
        assert {id(e) for e in full} <= set(map(id, fast)), owner.key
        tested += bool(full)
    assert tested > 500


def test_near_forms_remembered_answer_as_computed(matcher, names, monkeypatch) -> None:
    """Session 26: the fuzzy reading's near forms, remembered per folded name, give the
    answers a reading with nothing remembered gives, under every kind asked and for names
    written alike; a full store of them is forgotten, not grown."""
    kinds = [None, KIND_GROUPS["state"], KIND_GROUPS["organisation"], frozenset({"state"})]
    sample = names[::7]

    def answer(r):
        return (r.query, [(c.entity.iri, c.score, c.match, c.method, c.evidence)
                          for c in r.candidates], r.ambiguous, r.note)

    fresh = {}
    for name in sample:
        for k in kinds:
            matcher.__dict__.pop("_fuzzy_near", None)
            fresh[name, k] = answer(matcher._fuzzy(name, name, k))
    matcher.__dict__.pop("_fuzzy_near", None)
    monkeypatch.setattr(fuzzy_module, "NEAR_KEPT", 50)
    for k in reversed(kinds):
        for name in sample:
            assert answer(matcher._fuzzy(name, name, k)) == fresh[name, k], (name, k)
            assert len(matcher.__dict__["_fuzzy_near"]) <= 50
    for name in sample[:50]:  # written alike: the same folded name
        for k in kinds:
            got = answer(matcher._fuzzy(name.upper(), name.upper(), k))
            matcher.__dict__.pop("_fuzzy_near", None)
            assert got == answer(matcher._fuzzy(name.upper(), name.upper(), k)), (name, k)


def test_sound_forms_are_the_index_a_reader_walks(matcher) -> None:
    """Session 26: the phonetic reading walks, per tier, the forms of the phonetic index of
    that tier in its order, less only those whose length fails the first bound of the ratio
    for every key (then each key skips them)."""
    index = matcher._phonetic_index()
    for tier in (True, False):
        full = [(form, e, name) for form, e, name, first in index if first is tier]
        entries, lengths = matcher._phonetic_tiers()[tier]
        assert entries == full and lengths == [len(f) for f, _e, _n in full]
        for key_lengths in [[k] for k in range(1, 70)] + [[k, k + d] for k in range(1, 60, 3)
                                                          for d in (-2, -1, 1, 3)]:
            kept = [(form, e, name) for form, e, name in full if any(
                not 2.0 * min(len(form), lb) / (len(form) + lb) < TRANSLIT_FLOOR
                for lb in key_lengths)]
            assert list(matcher._sound_forms(tier, key_lengths)) == kept, key_lengths


def test_prefix_and_suffix_scans_of_frozen_units_are_the_full_ones(matcher, names) -> None:
    """Session 26: the state forms are frozen, and the prefix and suffix scans make their
    lengths and reversed forms once for a frozen set of units: they give what the same scans
    of a plain set (made per call) give, on every list's names and variants of them."""
    frozen = matcher._state_forms
    assert isinstance(frozen, frozenset)
    plain = set(frozen)
    both = frozen | matcher._vi_org_heads
    for name in names:
        words = [folded_form(w) for w in name.split()]
        for units, as_set in ((frozen, plain), (both, set(both))):
            assert _prefix_ends(words, units) == _prefix_ends(words, as_set), name
            assert _suffix_starts(words, units) == _suffix_starts(words, as_set), name


def test_leaders_of_states_from_the_index_are_the_walk(matcher) -> None:
    """Session 26: the tenures of a set of states, from the index by state, are those a walk
    of every tenure gives, in its order (``Leaders.named_like`` reads them)."""
    leaders = matcher.reference.leaders
    states = sorted({t.state for ts in leaders.by_name.values() for t in ts})
    assert len(states) > 100
    rnd = random.Random(26)
    asked = [set(), {"no-such-state"}] + [set(rnd.sample(states, k)) for k in (1, 2, 3, 5, 20)
                                          for _ in range(40)]
    for among in asked:
        walk = [t for ts in leaders.by_name.values() for t in ts if t.state in among]
        assert leaders._of_states(frozenset(among)) == walk
        assert leaders._of_states(among) == walk
        assert leaders._of_states(sorted(among)) == walk  # (no set: the walk itself)


def test_remembered_sounds_and_iy_forms_are_computed_ones(names) -> None:
    """Session 26: ``phonetic_key``, ``_iy_form`` and ``_holder_words`` are remembered (``lru_cache``): asked
    again, they give what the function computes afresh."""
    for name in names:
        for f in (phonetic_key, _iy_form, _holder_words):
            first = f(name)
            assert f(name) == first == f.__wrapped__(name), (f.__name__, name)
