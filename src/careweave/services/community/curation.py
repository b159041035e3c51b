"""A coordinator curates the directory: adds and edits entries, marks them checked on a date,
retires them. Every change is audited in its own transaction; only coordinators (and
administrators) may curate."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, time

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.community.fields import new_hsds_id
from careweave.domain.community.locations import DirectoryLocation
from careweave.domain.community.organizations import Organization
from careweave.domain.community.schedules import Frequency, Schedule
from careweave.domain.community.service_details import CostOption, ServiceAtLocation, TermLink
from careweave.domain.community.services import Service
from careweave.domain.community.taxonomy import TaxonomyTerm
from careweave.domain.community.words import search_words
from careweave.domain.errors import DomainValidationError
from careweave.services.accounts.access import Actor, require_role
from careweave.services.accounts.audit import AuditTrail
from careweave.services.community.access import CURATORS
from careweave.services.community.ports import ServiceQuery
from careweave.services.community.unit_of_work import CommunityUnitOfWork
from careweave.services.listing import Paged

KIND = "community_service"


@dataclass(frozen=True, slots=True)
class EntryDraft:
    """What the curation form edits: the common parts of an entry. An edit keeps everything else
    the entry has (contacts, areas, other schedules) as it was."""

    organization_id: str
    name: str
    description: str = ""
    location_id: str | None = None
    need_ids: tuple[str, ...] = ()
    days: str = ""
    opens_at: time | None = None
    closes_at: time | None = None
    amount: float | None = None
    eligibility_description: str = ""


@dataclass(frozen=True, slots=True)
class CurationChoices:
    """What a curation form offers to pick from."""

    organizations: Sequence[Organization]
    locations: Sequence[DirectoryLocation]
    terms: Sequence[TaxonomyTerm]


class DirectoryCuration:
    """The coordinator's use cases on directory entries; each is one unit of work."""

    def __init__(self, uow_factory: Callable[[], CommunityUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._trail = AuditTrail(clock)

    def entries(self, actor: Actor, *, words: str = "", limit: int, offset: int) -> Paged[Service]:
        """Every entry (retired ones too) by name."""
        require_role(actor, *CURATORS)
        query = ServiceQuery(words=search_words(words))
        with self._uow_factory() as uow:
            return Paged(
                uow.directory_services.list(query, limit=limit, offset=offset),
                uow.directory_services.count(query),
                limit,
                offset,
            )

    def entry(self, actor: Actor, service_id: str) -> Service:
        """One entry."""
        require_role(actor, *CURATORS)
        with self._uow_factory() as uow:
            return uow.directory_services.get(service_id)

    def choices(self, actor: Actor) -> CurationChoices:
        """The organisations, locations and terms a form offers."""
        require_role(actor, *CURATORS)
        with self._uow_factory() as uow:
            terms = sorted(uow.taxonomy_terms.all().values(), key=lambda t: t.name)
            return CurationChoices(uow.organizations.list(), uow.directory_locations.list(), terms)

    def add(self, actor: Actor, draft: EntryDraft) -> Service:
        """A new entry from ``draft``, checked today by whoever added it."""
        require_role(actor, *CURATORS)
        now, today = self._clock.now(), self._clock.today()
        service = _apply(
            Service(organization_id=draft.organization_id, name=draft.name),
            draft,
        )
        service = dataclasses.replace(service, assured_date=today, last_modified=now)
        with self._uow_factory() as uow:
            uow.directory_services.add(service)
            self._audit(uow, actor, AuditAction.CREATE, service.id, "added")
            uow.commit()
        return service

    def edit(self, actor: Actor, service_id: str, draft: EntryDraft) -> Service:
        """The entry changed as ``draft`` says."""
        return self._change(
            actor, service_id, lambda s: _apply(s, draft).touched(self._clock.now()), "edited"
        )

    def mark_checked(self, actor: Actor, service_id: str, on: date) -> Service:
        """The entry marked as checked on ``on`` (not after today)."""
        return self._change(
            actor,
            service_id,
            lambda s: s.checked(on, "", self._clock.now(), self._clock.today()),
            f"checked on {on.isoformat()}",
        )

    def retire(self, actor: Actor, service_id: str) -> Service:
        """The entry retired: kept on record, offered to no one."""
        return self._change(actor, service_id, lambda s: s.retire(self._clock.now()), "retired")

    def _change(
        self, actor: Actor, service_id: str, change: Callable[[Service], Service], detail: str
    ) -> Service:
        require_role(actor, *CURATORS)
        with self._uow_factory() as uow:
            changed = change(uow.directory_services.get(service_id))
            uow.directory_services.update(changed)
            self._audit(uow, actor, AuditAction.UPDATE, service_id, detail)
            uow.commit()
        return changed

    def _audit(
        self, uow: CommunityUnitOfWork, actor: Actor, action: AuditAction, ident: str, detail: str
    ) -> None:
        self._trail.record(uow, actor, action, KIND, ident, detail=detail)


def form_schedule(service: Service) -> Schedule | None:
    """The schedule the curation form shows and edits: the service's first weekly one that is
    not tied to one location (its other schedules are kept as they are)."""
    for schedule in service.schedules:
        if schedule.freq is Frequency.WEEKLY and schedule.service_at_location_id is None:
            return schedule
    return None


def _apply(service: Service, draft: EntryDraft) -> Service:
    """``service`` with the parts ``draft`` edits replaced."""
    kept_terms = {t.taxonomy_term_id: t for t in service.terms}
    terms = tuple(kept_terms.get(t) or TermLink(t, link_type="need") for t in draft.need_ids)
    locations = service.locations
    if draft.location_id is not None and draft.location_id not in {
        x.location_id for x in locations
    }:
        locations = (ServiceAtLocation(location_id=draft.location_id),)
    shown = form_schedule(service)
    if not draft.days and (draft.opens_at or draft.closes_at):
        raise DomainValidationError("schedule.byday", "say on which days it opens at those hours")
    edited = None
    if draft.days:
        edited = Schedule(
            freq=Frequency.WEEKLY,
            byday=draft.days,
            opens_at=draft.opens_at,
            closes_at=draft.closes_at,
            id=shown.id if shown else new_hsds_id(),
        )
    here = {None, *(x.id for x in locations)}
    others = [s for s in service.schedules if s is not shown and s.service_at_location_id in here]
    costs = service.cost_options
    if draft.amount is not None:
        costs = (CostOption(option="Everyone", amount=draft.amount),)
    return dataclasses.replace(
        service,
        organization_id=draft.organization_id,
        name=draft.name,
        description=draft.description,
        eligibility_description=draft.eligibility_description,
        terms=terms,
        locations=locations,
        schedules=(*([edited] if edited else []), *others),
        cost_options=costs,
    )
