"""Reablement episodes: start, weekly reviews, end, the 91-day follow-up, the team's board and
the report figures. Every read and write of a person's episode is audited."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.accounts.users import Role
from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import Person
from careweave.domain.reablement.barthel import BarthelScore
from careweave.domain.reablement.episodes import (
    FREE_DAYS,
    EndResult,
    ReablementEpisode,
    ReablementFigures,
    WeeklyReview,
    has_open_episode,
    reablement_figures,
)
from careweave.services.accounts.access import Actor, listable_people_filter
from careweave.services.accounts.audit import AuditTrail
from careweave.services.plans.access import check_can_plan, check_can_read_plan
from careweave.services.reablement.unit_of_work import ReablementUnitOfWork

KIND = "reablement_episode"


@dataclass(frozen=True, slots=True)
class BoardRow:
    """One open episode on the team's reablement board."""

    episode: ReablementEpisode
    person: Person
    day_number: int
    free_days_left: int
    next_review_due: date | None

    @property
    def review_overdue(self) -> bool:
        """Whether the weekly review is late on the day the board was drawn."""
        return self.next_review_due is not None and self.day_number > self.episode.day_number(
            self.next_review_due
        )


class ReablementService:
    """Use cases of reablement; each checks access, audits and owns its transaction."""

    def __init__(self, uow_factory: Callable[[], ReablementUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def start(
        self,
        actor: Actor,
        person_id: str,
        started_on: date,
        *,
        plan_id: str | None = None,
        goal_ids: Sequence[str] = (),
        barthel_start: BarthelScore | None = None,
        planned_end_on: date | None = None,
        extension_reason: str = "",
    ) -> ReablementEpisode:
        """Start an episode; it is planned to end on day 42 unless another end date is given."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_plan(actor, person)
            if plan_id is not None:
                plan = uow.plans.get(plan_id)
                if plan.person_id != person_id:
                    raise DomainValidationError("episode.plan_id", "is a plan of someone else")
                missing = set(goal_ids) - {g.id for g in plan.goals}
                if missing:
                    raise DomainValidationError(
                        "episode.goal_ids", f"not goals of the plan: {', '.join(sorted(missing))}"
                    )
            elif goal_ids:
                raise DomainValidationError("episode.goal_ids", "name the plan the goals come from")
            if has_open_episode(uow.episodes.list_for_person(person_id)):
                raise DomainValidationError(
                    "episode", "this person already has an episode that has not ended"
                )
            episode = ReablementEpisode(
                person_id=person_id,
                started_on=started_on,
                planned_end_on=planned_end_on or started_on + timedelta(days=FREE_DAYS - 1),
                plan_id=plan_id,
                goal_ids=tuple(goal_ids),
                barthel_start=barthel_start,
                extension_reason=extension_reason,
            )
            uow.episodes.add(episode)
            self._audit.record(
                uow, actor, AuditAction.CREATE, KIND, episode.id, team_id=person.team_id
            )
            uow.commit()
        return episode

    def _change(
        self,
        actor: Actor,
        episode_id: str,
        change: Callable[[ReablementEpisode], ReablementEpisode],
        detail: str,
    ) -> ReablementEpisode:
        with self._uow_factory() as uow:
            episode = uow.episodes.get(episode_id)
            person = uow.people.get(episode.person_id)
            check_can_plan(actor, person)
            changed = change(episode)
            uow.episodes.update(changed)
            self._audit.record(
                uow,
                actor,
                AuditAction.UPDATE,
                KIND,
                episode_id,
                team_id=person.team_id,
                detail=detail,
            )
            uow.commit()
        return changed

    def add_review(self, actor: Actor, episode_id: str, review: WeeklyReview) -> ReablementEpisode:
        """Record a weekly review by the multi-disciplinary team."""
        return self._change(actor, episode_id, lambda e: e.with_review(review), "weekly review")

    def end(
        self,
        actor: Actor,
        episode_id: str,
        *,
        ended_on: date,
        result: EndResult,
        barthel_end: BarthelScore | None,
        extension_reason: str = "",
    ) -> ReablementEpisode:
        """End the episode with its result and the Barthel Index at the end."""
        return self._change(
            actor,
            episode_id,
            lambda e: e.end(
                ended_on=ended_on,
                result=result,
                barthel_end=barthel_end,
                extension_reason=extension_reason,
            ),
            "ended",
        )

    def follow_up(
        self, actor: Actor, episode_id: str, *, checked_on: date, at_home: bool
    ) -> ReablementEpisode:
        """Record whether the person was still at home 91 days after the episode."""
        return self._change(
            actor,
            episode_id,
            lambda e: e.record_follow_up(checked_on=checked_on, at_home=at_home),
            "91-day follow-up",
        )

    def episode(self, actor: Actor, episode_id: str) -> tuple[ReablementEpisode, Person]:
        """One episode with its person (audited read)."""
        with self._uow_factory() as uow:
            episode = uow.episodes.get(episode_id)
            person = uow.people.get(episode.person_id)
            check_can_read_plan(actor, person)
            self._audit.record(
                uow, actor, AuditAction.READ, KIND, episode_id, team_id=person.team_id
            )
            uow.commit()
        return episode, person

    def episodes_of(self, actor: Actor, person_id: str) -> list[ReablementEpisode]:
        """The person's episodes."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_read_plan(actor, person)
            found = list(uow.episodes.list_for_person(person_id))
            self._audit.record(
                uow, actor, AuditAction.LIST, KIND, person_id, team_id=person.team_id
            )
            uow.commit()
        return found

    def board(self, actor: Actor, today: date | None = None) -> list[BoardRow]:
        """Open episodes of the people ``actor`` may see, fewest free days left first."""
        day = today or self._clock.today()
        with self._uow_factory() as uow:
            people = self._visible_people(uow, actor)
            episodes = uow.episodes.list(person_ids=people.keys(), open_only=True)
            self._audit.record(uow, actor, AuditAction.LIST, KIND, "", detail="reablement board")
            uow.commit()
        rows = [
            BoardRow(
                e,
                people[e.person_id],
                e.day_number(day),
                e.free_days_left(day),
                e.next_review_due(),
            )
            for e in episodes
        ]
        return sorted(rows, key=lambda r: (r.free_days_left, r.person.family_name, r.episode.id))

    def figures(self, actor: Actor) -> ReablementFigures:
        """The report figures over the episodes of the people ``actor`` may see (a commissioner,
        who sees aggregates only, gets the figures over everyone)."""
        with self._uow_factory() as uow:
            if actor.role is Role.COMMISSIONER:
                episodes = uow.episodes.list()
            else:
                episodes = uow.episodes.list(person_ids=self._visible_people(uow, actor).keys())
            self._audit.record(uow, actor, AuditAction.LIST, KIND, "", detail="reablement figures")
            uow.commit()
        return reablement_figures(episodes)

    @staticmethod
    def _visible_people(uow: ReablementUnitOfWork, actor: Actor) -> dict[str, Person]:
        teams, ids = listable_people_filter(actor)
        found: list[Person] = []
        if teams is None and ids is None:
            found = list(uow.people.list())
        elif ids is not None:
            found = list(uow.people.list(ids=ids))
        else:
            for team in sorted(teams or ()):
                found += uow.people.list(team_id=team)
        return {p.id: p for p in found}
