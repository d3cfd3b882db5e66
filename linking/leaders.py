"""Round 21: the effective leaders of states (Archigos 4.1), for names that give a state by its
leader ("Tiệp Khắc thời Husák", "Putin's Russia", "Tây Đức thời Helmut Kohl").

One tenure is a leader's name as Archigos writes it (ASCII, usually the surname: "Husak",
"Kohl", "Thaksin Shinawatra"), the registry state the Gleditsch-Ward code named on those days
(a tenure across a change of state is split, as ``loaders/archigos.py`` splits it: Lenin's is
the RSFSR's, then the Soviet Union's) and its years. Read from ``peace-science/archigos.csv``
with ``registry/state-periods.csv`` (:meth:`Leaders.from_data`) or from the graph the build
wrote from them, ``dgg:dataset/archigos`` (:meth:`Leaders.from_store`), so that a server reads
only its store. Empty when the data set is absent.

>>> lead = Leaders.from_data()
>>> sorted({(t.state.rsplit('/', 1)[1], t.start, t.end) for t in lead.named("Husák")})
[('CSK', 1968, 1989)]
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

import pyoxigraph as ox

from ..graph.namespaces import GRAPH
from .normalise import folded_form as _folded_form

#: round 26: letters of a leader's name that have no combining mark to strip ("Gomułka",
#: Archigos' "Gomulka"; "Løkke"), read as the Latin letter they are written for
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O"})


def folded_form(text: str) -> str:
    """:func:`~.normalise.folded_form` with :data:`_LETTERS` read first."""
    return _folded_form(text.translate(_LETTERS))

#: every tenure of ``dgg:dataset/archigos``: the leader's name, the state, the days
TENURES_QUERY = f"""
PREFIX dg: <https://diplograph.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?f ?name ?state ?start ?end WHERE {{
  GRAPH <{GRAPH("dataset/archigos")}> {{
    ?f a dg:LeaderTenure ; dg:leader ?p ; dg:state ?state ; dg:startDate ?start .
    ?p rdfs:label ?name .
    OPTIONAL {{ ?f dg:endDate ?end }}
  }}
}}
"""

#: the last year Archigos 4.1 observes (a leader still in office then has no end)
_LAST_YEAR = 2015


@dataclass(frozen=True)
class Tenure:
    """A leader's tenure of one state: Archigos' name, the state's IRI, first and last year."""

    name: str
    state: str
    start: int
    end: int
    #: Archigos' spell (``obsid``): the parts of a tenure split between states share it
    spell: str = ""


