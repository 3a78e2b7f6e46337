"""A self-contained HTML report of an assessment: one file, inline CSS, the map as base64 PNG.

No script, no external stylesheet, font or image: the file opens offline. Everything is
autoescaped by Jinja2.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from indivisible.assess.types import Assessment

TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Indivisibility test: {{ a.action }}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}.num{text-align:right;font-variant-numeric:tabular-nums}
.worse{color:#a93226}.better{color:#1e8449}.muted{color:#777}
img{max-width:100%;border:1px solid #ddd}
details{margin:.5em 0}.summary{font-size:1.1em;background:#f4f6fa;padding:.6em .8em;
border-left:4px solid #2f6db5}
</style></head><body>
<h1>Indivisibility test: {{ a.action }}</h1>
<p class="summary" id="summary">{{ summary }}</p>
<p>Actor: <b>{{ actor }}</b> · assessed on <b>{{ on }}</b> · baseline
<i>{{ scenario }}</i>{% if a.sources %} · sources: {{ a.sources|join(", ") }}{% endif %}</p>
{% if a.note %}<p class="muted">{{ a.note }}</p>{% endif %}
{% if png %}<img alt="map of the deployments and reach rings"
src="data:image/png;base64,{{ png }}">{% endif %}
<h2 id="at-expense">Pairs where another state is less safe</h2>
{% if losses %}<table><tr><th>actor</th><th>other state</th><th>verdict</th>
<th class="num">share of {{ basis }}</th><th>where the other is less safe</th></tr>
{% for v in losses %}<tr><td>{{ name(v.actor) }}</td><td>{{ name(v.other) }}</td>
<td title="{{ define('verdict', v.verdict) }}">{{ label('verdict', v.verdict) }}</td>
<td class="num">{{ "%.0f"|format(100 * v.probability) }}%</td>
<td class="worse">{{ where(v.other_worse) }}</td></tr>
{% endfor %}</table>{% else %}<p>No other state is made less safe.</p>{% endif %}
<h2 id="breached">Findings the action adds: breached or disputed</h2>
{% if flagged %}<table><tr><th>instrument</th><th>clause</th><th>party</th><th>subject</th>
<th>result</th><th>reading</th><th>evidence</th></tr>
{% for f in flagged %}<tr><td>{{ f.instrument }}</td><td>{{ f.clause }}</td>
<td>{{ name(f.party) if f.party else "" }}</td><td>{{ f.subject or "" }}</td>
<td class="worse" title="{{ define('result', f.result) }}">{{ label('result', f.result) }}</td>
<td>{{ reading(f.reading) if f.reading else "" }}</td>
<td>{{ f.evidence }}</td></tr>{% endfor %}</table>{% else %}<p>None.</p>{% endif %}
<h2>Commitments engaged</h2>
{% if engaged %}<table><tr><th>instrument</th><th>clause</th><th>principle</th><th>parties</th>
<th>status</th><th>because</th><th>source</th></tr>
{% for e in engaged %}<tr><td>{{ e.instrument }}</td><td>{{ e.ref }}</td>
<td>{{ e.principle|replace("_", " ") }}</td>
<td>{% for p in e.parties %}{{ name(p) }}{{ " – " if not loop.last }}{% endfor %}</td>
<td>{% for k, s in e.status.items() %}{{ k }}: {{ label('status', s) }}<br>{% endfor %}</td>
<td>{{ e.because }}</td><td>{{ e.source }}</td></tr>{% endfor %}</table>
{% else %}<p>None.</p>{% endif %}
<h2>Indicator changes that make a state less safe</h2>
{% if worse %}<table><tr><th>state</th><th>indicator</th><th>reading</th>
<th class="num">before → after</th><th class="num">change</th><th>unit</th></tr>
{% for d in worse %}<tr><td>{{ name(d.state) }}</td>
<td title="{{ define('indicator', d.indicator) }}">{{ label('indicator', d.indicator) }}</td>
<td>{{ reading(d.reading) if d.reading else "" }}</td>
<td class="num">{{ value(d.before) }} → {{ value(d.after) }}</td>
<td class="num">{{ change(d.before, d.after) }}</td><td>{{ d.unit }}</td></tr>{% endfor %}
</table>{% else %}<p>None.</p>{% endif %}
<p>A change counts when |after − before| &gt; max({{ tol.absolute }}, {{ tol.relative }} ×
|before|) in the indicator's unit. Shares are over {{ basis }}.</p>
<h2>Show all</h2>
<details id="all-verdicts"><summary>Every pair of states ({{ verdicts|length }})</summary>
<table><tr><th>actor</th><th>other</th><th>verdict</th><th class="num">share</th>
<th>actor safer</th><th>actor less safe</th><th>other safer</th><th>other less safe</th></tr>
{% for v in verdicts %}<tr><td>{{ name(v.actor) }}</td><td>{{ name(v.other) }}</td>
<td title="{{ define('verdict', v.verdict) }}">{{ label('verdict', v.verdict) }}</td>
<td class="num">{{ "%.2f"|format(v.probability) }}</td>
<td class="better">{{ where(v.actor_better) }}</td>
<td class="worse">{{ where(v.actor_worse) }}</td>
<td class="better">{{ where(v.other_better) }}</td>
<td class="worse">{{ where(v.other_worse) }}</td></tr>
{% endfor %}</table></details>
<details id="all-changes"><summary>Every indicator change beyond tolerance ({{ changed|length }})
</summary>
{% if changed %}<table><tr><th>state</th><th>indicator</th><th>reading</th>
<th class="num">before</th>
<th class="num">after</th><th class="num">change</th><th>unit</th><th>effect</th></tr>
{% for d in changed %}<tr><td>{{ name(d.state) }}</td>
<td title="{{ define('indicator', d.indicator) }}">{{ label('indicator', d.indicator) }}</td>
<td>{{ reading(d.reading) if d.reading else "" }}</td>
<td class="num">{{ value(d.before) }}</td><td class="num">{{ value(d.after) }}</td>
<td class="num">{{ change(d.before, d.after) }}</td>
<td>{{ d.unit }}</td><td class="{{ 'better' if d.better else 'worse' }}">
{{ "safer" if d.better else "less safe" }}</td></tr>{% endfor %}</table>
{% else %}<p>None.</p>{% endif %}</details>
{% for title, fs in findings %}<details><summary>{{ title }} ({{ fs|length }})</summary>
{% if fs %}<table><tr><th>instrument</th><th>clause</th><th>party</th><th>subject</th>
<th>result</th>
<th>reading</th><th>evidence</th></tr>
{% for f in fs %}<tr><td>{{ f.instrument }}</td><td>{{ f.clause }}</td>
<td>{{ name(f.party) if f.party else "" }}</td>
<td>{{ f.subject or "" }}</td><td>{{ label('result', f.result) }}</td>
<td>{{ reading(f.reading) if f.reading else "" }}</td>
<td>{{ f.evidence }}</td></tr>{% endfor %}</table>{% else %}<p>None.</p>{% endif %}
</details>{% endfor %}
<h2>Profiles</h2>
{% for title, rows in profiles %}<details>
<summary>{{ title }} ({{ rows|length }} rows)</summary>
<table><tr><th>state</th><th>indicator</th><th>reading</th><th class="num">value</th>
<th>unit</th>
<th>direction</th><th>detail</th></tr>
{% for r in rows %}<tr><td>{{ r.state }}</td><td>{{ r.indicator }}</td>
<td>{{ r.reading or "" }}</td>
<td class="num">{{ r.value }}</td><td>{{ r.unit }}</td><td>{{ r.direction }}</td>
<td>{{ r.detail or "" }}</td></tr>{% endfor %}</table></details>{% endfor %}
<h2>Assumptions</h2>
<ul>{% for x in assumptions %}<li>{{ x }}</li>{% endfor %}</ul>
<p class="muted">Generated by indivisible assess. The test measures changes in documented
indicators; it is not a political judgement.</p>
</body></html>
"""


