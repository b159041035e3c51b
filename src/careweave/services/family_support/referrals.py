"""Referrals: people seeking an arrangement, from their plan to the scheme's waiting list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.referrals import Referral, ReferralStatus
from careweave.domain.people.person import Person
from careweave.services.accounts.access import Actor
from careweave.services.accounts.audit import AuditTrail
from careweave.services.family_support.access import (
    check_can_refer,
    check_can_run_scheme,
    check_can_see_referral,
)
from careweave.services.family_support.audit_kinds import REFERRAL
from careweave.services.family_support.unit_of_work import FamilySupportUnitOfWork


@dataclass(frozen=True, slots=True)
class ReferralRow:
    """A referral with the person it is for."""

    referral: Referral
    person: Person


class ReferralService:
    """Use cases of referrals."""

    def __init__(self, uow_factory: Callable[[], FamilySupportUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._audit = AuditTrail(clock)

    def refer(self, actor: Actor, referral: Referral) -> Referral:
        """Put someone on a scheme's waiting list (their practitioner or team coordinator)."""
        if referral.status is not ReferralStatus.WAITING:
            raise DomainValidationError("referral.status", "a new referral is waiting")
        with self._uow_factory() as uow:
            person = uow.people.get(referral.person_id)
            check_can_refer(actor, person)
            uow.teams.get(referral.scheme_team_id)
            open_ones = uow.referrals.list(person_ids=[person.id])
            if any(
                r.arrangement_type is referral.arrangement_type
                and r.status in (ReferralStatus.WAITING, ReferralStatus.INTRODUCING)
                for r in open_ones
            ):
                raise DomainValidationError(
                    "referral.arrangement_type",
                    "this person already waits for this kind of arrangement",
                )
            uow.referrals.add(referral)
            self._audit.record(
                uow,
                actor,
                AuditAction.CREATE,
                REFERRAL,
                referral.id,
                team_id=referral.scheme_team_id,
            )
            uow.commit()
        return referral

    def get(self, actor: Actor, referral_id: str) -> ReferralRow:
        """One referral with its person (audited read)."""
        with self._uow_factory() as uow:
            referral = uow.referrals.get(referral_id)
            person = uow.people.get(referral.person_id)
            check_can_see_referral(actor, referral, person)
            self._audit.record(
                uow, actor, AuditAction.READ, REFERRAL, referral.id, team_id=referral.scheme_team_id
            )
            uow.commit()
        return ReferralRow(referral, person)

    def waiting_list(
        self, actor: Actor, scheme_team_id: str, *, open_only: bool = True
    ) -> list[ReferralRow]:
        """The scheme's referrals, oldest first (waiting and in introductions unless all are asked)."""
        check_can_run_scheme(actor, scheme_team_id)
        with self._uow_factory() as uow:
            found = [
                r
                for r in uow.referrals.list(scheme_team_id=scheme_team_id)
                if not open_only or r.status in (ReferralStatus.WAITING, ReferralStatus.INTRODUCING)
            ]
            people = {p.id: p for p in uow.people.list(ids={r.person_id for r in found})}
            self._audit.record(
                uow,
                actor,
                AuditAction.LIST,
                REFERRAL,
                "",
                team_id=scheme_team_id,
                detail="waiting list",
            )
            uow.commit()
        return [ReferralRow(r, people[r.person_id]) for r in found]

    def close(self, actor: Actor, referral_id: str, reason: str) -> Referral:
        """Close a referral without a match (the person no longer wants one, or moved away)."""
        with self._uow_factory() as uow:
            referral = uow.referrals.get(referral_id)
            check_can_run_scheme(actor, referral.scheme_team_id)
            closed = referral.close(reason)
            uow.referrals.update(closed)
            self._audit.record(
                uow,
                actor,
                AuditAction.UPDATE,
                REFERRAL,
                referral.id,
                team_id=referral.scheme_team_id,
                detail="closed",
            )
            uow.commit()
        return closed
