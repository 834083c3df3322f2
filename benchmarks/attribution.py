"""Score attribution and metric tagging against the hand-labelled development sets.

    python benchmarks/attribution.py [--shared ../shared] [--write]

Reads every ``labels_*.yaml`` of ``../shared/devset/`` and ``benchmarks/devset/``, takes each labelled article
from its dump (``dump:`` in the file, read from ``../shared/bench/``), loads it as factlint loads an article
(front matter with the label's publication date, then NFC and the rest), reads, attributes and tags it with
the shipped rules (``claims/``), and compares every labelled figure with the claim at the same place:

- metric: precision over every claim the rules tagged in the set's articles (a tagged claim that matches no
  labelled figure with that metric is a false positive), recall over the labelled figures that have a metric;
- subject: on figures whose labelled subject is a party the locale knows (a country, an organisation, the
  nation, a pair such as "Việt Nam – Nhật Bản"), the party key must be the same; figures whose labelled subject
  is something else (a company, a project) count as misattributed when factlint gives them a country or a pair;
- period: the same period after normalisation ("2017-M01..06" is "2017-H1", a cumulative date is compared to
  the month), or both none;
- modality: the same word; measure: the same measure key (the label's measure read by the same head-noun table).

Writes ``benchmarks/results_attribution.md`` with ``--write``. No article text is written anywhere.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "devset"))
from check_labels import articles, normalise  # noqa: E402

from factlint.attribute import attribute, with_units  # noqa: E402
from factlint.corpus import load_article  # noqa: E402
from factlint.extract import sentences  # noqa: E402
from factlint.rules import load_rules  # noqa: E402
from factlint.vi import read_quantities  # noqa: E402
from factlint.vi.measures import measures  # noqa: E402
from factlint.vi.subjects import parties  # noqa: E402


def party_key(subject: str) -> str | None:
    """The key of a labelled subject that is wholly one party or pair, else None.

    Companies are parties of the stage too, but not of this score: it stays the share of figures whose labelled
    subject is a country, an organisation, the nation or a pair, comparable across versions.
    """
    s = normalise(subject).strip()
    ps = parties(s)
    if len(ps) == 1 and ps[0].start == 0 and ps[0].end == len(s) and ps[0].kind != "company":
        return ps[0].key
    return None


def norm_period(p: str) -> str:
    """Normalise a period string so that equal periods compare equal."""
    p = str(p or "").strip()
    for a, b in (("M01..06", "H1"), ("M07..12", "H2"), ("M01..03", "Q1"), ("M04..06", "Q2"), ("M07..09", "Q3"),
                 ("M10..12", "Q4")):
        p = p.replace(a, b)
    if p.startswith("≤"):
        p = p[:8]  # ≤YYYY-MM: a stock's date to the month
    return p


def measure_key(measure: str) -> str:
    """The key of a labelled measure: its first head noun's."""
    ms = measures(normalise(measure or ""))
    return ms[0].key if ms else ""


def locate(body: str, text: str, before: str, used: set[int]) -> int | None:
    """Offset in ``body`` (already NFC) of the labelled figure, found as the label checker finds it, or None."""
    chars, back = [], []
    for i, ch in enumerate(body):
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        elif not normalise(ch):
            continue
        chars.append(ch)
        back.append(i)
    nbody = "".join(chars)
    needle, skip = normalise(before + text), len(normalise(before)) if before else 0
    k = nbody.find(needle)
    while k >= 0:
        pos = min(k + skip, len(back) - 1)
        if back[pos] not in used:
            return back[pos]
        k = nbody.find(needle, k + 1)
    return None


