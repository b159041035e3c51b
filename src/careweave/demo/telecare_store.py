"""Give demo people the simulated homes: devices, rules, set-ups, absences and weeks of events.

Written straight through the repositories in one transaction, like the rest of the demo data. A
demo device's token is its id (so the API can be tried by hand); never do that outside a demo.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from careweave.demo.telecare_homes import SimHome
from careweave.domain.telecare.setup import TelecareSetup
from careweave.services.telecare.unit_of_work import TelecareUnitOfWork

EVENT_BATCH = 5000


def store_homes(uow: TelecareUnitOfWork, homes: Sequence[SimHome], received_at: datetime) -> int:
    """Write ``homes`` into the open ``uow`` (the people must exist and have no devices yet);
    return how many events were written."""
    written = 0
    for home in homes:
        for device in home.devices.values():
            uow.devices.add(device)
        uow.telecare_setups.save(TelecareSetup(home.person_id))
        for rule in home.rules.ordered():
            uow.telecare_rules.save(home.person_id, rule)
        for absence in home.absences:
            uow.absences.add(absence)
        owners = dict.fromkeys(home.devices, home.person_id)
        for start in range(0, len(home.events), EVENT_BATCH):
            batch = home.events[start : start + EVENT_BATCH]
            written += len(uow.telecare_events.add_new(batch, owners, received_at))
        for event in home.events:
            home.devices[event.device_id].heard(event)
        for device in home.devices.values():
            uow.devices.update(device)
    return written
