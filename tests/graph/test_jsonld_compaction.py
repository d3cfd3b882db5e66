"""The JSON-LD compactor's namespace pattern (a prefix trie) picks what the plain longest-first
alternation picks: the same compacted bytes, on IRIs built to trip it."""

from __future__ import annotations

import random
import re

import pyoxigraph as ox
import pytest

from diplograph.graph.errors import DiplographError
from diplograph.graph.jsonld import _SEPARATOR, JSONLD_CONTEXT, JsonLdCompactor, _trie

CONTEXT = {**JSONLD_CONTEXT, "ex": "http://example.org/", "exa": "http://example.org/a/",
           "exab": "http://example.org/a/b#", "exc": "http://example.org/c/"}


def _alternation(context: dict[str, str]) -> re.Pattern[bytes]:
    """The pattern as it was before the trie: every namespace, longest first."""
    spaces = sorted(context.values(), key=lambda ns: -len(ns))
    names = sorted((n.encode() for n in context), key=lambda n: -len(n))
    return re.compile(_SEPARATOR + rb"(?:(" + b"|".join(re.escape(ns.encode()) for ns in spaces)
                      + rb")(?!//)|(" + b"|".join(map(re.escape, names)) + rb"):)")


def _iris() -> list[str]:
    tails = ["", "x", "a", "a/", "a/b", "a/b#", "a/b#c", "//x", "a///y", "c/", "c/d", "Q42"]
    iris = [ns + t for ns in sorted(set(CONTEXT.values())) for t in tails]
    iris += ["http://example.org", "https://example.org/x", "urn:x:y", "http://other/x"]
    return [i for i in iris if i.count("#") <= 1]  # the others are not IRIs


def test_the_trie_matches_the_longest_word_like_the_alternation() -> None:
    words = [b"http://a/", b"http://a/b/", b"http://a/b/c#", b"http://ab/", b"https://a/"]
    trie = re.compile(b"(" + _trie(words) + b")(?!//)")
    plain = re.compile(b"(" + b"|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                       + b")(?!//)")
    for text in (b"http://a/b/c#x", b"http://a/b/c//", b"http://a/b/x", b"http://ab/",
                 b"http://a/b//", b"https://a/x", b"http://a", b"http://b/"):
        m, n = trie.match(text), plain.match(text)
        assert (m and m.group(1)) == (n and n.group(1)), text


def test_compacted_bytes_are_those_of_the_plain_alternation() -> None:
    new = JsonLdCompactor(CONTEXT)
    old = JsonLdCompactor(CONTEXT)
    old._pattern = _alternation(CONTEXT)
    checked = 0
    iris = _iris()
    rng = random.Random(18)
    for s, p, o in ((rng.choice(iris), rng.choice(iris), rng.choice(iris)) for _ in range(3000)):
        if p.endswith("//x") or p.endswith("a///y"):
            continue
        triples = [ox.Triple(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o)),
                   ox.Triple(ox.NamedNode(s), ox.NamedNode(p),
                             ox.Literal("v", datatype=ox.NamedNode(o)))]
        body = ox.serialize(triples, format=ox.RdfFormat.JSON_LD)
        assert new.compact(body) == old.compact(body)
        assert new.compact_iri(s) == old.compact_iri(s)
        checked += 1
    assert checked > 1000


@pytest.mark.parametrize("iri", ["ex:thing", "exab:x", "dg:y"])
def test_an_iri_that_reads_as_a_compact_iri_is_still_refused(iri: str) -> None:
    body = ox.serialize([ox.Triple(ox.NamedNode("http://example.org/s"),
                                   ox.NamedNode("http://example.org/p"), ox.NamedNode(iri))],
                        format=ox.RdfFormat.JSON_LD)
    with pytest.raises(DiplographError, match="would read as a compact IRI"):
        JsonLdCompactor(CONTEXT).compact(body)


def test_the_one_type_arrays_rewritten_apart_give_the_bytes_of_the_single_pass() -> None:
    """``_type_keyword`` (the arrays of one type split out and formatted in C, then the others)
    gives exactly what the one ``_TYPES.sub`` with its callback gave, on node objects with no
    type, one, several, blank-node types and types beside other keys."""
    from diplograph.graph.jsonld import _TYPES, _type_keyword, _types

    rng = random.Random(23)
    values = ['"e:A"', '"e:B-c"', '"_:b1"', '"http://x/y"', '"dg:T"']
    checked = 0
    for _ in range(2000):
        nodes = []
        for k in range(rng.randint(1, 4)):
            keys = [f'"@id":"e:s{k}"']
            for _ in range(rng.randint(0, 2)):
                types = ",".join('{"@id":' + rng.choice(values) + "}"
                                 for _ in range(rng.randint(1, 3)))
                keys.append(f'"rdf:type":[{types}]')
                keys.append('"e:p":[{"@id":"e:o"},"rdf:type"]')
            rng.shuffle(keys)
            nodes.append("{" + ",".join(keys) + "}")
        text = ",".join(nodes).encode()
        assert _type_keyword(text) == _TYPES.sub(_types, text), text
        checked += text.count(b'"rdf:type":[{')
    assert checked > 2000
