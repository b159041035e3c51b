"""The roster optimiser's input takes each person's hours left from the ledger's time banks."""

from __future__ import annotations

from datetime import date

from tests.unit.services.neighbourhood import DAY, Neighbourhood, UowFactory

from careweave.clock import FixedClock
from careweave.services.accounts.access import Actor
from careweave.services.commissioning.time_banks import TimeBankService
from careweave.services.rostering.roster_problem import build_week_problem
from careweave.services.rostering.rostering import RosteringService

BLOCK = date(2026, 3, 2)


def test_the_week_problem_caps_each_persons_minutes_at_their_bank(town: Neighbourhood) -> None:
    people = [town.person_a, town.person_b]
    week = build_week_problem(
        town.team_a,
        people,
        [town.worker_a],
        [town.visit_a],
        {},
        DAY,
        time_banks={town.person_a.id: 90, town.person_b.id: -30},
    )

    assert week.problem.person(town.person_a.id).time_bank_minutes == 90
    assert week.problem.person(town.person_b.id).time_bank_minutes == 0
    unbanked = build_week_problem(town.team_a, people, [town.worker_a], [town.visit_a], {}, DAY)
    assert unbanked.problem.person(town.person_a.id).time_bank_minutes is None


def test_planning_a_week_respects_the_balance_the_ledger_gives(
    uow: UowFactory, clock: FixedClock, town: Neighbourhood, pat: Actor, alice: Actor
) -> None:
    TimeBankService(uow, clock).agree(pat, town.person_a.id, BLOCK, 20)

    outcome = RosteringService(uow, clock).plan_team_week(alice, town.team_a.id, DAY, seconds=1)

    # The fixed 30-minute visit is still planned (the search places fixed visits whatever the
    # bank), and the optimiser's own checker measures it against the ledger's 20 minutes.
    broken = [(v.rule, v.message) for v in outcome.report.violations]
    assert ("time_bank", "gets 30 min of visits, above the time bank of 20") in broken
