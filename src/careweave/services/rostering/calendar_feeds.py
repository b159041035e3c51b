"""Calendar feeds: a care worker's visits, or who is coming to a family's person, in the calendar
app on their phone, through a secret link they make and stop on the "Your calendar" page.

The link holds a random secret of 256 bits; only its SHA-256 digest is stored, as for API tokens.
A calendar app cannot sign in, so the feed is read without a session, as the token's owner: the
access policy decides what it shows exactly as if they were signed in, and every fetch leaves
audit entries (one for the feed, one per person whose visits it shows) in the same transaction.
An unknown or stopped link, or one whose owner is deactivated or no longer may have a feed,
is :class:`NotFoundError` and nothing else, so a guessed link learns nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import NotFoundError, PermissionDeniedError
from careweave.domain.people.person import Person
from careweave.domain.rostering.calendar_feed import (
    FEED_STATUSES,
    CalendarFeed,
    CalendarToken,
    FeedEvent,
    FeedKind,
    family_event,
    feed_window,
    first_name,
    worker_event,
)
from careweave.domain.visits.visit import Visit
from careweave.services.accounts.access import Actor, Origin, can_see_person
from careweave.services.accounts.accounts import SECRET_BYTES, digest
from careweave.services.accounts.audit import AuditTrail
from careweave.services.rostering.access import feed_kind_of
from careweave.services.rostering.unit_of_work import RosteringUnitOfWork

KIND = "calendar_feed"


@dataclass(frozen=True, slots=True)
class FeedLink:
    """What the "Your calendar" page shows: whose feed it is and the live token, if any."""

    kind: FeedKind
    token: CalendarToken | None


@dataclass(frozen=True, slots=True)
class NewFeedLink:
    """A link just made for a feed of ``kind``: ``secret`` goes in the link shown once, and is
    never stored."""

    kind: FeedKind
    secret: str
    token: CalendarToken


@dataclass(frozen=True, slots=True)
class _Shown:
    """The events of one fetch and the people whose visits they are."""

    events: list[FeedEvent]
    people: list[Person]


class CalendarFeedService:
    """Making, stopping and reading the secret links of calendar feeds; one transaction each.

    Parameters
    ----------
    uow_factory
        Builds the rostering unit of work (visits, people, workers, users and feed tokens).
    clock
        Says what today is (the feed's window) and when links are made, stopped and read.
    """

    def __init__(self, uow_factory: Callable[[], RosteringUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def link(self, actor: Actor) -> FeedLink:
        """``actor``'s feed and its live token (PermissionDeniedError for those with no feed)."""
        kind = feed_kind_of(actor)
        with self._uow_factory() as uow:
            live = _live_tokens(uow, actor.user_id)
        return FeedLink(kind, live[0] if live else None)

    def create_link(self, actor: Actor) -> NewFeedLink:
        """A new secret link for ``actor``'s feed; any link they had before stops working."""
        kind = feed_kind_of(actor)
        now = self._clock.now()
        secret = secrets.token_urlsafe(SECRET_BYTES)
        token = CalendarToken(user_id=actor.user_id, token_hash=digest(secret), created_at=now)
        with self._uow_factory() as uow:
            self._revoke_all(uow, actor)
            uow.calendar_tokens.add(token)
            self._audit.record(uow, actor, AuditAction.TOKEN_CREATE, KIND, token.id)
            uow.commit()
        return NewFeedLink(kind, secret, token)

    def revoke_link(self, actor: Actor) -> int:
        """Stop ``actor``'s link for good; returns how many were live (0 when there was none)."""
        with self._uow_factory() as uow:
            stopped = self._revoke_all(uow, actor)
            uow.commit()
        return stopped

    def _revoke_all(self, uow: RosteringUnitOfWork, actor: Actor) -> int:
        live = _live_tokens(uow, actor.user_id)
        for token in live:
            uow.calendar_tokens.update(token.revoked(self._clock.now()))
            self._audit.record(uow, actor, AuditAction.TOKEN_REVOKE, KIND, token.id)
        return len(live)

    def feed(self, secret: str, origin: Origin) -> CalendarFeed:
        """The feed whose link holds ``secret``, read as its owner from ``origin``.

        Raises
        ------
        NotFoundError
            The link is unknown or stopped, or its owner is deactivated or may have no feed
            (the same error for each, so the answer tells nothing).
        """
        now = self._clock.now()
        first, last = feed_window(self._clock.today())
        with self._uow_factory() as uow:
            token, actor = _owner(uow, digest(secret), origin)
            kind = feed_kind_of(actor)
            shown = _shown(uow, actor, kind, first, last)
            self._record_fetch(uow, actor, token, shown)
            uow.calendar_tokens.update(token.fetched(now))
            uow.commit()
        name = _feed_name(kind, shown.people)
        events = tuple(sorted(shown.events, key=lambda e: (e.start, e.uid)))
        return CalendarFeed(name, first, last, now, events)

    def _record_fetch(
        self, uow: RosteringUnitOfWork, actor: Actor, token: CalendarToken, shown: _Shown
    ) -> None:
        count = f"{len(shown.events)} visits of {len(shown.people)} people"
        self._audit.record(uow, actor, AuditAction.READ, KIND, token.id, detail=count)
        for person in shown.people:
            self._audit.record(
                uow,
                actor,
                AuditAction.READ,
                "person",
                person.id,
                team_id=person.team_id,
                detail="visits in a calendar feed",
            )


def _live_tokens(uow: RosteringUnitOfWork, user_id: str) -> list[CalendarToken]:
    return [t for t in uow.calendar_tokens.list_for_user(user_id) if t.active]


def _owner(
    uow: RosteringUnitOfWork, token_hash: str, origin: Origin
) -> tuple[CalendarToken, Actor]:
    """The live token with ``token_hash`` and its owner as an actor; NotFoundError for any link
    that must not work."""
    token = uow.calendar_tokens.find_by_hash(token_hash)
    if token is None or not token.active:
        raise NotFoundError(KIND, "")
    user = uow.users.get(token.user_id)
    actor = Actor.of(user, origin)
    try:
        feed_kind_of(actor)
    except PermissionDeniedError:
        raise NotFoundError(KIND, "") from None
    if not user.active:
        raise NotFoundError(KIND, "")
    return token, actor


def _shown(
    uow: RosteringUnitOfWork, actor: Actor, kind: FeedKind, first: date, last: date
) -> _Shown:
    if kind is FeedKind.WORKER:
        return _worker_feed(uow, actor, first, last)
    return _family_feed(uow, actor, first, last)


def _worker_feed(uow: RosteringUnitOfWork, actor: Actor, first: date, last: date) -> _Shown:
    """The worker's own visits to people their team may see (a visit to someone who has left the
    team's care, or a worker who has left, shows nothing)."""
    worker = uow.workers.get(actor.worker_id or "")
    if not worker.active:
        raise NotFoundError(KIND, "")
    visits = uow.visits.list(worker_id=worker.id, day_from=first, day_to=last, status=FEED_STATUSES)
    people = _people(uow, {v.person_id for v in visits})
    seen = [v for v in visits if can_see_person(actor, people[v.person_id])]
    names = _first_names(uow, {w for v in seen for w in v.assigned_worker_ids} - {worker.id})
    events = [
        worker_event(
            v,
            people[v.person_id],
            tuple(names[w] for w in v.assigned_worker_ids if w in names),
        )
        for v in seen
    ]
    return _Shown(events, _in_order(people, {v.person_id for v in seen}))


def _family_feed(uow: RosteringUnitOfWork, actor: Actor, first: date, last: date) -> _Shown:
    """Who is coming to each person the family member supports, with first names only."""
    people = _people(uow, actor.person_ids)
    mine = [p for p in people.values() if can_see_person(actor, p)]
    visits: list[Visit] = []
    for person in mine:
        visits += uow.visits.list(
            person_id=person.id, day_from=first, day_to=last, status=FEED_STATUSES
        )
    names = _first_names(uow, {w for v in visits for w in v.assigned_worker_ids})
    events = [
        family_event(
            v,
            people[v.person_id],
            tuple(names[w] for w in v.assigned_worker_ids if w in names),
        )
        for v in visits
    ]
    return _Shown(events, _in_order(people, {p.id for p in mine}))


def _people(uow: RosteringUnitOfWork, ids: Collection[str]) -> dict[str, Person]:
    return {p.id: p for p in uow.people.list(ids=ids)} if ids else {}


def _first_names(uow: RosteringUnitOfWork, worker_ids: Collection[str]) -> dict[str, str]:
    if not worker_ids:
        return {}
    return {w.id: w.given_name for w in uow.workers.list(ids=worker_ids)}


def _in_order(people: dict[str, Person], ids: Collection[str]) -> list[Person]:
    return sorted((people[i] for i in ids), key=lambda p: (p.family_name, p.given_name, p.id))


def _feed_name(kind: FeedKind, people: Sequence[Person]) -> str:
    if kind is FeedKind.WORKER:
        return "careweave: my visits"
    names = " and ".join(first_name(p) for p in people) or "nobody yet"
    return f"careweave: visits to {names}"
