"""The provider generator: deterministic, well-formed, with the asked-for proportions."""

from __future__ import annotations

import pytest
from benchmarks.generate_provider import ProviderSpec, generate_provider, provider_spec
from benchmarks.provider_run import _most_paid_minutes
from benchmarks.provider_suite import _targets

SMALL = ProviderSpec(people=60, workers=12, teams=2, seed=3)


def test_same_spec_gives_the_same_week() -> None:
    first, second = generate_provider(SMALL), generate_provider(SMALL)
    assert first.tasks == second.tasks
    assert first.links == second.links
    assert (
        generate_provider(ProviderSpec(people=60, workers=12, teams=2, seed=4)).tasks != first.tasks
    )


def test_week_has_the_spec_proportions() -> None:
    problem = generate_provider(SMALL)
    visits = len(problem.tasks) - len(problem.links)
    assert len(problem.people) == 60
    assert len({w.team for w in problem.workers}) == 2
    assert problem.days == tuple(range(7))
    assert 7 * 60 <= visits <= 4 * 7 * 60
    assert len(problem.links) / visits == pytest.approx(0.12, abs=0.04)
    for link in problem.links:
        assert link.distinct_workers
        assert problem.task(link.first).skills == problem.task(link.second).skills


def test_scaling_keeps_the_provider_ratios() -> None:
    spec = provider_spec(1000)
    assert (spec.people, spec.workers, spec.teams) == (1000, 200, 16)
    assert provider_spec(100).workers == 20


def test_bad_spec_is_refused_with_the_reason() -> None:
    with pytest.raises(ValueError, match="at least one worker"):
        ProviderSpec(people=10, workers=1, teams=2)


def test_targets_only_judge_the_thousand_person_week() -> None:
    good = {
        "people": 1000,
        "feasible": True,
        "solve_seconds": 59.0,
        "median_distinct_workers": 3.0,
        "travel_share": 0.14,
    }
    assert _targets(good) == "yes"
    assert _targets({**good, "travel_share": 0.2}) == "no"
    assert _targets({**good, "people": 100}) == "—"


def test_each_person_has_three_regulars_from_their_own_team() -> None:
    problem = generate_provider(SMALL)
    team_of = {w.id: w.team for w in problem.workers}
    for person in problem.people:
        teams = {t.team for t in problem.tasks if t.person == person.id}
        assert len(person.regulars) == 3
        assert {team_of[w] for w in person.regulars} == teams


def test_the_workers_can_be_paid_for_every_visit_with_room_for_travel() -> None:
    # The week a real provider staffs: visit time is at most three quarters of the most the
    # workers may be paid (days of 10 hours, weeks of 55), leaving room for travel and waiting.
    problem = generate_provider(provider_spec(1000))
    visit_minutes = sum(t.duration_min for t in problem.tasks)
    assert visit_minutes <= 0.75 * _most_paid_minutes(problem)
