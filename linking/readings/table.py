"""The readings of a name, in the one order :meth:`~diplograph.linking.matcher.Matcher.match`
tries them.

Each row names a reading, the tuning round it came from (``None``: before the numbered rounds,
or no round recorded), what it reads in one line, the method that reads it and what that
method is given. ``match`` walks the table: a ``reading`` row is tried while no row before it
has read the name (a match, an ambiguity or a no-match with a note all count as read); the
``fallback`` row (the fuzzy reading) always answers; the ``retry`` rows are tried after it, in
order, while its answer is no match and no ambiguity. The answer of a ``finished`` row is
returned as it is. A new reading is one row here and one
method in its family's module. Reads no name itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..candidates import MatchResult
from .acronyms import Acronyms
from .calques import CalqueReadings
from .frames import Frames
from .fuzzy import Fuzzy
from .generic import GenericBodies
from .institutions import Institutions
from .long_forms import LongForms
from .lookup import Lookup
from .offices import Offices
from .pairs import Pairs
from .periods import Periods
from .qualifiers import Qualifiers
from .regimes import Regimes
from .rewrites import Rewrites
from .rulers import Rulers
from .seats import Seats
from .short_forms import ShortForms
from .sounds import Sounds

#: what a reading may be given, the names of :meth:`Matcher.match`'s values: the name as
#: given (``query``), stripped (``text``), the ``kind`` hint as given and as registry kinds
#: (``kinds``), the ``lang`` hint and the ``limit``
GIVEN = ("query", "text", "kind", "kinds", "lang", "limit")
STAGES = ("reading", "fallback", "retry")


@dataclass(frozen=True)
class Reading:
    """One row of :data:`READINGS`."""

    name: str
    #: the tuning round the reading came from; None: before the numbered rounds (or none named)
    round: int | None
    #: what it reads, in one line
    doc: str
    #: the method that reads it (a method of a mixin of :class:`Matcher`)
    read: Callable[..., MatchResult | None]
    #: what ``read`` is given after the matcher, in order (names of :data:`GIVEN`)
    takes: tuple[str, ...]
    stage: str = "reading"
    #: its answer is already one of ``match`` (the name written another way and matched
    #: again): returned as it is, without joining the records of one body, the '+' check or
    #: the limit a second time
    finished: bool = False


_QT = ("query", "text", "kinds")
_QTL = ("query", "text", "kinds", "lang")

#: every reading, in the order they are tried
READINGS: tuple[Reading, ...] = (
    Reading("as-written", None, "ambiguous and preferred lists, codes, labels, aliases and "
            "extra names, exact then folded", Lookup._match, ("text", "kinds", "lang")),
    Reading("local-office", 22, "an organisation's office in a place: no match, the body in "
            "the note; a UN agency's country or regional office: the agency (session 26, F)",
            Offices._local_office, ("query", "text", "lang")),
    Reading("rewritten", None, "the name written another way (abbreviations, word order, "
            "'và', region, regime and press words...), matched again", Rewrites._rewritten,
            ("query", "text", "kind", "lang", "limit"), finished=True),
    Reading("acronym-in-brackets", 16, "a name with an acronym in brackets the body must hold",
            Qualifiers._acronym_in_brackets, ("query", "text", "kind", "lang", "limit")),
    Reading("qualified", None, "a name with a qualifier in brackets ('WTO (tourism)', "
            "'Yemen (Aden)')", Qualifiers._bracketed, _QTL),
    Reading("inverted", None, "a name written inverted ('Korea, South')", Qualifiers._inverted,
            _QTL),
    Reading("federation", 29, "a federation named after one of today's states none of whose "
            "names is a federation's ('the Mali Federation', 'Liên bang Mali năm 1960'): no "
            "match, the state the closest", Regimes._federation, _QTL),
    Reading("years-after", 15, "a span of years after the name ('Germany 1949–1990')",
            Periods._years_after, _QT),
    Reading("century-after", 18, "a century after the name ('Russia in the 19th century')",
            Periods._century_after, _QT),
    Reading("ruler", 17, "a state's regime by its ruler or dynasty ('Tito's Yugoslavia')",
            Rulers._by_ruler, _QT),
    Reading("pair-of-states", 22, "two states named together ('the two Koreas'): ambiguous",
            Pairs._pair_of_states, _QTL),
    Reading("capital-government", 21, "a capital for its state's government ('the Kigali "
            "government')", Seats._capital_government, _QT),
    Reading("region-frame", 22, "a state after region, kind and regime words ('the West "
            "African state of Benin')", Frames._region_frame, _QTL),
    Reading("epithet-frame", 24, "a state after the press's epithets, no frame ('landlocked "
            "Paraguay')", Frames._epithet_frame, _QTL),
    Reading("role-frame", 21, "a state by its role of the moment ('ASEAN chair Laos')",
            Frames._role_frame, _QTL),
    Reading("capital-after-hyphen", 13, "a state with its capital after a hyphen "
            "('Guinea-Conakry')", Qualifiers._capital_after_hyphen, _QTL),
    Reading("official-form", None, "a state's official long form ('Kingdom of Norway', "
            "'Vương quốc Na Uy')", LongForms._official_form, _QTL),
    Reading("islands", 14, "a state of islands with or without its word for islands",
            ShortForms._islands, _QTL),
    Reading("bare-long-form", 15, "a long form's words without the name ('the Hashemite "
            "Kingdom')", ShortForms._bare_long_form, _QT),
    Reading("former", None, "'former Soviet Union', 'Nam Tư cũ': a historical state or an "
            "older name", Regimes._former, _QTL),
    Reading("ordinal-republic", 28, "a period name of a republic ('the Second Polish "
            "Republic', 'Đệ tứ Cộng hòa Pháp'): today's state where COW counts it throughout "
            "(convention D), or the registry's record", Regimes._ordinal_republic, _QTL),
    Reading("older-order", 7, "a long form in the older Vietnamese word order ('Mông Cổ Nhân "
            "dân Cộng hòa')", ShortForms._older_order, _QTL),
    Reading("vi-abbreviation", 7, "Vietnamese long-form words by their initials ('CHDCND "
            "Lào')", ShortForms._vi_abbreviation, _QTL),
    Reading("transliteration", None, "a state's name as it sounds in Vietnamese "
            "('Ác-hen-ti-na')", Sounds._sounds_of_state, _QT),
    Reading("field-body", 25, "an organisation's body by its field ('the EU's space agency', "
            "'tòa án của khối ECOWAS'); round 30: an organ by its role (organ_roles.yaml: 'the "
            "EU legislature')", Offices._field_body, _QTL),
    Reading("calque", None, "a Vietnamese name of an organisation read word by word",
            CalqueReadings._calque, _QT),
    Reading("institution", None, "a body of an organisation ('UN Secretariat'; 'ASEAN Summit' "
            "is no match)", Institutions._institution, _QTL),
    Reading("org-head", None, "a Vietnamese generic word before an organisation ('Khối "
            "NATO')", Acronyms._org_head, _QTL),
    Reading("initialism", None, "a name written as its words' initials ('HĐBA', 'VNCH', "
            "'IORA')", Acronyms._initialism, _QT),
    Reading("split-acronym", 8, "an acronym whose capitals are one entity's acronym with "
            "lower-case letters", Acronyms._split_only, _QT),
    Reading("numbered", 17, "a grouping by words and a number ('Group of Seven')",
            Acronyms._numbered, _QT),
    Reading("generic-body", 8, "a generic name of a court or a council ('European Court')",
            GenericBodies._generic_body, _QT),
    Reading("press-frame", 19, "a name inside a press frame ('phía Nhật Bản')",
            Frames._press_frame, ("query", "text", "kind", "lang", "limit")),
    Reading("qualifier-frame", 20, "a known name with a qualifier around it",
            Frames._qualifier_frame, ("query", "text", "kind", "kinds", "lang", "limit")),
    Reading("government-form", 26, "a state's government by its name or adjective ('the "
            "Kazakh authorities', 'Slovenia's government'; round 46: its officials, side or "
            "form, 'Georgian officials', 'phía UAE', 'the Somali federal government')",
            Seats._government_form, _QT),
    Reading("named-acronym", 35, "a body's full name followed by its acronym ('Ngân hàng "
            "Phát triển Á-Âu EDB'): the name's body when the acronym agrees",
            Acronyms._named_acronym, _QTL),
    Reading("headed-acronym", 35, "a Vietnamese kind word and an acronym, then a "
            "description or a seat ('nhóm GIABA chống rửa tiền ở Dakar')",
            Acronyms._headed_acronym, _QTL),
    Reading("fuzzy", None, "a misspelt name (trigrams, then difflib), declined for an "
            "acronym in brackets or a transliteration", Fuzzy._fuzzy_read, _QT,
            stage="fallback"),
    Reading("un-body", 22, "'the UN <field> agency': the UN's body of that field",
            Offices._un_body, _QT, stage="retry"),
    Reading("ambiguous-variant", 7, "a spelling variant of an ambiguous name ('Corea'): "
            "ambiguous", Sounds._ambiguous_variant, _QT, stage="retry"),
    Reading("topic-body", 15, "a generic name of the bodies on one subject: ambiguous",
            GenericBodies._topic_body, _QT, stage="retry"),
    Reading("only-holder", 18, "content words all in one name of one body, the rest place "
            "words", GenericBodies._only_holder, _QT, stage="retry"),
)
