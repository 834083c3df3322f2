"""Attribution: for every quantity, whose figure it is, of what, when, and how sure the text is of it.

Language-neutral: the cue words come from the locale package (``factlint.vi.attribution``). The stage sits
between the reader and the rules; its output becomes columns of the claims table (``subject``,
``subject_key``, ``measure``, ``measure_key``, ``period``, ``period_kind``, ``modality``).

How each field is found (every choice is visible in ``factlint rules explain``):

- subject: the last party before the figure in its sentence that is not a partner ("sang Nhật Bản",
  "vào Việt Nam") — so in coordinated clauses it carries over until a new party appears. The national party
  with a foreign partner ("Việt Nam xuất khẩu sang Nhật Bản"), or a bilateral cue ("hai nước", "song
  phương"), makes the figure the pair's. A figure naming no party takes its sentence's previous figure's
  subject; a sentence naming none takes the subject its paragraph last named: the nation or a pair from
  anywhere in the paragraph, one foreign party from the sentence before only, and none past an opener that
  turns to another topic ("Trong khi đó, …").
- measure: the head noun phrase right after the figure ("350.000 người Việt"), else the nearest before it in
  its clause, else in its sentence (a money figure never measures a rate). A vague head ("kim ngạch") is the
  narrower one named before it ("kim ngạch xuất khẩu"), unless it says whose part it is; a market's money
  figure is the exports or imports named before it. A sentence naming no measure goes on with the sentence
  before's when it names the next party of a list or says it continues ("tiếp theo", "kế tiếp").
- period: the nearest period phrase that is not a comparison base ("so với cùng kỳ năm 2018"): first one
  right after the figure with nothing but a preposition between, then in the clause before the figure, then
  after it (not one that leads a later figure), then in the sentence, then the day of the sentence's event
  (never for a flow), then in the sentence before (same paragraph), then a weak one ("hiện nay"), then the
  paragraph's previous figure's, two sentences back at most. A flow counted "to" a date is the year so far.
- modality: the nearest modality cue before the figure in its sentence, within reach (characters and figures).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

import regex

from factlint.quantity import Quantity

ATTRIBUTED_KINDS = frozenset({"money", "count", "percent", "rank"})
CARRY_SENTENCES = 2  # a figure with no period of its own takes its paragraph's last one from this many sentences back
# a sentence naming no party takes the nation or a pair as subject from anywhere in its paragraph, one foreign
# party only from this many sentences back
SUBJECT_CARRY_SENTENCES = 1
MEASURE_CARRY_SENTENCES = 1  # a figure whose sentence names no measure takes the one named this many sentences back
UNIT_REACH = 25  # characters between a measure's phrase and a bare count it gives its unit to
LEAD_REACH = 25  # characters between a period phrase and a figure after it that the period leads ("năm 2016 là 1 tỷ")
OWN_REACH = 12  # characters after a figure where its own period may start ("5 tỷ USD trong năm 2016")
RANK_REACH = 30  # characters after a rank where the field it ranks in may start ("thứ 2 về …")
# A modality cue governs the figures after it in its sentence, up to this many characters and this many figures in
# between: "ước đạt 22.000 tấn, với giá trị đạt 119 triệu USD, giảm 7,7%" are all three estimates.
MODALITY_REACH = 150
MODALITY_FIGURES = 3
_ISO_4217 = regex.compile(r"[A-Z]{3}")
_RATE_AFTER = regex.compile(r"[ \t]*/")
_YEAR_LIKE = regex.compile(r"(?:19|20)\d\d")
_ASIDE = regex.compile(r"\((?:[^()\d]{0,30})$")  # the figure opens a bracket ("(dự kiến khoảng 85.000)")
_CLAUSE_SPLIT = regex.compile(r"[;:()\[\]]|(?<!\d),|,(?!\d)")  # "24,2" is a number, not two clauses


@dataclass(frozen=True, slots=True)
class Attribution:
    """Whose figure, of what, when, and how stated."""

    subject: str = ""
    subject_key: str = ""
    measure: str = ""
    measure_key: str = ""
    period: str = ""
    period_kind: str = "none"
    modality: str = "actual"
    unit: str = ""  # a unit for a bare count: its measure's noun ("khoảng 85.000" lao động -> worker) or a currency
    why: str = ""  # one line: where each field came from


NONE = Attribution()


def clauses(sentence_start: int, sentence: str) -> list[tuple[int, int]]:
    """Split a sentence into clause spans (absolute offsets) at commas, semicolons, colons, brackets."""
    out, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(sentence):
        out.append((sentence_start + start, sentence_start + m.start()))
        start = m.end()
    out.append((sentence_start + start, sentence_start + len(sentence)))
    return out


class Places:
    """The sentence and clause around any offset of one text (clauses split once per sentence)."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        """Index ``spans`` (the sentences of ``text``, in order)."""
        self.text, self.spans = text, spans
        self.starts = [s for s, _ in spans]
        self._clauses: dict[int, list[tuple[int, int]]] = {}
        self._at: dict[int, tuple[tuple[int, int], tuple[int, int]]] = {}  # attribution and rules ask for each figure

    def at(self, pos: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """(sentence, clause) spans around ``pos``; the whole text when there are no sentences."""
        found = self._at.get(pos)
        if found is None:
            found = self._at[pos] = self._find(pos)
        return found

    def _find(self, pos: int) -> tuple[tuple[int, int], tuple[int, int]]:
        if not self.spans:
            whole = (0, len(self.text))
            return whole, whole
        si = max(bisect.bisect_right(self.starts, pos) - 1, 0)
        sent = self.spans[si]
        parts = self._clauses.get(si)
        if parts is None:
            parts = self._clauses[si] = clauses(sent[0], self.text[sent[0]:sent[1]])
        return sent, next((c for c in parts if c[0] <= pos < c[1] + 1), sent)


def _parties_of(parties: list, roles: list[str], p_starts: list[int], q: Quantity, sent: tuple[int, int],
                clause: tuple[int, int]) -> tuple:
    """The figure's (agent, partner): its own clause first, then the sentence before it (coordinated clauses).

    The agent is the last party before the figure that is not a partner ("sang X", "tại X", "đối tác … của X"):
    in the figure's clause, else earlier in its sentence (it carries over), else after the figure in its clause.
    The partner is the last partner country after that agent and before the figure in its clause, else the first
    after the figure in its clause, else one earlier in the sentence after the agent.
    """
    def span(lo: int, hi: int) -> list:
        idx = range(bisect.bisect_left(p_starts, lo), bisect.bisect_left(p_starts, hi))
        return [(parties[i], roles[i]) for i in idx if parties[i].end <= hi or lo >= q.end]

    in_clause, earlier, after = span(clause[0], q.start), span(sent[0], clause[0]), span(q.end, clause[1])
    agent = (next((p for p, r in reversed(in_clause) if r != "partner"), None)
             or next((p for p, r in reversed(earlier) if r != "partner"), None)
             or next((p for p, r in after if r != "partner"), None))

    def partner_in(cands: list) -> object:
        return next((p for p, r in cands if r == "partner" and p.kind == "country"
                     and (agent is None or p.start > agent.start)), None)

    partner = (partner_in(list(reversed(in_clause))) or partner_in(after) or partner_in(list(reversed(earlier))))
    return agent, partner


def _windows(quantities: list[Quantity], places: Places) -> list[tuple[int, int]]:
    """The parts of a text attribution reads: each figure's sentence and the one before it (merged, in order)."""
    if not places.spans:
        return [(0, len(places.text))]
    out: list[tuple[int, int]] = []
    for q in quantities:
        if q.kind not in ATTRIBUTED_KINDS:
            continue
        si = max(bisect.bisect_right(places.starts, q.start) - 1, 0)
        start, end = places.spans[max(si - 1, 0)][0], places.spans[si][1]
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies inside one of ``spans`` (sorted by start)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _owned_by_other(p: object, q: Quantity, figure_ends: list[int], text: str, tied: Callable) -> bool:
    """Whether period ``p`` is another figure's than ``q``'s ("2,7 tỷ USD năm 2016 và 1,37 tỷ USD").

    It is when it stands right after that figure, tied to it by nothing but a preposition (``tied``: the locale's
    ``own_gap``).
    """
    i = bisect.bisect_right(figure_ends, p.start) - 1
    return (i >= 0 and p.start - figure_ends[i] <= OWN_REACH and figure_ends[i] != q.end
            and tied(text, figure_ends[i], p.start))


