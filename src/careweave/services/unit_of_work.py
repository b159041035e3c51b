"""The app's unit of work: every capability's repositories in one transaction.

Each capability declares what its use cases read and write in its own ``unit_of_work`` module
(``services/<capability>/unit_of_work.py``) and its services depend on that alone. The composition
root builds one implementation of this protocol
(:class:`careweave.adapters.storage.uow.SqlUnitOfWork`), which satisfies every capability's
protocol at once; a new capability adds its protocol to the bases here.
"""

from __future__ import annotations

from typing import Protocol

from careweave.services.accounts.unit_of_work import AccountsUnitOfWork
from careweave.services.commissioning.unit_of_work import CommissioningUnitOfWork
from careweave.services.community.unit_of_work import CommunityUnitOfWork
from careweave.services.family_support.unit_of_work import FamilySupportUnitOfWork
from careweave.services.people.unit_of_work import PeopleUnitOfWork
from careweave.services.plans.unit_of_work import PlansUnitOfWork
from careweave.services.reablement.unit_of_work import ReablementUnitOfWork
from careweave.services.rostering.unit_of_work import RosteringUnitOfWork
from careweave.services.telecare.unit_of_work import TelecareUnitOfWork
from careweave.services.visits.unit_of_work import VisitsUnitOfWork
from careweave.services.workforce.unit_of_work import WorkforceUnitOfWork


class AppUnitOfWork(
    AccountsUnitOfWork,
    PeopleUnitOfWork,
    WorkforceUnitOfWork,
    RosteringUnitOfWork,
    VisitsUnitOfWork,
    PlansUnitOfWork,
    ReablementUnitOfWork,
    FamilySupportUnitOfWork,
    TelecareUnitOfWork,
    CommunityUnitOfWork,
    CommissioningUnitOfWork,
    Protocol,
):
    """Every capability's repositories on one transaction (the demo writes all of them at once)."""