def score_set(path: Path, shared: Path, rules, rows: list) -> dict:  # noqa: ANN001
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    dump = shared / "bench" / data["dump"]
    wanted = {a["number"]: a for a in data["articles"]}
    texts = {n: t for n, t in articles(dump) if n in wanted}
    c = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for number, lab in sorted(wanted.items()):
            pub = lab.get("published")
            pub = pub if isinstance(pub, dt.date) else (dt.date.fromisoformat(str(pub)) if pub else None)
            f = Path(tmp) / f"{number}.md"
            fm = f"---\nid: a{number}\n" + (f"published: {pub.isoformat()}\n" if pub else "") + "---\n"
            f.write_text(fm + texts[number], encoding="utf-8")
            art = load_article(f)
            body = art.body
            qs = read_quantities(body, art.published)
            spans = sentences(body)
            atts = attribute(body, qs, spans, art.published)
            qs = with_units(qs, atts)  # as extraction does: a bare "9,7 tỉ" after "18,5 tỉ USD" is in USD
            tags = rules.tag(body, qs, spans, art, atts)
            tagged = {i for i in tags}
            matched_tagged: set[int] = set()
            used: set[int] = set()
            for claim in lab.get("claims") or []:
                c["labels"] += 1
                pos = locate(body, str(claim["text"]), str(claim.get("before") or ""), used)
                idx = None
                if pos is not None:
                    used.add(pos)
                    idx = next((i for i, q in enumerate(qs) if q.start <= pos < q.end
                                or pos <= q.start < pos + len(str(claim["text"]))), None)
                want_metric = claim.get("metric") or ""
                if want_metric:
                    c["metric_labels"] += 1
                if idx is None:
                    c["unread"] += 1
                    rows.append((path.name, number, claim["text"], "unread", ""))
                    continue
                c["read"] += 1
                a = atts[idx]
                got_metric = tags[idx][0] if idx in tags else ""
                if idx in tags:
                    matched_tagged.add(idx)
                if want_metric and got_metric == want_metric:
                    c["metric_tp"] += 1
                elif got_metric:
                    c["metric_fp"] += 1
                    rows.append((path.name, number, claim["text"], "metric", f"{got_metric} (label {want_metric})"))
                elif want_metric:
                    rows.append((path.name, number, claim["text"], "metric", f"missed {want_metric}"))
                key = party_key(str(claim.get("subject") or ""))
                if key is not None:
                    c["subject_party"] += 1
                    if key == a.subject_key:
                        c["subject_ok"] += 1
                    else:
                        rows.append((path.name, number, claim["text"], "subject",
                                     f"{a.subject_key or '-'} (label {claim.get('subject')}) [{a.why}]"))
                else:
                    c["subject_other"] += 1
                    if a.subject_key and (a.subject_key.isupper() or "+" in a.subject_key):
                        c["subject_misattributed"] += 1
                        rows.append((path.name, number, claim["text"], "other subject",
                                     f"{a.subject_key} (label {claim.get('subject') or '-'}) [{a.why}]"))
                want_p = norm_period(claim.get("period"))
                if norm_period(a.period) == want_p:
                    c["period_ok"] += 1
                else:
                    rows.append((path.name, number, claim["text"], "period",
                                 f"{a.period or '-'} (label {want_p or '-'}) [{a.why}]"))
                if a.modality == (claim.get("modality") or "actual"):
                    c["modality_ok"] += 1
                else:
                    rows.append((path.name, number, claim["text"], "modality",
                                 f"{a.modality} (label {claim.get('modality')})"))
                mk = measure_key(str(claim.get("measure") or ""))
                if mk:
                    c["measure_scored"] += 1
                    c["measure_ok"] += mk == a.measure_key
                    if mk != a.measure_key:
                        rows.append((path.name, number, claim["text"], "measure",
                                     f"{a.measure_key or '-'} '{a.measure}' (label {mk}: {claim.get('measure')})"))
            for i in tagged - matched_tagged:  # tagged figures nobody labelled: false positives
                c["metric_fp"] += 1
                rows.append((path.name, number, qs[i].text, "metric", f"{tags[i][0]} on an unlabelled figure"))
    return c


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a (0)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print this many mismatches per field")
    ap.add_argument("--baseline", type=Path, help="another checkout's src/ (e.g. a git worktree of an earlier "
                    "commit): its scores on the same sets are recorded beside these, for a before/after")
    ap.add_argument("--baseline-name", default="baseline", help="how the results file names the baseline")
    args = ap.parse_args()
    rules = load_rules([ROOT / "claims"])
    sets = sorted((args.shared / "devset").glob("labels_*.yaml")) + sorted((ROOT / "benchmarks" / "devset").glob(
        "labels_*.yaml"))
    t0 = time.perf_counter()
    lines = ["# Attribution and tagging against the labelled development sets", "",
             "Command: `python benchmarks/attribution.py --write"
             + (f" --baseline {args.baseline} --baseline-name '{args.baseline_name}'" if args.baseline else "")
             + "`", "",
             "| set | figures | read | metric precision | metric recall | subject (parties) | other subjects "
             "given a country | period | modality | measure |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    total = collections.Counter()
    rows: list = []
    for s in sets:
        c = score_set(s, args.shared, rules, rows)
        total.update(c)
        lines.append(_row(s.stem.removeprefix("labels_"), c))
    lines.append(_row("**all**", total))
    lines += ["", f"Scored in {time.perf_counter() - t0:.1f} s. Mismatches by field: "
              + ", ".join(f"{k} {v}" for k, v in sorted(collections.Counter(r[3] for r in rows).items())), ""]
    if args.baseline:
        env = {**os.environ, "PYTHONPATH": str(args.baseline)}
        before = subprocess.run([sys.executable, __file__, "--shared", str(args.shared)], env=env, check=True,
                                capture_output=True, text=True).stdout.splitlines()
        lines += [f"Before, with the {args.baseline_name} (`--baseline`): the same sets, the same rules.", "",
                  *[ln for ln in before if ln.startswith("|")], ""]
    text = "\n".join(lines)
    print(text)
    if args.errors:
        by = collections.defaultdict(list)
        for r in rows:
            by[r[3]].append(r)
        for field, rs in by.items():
            print(f"\n## {field}")
            for r in rs[: args.errors]:
                print(f"- {r[0]} #{r[1]} {r[2]!r}: {r[4]}")
    if args.write:
        (ROOT / "benchmarks" / "results_attribution.md").write_text(text + "\n", encoding="utf-8")


def _row(name: str, c: collections.Counter) -> str:
    prec = ratio(c["metric_tp"], c["metric_tp"] + c["metric_fp"])
    return (f"| {name} | {c['labels']} | {c['read']} | {prec} | {ratio(c['metric_tp'], c['metric_labels'])} | "
            f"{ratio(c['subject_ok'], c['subject_party'])} | {ratio(c['subject_misattributed'], c['subject_other'])}"
            f" | {ratio(c['period_ok'], c['read'])} | {ratio(c['modality_ok'], c['read'])} | "
            f"{ratio(c['measure_ok'], c['measure_scored'])} |")


if __name__ == "__main__":
    main()