@dataclass(frozen=True)
class Leaders:
    """The tenures by the folded forms of the leader's name: the whole name, its last word
    (the surname) and, for a name of several words, its first ("Thaksin")."""

    by_name: Mapping[str, tuple[Tenure, ...]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.by_name)

    def named(self, text: str, among: Container[str] | None = None) -> tuple[Tenure, ...]:
        """The tenures of the leaders ``text`` names: the whole text as a name or a word of
        one; else, for several words, its last word ("Helmut Kohl": Kohl). Nothing when
        leaders of several names hold it.

        Round 23: ``among``, the IRIs of the states a name names ("Franco's Spain": Spain and
        the states of its name and succession), keeps the tenures of those states only; of
        several names left, the leader whose whole name is the word read ("Fidel Castro":
        Archigos' "Castro" of Cuba, not "Raul Castro")."""
        words = [folded_form(w) for w in text.replace("-", " ").split()]
        key = " ".join(words)
        got = self.by_name.get(key, ())
        if not got and len(words) > 1 and _a_name(words[-1]):
            key = words[-1]
            # round 23: the word read as a surname, not as another word of a leader's name:
            # the leader's other words must be in the text ("Helmut Kohl": Kohl; "Càn Long"
            # is not "Kou Abhay Og Long", "Qianlong Emperor" not an "Emperor" of Archigos)
            # (round 36: an initial of the leader's name is held by a word of the text
            # that begins with it: "Mark Rutte", Archigos' "M. Rutte")
            got = tuple(t for t in self.by_name.get(key, ())
                        if all(any(w.startswith(x) for w in words[:-1]) if len(x) == 1
                               else x in words or x in _ARTICLES and _ARTICLES & set(words)
                               for x in set(_folded_name(t.name).split()) - {key}))
        if among is not None:
            got = tuple(t for t in got if t.state in among)
            if len({t.name for t in got}) > 1:
                whole = tuple(t for t in got if _folded_name(t.name) == key)
                # round 24: else leaders of one surname who led the same one state of those
                # named (the Duvaliers of Haiti) name that state, with all their tenures
                one_state = len({t.state for t in got}) == 1
                if len({t.name for t in whole}) == 1:
                    return whole
                return got if one_state and not whole else ()
        # leaders of different names that share the word ("Shah": Mohammed Ali Shah, Ahmad
        # Shah) are no one leader: a title or a common word, not read
        return got if len({t.name for t in got}) == 1 else ()

    def _of_states(self, among: Container[str]) -> list[Tenure]:
        """Session 26: the tenures of the states ``among`` in the order a walk of every
        tenure (``by_name``'s, in turn) gives them; for a set of states, from an index of each
        state's tenures with their places in that walk, made once."""
        if not isinstance(among, set | frozenset):
            return [t for ts in self.by_name.values() for t in ts if t.state in among]
        index = self.__dict__.get("_by_state")
        if index is None:
            index = {}
            for place, t in enumerate(t for ts in self.by_name.values() for t in ts):
                index.setdefault(t.state, []).append((place, t))
            object.__setattr__(self, "_by_state", index)  # (a frozen dataclass: no field)
        return [t for _place, t in sorted(
            (x for state in among for x in index.get(state, ())), key=itemgetter(0))]

    def named_like(self, text: str, among: Container[str]) -> tuple[Tenure, ...]:
        """Round 25: the tenures of the one leader of the states ``among`` (the IRIs of the
        states a name names; required) whose name Archigos writes otherwise than ``text``:
        its surname and the initial of the first name ("Indira Gandhi": "Gandhi I"), the last
        words of a longer name ("Ben Ali": "Zine al Abidine Ben Ali"), a word of the name
        spelt another way by its sounds (:func:`_sound_key`: "Gaddafi", "Kadhafi":
        "Qaddafi"; every word of the text, four letters or more, a word of the name); round
        36: one word, a word of the name less its last letter ("Zog": "Zogu").
        Nothing when no leader or leaders of several names of those states fit."""
        words = [folded_form(w) for w in text.replace("-", " ").split()]
        if not words or not all(w.isalpha() for w in words):
            return ()
        keys = {_sound_key(w) for w in words if _a_name(w) and len(w) >= 4}

        def written_so(name: list[str]) -> bool:
            return (len(name) == 2 and len(name[1]) == 1 and len(words) >= 2
                    and name[0] == words[-1] and words[0].startswith(name[1])
                    or len(words) >= 2 and len(name) > len(words)
                    and name[-len(words):] == words)

        def sounds_so(name: list[str]) -> bool:
            # every word of the text a word of the name by its sounds ("Gaddafi": "Qaddafi")
            held = {_sound_key(w) for w in name}
            return bool(keys) and len(keys) == len(words) and keys <= held

        def ended_so(name: list[str]) -> bool:
            # round 36: one word, three letters or more, written without the last letter of
            # a word of the name (the name as the press shortens it: "Zog", Archigos' "Zogu")
            return (len(words) == 1 and len(words[0]) >= 3
                    and any(len(n) == len(words[0]) + 1 and n.startswith(words[0])
                            for n in name))

        tiers: list[Callable[[list[str]], bool]] = [written_so, sounds_so, ended_so]
        # (session 26: the tenures of those states from an index by state, in the order a
        # walk of every tenure gives them)
        held = self._of_states(among)
        mine: dict[str, list[Tenure]] = {t.name: [] for t in held}
        for t in held:
            if t not in mine[t.name]:
                mine[t.name].append(t)
        # the ways a name may be written otherwise, in turn: the first that fits one leader
        for fits in tiers:
            got = [n for n in mine if fits(_folded_name(n).split())]
            if len(got) == 1:
                return tuple(mine[got[0]])
            if got:
                return ()
        return ()

    @classmethod
    def from_tenures(cls, rows: list[Tenure]) -> Leaders:
        out: dict[str, list[Tenure]] = defaultdict(list)
        # (in one order whatever the source: the data files and the store give the rows in
        # different orders, and the evidence lists them)
        for t in sorted(rows, key=lambda t: (t.start, t.end, t.state, t.name, t.spell)):
            words = [folded_form(w) for w in t.name.replace("-", " ").split()]
            keys = {" ".join(words)}
            if len(words) > 1:
                # (a regnal number or an initial is no name: "Ludwig II", "George V")
                keys |= {w for w in (words[-1], words[0]) if _a_name(w)}
            for k in keys:
                if k and t not in out[k]:
                    out[k].append(t)
        return cls({k: tuple(v) for k, v in out.items()})

    @classmethod
    def from_data(cls, data_dir: Path | None = None) -> Leaders:
        """From ``peace-science/archigos.csv`` and the state periods of ``data_dir``."""
        from ..loaders.registry import default_data_dir
        from ..loaders.state_periods import StatePeriods

        folder = Path(data_dir or default_data_dir())
        path = folder / "peace-science" / "archigos.csv"
        if not path.is_file():
            return cls()
        periods = StatePeriods.load(folder)
        rows: list[Tenure] = []
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                try:
                    start = dt.date.fromisoformat(row["startdate"])
                    end = dt.date.fromisoformat(row["enddate"])
                    parts = periods.split_dates("gw", int(row["gwcode"]), start, end)
                except Exception:  # noqa: BLE001, S112 - a row the loader reports is left out
                    continue
                # a leader still in office when the data end has no end in the graph
                # (loaders/archigos.py): the last year observed, as :meth:`from_store` reads it
                still = row["exit"] == "Still in Office"
                for i, (s, e, state) in enumerate(parts):
                    if state is not None:
                        last = still and i == len(parts) - 1
                        rows.append(Tenure(row["leader"], state, s.year,
                                           _LAST_YEAR if last else e.year, row["obsid"]))
        return cls.from_tenures(rows)

    @classmethod
    def from_store(cls, store: ox.Store) -> Leaders:
        """From ``dgg:dataset/archigos`` (empty when the data set is not built)."""
        rows = [Tenure(b["name"].value, b["state"].value, int(b["start"].value[:4]),
                       int(b["end"].value[:4]) if b["end"] is not None else _LAST_YEAR,
                       b["f"].value.split("/fact/archigos/", 1)[-1].split("/", 1)[0])
                for b in store.query(TENURES_QUERY)]
        return cls.from_tenures(rows)


#: round 36: the Arabic article as the romanisations write it ("el-Sisi", Archigos' "al-Sisi")
_ARTICLES = frozenset({"al", "el"})


def _folded_name(name: str) -> str:
    """A leader's whole name, folded as the keys of :attr:`Leaders.by_name` are."""
    return " ".join(folded_form(w) for w in name.replace("-", " ").split())


def _sound_key(word: str) -> str:
    """Round 25: a folded word as it sounds in the romanisations of one name ("gaddafi",
    "qaddafi", "kadhafi": "kadafi"): g, k or q first as k, dh, kh, th, ph as d, k, t, f, ou as
    u, a doubled letter once."""
    w = re.sub(r"^[gq]", "k", word)
    for a, b in (("dh", "d"), ("kh", "k"), ("th", "t"), ("ph", "f"), ("ou", "u")):
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w)


def _a_name(word: str) -> bool:
    """A word that can stand for a leader's name: three letters or more, no Roman numeral."""
    return len(word) >= 3 and not re.fullmatch(r"[ivxlc]+", word)
