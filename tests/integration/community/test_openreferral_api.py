"""The public Open Referral UK API on SQLite and PostgreSQL: every endpoint and filter answers
what the UK profile's schemas allow (checked with jsonschema), with no login, open CORS, paging,
named errors and a throttle, and never a word about the people careweave supports."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.community_directory import SmallDirectory
from tests.hsds_uk import needs_hsds_uk, problems, response_validator, schema_validator
from tests.integration.web.conftest import World

from careweave.adapters.web.api.community.openreferral import openreferral_app
from careweave.clock import SystemClock
from careweave.services.community.directory import DirectoryReader

pytestmark = needs_hsds_uk


class Directory:
    """The world with the small directory stored beside its people."""

    def __init__(self, world: World, small: SmallDirectory) -> None:
        self.world, self.small = world, small
        self.client = TestClient(world.app)


@pytest.fixture(scope="module")
def oruk(shared_world: World) -> Directory:
    """One world and directory for the module (every test here only reads)."""
    small = SmallDirectory()
    with shared_world.services.uow_factory() as uow:
        small.store(uow)
        uow.commit()
    return Directory(shared_world, small)


def get(oruk: Directory, path: str, **params: Any) -> Any:
    reply = oruk.client.get(f"/openreferral{path}", params=params)
    assert reply.status_code == 200, reply.text
    assert reply.headers["access-control-allow-origin"] == "*"
    return reply.json()


def ids(oruk: Directory, *names: str) -> set[str]:
    return {oruk.small.services[n].id for n in names}


def listed(body: dict[str, Any]) -> set[str]:
    return {item.get("service", item)["id"] for item in body["contents"]}


LISTING_FILTERS: list[dict[str, Any]] = [
    {},
    {"search": "lunch"},
    {"page": 2, "per_page": 1},
    {"page": 9},
    {"minimum_age": 55},
    {"maximum_age": 120},
    {"start_time": "11:00"},
    {"end_time": "11:30:00"},
    {"day": "TU"},
    {"day": "Thursday", "start_time": "09:00", "end_time": "12:00"},
    {"organization_id": "0f0f0f0f-0000-4000-8000-000000000000"},
    {"mystery": "ignored"},
]


@pytest.mark.parametrize("path", ["/services", "/service_at_locations"])
@pytest.mark.parametrize("params", LISTING_FILTERS, ids=[str(p) for p in LISTING_FILTERS])
def test_every_listing_and_filter_validates(
    oruk: Directory, path: str, params: dict[str, Any]
) -> None:
    body = get(oruk, path, **params)
    assert problems(response_validator(path), body) == []


def test_taxonomy_filters_validate_and_widen_to_narrower_terms(oruk: Directory) -> None:
    terms = oruk.small.terms
    for path in ("/services", "/service_at_locations"):
        by_term = get(oruk, path, taxonomy_term_id=terms["loneliness"].id)
        by_taxonomy = get(oruk, path, taxonomy_id=oruk.small.needs.id)
        assert problems(response_validator(path), by_term) == []
        assert problems(response_validator(path), by_taxonomy) == []
        assert listed(by_term) == ids(oruk, "lunch", "befriending")
        assert by_taxonomy["total_items"] == 4


def test_near_a_postcode(oruk: Directory) -> None:
    body = get(oruk, "/service_at_locations", postcode="WN1 1XL", proximity="1500")
    assert problems(response_validator("/service_at_locations"), body) == []
    assert listed(body) == ids(oruk, "lunch", "befriending")


def test_every_service_in_full_validates(oruk: Directory) -> None:
    for service in oruk.small.services.values():
        body = get(oruk, f"/services/{service.id}")
        assert problems(response_validator("/services/{id}"), body) == []
        assert body["name"] == service.name


def test_every_service_at_a_location_in_full_validates(oruk: Directory) -> None:
    # The profile's OpenAPI declares compiled/service.json for this answer, while its example
    # and compiled/service_at_location.json describe a service at a location: we follow those.
    for service in oruk.small.services.values():
        for sal in service.locations:
            body = get(oruk, f"/service_at_locations/{sal.id}")
            assert problems(schema_validator("compiled/service_at_location.json"), body) == []
            assert body["service"]["id"] == service.id


def test_taxonomies_and_terms_validate(oruk: Directory) -> None:
    for path in ("/taxonomies", "/taxonomy_terms"):
        body = get(oruk, path)
        assert problems(response_validator(path), body) == []
    taxonomy = get(oruk, f"/taxonomies/{oruk.small.needs.id}")
    assert problems(response_validator("/taxonomies/{id}"), taxonomy) == []
    assert len(taxonomy["taxonomy_terms"]) == 4
    for term in oruk.small.terms.values():
        body = get(oruk, f"/taxonomy_terms/{term.id}")
        assert problems(response_validator("/taxonomy_terms/{id}"), body) == []


def test_the_root_says_what_the_api_is(oruk: Directory) -> None:
    body = get(oruk, "/")
    schema = response_validator("/")
    assert problems(schema, body) == []
    assert body["version"] == "3.0"
    assert oruk.client.get(body["openapi_url"]).status_code == 200


def test_paging_counts_pages_and_a_page_past_the_end_is_empty(oruk: Directory) -> None:
    first = get(oruk, "/services", per_page=3)
    second = get(oruk, "/services", per_page=3, page=2)
    beyond = get(oruk, "/services", per_page=3, page=5)
    assert (first["total_items"], first["total_pages"], first["size"]) == (4, 2, 3)
    assert first["first_page"]
    assert not first["last_page"]
    assert second["last_page"]
    assert second["size"] == 1
    assert beyond["empty"]
    assert beyond["contents"] == []
    assert beyond["page_number"] == 5


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/services", {"page": 0}, "page"),
        ("/services", {"per_page": 501}, "per_page"),
        ("/services", {"per_page": "many"}, "per_page"),
        ("/services", {"day": "Funday"}, "day"),
        ("/services", {"start_time": "25:00"}, "start_time"),
        ("/services", {"minimum_age": "old"}, "minimum_age"),
        ("/services", {"search": "x" * 201}, "search"),
        ("/service_at_locations", {"proximity": "near"}, "proximity"),
        ("/service_at_locations", {"proximity": "1000"}, "proximity"),
        ("/service_at_locations", {"postcode": "nowhere", "proximity": "1000"}, "postcode"),
        ("/service_at_locations", {"postcode": "ZE3 9JZ", "proximity": "1000"}, "postcode"),
    ],
)
def test_a_wrong_parameter_is_named(
    oruk: Directory, path: str, params: dict[str, Any], field: str
) -> None:
    reply = oruk.client.get(f"/openreferral{path}", params=params)
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["field"] == field
    assert reply.headers["access-control-allow-origin"] == "*"


def test_an_unknown_record_is_404_with_open_cors(oruk: Directory) -> None:
    for path in ("/services", "/taxonomies", "/taxonomy_terms", "/service_at_locations"):
        reply = oruk.client.get(f"/openreferral{path}/5b3c1f8e-0000-4000-8000-000000000000")
        assert reply.status_code == 404
        assert reply.headers["access-control-allow-origin"] == "*"


def test_no_login_no_cookie_and_a_browser_preflight_is_answered(oruk: Directory) -> None:
    reply = oruk.client.get("/openreferral/services")
    assert reply.status_code == 200
    assert "set-cookie" not in reply.headers
    preflight = oruk.client.options(
        "/openreferral/services",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"


def test_nothing_about_the_people_careweave_supports(oruk: Directory) -> None:
    world = oruk.world
    answers = [
        oruk.client.get("/openreferral" + p).text
        for p in ("/services", "/service_at_locations", "/taxonomy_terms")
    ]
    answers += [
        oruk.client.get(f"/openreferral/services/{s.id}").text for s in oruk.small.services.values()
    ]
    answers.append(oruk.client.get(f"/openreferral/services/{world.person_a.id}").text)
    for answer in answers:
        for secret in [*world.team_a_secrets(), world.person_a.id, world.person_b.family_name]:
            assert secret not in answer


def test_a_client_past_its_limit_is_throttled_with_retry_after(oruk: Directory) -> None:
    reader = oruk.world.services.directory
    assert isinstance(reader, DirectoryReader)
    client = TestClient(openreferral_app(reader, SystemClock(), requests_per_minute=3))
    codes = [client.get("/taxonomies").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = client.get("/taxonomies")
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.headers["access-control-allow-origin"] == "*"
    assert refused.json()["error"]["code"] == "rate_limited"
