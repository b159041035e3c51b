"""The public Open Referral UK read API under ``/openreferral``: every endpoint of the UK
profile's OpenAPI (HSDS 3.0), its query parameters and paging.

It is a small app of its own, mounted by the web app, so that it has its own OpenAPI document
(``/openreferral/openapi.json``, which ``/openreferral/`` names), answers without a login, sends
``Access-Control-Allow-Origin: *`` on every answer and is throttled per client
(:mod:`.open_access`). It reads only the directory: nothing about the people careweave supports is
reachable from here.

What the profile leaves open, answered as its OpenAPI describes (a 200 for every listing):

* a page past the end is an empty page (``empty`` true, ``contents`` []), not an error;
* an unknown query parameter is ignored, as HTTP and OpenAPI treat parameters they do not know;
* a known parameter with a wrong value is refused with 422 naming it;
* ``proximity`` (metres) needs ``postcode``, whose centre is found from the directory's own
  addresses; ``postcode`` alone does not filter.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import time
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import JSONResponse

from careweave.adapters.hsds import write
from careweave.adapters.web.api.community.open_access import (
    DEFAULT_REQUESTS_PER_MINUTE,
    OpenAccessMiddleware,
    ThrottleMiddleware,
)
from careweave.adapters.web.errors import install_error_handlers
from careweave.clock import Clock
from careweave.domain.errors import DomainValidationError
from careweave.services.community.directory import DirectoryFilter, DirectoryReader
from careweave.services.listing import Paged

PROFILE_URL = "https://github.com/openreferral/uk-profile"
HSDS_VERSION = "3.0"
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
T = TypeVar("T")

PageNumber = Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")]
PerPage = Annotated[
    int, Query(ge=1, le=MAX_PER_PAGE, description=f"Results per page (1 to {MAX_PER_PAGE}).")
]
Text = Annotated[str | None, Query(max_length=200, description="Full text search.")]
Ident = Annotated[str | None, Query(max_length=64)]
Age = Annotated[float | None, Query(ge=0, le=130)]
Day = Annotated[
    str | None, Query(max_length=12, description="A day: MO..SU or its name, e.g. Tuesday.")
]
Time = Annotated[time | None, Query(description="A time of day, HH:MM or HH:MM:SS.")]
Postcode = Annotated[str | None, Query(max_length=10, description="A UK postcode.")]
Proximity = Annotated[
    str | None, Query(max_length=12, description="Metres from the centre of `postcode`.")
]


def openreferral_app(
    reader: DirectoryReader,
    clock: Clock,
    *,
    requests_per_minute: int = DEFAULT_REQUESTS_PER_MINUTE,
) -> FastAPI:
    """The Open Referral app to mount at ``/openreferral``, reading through ``reader``."""
    app = FastAPI(
        title="careweave Open Referral UK API",
        summary="The community directory in HSDS 3.0 with the UK profile: public, read-only.",
        version=HSDS_VERSION,
        docs_url=None,
        redoc_url=None,
    )
    app.state.reader = reader
    install_error_handlers(app)
    app.add_middleware(ThrottleMiddleware, clock=clock, requests_per_minute=requests_per_minute)
    app.add_middleware(OpenAccessMiddleware)
    app.include_router(router)
    return app


def _reader(request: Request) -> DirectoryReader:
    reader: DirectoryReader = request.app.state.reader
    return reader


Reader = Annotated[DirectoryReader, Depends(_reader)]
router = APIRouter(tags=["Open Referral UK"])


def _page(found: Paged[T], page: int, per_page: int, item: Callable[[T], Any]) -> JSONResponse:
    """One page in the profile's ``Page`` shape."""
    contents = [item(x) for x in found.items]
    total_pages = math.ceil(found.total / per_page)
    return JSONResponse(
        {
            "total_items": found.total,
            "total_pages": total_pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


def _metres(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        metres = float(value)
    except ValueError:
        raise DomainValidationError("proximity", "must be a number of metres") from None
    if not math.isfinite(metres):
        raise DomainValidationError("proximity", "must be a number of metres")
    return metres


@router.get("/", summary="Retrieve information about this API and its relationship with HSDS.")
def about(request: Request) -> JSONResponse:
    """The HSDS version, the profile and where this API's OpenAPI document is."""
    return JSONResponse(
        {
            "version": HSDS_VERSION,
            "profile": PROFILE_URL,
            "openapi_url": f"{str(request.base_url).rstrip('/')}/openapi.json",
        }
    )


@router.get("/services", summary="Paginated listings of services (one-to-one fields).")
def services(
    reader: Reader,
    search: Text = None,
    page: PageNumber = 1,
    per_page: PerPage = DEFAULT_PER_PAGE,
    taxonomy_term_id: Ident = None,
    taxonomy_id: Ident = None,
    organization_id: Ident = None,
    minimum_age: Age = None,
    maximum_age: Age = None,
    start_time: Time = None,
    end_time: Time = None,
    day: Day = None,
) -> JSONResponse:
    """A page of services matching every filter given, by name."""
    wanted = DirectoryFilter(
        search=search,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        organization_id=organization_id,
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        day=day,
        start_time=start_time,
        end_time=end_time,
    )
    found = reader.services(wanted, limit=per_page, offset=(page - 1) * per_page)
    return _page(found, page, per_page, lambda pair: write.service_summary(*pair))


@router.get("/services/{id}", summary="A fully nested service with all related data.")
def service(id: str, reader: Reader) -> JSONResponse:
    """One service, fully nested."""
    record = reader.service(id)
    return JSONResponse(
        write.service_full(record.service, record.organization, record.locations, record.terms)
    )


@router.get("/taxonomies", summary="Paginated listing of taxonomies.")
def taxonomies(
    reader: Reader, page: PageNumber = 1, per_page: PerPage = DEFAULT_PER_PAGE
) -> JSONResponse:
    """A page of taxonomies by name."""
    found = reader.taxonomies(limit=per_page, offset=(page - 1) * per_page)
    return _page(found, page, per_page, write.taxonomy)


@router.get("/taxonomies/{id}", summary="Full information on a taxonomy.")
def taxonomy(id: str, reader: Reader) -> JSONResponse:
    """One taxonomy with its terms."""
    record = reader.taxonomy(id)
    return JSONResponse(write.taxonomy(record.taxonomy, list(record.terms)))


@router.get("/taxonomy_terms", summary="Paginated listing of taxonomy terms.")
def taxonomy_terms(
    reader: Reader, page: PageNumber = 1, per_page: PerPage = DEFAULT_PER_PAGE
) -> JSONResponse:
    """A page of taxonomy terms by name."""
    found = reader.terms(limit=per_page, offset=(page - 1) * per_page)
    return _page(found, page, per_page, write.taxonomy_term)


@router.get("/taxonomy_terms/{id}", summary="Full information on a taxonomy term.")
def taxonomy_term(id: str, reader: Reader) -> JSONResponse:
    """One taxonomy term."""
    return JSONResponse(write.taxonomy_term(reader.term(id)))


@router.get(
    "/service_at_locations",
    summary="Paginated listings of services at locations (one-to-one fields).",
)
def service_at_locations(
    reader: Reader,
    search: Text = None,
    page: PageNumber = 1,
    per_page: PerPage = DEFAULT_PER_PAGE,
    taxonomy_term_id: Ident = None,
    taxonomy_id: Ident = None,
    organization_id: Ident = None,
    minimum_age: Age = None,
    maximum_age: Age = None,
    start_time: Time = None,
    end_time: Time = None,
    day: Day = None,
    postcode: Postcode = None,
    proximity: Proximity = None,
) -> JSONResponse:
    """A page of services at locations matching every filter given (nearest first near a
    postcode, else by service name)."""
    wanted = DirectoryFilter(
        search=search,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        organization_id=organization_id,
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        day=day,
        start_time=start_time,
        end_time=end_time,
        postcode=postcode,
        proximity_m=_metres(proximity),
    )
    found = reader.services_at_locations(wanted, limit=per_page, offset=(page - 1) * per_page)
    return _page(
        found,
        page,
        per_page,
        lambda x: (
            write.service_at_location(x.service.id, x.service_at_location, x.location, full=False)
            | {"service": write.service_summary(x.service, x.organization)}
        ),
    )


@router.get(
    "/service_at_locations/{id}",
    summary="A fully nested service at a location with all related data.",
)
def service_at_location(id: str, reader: Reader) -> JSONResponse:
    """One service at a location, with the location and the service fully nested."""
    record, sal = reader.service_at_location(id)
    place = record.locations[sal.location_id]
    service_json = write.service_full(
        record.service, record.organization, record.locations, record.terms
    )
    return JSONResponse(
        write.service_at_location(record.service.id, sal, place) | {"service": service_json}
    )