def _aside(text: str, sent: tuple[int, int], pos: int) -> tuple[int, int] | None:
    """The bracketed aside of sentence ``sent`` that ``pos`` lies in ("(là nguồn thu chính trong năm 2015 …)")."""
    open_ = text.rfind("(", sent[0], pos)
    if open_ < 0 or text.rfind(")", open_, pos) >= 0:
        return None
    close = text.find(")", pos, sent[1])
    return (open_, close + 1) if close >= 0 else None


_PERIOD_START = regex.compile(r"≤?((?:19|20)\d\d)(?:-(?:(\d\d)|Q([1-4])|H([12])|M(\d\d)))?")


def _after(period: str, published: dt.date | None) -> bool:
    """Whether ``period`` begins after the month of ``published`` ("2020" or "2017-12" in an article of 2017-06).

    A stock "to" a date (``≤2020-12-31``) begins, as a statement, at that date.
    """
    m = _PERIOD_START.match(period) if published is not None else None
    if m is None:
        return False
    if m[3]:
        month = (int(m[3]) - 1) * 3 + 1  # a quarter's first month
    elif m[4]:
        month = (int(m[4]) - 1) * 6 + 1  # a half's
    else:
        month = int(m[2] or m[5] or 1)
    return (int(m[1]), month) > (published.year, published.month)


