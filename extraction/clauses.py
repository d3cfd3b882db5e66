"""The clause reader (round 26): a fallback under the rules that reads a clause's roles, not
its surface form.

The rules each know a few surface forms of a fact; a new writer states the same fact another
way ("Greece, a member of NATO since 1952 and of the European Community since 1981", "Later in
1992 it entered both A and B", "It joined A on … and B on …") and no rule fires. The clause
reader finds, in each clause, a trigger of its lexicon (``extraction/clauses.yaml``: data a
user can read and extend), and fills the fact's slots by role:

- the **subject** before the trigger: the states right before it ("Greece, a member of"), a
  pronoun for the text's state ("It joined", "Nước này gia nhập"), or the subject a coordinated
  clause shares ("…, and joined");
- the **objects** after it: the registry organisations coordinated from right after the
  trigger ("A and B", "A, B và C", "of A … and of B"), a gap between two of them holding only
  dates, brackets and joining words;
- each object's **date**: its own ("A on 6 May 1963 and B on 1 July 1995", "A (1963)", "A since
  1952"), else the clause's one date before the trigger ("In 1992 it entered A and B").

A negated or modal trigger ("has not joined", "plans to join", "chưa gia nhập", "sẽ gia nhập"),
an object written as a possessive ("joined NATO's exercises") or a fact a rule already found
(the same member and organisation anywhere in the text) gives nothing: the reader only proposes
what no rule did, at a lower confidence, flagged ``clause-reader``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..graph import yaml_text
from ..graph.errors import DiplographError
from .context import (
    Candidate,
    Context,
    Sentence,
    clause_bounds,
    group_after,
    modal,
    narrowed,
    negated,
    no_member,
    pick_date,
    shared_subject,
    subject_group,
    window_before,
)
from .dates import DateMention
from .names import Mention

LEXICON_FILE = Path(__file__).resolve().parent / "clauses.yaml"
CONFIDENCE = 0.5
FLAG = "clause-reader"


#: the lexicon's sections and what each holds
_SECTIONS = {"blocked_before": "words", "object_not_before": "words", "membership": "entries",
             "relation": "entries", "relation_words": "words", "membership_end": "exit, effect",
             "membership_by_organisation": "entries", "body_named_before": "words"}


@lru_cache(maxsize=1)
def _data() -> dict:
    """The lexicon, checked: a missing section or a word that is no regular expression is
    refused with the file, the section and the entry."""
    path = LEXICON_FILE
    data = yaml_text.load_mapping(path)
    for section, holds in _SECTIONS.items():
        if section not in data:
            raise DiplographError("bad-input", f"{path}: section {section!r} ({holds}) missing")
    words: list[tuple[str, object]] = []
    for section in ("blocked_before", "object_not_before", "relation_words", "body_named_before"):
        words += [(f"{section}[{i}]", w) for i, w in enumerate(data[section] or [])]
    for part in ("exit", "effect"):
        words += [(f"membership_end.{part}[{i}]", w)
                  for i, w in enumerate((data["membership_end"] or {}).get(part) or [])]
    for section, key in (("membership", "roles"), ("relation", "status"),
                         ("membership_by_organisation", "after")):
        for i, e in enumerate(data[section] or []):
            if not isinstance(e, dict) or key not in e or not e.get("words"):
                raise DiplographError("bad-input", f"{path}: {section}[{i}]: needs {key!r} and "
                                      "'words'")
            words += [(f"{section}[{i}].words[{j}]", w) for j, w in enumerate(e["words"])]
    for where, w in words:
        try:
            re.compile(str(w))
        except re.error as e:
            raise DiplographError("bad-input", f"{path}: {where}: {w!r} is no regular "
                                  f"expression ({e})") from e
    return data


@lru_cache(maxsize=1)
def blocked() -> re.Pattern[str]:
    """The words that, in the few words before a trigger, make it no fact ("applied to join",
    "nộp đơn xin gia nhập", "invited … to join")."""
    return re.compile(r"(?<!\w)(?:" + "|".join(_data()["blocked_before"]) + r")(?!\w)", re.I)


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(("" if w.startswith(",") else r"(?<!\w)") + f"(?:{w})(?!\\w)"
                               for w in words), re.I)


@lru_cache(maxsize=1)
def modifier_heads() -> re.Pattern[str]:
    """The nouns after an organisation that make it a modifier ("ASEAN leaders")."""
    return re.compile(r"\s*(?:" + "|".join(_data()["object_not_before"]) + r")(?!\w)", re.I)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[tuple[dict, re.Pattern[str]]]]:
    """The triggers of each fact type: (what they mean: ``roles`` of a membership, ``status``
    of a relation; one regular expression of all their words)."""
    return {fact_type: [({k: v for k, v in e.items() if k != "words"}, _words(e["words"]))
                        for e in entries]
            for fact_type, entries in _data().items() if fact_type in ("membership", "relation")}


@lru_cache(maxsize=1)
def exit_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The nominal exits and the verbs of taking effect of ``membership_end``."""
    d = _data()["membership_end"]
    return _words(d["exit"]), _words(d["effect"])


