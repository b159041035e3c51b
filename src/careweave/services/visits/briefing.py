"""What a care worker reads before they knock, on the visit's own page.

From the records careweave already holds: the visit's tasks, the medicines the person's current
plan lists for this part of the day, the key safe and access note (for the workers on the visit
only), what matters to the person and their health and wellness in their own words (About Me),
the risks agreed with them, the last visit's note, and their goals. One transaction, one audit
entry; only those who may see the visit in full (its team) read it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.people.person import AboutMeSection, Person
from careweave.domain.plans.medicines import PlanMedicine, due_at
from careweave.domain.plans.risk import Risk
from careweave.domain.visits.recording import VisitRecord, lateness
from careweave.domain.visits.timing import planned_start_at
from careweave.domain.visits.visit import Visit, VisitStatus
from careweave.domain.workforce.workers import Worker
from careweave.services.accounts.access import Actor, check_can_see_visit
from careweave.services.accounts.audit import AuditTrail
from careweave.services.plans.progress_goals import CurrentGoals, read_current_goals
from careweave.services.visits.team_day import VisitLine
from careweave.services.visits.unit_of_work import VisitsUnitOfWork

# How far back "the last visit" is looked for: a note older than this is no longer news.
LAST_VISIT_LOOKBACK = timedelta(days=14)


@dataclass(frozen=True, slots=True)
class LastVisit:
    """The newest earlier visit to the person with a note: when, who (first name) and the note."""

    day: date
    worker_first_name: str
    notes: str


@dataclass(frozen=True, slots=True)
class VisitBriefing:
    """The visit with its person, workers and records, and what to know before going in."""

    line: VisitLine
    goals: CurrentGoals
    medicines_due: tuple[PlanMedicine, ...]
    key_safe_note: str
    about_me: dict[AboutMeSection, str]
    risks: tuple[Risk, ...]
    last_visit: LastVisit | None

    @property
    def has_background(self) -> bool:
        """True when there is anything beyond the tasks to read before going in."""
        return bool(
            self.medicines_due
            or self.key_safe_note
            or self.about_me
            or self.risks
            or self.last_visit
            or self.goals.goals
        )


BRIEFING_SECTIONS = (
    AboutMeSection.WHAT_MATTERS_TO_ME,
    AboutMeSection.MY_WELLNESS,
    AboutMeSection.HOW_AND_WHEN_TO_SUPPORT_ME,
)


class VisitBriefingService:
    """The visit page's reading: one visit and everything to know before check-in."""

    def __init__(self, uow_factory: Callable[[], VisitsUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._audit = AuditTrail(clock)

    def brief(self, actor: Actor, visit_id: str, now: datetime) -> VisitBriefing:
        """The briefing of ``visit_id`` as seen at ``now`` (NotFoundError outside its team)."""
        with self._uow_factory() as uow:
            visit = uow.visits.get(visit_id)
            person = uow.people.get(visit.person_id)
            check_can_see_visit(actor, visit, person)
            workers = uow.workers.list(ids=set(visit.assigned_worker_ids))
            records = tuple(uow.visit_records.list_for_visits([visit.id]))
            goals = read_current_goals(uow.plans, person.id)
            setup = uow.telecare_setups.find(person.id)
            on_visit = actor.worker_id in visit.assigned_worker_ids
            briefing = VisitBriefing(
                line=_line(visit, person, workers, records, now),
                goals=goals,
                medicines_due=_medicines_due(goals, visit),
                key_safe_note=setup.key_safe_note if setup and on_visit else "",
                about_me=_about_me(person),
                risks=tuple(uow.risks.list_for_person(person.id)),
                last_visit=_last_visit(uow, visit),
            )
            self._audit.record(
                uow,
                actor,
                AuditAction.READ,
                "visit",
                visit.id,
                team_id=person.team_id,
                detail="visit briefing",
            )
            uow.commit()
        return briefing


def _line(
    visit: Visit,
    person: Person,
    workers: Sequence[Worker],
    records: tuple[VisitRecord, ...],
    now: datetime,
) -> VisitLine:
    order = {w: i for i, w in enumerate(visit.assigned_worker_ids)}
    ordered = tuple(sorted(workers, key=lambda w: order[w.id]))
    return VisitLine(visit, person, ordered, records, lateness(visit, now))


def _medicines_due(goals: CurrentGoals, visit: Visit) -> tuple[PlanMedicine, ...]:
    if goals.plan is None:
        return ()
    return due_at(goals.plan.medicines, visit.planned_start or visit.window_start)


def _about_me(person: Person) -> dict[AboutMeSection, str]:
    """The About Me sections a worker needs at the door, those the person has filled in."""
    sections = {s: person.about_me.text(s) for s in BRIEFING_SECTIONS}
    return {s: text for s, text in sections.items() if text}


def _last_visit(uow: VisitsUnitOfWork, visit: Visit) -> LastVisit | None:
    """The newest visit to the person before this one (within the lookback) with a note."""
    done = uow.visits.list(
        person_id=visit.person_id,
        day_from=visit.day - LAST_VISIT_LOOKBACK,
        day_to=visit.day,
        status=VisitStatus.DONE,
    )
    earlier = [v for v in done if planned_start_at(v) < planned_start_at(visit)]
    if not earlier:
        return None
    records = uow.visit_records.list_for_visits([v.id for v in earlier])
    notes = [r for r in records if r.outcomes.notes]
    if not notes:
        return None
    day_of = {v.id: v.day for v in earlier}
    newest = max(notes, key=lambda r: (day_of[r.visit_id], r.check_in.at))
    worker = uow.workers.get(newest.worker_id)
    return LastVisit(day_of[newest.visit_id], worker.given_name, newest.outcomes.notes)
