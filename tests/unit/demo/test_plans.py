"""Demo plans: deterministic, consistent with the neighbourhood, and episodes at every stage."""

from __future__ import annotations

from datetime import date

from careweave.demo.data import generate_neighbourhood
from careweave.demo.plans import EPISODE_STARTS, generate_plans
from careweave.domain.reablement.episodes import FREE_DAYS

TODAY = date(2026, 11, 22)


def test_same_seed_same_plans() -> None:
    hood = generate_neighbourhood(people=30, workers=6, teams=2, seed=3, week_start=TODAY)
    first = generate_plans(hood, seed=3, today=TODAY)
    second = generate_plans(hood, seed=3, today=TODAY)
    assert first.counts() == second.counts()
    assert [p.review_on for p in first.plans] == [p.review_on for p in second.plans]


def test_most_people_have_a_plan_with_months_of_ratings() -> None:
    hood = generate_neighbourhood(people=60, workers=12, teams=2, seed=1, week_start=TODAY)
    demo = generate_plans(hood, seed=1, today=TODAY)
    planned = {p.person_id for p in demo.plans}
    assert len(planned) >= 0.7 * len(hood.people)
    person_ids = {p.id for p in hood.people}
    assert planned <= person_ids
    for plan in demo.plans:
        ratings = demo.ratings[plan.person_id]
        goal_ids = {g.id for g in plan.goals}
        assert {r.goal_id for r in ratings} <= goal_ids | {
            g.id for p in demo.plans if p.plan_id == plan.plan_id for g in p.goals
        }
        assert all(r.rated_on <= TODAY for r in ratings)
        assert (max(r.rated_on for r in ratings) - min(r.rated_on for r in ratings)).days >= 56
    assert any(p.version == 2 for p in demo.plans)


def test_reablement_episodes_at_different_stages() -> None:
    hood = generate_neighbourhood(people=40, workers=8, teams=2, seed=2, week_start=TODAY)
    demo = generate_plans(hood, seed=2, today=TODAY)
    assert len(demo.episodes) == len(EPISODE_STARTS)
    open_days = sorted(e.day_number(TODAY) for e in demo.episodes if not e.ended)
    assert open_days == [d + 1 for d in EPISODE_STARTS if d < FREE_DAYS]
    ended = [e for e in demo.episodes if e.ended]
    assert ended
    assert all(e.barthel_change is not None for e in ended)
    assert any(e.at_home_after_91_days is not None for e in ended)


def test_each_rating_day_has_a_done_visit_with_a_progress_note_against_a_goal() -> None:
    hood = generate_neighbourhood(people=20, workers=4, teams=2, seed=4, week_start=TODAY)
    demo = generate_plans(hood, seed=4, today=TODAY)
    visits = {v.id: v for v in demo.visits}
    goal_ids = {g.id for p in demo.plans for g in p.goals}
    assert demo.visit_records
    for record in demo.visit_records:
        visit = visits[record.visit_id]
        assert visit.status.value == "done"
        assert record.worker_id in visit.assigned_worker_ids
        assert record.outcomes.progress is not None
        assert record.outcomes.progress.goal_id in goal_ids
        assert visit.day <= TODAY
