"""The family-support services together, as the composition root builds them once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from careweave.clock import Clock
from careweave.services.family_support.arrangements import ArrangementService
from careweave.services.family_support.households import HouseholdService
from careweave.services.family_support.matching import MatchService
from careweave.services.family_support.ports import FamilySupportUnitOfWork
from careweave.services.family_support.referrals import ReferralService


@dataclass(frozen=True, slots=True)
class FamilySupportServices:
    """Every use case of family-based support, on one unit-of-work factory and one clock."""

    clock: Clock
    households: HouseholdService
    referrals: ReferralService
    matching: MatchService
    arrangements: ArrangementService

    @classmethod
    def build(
        cls, uow_factory: Callable[[], FamilySupportUnitOfWork], clock: Clock
    ) -> FamilySupportServices:
        """Wire the services on ``uow_factory`` and ``clock``."""
        return cls(
            clock=clock,
            households=HouseholdService(uow_factory, clock),
            referrals=ReferralService(uow_factory, clock),
            matching=MatchService(uow_factory, clock),
            arrangements=ArrangementService(uow_factory, clock),
        )