def _ended(period: str, published: dt.date | None) -> bool:
    """Whether every year ``period`` names ended before the year of ``published`` ("2012" in an article of 2017)."""
    years = [int(y) for y in _YEAR_LIKE.findall(period)] if published is not None else []
    return bool(years) and max(years) < published.year and not period.startswith("≤")


def _steps_back(periods: list[str]) -> bool:
    """Whether a sentence's figures end on an earlier year than one they state before it.

    "năm 2016 là 66,6% và năm 2015 là 63,9%" looks back to compare: its last period is not the one the next
    sentences go on with. "tháng 5/2017 đạt 2,8 tỷ USD, đưa 5 tháng đầu năm 2017 lên 13,7 tỷ USD" moves forward.
    """
    years = [max(map(int, _YEAR_LIKE.findall(p)), default=0) for p in periods]
    return len(years) > 1 and years[-1] < max(years[:-1])


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def with_units(quantities: list[Quantity], attributions: list[Attribution]) -> list[Quantity]:
    """The quantities with the units attribution gave bare counts; a currency (ISO 4217) makes one money."""
    out = []
    for q, a in zip(quantities, attributions, strict=True):
        if a.unit and not q.unit:
            q = dataclasses.replace(q, unit=a.unit, kind="money" if _ISO_4217.fullmatch(a.unit) else q.kind)
        out.append(q)
    return out


def _default_locale() -> ModuleType:
    from factlint.vi import attribution

    return attribution


def attribute(text: str, quantities: list[Quantity], spans: list[tuple[int, int]],
              published: dt.date | None, locale: ModuleType | None = None,
              places: Places | None = None) -> list[Attribution]:
    """Attribute every quantity of one text.

    Args:
        text: The article body (normalised).
        quantities: The reader's quantities of ``text``, in order.
        spans: The sentence spans of ``text``.
        published: The publication date relative periods resolve against; ``None`` leaves them unresolved.
        locale: The cue-word module (``factlint.vi.attribution`` by default).
        places: Sentence and clause index of ``text`` (built when ``None``).

    Returns:
        One :class:`Attribution` per quantity (empty for dates and years).

    """
    if not any(q.kind in ATTRIBUTED_KINDS for q in quantities):
        return [NONE] * len(quantities)
    text_index = _Text(text, quantities, places or Places(text, spans), published, locale or _default_locale())
    return [text_index.attribute(q) if q.kind in ATTRIBUTED_KINDS else NONE for q in quantities]


