"""The person page's own decisions, from what it read (no database)."""

from __future__ import annotations

from datetime import date, timedelta

from careweave.domain.people.person import Person
from careweave.domain.reablement.episodes import EndResult, ReablementEpisode
from careweave.domain.values import Location
from careweave.services.people.person_page import PersonPage

START = date(2026, 3, 2)
ADA = Person(
    given_name="Ada",
    family_name="Lovelace",
    date_of_birth=date(1941, 5, 17),
    address="1 High Street",
    postcode="WN1 1AA",
    location=Location(53.5, -2.6),
    team_id="team-a",
    id="pa",
)
OPEN = ReablementEpisode(person_id="pa", started_on=START, planned_end_on=START + timedelta(41))
ENDED = OPEN.end(ended_on=START + timedelta(20), result=EndResult.SAME_PACKAGE, barthel_end=None)


def page(*, can_plan: bool, episodes: tuple[ReablementEpisode, ...]) -> PersonPage:
    return PersonPage(
        person=ADA,
        circle=(),
        strengths=(),
        needs=(),
        plans=(),
        episodes=episodes,
        conversations=(),
        assessment=None,
        can_plan=can_plan,
    )


def test_a_planner_may_start_an_episode_when_none_is_open() -> None:
    assert page(can_plan=True, episodes=()).can_start_episode
    assert page(can_plan=True, episodes=(ENDED,)).can_start_episode


def test_no_second_episode_while_one_is_open() -> None:
    assert not page(can_plan=True, episodes=(ENDED, OPEN)).can_start_episode


def test_who_may_not_plan_may_not_start_one() -> None:
    assert not page(can_plan=False, episodes=()).can_start_episode