@lru_cache(maxsize=1)
def by_organisation() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """Round 49: the words of an organisation admitting a state, each with what must follow
    the member (``after``)."""
    return [(_words(e["words"]), re.compile(r"\s*(?:" + str(e["after"]) + r")(?!\w)"
                                            if e["after"] else "", re.I))
            for e in _data()["membership_by_organisation"]]


@lru_cache(maxsize=1)
def body_before() -> re.Pattern[str]:
    """Round 49: a word standing for the organisation named before ("acceded to it")."""
    return re.compile(r"\s*(?:(?:" + "|".join(_data()["body_named_before"]) + r")(?!\w))?", re.I)


@lru_cache(maxsize=1)
def relation_words() -> re.Pattern[str]:
    """The nouns of a relation ("diplomatic relations", "quan hệ ngoại giao")."""
    return _words(_data()["relation_words"])


#: the words a gap between two coordinated objects may hold besides dates and brackets
_FILLER = re.compile(r"(?:\b(?:and|of|the|both|in|on|since|from|as\s+well\s+as|also|then"
                     r"|respectively)\b|(?<!\w)(?:và|của|cả|từ|ngày|năm|tháng|vào|ngay|cũng"
                     r"|kể)(?!\w)|[\s,()])+", re.I)
#: the words between a trigger and its first object
_LEAD = re.compile(r"(?:\s|\b(?:the|both)\b|(?<!\w)(?:cả|tổ\s+chức\s+này)(?!\w))*", re.I)
#: a pronoun for the text's state right before the trigger ("It joined", "Nước này gia nhập",
#: "it has also been a member of")
_PRONOUN = re.compile(r"(?:^|[\s,;])(?:It|it|Nước\s+này|nước\s+này|The\s+country|the\s+country)"
                      r"(?:\s+(?:has|had|have|also|then|later|đã|cũng|sau\s+đó|was|is|been)"
                      r")*\s*$")


def _coordinated(ctx: Context, a: int, b: int) -> bool:
    """Only dates, brackets and joining words between ``a`` and ``b``."""
    gap = ctx.text[a:b]
    for d in reversed(ctx.dates_in(a, b)):
        gap = gap[: d.start - a] + " " + gap[d.end - a :]
    gap = re.sub(r"\((?:[^()]{0,12})\)", " ", gap)  # "(OPEC)", "(1963)" once dated
    return not _FILLER.sub("", gap).strip()


def _objects(ctx: Context, pos: int, b: int) -> list[Mention]:
    """The organisations coordinated from right after the trigger."""
    orgs = [m for m in ctx.mentions_in(pos, b) if m.is_org and m.key]
    if not orgs or _LEAD.fullmatch(ctx.text, pos, orgs[0].start) is None:
        return []
    out = [orgs[0]]
    for m in orgs[1:]:
        if not _coordinated(ctx, out[-1].end, m.start):
            break
        if re.fullmatch(r"\s*\(", ctx.text[out[-1].end : m.start]) and ctx.text[m.end : m.end + 1] \
                == ")":
            continue  # round 31: the acronym after its name ("… Hồi giáo (OIC) năm 1969")
        out.append(m)
    return [m for m in out if not re.match(r"['’]s\b", ctx.text[m.end : m.end + 3])
            and not modifier_heads().match(ctx.text, m.end)]


#: between an object and its own date: "A on 6 May 1963", "A (1963)", "A since 1952", "A ngay
#: từ năm 1969", "A (OPEC) tháng 7/1971"
_OWN_DATE_GAP = re.compile(r"\s*(?:\((?-i:[A-Z][\w&-]{1,9})\)\s*)?\(?\s*"
                           r"(?:(?:on|in|since|from|ngày|năm|từ|tháng|vào|ngay|kể)\s+)*", re.I)


def _own_date(ctx: Context, m: Mention, nxt: int) -> DateMention | None:
    """The date right after an object, before the next one ("A on 6 May 1963 and B …")."""
    ds = ctx.dates_in(m.end, nxt)
    if not ds or ds[0].value is None or ds[0].kind not in ("point", "since"):
        return None
    return ds[0] if _OWN_DATE_GAP.fullmatch(ctx.text, m.end, ds[0].start) else None


