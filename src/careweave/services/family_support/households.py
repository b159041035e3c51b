"""Carer households: registering them, keeping their checks and calendar, and the panel's
decisions. Every read and write is access-checked and audited in its own transaction."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.calendar import Unavailability
from careweave.domain.family_support.households import Approval, CarerHousehold, HouseholdStatus
from careweave.services.accounts.access import Actor
from careweave.services.accounts.audit import AuditTrail
from careweave.services.family_support.access import (
    check_can_lead_scheme,
    check_can_run_scheme,
)
from careweave.services.family_support.audit_kinds import HOUSEHOLD
from careweave.services.family_support.unit_of_work import FamilySupportUnitOfWork

# What only the panel's decisions change: kept as stored when a worker edits the household.
PANEL_FIELDS = ("approval", "status")


class HouseholdService:
    """Use cases of carer households."""

    def __init__(self, uow_factory: Callable[[], FamilySupportUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._audit = AuditTrail(clock)

    def register(self, actor: Actor, household: CarerHousehold) -> CarerHousehold:
        """Register a household under assessment with its scheme."""
        check_can_run_scheme(actor, household.scheme_team_id)
        if household.status is not HouseholdStatus.ASSESSMENT or household.approval is not None:
            raise DomainValidationError(
                "household.status", "a new household starts in assessment; the panel approves it"
            )
        with self._uow_factory() as uow:
            uow.teams.get(household.scheme_team_id)
            uow.households.add(household)
            self._audited(uow, actor, AuditAction.CREATE, household)
            uow.commit()
        return household

    def get(self, actor: Actor, household_id: str) -> CarerHousehold:
        """One household (audited read)."""
        with self._uow_factory() as uow:
            household = uow.households.get(household_id)
            check_can_run_scheme(actor, household.scheme_team_id)
            self._audited(uow, actor, AuditAction.READ, household)
            uow.commit()
        return household

    def list(self, actor: Actor, scheme_team_id: str) -> list[CarerHousehold]:
        """The scheme's households by name."""
        check_can_run_scheme(actor, scheme_team_id)
        with self._uow_factory() as uow:
            found = list(uow.households.list(scheme_team_id=scheme_team_id))
            self._audit.record(uow, actor, AuditAction.LIST, HOUSEHOLD, "", team_id=scheme_team_id)
            uow.commit()
        return found

    def update(self, actor: Actor, household: CarerHousehold) -> CarerHousehold:
        """Save a household's people, checks, offer and calendar; the panel's approval and the
        status stay as they are (they change only by :meth:`approve` and :meth:`set_status`)."""
        return self._change(
            actor, household.id, lambda stored: _keep_panel(stored, household), "details"
        )

    def approve(self, actor: Actor, household_id: str, approval: Approval) -> CarerHousehold:
        """Record the panel's approval (the scheme's coordinator)."""
        return self._change(
            actor, household_id, lambda h: h.approve(approval), "approved", lead=True
        )

    def set_status(
        self, actor: Actor, household_id: str, status: HouseholdStatus
    ) -> CarerHousehold:
        """Put a household on hold, back to approved, or record that it left (the coordinator)."""
        return self._change(
            actor, household_id, lambda h: h.with_status(status), status.value, lead=True
        )

    def add_unavailability(
        self, actor: Actor, household_id: str, period: Unavailability
    ) -> CarerHousehold:
        """Mark nights the household hosts no one (holidays, illness)."""
        return self._change(
            actor,
            household_id,
            lambda h: dataclasses.replace(h, unavailable=(*h.unavailable, period)),
            "calendar",
        )

    def _change(
        self,
        actor: Actor,
        household_id: str,
        change: Callable[[CarerHousehold], CarerHousehold],
        detail: str,
        *,
        lead: bool = False,
    ) -> CarerHousehold:
        with self._uow_factory() as uow:
            stored = uow.households.get(household_id)
            (check_can_lead_scheme if lead else check_can_run_scheme)(actor, stored.scheme_team_id)
            changed = change(stored)
            if changed.scheme_team_id != stored.scheme_team_id:
                raise DomainValidationError(
                    "household.scheme_team_id", "cannot move to another scheme"
                )
            uow.households.update(changed)
            self._audited(uow, actor, AuditAction.UPDATE, changed, detail)
            uow.commit()
        return changed

    def _audited(
        self,
        uow: FamilySupportUnitOfWork,
        actor: Actor,
        action: AuditAction,
        household: CarerHousehold,
        detail: str = "",
    ) -> None:
        self._audit.record(
            uow,
            actor,
            action,
            HOUSEHOLD,
            household.id,
            team_id=household.scheme_team_id,
            detail=detail,
        )


def _keep_panel(stored: CarerHousehold, edited: CarerHousehold) -> CarerHousehold:
    return dataclasses.replace(edited, **{name: getattr(stored, name) for name in PANEL_FIELDS})
