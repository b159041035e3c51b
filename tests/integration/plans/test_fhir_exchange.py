"""FHIR export of a stored person, validated, imported into an empty database unchanged."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable

import pytest
from tests.integration.plans.conftest import ADMIN
from tests.unit.adapters.fhir.sample_record import sample_record

from careweave.adapters.fhir.bundle import MODELS, from_bundle, to_bundle
from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.clock import SystemClock
from careweave.domain.errors import ConflictError, DomainValidationError
from careweave.domain.people.record import PersonRecord
from careweave.services.people.fhir_exchange import FhirExchangeService

Factory = Callable[[], SqlUnitOfWork]


def ordered(record: PersonRecord) -> PersonRecord:
    """The record with its parts in a canonical order, to compare two records."""
    return dataclasses.replace(
        record,
        circle=tuple(sorted(record.circle, key=lambda m: m.id)),
        strengths=tuple(sorted(record.strengths, key=lambda s: s.id)),
        needs=tuple(sorted(record.needs, key=lambda n: n.id)),
        plans=tuple(sorted(record.plans, key=lambda p: (p.plan_id, p.version))),
        ratings=tuple(sorted(record.ratings, key=lambda r: r.id)),
        episodes=tuple(sorted(record.episodes, key=lambda e: e.id)),
    )


def test_export_validate_and_import_into_an_empty_database_unchanged(
    plans_uow: Factory, second_plans_uow: Factory
) -> None:
    original = sample_record()
    first = FhirExchangeService(plans_uow, SystemClock())
    first.import_record(ADMIN, original)
    stored = first.export_record(ADMIN, original.person.id)
    assert ordered(stored) == ordered(original)

    text = json.dumps(to_bundle(stored))
    bundle = json.loads(text)
    for entry in bundle["entry"]:  # every resource validates on its own with fhir.resources
        resource = entry["resource"]
        MODELS[resource["resourceType"]].model_validate(resource)

    second = FhirExchangeService(second_plans_uow, SystemClock())
    with second_plans_uow() as uow:
        assert uow.people.count() == 0
    second.import_record(ADMIN, from_bundle(bundle))
    assert ordered(second.export_record(ADMIN, original.person.id)) == ordered(original)


def test_importing_a_person_twice_is_a_conflict_and_writes_nothing(plans_uow: Factory) -> None:
    service = FhirExchangeService(plans_uow, SystemClock())
    record = sample_record()
    service.import_record(ADMIN, record)
    with pytest.raises(ConflictError):
        service.import_record(ADMIN, record)
    with plans_uow() as uow:
        assert uow.people.count() == 1


def test_a_bad_part_rolls_back_the_whole_import(plans_uow: Factory) -> None:
    record = sample_record()
    bad = dataclasses.replace(record, plans=(*record.plans, record.plans[-1]))  # version twice
    with pytest.raises(ConflictError):
        FhirExchangeService(plans_uow, SystemClock()).import_record(ADMIN, bad)
    with plans_uow() as uow:
        assert uow.people.count() == 0
        assert uow.teams.count() == 0


def test_an_id_too_long_is_refused_naming_the_resource(plans_uow: Factory) -> None:
    record = sample_record(person_id="x" * 40)
    with pytest.raises(DomainValidationError) as err:
        FhirExchangeService(plans_uow, SystemClock()).import_record(ADMIN, record)
    assert err.value.field == "Patient.id"