def _named(m: Mention) -> bool:
    """A state named as a state: not a capital or a city standing for its government
    ("BRUSSELS - Ten states joined …"), nor an adjective ("New Caledonia, a French territory,
    joined …")."""
    return m.is_state and m.key is not None and m.how in ("name", "acronym")


def _mend_dates(ctx: Context, listed: list[Mention], b: int, found: list[Candidate]) -> None:
    """Dates shared across coordinated objects, mended: a rule's membership of one object dated
    by another object's own date ("It joined A in the same year and B in 1973": A had 1973)
    takes its object's own date, flagged ``date-from-clause``."""
    own = []
    for i, m in enumerate(listed):
        nxt = listed[i + 1].start if i + 1 < len(listed) else b
        d = _own_date(ctx, m, nxt)
        own.append(d.value if d is not None and isinstance(d.value, str) else None)
    if len(listed) < 2 or len([v for v in own if v]) < 2:
        return
    labels = {ctx.label(m.key) for m in listed if m.key}
    for m, v in zip(listed, own, strict=True):
        label = ctx.label(m.key) if m.key else None
        for c in found:
            if c.data.get("organization") != label or not c.start <= m.start < c.end or not v \
                    or c.data.get("member") in labels:
                continue
            start = c.data.get("start")
            if start and start != v and start in own and "end" not in c.data:
                c.data["start"] = v
                c.flags = [*c.flags, "date-from-clause"]


def _subject(ctx: Context, s: Sentence, a: int, pos: int) -> tuple[list[Mention], int]:
    """The subject's states and where the subject starts (a pronoun's position for "It")."""
    # round 32: "A became independent from Britain … and was admitted to the UN …": the state
    # it left is no subject (as the rules read it since round 28)
    group = [m for m in subject_group(ctx, a, pos) if _named(m) and not _LEFT.search(
        ctx.text, max(0, m.start - 40), m.start)]
    if group and ctx.text[pos] == ",":
        group = group[-1:]  # an apposition: "For India, Greece, a member of NATO …"
    if group and pos - group[-1].end <= 40 and not re.search(r"[;:]", ctx.text[group[-1].end:pos]):
        return group, group[0].start
    p = _PRONOUN.search(ctx.text, max(a - 1, pos - 40, 0), pos)
    if p is not None:
        return _pronoun(ctx, s), p.end() - len(p.group().lstrip(" ,;"))
    shared = [m for m in shared_subject(ctx, s, pos) if _named(m)]
    if not shared and (_COORDINATED_AFTER_PRONOUN.match(ctx.text, s.start, pos) or (
            _COMMA_AFTER_PRONOUN.match(ctx.text, s.start, pos)
            and _JOIN_VERB.match(ctx.text, pos))):
        # "Nước này gia nhập A ngày … và năm 1981 là một trong sáu nước thành lập B"; round
        # 31: "Nước này là thành viên sáng lập A (1963), tham gia B năm 1969 và C năm 1980"
        return _pronoun(ctx, s), pos
    return shared, pos


#: round 32: the state a clause's subject became independent of, right before its name
_LEFT = re.compile(r"(?:\bindependen(?:t|ce)\s+from|\bseparat(?:ed|ion)\s+from|\bseceded\s+from"
                   r"|(?<!\w)độc\s+lập\s+(?:khỏi|từ|với))\s+(?:the\s+)?$", re.I)


#: a sentence opening with a pronoun for a state, the trigger in a coordinated clause after it
_COORDINATED_AFTER_PRONOUN = re.compile(r"(?:It|Nước\s+này|The\s+country)\s[^;]*?(?:,\s*|\s)"
                                        r"(?:and|và|rồi)\s+[^;,]{0,30}$")


#: round 31: the same, the trigger a verb of joining right after a comma
_COMMA_AFTER_PRONOUN = re.compile(r"(?:It|Nước\s+này|The\s+country)\s[^;]*?,\s*$")
_JOIN_VERB = re.compile(r"(?:tham\s+gia|gia\s+nhập|joined)\s")


