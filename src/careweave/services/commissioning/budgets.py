"""Personal budgets: the indicative figure, proposing, the ISF's signatures and agreeing.

Every read and write of a person's budget is access-checked and audited in its own transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.commissioning.allocation import IndicativeBudget, ResourceAllocationTable
from careweave.domain.commissioning.budgets import (
    DEFAULT_LENGTH,
    Funding,
    IsfAgreement,
    Management,
    PersonalBudget,
    overlapping,
)
from careweave.domain.commissioning.ledger import Unit, transfer
from careweave.domain.errors import ConflictError, DomainValidationError
from careweave.services.accounts.access import Actor
from careweave.services.accounts.audit import AuditTrail
from careweave.services.commissioning.access import (
    check_can_manage_budget,
    check_can_read_budget,
    check_can_read_figures,
    check_can_set_rules,
)
from careweave.services.commissioning.audit_kinds import ALLOCATION_TABLE, BUDGET
from careweave.services.commissioning.postings import budget_account, funding_account, post
from careweave.services.commissioning.unit_of_work import CommissioningUnitOfWork


@dataclass(frozen=True, slots=True)
class BudgetProposal:
    """What a practitioner proposes: when, how it is managed and funded, and an ISF's terms."""

    starts_on: date
    management: Management
    funding: Funding
    isf: IsfAgreement | None = None
    ends_on: date | None = None


@dataclass(frozen=True, slots=True)
class BudgetFigures:
    """The commissioner's figures: agreed budgets running on a day, by how they are managed."""

    day: date
    people: int
    weekly_pence: int
    people_by_management: dict[Management, int]
    weekly_pence_by_management: dict[Management, int]


