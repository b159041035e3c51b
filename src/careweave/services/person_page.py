"""Everything the person page shows, read in one audited transaction: About Me, circle,
strengths, needs, the latest eligibility determination, conversations, plans and episodes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from careweave.domain.accounts import Role
from careweave.domain.audit import AuditAction
from careweave.domain.conversations import Conversation
from careweave.domain.eligibility import Determination, EligibilityAssessment
from careweave.domain.people import CircleMember, Need, Person, Strength
from careweave.domain.plans import CarePlan
from careweave.domain.reablement import ReablementEpisode
from careweave.services import audit
from careweave.services.access import Actor
from careweave.services.plan_access import check_can_read_plan
from careweave.services.plan_ports import PlansUnitOfWork


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
    def determination(self) -> Determination | None:
        """The latest eligibility determination with its reasons."""
        return self.assessment.determine() if self.assessment else None


def read_person_page(
    uow_factory: Callable[[], PlansUnitOfWork], actor: Actor, person_id: str
) -> PersonPage:
    """The person page of ``person_id`` for ``actor`` (audited as one read of the person)."""
    with uow_factory() as uow:
        person = uow.people.get(person_id)
        check_can_read_plan(actor, person)
        professional = actor.role is not Role.FAMILY_MEMBER
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
            can_plan=actor.is_admin or actor.role in (Role.PRACTITIONER, Role.COORDINATOR),
        )
        audit.record(
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