def _pronoun(ctx: Context, s: Sentence, depth: int = 0) -> list[Mention]:
    """The state a pronoun stands for: the text's state, else the state opening the sentence
    before in the same paragraph ("Switzerland joined the UN in 2002. It joined …"); round 32:
    the state a pronoun opening that sentence stood for ("…, it joined A in 1974. It joined B
    in 1984"), and for a paragraph's first sentence the last sentence of the paragraph before
    when that opens with a state ("The Federation has no relations with Beijing.\nBefore
    independence, …, it joined …")."""
    if ctx.subject is not None:
        return [m for m in ctx.mentions if m.key == ctx.subject][:1]
    before = [x for x in ctx.sents if x.end <= s.start]
    first_of_paragraph = bool(before) and before[-1].paragraph == s.paragraph - 1 and (
        depth == 0 and _PRONOUN_OPENING.match(ctx.text, s.start, s.end) is not None)
    if before and (before[-1].paragraph == s.paragraph or first_of_paragraph):
        prev = before[-1]
        # (after fronted phrases: "Trước đó một năm, tại Baghdad tháng 9/1960, Kuwait cùng …")
        first = next((m for m in ctx.mentions_in(prev.start, prev.end) if _named(m)
                      or m.how == "description" and m.is_state), None)
        lead = ctx.text[prev.start : first.start] if first is not None else ""
        if first is not None and (len(re.findall(r"\w+", lead)) <= 3
                                  or re.search(r",\s*$", lead)):
            return [first]
        if first is None and depth < 2 and not first_of_paragraph \
                and _PRONOUN_OPENING.match(ctx.text, prev.start, prev.end):
            return _pronoun(ctx, prev, depth + 1)
    return []


#: round 32: a sentence whose subject is a pronoun, after at most a fronted phrase and its comma
_PRONOUN_OPENING = re.compile(r"(?:[^.;:]{0,90},\s*)?(?:It|it|Nước\s+này|nước\s+này)\s")


def _memberships(ctx: Context, s: Sentence, t: re.Match[str], roles: tuple[str, ...],
                 have: set[tuple[str, str]], found: list[Candidate]) -> list[Candidate]:
    a, b = clause_bounds(ctx, s, t.start())
    if negated(ctx, t.start(), a) or modal(ctx, t.start(), a) or blocked().search(
            window_before(ctx, t.start(), 5, a)):
        return []
    listed = _objects(ctx, t.end(), b)
    if not listed and roles == ("full",):
        return _body_named_before(ctx, s, a, b, t, have)
    _mend_dates(ctx, listed, b, found)
    labels = {ctx.label(m.key) for m in listed if m.key}
    # an object a rule read (under its name, or under another name the list does not hold)
    objects = [m for m in listed if not any(
        c.start <= m.start < c.end and (c.data.get("organization") == ctx.label(m.key or "")
                                        or c.data.get("organization") not in labels)
        for c in found)]
    if not objects:
        return []
    members, subject_at = _subject(ctx, s, a, t.start())
    # round 39: never the ruler the member became independent of ("giành độc lập từ Anh"), nor
    # a language ("tiếng Anh")
    members = [m for m in members if not no_member(ctx, m)]
    if not members:
        return []
    # the clause's own date: one date opening the clause, before its subject ("In 1992 it
    # entered …", "Năm 1994, Mozambique gia nhập …")
    fronted = [d for d in ctx.dates_in(a, min(subject_at, t.start())) if d.value is not None
               and d.kind in ("point", "since")
               and len(re.findall(r"\w+", ctx.text[a : d.start])) <= 3]
    join = [j for j in re.finditer(r"(?:,\s*|\s)(?:and|và|rồi)\s+"
                                   # round 31: "…, tham gia B năm 1969": the comma's clause
                                   r"|,\s*(?=(?:tham\s+gia|gia\s+nhập|joined)\s)",
                                   ctx.text[a : t.end()]) if j.end() <= t.start() - a]
    if join and subject_at >= t.start():
        # a coordinated clause's own date: "… và năm 1981 là một trong sáu nước thành lập …"
        own = [d for d in ctx.dates_in(a + join[-1].end(), t.start()) if d.value is not None
               and d.kind in ("point", "since")]
        if len(own) == 1:
            fronted = own
    out: list[Candidate] = []
    for i, org in enumerate(objects):
        nxt = objects[i + 1].start if i + 1 < len(objects) else b
        d = _own_date(ctx, org, nxt) or (fronted[0] if len(fronted) == 1 else None)
        d = narrowed(ctx, d)
        for member in members:
            end = max(org.end, d.end if d is not None and d.start < nxt else org.end)
            c = _membership(ctx, have, member, org, d, (min(subject_at, t.start()), end),
                            "clause-membership", roles)
            if c is not None:
                out.append(c)
    return out


