"""Calendar feeds on the in-memory fakes: who may have one, what a worker's and a family's feed
shows, the window, stopping a link, owners who lose access, and the audit entry of every fetch."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from tests.integration.storage_builders import a_visit, a_worker
from tests.unit.services.neighbourhood import DAY

from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import NotFoundError, PermissionDeniedError
from careweave.domain.visits.visit import VisitStatus
from careweave.services.accounts.access import Origin

PHONE = Origin(ip="203.0.113.9", user_agent="Calendar/1.0")


def _feed_of(calendar_feeds, actor):
    secret = calendar_feeds.create_link(actor).secret
    return secret, calendar_feeds.feed(secret, PHONE)


def test_a_worker_sees_their_own_visits_with_name_address_and_tasks(
    calendar_feeds, town, users, audit_trail
):
    _, feed = _feed_of(calendar_feeds, users["bob"])

    (event,) = feed.events
    assert feed.name == "careweave: my visits"
    assert event.uid == f"visit-{town.visit_a.id}-worker@careweave"
    assert event.summary == f"Visit: {town.person_a.display_name}"
    assert town.person_a.address in event.location
    assert "breakfast together" in event.description
    assert (event.start.hour, event.start.minute) == (9, 0)
    reads = [(e.action, e.record_kind, e.record_id, e.team_id) for e in audit_trail()]
    assert (AuditAction.READ, "person", town.person_a.id, town.team_a.id) in reads
    fetch = next(
        e for e in audit_trail() if e.record_kind == "calendar_feed" and e.action == "read"
    )
    assert (fetch.username, fetch.ip, fetch.detail) == ("bob", PHONE.ip, "1 visits of 1 people")


def test_a_family_sees_who_is_coming_with_first_names_only(calendar_feeds, uow, town, users):
    with uow() as u:
        other = u.visits.get(town.visit_b.id)
        other.assign((town.worker_b.id,))
        u.visits.update(other)
        u.commit()

    _, feed = _feed_of(calendar_feeds, users["dora"])

    (event,) = feed.events
    assert event.summary == f"Bob visiting {town.person_a.preferred_name}"
    assert feed.name == f"careweave: visits to {town.person_a.preferred_name}"
    shown = feed.name + event.summary + event.description + event.location
    for secret in (
        town.worker_a.family_name,
        town.person_a.family_name,
        town.person_a.address,
        town.person_b.given_name,  # only her own person
        town.worker_b.given_name,
    ):
        assert secret not in shown
    assert "breakfast" not in shown


def test_a_worker_of_another_team_gets_nothing_of_this_team(calendar_feeds, uow, town, users):
    with uow() as u:
        visit = u.visits.get(town.visit_b.id)
        visit.assign((town.worker_b.id,))
        u.visits.update(visit)
        u.commit()

    _, feed = _feed_of(calendar_feeds, users["charlie"])

    assert [e.uid for e in feed.events] == [f"visit-{town.visit_b.id}-worker@careweave"]
    shown = repr(feed)
    for secret in (town.person_a.family_name, town.person_a.given_name, town.visit_a.id):
        assert secret not in shown


@pytest.mark.parametrize("persona", ["alice", "edna", "pat", "root"])
def test_only_workers_and_families_have_a_feed(calendar_feeds, users, persona, nothing_written):
    with nothing_written(), pytest.raises(PermissionDeniedError):
        calendar_feeds.create_link(users[persona])
    with pytest.raises(PermissionDeniedError):
        calendar_feeds.link(users[persona])


def test_a_stopped_or_made_up_link_is_not_found(calendar_feeds, users, audit_trail):
    secret, _ = _feed_of(calendar_feeds, users["bob"])

    assert calendar_feeds.revoke_link(users["bob"]) == 1
    for link in (secret, "made-up", ""):
        with pytest.raises(NotFoundError):
            calendar_feeds.feed(link, PHONE)
    assert calendar_feeds.link(users["bob"]).token is None
    assert calendar_feeds.revoke_link(users["bob"]) == 0
    kinds = [e.action for e in audit_trail() if e.record_kind == "calendar_feed"]
    assert kinds == [AuditAction.TOKEN_CREATE, AuditAction.READ, AuditAction.TOKEN_REVOKE]


def test_a_new_link_stops_the_old_one(calendar_feeds, users):
    old, _ = _feed_of(calendar_feeds, users["bob"])
    new, feed = _feed_of(calendar_feeds, users["bob"])

    with pytest.raises(NotFoundError):
        calendar_feeds.feed(old, PHONE)
    assert len(calendar_feeds.feed(new, PHONE).events) == len(feed.events) == 1
    live = calendar_feeds.link(users["bob"]).token
    assert live is not None
    assert live.last_fetched_at is not None


@pytest.mark.parametrize(
    "change",
    [
        {"active": False},
        {"worker_id": None},
        {"role": "coordinator"},
    ],
    ids=["deactivated", "no longer a worker record", "role changed"],
)
def test_a_link_stops_working_when_its_owner_loses_access(
    calendar_feeds, uow, users, change, nothing_written
):
    secret, _ = _feed_of(calendar_feeds, users["bob"])
    with uow() as u:
        user = u.users.get("u-bob")
        u.users.update(dataclasses.replace(user, **change))
        u.commit()

    with nothing_written(), pytest.raises(NotFoundError):
        calendar_feeds.feed(secret, PHONE)


def test_a_worker_who_left_the_team_sees_none_of_its_people(calendar_feeds, uow, town, users):
    secret, _ = _feed_of(calendar_feeds, users["bob"])
    with uow() as u:
        user = u.users.get("u-bob")
        u.users.update(dataclasses.replace(user, team_ids=frozenset({town.team_b.id})))
        u.commit()

    assert calendar_feeds.feed(secret, PHONE).events == ()


def test_a_family_member_no_longer_supporting_the_person_sees_nothing(calendar_feeds, uow, users):
    secret, _ = _feed_of(calendar_feeds, users["dora"])
    with uow() as u:
        user = u.users.get("u-dora")
        u.users.update(dataclasses.replace(user, person_ids=frozenset()))
        u.commit()

    feed = calendar_feeds.feed(secret, PHONE)
    assert feed.events == ()
    assert feed.name == "careweave: visits to nobody yet"


def test_the_window_and_cancelled_visits(calendar_feeds, uow, town, users):
    worker = town.worker_a.id
    in_window = [DAY - timedelta(days=14), DAY + timedelta(days=56)]
    outside = [DAY - timedelta(days=15), DAY + timedelta(days=57)]
    visits = [a_visit(town.person_a, day) for day in in_window + outside]
    cancelled = a_visit(town.person_a, DAY + timedelta(days=1))
    for visit in [*visits, cancelled]:
        visit.assign((worker,))
    cancelled.move_to(VisitStatus.CANCELLED)
    with uow() as u:
        u.visits.add_all([*visits, cancelled])
        u.commit()

    _, feed = _feed_of(calendar_feeds, users["bob"])

    days = sorted(e.start.date() for e in feed.events)
    assert days == [in_window[0], DAY, in_window[1]]


def test_a_reassigned_visit_leaves_the_old_worker_for_the_new(calendar_feeds, uow, town, users):
    dee = a_worker(town.team_a, given="Dee", family="Fairweather")
    dee_actor = dataclasses.replace(users["bob"], user_id="u-dee", username="dee", worker_id=dee.id)
    with uow() as u:
        u.workers.add(dee)
        bob = u.users.get("u-bob")
        u.users.add(dataclasses.replace(bob, id="u-dee", username="dee", worker_id=dee.id))
        u.commit()
    bob_link, before = _feed_of(calendar_feeds, users["bob"])
    dee_link, _ = _feed_of(calendar_feeds, dee_actor)
    family_link, family_before = _feed_of(calendar_feeds, users["dora"])
    with uow() as u:
        visit = u.visits.get(town.visit_a.id)
        visit.unassign()
        visit.assign((dee.id,))
        u.visits.update(visit)
        u.commit()

    (moved,) = calendar_feeds.feed(dee_link, PHONE).events
    (family_after,) = calendar_feeds.feed(family_link, PHONE).events
    assert calendar_feeds.feed(bob_link, PHONE).events == ()
    assert moved.summary == before.events[0].summary
    assert moved.sequence > before.events[0].sequence
    assert family_after.uid == family_before.events[0].uid
    assert family_after.summary.startswith("Dee visiting")
    assert family_after.sequence > family_before.events[0].sequence
