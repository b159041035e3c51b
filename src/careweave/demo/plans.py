"""Demo plans and outcomes for the demo neighbourhood: for most people the three conversations,
an eligibility assessment, a care and support plan with goals (some revised to a second
version), a few months of GAS ratings with the worker's notes, a risk for some, and reablement
episodes at different stages. Deterministic for a given seed and day."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from careweave.demo.data import Neighbourhood
from careweave.demo.medicines import with_medicines
from careweave.demo.plans_words import ACTIONS, CONTINGENCIES, GOALS, REVIEW_NOTES, RISKS
from careweave.domain.people.person import CareModel, EligibilityOutcome, Need, Person
from careweave.domain.plans.care_plan import (
    Action,
    ActorKind,
    AgreedBy,
    Agreement,
    CarePlan,
    Contingency,
    FundingSource,
    Goal,
)
from careweave.domain.plans.conversations import (
    REQUIRED_TOPICS,
    AgreedAction,
    Conversation,
    ConversationKind,
)
from careweave.domain.plans.eligibility import (
    EligibilityAssessment,
    Impact,
    OutcomeFinding,
    UnableReason,
    WellbeingArea,
)
from careweave.domain.plans.gas import GAS_LEVELS, GasRating, GasScale, GoalLifecycleStatus
from careweave.domain.plans.risk import AtRisk, Likelihood, Risk, RiskDecision, Severity
from careweave.domain.reablement.barthel import ALLOWED_SCORES, BarthelItem, BarthelScore
from careweave.domain.reablement.episodes import (
    FREE_DAYS,
    EndResult,
    ReablementEpisode,
    WeeklyReview,
)
from careweave.domain.visits.recording import (
    CheckPoint,
    Outcomes,
    ProgressNote,
    TaskDone,
    TaskMode,
    VisitRecord,
)
from careweave.domain.visits.visit import Visit, VisitStatus
from careweave.services.unit_of_work import AppUnitOfWork

SHARE_WITH_PLAN = 0.85
VISIT_TASK = "Practise the goal together"
RATING_EVERY_DAYS = 14
PLAN_AGE_DAYS = (70, 130)
# Days ago each reablement stage started: three open, three ended (one long enough to follow up).
EPISODE_STARTS = (4, 19, 37, 70, 110, 170)
FUNDING = {
    CareModel.REABLEMENT: FundingSource.FREE_REABLEMENT,
    CareModel.DIRECT_PAYMENT: FundingSource.DIRECT_PAYMENT,
    CareModel.OUTCOME_BASED: FundingSource.INDIVIDUAL_SERVICE_FUND,
    CareModel.NEIGHBOURHOOD_TEAM: FundingSource.INDIVIDUAL_SERVICE_FUND,
}


@dataclass
class DemoPlans:
    """Everything the demo adds for plans and outcomes."""

    conversations: list[Conversation] = field(default_factory=list)
    assessments: list[EligibilityAssessment] = field(default_factory=list)
    plans: list[CarePlan] = field(default_factory=list)
    ratings: dict[str, list[GasRating]] = field(default_factory=dict)
    risks: list[Risk] = field(default_factory=list)
    episodes: list[ReablementEpisode] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    visit_records: list[VisitRecord] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many of each record there are."""
        return {
            "conversations": len(self.conversations),
            "eligibility checks": len(self.assessments),
            "plan versions": len(self.plans),
            "GAS ratings": sum(len(r) for r in self.ratings.values()),
            "risks": len(self.risks),
            "reablement episodes": len(self.episodes),
            "past visits with notes": len(self.visit_records),
        }


def generate_plans(neighbourhood: Neighbourhood, *, seed: int = 1, today: date) -> DemoPlans:
    """Build the demo plans of ``neighbourhood`` up to ``today``."""
    rng = random.Random(seed)
    day = today
    needs: dict[str, list[Need]] = {}
    for need in neighbourhood.needs:
        needs.setdefault(need.person_id, []).append(need)
    raters = [f"{w.given_name} {w.family_name}" for w in neighbourhood.workers] or ["Care worker"]
    out = DemoPlans()
    planned = [p for p in neighbourhood.people if rng.random() < SHARE_WITH_PLAN]
    for person in planned:
        _person_records(out, rng, person, needs.get(person.id, []), raters, day)
    _episodes(out, rng, [p for p in planned if p.id in {pl.person_id for pl in out.plans}], day)
    _visit_notes(out, neighbourhood)
    out.plans = with_medicines(out.plans, neighbourhood.visits)
    return out


