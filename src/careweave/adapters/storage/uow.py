"""The SQL unit of work: one session, one transaction, every repository on it."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session, sessionmaker

from careweave.adapters.storage.people.repositories import (
    SqlCircleRepository,
    SqlNeedRepository,
    SqlPersonRepository,
    SqlStrengthRepository,
)
from careweave.adapters.storage.visits.repositories import SqlVisitRepository
from careweave.adapters.storage.workforce.repositories import SqlTeamRepository, SqlWorkerRepository


class SqlUnitOfWork:
    """Implements :class:`careweave.services.unit_of_work.UnitOfWork` on a SQLAlchemy session.

    Each ``with`` block opens a fresh session; leaving it rolls back whatever was not committed
    and closes the session. Other areas add their repositories by subclassing and extending
    :meth:`open_repositories`, which receives the block's session.

    Parameters
    ----------
    session_factory
        Makes the session of each block (see
        :func:`careweave.adapters.storage.database.make_session_factory`).
    """

    people: SqlPersonRepository
    circles: SqlCircleRepository
    strengths: SqlStrengthRepository
    needs: SqlNeedRepository
    workers: SqlWorkerRepository
    teams: SqlTeamRepository
    visits: SqlVisitRepository

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        """The session of the open block (for repositories of other areas)."""
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its `with` block")
        return self._session

    def __enter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError("the unit of work is already open; use a new one")
        self._session = self._session_factory()
        self.open_repositories(self._session)
        return self

    def open_repositories(self, session: Session) -> None:
        """Create the repositories of this block on ``session`` (extend to add more)."""
        self.people = SqlPersonRepository(session)
        self.circles = SqlCircleRepository(session)
        self.strengths = SqlStrengthRepository(session)
        self.needs = SqlNeedRepository(session)
        self.workers = SqlWorkerRepository(session)
        self.teams = SqlTeamRepository(session)
        self.visits = SqlVisitRepository(session)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session, self._session = self.session, None
        try:
            session.rollback()
        finally:
            session.close()

    def commit(self) -> None:
        """Make every write of this block permanent."""
        self.session.commit()

    def rollback(self) -> None:
        """Discard every write since the last commit."""
        self.session.rollback()
