"""What an eval run says to people: a console table, a Markdown report and a self-contained
HTML page with a chart per metric and category, the failing cases and the baseline diff."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from evals.gate import GateResult
from evals.runner import EvalRun
from evals.scoring import METRIC_LABELS, QUALITY_METRICS

TABLE_METRICS = (
    *QUALITY_METRICS,
    "typed_cases",
    "guard_interventions",
    "latency_p50_ms",
    "latency_p95_ms",
)


def _value(value: float | int | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) and value <= 1 else f"{value:g}"


def metrics_table(run: EvalRun) -> list[list[str]]:
    """Rows: a header, then one per metric; columns: overall and each category (a blind run:
    overall only, its categories get a table of their own)."""
    categories = {} if run.blind else run.by_category()
    header = [
        "metriek",
        f"totaal ({len(run.results)})",
        *(f"{c} ({m['cases']})" for c, m in categories.items()),
    ]
    rows = [header]
    for metric in TABLE_METRICS:
        rows.append(
            [
                METRIC_LABELS[metric],
                _value(run.overall[metric]),
                *(_value(m[metric]) for m in categories.values()),
            ]
        )
    return rows


def category_table(run: EvalRun) -> list[list[str]]:
    """Rows: a header, one per category and the total; columns: cases and the quality metrics."""
    header = ["categorie", "gevallen", *(METRIC_LABELS[m] for m in QUALITY_METRICS)]
    rows = [header]
    for name, values in [*run.by_category().items(), ("totaal", run.overall)]:
        rows.append([name, str(values["cases"]), *(_value(values[m]) for m in QUALITY_METRICS)])
    return rows


def refusal_table(run: EvalRun) -> list[list[str]]:
    """The refusal confusion matrix: should refuse (rows) x did refuse (columns), counts."""
    counts = run.refusals()
    return [
        ["", "geweigerd", "beantwoord"],
        ["moet weigeren", str(counts["refuse_refused"]), str(counts["refuse_answered"])],
        ["moet antwoorden", str(counts["answer_refused"]), str(counts["answer_answered"])],
    ]


def _sections(run: EvalRun) -> list[tuple[str, list[list[str]]]]:
    """The titled tables of a run: all metrics, and for a blind run per category and refusals."""
    sections = [("Alle cijfers", metrics_table(run))]
    if run.blind:
        sections += [("Per categorie", category_table(run)), ("Weigeringen", refusal_table(run))]
    return sections


def console_report(run: EvalRun) -> str:
    """What `uitvoering eval` prints: the metrics table, and for a blind run its other tables."""
    title = f" ({run.split})" if run.split else ""
    parts = [text_table(metrics_table(run))]
    parts += [f"{name}{title}\n{text_table(rows)}" for name, rows in _sections(run)[1:]]
    return "\n\n".join(parts)


_AGGREGATE_ONLY = (
    "Blind-test: alleen totalen, geen vragen, antwoorden of resultaten per geval "
    "(op deze helft wordt niet afgestemd)."
)


def text_table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def gate_summary(gate: GateResult) -> list[str]:
    """Lines about the baseline comparison, new failures first."""
    verdict = "GESLAAGD" if gate.ok else "GEZAKT"
    lines = [f"Regressietoets tegen {gate.baseline} (tolerantie {gate.tolerance}): {verdict}"]
    if gate.new_failures:
        lines.append("Nieuw mislukt: " + ", ".join(gate.new_failures))
    lines += [f"Gedaald: {r}" for r in gate.regressions]
    if gate.fixed:
        lines.append("Nu geslaagd: " + ", ".join(gate.fixed))
    if gate.not_run:
        lines.append("Niet meer in de set: " + ", ".join(gate.not_run))
    return lines


def _markdown_table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def _expected(case: dict[str, Any]) -> str:
    if case["expected_refusal"]:
        return "weigeren"
    parts = []
    if case["missing"]:
        parts.append("ontbreekt: " + ", ".join(f"`{p}`" for p in case["missing"]))
    if case["forbidden"]:
        parts.append("mag niet: " + ", ".join(f"`{p}`" for p in case["forbidden"]))
    if case["cite_recall"] is not None and case["cite_recall"] < 1:
        parts.append(f"bronnen gevonden: {case['cite_recall']:.0%}")
    if case["refused"]:
        parts.append("geweigerd, verwacht antwoord")
    return "; ".join(parts) or "-"


def _new_failures(gate: GateResult | None) -> set[str]:
    return set(gate.new_failures) if gate else set()


def _failing(run: EvalRun, gate: GateResult | None) -> list[dict[str, Any]]:
    """Failing cases, new failures (against the baseline) first."""
    new = _new_failures(gate)
    failing = [r.to_dict() for r in run.results if not r.passed]
    return sorted(failing, key=lambda c: (c["id"] not in new, c["id"]))


def markdown_report(run: EvalRun, gate: GateResult | None) -> str:
    lines = [
        f"# Evaluatie {run.created}",
        "",
        f"Sets: {', '.join(run.datasets)}  ",
        "Opzet: " + ", ".join(f"{k}={v}" for k, v in run.setup.items()),
        "",
        _markdown_table(metrics_table(run)),
        "",
    ]
    for name, rows in _sections(run)[1:]:
        lines += [f"## {name}", "", _markdown_table(rows), ""]
    if gate:
        lines += ["## Tegen de baseline", ""] + [f"- {line}" for line in gate_summary(gate)] + [""]
    if run.aggregate_only:
        return "\n".join([*lines, _AGGREGATE_ONLY])
    failing = _failing(run, gate)
    lines += [f"## Mislukte gevallen ({len(failing)})", ""]
    new = _new_failures(gate)
    for case in failing:
        flag = " **(nieuw)**" if case["id"] in new else ""
        lines += [
            f"### {case['id']} ({case['category']}){flag}",
            "",
            f"- Vraag: {case['question']}",
            f"- Verwacht: {_expected(case)}",
            f"- Antwoord: {case['answer']}",
            f"- Bronnen: {'; '.join(case['citations']) or '-'}",
            "",
        ]
    return "\n".join(lines + _direct_misses(run))


def _direct_misses(run: EvalRun) -> list[str]:
    """The typed questions not led by their fact: asked type, question, what led instead."""
    misses = [r for r in run.results if r.direct_ok is False]
    lines = [f"## Direct antwoord onjuist ({len(misses)})", ""]
    for r in misses:
        lines += [
            f"- {r.id} ({r.category}, vraagt: {r.asks}): {r.question}  ",
            f"  direct antwoord: {r.direct_answer or '-'}",
        ]
    return lines


_CSS = """body{font-family:system-ui,sans-serif;margin:2rem;max-width:1100px;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}.chart{border:1px solid #ddd;padding:.5rem}
.new{background:#fde2e2}.ok{color:#136f2b}.bad{color:#b00020}code{font-size:.85rem}"""


def _bar_chart(title: str, values: list[tuple[str, float | None]]) -> str:
    """A horizontal SVG bar chart of shares (0..1), one bar per category."""
    row, label_w, bar_w = 22, 130, 200
    height = row * len(values) + 10
    parts = [
        f'<svg width="{label_w + bar_w + 60}" height="{height}" role="img" '
        f'aria-label="{html.escape(title)}">'
    ]
    for i, (label, value) in enumerate(values):
        y = 5 + i * row
        width = round((value or 0.0) * bar_w)
        colour = (
            "#136f2b" if (value or 0) >= 0.9 else "#c77700" if (value or 0) >= 0.7 else "#b00020"
        )
        parts.append(
            f'<text x="0" y="{y + 14}" font-size="12">{html.escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{bar_w}" height="16" fill="#eee"/>'
            f'<rect x="{label_w}" y="{y}" width="{width}" height="16" fill="{colour}"/>'
            f'<text x="{label_w + bar_w + 6}" y="{y + 14}" font-size="12">'
            f"{_value(value)}</text>"
        )
    parts.append("</svg>")
    return f'<div class="chart"><strong>{html.escape(title)}</strong><br>{"".join(parts)}</div>'


def _html_table(rows: list[list[str]]) -> str:
    table = "<table><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in rows[0]) + "</tr>"
    table += "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows[1:]
    )
    return table + "</table>"


def html_report(run: EvalRun, gate: GateResult | None) -> str:
    categories = run.by_category()
    charts = []
    for metric in QUALITY_METRICS:
        values = [("totaal", run.overall[metric])]
        values += [(c, m[metric]) for c, m in categories.items() if m[metric] is not None]
        charts.append(_bar_chart(METRIC_LABELS[metric], values))  # type: ignore[arg-type]
    parts = [
        f"<!doctype html><html lang='nl'><head><meta charset='utf-8'>"
        f"<title>Evaluatie {html.escape(run.created)}</title><style>{_CSS}</style></head><body>",
        f"<h1>Evaluatie uitvoering-assistent — {html.escape(run.created)}</h1>",
        f"<p>Sets: {html.escape(', '.join(run.datasets))}<br>Opzet: "
        f"{html.escape(', '.join(f'{k}={v}' for k, v in run.setup.items()))}</p>",
    ]
    if gate:
        css = "ok" if gate.ok else "bad"
        lines = gate_summary(gate)
        parts.append(
            f"<h2>Tegen de baseline</h2><p class='{css}'><strong>"
            f"{html.escape(lines[0])}</strong></p><ul>"
            + "".join(f"<li>{html.escape(line)}</li>" for line in lines[1:])
            + "</ul>"
        )
        deltas = "".join(
            f"<tr><td>{html.escape(METRIC_LABELS[m])}</td><td>{_value(b)}</td><td>{_value(n)}</td>"
            f"</tr>"
            for m, (b, n) in gate.deltas.items()
        )
        parts.append(
            f"<table><tr><th>metriek</th><th>baseline</th><th>nu</th></tr>{deltas}</table>"
        )
    parts += [
        "<h2>Per metriek en categorie</h2>",
        f"<div class='charts'>{''.join(charts)}</div>",
    ]
    parts += [f"<h2>{html.escape(name)}</h2>{_html_table(rows)}" for name, rows in _sections(run)]
    if run.aggregate_only:
        parts.append(f"<p>{html.escape(_AGGREGATE_ONLY)}</p></body></html>")
        return "\n".join(parts)
    failing = _failing(run, gate)
    new = _new_failures(gate)
    parts.append(
        f"<h2>Mislukte gevallen ({len(failing)})</h2><table><tr><th>id</th><th>vraag</th>"
        "<th>verwacht</th><th>antwoord</th><th>bronnen</th></tr>"
    )
    for case in failing:
        css = " class='new'" if case["id"] in new else ""
        parts.append(
            f"<tr{css}><td>{html.escape(case['id'])}"
            f"{' (nieuw)' if case['id'] in new else ''}<br><small>"
            f"{html.escape(case['category'])}</small></td>"
            f"<td>{html.escape(case['question'])}</td>"
            f"<td>{html.escape(_expected(case))}</td><td>{html.escape(case['answer'])}</td>"
            f"<td>{html.escape('; '.join(case['citations']) or '-')}</td></tr>"
        )
    parts.append("</table></body></html>")
    return "\n".join(parts)


def write_report(run: EvalRun, gate: GateResult | None, directory: Path) -> list[Path]:
    """results.json, report.md and report.html in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / "results.json", directory / "report.md", directory / "report.html"]
    run.write_json(paths[0])
    paths[1].write_text(markdown_report(run, gate) + "\n", encoding="utf-8")
    paths[2].write_text(html_report(run, gate) + "\n", encoding="utf-8")
    return paths
