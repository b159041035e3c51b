"""The unit of work the app uses: every area's repositories on one session.

Each area extends :class:`~careweave.adapters.storage.uow.SqlUnitOfWork` cooperatively (each
``open_repositories`` calls ``super()``), so combining them is multiple inheritance; add an area's
class to the bases here.
"""

from __future__ import annotations

from careweave.adapters.storage.community.uow import CommunitySqlUnitOfWork
from careweave.adapters.storage.plans.uow import PlansSqlUnitOfWork
from careweave.adapters.storage.visits.recording_repositories import SqlRecordingUnitOfWork


class AppSqlUnitOfWork(SqlRecordingUnitOfWork, PlansSqlUnitOfWork, CommunitySqlUnitOfWork):
    """Core, accounts and audit, visit recording, people's plans and outcomes, and the community
    directory."""