class _Text:
    """One text's parties, periods, measures and modality cues, indexed once; :meth:`attribute` reads them."""

    def __init__(self, text: str, quantities: list[Quantity], places: Places, published: dt.date | None,
                 loc: ModuleType) -> None:
        self.text, self.places, self.loc, self.published = text, places, loc, published
        spans = _windows(quantities, places)
        self.figures = sorted((q.start, q.end) for q in quantities)
        # a name inside a figure is its unit, not a party ("5,14 tỉ đô la Mỹ", "40 tỷ yên Nhật")
        self.parties = [p for p in loc.parties(text, spans) if not _inside(self.figures, p.start)]
        self.roles = [loc.role(text, p) for p in self.parties]
        self.p_starts = [p.start for p in self.parties]
        foreign = Counter(p.key for p in self.parties if p.kind == "country" and p.key != loc.NATIONAL_KEY)
        self.focus = foreign.most_common(1)[0][0] if foreign else ""
        phrases = [p for p in loc.periods(text, published, spans) if not p.reference]
        days = [p for p in loc.day_periods(text, [(q.start, q.end, q.date) for q in quantities
                                                  if q.kind in ("date", "daterange") and q.date])
                if not p.reference and not any(o.start < p.end and p.start < o.end for o in phrases)]
        self.periods = sorted(phrases + days, key=lambda p: p.start)
        self.per_starts = [p.start for p in self.periods]
        self.mods = loc.modality_cues(text, spans)
        self.mod_starts = [m[0] for m in self.mods]
        self.meas = loc.measures(text, spans)
        self.meas_starts = [m.start for m in self.meas]
        self.figure_ends = sorted(q.end for q in quantities if q.kind in ATTRIBUTED_KINDS)
        self.figure_starts = sorted(q.start for q in quantities if q.kind in ATTRIBUTED_KINDS)
        self.money = [q for q in quantities if q.kind == "money"]
        # paragraph -> previous figure's period, its sentence, and the sentence that states it
        self.last_period: dict[int, tuple[str, str, int, int]] = {}
        self.stated_periods: dict[int, list[str]] = {}  # sentence -> the periods its figures state, in order
        self.last_measure: dict[tuple[int, str], tuple[object, int]] = {}  # (paragraph, kind) -> measure, sentence
        self.sent_subject: dict[int, tuple[str, str]] = {}  # sentence -> its previous figure's subject
        self.last_subject: dict[int, tuple[str, str, int]] = {}  # paragraph -> last named subject, its sentence

    def attribute(self, q: Quantity) -> Attribution:
        """Attribute one figure (figures must come in text order: subjects and periods carry over)."""
        sent, clause = self.places.at(q.start)
        para = _paragraph(self.text, q.start)
        why: list[str] = []
        measure = self._measure(q, sent, clause)
        si = bisect.bisect_right(self.places.starts, q.start)
        measure = self._narrow(q, measure, si, why)
        measure = self._carry_measure(q, measure, para, si, why)
        subject, key = self._subject(q, sent, clause, para, measure, why)
        period, kind, here = self._period(q, sent, clause, para, measure, why)
        modality = self._modality(q, sent, why)
        if modality == "actual" and here and _after(period, self.published):
            modality = "forecast"  # "30 xe vào năm 2020" in an article of 2017: not yet achieved
            why.append("modality: its period begins after the publication date")
        elif (modality == "forecast" and here and _ended(period, self.published)
              and self._goes_on_to_later(period, sent)):
            modality = "actual"  # "dự báo … tăng từ 12 triệu năm 2012 lên 33 triệu năm 2020": 2012 is the base
            why.append("modality: its period ended before the publication date, a forecast's starting point")
        unit = self._unit(q, sent, measure, why)
        return Attribution(subject, key, measure.text if measure else "", measure.key if measure else "",
                           period, kind, modality, unit, "; ".join(why))

    def _narrow(self, q: Quantity, measure: object, si: int, why: list[str]) -> object:
        """A vague head ("kim ngạch") means the nearest narrower measure of its family named before it.

        That is in its sentence or the one before ("kim ngạch xuất khẩu sang APEC … Hoa Kỳ có kim ngạch 34,5 tỷ
        USD" is exports). A money figure of a market or a partner is what the market buys, the exports or imports
        named before it ("thị trường xuất khẩu lớn nhất … thị trường Nhật Bản đứng thứ 3 với 13,85 tỷ USD").
        """
        if measure is None:
            return None
        # a vague head whose phrase says whose part it is ("kim ngạch của khu vực FDI") is that part, not the whole
        vague = (self.text[measure.start:measure.end].lower() in self.loc.VAGUE_HEADS
                 and not self.loc.possessed(self.text, measure.end))
        relational = q.kind == "money" and measure.key in self.loc.RELATIONAL  # "thị trường Nhật Bản … 13,85 tỷ USD"
        if not (vague or relational):
            return measure
        lo = self.places.spans[max(si - 2, 0)][0] if self.places.spans else 0
        family = self.loc.NARROWER.get(self.loc.PARTNER_FLOW if relational else measure.key, frozenset())
        before = [m for m in self.meas[bisect.bisect_left(self.meas_starts, lo):
                                       bisect.bisect_left(self.meas_starts, measure.start)]
                  if (m.key in family or m.key == measure.key or relational and m.key in self.loc.TRADE)
                  and self.text[m.start:m.end].lower() not in self.loc.VAGUE_HEADS]
        if before and before[-1].key in family:
            why.append(f"measure: '{measure.text}' is the '{before[-1].text}' named before it")
            return before[-1]
        return measure

    def _carry_measure(self, q: Quantity, measure: object, para: tuple[int, int], si: int,
                       why: list[str]) -> object:
        """A figure whose sentence names no measure counts what its paragraph's previous figure of its kind did.

        One sentence back at most, and only into a sentence that goes on with the list: it names the next party
        or says it continues ("… kim ngạch xuất khẩu sang Canada. Các vị trí tiếp theo lần lượt thuộc về Thái Lan
        (với 2,170 tỷ USD)"). A rank and a money or count figure share theirs ("… vốn đăng ký. Nhật Bản đứng thứ 3").
        """
        if measure is not None:
            self.last_measure[(para[0], q.kind)] = (measure, si)
            return measure
        kinds = ("rank", "money", "count") if q.kind == "rank" else (q.kind, "rank")
        last = max((m for k in kinds if (m := self.last_measure.get((para[0], k)))), key=lambda m: m[1], default=None)
        if last is None or si - last[1] > MEASURE_CARRY_SENTENCES or last[1] == si:
            return None
        sent0 = self.places.spans[si - 1][0] if self.places.spans else 0
        names = bisect.bisect_left(self.p_starts, sent0) < bisect.bisect_left(self.p_starts, q.start)
        if not (names or self.loc.continues(self.text, sent0, q.start)):
            return None  # a sentence of its own ("Ngày 16/5, hai bên ký 3 hiệp định trị giá 300 triệu USD")
        why.append(f"measure: '{last[0].text}', carried from the sentence before")
        return last[0]

    def _unit(self, q: Quantity, sent: tuple[int, int], measure: object, why: list[str]) -> str:
        """A unit for a bare count: its measure's noun, or the currency of the sentence's money figure before it."""
        if q.kind != "count" or q.unit or measure is None:
            return ""
        if _RATE_AFTER.match(self.text, q.end) or _YEAR_LIKE.fullmatch(q.text.split()[-1]):
            return ""  # a rate ("2,9 triệu/cuốc") or a year ("đến 2018") counts nothing of its measure
        if measure.key in self.loc.MONEY and q.value is not None and q.value >= 1e6:  # "9,7 tỷ" after "18,5 tỷ USD"
            money = [m for m in self.money if sent[0] <= m.start and m.end <= q.start]
            if money:
                why.append(f"unit: {money[-1].unit}, carried from '{money[-1].text}'")
                return money[-1].unit
        # the measure's noun counts the figure only when it governs it closely: "số lao động là 85.000", "85.000
        # lao động", or a figure in brackets after its noun phrase ("số lượng lao động … (dự kiến khoảng 85.000)");
        # not a code or a year further on ("dự án … 090", "dự án từ 1993 đến 2006")
        close = measure.start >= q.start or 0 <= q.start - measure.phrase_end <= UNIT_REACH
        aside = _ASIDE.search(self.text, max(sent[0], q.start - 40), q.start) is not None
        return measure.unit if close or aside else ""

    def _measure(self, q: Quantity, sent: tuple[int, int], clause: tuple[int, int]) -> object:
        meas, m_hi = self.meas, bisect.bisect_left(self.meas_starts, q.start)
        inside = [m for m in meas[m_hi:] if m.start < q.end]
        ahead = [m for m in meas[m_hi:] if q.end <= m.start < min(clause[1], q.end + RANK_REACH)
                 and self.loc.field_after(self.text, q.end, m.start)]
        if q.kind == "rank" and ahead:  # "đứng thứ hai về hợp tác lao động": what it ranks comes after
            return ahead[0]
        if inside:  # "950 dự án", "khoảng 85.000 lao động": the counted noun is the measure
            return inside[-1]
        j = bisect.bisect_left(self.meas_starts, q.end)
        if j < len(meas) and meas[j].start - q.end <= 3 and meas[j].start < clause[1]:
            return meas[j]  # "350.000 người Việt"
        for lo in (clause[0], sent[0]):
            cands = [m for m in meas[:m_hi] if m.start >= lo and m.end <= q.start
                     and not (q.kind == "money" and m.key in self.loc.PERCENT_ONLY)]  # "tăng trưởng … (355 triệu USD"
            if cands:
                best = cands[-1]  # the nearest head, unless it qualifies an earlier one ("nhà tài trợ ODA")
                for c in reversed(cands[:-1]):
                    if c.phrase_end < best.start or c.key in self.loc.GENERIC or (
                            q.kind != "rank" and c.key in self.loc.RELATIONAL):
                        break
                    best = c
                return best
        return None

    def _subject(self, q: Quantity, sent: tuple[int, int], clause: tuple[int, int], para: tuple[int, int],
                 measure: object, why: list[str]) -> tuple[str, str]:
        loc, national = self.loc, self.loc.NATIONAL_KEY
        hi = bisect.bisect_left(self.p_starts, q.start)
        agent, partner = _parties_of(self.parties, self.roles, self.p_starts, q, sent, clause)
        subject, key = "", ""
        if agent is not None and agent.kind == "pair":
            subject, key = agent.text, agent.key
            why.append(f"subject: the pair '{agent.text}'")
        elif agent is not None and agent.key != national:
            subject, key = agent.text, agent.key
            why.append(f"subject: '{agent.text}' before the figure")
        elif (partner is not None and partner.key != national and getattr(measure, "key", "") in loc.SOURCED
              and loc.is_source(self.text, partner)):
            subject, key = partner.text, partner.key
            why.append(f"subject: '{partner.text}', where the money comes from")
        elif (q.kind == "rank" and partner is not None and partner.key != national
              and (agent is None or agent.key == national and loc.possessor(self.text, agent.start))):
            # "thị trường Nhật Bản đứng thứ 3", "xuất khẩu của Việt Nam sang Nhật Bản đứng thứ 3": the market
            subject, key = partner.text, partner.key
            why.append(f"subject: '{partner.text}', the party ranked")
        elif q.kind == "rank" and agent is not None and partner is not None:
            subject, key = agent.text, agent.key  # "Việt Nam đứng thứ 3 về xuất khẩu sang Nhật Bản"
            why.append(f"subject: '{agent.text}', the party ranked")
        elif partner is not None and partner.key != national:
            subject = f"{agent.text if agent else loc.NATIONAL_NAME} – {partner.text}"
            key = loc.pair_key(national, partner.key)
            why.append(f"subject: the pair of '{agent.text if agent else '(national)'}' and partner '{partner.text}'")
        elif agent is not None:
            subject, key = agent.text, agent.key
            why.append(f"subject: '{agent.text}' (national)")
        if "+" not in key and loc.bilateral_cue(self.text, sent[0], q.start):
            other = key if agent is not None and agent.kind in ("country", "org") and key != national else ""
            near = [p for p in self.parties[:hi] if p.kind == "pair" or (p.kind == "country" and p.key != national)]
            if not other and near and near[-1].kind == "pair":
                subject, key = near[-1].text, near[-1].key
                why.append(f"subject: bilateral cue, the pair named before ('{subject}')")
            elif other or near or self.focus:
                other = other or (near[-1].key if near else self.focus)
                key = loc.pair_key(national, other)
                subject = subject if "–" in subject else f"{loc.NATIONAL_NAME} – {other}"
                why.append(f"subject: bilateral cue in the sentence, pair {key}")
        mkey = getattr(measure, "key", "")
        names_vn = any(p.key == national for p in self.parties[bisect.bisect_left(self.p_starts, sent[0]):
                                                              bisect.bisect_left(self.p_starts, sent[1])])
        if mkey in loc.PEOPLE and q.kind != "rank" and "+" not in key:  # "lao động Việt Nam tại Nhật Bản"
            in_clause = self.parties[bisect.bisect_left(self.p_starts, clause[0]):
                                     bisect.bisect_left(self.p_starts, clause[1])]
            other = key if key and key != national and key.isupper() else next(
                (p.key for p in in_clause if p.kind == "country" and p.key != national), "")
            if other:
                key, subject = loc.pair_key(national, other), f"{loc.NATIONAL_NAME} – {other}"
                why.append("subject: people of one country in another are the pair's")
        if (q.kind != "rank" and key and "+" not in key and key != national and key.isupper() and mkey in loc.TRADE
                and (names_vn or (partner is not None and partner.key == key))):
            key = loc.pair_key(national, key)  # "xuất khẩu của Hoa Kỳ sang Việt Nam": the pair's trade
            subject = f"{loc.NATIONAL_NAME} – {subject}"
            why.append("subject: trade of a country with Viet Nam is the pair's")
        si = bisect.bisect_right(self.places.starts, q.start)
        named = bool(key)  # a subject the sentence names (or the nation by default) carries on; a carried one not
        last = self.last_subject.get(para[0])
        if not key and si in self.sent_subject:  # "… xuất khẩu ước đạt 573.000 tấn với giá trị đạt 269 triệu USD"
            subject, key = self.sent_subject[si]
            why.append("subject: the sentence's previous figure's")
        if (not key and last is not None and not loc.topic_shift(self.text, sent[0])
                and (last[1] == national or "+" in last[1] or si - last[2] <= SUBJECT_CARRY_SENTENCES)):
            subject, key = last[:2]
            why.append("subject: carried over from the paragraph's previous figure")
        # a place below the nation in the sentence or the two before it: a city's budget is not the nation's
        near = (max(para[0], self.places.spans[max(si - 3, 0)][0]) if self.places.spans else para[0], sent[1])
        in_near = self.parties[bisect.bisect_left(self.p_starts, near[0]):bisect.bisect_left(self.p_starts, near[1])]
        if (not key and mkey in loc.NATIONAL_BY_DEFAULT and not loc.local(self.text, *near)
                and not any(p.kind == "province" and not loc.venue(self.text, p.start) for p in in_near)):
            subject, key, named = loc.WHOLE_NATION, national, True
            why.append(f"subject: none named; a {mkey} figure is the nation's")
        if key:
            self.sent_subject[si] = (subject, key)
        if key and named:
            self.last_subject[para[0]] = (subject, key, si)
        return subject, key

    def _period(self, q: Quantity, sent: tuple[int, int], clause: tuple[int, int], para: tuple[int, int],
                measure: object, why: list[str]) -> tuple[str, str, bool]:
        """The figure's period and its kind, and whether it is stated for the figure in its own sentence."""
        periods, per_starts = self.periods, self.per_starts
        p_lo, p_hi = bisect.bisect_left(per_starts, sent[0]), bisect.bisect_left(per_starts, sent[1])
        in_sent = periods[p_lo:p_hi]
        si = bisect.bisect_right(self.places.starts, q.start)
        prev_sent = self.places.spans[max(si - 2, 0)][0] if self.places.spans else 0
        own = [p for p in in_sent if q.end <= p.start <= q.end + OWN_REACH and p.start < clause[1]
               and self.loc.own_gap(self.text, q.end, p.start)]
        owned = {id(p) for p in in_sent if _owned_by_other(p, q, self.figure_ends, self.text, self.loc.own_gap)}
        # a period inside a bracketed aside the figure is not in is the aside's ("34 tỷ đồng" is not of the
        # "(… năm 2015 với 572 tỷ đồng)" before it), and an aside's period does not carry out of it
        mine = _aside(self.text, sent, q.start)
        in_sent = [p for p in in_sent if self._private(p) in (None, mine)]
        # a period after the figure that leads a later figure ("5 tỷ USD, riêng năm 2016 là 1 tỷ USD") is that one's
        after = [p for p in in_sent if p.start >= q.end and (p in own or not self._leads_figure(p))]
        order = (own
                 + [p for p in reversed(in_sent) if clause[0] <= p.start and p.end <= q.start and id(p) not in owned]
                 + [p for p in after if p.start < clause[1]]
                 + [p for p in reversed(in_sent) if p.end <= q.start and id(p) not in owned]
                 + after
                 + [p for p in reversed(in_sent) if p.end <= q.start])
        before = [p for p in reversed(periods[bisect.bisect_left(per_starts, max(para[0], prev_sent)):p_lo])
                  if self._private(p) is None and not self._compared(p)]
        # a stated period in the sentence, else the day of its event (never a flow's: exports are not counted in
        # one day), else the sentence before's, else a weak one ("hiện nay")
        flow = self._flow(measure, sent)
        # a relative period the article's missing date leaves unresolved ("năm nay") still is the figure's: its
        # period is unknown, and a period stated further away is not taken in its place
        chosen = next((p for p in (
            *(p for p in order if not p.weak), *(p for p in order if p.kind == "day" and not flow),
            *(p for p in before if not p.weak), *(p for p in before if p.kind == "day" and not flow),
            *(p for p in order + before if p.weak and p.kind != "day")) if p.period or not p.weak), None)
        period, kind, origin = "", "none", si
        if chosen is not None and not chosen.period:
            why.append(f"period: '{chosen.text}' is relative and the article states no date")
        elif chosen is not None:
            period, kind = chosen.period, chosen.kind
            if kind == "cumulative" and not chosen.stock and flow:
                period, kind = self.loc.year_to_date(period), "partial"  # exports "tính đến 20/6": January to June
                kind = "year" if period and "-" not in period else kind
            why.append(f"period: '{chosen.text}'")
        elif para[0] in self.last_period and si - self.last_period[para[0]][2] <= CARRY_SENTENCES:
            # a sentence that sets figures of several periods side by side ("năm 2016 là 66,6% và năm 2015 là
            # 63,9%") is a comparison: none of its periods carries on
            period, kind, _, origin = self.last_period[para[0]]
            if _steps_back(self.stated_periods.get(origin, [])):
                why.append("period: none; the paragraph's last period closes a comparison")
                return "", "none", False  # a comparison's periods stay in it
            why.append("period: carried over from the paragraph's previous figure")
        if chosen is not None and chosen.period:
            self.stated_periods.setdefault(si, []).append(period)
        if period and (chosen is None or self._private(chosen) is None):
            self.last_period[para[0]] = (period, kind, si, origin)
        # stated for it: its own period, or one before it in its sentence (not one a later clause gives)
        here = chosen is not None and bool(chosen.period) and (
            chosen in own or sent[0] <= chosen.start and chosen.end <= q.start)
        return period, kind, here

    def _goes_on_to_later(self, period: str, sent: tuple[int, int]) -> bool:
        """Whether the sentence states a later year than ``period`` ("từ 12 triệu năm 2012 lên 33 triệu năm 2020").

        Only then is a forecast's past figure its starting point; "IMF dự báo GDP năm 2016 đạt 6,5%", said in 2015
        and read in 2017, stays a forecast.
        """
        mine = max(map(int, _YEAR_LIKE.findall(period)))
        lo, hi = bisect.bisect_left(self.per_starts, sent[0]), bisect.bisect_left(self.per_starts, sent[1])
        return any(int(y) > mine for p in self.periods[lo:hi] for y in _YEAR_LIKE.findall(p.period))

    def _compared(self, p: object) -> bool:
        """Whether period ``p``'s sentence looks back to compare (see :func:`_steps_back`)."""
        return _steps_back(self.stated_periods.get(bisect.bisect_right(self.places.starts, p.start), []))

    def _private(self, p: object) -> tuple[int, int] | None:
        """The bracketed aside period ``p`` is private to, if any: one that states a figure of its own.

        An aside with no figure glosses the words before it ("giai đoạn trước (2004-2015)") or annotates the
        figure before it ("25,469 tỷ USD (theo số liệu … đến hết tháng 4/2017)"): its period is read as if stated
        outside. An aside with a figure of its own keeps its period to itself ("34 tỷ đồng" is not of "(… năm
        2015 với 572 tỷ đồng)", "20 tỷ USD" not of "34 tỷ USD (năm 2016: 30 tỷ USD)").
        """
        aside = _aside(self.text, self.places.at(p.start)[0], p.start)
        if aside is None:
            return None
        k = bisect.bisect_left(self.figure_starts, aside[0])
        return aside if k < len(self.figure_starts) and self.figure_starts[k] < aside[1] else None

    def _leads_figure(self, p: object) -> bool:
        """Whether a figure follows period phrase ``p`` closely, in its clause: the period opens that figure's."""
        i = bisect.bisect_left(self.figure_starts, p.end)
        return i < len(self.figure_starts) and self.figure_starts[i] - p.end <= LEAD_REACH and not any(
            self.text[p.end:self.figure_starts[i]].count(c) for c in ",;.")

    def _flow(self, measure: object, sent: tuple[int, int]) -> bool:
        """Whether a figure counted "to" a date is a flow.

        It is when its measure is one, or when it has none of its own (a market, a share) in a sentence about
        one ("về xuất khẩu, hết tháng 5, thị trường Đức … đạt 2,6 tỷ USD").
        """
        if measure is not None and measure.key in self.loc.FLOWS:
            return True
        if measure is not None and measure.key in self.loc.PEOPLE:
            return False
        lo, hi = bisect.bisect_left(self.meas_starts, sent[0]), bisect.bisect_left(self.meas_starts, sent[1])
        return any(m.key in self.loc.FLOWS for m in self.meas[lo:hi])

    def _modality(self, q: Quantity, sent: tuple[int, int], why: list[str]) -> str:
        k = bisect.bisect_left(self.mod_starts, q.end) - 1  # a cue inside the figure's text ("dự kiến khoảng …")
        if k < 0:
            return "actual"
        s, e, mod = self.mods[k]
        between = bisect.bisect_right(self.figure_ends, q.start) - bisect.bisect_right(self.figure_ends, e)
        if s >= q.start:  # a cue inside the figure's own text ("dự kiến khoảng 85.000")
            why.append(f"modality: '{self.text[s:e]}'")
            return mod
        if (s >= max(sent[0], q.start - MODALITY_REACH) and between <= MODALITY_FIGURES
                and not _inside(self.figures, s) and self.loc.governs(self.text, e, q.start)):
            why.append(f"modality: '{self.text[s:e]}'")
            return mod
        return "actual"
