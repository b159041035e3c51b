"""The team board links a name or a visit only where the viewer may open it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from careweave.adapters.web.pages.visits.board import links_on
from careweave.domain.accounts.users import Role
from careweave.domain.people.person import Person
from careweave.domain.values import Location
from careweave.domain.visits.visit import Visit
from careweave.domain.workforce.workers import Patch, Team
from careweave.services.accounts.access import Actor
from careweave.services.visits.team_day import ReviewFlag, TeamDay, VisitLine

DAY = date(2026, 3, 2)
HOME = Location(51.46, -2.58)


def someone(ident: str, team_id: str) -> Person:
    return Person(
        given_name="Ada",
        family_name=ident,
        date_of_birth=date(1940, 1, 1),
        address="1 Road",
        postcode="BS5 0QX",
        location=HOME,
        team_id=team_id,
        id=ident,
    )


def a_line(person: Person) -> VisitLine:
    visit = Visit(person.id, DAY, time(8), time(9), 30, id=f"visit-{person.id}")
    return VisitLine(visit=visit, person=person, workers=(), records=(), lateness=None)


def test_only_people_and_visits_of_the_viewers_team_are_links() -> None:
    ours, moved_away = (
        someone("ours", "team-a"),
        someone("moved", "team-b"),
    )  # a visit booked before they moved
    board = TeamDay(
        team=Team("Avon", Patch(HOME, 2.0), id="team-a"),
        day=DAY,
        now=datetime(2026, 3, 2, 9, tzinfo=UTC),
        lines=(a_line(ours), a_line(moved_away)),
        workers_now=(),
        open_alert_count=0,
        reviews=(ReviewFlag(ours, ("review due",)),),
    )
    worker = Actor("u", "worker", "Sam Okafor", Role.CARE_WORKER, team_ids=frozenset({"team-a"}))
    links = links_on(board, worker)
    assert links["may_open_person"] == {"ours": True, "moved": False}
    assert links["may_open_visit"] == {"visit-ours": True, "visit-moved": False}
