"""In-memory fakes of the services' storage ports, for unit tests of the use cases.

Each module fakes the repositories of one capability; :class:`FakeUnitOfWork` carries them all
on one transaction of a :class:`FakeDatabase`, which plays the database. They behave as the SQL
repositories do in what the services rely on: commit and rollback, the same errors (missing
records, taken keys, stale versions), the same ordering and paging.
"""

from tests.fakes.rows import FakeDatabase
from tests.fakes.unit_of_work import FakeUnitOfWork, fake_uow_factory

__all__ = ["FakeDatabase", "FakeUnitOfWork", "fake_uow_factory"]