def _membership(ctx: Context, have: set[tuple[str, str]], member: Mention, org: Mention,
                d: DateMention | None, span: tuple[int, int], rule: str,
                roles: tuple[str, ...] = ("full",)) -> Candidate | None:
    """The clause reader's membership of ``member`` in ``org``, started at ``d`` (with the
    date's flags), over ``span``; None when the pair was read already (``have``, updated)."""
    assert member.key is not None and org.key is not None
    key = (ctx.label(member.key), ctx.label(org.key))
    if key in have:
        return None
    have.add(key)
    data: dict = {"member": key[0], "organization": key[1]}
    if roles != ("full",):
        data["roles"] = list(roles)
    flags = [FLAG]
    if d is not None and isinstance(d.value, str):
        data["start"] = d.value
        flags += [f for f in d.flags if f != "unresolved"]
    return Candidate("membership", data, span[0], span[1], CONFIDENCE, rule, flags)


#: round 49: a date right after a verb of joining without its object (``body_before`` first)
_BARE_DATE = re.compile(r"\s*(?:(?:in|on|since|from|năm|ngày|từ|vào|tháng)\s+)*", re.I)


#: round 49: between a date and a gapped clause's state ("…, còn Côte d'Ivoire năm 2008")
_GAPPED = re.compile(r"\s*(?:,\s*(?:còn|and|while|whereas)?|\s(?:và|and))\s*", re.I)
_GAP_DATE = re.compile(r"\s*(?:(?:in|on|năm|ngày|vào|tháng)\s+)*", re.I)


def _one_org_before(ctx: Context, s: Sentence, pos: int) -> Mention | None:
    """The one organisation the sentence names before ``pos``, else (none there) the one the
    sentence before it in the paragraph names; None when there are two or more."""
    orgs = [m for m in ctx.mentions_in(s.start, pos) if m.is_org and m.key]
    if not orgs:
        before = [x for x in ctx.sents if x.end <= s.start]
        if not before or before[-1].paragraph != s.paragraph:
            return None
        orgs = [m for m in ctx.mentions_in(before[-1].start, before[-1].end) if m.is_org and m.key]
    return orgs[0] if orgs and len({m.key for m in orgs}) == 1 else None


def _body_named_before(ctx: Context, s: Sentence, a: int, b: int, t: re.Match[str],
                       have: set[tuple[str, str]]) -> list[Candidate]:
    """Round 49: a verb of joining whose object is the body named before, then its date
    ("…; Guinea acceded in 1980", "Costa Rica acceded to it in 1963", "Guinea gia nhập liên
    minh năm 1980", "Ghi-nê tham gia năm 1980"): the member the clause's subject."""
    body = body_before().match(ctx.text, t.end(), b)
    assert body is not None  # the pattern matches the empty string
    gap = _BARE_DATE.match(ctx.text, body.end(), b)
    ds = [d for d in ctx.dates_in(t.end(), b) if d.value is not None]
    if gap is None or not ds or ds[0].start != gap.end() or not isinstance(ds[0].value, str) \
            or ds[0].kind not in ("point", "since"):
        return []
    org = _one_org_before(ctx, s, t.start())
    if org is None or org.key is None or any(m.is_org for m in ctx.mentions_in(ds[0].end, b)):
        return []  # (an organisation after the date is the clause's own: "… since 2000 of the AU")
    members, subject_at = _subject(ctx, s, a, t.start())
    pronoun = not any(m.key for m in ctx.mentions_in(subject_at, t.start()))
    if pronoun and not re.search(r"(?:^|[,;]|\b(?:and|but|và|còn))\s*$", ctx.text[a:subject_at],
                                 re.I):
        # a pronoun inside a relative clause ("…, the trade bloc it joined in 2015") stands
        # for no subject this reader knows; one opening its clause does ("It acceded in 1980")
        return []
    members = [m for m in members if not no_member(ctx, m) and m.key]
    d = narrowed(ctx, ds[0])
    pairs = [(m, d, min(subject_at, t.start()), ds[0].end) for m in members]
    # a gapped clause after it: "Guinea gia nhập liên minh năm 1980, còn Côte d'Ivoire năm
    # 2008", "…; Guinea acceded in 1980 and Côte d'Ivoire in 2008"
    gap = _GAPPED.match(ctx.text, ds[0].end)
    nxt = [m for m in ctx.mentions_in(gap.end(), s.end) if m.key] if gap else []
    if nxt and nxt[0].start == gap.end() and _named(nxt[0]) and not no_member(ctx, nxt[0]):
        own = [x for x in ctx.dates_in(nxt[0].end, s.end) if isinstance(x.value, str)]
        if own and own[0].kind in ("point", "since") and _GAP_DATE.fullmatch(
                ctx.text, nxt[0].end, own[0].start) and re.match(r"\s*(?:[.;]|$)",
                                                                 ctx.text[own[0].end :]):
            pairs.append((nxt[0], narrowed(ctx, own[0]), nxt[0].start, own[0].end))
    out: list[Candidate] = []
    for member, d, lo, hi in pairs:
        c = _membership(ctx, have, member, org, d, (lo, hi), "clause-membership-body-before")
        if c is not None:
            out.append(c)
    return out


