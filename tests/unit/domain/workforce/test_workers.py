from __future__ import annotations

from datetime import time

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import Location
from careweave.domain.workforce.workers import Availability, Patch, Skill, Team, TravelMode, Worker

HOME = Location(53.55, -2.63)


def make_worker(**overrides: object) -> Worker:
    fields: dict[str, object] = {
        "given_name": "Asha",
        "family_name": "Patel",
        "team_id": "team-a",
        "home": HOME,
    }
    fields.update(overrides)
    return Worker(**fields)  # type: ignore[arg-type]


def test_worker_skills_and_availability() -> None:
    worker = make_worker(
        skills=frozenset({"medication", "hoist"}),
        availability=(
            Availability(0, time(7), time(14)),
            Availability(0, time(16), time(22)),
            Availability(2, time(7), time(14)),
        ),
        travel_mode="walk",
    )
    assert worker.skills == {Skill.MEDICATION, Skill.HOIST}
    assert worker.travel_mode is TravelMode.WALK
    assert worker.can_do(frozenset({Skill.HOIST}))
    assert not worker.can_do(frozenset({Skill.HOIST, Skill.PEG_FEEDING}))
    assert worker.available_minutes_per_week() == 7 * 60 + 6 * 60 + 7 * 60


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"skills": frozenset({"juggling"})}, "worker.skills"),
        ({"travel_mode": "teleport"}, "worker.travel_mode"),
        ({"contracted_minutes_per_week": -1}, "worker.contracted_minutes_per_week"),
        ({"max_minutes_per_day": 14 * 60}, "worker.max_minutes_per_day"),
        ({"cost_per_hour": -3.0}, "worker.cost_per_hour"),
        ({"team_id": ""}, "worker.team_id"),
        (
            {
                "availability": (
                    Availability(1, time(8), time(12)),
                    Availability(1, time(11), time(15)),
                )
            },
            "worker.availability",
        ),
    ],
)
def test_worker_rejects_bad_values(overrides: dict[str, object], field: str) -> None:
    with pytest.raises(DomainValidationError) as caught:
        make_worker(**overrides)
    assert caught.value.field == field


def test_availability_rejects_backwards_slot_and_bad_weekday() -> None:
    with pytest.raises(DomainValidationError, match=r"availability\.end"):
        Availability(0, time(14), time(7))
    with pytest.raises(DomainValidationError, match=r"availability\.weekday"):
        Availability(7, time(7), time(14))
    assert Availability(6, time(7, 30), time(9)).minutes == 90


def test_circular_patch_contains_by_distance() -> None:
    patch = Patch(centre=HOME, radius_km=1.0)
    assert patch.contains(Location(53.555, -2.63))  # about 0.56 km north
    assert not patch.contains(Location(53.57, -2.63))  # about 2.2 km north


def test_polygon_patch_uses_ray_casting() -> None:
    # An L-shaped patch: the notch at the top right is outside.
    corners = (
        Location(53.50, -2.70),
        Location(53.50, -2.60),
        Location(53.55, -2.60),
        Location(53.55, -2.65),
        Location(53.60, -2.65),
        Location(53.60, -2.70),
    )
    patch = Patch(centre=Location(53.55, -2.65), polygon=corners)
    assert patch.contains(Location(53.52, -2.62))
    assert patch.contains(Location(53.58, -2.68))
    assert not patch.contains(Location(53.58, -2.62))
    assert not patch.contains(Location(53.45, -2.65))


def test_patch_and_team_validation() -> None:
    with pytest.raises(DomainValidationError, match=r"patch\.radius_km"):
        Patch(centre=HOME, radius_km=0.0)
    with pytest.raises(DomainValidationError, match=r"patch\.polygon"):
        Patch(centre=HOME, polygon=(HOME, HOME))
    with pytest.raises(DomainValidationError, match=r"team\.name"):
        Team(name=" ", patch=Patch(centre=HOME, radius_km=2.0))


@pytest.mark.parametrize(
    ("name", "called"),
    [
        ("Riverside", "Riverside team"),
        ("Wigan neighbourhood team", "Wigan neighbourhood team"),
        ("Wigan neighbourhood Team", "Wigan neighbourhood Team"),
        ("Steam", "Steam team"),
    ],
)
def test_a_team_is_called_a_team_once(name: str, called: str) -> None:
    team = Team(name=name, patch=Patch(centre=HOME, radius_km=2.0))
    assert team.called_a_team == called