LOSSES = ("at_expense", "other_loses", "mutual_loss", "mixed")


def state_list(codes: Iterable[str], names: dict[str, str], most: int = 4) -> str:
    """``Latvia, Lithuania and Poland``; past ``most``, the first ones and "N other states"."""
    from indivisible._glossary import _THE, join

    shown = sorted({names.get(c, c) for c in codes})
    shown = [f"the {n}" if n.startswith(_THE) else n for n in shown]
    if len(shown) > most:
        return join([*shown[: most - 1], f"{len(shown) - most + 1} other states"])
    return join(shown)


def _first(actor: Iterable[str], codes: set[str], names: dict[str, str]) -> str:
    """The actor first ("Russia and 5 other states"), else the states by name."""
    from indivisible._glossary import plural

    mine = [c for c in actor if c in codes]
    if mine and len(codes) > 4:
        rest = len(codes) - len(mine)
        return state_list(mine, names) + (f" and {plural(rest, 'other state')}" if rest else "")
    return state_list(codes, names)


def indicators_text(keys: Iterable[str], names: dict[str, str]) -> str:
    """``a [RUS], a [USA], b`` → ``a (Russia's figure, the United States' figure); b``."""
    from indivisible._glossary import label, reading_label

    by: dict[str, list[str]] = {}
    for k in keys:
        base, _, reading = k.partition(" [")
        if "[" in base:  # ``name[reading]``
            base, _, reading = base.partition("[")
        by.setdefault(base.strip(), [])
        if reading:
            by[base.strip()].append(reading.rstrip("]").strip())
    return "; ".join(
        label("indicator", b)
        + (f" ({', '.join(reading_label(r, names) for r in rs)})" if rs else "")
        for b, rs in by.items()
    )


