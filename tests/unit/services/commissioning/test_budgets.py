"""Personal budget use cases: indicative, propose, sign, agree; who may; what is audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from tests.commissioning_builders import a_signed_isf
from tests.unit.services.neighbourhood import Neighbourhood

from careweave.domain.accounts.audit import AuditEntry
from careweave.domain.commissioning.allocation import ResourceAllocationTable
from careweave.domain.commissioning.budgets import Funding, IsfAgreement, Management
from careweave.domain.errors import (
    ConflictError,
    DomainValidationError,
    NotFoundError,
    PermissionDeniedError,
)
from careweave.services.accounts.access import Actor
from careweave.services.commissioning.budgets import BudgetProposal, BudgetService

START = date(2026, 3, 2)
DIRECT = BudgetProposal(START, Management.DIRECT_PAYMENT, Funding.LOCAL_AUTHORITY)


def test_a_proposal_carries_the_indicative_figure_and_lasts_a_year(
    budgets: BudgetService, pat: Actor, town: Neighbourhood
) -> None:
    budget = budgets.propose(pat, town.person_a.id, DIRECT)

    assert (budget.indicative_points, budget.indicative_weekly_pence) == (15, 22_500)
    assert budget.ends_on == date(2027, 2, 28)
    assert not budget.is_agreed


def test_the_commissioners_table_sets_later_indicative_figures(
    budgets: BudgetService, edna: Actor, pat: Actor, town: Neighbourhood
) -> None:
    budgets.set_allocation_table(edna, ResourceAllocationTable(pence_per_point=2_000))

    assert budgets.indicative(pat, town.person_a.id).weekly_pence == 30_000
    assert budgets.allocation_table().pence_per_point == 2_000


@pytest.mark.parametrize("persona", ["alice", "pat", "bob", "dora"], indirect=True)
def test_only_the_commissioner_sets_the_table(budgets: BudgetService, persona: Actor) -> None:
    with pytest.raises(PermissionDeniedError):
        budgets.set_allocation_table(persona, ResourceAllocationTable())


def test_no_budget_or_figure_before_an_assessment(
    budgets: BudgetService, root: Actor, town: Neighbourhood, nothing_written: Any
) -> None:
    with nothing_written(), pytest.raises(DomainValidationError) as caught:
        budgets.propose(root, town.person_b.id, DIRECT)
    assert caught.value.field == "person_id"
    with pytest.raises(DomainValidationError):
        budgets.indicative(root, town.person_b.id)


def test_agreeing_an_isf_waits_for_all_three_signatures(
    budgets: BudgetService, pat: Actor, town: Neighbourhood, nothing_written: Any
) -> None:
    unsigned = IsfAgreement("Wigan Homecare Ltd")
    proposal = BudgetProposal(
        START, Management.INDIVIDUAL_SERVICE_FUND, Funding.LOCAL_AUTHORITY, unsigned
    )
    budget = budgets.propose(pat, town.person_a.id, proposal)

    with nothing_written(), pytest.raises(DomainValidationError, match="person, council"):
        budgets.agree(pat, budget.id, 21_000)
    budgets.sign_isf(pat, budget.id, a_signed_isf())
    agreed = budgets.agree(pat, budget.id, 21_000)

    assert agreed.is_agreed
    assert agreed.agreed_by == "Pat Poplar"
    assert agreed.agreed_on == START


def test_a_second_overlapping_budget_cannot_be_agreed(
    budgets: BudgetService, pat: Actor, town: Neighbourhood
) -> None:
    first = budgets.propose(pat, town.person_a.id, DIRECT)
    budgets.agree(pat, first.id, 20_000)
    second = budgets.propose(pat, town.person_a.id, DIRECT)

    with pytest.raises(ConflictError) as caught:
        budgets.agree(pat, second.id, 20_000)
    assert caught.value.field == "starts_on"


@pytest.mark.parametrize("persona", ["charlie", "edna"], indirect=True)
def test_outsiders_and_the_commissioner_learn_nothing_of_a_budget(
    budgets: BudgetService, pat: Actor, persona: Actor, town: Neighbourhood
) -> None:
    budget = budgets.propose(pat, town.person_a.id, DIRECT)

    for read in (
        lambda: budgets.get(persona, budget.id),
        lambda: budgets.of_person(persona, town.person_a.id),
        lambda: budgets.indicative(persona, town.person_a.id),
    ):
        with pytest.raises(NotFoundError):
            read()


def test_a_care_worker_of_the_team_sees_hours_not_money(
    budgets: BudgetService, pat: Actor, bob: Actor, town: Neighbourhood
) -> None:
    budget = budgets.propose(pat, town.person_a.id, DIRECT)

    with pytest.raises(NotFoundError):
        budgets.get(bob, budget.id)


@pytest.mark.parametrize("persona", ["bob", "dora"], indirect=True)
def test_only_those_who_plan_propose_and_agree(
    budgets: BudgetService, pat: Actor, persona: Actor, town: Neighbourhood
) -> None:
    budget = budgets.propose(pat, town.person_a.id, DIRECT)

    with pytest.raises((PermissionDeniedError, NotFoundError)):
        budgets.propose(persona, town.person_a.id, DIRECT)
    with pytest.raises((PermissionDeniedError, NotFoundError)):
        budgets.agree(persona, budget.id, 20_000)


def test_the_family_reads_their_persons_budget(
    budgets: BudgetService, pat: Actor, dora: Actor, town: Neighbourhood
) -> None:
    budget = budgets.propose(pat, town.person_a.id, DIRECT)

    assert [b.id for b in budgets.of_person(dora, town.person_a.id)] == [budget.id]


def test_the_commissioner_sees_figures_without_names_and_others_do_not(
    budgets: BudgetService, pat: Actor, edna: Actor, alice: Actor, town: Neighbourhood
) -> None:
    budget = budgets.propose(pat, town.person_a.id, DIRECT)
    budgets.agree(pat, budget.id, 20_000)

    figures = budgets.figures(edna)

    assert (figures.people, figures.weekly_pence) == (1, 20_000)
    assert figures.people_by_management[Management.DIRECT_PAYMENT] == 1
    with pytest.raises(PermissionDeniedError):
        budgets.figures(alice)


def test_every_read_and_write_is_audited(
    budgets: BudgetService,
    pat: Actor,
    town: Neighbourhood,
    audit_trail: Callable[[], list[AuditEntry]],
) -> None:
    budget = budgets.propose(pat, town.person_a.id, DIRECT)
    budgets.get(pat, budget.id)
    budgets.agree(pat, budget.id, 20_000)

    kinds = [(e.action.value, e.record_kind, e.record_id) for e in audit_trail()]
    assert kinds == [
        ("create", "personal_budget", budget.id),
        ("read", "personal_budget", budget.id),
        ("update", "personal_budget", budget.id),
    ]
    assert {e.team_id for e in audit_trail()} == {town.team_a.id}
