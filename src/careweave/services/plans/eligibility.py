"""The three conversations and the eligibility assessment of a person; audited reads and writes."""

from __future__ import annotations

from collections.abc import Callable

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import DomainValidationError
from careweave.domain.plans.conversations import Conversation, check_next_conversation
from careweave.domain.plans.eligibility import (
    Determination,
    EligibilityAssessment,
    ProfessionalJudgement,
)
from careweave.services.accounts.access import Actor
from careweave.services.accounts.audit import AuditTrail
from careweave.services.plans.access import check_can_plan, check_can_read_assessments
from careweave.services.plans.unit_of_work import PlansUnitOfWork


class AssessmentService:
    """Conversations and eligibility assessments; each use case owns its transaction."""

    def __init__(self, uow_factory: Callable[[], PlansUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def record_conversation(self, actor: Actor, conversation: Conversation) -> Conversation:
        """Store a conversation if it may follow the person's earlier ones (1→3 or 1→2→3)."""
        with self._uow_factory() as uow:
            person = uow.people.get(conversation.person_id)
            check_can_plan(actor, person)
            if conversation.held_on > self._clock.today():
                raise DomainValidationError("conversation.held_on", "must not be in the future")
            check_next_conversation(uow.conversations.list_for_person(person.id), conversation)
            uow.conversations.add(conversation)
            self._audit.record(
                uow,
                actor,
                AuditAction.CREATE,
                "conversation",
                conversation.id,
                team_id=person.team_id,
            )
            uow.commit()
        return conversation

    def conversations(self, actor: Actor, person_id: str) -> list[Conversation]:
        """The person's conversations, oldest first."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_read_assessments(actor, person)
            found = list(uow.conversations.list_for_person(person_id))
            self._audit.record(
                uow, actor, AuditAction.LIST, "conversation", person_id, team_id=person.team_id
            )
            uow.commit()
        return found

    def assess(self, actor: Actor, assessment: EligibilityAssessment) -> Determination:
        """Store an eligibility assessment and return its determination with the reasons."""
        with self._uow_factory() as uow:
            person = uow.people.get(assessment.person_id)
            check_can_plan(actor, person)
            if assessment.assessed_on > self._clock.today():
                raise DomainValidationError("assessment.assessed_on", "must not be in the future")
            uow.eligibility.add(assessment)
            self._audit.record(
                uow, actor, AuditAction.CREATE, "eligibility", assessment.id, team_id=person.team_id
            )
            uow.commit()
        return assessment.determine()

    def override(
        self, actor: Actor, assessment_id: str, eligible: bool, reason: str
    ) -> Determination:
        """Record a professional judgement that replaces the computed determination."""
        with self._uow_factory() as uow:
            assessment = uow.eligibility.get(assessment_id)
            person = uow.people.get(assessment.person_id)
            check_can_plan(actor, person)
            judgement = ProfessionalJudgement(
                eligible, reason, actor.display_name, self._clock.today()
            )
            changed = assessment.with_override(judgement)
            uow.eligibility.update(changed)
            self._audit.record(
                uow,
                actor,
                AuditAction.UPDATE,
                "eligibility",
                assessment_id,
                team_id=person.team_id,
                detail="professional judgement",
            )
            uow.commit()
        return changed.determine()

    def assessments(self, actor: Actor, person_id: str) -> list[EligibilityAssessment]:
        """The person's eligibility assessments, oldest first."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_read_assessments(actor, person)
            found = list(uow.eligibility.list_for_person(person_id))
            self._audit.record(
                uow, actor, AuditAction.LIST, "eligibility", person_id, team_id=person.team_id
            )
            uow.commit()
        return found