def summary(result: Assessment, rec: Any = None) -> str:
    """One or two sentences that answer the question: who gains, who loses, what it engages.

    ``rec`` (the record) gives the states' names; without it the bundled record is loaded.
    """
    from indivisible._glossary import label, plural, state_names

    if rec is None:
        from indivisible.record import Record

        rec = Record.load()
    names = state_names(rec)
    raised = {x.state for x in result.deltas if x.better is True}
    lowered = {x.state for x in result.deltas if x.better is False}
    worse_on = sorted({x.indicator for x in result.deltas if x.better is False})
    better_on = sorted({x.indicator for x in result.deltas if x.better is True})
    parts = []
    if raised:
        what = label("indicator", better_on[0]) if len(better_on) == 1 else None
        parts.append(
            f"raises the security of {_first(result.action.actor, raised, names)}"
            + (f" ({what})" if what else f" on {plural(len(better_on), 'indicator')}")
        )
    if lowered:
        parts.append(
            f"lowers the security of {state_list(lowered, names)} on "
            f"{plural(len(worse_on), 'indicator')}"
        )
    first = "The move " + (" and ".join(parts) if parts else "changes no state's security")
    commitments = {(e.instrument, e.ref) for e in result.engaged}
    # A clause for a party and subject is breached when every reading says so, disputed when
    # the readings differ, undetermined when they differ only between an interval's ends.
    from indivisible.rulebook import overall_results

    overall = list(overall_results(result.findings_added).values())
    breached = [r for r in overall if r == "breached"]
    disputed = [r for r in overall if r == "disputed"]
    undetermined = [r for r in overall if r == "undetermined"]
    second = (
        f"it engages {plural(len(commitments), 'commitment')}"
        if commitments
        else "it engages no commitment of the indivisibility principle"
    )
    if breached or disputed or undetermined:
        third = (
            f"{plural(len(breached), 'clause')} of the instruments "
            f"{'is' if len(breached) == 1 else 'are'} newly breached under every reading, "
            f"{len(disputed)} newly disputed"
            + (f", {len(undetermined)} newly undetermined" if undetermined else "")
        )
    else:
        third = "no clause of the instruments is newly breached or disputed"
    return f"{first}; {second}; {third}."


def _rows(profile: Any) -> list[dict[str, Any]]:
    table = getattr(profile, "table", None)
    if table is None:
        return []
    out = table.to_dict("records")
    for r in out:
        if r.get("reading") != r.get("reading"):  # NaN
            r["reading"] = None
    return [dict(r) for r in out]


def render_html(result: Assessment, *, with_map: bool = True) -> str:
    """The report as one HTML string (the map inline as a base64 PNG when ``with_map``)."""
    import jinja2

    png = ""
    if with_map:
        from indivisible.assess._map import render_png

        png = base64.b64encode(render_png(result)).decode("ascii")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    from indivisible._glossary import change, definition, label, reading_label, state_names, value
    from indivisible.record import Record

    names = state_names(Record.load())
    return env.from_string(TEMPLATE).render(
        a=result.action,
        actor=state_list(result.action.actor, names),
        summary=summary(result),
        on=result.on.isoformat(),
        scenario=result.scenario,
        tol=result.tolerance,
        basis=f"{result.draws} Monte Carlo draws (seed {result.seed})"
        if result.draws
        else "the readings",
        png=png,
        losses=[v for v in result.verdicts if v.verdict in LOSSES],
        flagged=[f for f in result.findings_added if f.result in ("breached", "disputed")],
        verdicts=result.verdicts,
        engaged=result.engaged,
        worse=[d for d in result.deltas if d.better is False],
        changed=[d for d in result.deltas if d.better is not None],
        findings=[
            ("Every finding the action adds", result.findings_added),
            ("Every finding the action removes", result.findings_removed),
        ],
        profiles=[("Baseline", _rows(result.before)), ("After the action", _rows(result.after))],
        assumptions=result.assumptions,
        name=lambda c: names.get(c, c),
        label=label,
        define=definition,
        reading=lambda r: reading_label(r, names),
        value=value,
        change=change,
        where=lambda keys: indicators_text(keys, names),
    )


def write_report(result: Assessment, path: str | Path, *, with_map: bool = True) -> Path:
    """Write the self-contained HTML report of ``result`` to ``path``."""
    out = Path(path)
    out.write_text(render_html(result, with_map=with_map), encoding="utf-8")
    return out
