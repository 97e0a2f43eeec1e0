"""The comparison as JSON, CSV and Markdown: the same numbers in every format."""

from __future__ import annotations

from typing import Any

from workbench.exports.tabular import to_csv
from workbench.services.views.comparison import ComparisonView, ScopeCoverage

DECIMALS = 4
SCOPE_LABEL = "Outsourced scope covered"


def _r(value: float | None, digits: int = DECIMALS) -> float | None:
    return None if value is None else round(value, digits)


def comparison_dict(view: ComparisonView) -> dict[str, Any]:
    """The JSON shape of `workbench compare --format json` (keys may be added, never renamed)."""
    flip = view.leader_flip
    return {
        "selection": {"id": view.selection.id, "name": view.selection.name},
        "criteria": [{"id": c.id, "name": c.name, "weight": c.weight} for c in view.criteria],
        "candidates": [
            {
                "id": r.id,
                "name": r.name,
                "baseline": r.baseline,
                "rank": r.rank,
                "total": _r(r.total),
                "total_100": _r(r.total_100, 2),
                "coverage": _r(r.coverage),
                "p_first": _r(r.p_first),
                "timezone": r.timezone,
                "timezone_fit": {
                    "min_weekly_hours": r.fit_min_weekly_hours,
                    "typical_weekly_hours": r.fit_typical_weekly_hours,
                },
                "scope_coverage": _scope_dict(r.scope),
                "criteria": {
                    c.name: {
                        "score": _r(r.criteria[c.id].score) if c.id in r.criteria else None,
                        "spread": _r(r.criteria[c.id].spread) if c.id in r.criteria else None,
                        "flagged": r.criteria[c.id].flagged if c.id in r.criteria else False,
                    }
                    for c in view.criteria
                },
            }
            for r in view.candidates
        ],
        "leader_flip": None
        if flip is None
        else {
            "criterion": flip.criterion,
            "weight_change": _r(flip.weight_change),
            "old_weight": _r(flip.old_weight),
            "new_weight": _r(flip.new_weight),
            "new_leader": flip.new_leader,
        },
        "withheld_meetings": [
            {"meeting_id": w.meeting_id, "candidate": w.candidate, "kind": w.kind, "start_utc": w.start_utc.isoformat()}
            for w in view.withheld
        ],
    }


def _scope_dict(scope: ScopeCoverage | None) -> dict[str, Any] | None:
    """A candidate's coverage of the outsourced scope items: ``{"covered": 5, "of": 6, "missing": [...]}``."""
    if scope is None:
        return None
    return {"covered": scope.covered, "of": scope.of, "missing": list(scope.missing)}


def scope_text(scope: ScopeCoverage | None) -> str:
    """Coverage of the outsourced scope items as people read it: ``5 of 6``; ``–`` when none goes out."""
    if scope is None or scope.of == 0:
        return "–"
    return f"{scope.covered} of {scope.of}"


