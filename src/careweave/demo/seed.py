"""Load a demo neighbourhood into an empty database in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from careweave.demo.data import Neighbourhood
from careweave.domain.errors import ConflictError
from careweave.services.unit_of_work import AppUnitOfWork


@dataclass(frozen=True, slots=True)
class SeedResult:
    """What :func:`seed_demo` did: the counts written, or why it wrote nothing."""

    seeded: bool
    counts: dict[str, int] = field(default_factory=dict)
    people_already_there: int = 0


def seed_demo(
    uow_factory: Callable[[], AppUnitOfWork],
    neighbourhood: Neighbourhood,
    *,
    if_empty: bool = False,
    also: Callable[[AppUnitOfWork], object] | None = None,
) -> SeedResult:
    """Write ``neighbourhood`` with bulk inserts in ONE transaction: all of it or none of it.

    Parameters
    ----------
    uow_factory
        Makes the unit of work to write in.
    neighbourhood
        What to write (see :func:`careweave.demo.data.generate_neighbourhood`).
    if_empty
        When the database already holds people, do nothing and say so instead of refusing.
    also
        Called with the open unit of work after the neighbourhood is written and before the
        commit, to add more demo records in the same transaction (e.g. the demo logins).

    Raises
    ------
    ConflictError
        The database already holds people (and ``if_empty`` is false), or a team of the same name.
    """
    with uow_factory() as uow:
        existing = uow.people.count()
        if existing and if_empty:
            return SeedResult(seeded=False, people_already_there=existing)
        if existing:
            raise ConflictError(
                f"the database already holds {existing} people; the demo neighbourhood is only "
                "loaded into an empty database (use --if-empty to skip quietly)",
                field="people",
            )
        for team in neighbourhood.teams:
            if uow.teams.find_by_name(team.name) is not None:
                raise ConflictError(f"a team called {team.name!r} already exists", field="team")
        uow.teams.add_all(neighbourhood.teams)
        uow.workers.add_all(neighbourhood.workers)
        uow.people.add_all(neighbourhood.people)
        uow.circles.add_all(neighbourhood.circle_members)
        uow.strengths.add_all(neighbourhood.strengths)
        uow.needs.add_all(neighbourhood.needs)
        uow.visits.add_all(neighbourhood.visits)
        if also is not None:
            also(uow)
        uow.commit()
    return SeedResult(seeded=True, counts=neighbourhood.counts())
