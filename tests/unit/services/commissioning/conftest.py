"""The commissioning use cases under test, built in one place (see
``tests/unit/services/conftest.py``), and person A's eligibility assessment."""

from __future__ import annotations

import pytest
from tests.commissioning_builders import an_assessment
from tests.unit.services.neighbourhood import Neighbourhood, UowFactory

from careweave.clock import FixedClock
from careweave.services.commissioning.budgets import BudgetService
from careweave.services.commissioning.invoices import InvoiceService
from careweave.services.commissioning.ledger import LedgerService
from careweave.services.commissioning.time_banks import TimeBankService


@pytest.fixture
def assessed(uow: UowFactory, town: Neighbourhood) -> None:
    """Person A's eligibility assessment (eligible: 15 points)."""
    with uow() as u:
        u.eligibility.add(an_assessment(town.person_a.id))
        u.commit()


@pytest.fixture
def budgets(uow: UowFactory, clock: FixedClock, assessed: None) -> BudgetService:
    """The budget service on the fakes."""
    return BudgetService(uow, clock)


@pytest.fixture
def ledger(uow: UowFactory, clock: FixedClock, assessed: None) -> LedgerService:
    """The ledger service on the fakes."""
    return LedgerService(uow, clock)


@pytest.fixture
def time_banks(uow: UowFactory, clock: FixedClock, assessed: None) -> TimeBankService:
    """The time-bank service on the fakes."""
    return TimeBankService(uow, clock)


@pytest.fixture
def invoices(uow: UowFactory, clock: FixedClock, assessed: None) -> InvoiceService:
    """The invoice service on the fakes."""
    return InvoiceService(uow, clock)