def comparison_csv(view: ComparisonView) -> str:
    """One row per candidate; per criterion its score and spread; then its coverage of the outsourced scope."""
    columns = [
        "id",
        "name",
        "baseline",
        "rank",
        "total",
        "total_100",
        "coverage",
        "p_first",
        "timezone",
        "fit_min_weekly_hours",
        "fit_typical_weekly_hours",
    ]
    for c in view.criteria:
        columns += [c.name, f"{c.name} spread", f"{c.name} flagged"]
    columns += ["scope_covered", "scope_outsourced", "scope_missing"]
    rows = []
    for r in view.candidates:
        row: list[Any] = [
            r.id,
            r.name,
            r.baseline,
            r.rank,
            _r(r.total),
            _r(r.total_100, 2),
            _r(r.coverage),
            _r(r.p_first),
            r.timezone,
            r.fit_min_weekly_hours,
            r.fit_typical_weekly_hours,
        ]
        for c in view.criteria:
            cell = r.criteria.get(c.id)
            row += [_r(cell.score) if cell else None, _r(cell.spread) if cell else None, bool(cell and cell.flagged)]
        scope = r.scope
        row += [None, None, None] if scope is None else [scope.covered, scope.of, "; ".join(scope.missing)]
        rows.append(row)
    return to_csv(columns, rows)


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell: no markup, no pipes, no line breaks."""
    out = []
    for ch in text.replace("\r", " ").replace("\n", " "):
        out.append("\\" + ch if ch in "\\`*_{}[]<>#!|~" else ch)
    return "".join(out)


def cell_text(score: float | None, spread: float | None, flagged: bool) -> str:
    """A criterion cell as people read it: ``3.67`` and ``(spread 2.00 ⚑)`` when flagged."""
    if score is None:
        return "–"
    text = f"{score:.2f}"
    if flagged and spread is not None:
        text += f" ⚑ spread {spread:.2f}"
    return text


def matrix_rows(view: ComparisonView) -> tuple[list[str], list[list[str]]]:
    """Criteria as rows and candidates as columns, then the summary rows (plain strings)."""
    header = ["Criterion", "Weight"] + [
        r.name + (" (baseline)" if r.baseline and "baseline" not in r.name.casefold() else "") for r in view.candidates
    ]
    rows: list[list[str]] = []
    for c in view.criteria:
        row = [c.name, f"{c.weight:g}"]
        for r in view.candidates:
            cell = r.criteria.get(c.id)
            row.append(cell_text(cell.score, cell.spread, cell.flagged) if cell else "–")
        rows.append(row)
    rows.append(["Total (1–5)", ""] + [f"{r.total:.2f}" if r.total is not None else "–" for r in view.candidates])
    rows.append(
        ["Total (0–100)", ""] + [f"{r.total_100:.0f}" if r.total_100 is not None else "–" for r in view.candidates]
    )
    rows.append(["Rank", ""] + [str(r.rank) if r.rank is not None else "–" for r in view.candidates])
    rows.append(["Coverage", ""] + [f"{r.coverage:.0%}" for r in view.candidates])
    rows.append(["P(first)", ""] + [f"{r.p_first:.0%}" for r in view.candidates])
    rows.append(
        ["Time-zone fit (h/week)", ""]
        + [_fit_text(r.fit_min_weekly_hours, r.fit_typical_weekly_hours) for r in view.candidates]
    )
    rows.append([SCOPE_LABEL, ""] + [scope_text(r.scope) for r in view.candidates])
    return header, rows


def _fit_text(low: float | None, typical: float | None) -> str:
    """Typical weekly overlap, with the worst week when it differs: ``20 (min 15)``."""
    if typical is None or low is None:
        return "unknown"
    return f"{typical:g}" if low == typical else f"{typical:g} (min {low:g})"


def flip_sentence(view: ComparisonView) -> str:
    """The smallest single weight change that changes the leader, in words."""
    flip = view.leader_flip
    leader = next((r for r in view.candidates if r.rank == 1), None)
    if leader is None:
        return "No candidate has submitted scores yet."
    if flip is None:
        return f"{leader.name} leads; no change of a single criterion's weight makes another candidate first."
    verb = "raising" if flip.weight_change > 0 else "lowering"
    return (
        f"{leader.name} leads; {verb} the weight of {flip.criterion} from {flip.old_weight:g} to "
        f"{flip.new_weight:.2f} ({flip.weight_change:+.2f}) would put {flip.new_leader} first."
    )


def withheld_sentence(view: ComparisonView) -> str:
    """The meetings left out for the member looking (the independence rule), in words; empty when none."""
    if not view.withheld:
        return ""
    names = ", ".join(f"{w.candidate} #{w.meeting_id} ({w.kind})" for w in view.withheld)
    return f"Left out until you submit your scorecard for it: {names}."


def comparison_markdown(view: ComparisonView) -> str:
    """A Markdown report: the matrix, then the robustness sentence."""
    header, rows = matrix_rows(view)
    lines = [f"# Comparison: {_md(view.selection.name)}", ""]
    lines.append("| " + " | ".join(_md(h) for h in header) + " |")
    lines.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    for row in rows:
        lines.append("| " + " | ".join(_md(v) for v in row) + " |")
    lines += ["", _md(flip_sentence(view)), "", "⚑ marks a spread of 2 points or more between panel members' means."]
    if view.withheld:
        lines += ["", _md(withheld_sentence(view))]
    return "\n".join(lines) + "\n"
