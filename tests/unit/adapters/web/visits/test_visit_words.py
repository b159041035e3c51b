"""How the visit pages put a visit's status and the late and missed rule into words."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from careweave.adapters.web.pages.visits.alerts import AFTER_WORDS, duration_words
from careweave.adapters.web.render.visit_status import StatusBadge, status_badge
from careweave.adapters.web.templating import make_templates
from careweave.domain.people.person import Person
from careweave.domain.values import Location, count_words, minutes_words
from careweave.domain.visits.recording import Lateness
from careweave.domain.visits.visit import Visit, VisitStatus
from careweave.services.visits.team_day import VisitLine

ADA = Person(
    given_name="Ada",
    family_name="Lovelace",
    date_of_birth=date(1941, 5, 17),
    address="1 High Street",
    postcode="WN1 1AA",
    location=Location(53.5, -2.6),
    id="pa",
)


def line(status: VisitStatus, lateness: Lateness | None = None) -> VisitLine:
    visit = Visit("pa", date(2026, 3, 2), time(8), time(9), 30, status=status)
    return VisitLine(visit=visit, person=ADA, workers=(), records=(), lateness=lateness)


@pytest.mark.parametrize(
    ("status", "badge"),
    [
        (VisitStatus.PLANNED, StatusBadge("unassigned", "? not assigned")),
        (VisitStatus.ASSIGNED, StatusBadge("assigned", "planned")),
        (VisitStatus.IN_PROGRESS, StatusBadge("in_progress", "▶ in progress")),
        (VisitStatus.DONE, StatusBadge("done", "✓ done")),
    ],
)
def test_a_visit_on_time_reads_as_its_status(status: VisitStatus, badge: StatusBadge) -> None:
    assert status_badge(line(status)) == badge


def test_lateness_reads_before_the_status() -> None:
    assert status_badge(line(VisitStatus.ASSIGNED, Lateness.LATE)) == StatusBadge("late", "! late")
    missed = status_badge(line(VisitStatus.PLANNED, Lateness.MISSED))
    assert missed == StatusBadge("missed", "✕ missed")


@pytest.mark.parametrize(
    ("span", "words"),
    [
        (timedelta(minutes=15), "15 minutes"),
        (timedelta(minutes=1), "1 minute"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(hours=2), "2 hours"),
        (timedelta(minutes=90), "90 minutes"),
    ],
)
def test_durations_in_words(span: timedelta, words: str) -> None:
    assert duration_words(span) == words


def test_the_alert_pages_state_the_domain_rule() -> None:
    assert AFTER_WORDS == {Lateness.LATE: "15 minutes", Lateness.MISSED: "2 hours"}


@pytest.mark.parametrize(
    ("minutes", "words"), [(0, "0 minutes"), (1, "1 minute"), (2, "2 minutes"), (45, "45 minutes")]
)
def test_minutes_read_singular_only_for_one(minutes: int, words: str) -> None:
    assert minutes_words(minutes) == words
    rendered = make_templates().env.from_string("{{ n | minutes }}").render(n=minutes)
    assert rendered == words


def test_a_count_with_an_irregular_plural() -> None:
    assert count_words(1, "person", "people") == "1 person"
    assert count_words(3, "person", "people") == "3 people"
