"""Events: the device's own numbering, the values some kinds carry, and payloads read field by field."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.telecare.events import Event, EventKind, read_batch, read_event

NOON = datetime(2026, 3, 2, 12, tzinfo=UTC)


def _payload(**changes: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "device_id": "d1",
        "sequence": 7,
        "kind": "motion",
        "at": "2026-03-02T12:00:00Z",
    }
    fields.update(changes)
    return {k: v for k, v in fields.items() if v is not None}


def test_an_event_is_named_by_its_device_and_sequence() -> None:
    event = read_event(_payload())
    assert event.key == ("d1", 7)
    assert event.at == NOON
    assert event.kind is EventKind.MOTION


def test_a_temperature_needs_its_value_and_a_motion_carries_none() -> None:
    assert read_event(_payload(kind="temperature", value=14.5)).value == 14.5
    with pytest.raises(DomainValidationError, match="needs its value") as missing:
        read_event(_payload(kind="temperature"))
    assert missing.value.field == "value"
    with pytest.raises(DomainValidationError, match="carries no value"):
        read_event(_payload(value=3))


def test_a_heartbeat_may_carry_a_battery_percent_within_0_to_100() -> None:
    assert read_event(_payload(kind="heartbeat")).value is None
    assert read_event(_payload(kind="heartbeat", value=55)).value == 55
    with pytest.raises(DomainValidationError, match="between 0 and 100"):
        read_event(_payload(kind="heartbeat", value=101))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sequence": -1}, "events.3.sequence"),
        ({"sequence": "7"}, "events.3.sequence"),
        ({"sequence": True}, "events.3.sequence"),
        ({"kind": "dance"}, "events.3.kind"),
        ({"at": "yesterday"}, "events.3.at"),
        ({"at": "2026-03-02T12:00:00"}, "events.3.at"),
        ({"at": 1700000000}, "events.3.at"),
        ({"device_id": 42}, "events.3.device_id"),
        ({"device_id": "x" * 65}, "events.3.device_id"),
        ({"colour": "red"}, "events.3.colour"),
        ({"kind": "temperature", "value": float("nan")}, "events.3.value"),
    ],
)
def test_a_bad_payload_is_refused_naming_its_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(DomainValidationError) as refused:
        read_event(_payload(**changes), where="events.3.")
    assert refused.value.field == field


def test_a_missing_field_and_a_payload_that_is_not_an_object_are_named() -> None:
    with pytest.raises(DomainValidationError, match="is required") as missing:
        read_event({"device_id": "d1", "kind": "motion", "at": "2026-03-02T12:00:00Z"})
    assert missing.value.field == "sequence"
    with pytest.raises(DomainValidationError, match="JSON object"):
        read_event([1, 2], where="events.0.")  # type: ignore[arg-type]


def test_a_naive_time_is_refused_by_the_event_itself() -> None:
    with pytest.raises(DomainValidationError, match="UTC offset"):
        Event("d1", 1, EventKind.MOTION, datetime(2026, 3, 2, 12))


def test_a_payload_is_one_event_or_a_batch_of_up_to_a_thousand() -> None:
    assert [e.sequence for e in read_batch(_payload())] == [7]
    batch = read_batch({"events": [_payload(sequence=n) for n in range(1000)]})
    assert len(batch) == 1000
    with pytest.raises(DomainValidationError, match="1 to 1000") as too_many:
        read_batch({"events": [_payload()] * 1001})
    assert too_many.value.field == "events"
    with pytest.raises(DomainValidationError) as bad_second:
        read_batch({"events": [_payload(), _payload(kind="juggling")]})
    assert bad_second.value.field == "events.1.kind"
    with pytest.raises(DomainValidationError) as not_a_list:
        read_batch({"events": "motion"})
    assert not_a_list.value.field == "events"
    with pytest.raises(DomainValidationError) as extra:
        read_batch({"events": [], "hub": "h1"})
    assert extra.value.field == "hub"
    with pytest.raises(DomainValidationError) as scalar:
        read_batch(42)
    assert scalar.value.field == "body"
