"""Reading HSDS JSON: what careweave writes reads back unchanged, and every problem of a file is
named by record and field."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from tests.community_directory import SmallDirectory
from tests.hsds_uk import HSDS_UK, needs_hsds_uk

from careweave.adapters.hsds.document import directory_document
from careweave.adapters.hsds.read import read_directory
from careweave.domain.community.whole_directory import WholeDirectory


def whole(small: SmallDirectory) -> WholeDirectory:
    return WholeDirectory(
        taxonomies=(small.needs,),
        terms=tuple(small.terms.values()),
        organizations=tuple(small.organizations.values()),
        locations=tuple(small.locations.values()),
        services=tuple(small.services.values()),
    )


@pytest.fixture
def document() -> dict[str, Any]:
    return json.loads(json.dumps(directory_document(whole(SmallDirectory()))))


def problems_of(document: object) -> list[str]:
    return [str(p) for p in read_directory(document)[1]]


def test_a_written_directory_reads_back_unchanged() -> None:
    original = whole(SmallDirectory())
    text = json.dumps(directory_document(original))
    directory, problems = read_directory(json.loads(text))
    assert problems == []
    assert directory == original


def test_a_bare_list_of_nested_services_brings_what_they_name(document: dict[str, Any]) -> None:
    directory, problems = read_directory(document["services"])
    assert problems == []
    assert len(directory.services) == 4
    assert len(directory.organizations) == 2
    assert len(directory.locations) == 4
    # Only the terms the services are tagged with travel inside them; their taxonomy and broader
    # terms may be published elsewhere.
    assert {t.name for t in directory.terms} == {
        "Loneliness",
        "Walking groups",
        "Befriending",
        "Physical activity",
    }


def test_every_problem_is_named_by_record_and_field(document: dict[str, Any]) -> None:
    broken = copy.deepcopy(document)
    broken["services"][0]["schedules"][0]["byday"] = "XX"
    broken["services"][0]["minimum_age"] = "sixty"
    broken["services"][1]["name"] = ""
    broken["locations"][0]["latitude"] = 100
    broken["organizations"][1]["email"] = "nobody"

    found = problems_of(broken)

    assert (
        "services[0].schedules[0].byday: 'XX' is not a day such as MO, 1MO (first Monday) or -1FR (last Friday)"
        in found
    )
    assert "services[0].minimum_age: must be a number" in found
    assert "services[1].name: must not be empty" in found
    assert any(p.startswith("locations[0].latitude: must be between -90 and 90") for p in found)
    assert "organizations[1].email: 'nobody' is not an email address" in found


def test_references_that_lead_nowhere_are_named(document: dict[str, Any]) -> None:
    broken = copy.deepcopy(document)
    for service in broken["services"]:
        service.pop("organization")
    broken["organizations"] = broken["organizations"][:1]
    loneliness, befriending = broken["taxonomy_terms"][:2]
    loneliness["parent_id"] = befriending["id"]
    broken["services"].append(copy.deepcopy(broken["services"][0]))

    found = problems_of(broken)

    assert any(p.startswith("services[1].organization_id: no organization") for p in found)
    assert any("the chain of parent terms loops" in p for p in found)
    assert any(
        p.startswith("services[4].id:") and "already used by services[0]" in p for p in found
    )


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("not a directory", "document: must be a JSON object or a list of services"),
        ({"services": {"id": 1}}, "services: must be a list"),
        ({"services": [7]}, "services[0]: must be a JSON object"),
        (
            {"services": [{"id": "x", "name": "A", "schedules": "weekly"}]},
            "services[0].schedules: must be a list",
        ),
    ],
)
def test_a_file_of_the_wrong_shape_is_named(document: object, expected: str) -> None:
    assert expected in problems_of(document)


@needs_hsds_uk
def test_the_profiles_own_example_is_read_and_its_impossible_place_named() -> None:
    example = json.loads((HSDS_UK / "examples" / "service_full.json").read_text(encoding="utf-8"))
    found = problems_of([example])
    # The example gives its weekly schedule days of the month, which RFC 5545 forbids for a
    # weekly rule, and puts its civic centre at latitude 100, off the earth: the rest reads.
    assert found == [
        "services[0].schedules[0].bymonthday: is for monthly schedules only",
        "services[0].service_at_locations[0].location.latitude: must be between -90 and 90, got 100",
    ]
