"""The three conversations and eligibility on the in-memory fakes: the pathway, who may record
and read them (not the family: they are professional records), overrides, and the audit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.unit.services.neighbourhood import DAY

from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import DomainValidationError, NotFoundError, PermissionDeniedError
from careweave.domain.people.person import EligibilityOutcome
from careweave.domain.plans.conversations import REQUIRED_TOPICS, Conversation, ConversationKind
from careweave.domain.plans.eligibility import (
    EligibilityAssessment,
    Impact,
    OutcomeFinding,
    UnableReason,
    WellbeingArea,
)

LISTEN, CRISIS, GOOD_LIFE = (
    ConversationKind.LISTEN_AND_CONNECT,
    ConversationKind.CRISIS,
    ConversationKind.GOOD_LIFE,
)


def _conversation(person, kind, held_on):
    return Conversation(
        person_id=person.id,
        kind=kind,
        held_on=held_on,
        held_by="Pat Poplar",
        agreed="Agreed next steps",
        topics=dict.fromkeys(REQUIRED_TOPICS[kind], "notes"),
        review_on=held_on + timedelta(days=7) if kind is CRISIS else None,
    )


def _assessment(person):
    """Needs with nutrition only, and a significant impact on dignity: not eligible as computed
    (reg. 2 needs two outcomes it cannot achieve)."""
    return EligibilityAssessment(
        person_id=person.id,
        assessed_on=DAY,
        assessed_by="Pat Poplar",
        arises_from_impairment_or_illness=True,
        findings=(
            OutcomeFinding(
                EligibilityOutcome.NUTRITION,
                True,
                frozenset({UnableReason.TAKES_SIGNIFICANTLY_LONGER}),
            ),
        ),
        wellbeing=((WellbeingArea.PERSONAL_DIGNITY, Impact.SIGNIFICANT),),
    )


def test_conversations_follow_the_pathway_one_two_three(assessment_service, town, pat, audit_trail):
    person = town.person_a
    for kind, day in ((LISTEN, 1), (CRISIS, 10), (GOOD_LIFE, 20)):
        assessment_service.record_conversation(pat, _conversation(person, kind, date(2026, 2, day)))
    found = assessment_service.conversations(pat, person.id)
    assert [c.kind for c in found] == [LISTEN, CRISIS, GOOD_LIFE]
    kinds = [(e.action, e.record_kind) for e in audit_trail()]
    assert kinds == [
        *[(AuditAction.CREATE, "conversation")] * 3,
        (AuditAction.LIST, "conversation"),
    ]


def test_a_good_life_conversation_needs_a_first_one(assessment_service, town, pat, nothing_written):
    with nothing_written(), pytest.raises(DomainValidationError) as refused:
        assessment_service.record_conversation(pat, _conversation(town.person_a, GOOD_LIFE, DAY))
    assert refused.value.field == "conversation.kind"


def test_a_conversation_cannot_be_held_tomorrow(assessment_service, town, pat, nothing_written):
    tomorrow = DAY + timedelta(days=1)
    with nothing_written(), pytest.raises(DomainValidationError) as refused:
        assessment_service.record_conversation(pat, _conversation(town.person_a, LISTEN, tomorrow))
    assert refused.value.field == "conversation.held_on"


@pytest.mark.parametrize(
    ("persona", "error"),
    [("bob", PermissionDeniedError), ("dora", PermissionDeniedError), ("charlie", NotFoundError)],
    indirect=["persona"],
)
def test_only_planners_record_conversations(
    assessment_service, town, persona, error, nothing_written
):
    with nothing_written(), pytest.raises(error):
        assessment_service.record_conversation(persona, _conversation(town.person_a, LISTEN, DAY))


@pytest.mark.parametrize(
    ("persona", "readable"),
    [("alice", True), ("bob", True), ("pat", True), ("dora", False), ("charlie", False)],
    indirect=["persona"],
)
def test_the_family_does_not_read_professional_records(
    assessment_service, town, pat, persona, readable
):
    assessment_service.record_conversation(pat, _conversation(town.person_a, LISTEN, DAY))
    assessment_service.assess(pat, _assessment(town.person_a))
    if readable:
        assert len(assessment_service.conversations(persona, town.person_a.id)) == 1
        assert len(assessment_service.assessments(persona, town.person_a.id)) == 1
        return
    with pytest.raises(NotFoundError):
        assessment_service.conversations(persona, town.person_a.id)
    with pytest.raises(NotFoundError):
        assessment_service.assessments(persona, town.person_a.id)


def test_eligibility_is_determined_with_its_reasons_and_kept(
    assessment_service, town, pat, audit_trail
):
    assessment = _assessment(town.person_a)
    determination = assessment_service.assess(pat, assessment)
    assert not determination.eligible
    assert [c.met for c in determination.criteria] == [True, False, True]
    assert assessment_service.assessments(pat, town.person_a.id) == [assessment]
    assert (AuditAction.CREATE, "eligibility", assessment.id) in [
        (e.action, e.record_kind, e.record_id) for e in audit_trail()
    ]


def test_a_professional_judgement_overrides_the_determination(
    assessment_service, town, pat, alice, nothing_written
):
    assessment = _assessment(town.person_a)
    assessment_service.assess(pat, assessment)
    with nothing_written(), pytest.raises(DomainValidationError) as refused:
        assessment_service.override(alice, assessment.id, True, "")
    assert refused.value.field == "override.reason"
    overridden = assessment_service.override(alice, assessment.id, True, "Bad days not seen")
    assert (overridden.eligible, overridden.overridden) == (True, True)
    (stored,) = assessment_service.assessments(pat, town.person_a.id)
    assert stored.override is not None
    assert (stored.override.made_by, stored.override.made_on) == ("Alice Ash", DAY)
