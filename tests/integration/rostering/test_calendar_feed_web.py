"""Calendar feeds through the web app on SQLite and PostgreSQL: the page makes a link, a calendar
app reads it without signing in, the times survive both 2026 clock changes when parsed back with
icalendar, a reassigned visit moves between feeds, and a stopped or made-up link learns nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar
from tests.integration.rostering.conftest import calendar_app, make_link
from tests.integration.storage_builders import a_visit, a_worker
from tests.integration.web.conftest import CHEAP_HASHER, PASSWORD, World, csrf_of

from careweave.clock import FixedClock
from careweave.domain.accounts.users import Role
from careweave.services.accounts.accounts import NewUser, add_user

NOT_FOUND = "Not found\n"


def read_feed(world: World, path: str) -> Calendar:
    reply = calendar_app(world).get(path)
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"] == "text/calendar; charset=utf-8"
    assert reply.headers["cache-control"] == "private, no-store"
    return Calendar.from_ical(reply.content)


def by_uid(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_a_worker_makes_a_link_and_a_calendar_app_reads_it(cal_world: World) -> None:
    world = cal_world
    path = make_link(world, "bob")

    calendar = read_feed(world, path)

    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/London"
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    start = event.decoded("DTSTART")
    assert (start.date(), start.time(), str(start.tzinfo)) == (
        date(2026, 3, 2),
        time(8, 15),
        "Europe/London",
    )
    assert str(event["SUMMARY"]) == f"Visit: {world.person_a.display_name}"
    assert str(event["LOCATION"]).startswith(world.person_a.address)
    assert "breakfast together" in str(event["DESCRIPTION"])
    assert str(event["UID"]) == f"visit-{world.visit_a.id}-worker@careweave"
    with world.services.uow_factory() as uow:
        fetches = uow.audit.list(record_kind="calendar_feed")
        reads = uow.audit.list(record_kind="person", record_id=world.person_a.id)
    assert [(e.action, e.user_id) for e in fetches][:1] == [("read", world.actors["bob"].user_id)]
    assert any(e.username == "bob" and e.team_id == world.team_a.id for e in reads)


@pytest.mark.parametrize(("day", "utc_hour"), [(date(2026, 3, 29), 8), (date(2026, 10, 25), 9)])
def test_nine_o_clock_on_a_change_day_stays_nine_in_london(
    cal_world: World, clock: FixedClock, day: date, utc_hour: int
) -> None:
    world = cal_world
    morning = a_visit(world.person_a, day, start=time(9))
    morning.assign((world.worker_a.id,), time(9))
    night = a_visit(
        world.person_a,
        day - timedelta(days=1),
        start=time(22),
        window_end=time(22, 30),
        duration_min=600,
        duration_max=600,
    )
    night.assign((world.worker_a.id,), time(22))
    with world.services.uow_factory() as uow:
        uow.visits.add_all([morning, night])
        uow.commit()
    clock.set(datetime(day.year, day.month, day.day, 6, tzinfo=UTC))

    events = by_uid(read_feed(world, make_link(world, "bob")))

    nine = events[f"visit-{morning.id}-worker@careweave"]
    assert (
        "DTSTART;TZID=Europe/London:" + day.strftime("%Y%m%d") + "T090000"
        in nine.to_ical().decode()
    )
    start = nine.decoded("DTSTART")
    assert start.astimezone(UTC) == datetime(day.year, day.month, day.day, utc_hour, tzinfo=UTC)
    overnight = events[f"visit-{night.id}-worker@careweave"]
    length = overnight.decoded("DTEND").astimezone(UTC) - overnight.decoded("DTSTART").astimezone(
        UTC
    )
    assert length == timedelta(hours=10)


def test_a_reassigned_visit_leaves_the_old_workers_feed_for_the_new(cal_world: World) -> None:
    world = cal_world
    dee = a_worker(world.team_a, given="Dee", family="Fairweather")
    with world.services.uow_factory() as uow:
        uow.workers.add(dee)
        spec = NewUser(
            "dee",
            "Dee Fairweather",
            Role.CARE_WORKER,
            PASSWORD,
            team_ids=frozenset({world.team_a.id}),
            worker_id=dee.id,
        )
        add_user(uow, CHEAP_HASHER, spec, at=world.services.clock.now())
        uow.commit()
    bob, dee_feed, dora = (make_link(world, name) for name in ("bob", "dee", "dora"))
    uid = f"visit-{world.visit_a.id}-worker@careweave"
    before = by_uid(read_feed(world, bob))[uid]
    family_before = read_feed(world, dora).walk("VEVENT")[0]

    world.services.reassignments.reassign(
        world.actors["alice"], world.visit_a.id, [dee.id], time(8, 30), world.visit_a.version
    )

    assert uid not in by_uid(read_feed(world, bob))
    after = by_uid(read_feed(world, dee_feed))[uid]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.decoded("DTSTART").time() == time(8, 30)
    (family_after,) = read_feed(world, dora).walk("VEVENT")
    assert str(family_before["SUMMARY"]) == "Bob visiting Addie"
    assert str(family_after["SUMMARY"]) == "Dee visiting Addie"
    assert family_after["UID"] == family_before["UID"]
    assert family_after["SEQUENCE"] > family_before["SEQUENCE"]


def test_a_family_feed_shows_first_names_only(cal_world: World) -> None:
    world = cal_world
    reply = calendar_app(world).get(make_link(world, "dora"))

    assert reply.status_code == 200
    assert "Bob visiting Addie" in reply.text
    for secret in (
        world.worker_a.family_name,
        world.person_a.family_name,
        world.person_a.address,
        "breakfast",
    ):
        assert secret not in reply.text


def test_a_worker_of_another_team_learns_nothing_of_this_team(cal_world: World) -> None:
    world = cal_world
    reply = calendar_app(world).get(make_link(world, "charlie"))

    assert reply.status_code == 200
    assert "BEGIN:VEVENT" not in reply.text
    for secret in [*world.team_a_secrets(), *world.team_a_ids()]:
        assert secret not in reply.text


@pytest.mark.parametrize("persona", ["edna", "pat", "alice"])
def test_who_has_no_feed_is_told_so_and_gets_no_link(cal_world: World, persona: str) -> None:
    world = cal_world
    browser = world.browser(persona)
    page = browser.get("/calendar")
    token = csrf_of(browser.get("/").text)

    assert page.status_code == 403
    assert "calendar feeds are for care workers and family members" in page.text
    assert browser.post("/calendar/link", data={"csrf_token": token}).status_code == 403
    with world.services.uow_factory() as uow:
        user_id = world.actors[persona].user_id
        assert uow.calendar_tokens.list_for_user(user_id) == []


def test_a_stopped_made_up_or_deactivated_link_gets_a_bare_404(cal_world: World) -> None:
    world = cal_world
    path = make_link(world, "bob")
    dora = make_link(world, "dora")
    browser = world.browser("bob")
    token = csrf_of(browser.get("/calendar").text)

    stopped = browser.post("/calendar/stop", data={"csrf_token": token})
    assert stopped.status_code == 303
    assert "Your calendar link is stopped" in browser.get(stopped.headers["location"]).text
    world.services.accounts.set_active(world.actors["root"], "dora", False)

    made_up = path.rsplit("/", 1)[0] + "/made-up-link.ics"
    for gone in (path, made_up, dora):
        reply = calendar_app(world).get(gone)
        assert (reply.status_code, reply.text) == (404, NOT_FOUND)


def test_the_page_says_when_the_link_was_made_and_last_read(cal_world: World) -> None:
    world = cal_world
    read_feed(world, make_link(world, "bob"))

    page = world.browser("bob").get("/calendar")

    assert "You made your calendar link on 02 March 2026 at 12:00" in page.text
    assert "A calendar app last checked it on 02 March 2026 at 12:00" in page.text
    assert "feed-url" not in page.text  # the link itself is shown only once