#: round 49: between the agent organisation and the word of admitting: its acronym, an organ
#: after a possessive ("UNESCO's General Conference"), an aside between commas ("Interpol's
#: General Assembly, meeting in Beijing, voted to admit it"), adverbs
_AGENT_GAP = re.compile(r"(?:\s*\([^()]{1,12}\))?(?:['’]s(?:\s+(?-i:[A-Z])[\w-]*){1,3})?"
                        r"(?:\s*,[^,;()]{1,60},)?(?:\s+(?:also|then|later|finally|formally"
                        r"|eventually|duly|unanimously|cũng|đã|chính\s+thức|sau\s+đó))*\s+$")
#: two agents coordinated: "The IMF and the World Bank admitted it"
_AGENTS_AND = re.compile(r"(?:\s*\([^()]{1,12}\))?\s*(?:,\s*|\s+(?:and|và)\s+)(?:the\s+)?$", re.I)
#: the member after the word: a pronoun or a noun for the text's state
_MEMBER_WORD = re.compile(r"\s*(?:it|the\s+(?:country|island|kingdom|republic)|nước\s+này"
                          r"|đảo\s+quốc\s+này|quốc\s+gia\s+này)(?!\w)", re.I)
#: a refusal before the word: no admission ("refused to admit", "vetoed")
_REFUSED = re.compile(r"\b(?:refus|declin|block|veto|reject|den(?:y|ied))\w*|(?<!\w)(?:từ\s+chối"
                      r"|bác)(?!\w)", re.I)
#: the Vietnamese passive: the member, "(đã) được", then the agent (within a few words), then
#: the word
_PASSIVE_BY = re.compile(r"(?<!\w)(?:đã\s+)?được\s+[^,;.]{0,80}$")
_PASSIVE_GAP = re.compile(r"[^,;.]{0,40}$")


def _admitted_by(ctx: Context, s: Sentence, t: re.Match[str], after: re.Pattern[str],
                 have: set[tuple[str, str]]) -> list[Candidate]:
    """Round 49: an organisation admitting a state (``membership_by_organisation``)."""
    a, b = clause_bounds(ctx, s, t.start())
    if negated(ctx, t.start(), a) or modal(ctx, t.start(), a) or blocked().search(
            window_before(ctx, t.start(), 5, a)) or _REFUSED.search(
            window_before(ctx, t.start(), 4, a)):
        return []
    text = ctx.text
    orgs = [m for m in ctx.mentions_in(a, t.start()) if m.is_org and m.key]
    passive = _PASSIVE_BY.search(text[a : orgs[0].start]) if orgs else None
    agents: list[Mention] = []
    members: list[Mention] = []
    start = t.start()
    if passive is not None and _PASSIVE_GAP.fullmatch(text, orgs[-1].end, t.start()):
        # "nước này đã được Tổ chức Thống nhất châu Phi (OAU) kết nạp": one agent, the member
        # the subject before "được"
        if len({m.key for m in orgs}) != 1:
            return []
        agents = orgs[-1:]
        members, start = _subject(ctx, s, a, a + passive.start())
    elif orgs and _AGENT_GAP.fullmatch(text, orgs[-1].end, t.start()):
        agents = [orgs[-1]]
        for m in reversed(orgs[:-1]):
            if not _AGENTS_AND.fullmatch(text, m.end, agents[0].start):
                break
            agents.insert(0, m)
        start = agents[0].start
        after_word = t.end()
        named = [m for m in ctx.mentions_in(t.end(), b) if m.key and (m.is_state or m.is_org)]
        if named and named[0].is_state and _named(named[0]) and re.fullmatch(
                r"\s*(?:the\s+)?", text[t.end() : named[0].start]):
            members, after_word = named[:1], named[0].end
        else:
            w = _MEMBER_WORD.match(text, t.end(), b)
            if w is None:
                return []
            members, after_word = _pronoun(ctx, s), w.end()
        if after.pattern and after.match(text, after_word, b) is None:
            return []
        if re.match(r"\s*as\s+(?:an?\s+|its\s+)?(?:\w+\s+)?observer", text[after_word:b], re.I):
            return []
    else:
        return []
    members = [m for m in members if m.key and not no_member(ctx, m)]
    # the date of the agent's own clause: never one of a clause coordinated before it ("It
    # entered the Commonwealth at independence, and the OAU accepted it …")
    joined = [j.end() for j in re.finditer(r",\s*(?:and|và)\s", text[a : start])]
    d = pick_date(ctx, a + joined[-1] if joined else a, b, t.start(), ("point", "since"))
    out: list[Candidate] = []
    for org in agents:
        for member in members:
            end = max(t.end(), d.end if d is not None else t.end())
            c = _membership(ctx, have, member, org, d, (min(start, t.start()), end),
                            "clause-membership-admitted-by")
            if c is not None:
                out.append(c)
    return out


