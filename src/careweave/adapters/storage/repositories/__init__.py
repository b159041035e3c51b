"""SQL implementations of the repository ports of :mod:`careweave.services.ports`."""

from careweave.adapters.storage.repositories.base import SqlRepository
from careweave.adapters.storage.repositories.people import (
    SqlCircleRepository,
    SqlNeedRepository,
    SqlPersonRepository,
    SqlStrengthRepository,
)
from careweave.adapters.storage.repositories.visits import SqlVisitRepository
from careweave.adapters.storage.repositories.workforce import SqlTeamRepository, SqlWorkerRepository

__all__ = [
    "SqlCircleRepository",
    "SqlNeedRepository",
    "SqlPersonRepository",
    "SqlRepository",
    "SqlStrengthRepository",
    "SqlTeamRepository",
    "SqlVisitRepository",
    "SqlWorkerRepository",
]