def _person_records(
    out: DemoPlans,
    rng: random.Random,
    person: Person,
    needs: list[Need],
    raters: list[str],
    day: date,
) -> None:
    start = day - timedelta(days=rng.randint(*PLAN_AGE_DAYS))
    outcomes = list(dict.fromkeys(n.outcome for n in needs)) or [
        EligibilityOutcome.SAFE_USE_OF_HOME
    ]
    out.conversations += _conversations(rng, person, start)
    out.assessments.append(_assessment(rng, person, outcomes, start))
    plan = _plan(
        rng, person, outcomes[: rng.choice((2, 3))] if len(outcomes) > 1 else outcomes, start
    )
    out.plans.append(plan)
    if rng.random() < 0.3:
        revised_on = start + timedelta(days=40)
        goals = tuple(
            _completed(g) if i == 0 and rng.random() < 0.5 else g for i, g in enumerate(plan.goals)
        )
        out.plans.append(
            plan.revise(
                changed_by=plan.created_by,
                changed_at=_at(revised_on),
                goals=goals,
                review_on=start + timedelta(days=242),
            )
        )
    out.ratings[person.id] = _ratings(rng, plan.goals, start, day, raters)
    if rng.random() < 0.25:
        out.risks.append(_risk(rng, person, plan, start))


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10, 30), tzinfo=UTC)


def _completed(goal: Goal) -> Goal:
    return Goal(
        description=goal.description,
        importance=goal.importance,
        scale=goal.scale,
        weight=goal.weight,
        hopes=goal.hopes,
        need_outcome=goal.need_outcome,
        lifecycle_status=GoalLifecycleStatus.COMPLETED,
        start_on=goal.start_on,
        target_on=goal.target_on,
        id=goal.id,
    )


def _conversations(rng: random.Random, person: Person, start: date) -> list[Conversation]:
    kinds = [ConversationKind.LISTEN_AND_CONNECT]
    if person.care_model is CareModel.REABLEMENT or rng.random() < 0.2:
        kinds.append(ConversationKind.CRISIS)
    kinds.append(ConversationKind.GOOD_LIFE)
    found = []
    for offset, kind in zip((-10, -5, 0)[-len(kinds) :], kinds, strict=True):
        held = start + timedelta(days=offset)
        found.append(
            Conversation(
                person_id=person.id,
                kind=kind,
                held_on=held,
                held_by="Priya Practitioner",
                agreed="What matters most is staying at home and getting out again",
                topics={
                    t: f"Talked about {words} with {person.display_name.split()[0]}."
                    for t, words in REQUIRED_TOPICS[kind].items()
                },
                actions=(
                    AgreedAction(
                        "Find out about the lunch club",
                        "Priya Practitioner",
                        held + timedelta(days=7),
                    ),
                ),
                review_on=held + timedelta(days=7) if kind is ConversationKind.CRISIS else None,
                personal_budget_pence=rng.randrange(400_000, 1_500_000, 10_000)
                if kind is ConversationKind.GOOD_LIFE
                else None,
            )
        )
    return found


def _assessment(
    rng: random.Random, person: Person, outcomes: Sequence[EligibilityOutcome], start: date
) -> EligibilityAssessment:
    reasons = list(UnableReason)
    findings = tuple(OutcomeFinding(o, True, frozenset({rng.choice(reasons)})) for o in outcomes)
    areas = rng.sample(list(WellbeingArea), 3)
    wellbeing = ((areas[0], Impact.SIGNIFICANT), (areas[1], Impact.SOME), (areas[2], Impact.NONE))
    return EligibilityAssessment(
        person_id=person.id,
        assessed_on=start - timedelta(days=8),
        assessed_by="Priya Practitioner",
        arises_from_impairment_or_illness=True,
        findings=findings,
        wellbeing=wellbeing,
        impairment_notes="Frailty and arthritis; a fall earlier this year.",
    )