def extract(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """Candidates the clause reader proposes that no rule in ``found`` proposed."""
    memberships = [c for c in found if c.type == "membership"]
    have = {(str(c.data.get("member")), str(c.data.get("organization"))) for c in memberships}
    relations = [c for c in found if c.type == "relation"]
    lex = lexicon()
    out: list[Candidate] = []
    for s in ctx.sents:
        for meaning, rx in lex.get("membership", []):
            for t in rx.finditer(ctx.text, s.start, s.end):
                out += _memberships(ctx, s, t, tuple(meaning["roles"]), have, memberships)
        for meaning, rx in lex.get("relation", []):
            for t in rx.finditer(ctx.text, s.start, s.end):
                out += _relations(ctx, s, t, meaning["status"], relations)
        for rx, after in by_organisation():
            for t in rx.finditer(ctx.text, s.start, s.end):
                out += _admitted_by(ctx, s, t, after, have)
        for t in exit_words()[1].finditer(ctx.text, s.start, s.end):
            out += _exit_took_effect(ctx, s, t, memberships + out)
    return out


def _exit_took_effect(ctx: Context, s: Sentence, t: re.Match[str],
                      found: list[Candidate]) -> list[Candidate]:
    """"việc rút khỏi OPEC có hiệu lực từ ngày 1/1/2024", "its exit took effect on …": the
    membership's end by withdrawal, dated by its taking effect."""
    a, b = clause_bounds(ctx, s, t.start())
    exits = list(exit_words()[0].finditer(ctx.text, max(a, t.start() - 60), t.start()))
    if not exits or negated(ctx, t.start(), a) or modal(ctx, t.start(), a):
        return []
    ex = exits[-1]
    orgs = [m for m in ctx.mentions_in(ex.end(), t.start()) if m.is_org and m.key]
    if not orgs:
        # the organisation the exit's clause or sentence before names ("… tuyên bố rời tổ chức
        # này; việc rút khỏi …", "… rút khỏi OAS; theo Hiến chương, việc rút lui …")
        before = [x for x in ctx.sents if x.end <= s.start and x.paragraph == s.paragraph][-1:]
        for floor in (s.start, *[x.start for x in before]):
            named = {m.key for m in ctx.mentions_in(floor, ex.start()) if m.is_org and m.key}
            if named:
                break
        if len(named) != 1:
            return []
        orgs = [m for m in ctx.mentions_in(floor, ex.start()) if m.is_org and m.key][-1:]
    # the member: the one state its sentence names before the exit ("Burundi was the first to
    # leave the ICC: its withdrawal took effect …"), else the text's state
    states = {m.key for m in ctx.mentions_in(s.start, ex.start()) if _named(m)}
    member = states.pop() if len(states) == 1 else ctx.subject if not states else None
    if member is None:
        return []
    ds = [d for d in ctx.dates_in(t.end(), b) if d.value is not None
          and d.kind in ("point", "since") and isinstance(d.value, str)]
    if not ds or re.search(r"[,;]", ctx.text[t.end() : ds[0].start].replace(", vào", " vào")):
        return []
    if len(ds) > 1 and not ds[0].explicit and ds[1].explicit and re.fullmatch(
            r"\s*,\s*(?:on|in|vào|ngày)?\s*", ctx.text[ds[0].end : ds[1].start]):
        ds = ds[1:]  # "took effect a year later, on 18 August 2009": the day it names
    org = orgs[-1]
    assert org.key is not None and member is not None
    m_label, o_label = ctx.label(member), ctx.label(org.key)
    if any(c.data.get("organization") == o_label and "end" in c.data and (
            c.data.get("member") == m_label or s.start <= c.start < s.end) for c in found):
        return []  # a rule read this end
    d = ds[0]
    data: dict = {"member": m_label, "organization": o_label, "end": d.value,
                  "end_reason": "withdrawal"}
    flags = [FLAG, *[f for f in d.flags if f != "unresolved"]]
    return [Candidate("membership", data, ex.start(), d.end, CONFIDENCE,
                      "clause-membership-end", flags)]


#: a relative pronoun after the relation's noun: "relations, which A and B established"
_WHICH = re.compile(r"\s*,?\s*(?:which|that|mà)\s+", re.I)
#: the nominal subject "Relations with X", "Quan hệ với X" (X: the partner of the text's state)
_WITH = re.compile(r"\s+(?:with|với)\s+(?:the\s+)?$", re.I)


def _partners(ctx: Context, a: int, b: int) -> list[Mention]:
    """The states after "with" / "với" right after ``a`` (and before ``b``)."""
    w = re.match(r"\s*(?:with|với)\s+(?:the\s+)?", ctx.text[a:b], re.I)
    if w is None:
        return []
    group = group_after(ctx, a + w.end(), b)
    if not group or group[0].start != a + w.end():
        return []
    return [m for m in group if _named(m)]


def _relations(ctx: Context, s: Sentence, t: re.Match[str], status: str,
               found: list[Candidate]) -> list[Candidate]:
    a, b = clause_bounds(ctx, s, t.start())
    if negated(ctx, t.start(), a) or modal(ctx, t.start(), a) or blocked().search(
            window_before(ctx, t.start(), 5, a)) or any(
            c.start <= t.start() < c.end for c in found):
        return []
    space = re.match(r"\s*", ctx.text[t.end() : t.end() + 5])
    noun_after = relation_words().match(ctx.text, t.end() + (space.end() if space else 0))
    parties: list[list[str]] = []
    subject_at = t.start()
    if noun_after is not None:
        # "A and B established diplomatic relations in 1965", "A established relations with B"
        members, subject_at = _subject(ctx, s, a, t.start())
        keys_ = [m.key for m in members if m.key]
        partners = [m.key for m in _partners(ctx, noun_after.end(), b) if m.key]
        if len(keys_) == 1 and partners:
            parties = [[keys_[0], p] for p in partners if p != keys_[0]]
        elif len(keys_) == 2 and not partners:
            parties = [keys_]
    else:
        # the noun before the verb: "relations, which A and B established in 1965"; "Quan hệ
        # với Israel đã bị cắt từ …", "Relations with X were restored in …"
        before = [n for n in relation_words().finditer(ctx.text, a, t.start())]
        if not before:
            return []
        noun = before[-1]
        which = _WHICH.match(ctx.text, noun.end(), t.start())
        if which is not None:
            members = [m for m in group_after(ctx, which.end(), t.start()) if _named(m)]
            if len(members) == 2 and members[0].start == which.end() + len(
                    re.match(r"(?:the\s+)?", ctx.text[which.end():], re.I).group()):
                parties = [[m.key for m in members if m.key]]
                subject_at = noun.start()
        else:
            partners = _partners(ctx, noun.end(), t.start())
            gap_ok = partners and re.fullmatch(
                r"\s*(?:(?:đã|đều|cũng|had|have|has|were|was|been|first|later|then|also)\s+)*",
                ctx.text[partners[-1].end : t.start()], re.I)
            own = ctx.subject
            if gap_ok and len(partners) == 1 and own is not None and partners[0].key != own \
                    and len(re.findall(r"\w+", ctx.text[a : noun.start()])) <= 3:
                parties = [[own, partners[0].key]] if partners[0].key else []
                subject_at = noun.start()
    if not parties:
        return []
    dates = [d for d in ctx.dates_in(t.end(), b) if d.value is not None
             and d.kind in ("point", "since")]
    fronted = [d for d in ctx.dates_in(a, subject_at) if d.value is not None
               and d.kind in ("point", "since")
               and len(re.findall(r"\w+", ctx.text[a : d.start])) <= 3]
    d = narrowed(ctx, dates[0] if dates else fronted[0] if len(fronted) == 1 else None)
    out: list[Candidate] = []
    have = {(tuple(sorted(str(x) for x in c.data.get("parties") or [])), c.data.get("status"))
            for c in found}
    for ps in parties:
        labels = [ctx.label(k) for k in ps]
        if (tuple(sorted(labels)), status) in have or len(set(labels)) != 2:
            continue
        data: dict = {"parties": labels, "status": status}
        flags = [FLAG]
        if d is not None and isinstance(d.value, str):
            data["date"] = d.value
            flags += [f for f in d.flags if f != "unresolved"]
        end = max(t.end(), d.end if d is not None and d.start < b else t.end())
        out.append(Candidate("relation", data, min(subject_at, t.start()), end, CONFIDENCE,
                             "clause-relation", flags))
    return out
