"""Export a person's whole record for FHIR, and import one into this database, in one transaction.

The mapping to FHIR resources is the adapter's job (:mod:`careweave.adapters.fhir`); this module
gathers the record from storage and writes an imported one back, all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.accounts.users import Role
from careweave.domain.errors import ConflictError, DomainValidationError, NotFoundError
from careweave.domain.people.record import PersonRecord
from careweave.services.accounts.access import Actor, require_role
from careweave.services.accounts.audit import AuditTrail
from careweave.services.people.unit_of_work import PeopleUnitOfWork
from careweave.services.plans.access import check_can_read_plan

MAX_ID_LENGTH = 32


class FhirExchangeService:
    """Gather and store whole person records."""

    def __init__(self, uow_factory: Callable[[], PeopleUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def export_record(self, actor: Actor, person_id: str) -> PersonRecord:
        """Everything held about the person that FHIR carries (audited as a read)."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_read_plan(actor, person)
            record = PersonRecord(
                person=person,
                circle=tuple(uow.circles.list_for_person(person_id)),
                strengths=tuple(uow.strengths.list_for_person(person_id)),
                needs=tuple(uow.needs.list_for_person(person_id)),
                team=uow.teams.get(person.team_id) if person.team_id else None,
                plans=tuple(uow.plans.list_for_person(person_id, all_versions=True)),
                ratings=tuple(uow.ratings.list_for_person(person_id)),
                episodes=tuple(uow.episodes.list_for_person(person_id)),
                risks=tuple(uow.risks.list_for_person(person_id)),
            )
            self._audit.record(
                uow,
                actor,
                AuditAction.READ,
                "person",
                person_id,
                team_id=person.team_id,
                detail="FHIR export",
            )
            uow.commit()
        return record

    def import_record(self, actor: Actor, record: PersonRecord) -> str:
        """Store an imported record of a person new to this database; returns the person's id.

        The person's team is created when this database does not have it yet. Nothing is written
        unless everything is.
        """
        person = record.person
        person.check_born_by(self._clock.today())
        require_role(actor, Role.ADMIN, Role.COORDINATOR)
        _check_ids(record)
        with self._uow_factory() as uow:
            if _exists(lambda: uow.people.get(person.id)):
                raise ConflictError(
                    f"person {person.id!r} is already in this database", field="Patient.id"
                )
            if record.team is not None and not _exists(lambda: uow.teams.get(record.team.id)):  # type: ignore[union-attr]
                uow.teams.add(record.team)
            if not actor.is_admin and person.team_id not in actor.team_ids:
                raise DomainValidationError(
                    "Patient.extension.team-id",
                    "a coordinator may import people into their own teams only",
                )
            uow.people.add(person)
            uow.circles.add_all(record.circle)
            uow.strengths.add_all(record.strengths)
            uow.needs.add_all(record.needs)
            for plan in sorted(record.plans, key=lambda p: (p.plan_id, p.version)):
                uow.plans.add_version(plan)
            uow.ratings.add_for_person(person.id, record.ratings)
            uow.episodes.add_all(record.episodes)
            for item in record.risks:
                uow.risks.add(item)
            self._audit.record(
                uow,
                actor,
                AuditAction.CREATE,
                "person",
                person.id,
                team_id=person.team_id,
                detail="FHIR import",
            )
            uow.commit()
        return person.id


def _exists(lookup: Callable[[], object]) -> bool:
    try:
        lookup()
    except NotFoundError:
        return False
    return True


def _check_ids(record: PersonRecord) -> None:
    """Ids longer than careweave's are refused up front, naming the resource."""
    ids = [("Patient.id", record.person.id)]
    ids += [("RelatedPerson.id", m.id) for m in record.circle]
    ids += [("CarePlan.identifier", p.plan_id) for p in record.plans]
    ids += [("Goal.identifier", g.id) for p in record.plans for g in p.goals]
    ids += [("Observation.id", r.id) for r in record.ratings]
    ids += [("EpisodeOfCare.id", e.id) for e in record.episodes]
    ids += [("RiskAssessment.id", r.id) for r in record.risks]
    for where, ident in ids:
        if not ident or len(ident) > MAX_ID_LENGTH:
            raise DomainValidationError(
                where, f"ids must be 1 to {MAX_ID_LENGTH} characters, got {ident!r}"
            )
