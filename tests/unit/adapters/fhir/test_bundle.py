"""FHIR export and import: the bundle's shape, validation, the round trip and bad bundles."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from tests.unit.adapters.fhir.sample_record import sample_record

from careweave.adapters.fhir.bundle import from_bundle, to_bundle
from careweave.domain.errors import DomainValidationError


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_bundle_holds_every_resource_kind() -> None:
    bundle = to_bundle(sample_record())
    assert bundle["type"] == "collection"
    counts = {
        k: len(resources(bundle, k))
        for k in (
            "Patient",
            "RelatedPerson",
            "CareTeam",
            "CarePlan",
            "Goal",
            "Observation",
            "EpisodeOfCare",
        )
    }
    # 2 plan versions × 2 goals; 8 GAS ratings + 2 Barthel (start and end of the ended episode)
    assert counts == {
        "Patient": 1,
        "RelatedPerson": 2,
        "CareTeam": 1,
        "CarePlan": 2,
        "Goal": 4,
        "Observation": 10,
        "EpisodeOfCare": 2,
    }


def test_plan_versions_are_linked_and_statuses_follow_fhir() -> None:
    bundle = to_bundle(sample_record())
    v1, v2 = sorted(resources(bundle, "CarePlan"), key=lambda r: r["id"])
    assert v1["status"] == "revoked"
    assert v2["status"] == "active"
    assert v2["replaces"] == [{"reference": f"CarePlan/{v1['id']}"}]
    goals = {g["id"]: g for g in resources(bundle, "Goal")}
    walk = goals[v2["goal"][0]["reference"].split("/")[1]]
    assert walk["lifecycleStatus"] == "active"
    # walk rated -2, -1, 0, +1: the last two at or above 0 -> sustaining
    assert walk["achievementStatus"]["coding"][0]["code"] == "sustaining"


def test_barthel_observation_has_ten_components_adding_up() -> None:
    bundle = to_bundle(sample_record())
    barthel = [o for o in resources(bundle, "Observation") if "component" in o]
    assert len(barthel) == 2
    for obs in barthel:
        assert len(obs["component"]) == 10
        assert obs["valueInteger"] == sum(c["valueInteger"] for c in obs["component"])


def test_round_trip_loses_nothing() -> None:
    record = sample_record()
    assert from_bundle(to_bundle(record)) == _sorted(record)


def _sorted(record: Any) -> Any:
    """The record as the import builds it: same parts, in bundle order."""
    import dataclasses

    return dataclasses.replace(
        record,
        plans=tuple(sorted(record.plans, key=lambda p: (p.plan_id, p.version))),
        ratings=tuple(sorted(record.ratings, key=lambda r: (r.rated_on, r.id))),
    )


def test_round_trip_of_a_bare_person() -> None:
    import dataclasses

    record = dataclasses.replace(
        sample_record(),
        circle=(),
        strengths=(),
        needs=(),
        team=None,
        plans=(),
        ratings=(),
        episodes=(),
        risks=(),
    )
    record = dataclasses.replace(
        record,
        person=dataclasses.replace(
            record.person, team_id=None, nhs_number="", preferred_name="", gender=""
        ),
    )
    assert from_bundle(to_bundle(record)) == record


def _break(mutate: Any) -> DomainValidationError:
    bundle = copy.deepcopy(to_bundle(sample_record()))
    mutate(bundle)
    with pytest.raises(DomainValidationError) as err:
        from_bundle(bundle)
    return err.value


def test_not_a_bundle() -> None:
    with pytest.raises(DomainValidationError) as err:
        from_bundle({"resourceType": "Patient"})
    assert err.value.field == "bundle.resourceType"
    with pytest.raises(DomainValidationError) as err:
        from_bundle({"resourceType": "Bundle", "type": "searchset"})
    assert err.value.field == "bundle.type"


def test_resource_failing_fhir_validation_names_the_entry() -> None:
    def bad_id(b: dict[str, Any]) -> None:
        b["entry"][0]["resource"]["id"] = "not_valid!"

    err = _break(bad_id)
    assert err.field == "bundle.entry[0].id"


def test_unknown_resource_type_is_rejected() -> None:
    err = _break(
        lambda b: b["entry"].append({"resource": {"resourceType": "Medication", "id": "m"}})
    )
    assert err.field.endswith("resourceType")


def test_gas_level_out_of_range_is_rejected() -> None:
    def level_three(b: dict[str, Any]) -> None:
        next(r for r in resources(b, "Observation") if "focus" in r)["valueInteger"] = 3

    assert _break(level_three).field == "rating.level"


def test_barthel_item_score_not_allowed_is_rejected() -> None:
    def bathing_ten(b: dict[str, Any]) -> None:
        obs = next(r for r in resources(b, "Observation") if "component" in r)
        for c in obs["component"]:
            if c["code"]["coding"][0]["code"] == "bathing":
                c["valueInteger"] = 10

    assert _break(bathing_ten).field == "barthel.bathing"


def test_plan_without_review_date_is_rejected() -> None:
    def no_review(b: dict[str, Any]) -> None:
        plan = resources(b, "CarePlan")[0]
        plan["extension"] = [e for e in plan["extension"] if not e["url"].endswith("review-on")]

    assert _break(no_review).field == "plan.review_on"


def test_two_patients_are_rejected() -> None:
    def second(b: dict[str, Any]) -> None:
        patient = copy.deepcopy(resources(b, "Patient")[0])
        patient["id"] = "other"
        b["entry"].append({"resource": patient})

    assert _break(second).field == "bundle.entry"


def test_resource_about_another_patient_is_rejected() -> None:
    def other(b: dict[str, Any]) -> None:
        resources(b, "RelatedPerson")[0]["patient"]["reference"] = "Patient/someone-else"

    assert _break(other).field == "RelatedPerson.patient"