def _plan(
    rng: random.Random, person: Person, outcomes: Sequence[EligibilityOutcome], start: date
) -> CarePlan:
    goals = []
    for outcome in outcomes:
        words, levels, _ = GOALS[outcome]
        goals.append(
            Goal(
                description=words,
                importance=rng.randint(5, 10),
                scale=GasScale(dict(zip(GAS_LEVELS, levels, strict=True))),
                need_outcome=outcome,
                start_on=start,
                target_on=start + timedelta(days=120),
            )
        )
    actions = []
    for what, kind, who, when in rng.sample(ACTIONS, 3):
        actions.append(
            Action(
                what,
                ActorKind(kind),
                who or "Their family",
                when,
                goal_id=goals[0].id if kind == "worker" else None,
            )
        )
    lacks = rng.random() < 0.1
    agreement = Agreement(
        agreed_by=AgreedBy.REPRESENTATIVE if lacks else AgreedBy.PERSON,
        agreed_on=start,
        has_capacity=not lacks,
        consent_given=not lacks,
        representative_name="Their daughter (lasting power of attorney)" if lacks else "",
        capacity_assessed_by="Priya Practitioner" if lacks else "",
        best_interests_reason="Keeps them at home, as they have always said they want"
        if lacks
        else "",
    )
    return CarePlan(
        person_id=person.id,
        review_on=start + timedelta(days=182),
        review_by="Priya Practitioner",
        funding_source=FUNDING.get(person.care_model, FundingSource.LOCAL_AUTHORITY),
        created_by="Priya Practitioner",
        created_at=_at(start),
        strengths=("Determined", "Close to family"),
        goals=tuple(goals),
        actions=tuple(actions),
        contingencies=tuple(Contingency(a, b) for a, b in CONTINGENCIES),
        agreement=agreement,
        summary=f"{person.display_name.split()[0]} wants to stay at home and do more for themselves.",
    )


def _ratings(
    rng: random.Random, goals: Sequence[Goal], start: date, day: date, raters: list[str]
) -> list[GasRating]:
    found = []
    for goal in goals:
        level = rng.choice((-2, -2, -1))
        note = GOALS[goal.need_outcome][2] if goal.need_outcome else "Rated with the person"
        rated_on = start
        while rated_on <= day:
            found.append(
                GasRating(
                    goal_id=goal.id,
                    rated_on=rated_on,
                    level=level,
                    rated_by=rng.choice(raters),
                    note=note,
                )
            )
            step = rng.choices((-1, 0, 1), weights=(1, 4, 4))[0]
            level = max(-2, min(2, level + step))
            rated_on += timedelta(days=RATING_EVERY_DAYS)
    return found


def _risk(rng: random.Random, person: Person, plan: CarePlan, start: date) -> Risk:
    description, view, reason, safeguards = rng.choice(RISKS)
    return Risk(
        person_id=person.id,
        plan_id=plan.plan_id,
        description=description,
        at_risk=frozenset({AtRisk.PERSON}),
        likelihood=Likelihood.POSSIBLE,
        impact=Severity.MAJOR,
        persons_view=view,
        decision=RiskDecision.TAKE_THE_RISK_WITH_SAFEGUARDS,
        decision_reason=reason,
        agreed_by="Priya Practitioner",
        agreed_on=start,
        safeguards=safeguards,
        review_on=start + timedelta(days=90),
    )


def _barthel(rng: random.Random, drop: int) -> BarthelScore:
    scores = {item: max(allowed) for item, allowed in ALLOWED_SCORES.items()}
    items = list(BarthelItem)
    while drop > 0:
        item = rng.choice(items)
        lower = [s for s in ALLOWED_SCORES[item] if s < scores[item]]
        if lower:
            drop -= scores[item] - lower[-1]
            scores[item] = lower[-1]
    return BarthelScore(scores)


