"""A full person record for FHIR and storage tests: every optional part filled in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from careweave.domain.people.person import (
    AboutMe,
    AboutMeSection,
    CareModel,
    CircleMember,
    CircleRole,
    EligibilityOutcome,
    Need,
    Person,
    Strength,
    StrengthKind,
)
from careweave.domain.people.record import PersonRecord
from careweave.domain.plans.care_plan import (
    Action,
    ActionStatus,
    ActorKind,
    AgreedBy,
    Agreement,
    CarePlan,
    Contingency,
    FundingSource,
    Goal,
)
from careweave.domain.plans.gas import (
    DEFAULT_LEVEL_MEANINGS,
    GasRating,
    GasScale,
    GoalLifecycleStatus,
)
from careweave.domain.plans.risk import AtRisk, Likelihood, Risk, RiskDecision, Severity
from careweave.domain.reablement.barthel import ALLOWED_SCORES, BarthelItem, BarthelScore
from careweave.domain.reablement.episodes import EndResult, ReablementEpisode, WeeklyReview
from careweave.domain.values import Location
from careweave.domain.workforce.workers import Patch, Team

START = date(2026, 1, 5)


def barthel(**lower: int) -> BarthelScore:
    scores = {item: max(allowed) for item, allowed in ALLOWED_SCORES.items()}
    scores.update({BarthelItem(k): v for k, v in lower.items()})
    return BarthelScore(scores)


def sample_team() -> Team:
    corners = (Location(53.48, -2.25), Location(53.49, -2.23), Location(53.47, -2.22))
    return Team(
        name="Ancoats team",
        patch=Patch(centre=Location(53.48, -2.24), radius_km=1.5, polygon=corners),
    )


def sample_record(person_id: str | None = None, team: Team | None = None) -> PersonRecord:
    team = team or sample_team()
    person = Person(
        given_name="Margaret",
        family_name="O'Brien",
        preferred_name="Peggy",
        date_of_birth=date(1938, 4, 2),
        address="12 Mill Street, Manchester",
        postcode="m4 6ee",
        location=Location(53.4831, -2.2301),
        care_model=CareModel.REABLEMENT,
        team_id=team.id,
        gender="female",
        languages=("en", "ga"),
        nhs_number="9434765919",
        about_me=AboutMe({AboutMeSection.WHAT_MATTERS_TO_ME: "My garden and my cat, Biscuit."}),
        continuity_target=2,
        **({"id": person_id} if person_id else {}),
    )
    pid = person.id
    circle = (
        CircleMember(
            pid,
            "Siobhan O'Brien",
            CircleRole.FAMILY,
            "daughter",
            "07700 900123",
            "siobhan@example.org",
            True,
        ),
        CircleMember(pid, "Ray", CircleRole.NEIGHBOUR),
    )
    strengths = (
        Strength(pid, StrengthKind.PERSONAL, "Determined"),
        Strength(pid, StrengthKind.COMMUNITY, "Church friends"),
    )
    needs = (Need(pid, EligibilityOutcome.NUTRITION, "Cannot stand long enough to cook"),)
    plans = sample_plan_versions(pid)
    goals = plans[-1].goals
    ratings = tuple(
        GasRating(
            goal_id=g.id,
            rated_on=START + timedelta(days=14 * k),
            level=lv,
            rated_by="Kim",
            note=f"week {2 * k}",
        )
        for g, levels in zip(goals, ((-2, -1, 0, 1), (-1, -1, 0, 0)), strict=True)
        for k, lv in enumerate(levels)
    )
    risk = Risk(
        person_id=pid,
        plan_id=plans[-1].plan_id,
        description="Falls on the way to the shop",
        at_risk=frozenset({AtRisk.PERSON, AtRisk.OTHERS}),
        likelihood=Likelihood.POSSIBLE,
        impact=Severity.MAJOR,
        persons_view="I would rather risk a fall than stay in",
        decision=RiskDecision.TAKE_THE_RISK_WITH_SAFEGUARDS,
        decision_reason="Walking keeps her strong",
        agreed_by="Sam",
        agreed_on=START,
        safeguards="Pendant alarm",
        review_on=START + timedelta(days=60),
    )
    return PersonRecord(
        person=person,
        circle=circle,
        strengths=strengths,
        needs=needs,
        team=team,
        plans=plans,
        ratings=ratings,
        episodes=sample_episodes(pid, plans[-1]),
        risks=(risk,),
    )


def sample_plan_versions(pid: str) -> tuple[CarePlan, ...]:
    walk = Goal(
        description="I want to walk to the corner shop on my own",
        importance=9,
        scale=GasScale(DEFAULT_LEVEL_MEANINGS),
        weight=2.0,
        hopes="To choose my own bread again",
        need_outcome=EligibilityOutcome.COMMUNITY_FACILITIES,
        start_on=START,
        target_on=START + timedelta(days=41),
    )
    cook = Goal(
        description="Make my own lunch",
        importance=6,
        scale=GasScale(
            {
                -2: "Needs all meals made",
                -1: "Makes a hot drink",
                0: "Makes a sandwich",
                1: "Makes a hot lunch",
                2: "Cooks for a friend",
            }
        ),
        lifecycle_status=GoalLifecycleStatus.PROPOSED,
    )
    v1 = CarePlan(
        person_id=pid,
        review_on=START + timedelta(days=42),
        review_by="Sam Patel (social worker)",
        funding_source=FundingSource.FREE_REABLEMENT,
        created_by="Sam",
        created_at=datetime(2026, 1, 5, 10, 30, tzinfo=UTC),
        strengths=("Determined", "Good friends at church"),
        goals=(walk, cook),
        actions=(
            Action(
                "Practise the walk with the reablement worker",
                ActorKind.WORKER,
                "Reablement team",
                "Mon, Wed, Fri",
                ActionStatus.IN_PROGRESS,
                walk.id,
            ),
            Action(
                "Pendant alarm", ActorKind.TECHNOLOGY, "Telecare", "Always", ActionStatus.COMPLETED
            ),
            Action("Sunday lunch", ActorKind.CIRCLE_MEMBER, "Siobhan", "Sundays"),
            Action(
                "Lunch club",
                ActorKind.COMMUNITY_ASSET,
                "St Peter's lunch club",
                "Thursdays",
                goal_id=cook.id,
            ),
        ),
        contingencies=(
            Contingency("Siobhan is away", "Ray checks in each evening", "Ray, 0161 496 0000"),
            Contingency("A fall", "Press the pendant"),
        ),
        agreement=Agreement(
            AgreedBy.REPRESENTATIVE,
            START,
            has_capacity=False,
            consent_given=False,
            representative_name="Siobhan (LPA health and welfare)",
            capacity_assessed_by="Sam",
            best_interests_reason="Keeps her at home, as she has always said she wants",
        ),
        summary="Back on her feet after the fall in December.",
    )
    cook_active = Goal(description=cook.description, importance=7, scale=cook.scale, id=cook.id)
    v2 = v1.revise(
        changed_by="Kim",
        changed_at=datetime(2026, 1, 26, 9, 0, tzinfo=UTC),
        goals=(walk, cook_active),
        review_on=START + timedelta(days=60),
    )
    return (v1, v2)


def sample_episodes(pid: str, plan: CarePlan) -> tuple[ReablementEpisode, ...]:
    ended = ReablementEpisode(
        person_id=pid,
        started_on=START,
        planned_end_on=START + timedelta(days=41),
        plan_id=plan.plan_id,
        goal_ids=tuple(g.id for g in plan.goals),
        barthel_start=barthel(mobility=5, transfers=10, stairs=0, bathing=0),
        reviews=(
            WeeklyReview(
                START + timedelta(days=7),
                ("OT", "Physio", "Kim"),
                "Walking indoors with a frame",
                "Try outdoors",
            ),
        ),
        extension_reason="Waited a week for a stair rail",
    ).end(
        ended_on=START + timedelta(days=47),
        result=EndResult.REDUCED_PACKAGE,
        barthel_end=barthel(stairs=5),
    )
    ended = ended.record_follow_up(checked_on=START + timedelta(days=140), at_home=True)
    ongoing = ReablementEpisode(
        person_id=pid,
        started_on=START + timedelta(days=150),
        planned_end_on=START + timedelta(days=191),
    )
    return (ended, ongoing)
