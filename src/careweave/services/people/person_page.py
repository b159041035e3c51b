"""Everything the person page shows, read in one audited transaction: About Me, circle,
strengths, needs, the latest eligibility determination, conversations, plans and episodes; and
adding or removing a strength or a need from it (their practitioner or team coordinator, audited)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import NotFoundError
from careweave.domain.people.person import CircleMember, Need, Person, Strength
from careweave.domain.plans.care_plan import CarePlan
from careweave.domain.plans.conversations import Conversation
from careweave.domain.plans.eligibility import Determination, EligibilityAssessment
from careweave.domain.reablement.episodes import ReablementEpisode, has_open_episode
from careweave.services.accounts.access import Actor
from careweave.services.accounts.audit import AuditTrail
from careweave.services.people.unit_of_work import PeopleUnitOfWork
from careweave.services.plans.access import (
    check_can_plan,
    check_can_read_plan,
    may_plan,
    may_read_assessments,
)


@dataclass(frozen=True, slots=True)
class PersonPage:
    """The person's record as their page shows it (assessments are empty for family members)."""

    person: Person
    circle: tuple[CircleMember, ...]
    strengths: tuple[Strength, ...]
    needs: tuple[Need, ...]
    plans: tuple[CarePlan, ...]
    episodes: tuple[ReablementEpisode, ...]
    conversations: tuple[Conversation, ...]
    assessment: EligibilityAssessment | None
    can_plan: bool

    @property
    def can_start_episode(self) -> bool:
        """Whether the reader may start a reablement episode now (none may be open already)."""
        return self.can_plan and not has_open_episode(self.episodes)

    @property
    def determination(self) -> Determination | None:
        """The latest eligibility determination with its reasons."""
        return self.assessment.determine() if self.assessment else None


class PersonPageService:
    """The person page's use cases; each checks access, audits and owns its transaction."""

    def __init__(self, uow_factory: Callable[[], PeopleUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._audit = AuditTrail(clock)

    def read_person_page(self, actor: Actor, person_id: str) -> PersonPage:
        """The person page of ``person_id`` for ``actor`` (audited as one read of the person)."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_read_plan(actor, person)
            professional = may_read_assessments(actor)
            assessments = uow.eligibility.list_for_person(person_id) if professional else ()
            page = PersonPage(
                person=person,
                circle=tuple(uow.circles.list_for_person(person_id)),
                strengths=tuple(uow.strengths.list_for_person(person_id)),
                needs=tuple(uow.needs.list_for_person(person_id)),
                plans=tuple(uow.plans.list_for_person(person_id)),
                episodes=tuple(uow.episodes.list_for_person(person_id)),
                conversations=tuple(uow.conversations.list_for_person(person_id))
                if professional
                else (),
                assessment=assessments[-1] if assessments else None,
                can_plan=may_plan(actor),
            )
            self._audit.record(
                uow,
                actor,
                AuditAction.READ,
                "person",
                person_id,
                team_id=person.team_id,
                detail="person page",
            )
            uow.commit()
        return page

    def add_strength(
        self,
        actor: Actor,
        person_id: str,
        kind: str,
        description: str,
    ) -> Strength:
        """Record a personal, family or community strength of the person (checked after access, so
        an outsider learns nothing from a bad value)."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_plan(actor, person)
            strength = Strength(person_id=person_id, kind=kind, description=description)  # type: ignore[arg-type]
            uow.strengths.add(strength)
            self._audit.record(
                uow, actor, AuditAction.CREATE, "strength", strength.id, team_id=person.team_id
            )
            uow.commit()
        return strength

    def remove_strength(self, actor: Actor, person_id: str, strength_id: str) -> None:
        """Remove one of the person's strengths."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_plan(actor, person)
            if uow.strengths.get(strength_id).person_id != person_id:
                raise NotFoundError("strength", strength_id)
            uow.strengths.remove(strength_id)
            self._audit.record(
                uow, actor, AuditAction.DELETE, "strength", strength_id, team_id=person.team_id
            )
            uow.commit()

    def add_need(
        self,
        actor: Actor,
        person_id: str,
        outcome: str,
        description: str,
    ) -> Need:
        """Record a need of the person against one of the ten eligibility outcomes."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_plan(actor, person)
            need = Need(person_id=person_id, outcome=outcome, description=description)  # type: ignore[arg-type]
            uow.needs.add(need)
            self._audit.record(
                uow, actor, AuditAction.CREATE, "need", need.id, team_id=person.team_id
            )
            uow.commit()
        return need

    def remove_need(self, actor: Actor, person_id: str, need_id: str) -> None:
        """Remove one of the person's needs."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_plan(actor, person)
            if uow.needs.get(need_id).person_id != person_id:
                raise NotFoundError("need", need_id)
            uow.needs.remove(need_id)
            self._audit.record(
                uow, actor, AuditAction.DELETE, "need", need_id, team_id=person.team_id
            )
            uow.commit()