class BudgetService:
    """Use cases of personal budgets and the resource allocation table."""

    def __init__(self, uow_factory: Callable[[], CommissioningUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def allocation_table(self) -> ResourceAllocationTable:
        """The resource allocation table in force (a published rule: anyone signed in reads it)."""
        with self._uow_factory() as uow:
            return uow.allocation_table.get()

    def set_allocation_table(
        self, actor: Actor, table: ResourceAllocationTable
    ) -> ResourceAllocationTable:
        """Set the table (the commissioner); budgets proposed from now on use it."""
        check_can_set_rules(actor)
        with self._uow_factory() as uow:
            uow.allocation_table.put(table)
            self._audit.record(uow, actor, AuditAction.UPDATE, ALLOCATION_TABLE, "")
            uow.commit()
        return table

    def indicative(self, actor: Actor, person_id: str) -> IndicativeBudget:
        """The indicative weekly budget from the person's latest eligibility assessment."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_read_budget(actor, person)
            found = self._indicative(uow, person_id)
            self._audit.record(
                uow,
                actor,
                AuditAction.READ,
                BUDGET,
                "",
                team_id=person.team_id,
                detail="indicative",
            )
            uow.commit()
        return found

    def propose(self, actor: Actor, person_id: str, proposal: BudgetProposal) -> PersonalBudget:
        """Propose a budget at the indicative figure of the person's latest assessment."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_manage_budget(actor, person)
            indicative = self._indicative(uow, person_id)
            budget = PersonalBudget(
                person_id=person_id,
                starts_on=proposal.starts_on,
                ends_on=proposal.ends_on or proposal.starts_on + DEFAULT_LENGTH,
                management=proposal.management,
                funding=proposal.funding,
                indicative_weekly_pence=indicative.weekly_pence,
                indicative_points=indicative.points,
                isf=proposal.isf,
            )
            uow.budgets.add(budget)
            self._audited(uow, actor, AuditAction.CREATE, budget, person.team_id)
            uow.commit()
        return budget

    def get(self, actor: Actor, budget_id: str) -> PersonalBudget:
        """One budget (audited read)."""
        with self._uow_factory() as uow:
            budget = uow.budgets.get(budget_id)
            person = uow.people.get(budget.person_id)
            check_can_read_budget(actor, person)
            self._audited(uow, actor, AuditAction.READ, budget, person.team_id)
            uow.commit()
        return budget

    def of_person(self, actor: Actor, person_id: str) -> list[PersonalBudget]:
        """The person's budgets, newest period first (audited)."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_read_budget(actor, person)
            found = list(uow.budgets.list_for_person(person_id))
            self._audit.record(
                uow, actor, AuditAction.LIST, BUDGET, "", team_id=person.team_id, detail=person_id
            )
            uow.commit()
        return found

    def sign_isf(self, actor: Actor, budget_id: str, isf: IsfAgreement) -> PersonalBudget:
        """Record the ISF agreement's provider and signatures (before the budget is agreed)."""
        return self._change(actor, budget_id, lambda b: b.with_isf(isf), "isf signatures")

    def agree(self, actor: Actor, budget_id: str, weekly_pence: int) -> PersonalBudget:
        """Agree the budget at ``weekly_pence`` today (an ISF once all three have signed), and
        allocate its whole period's money from the council's funding to its ledger account."""
        with self._uow_factory() as uow:
            stored, team_id = self._manageable(uow, actor, budget_id)
            agreed = stored.agree(weekly_pence, self._clock.today(), actor.display_name)
            self._refuse_overlap(uow, agreed)
            uow.budgets.update(agreed)
            allocation = transfer(
                funding_account(uow.ledger, Unit.PENCE),
                budget_account(uow.ledger, agreed),
                agreed.period_pence,
                booked_on=agreed.starts_on,
                posted_at=self._clock.now(),
                memo=f"Budget agreed for {agreed.days // 7} weeks",
                posted_by=actor.display_name,
                key=f"budget:{agreed.id}:allocation",
            )
            post(uow.ledger, allocation)
            self._audited(uow, actor, AuditAction.UPDATE, agreed, team_id, "agreed")
            uow.commit()
        return agreed

    def figures(self, actor: Actor) -> BudgetFigures:
        """Agreed budgets running today, counted and summed by management (no names)."""
        check_can_read_figures(actor)
        today = self._clock.today()
        with self._uow_factory() as uow:
            running = [b for b in uow.budgets.list_agreed() if b.covers(today)]
        people: Counter[Management] = Counter()
        pence: Counter[Management] = Counter()
        for budget in running:
            people[budget.management] += 1
            pence[budget.management] += budget.agreed_weekly_pence or 0
        return BudgetFigures(
            today,
            len(running),
            sum(pence.values()),
            {m: people[m] for m in Management},
            {m: pence[m] for m in Management},
        )

    def _indicative(self, uow: CommissioningUnitOfWork, person_id: str) -> IndicativeBudget:
        assessments = uow.eligibility.list_for_person(person_id)
        if not assessments:
            raise DomainValidationError(
                "person_id", "assess the person's eligibility before proposing a budget"
            )
        latest = max(assessments, key=lambda a: (a.assessed_on, a.id))
        return uow.allocation_table.get().indicative(latest)

    def _change(
        self,
        actor: Actor,
        budget_id: str,
        change: Callable[[PersonalBudget], PersonalBudget],
        detail: str,
    ) -> PersonalBudget:
        with self._uow_factory() as uow:
            stored, team_id = self._manageable(uow, actor, budget_id)
            changed = change(stored)
            uow.budgets.update(changed)
            self._audited(uow, actor, AuditAction.UPDATE, changed, team_id, detail)
            uow.commit()
        return changed

    def _manageable(
        self, uow: CommissioningUnitOfWork, actor: Actor, budget_id: str
    ) -> tuple[PersonalBudget, str | None]:
        """The budget, once ``actor`` may manage it, and its person's team."""
        stored = uow.budgets.get(budget_id)
        person = uow.people.get(stored.person_id)
        check_can_manage_budget(actor, person)
        return stored, person.team_id

    def _refuse_overlap(self, uow: CommissioningUnitOfWork, agreed: PersonalBudget) -> None:
        clash = overlapping(list(uow.budgets.list_for_person(agreed.person_id)), agreed)
        if clash is not None:
            raise ConflictError(
                f"the person already has an agreed budget from {clash.starts_on:%d %b %Y}"
                f" to {clash.ends_on:%d %b %Y}",
                field="starts_on",
            )

    def _audited(
        self,
        uow: CommissioningUnitOfWork,
        actor: Actor,
        action: AuditAction,
        budget: PersonalBudget,
        team_id: str | None,
        detail: str = "",
    ) -> None:
        self._audit.record(uow, actor, action, BUDGET, budget.id, team_id=team_id, detail=detail)
