"""Plans, ratings, risks, conversations and eligibility through the services, on both databases."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from tests.integration.plans.conftest import ADMIN
from tests.integration.storage_builders import a_person, a_team

from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.clock import FixedClock
from careweave.domain.accounts.users import Role
from careweave.domain.errors import (
    ConflictError,
    DomainValidationError,
    NotFoundError,
    PermissionDeniedError,
)
from careweave.domain.people.person import EligibilityOutcome, Person
from careweave.domain.plans.care_plan import FundingSource, Goal
from careweave.domain.plans.conversations import REQUIRED_TOPICS, Conversation, ConversationKind
from careweave.domain.plans.eligibility import (
    EligibilityAssessment,
    Impact,
    OutcomeFinding,
    UnableReason,
    WellbeingArea,
)
from careweave.domain.plans.gas import DEFAULT_LEVEL_MEANINGS, GasScale, t_score
from careweave.domain.plans.risk import AtRisk, Risk, RiskDecision
from careweave.services.accounts.access import Actor
from careweave.services.plans.eligibility import AssessmentService
from careweave.services.plans.plans import PlanDraft, PlanService

Factory = Callable[[], SqlUnitOfWork]
NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
clock = FixedClock(NOW)


def stored_person(uow: Factory) -> Person:
    team = a_team()
    person = a_person(team)
    with uow() as u:
        u.teams.add(team)
        u.people.add(person)
        u.commit()
    return person


def draft(**changes: object) -> PlanDraft:
    goals = (
        Goal(description="Walk to the shop", importance=9, scale=GasScale(DEFAULT_LEVEL_MEANINGS)),
        Goal(
            description="See my friends on Sunday",
            importance=7,
            scale=GasScale(DEFAULT_LEVEL_MEANINGS),
        ),
    )
    fields: dict[str, object] = {
        "review_on": date(2026, 6, 1),
        "review_by": "Sam",
        "funding_source": FundingSource.LOCAL_AUTHORITY,
        "goals": goals,
    }
    fields.update(changes)
    return PlanDraft(**fields)  # type: ignore[arg-type]


def practitioner(person: Person) -> Actor:
    return Actor(
        "u-p",
        "pat",
        "Pat Practitioner",
        Role.PRACTITIONER,
        assigned_person_ids=frozenset({person.id}),
    )


def test_plan_with_two_goals_rated_shows_the_t_score(plans_uow: Factory) -> None:
    person = stored_person(plans_uow)
    service = PlanService(plans_uow, clock)
    plan = service.create(practitioner(person), person.id, draft())
    walk, friends = plan.goals
    service.rate_goal(ADMIN, walk.id, 1, date(2026, 3, 10))
    service.rate_goal(ADMIN, friends.id, 1, date(2026, 3, 10))
    view = service.view(practitioner(person), plan.plan_id)
    assert view.current_t_score == pytest.approx(62.40, abs=0.005)
    assert [g.latest_level for g in view.goals] == [1, 1]
    assert view.is_latest


def test_revising_makes_a_new_version_and_keeps_the_old_readable(plans_uow: Factory) -> None:
    person = stored_person(plans_uow)
    service = PlanService(plans_uow, clock)
    v1 = service.create(ADMIN, person.id, draft())
    v2 = service.revise(ADMIN, v1.plan_id, 1, draft(goals=v1.goals[:1], review_on=date(2026, 7, 1)))
    assert v2.version == 2
    old = service.view(ADMIN, v1.plan_id, 1)
    assert len(old.plan.goals) == 2
    assert old.versions == (1, 2)
    assert not old.is_latest
    assert service.view(ADMIN, v1.plan_id).plan.review_on == date(2026, 7, 1)
    with pytest.raises(ConflictError) as err:
        service.revise(ADMIN, v1.plan_id, 1, draft())
    assert err.value.field == "based_on_version"


def test_a_plan_without_review_date_is_rejected_and_nothing_stored(plans_uow: Factory) -> None:
    person = stored_person(plans_uow)
    with pytest.raises(DomainValidationError) as err:
        PlanService(plans_uow, clock).create(ADMIN, person.id, draft(review_on=None))
    assert err.value.field == "plan.review_on"
    with plans_uow() as uow:
        assert uow.plans.list_for_person(person.id) == []


def test_a_bad_rating_stores_nothing(plans_uow: Factory) -> None:
    person = stored_person(plans_uow)
    service = PlanService(plans_uow, clock)
    plan = service.create(ADMIN, person.id, draft())
    with pytest.raises(DomainValidationError) as err:
        service.rate_goal(ADMIN, plan.goals[0].id, 3, date(2026, 3, 10))
    assert err.value.field == "rating.level"
    with pytest.raises(DomainValidationError) as err:
        service.rate_goal(ADMIN, plan.goals[0].id, 1, date(2026, 4, 10))
    assert err.value.field == "rating.rated_on"
    with pytest.raises(NotFoundError):
        service.rate_goal(ADMIN, "no-such-goal", 1, date(2026, 3, 10))
    with plans_uow() as uow:
        assert uow.ratings.list_for_person(person.id) == []


def test_access_family_reads_the_plan_but_cannot_change_it(plans_uow: Factory) -> None:
    person = stored_person(plans_uow)
    service = PlanService(plans_uow, clock)
    plan = service.create(ADMIN, person.id, draft())
    family = Actor("u-f", "fam", "Fran", Role.FAMILY_MEMBER, person_ids=frozenset({person.id}))
    assert service.view(family, plan.plan_id).plan.plan_id == plan.plan_id
    with pytest.raises(PermissionDeniedError):
        service.create(family, person.id, draft())
    with pytest.raises(PermissionDeniedError):
        service.rate_goal(family, plan.goals[0].id, 0, date(2026, 3, 1))
    stranger = Actor("u-s", "str", "Stranger", Role.CARE_WORKER, team_ids=frozenset({"other"}))
    with pytest.raises(NotFoundError):
        service.view(stranger, plan.plan_id)


def test_every_plan_read_and_write_is_audited(plans_uow: Factory) -> None:
    person = stored_person(plans_uow)
    service = PlanService(plans_uow, clock)
    plan = service.create(ADMIN, person.id, draft())
    service.view(ADMIN, plan.plan_id)
    service.rate_goal(ADMIN, plan.goals[0].id, 0, date(2026, 3, 1))
    with plans_uow() as uow:
        entries = uow.audit.list(limit=None, offset=0)
    kinds = [(e.action.value, e.record_kind) for e in entries]
    assert ("create", "care_plan") in kinds
    assert ("read", "care_plan") in kinds
    assert ("create", "gas_rating") in kinds


def test_risk_linked_to_the_plan(plans_uow: Factory) -> None:
    person = stored_person(plans_uow)
    service = PlanService(plans_uow, clock)
    plan = service.create(ADMIN, person.id, draft())
    risk = Risk(
        person_id=person.id,
        plan_id=plan.plan_id,
        description="Falls outdoors",
        at_risk=frozenset({AtRisk.PERSON}),
        likelihood=3,
        impact=4,
        persons_view="Worth it",
        decision=RiskDecision.TAKE_THE_RISK_WITH_SAFEGUARDS,  # type: ignore[arg-type]
        decision_reason="Walking matters to her",
        agreed_by="Sam",
        agreed_on=date(2026, 3, 1),
        safeguards="Pendant",
    )
    service.add_risk(ADMIN, risk)
    assert service.view(ADMIN, plan.plan_id).risks == (risk,)
    with pytest.raises(DomainValidationError) as err:
        service.add_risk(ADMIN, dataclasses.replace(risk, person_id="someone", id="r2"))
    assert err.value.field == "risk.plan_id"


def conversation(person: Person, kind: ConversationKind, day: int) -> Conversation:
    return Conversation(
        person_id=person.id,
        kind=kind,
        held_on=date(2026, 3, day),
        held_by="Sam",
        agreed="Agreed next steps",
        topics=dict.fromkeys(REQUIRED_TOPICS[kind], "notes"),
        review_on=date(2026, 3, day + 7) if kind == ConversationKind.CRISIS else None,
    )


def test_conversations_follow_the_pathway_across_transactions(plans_uow: Factory) -> None:
    person = stored_person(plans_uow)
    service = AssessmentService(plans_uow, clock)
    with pytest.raises(DomainValidationError) as err:
        service.record_conversation(ADMIN, conversation(person, ConversationKind.GOOD_LIFE, 1))
    assert err.value.field == "conversation.kind"
    for day, kind in (
        (1, ConversationKind.LISTEN_AND_CONNECT),
        (3, ConversationKind.CRISIS),
        (9, ConversationKind.GOOD_LIFE),
    ):
        service.record_conversation(ADMIN, conversation(person, kind, day))
    with pytest.raises(DomainValidationError):
        service.record_conversation(ADMIN, conversation(person, ConversationKind.CRISIS, 10))
    stored = service.conversations(ADMIN, person.id)
    assert [c.kind.number for c in stored] == [1, 2, 3]
    assert stored[1].review_on == date(2026, 3, 10)


def test_eligibility_is_computed_stored_and_overridden(plans_uow: Factory) -> None:
    person = stored_person(plans_uow)
    service = AssessmentService(plans_uow, clock)
    assessment = EligibilityAssessment(
        person_id=person.id,
        assessed_on=date(2026, 3, 2),
        assessed_by="Sam",
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
    result = service.assess(ADMIN, assessment)
    assert not result.eligible
    assert not result.criteria[1].met
    overridden = service.override(
        ADMIN, assessment.id, True, "Fluctuating: bad days not seen at the visit"
    )
    assert overridden.eligible
    assert overridden.overridden
    stored = service.assessments(ADMIN, person.id)
    assert stored[0].override is not None
    assert stored[0].override.made_by == "Admin"
    with pytest.raises(DomainValidationError) as err:
        service.override(ADMIN, assessment.id, False, "")
    assert err.value.field == "override.reason"
    family = Actor("u-f", "fam", "Fran", Role.FAMILY_MEMBER, person_ids=frozenset({person.id}))
    with pytest.raises(NotFoundError):
        service.assessments(family, person.id)


def test_unweighted_t_score_matches_the_domain(plans_uow: Factory) -> None:
    person = stored_person(plans_uow)
    service = PlanService(plans_uow, clock)
    goals = tuple(
        Goal(
            description=f"Goal {i}", importance=5, weight=w, scale=GasScale(DEFAULT_LEVEL_MEANINGS)
        )
        for i, w in enumerate((3.0, 1.0))
    )
    plan = service.create(ADMIN, person.id, draft(goals=goals))
    service.rate_goal(ADMIN, goals[0].id, 1, date(2026, 3, 1))
    service.rate_goal(ADMIN, goals[1].id, -2, date(2026, 3, 1))
    assert service.view(ADMIN, plan.plan_id).current_t_score == pytest.approx(
        t_score([(3, 1), (1, -2)])
    )
