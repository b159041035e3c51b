"""The simulated homes and the measurement of the rules on them: incidents are planted where the
routine leaves room, the alarms that must never be missed are not, and the table adds up."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from careweave.demo.telecare_homes import local, simulate_homes
from careweave.demo.telecare_measure import score, table, watch
from careweave.domain.telecare.alerts import AlertKind

LAST = date(2026, 3, 31)
DAYS = 40


def _homes(count: int = 6) -> list:  # type: ignore[type-arg]
    return simulate_homes([f"p{n}" for n in range(count)], DAYS, seed=3, last_day=LAST)


def test_each_event_is_numbered_once_per_device_and_in_time_order() -> None:
    for home in _homes():
        keys = [e.key for e in home.events]
        assert len(keys) == len(set(keys))
        assert [e.at for e in home.events] == sorted(e.at for e in home.events)
        assert {e.device_id for e in home.events} <= set(home.devices)


def test_the_same_seed_gives_the_same_homes() -> None:
    first, again = _homes(2), _homes(2)
    assert [len(h.events) for h in first] == [len(h.events) for h in again]
    assert [h.incidents for h in first] == [h.incidents for h in again]


def test_incidents_come_after_the_four_weeks_the_learned_rule_needs() -> None:
    first_day = LAST - timedelta(days=DAYS - 1)
    incidents = [i for home in _homes() for i in home.incidents]
    assert incidents
    assert all(i.start >= local(first_day + timedelta(days=30), 0) for i in incidents)


def test_presses_and_falls_are_all_caught_and_never_raised_falsely() -> None:
    homes = _homes()
    raised = watch(
        homes, local(LAST - timedelta(days=DAYS - 2), 0), local(LAST + timedelta(days=1), 0)
    )
    scores = {s.kind: s for s in score(homes, raised)}
    for kind in (AlertKind.PENDANT_PRESS, AlertKind.FALL):
        found = scores[kind]
        assert found.alerts == found.true_alerts == found.caught == found.incidents
    rendered = table(list(scores.values()), person_weeks=len(homes) * 10 / 7)
    assert rendered.splitlines()[0].startswith("| rule | alerts | true | precision |")
    assert len(rendered.splitlines()) == 2 + len(scores)


def test_nothing_after_now_has_happened_yet_and_someone_needs_help_now() -> None:
    now = datetime(2026, 3, 31, 15, 0, tzinfo=UTC)
    homes = simulate_homes(["p0", "p1"], DAYS, seed=3, last_day=LAST, until=now)
    assert max(e.at for h in homes for e in h.events) <= now
    assert homes[0].incidents[-1].kind == "pendant press"
    assert homes[0].incidents[-1].start == now - timedelta(minutes=10)
