"""The search a link worker makes with a person: services for their needs, near their home, open
when they can go, nearest first, each with the reasons it matched.

The person's home is personal data: searching from it checks that the worker may see the person
and is audited in the same transaction. The directory itself is public.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.community.matching import (
    REACH_KM,
    Match,
    Reach,
    Wanted,
    match,
    nearest_first,
)
from careweave.domain.community.schedules import PartOfDay, weekday_of
from careweave.domain.community.services import ServiceStatus
from careweave.domain.community.taxonomy import TaxonomyTerm, with_narrower_terms
from careweave.domain.community.words import search_words
from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import Person
from careweave.domain.values import Location, normalise_postcode
from careweave.services.accounts.access import Actor, check_can_see_person
from careweave.services.accounts.audit import AuditTrail
from careweave.services.community.ports import Area, ServiceQuery
from careweave.services.community.unit_of_work import CommunityUnitOfWork

# The store hands over at most this many candidates, nearest first when the search has a place;
# the rules then judge each one. A link worker reads the first few dozen.
CANDIDATES = 80
LISTED = frozenset({ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED})


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """What a link worker asks for, as given (``None`` or empty: not asked).

    ``person_id`` searches from the person's home (and for their age); otherwise ``postcode``
    places the search.
    """

    person_id: str | None = None
    postcode: str | None = None
    need_ids: tuple[str, ...] = ()
    text: str = ""
    day: str | None = None
    part_of_day: PartOfDay | None = None
    reach: Reach = Reach.ANYWHERE
    free_only: bool = False


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    """The matches nearest first, where the search was made from, and the needs one may pick."""

    matches: Sequence[Match]
    home: Location | None
    person: Person | None
    needs: Sequence[TaxonomyTerm] = field(default_factory=tuple)


class LinkWorkerSearch:
    """The directory search of a link worker; one unit of work per search."""

    def __init__(self, uow_factory: Callable[[], CommunityUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._trail = AuditTrail(clock)

    def search(self, actor: Actor, request: SearchRequest) -> SearchOutcome:
        """The services that suit ``request``, nearest first, each with its reasons."""
        today = self._clock.today()
        with self._uow_factory() as uow:
            person = self._person(uow, actor, request.person_id)
            home = person.location if person else _postcode_centre(uow, request.postcode)
            terms = uow.taxonomy_terms.all()
            unknown = [t for t in request.need_ids if t not in terms]
            if unknown:
                raise DomainValidationError("need", f"no such need: {', '.join(unknown)}")
            narrower = {t: frozenset(with_narrower_terms([t], terms)) for t in request.need_ids}
            wanted = Wanted(
                needs=[terms[t] for t in request.need_ids],
                narrower=narrower,
                words=search_words(request.text),
                weekday=None if not request.day else weekday_of("day", request.day),
                part_of_day=request.part_of_day,
                age=person.age_on(today) if person else None,
                free_only=request.free_only,
            )
            candidates = uow.directory_services.list_at_locations(
                _query(wanted, narrower, home, request.reach), limit=CANDIDATES
            )
            places = uow.directory_locations.get_many({sal.location_id for _, sal in candidates})
            needs = [t for t in terms.values() if t.parent_id is None or t.parent_id not in terms]
            uow.commit()
        found = [
            m
            for service, sal in candidates
            if (m := match(service, sal, places[sal.location_id], wanted, home, today)) is not None
        ]
        return SearchOutcome(
            nearest_first(found), home, person, sorted(needs, key=lambda t: t.name)
        )

    def _person(
        self, uow: CommunityUnitOfWork, actor: Actor, person_id: str | None
    ) -> Person | None:
        if person_id is None:
            return None
        person = uow.people.get(person_id)
        check_can_see_person(actor, person)
        self._trail.record(
            uow,
            actor,
            AuditAction.READ,
            "person",
            person.id,
            team_id=person.team_id,
            detail="community directory search from home",
        )
        return person


def _postcode_centre(uow: CommunityUnitOfWork, postcode: str | None) -> Location | None:
    if not postcode:
        return None
    cleaned = normalise_postcode("postcode", postcode)
    centre = uow.directory_locations.centre_of_postcode(cleaned)
    if centre is None:
        raise DomainValidationError(
            "postcode", f"the directory knows no place at or near {cleaned}"
        )
    return centre


def _query(
    wanted: Wanted, narrower: dict[str, frozenset[str]], home: Location | None, reach: Reach
) -> ServiceQuery:
    return ServiceQuery(
        words=wanted.words,
        term_ids=frozenset().union(*narrower.values()) if narrower else None,
        weekday=wanted.weekday,
        statuses=LISTED,
        area=Area(home, REACH_KM[reach]) if home is not None else None,
    )
