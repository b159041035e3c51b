"""The HHCRSP result table: one row per instance, then a summary per family, then notes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from statistics import mean, median

from benchmarks.hhcrsp_cases import SOLVERS, Case, Run
from benchmarks.registry import RunOptions
from benchmarks.saved_runs import FAIR_CPU_SHARE
from benchmarks.tables import figure, gap_percent, header, percent, table

LABELS = {"careweave": "careweave", "ortools": "OR-Tools", "pyvrp": "PyVRP (no sync)"}
TITLE = "HHCRSP benchmark: careweave against best known, OR-Tools and PyVRP"
TARGET_MEAN_GAP, TARGET_WORST_GAP = 0.5, 2.0

NOTES = """\
## Notes
- Every figure is the independent checker's (`careweave.scheduling.checker`), recomputed from the
  instance and the routes alone, never the solver's own. `total_cost = (distance +
  total_tardiness + max_tardiness) / 3`; gap % = (cost − reference) / reference × 100.
- Reference: the best known `total_cost` from `../shared/benchmarks/hhcrsp/*_best.md`. Where an
  instance has none (the Kummer 10-patient ones), the reference is the best checker-feasible
  cost of the three solvers in this run, marked `*`; a 0.00 gap there means "best of this run",
  not "optimal".
- seconds: the solve time careweave reports; wall s: its whole process (start-up of the
  `careweave` command, reading, solving, writing), which on a loaded machine adds several
  seconds. The baselines run to their time limit (about the limit plus 1 s of start-up).
- feasible: the checker's verdict; "no (sync only)" when the only broken rules are the
  synchronisation of linked visits; otherwise "no", with the first problem listed below.
- **OR-Tools** (routing library, guided local search, same time limit): one vehicle per
  caregiver, one node per (patient, service), allowed vehicles by ability, hard earliest start,
  latest start as a soft upper bound costing 1 per minute late, arc cost = distance;
  simultaneous services by equal start cumul variables, sequential ones by two inequalities on
  the gap, the two services of a patient on different vehicles. It **cannot** express the
  `max_tardiness` term, so it minimises distance + total tardiness; its table figure is the
  checker's `total_cost` of its routes anyway. Start times are scaled to thousandths of a minute
  and rounded up (never early). "—" means it found no first solution within the limit.
- **PyVRP** (iterated local search, same time limit): each (patient, service) is a client;
  abilities through one routing profile per set of abilities in which the tasks a caregiver
  cannot do are unreachable (PyVRP has no allowed vehicles per client; a load dimension per
  service was tried and PyVRP traded excess load for the windows it could not meet). It
  **cannot** express synchronisation (ignored: these are relaxations, and the checker marks them
  infeasible wherever a linked patient's timing or two distinct caregivers are broken), nor soft
  time windows (its windows are hard, late arrival is "time warp", penalised during the search),
  nor the tardiness terms of the objective (it minimises distance). Routes are re-timed with
  real waiting (start = max(arrival, earliest)) before checking, so unmet windows show up as
  tardiness. Its gaps are on the checker's `total_cost` all the same, as a bound on what PyVRP
  can express, not a competing roster.
- careweave/OR-Tools and careweave/PyVRP: mean over the family of the ratio of careweave's cost
  to the baseline's (below 1: careweave is better).
- Targets (ROSTERING.md): mean gap ≤ 0.5 % per family with 60 s per instance on one core, none
  worse than 2 %, best known matched on every 10-patient instance; careweave better than both
  baselines on every family. A quick run (10 s) is not the target's setting.
"""


@dataclass(frozen=True)
class Row:
    """One instance: its reference value and each solver's run."""

    case: Case
    reference: float | None
    from_run: bool
    runs: dict[str, Run]

    def gap(self, solver: str) -> float | None:
        """The gap of ``solver``'s checked cost to the reference, in percent."""
        run = self.runs.get(solver)
        return None if run is None else gap_percent(run.cost, self.reference)


def rows_of(runs: list[Run], best: dict[str, float]) -> list[Row]:
    """Group runs by instance and settle each instance's reference value."""
    by_case: dict[Case, dict[str, Run]] = defaultdict(dict)
    for one in runs:
        by_case[one.case][one.solver] = one
    rows = []
    for case, solvers in by_case.items():
        if case.name in best:
            rows.append(Row(case, best[case.name], False, solvers))
            continue
        feasible = [r.cost for r in solvers.values() if r.feasible and r.cost is not None]
        rows.append(Row(case, min(feasible) if feasible else None, True, solvers))
    return rows


def report(options: RunOptions, seconds: float, runs: list[Run], best: dict[str, float]) -> str:
    """The whole markdown file for the suite."""
    rows = rows_of(runs, best)
    parts = [
        header(TITLE, options, f"{seconds:g} s per instance and solver", _run_lines(runs)),
        "## Summary per family\n",
        table(_summary_columns(), [_summary(family, group) for family, group in _families(rows)]),
        "\n## Instances\n",
        table(_instance_columns(), [_instance(row) for row in rows]),
        _problems(runs),
        NOTES,
    ]
    return "\n".join(parts)


def _run_lines(runs: list[Run]) -> list[str]:
    """Header lines: how many runs were reused, and whether each run had a core to itself."""
    lines = []
    reused = sorted(one.reused_from for one in runs if one.reused_from is not None)
    if reused:
        lines.append(
            f"runs taken from earlier runs of the same code, limit and seed (`--resume`): "
            f"{len(reused)} of {len(runs)}, finished {reused[0]} to {reused[-1]}"
        )
    shares = sorted(s for s in (one.answer.cpu_share for one in runs) if s is not None)
    if shares:
        short = sum(share < FAIR_CPU_SHARE for share in shares)
        lines.append(
            f"share of a core each solver process had: lowest {shares[0]:.0%}, median "
            f"{median(shares):.0%}; {short} run(s) below {FAIR_CPU_SHARE:.0%} "
            "(other work competed; `--resume` runs them again)"
        )
    return lines


def missing_data(options: RunOptions, root: Path, seconds: float) -> str:
    """What the file says when the public instances are not where they should be."""
    return header(TITLE, options, f"{seconds:g} s") + (
        f"\nNot run: no Mankowska or Kummer instances found under `{root}`.\n"
    )


def _instance_columns() -> list[str]:
    columns = ["instance", "best known", "careweave", "gap %", "seconds", "wall s", "feasible"]
    for solver in SOLVERS[1:]:
        columns += [LABELS[solver], "gap %", "feasible"]
    return columns


def _instance(row: Row) -> list[str]:
    reference = figure(row.reference) + (" *" if row.from_run and row.reference else "")
    cells = [row.case.name.removesuffix(".json"), reference]
    for solver in SOLVERS:
        run = row.runs.get(solver)
        cells += [figure(run.cost if run else None), percent(row.gap(solver))]
        if solver == "careweave":
            cells += [
                figure(_own_seconds(run), 1),
                figure(run.answer.wall_seconds if run else None, 1),
            ]
        cells.append(_feasible(run))
    return cells


def _own_seconds(run: Run | None) -> float | None:
    """The solve time careweave reports itself (``seconds`` in its JSON)."""
    if run is None or run.answer.output is None:
        return None
    seconds = run.answer.output.get("seconds")
    return float(seconds) if isinstance(seconds, int | float) else None


def _summary_columns() -> list[str]:
    return [
        "family",
        "instances",
        "careweave mean gap %",
        "worst %",
        "feasible",
        "target met",
        "OR-Tools mean gap %",
        "worst %",
        "feasible",
        "PyVRP (no sync) mean gap %",
        "worst %",
        "careweave/OR-Tools",
        "careweave/PyVRP",
    ]


def _families(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row.case.family, []).append(row)
    return list(groups.items())


def _summary(family: str, rows: list[Row]) -> list[str]:
    marked = " *" if any(row.from_run for row in rows) else ""
    cells = [family + marked, str(len(rows))]
    for solver in SOLVERS:
        gaps = [g for g in (row.gap(solver) for row in rows) if g is not None]
        cells += [percent(mean(gaps) if gaps else None), percent(max(gaps) if gaps else None)]
        if solver != "pyvrp":
            cells.append(f"{sum(_is_feasible(row, solver) for row in rows)}/{len(rows)}")
        if solver == "careweave":
            cells.append(_target(gaps, len(rows)))
    cells += [_ratio(rows, "ortools"), _ratio(rows, "pyvrp")]
    return cells


def _target(gaps: list[float], count: int) -> str:
    if len(gaps) < count:
        return "no"
    met = mean(gaps) <= TARGET_MEAN_GAP and max(gaps) <= TARGET_WORST_GAP
    return "yes" if met else "no"


def _ratio(rows: list[Row], baseline: str) -> str:
    ratios = []
    for row in rows:
        ours, theirs = row.runs.get("careweave"), row.runs.get(baseline)
        if ours and theirs and ours.cost is not None and theirs.cost:
            ratios.append(ours.cost / theirs.cost)
    return f"{mean(ratios):.3f}" if ratios else "—"


def _is_feasible(row: Row, solver: str) -> bool:
    run = row.runs.get(solver)
    return run is not None and run.feasible


def _feasible(run: Run | None) -> str:
    if run is None or run.verdict is None:
        return "no solution"
    if run.verdict.error is not None:
        return "not checked"
    if run.feasible:
        return "yes"
    return "no (sync only)" if run.verdict.only_synchronisation else "no"


def _problems(runs: list[Run]) -> str:
    lines = []
    for one in runs:
        reason = _failure(one)
        if reason and one.solver != "pyvrp":
            lines.append(f"- {LABELS[one.solver]} on {one.case.name}: {reason}")
    lines += _pyvrp_problems([one for one in runs if one.solver == "pyvrp"])
    if not lines:
        return ""
    return "\n## Problems found\n\n" + "\n".join(lines) + "\n"


def _pyvrp_problems(runs: list[Run]) -> list[str]:
    sync = [r for r in runs if r.verdict and not r.feasible and r.verdict.only_synchronisation]
    lines = []
    if sync:
        lines.append(f"- PyVRP (no sync): {len(sync)} solution(s) break synchronisation only.")
    for one in runs:
        if one.verdict is not None and one.verdict.only_synchronisation:
            continue
        reason = _failure(one)
        if reason:
            lines.append(f"- PyVRP (no sync) on {one.case.name}: {reason}")
    return lines


def _failure(one: Run) -> str | None:
    if one.verdict is None:
        return one.answer.error or "no solution within the limit"
    if one.verdict.error is not None:
        return one.verdict.error
    if not one.verdict.feasible:
        first = one.verdict.problems[0] if one.verdict.problems else "no reason given"
        return f"infeasible: {first}"
    return None
