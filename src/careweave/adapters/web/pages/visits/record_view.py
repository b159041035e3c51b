"""What the visit pages show besides their forms: the briefing's words, the booleans of the
timing rules, the summary of a finished record, and a worker's visits grouped by day. The rules
are the domain's (:mod:`careweave.domain.visits.timing`); this module only asks them about now."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from careweave.adapters.web.pages.visits.record_form import (
    FieldError,
    record_form,
    typed_fields,
)
from careweave.domain.people.person import AboutMeSection
from careweave.domain.plans.medicines import DAY_PART_WORDS, DayPart, PlanMedicine
from careweave.domain.values import minutes_words
from careweave.domain.visits.recording import (
    MEDICATION_RESULT_LABELS,
    Outcomes,
    TaskMode,
    VisitRecord,
)
from careweave.domain.visits.timing import (
    EARLY_CHECK_IN_BEFORE,
    is_early_check_in,
    is_much_shorter,
    minutes_between,
)
from careweave.services.visits.briefing import VisitBriefing
from careweave.services.visits.team_day import VisitLine

# The About Me sections at the door, under headings a worker scans quickly.
BRIEFING_TITLES = {
    AboutMeSection.WHAT_MATTERS_TO_ME: "What's important to me",
    AboutMeSection.MY_WELLNESS: "My health, allergies and wellness",
    AboutMeSection.HOW_AND_WHEN_TO_SUPPORT_ME: "How and when to support me",
}
DONE_WORDS = {TaskMode.WITH: "done with them", TaskMode.FOR: "done for them"}


def record_context(
    briefing: VisitBriefing,
    worker_id: str | None,
    now: datetime,
    typed: Mapping[str, str] | None = None,
    errors: Mapping[str, FieldError] | None = None,
    problem: str = "",
) -> dict[str, Any]:
    """The template context of the visit page for the worker ``worker_id`` at ``now``; the form
    holds ``typed`` when a submission was refused, else the worker's saved record."""
    visit = briefing.line.visit
    mine = next((r for r in briefing.line.records if r.worker_id == worker_id), None)
    due = tuple(m.item for m in briefing.medicines_due)
    fields = typed if typed is not None else _saved_fields(mine, visit.tasks, due)
    return {
        "line": briefing.line,
        "record": mine,
        "goals": briefing.goals,
        "briefing": briefing,
        "about_titles": BRIEFING_TITLES,
        "medicine_times": {m.item: _times_words(m) for m in briefing.medicines_due},
        "form": record_form(fields, visit.tasks, due, errors, problem),
        "check_in_reason": fields.get("reason", ""),
        "check_in_needs_reason": mine is None and is_early_check_in(visit, now),
        "check_out_needs_reason": _cut_short(briefing, mine, now),
        "opens_at": visit.window_start.strftime("%H:%M"),
        "early_words": _hours_words(EARLY_CHECK_IN_BEFORE.total_seconds()),
        "planned_words": minutes_words(visit.planned_length),
        "summary": summary_lines(visit.tasks, mine.outcomes) if mine else (),
        "short_words": short_visit_words(briefing, mine),
        "results": MEDICATION_RESULT_LABELS,
    }


def _saved_fields(
    record: VisitRecord | None, tasks: tuple[str, ...], due: tuple[str, ...]
) -> dict[str, str]:
    return typed_fields(record.outcomes if record else Outcomes(), tasks, due)


def _cut_short(briefing: VisitBriefing, record: VisitRecord | None, now: datetime) -> bool:
    """True while checking out now would end the visit much sooner than planned."""
    if record is None or not record.is_open:
        return False
    return is_much_shorter(briefing.line.visit, minutes_between(record.check_in.at, now))


def short_visit_words(briefing: VisitBriefing, record: VisitRecord | None) -> str:
    """A finished visit much shorter than planned, in words with the worker's reason ('' when
    the visit was not cut short)."""
    minutes = record.minutes_on_visit if record else None
    visit = briefing.line.visit
    if record is None or minutes is None or not is_much_shorter(visit, minutes):
        return ""
    why = record.check_out_reason or "no reason given"
    planned = minutes_words(visit.planned_length)
    return f"Shorter than planned: {minutes_words(minutes)} of {planned} ({why})"


def _times_words(medicine: PlanMedicine) -> str:
    return ", ".join(DAY_PART_WORDS[p] for p in DayPart if p in medicine.times)


def _hours_words(seconds: float) -> str:
    hours = int(seconds // 3600)
    return "an hour" if hours == 1 else f"{hours} hours"


def summary_lines(tasks: tuple[str, ...], outcomes: Outcomes) -> tuple[str, ...]:
    """Each task of the visit in words: done with or for the person, or not done (and why)."""
    done = {t.task: t.mode for t in outcomes.tasks}
    why = {t.task: t.reason for t in outcomes.not_done}
    lines = []
    for task in tasks:
        if task in done:
            lines.append(f"{task}: {DONE_WORDS[done[task]]}")
        elif why.get(task):
            lines.append(f"{task}: not done ({why[task]})")
        else:
            lines.append(f"{task}: not done (no reason given)")
    return tuple(lines)


@dataclass(frozen=True, slots=True)
class DayOfVisits:
    """One day of a worker's visits, headed in words ("Today", "Tomorrow", "Friday 05 December")."""

    day: date
    heading: str
    lines: tuple[VisitLine, ...]

    @property
    def date_words(self) -> str:
        """The date in words, when the heading does not already say it ('' otherwise)."""
        words = self.day.strftime("%A %d %B")
        return "" if self.heading == words else words


def days_of_visits(
    lines: Sequence[VisitLine], first: date, today: date, days: int
) -> tuple[DayOfVisits, ...]:
    """``lines`` by day from ``first`` for ``days`` days: the first day always (even empty, so
    the page can say so), the others only when they hold a visit."""
    grouped = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        found = tuple(line for line in lines if line.visit.day == day)
        if found or offset == 0:
            grouped.append(DayOfVisits(day, _day_heading(day, today), found))
    return tuple(grouped)


def _day_heading(day: date, today: date) -> str:
    names = {today: "Today", today + timedelta(days=1): "Tomorrow"}
    return names.get(day, day.strftime("%A %d %B"))
