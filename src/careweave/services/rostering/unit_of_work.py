"""What the rostering use cases read and write in one transaction."""

from __future__ import annotations

from typing import Protocol

from careweave.services.accounts.ports import UserRepository
from careweave.services.commissioning.ports import Ledger
from careweave.services.rostering.ports import CalendarTokenRepository
from careweave.services.visits.unit_of_work import VisitsUnitOfWork


class RosteringUnitOfWork(VisitsUnitOfWork, Protocol):
    """The visits capability's unit of work: a roster reads a team's people, workers and visits
    with their records (the same lines the team board shows) and moves visits between workers;
    it reads each person's hours left from the ledger's time banks, and the calendar feeds' tokens
    and the users who own them."""

    # Read-only properties, so an implementation may hold more specific repository classes.
    @property
    def calendar_tokens(self) -> CalendarTokenRepository:
        """The secret links of calendar feeds."""
        ...

    @property
    def users(self) -> UserRepository:
        """The users (a feed is read as its token's owner)."""
        ...

    @property
    def ledger(self) -> Ledger:
        """The ledger, whose time banks cap each person's minutes in the week."""
        ...
