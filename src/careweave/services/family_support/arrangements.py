"""Arrangements from introduction to their end, the reviews due, payments to carers, the family's
view, and the scheme's figures and weights report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.accounts.users import Role
from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.arrangements import (
    Agreement,
    Arrangement,
    Decline,
    EndReason,
    Review,
)
from careweave.domain.family_support.figures import (
    DeclineRow,
    Payment,
    SchemeFigures,
    payment_for,
    scheme_figures,
    weights_report,
)
from careweave.domain.family_support.households import CarerHousehold
from careweave.domain.people.person import Person
from careweave.services.accounts.access import Actor
from careweave.services.accounts.audit import AuditTrail
from careweave.services.family_support.access import (
    check_can_run_scheme,
    check_can_see_arrangement,
    check_can_see_figures,
)
from careweave.services.family_support.audit_kinds import ARRANGEMENT, SCHEME
from careweave.services.family_support.unit_of_work import FamilySupportUnitOfWork
from careweave.services.plans.access import check_can_read_plan

REVIEW_WARNING_DAYS = 28


@dataclass(frozen=True, slots=True)
class ArrangementView:
    """An arrangement with its person and household."""

    arrangement: Arrangement
    person: Person
    household: CarerHousehold


class ArrangementService:
    """Use cases of arrangements; each checks access, audits and owns its transaction."""

    def __init__(self, uow_factory: Callable[[], FamilySupportUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def get(self, actor: Actor, arrangement_id: str) -> ArrangementView:
        """One arrangement with its person and household (audited read)."""
        with self._uow_factory() as uow:
            arrangement = uow.arrangements.get(arrangement_id)
            person = uow.people.get(arrangement.person_id)
            check_can_see_arrangement(actor, arrangement, person)
            household = uow.households.get(arrangement.household_id)
            self._audited(uow, actor, AuditAction.READ, arrangement)
            uow.commit()
        return ArrangementView(arrangement, person, household)

    def of_person(self, actor: Actor, person_id: str) -> list[ArrangementView]:
        """A person's arrangements, as their team, practitioner or family see them."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_read_plan(actor, person)
            found = uow.arrangements.list(person_ids=[person_id])
            views = [ArrangementView(a, person, uow.households.get(a.household_id)) for a in found]
            self._audit.record(
                uow,
                actor,
                AuditAction.LIST,
                ARRANGEMENT,
                person_id,
                team_id=person.team_id,
                detail="person's arrangements",
            )
            uow.commit()
        return views

    def of_scheme(self, actor: Actor, scheme_team_id: str) -> list[ArrangementView]:
        """The scheme's arrangements, most recently proposed first."""
        check_can_run_scheme(actor, scheme_team_id)
        with self._uow_factory() as uow:
            found = uow.arrangements.list(scheme_team_id=scheme_team_id)
            people = {p.id: p for p in uow.people.list(ids={a.person_id for a in found})}
            households = {h.id: h for h in uow.households.list(scheme_team_id=scheme_team_id)}
            self._audit.record(
                uow, actor, AuditAction.LIST, ARRANGEMENT, "", team_id=scheme_team_id
            )
            uow.commit()
        views = [ArrangementView(a, people[a.person_id], households[a.household_id]) for a in found]
        return sorted(
            views, key=lambda v: (v.arrangement.proposed_on, v.arrangement.id), reverse=True
        )

    def due_for_review(self, actor: Actor, scheme_team_id: str) -> list[ArrangementView]:
        """Running arrangements whose review is due within four weeks or overdue, soonest first."""
        today = self._clock.today()
        due = [
            v
            for v in self.of_scheme(actor, scheme_team_id)
            if v.arrangement.review_due(today, REVIEW_WARNING_DAYS)
        ]
        return sorted(due, key=lambda v: (v.arrangement.next_review_due(), v.arrangement.id))

    def start_trial(self, actor: Actor, arrangement_id: str) -> Arrangement:
        """Move from introductions to a trial stay or visits."""
        return self._change(actor, arrangement_id, lambda a: a.start_trial(), "trial")

    def agree(self, actor: Actor, arrangement_id: str, agreement: Agreement) -> Arrangement:
        """Both sides agreed, with the household agreement: the person is matched."""
        with self._uow_factory() as uow:
            arrangement = self._load(uow, actor, arrangement_id)
            agreed = arrangement.agree(agreement)
            referral = uow.referrals.get(arrangement.referral_id)
            uow.referrals.update(referral.matched(agreement.signed_on))
            return self._save(uow, actor, agreed, "agreed")

    def decline(self, actor: Actor, arrangement_id: str, decline: Decline) -> Arrangement:
        """The person, the household or the scheme decided not to go on: the person waits again,
        and the reasons count in the weights report."""
        with self._uow_factory() as uow:
            arrangement = self._load(uow, actor, arrangement_id)
            declined = arrangement.decline_with(decline)
            referral = uow.referrals.get(arrangement.referral_id)
            uow.referrals.update(referral.back_to_waiting())
            return self._save(uow, actor, declined, f"declined by {decline.by.value}")

    def activate(self, actor: Actor, arrangement_id: str, starts_on: date) -> Arrangement:
        """The arrangement starts."""
        return self._change(actor, arrangement_id, lambda a: a.activate(starts_on), "active")

    def review(self, actor: Actor, arrangement_id: str, review: Review) -> Arrangement:
        """Record a review with the person, the household and the scheme."""
        return self._change(actor, arrangement_id, lambda a: a.with_review(review), "reviewed")

    def end(
        self, actor: Actor, arrangement_id: str, ends_on: date, reason: EndReason, note: str = ""
    ) -> Arrangement:
        """End the arrangement with its reason."""
        return self._change(
            actor, arrangement_id, lambda a: a.end(ends_on, reason, note), f"ended: {reason.value}"
        )

    def payments(
        self, actor: Actor, scheme_team_id: str, first_day: date, last_day: date
    ) -> list[Payment]:
        """What each carer is owed for the period, per arrangement (for the commissioning ledger)."""
        check_can_run_scheme(actor, scheme_team_id)
        if last_day < first_day:
            raise DomainValidationError("payments.last_day", "must not be before the first day")
        with self._uow_factory() as uow:
            found = uow.arrangements.list(scheme_team_id=scheme_team_id)
            self._audit.record(
                uow,
                actor,
                AuditAction.LIST,
                ARRANGEMENT,
                "",
                team_id=scheme_team_id,
                detail="payments",
            )
            uow.commit()
        owed = [payment_for(a, first_day, last_day) for a in found]
        return [p for p in owed if p.units]

    def figures(self, actor: Actor, scheme_team_id: str) -> tuple[SchemeFigures, list[DeclineRow]]:
        """The scheme's figures and its weights report (its coordinator, or a commissioner)."""
        check_can_see_figures(actor, scheme_team_id)
        with self._uow_factory() as uow:
            referrals = uow.referrals.list(scheme_team_id=scheme_team_id)
            arrangements = uow.arrangements.list(scheme_team_id=scheme_team_id)
            weights = uow.scheme_weights.get(scheme_team_id)
            detail = "figures" if actor.role is not Role.COMMISSIONER else "figures (aggregate)"
            self._audit.record(
                uow,
                actor,
                AuditAction.LIST,
                SCHEME,
                scheme_team_id,
                team_id=scheme_team_id,
                detail=detail,
            )
            uow.commit()
        today = self._clock.today()
        return scheme_figures(referrals, arrangements, today), weights_report(arrangements, weights)

    def _load(self, uow: FamilySupportUnitOfWork, actor: Actor, arrangement_id: str) -> Arrangement:
        arrangement = uow.arrangements.get(arrangement_id)
        check_can_run_scheme(actor, arrangement.scheme_team_id)
        return arrangement

    def _save(
        self, uow: FamilySupportUnitOfWork, actor: Actor, changed: Arrangement, detail: str
    ) -> Arrangement:
        uow.arrangements.update(changed)
        self._audited(uow, actor, AuditAction.UPDATE, changed, detail)
        uow.commit()
        return changed

    def _change(
        self,
        actor: Actor,
        arrangement_id: str,
        change: Callable[[Arrangement], Arrangement],
        detail: str,
    ) -> Arrangement:
        with self._uow_factory() as uow:
            return self._save(uow, actor, change(self._load(uow, actor, arrangement_id)), detail)

    def _audited(
        self,
        uow: FamilySupportUnitOfWork,
        actor: Actor,
        action: AuditAction,
        arrangement: Arrangement,
        detail: str = "",
    ) -> None:
        self._audit.record(
            uow,
            actor,
            action,
            ARRANGEMENT,
            arrangement.id,
            team_id=arrangement.scheme_team_id,
            detail=detail,
        )
