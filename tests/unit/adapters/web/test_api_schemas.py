"""API schemas: bounded input, field names in errors, conversion to and from the domain."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest
from pydantic import ValidationError

from careweave.adapters.web.api.people.schemas import PersonCreate, PersonPublic, PersonUpdate
from careweave.adapters.web.api.visits.schemas import VisitCreate, VisitUpdate
from careweave.adapters.web.api.workforce.schemas import WorkerCreate, WorkerUpdate
from careweave.adapters.web.errors import field_of
from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import AboutMeSection
from careweave.domain.visits.visit import VisitStatus
from careweave.domain.workforce.workers import Skill
from careweave.services.accounts.idempotency import Idempotency

PERSON: dict[str, Any] = {
    "given_name": "Ada",
    "family_name": "Lovelace",
    "date_of_birth": "1941-05-17",
    "address": "1 High Street",
    "postcode": "wn11aa",
    "location": {"lat": 53.5, "lon": -2.6},
    "about_me": {"what_matters_to_me": "My garden"},
}


def test_a_person_converts_to_the_domain_and_back() -> None:
    person = PersonCreate.model_validate(PERSON).to_domain()
    assert person.postcode == "WN1 1AA"
    assert person.about_me.text(AboutMeSection.WHAT_MATTERS_TO_ME) == "My garden"
    public = PersonPublic.of(person)
    assert public.display_name == "Ada Lovelace"
    assert public.location.lat == 53.5


def test_domain_rules_still_apply_after_the_schema() -> None:
    with pytest.raises(DomainValidationError) as caught:
        PersonCreate.model_validate({**PERSON, "postcode": "nowhere"}).to_domain()
    assert caught.value.field == "person.postcode"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"given_name": "A" * 81}, "given_name"),
        ({"given_name": "Ada\x00"}, "given_name"),
        ({"location": {"lat": 91, "lon": 0}}, "lat"),
        ({"continuity_target": 0}, "continuity_target"),
        ({"unknown": 1}, "unknown"),
        ({"about_me": {"not_a_section": "x"}}, "about_me"),
    ],
)
def test_bad_person_input_names_the_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        PersonCreate.model_validate({**PERSON, **change})
    assert field in field_of(caught.value.errors()[0]["loc"])


def test_an_update_changes_only_what_is_sent() -> None:
    changes = PersonUpdate.model_validate(
        {"preferred_name": "Addie", "languages": ["en"]}
    ).changes()
    assert changes == {"preferred_name": "Addie", "languages": ("en",)}


def test_a_visit_with_workers_is_assigned() -> None:
    body = VisitCreate(
        person_id="p1",
        day=date(2026, 3, 2),
        window_start=time(8),
        window_end=time(9),
        duration_min=30,
        assigned_worker_ids=["w1"],
        planned_start=time(8, 15),
    )
    visit = body.to_domain()
    assert visit.status is VisitStatus.ASSIGNED
    assert visit.assigned_worker_ids == ("w1",)


def test_a_visit_update_needs_its_version() -> None:
    with pytest.raises(ValidationError) as caught:
        VisitUpdate.model_validate({"status": "cancelled"})
    assert field_of(caught.value.errors()[0]["loc"]) == "version"
    update = VisitUpdate(version=3, status=VisitStatus.CANCELLED)
    assert update.changes() == {"status": VisitStatus.CANCELLED}


def test_worker_schemas_convert_sets_and_slots() -> None:
    worker = WorkerCreate.model_validate(
        {
            "given_name": "Sam",
            "family_name": "Okafor",
            "team_id": "t1",
            "home": {"lat": 53.5, "lon": -2.6},
            "skills": ["medication", "medication"],
            "availability": [{"weekday": 0, "start": "07:00", "end": "13:00"}],
        }
    ).to_domain()
    assert worker.skills == frozenset({Skill.MEDICATION})
    assert worker.available_minutes_per_week() == 360
    assert WorkerUpdate(active=False).changes() == {"active": False}


def test_field_of_drops_the_location_kind_and_list_positions() -> None:
    assert field_of(("body", "availability", 0, "weekday")) == "availability.weekday"
    assert field_of(("query", "limit")) == "limit"
    assert field_of(("body",)) == "body"


def test_idempotency_fingerprint_ignores_key_order_and_checks_the_key() -> None:
    one = Idempotency.of("k-1", {"a": 1, "b": 2})
    two = Idempotency.of("k-1", {"b": 2, "a": 1})
    assert one.fingerprint == two.fingerprint
    with pytest.raises(DomainValidationError):
        Idempotency.of("", {})
