"""Turning a team's week into timeline rows: one row per worker, plus one for visits nobody has."""

from __future__ import annotations

from datetime import date

from careweave.adapters.web.render.timeline import BarStatus, TimelineBar, TimelineRow
from careweave.domain.visits.recording import Lateness
from careweave.domain.visits.visit import VisitStatus, minutes_of
from careweave.services.rostering.team_week import TeamWeek
from careweave.services.visits.team_day import VisitLine

_STATUS = {
    VisitStatus.PLANNED: BarStatus.UNASSIGNED,
    VisitStatus.ASSIGNED: BarStatus.ASSIGNED,
    VisitStatus.IN_PROGRESS: BarStatus.IN_PROGRESS,
    VisitStatus.DONE: BarStatus.DONE,
    VisitStatus.MISSED: BarStatus.MISSED,
    VisitStatus.CANCELLED: BarStatus.MISSED,
}


def bar_status(line: VisitLine) -> BarStatus:
    """How a visit's bar is drawn: lateness first, then its status."""
    if line.lateness is Lateness.MISSED:
        return BarStatus.MISSED
    if line.lateness is Lateness.LATE:
        return BarStatus.LATE
    return _STATUS[line.visit.status]


def bar_of(line: VisitLine, day_index: int = 0) -> TimelineBar:
    """The timeline bar of one visit."""
    start = minutes_of(line.start)
    end = start + line.visit.planned_length
    who = ", ".join(w.display_name for w in line.workers) or "nobody yet"
    detail = (
        f"{line.person.display_name}, {line.start:%H:%M}-{_clock(end)} on {line.visit.day:%a %d %b}"
        f", {who}"
    )
    return TimelineBar(
        start=start,
        end=min(end, 24 * 60),
        label=line.person.display_name,
        detail=detail,
        status=bar_status(line),
        day_index=day_index,
        key=line.visit.id,
        href=f"/visits/{line.visit.id}/reassign",
    )


def _clock(minute: int) -> str:
    minute = min(minute, 24 * 60 - 1)
    return f"{minute // 60:02d}:{minute % 60:02d}"


def day_rows(week: TeamWeek, day: date) -> list[TimelineRow]:
    """The rows of ``day``: each active worker, then the unassigned visits."""
    rows = [
        TimelineRow(worker.display_name, tuple(bar_of(ln) for ln in wd.lines), worker.id)
        for worker in week.workers
        for wd in (week.worker_day(worker, day),)
    ]
    loose = tuple(bar_of(ln) for ln in week.unassigned if ln.visit.day == day)
    if loose:
        rows.append(TimelineRow("Not assigned", loose))
    return rows


def week_rows(week: TeamWeek) -> list[TimelineRow]:
    """The rows of the whole week: each visit in its day's column."""
    index = {day: i for i, day in enumerate(week.days)}
    rows = []
    for worker in week.workers:
        bars = [
            bar_of(line, index[day])
            for day in week.days
            for line in week.worker_day(worker, day).lines
        ]
        rows.append(TimelineRow(worker.display_name, tuple(bars), worker.id))
    loose = tuple(bar_of(line, index[line.visit.day]) for line in week.unassigned)
    if loose:
        rows.append(TimelineRow("Not assigned", loose))
    return rows
