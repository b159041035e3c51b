"""Social prescribing use cases: refer, take on (first contact), the "what matters to me"
conversation, the plan of directory services, follow-ups, wellbeing, decline, close; a link
worker's caseload and the figures. Every read and write of a person's referral is audited in the
same transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.community.referral_figures import ReferralFigures, referral_figures
from careweave.domain.community.social_prescribing import (
    FollowUp,
    LinkStatus,
    Referral,
    ReferralSource,
    WellbeingRecord,
)
from careweave.domain.errors import DomainValidationError, NotFoundError
from careweave.domain.people.person import Person
from careweave.services.accounts.access import Actor, listable_people_filter, require_role
from careweave.services.accounts.audit import AuditTrail
from careweave.services.community.access import (
    LINK_WORKERS,
    check_can_read_referral,
    check_can_work_referral,
    counts_every_referral,
)
from careweave.services.community.unit_of_work import CommunityUnitOfWork

KIND = "referral"


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    """A referral on a caseload with its person."""

    referral: Referral
    person: Person
    mine: bool


class SocialPrescribingService:
    """The use cases of social prescribing; each checks access, audits and is one transaction."""

    def __init__(self, uow_factory: Callable[[], CommunityUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._trail = AuditTrail(clock)

    def refer(
        self,
        actor: Actor,
        person_id: str,
        *,
        source: ReferralSource,
        reason: str,
        referrer: str = "",
    ) -> Referral:
        """A new referral of the person, dated today."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_work_referral(actor, person)
            referral = Referral(
                person_id=person_id,
                referred_on=self._clock.today(),
                source=source,
                reason=reason,
                referrer=referrer or actor.display_name,
            )
            uow.social_referrals.add(referral)
            self._audit(uow, actor, AuditAction.CREATE, referral, person, "referred")
            uow.commit()
        return referral

    def referral(self, actor: Actor, referral_id: str) -> tuple[Referral, Person]:
        """One referral with its person (audited read)."""
        with self._uow_factory() as uow:
            referral, person = self._load(uow, actor, referral_id)
            check_can_read_referral(actor, person)
            self._audit(uow, actor, AuditAction.READ, referral, person, "")
            uow.commit()
        return referral, person

    def _load(
        self, uow: CommunityUnitOfWork, actor: Actor, referral_id: str
    ) -> tuple[Referral, Person]:
        referral = uow.social_referrals.get(referral_id)
        person = uow.people.get(referral.person_id)
        try:
            check_can_read_referral(actor, person)
        except NotFoundError:
            raise NotFoundError("referral", referral_id) from None
        return referral, person

    def _change(
        self, actor: Actor, referral_id: str, change: Callable[[Referral], Referral], detail: str
    ) -> Referral:
        with self._uow_factory() as uow:
            referral, person = self._load(uow, actor, referral_id)
            check_can_work_referral(actor, person)
            changed = change(referral)
            uow.social_referrals.update(changed)
            self._audit(uow, actor, AuditAction.UPDATE, changed, person, detail)
            uow.commit()
        return changed

    def take_on(self, actor: Actor, referral_id: str, first_contact_on: date) -> Referral:
        """Record the first contact; the referral goes onto ``actor``'s caseload."""
        self._not_future("first_contact_on", first_contact_on)
        return self._change(
            actor,
            referral_id,
            lambda r: r.contacted(first_contact_on, actor.user_id),
            "first contact",
        )

    def what_matters(self, actor: Actor, referral_id: str, words: str) -> Referral:
        """Record what matters to the person, in their words."""
        return self._change(
            actor, referral_id, lambda r: r.with_what_matters(words), "what matters"
        )

    def add_service(self, actor: Actor, referral_id: str, service_id: str, note: str) -> Referral:
        """Link the person to a directory service in their plan."""
        with self._uow_factory() as uow:
            # NotFoundError names a service that is not there.
            uow.directory_services.get(service_id)
        return self._change(
            actor, referral_id, lambda r: r.with_service(service_id, note), "plan: service added"
        )

    def service_status(
        self, actor: Actor, referral_id: str, service_id: str, status: LinkStatus
    ) -> Referral:
        """Record how a service in the plan is going."""
        return self._change(
            actor,
            referral_id,
            lambda r: r.with_service_status(service_id, status),
            f"plan: {status.value}",
        )

    def follow_up(self, actor: Actor, referral_id: str, follow_up: FollowUp) -> Referral:
        """Record a follow-up."""
        self._not_future("follow_up.held_on", follow_up.held_on)
        return self._change(actor, referral_id, lambda r: r.with_follow_up(follow_up), "follow-up")

    def record_wellbeing(self, actor: Actor, referral_id: str, record: WellbeingRecord) -> Referral:
        """Record ONS4 and/or SWEMWBS answers."""
        self._not_future("wellbeing.taken_on", record.taken_on)
        return self._change(actor, referral_id, lambda r: r.with_wellbeing(record), "wellbeing")

    def decline(self, actor: Actor, referral_id: str, reason: str) -> Referral:
        """The person declined, today."""
        return self._change(
            actor, referral_id, lambda r: r.decline(self._clock.today(), reason), "declined"
        )

    def close(self, actor: Actor, referral_id: str) -> Referral:
        """The work with the person ended, today."""
        return self._change(actor, referral_id, lambda r: r.close(self._clock.today()), "closed")

    def caseload(self, actor: Actor) -> list[CaseloadRow]:
        """Open referrals ``actor`` holds, then the open ones of people they may see that nobody
        has taken on yet."""
        require_role(actor, *LINK_WORKERS)
        with self._uow_factory() as uow:
            people = _visible_people(uow, actor)
            found = uow.social_referrals.list(person_ids=people.keys(), open_only=True)
            self._trail.record(uow, actor, AuditAction.LIST, KIND, "", detail="caseload")
            uow.commit()
        rows = [
            CaseloadRow(r, people[r.person_id], r.link_worker_id == actor.user_id)
            for r in found
            if r.link_worker_id in (None, actor.user_id)
        ]
        return sorted(
            rows, key=lambda row: (not row.mine, row.referral.referred_on, row.referral.id)
        )

    def referrals_of(self, actor: Actor, person_id: str) -> list[Referral]:
        """The person's referrals."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_read_referral(actor, person)
            found = list(uow.social_referrals.list(person_ids=[person_id]))
            self._trail.record(
                uow,
                actor,
                AuditAction.LIST,
                KIND,
                person_id,
                team_id=person.team_id,
            )
            uow.commit()
        return found

    def figures(self, actor: Actor) -> ReferralFigures:
        """The figures over the referrals ``actor`` may count (a commissioner: everyone's)."""
        with self._uow_factory() as uow:
            if counts_every_referral(actor):
                found = uow.social_referrals.list()
            else:
                found = uow.social_referrals.list(person_ids=_visible_people(uow, actor).keys())
            self._trail.record(uow, actor, AuditAction.LIST, KIND, "", detail="figures")
            uow.commit()
        return referral_figures(found)

    def _not_future(self, field: str, day: date) -> None:
        if day > self._clock.today():
            raise DomainValidationError(field, "cannot be in the future")

    def _audit(
        self,
        uow: CommunityUnitOfWork,
        actor: Actor,
        action: AuditAction,
        referral: Referral,
        person: Person,
        detail: str,
    ) -> None:
        self._trail.record(
            uow,
            actor,
            action,
            KIND,
            referral.id,
            team_id=person.team_id,
            detail=detail,
        )


def _visible_people(uow: CommunityUnitOfWork, actor: Actor) -> dict[str, Person]:
    teams, ids = listable_people_filter(actor)
    if teams is None and ids is None:
        return {p.id: p for p in uow.people.list()}
    if ids is not None:
        return {p.id: p for p in uow.people.list(ids=ids)}
    return {p.id: p for p in uow.people.list(team_ids=teams or frozenset())}