def _episodes(out: DemoPlans, rng: random.Random, people: Sequence[Person], day: date) -> None:
    plans = {p.person_id: p for p in out.plans}
    # People on reablement first, then others, one episode each at the stages of EPISODE_STARTS.
    chosen = sorted(people, key=lambda p: p.care_model is not CareModel.REABLEMENT)
    results = (EndResult.NO_ONGOING_SUPPORT, EndResult.REDUCED_PACKAGE, EndResult.SAME_PACKAGE)
    for person, days_ago in zip(chosen, EPISODE_STARTS, strict=False):
        started = day - timedelta(days=days_ago)
        plan = plans[person.id]
        length = rng.randint(30, FREE_DAYS) if days_ago >= FREE_DAYS else None
        reviews = tuple(
            WeeklyReview(
                started + timedelta(days=7 * w),
                ("Occupational therapist", "Physiotherapist", "Reablement worker"),
                rng.choice(REVIEW_NOTES),
            )
            for w in range(1, 6)
            if 7 * w < min(days_ago, length or FREE_DAYS)
        )
        episode = ReablementEpisode(
            person_id=person.id,
            started_on=started,
            planned_end_on=started + timedelta(days=FREE_DAYS - 1),
            plan_id=plan.plan_id,
            goal_ids=tuple(g.id for g in plan.goals),
            barthel_start=_barthel(rng, rng.randrange(25, 55, 5)),
            reviews=reviews,
        )
        if length is not None:
            ended_on = started + timedelta(days=length - 1)
            episode = episode.end(
                ended_on=ended_on,
                result=rng.choice(results),
                barthel_end=_barthel(rng, rng.randrange(0, 25, 5)),
            )
            if day >= ended_on + timedelta(days=91):
                episode = episode.record_follow_up(
                    checked_on=ended_on + timedelta(days=91), at_home=rng.random() < 0.85
                )
        out.episodes.append(episode)


def _visit_notes(out: DemoPlans, neighbourhood: Neighbourhood) -> None:
    """A done visit with the worker's progress note against the goal on each day a goal was rated."""
    people = {p.id: p for p in neighbourhood.people}
    by_team: dict[str | None, list[str]] = {}
    for worker in neighbourhood.workers:
        by_team.setdefault(worker.team_id, []).append(worker.id)
    everyone = [w.id for w in neighbourhood.workers]
    for person_id, ratings in out.ratings.items():
        workers = by_team.get(people[person_id].team_id) or everyone
        if not workers:
            return
        seen: set[date] = set()
        for n, rating in enumerate(sorted(ratings, key=lambda r: (r.rated_on, r.goal_id))):
            if rating.rated_on in seen:
                continue
            seen.add(rating.rated_on)
            worker_id = workers[n % len(workers)]
            visit = Visit(
                person_id=person_id,
                day=rating.rated_on,
                window_start=time(9, 30),
                window_end=time(11, 30),
                duration_min=45,
                tasks=(VISIT_TASK,),
                status=VisitStatus.DONE,
                assigned_worker_ids=(worker_id,),
                planned_start=time(10, 0),
            )
            arrived = datetime.combine(rating.rated_on, time(10, 2))
            outcomes = Outcomes(
                tasks=(TaskDone(VISIT_TASK, TaskMode.WITH),),
                notes=rating.note,
                progress=ProgressNote(rating.goal_id, rating.note),
            )
            out.visits.append(visit)
            out.visit_records.append(
                VisitRecord(
                    visit_id=visit.id,
                    worker_id=worker_id,
                    check_in=CheckPoint(arrived),
                    check_out=CheckPoint(arrived + timedelta(minutes=47)),
                    outcomes=outcomes,
                )
            )


def store_plans(uow: AppUnitOfWork, demo: DemoPlans) -> None:
    """Write the demo plans in ``uow``'s transaction (the caller commits)."""
    uow.conversations.add_all(demo.conversations)
    uow.eligibility.add_all(demo.assessments)
    for plan in demo.plans:
        uow.plans.add_version(plan)
    for person_id, ratings in demo.ratings.items():
        uow.ratings.add_for_person(person_id, ratings)
    uow.risks.add_all(demo.risks)
    uow.episodes.add_all(demo.episodes)
    uow.visits.add_all(demo.visits)
    uow.visit_records.add_all(demo.visit_records)
