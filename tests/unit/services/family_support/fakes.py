"""In-memory fakes of the family-support ports: enough of the unit of work for the services.

A block that leaves without ``commit`` rolls back, as the SQL unit of work does, so tests can
prove that a refused write leaves nothing behind.
"""

from __future__ import annotations

import copy
from collections.abc import Collection
from types import SimpleNamespace
from typing import Any

from careweave.domain.accounts.audit import AuditEntry
from careweave.domain.errors import NotFoundError
from careweave.domain.family_support.arrangements import Arrangement
from careweave.domain.family_support.factors import Weights
from careweave.domain.family_support.households import CarerHousehold
from careweave.domain.family_support.referrals import Referral
from careweave.domain.people.person import Person


class _Store:
    """Records of one kind by id."""

    kind = "record"

    def __init__(self) -> None:
        self.items: dict[str, Any] = {}

    def get(self, ident: str) -> Any:
        if ident not in self.items:
            raise NotFoundError(self.kind, ident)
        return self.items[ident]

    def add(self, item: Any) -> None:
        self.items[item.id] = item

    def update(self, item: Any) -> None:
        self.get(item.id)
        self.items[item.id] = item


class FakePeople(_Store):
    kind = "person"

    def list(self, *, ids: Collection[str] | None = None, **_: Any) -> list[Person]:
        return [p for p in self.items.values() if ids is None or p.id in ids]


class FakeTeams(_Store):
    kind = "team"


class FakeHouseholds(_Store):
    kind = "carer household"

    def list(self, *, scheme_team_id: str | None = None) -> list[CarerHousehold]:
        found = [h for h in self.items.values() if scheme_team_id in (None, h.scheme_team_id)]
        return sorted(found, key=lambda h: (h.name, h.id))


class FakeReferrals(_Store):
    kind = "referral"

    def list(
        self, *, scheme_team_id: str | None = None, person_ids: Collection[str] | None = None
    ) -> list[Referral]:
        found = [
            r
            for r in self.items.values()
            if scheme_team_id in (None, r.scheme_team_id)
            and (person_ids is None or r.person_id in person_ids)
        ]
        return sorted(found, key=lambda r: (r.received_on, r.id))


class FakeArrangements(_Store):
    kind = "arrangement"

    def list(
        self,
        *,
        scheme_team_id: str | None = None,
        person_ids: Collection[str] | None = None,
        household_id: str | None = None,
    ) -> list[Arrangement]:
        found = [
            a
            for a in self.items.values()
            if scheme_team_id in (None, a.scheme_team_id)
            and household_id in (None, a.household_id)
            and (person_ids is None or a.person_id in person_ids)
        ]
        return sorted(found, key=lambda a: (a.proposed_on, a.id))


class FakeWeights:
    def __init__(self) -> None:
        self.items: dict[str, Weights] = {}

    def get(self, scheme_team_id: str) -> Weights:
        return self.items.get(scheme_team_id, Weights())

    def put(self, scheme_team_id: str, weights: Weights) -> None:
        self.items[scheme_team_id] = weights


class FakeAudit:
    def __init__(self) -> None:
        self.entries: list[AuditEntry] = []

    def append(self, entry: AuditEntry) -> None:
        self.entries.append(entry)


class FakeFamilySupportUnitOfWork:
    """One shared in-memory database; each ``with`` block is a transaction."""

    def __init__(self) -> None:
        self.people = FakePeople()
        self.teams = FakeTeams()
        self.households = FakeHouseholds()
        self.referrals = FakeReferrals()
        self.arrangements = FakeArrangements()
        self.scheme_weights = FakeWeights()
        self.audit = FakeAudit()
        self._saved: dict[str, Any] | None = None
        self.commits = 0

    def _state(self) -> dict[str, Any]:
        names = (
            "people",
            "teams",
            "households",
            "referrals",
            "arrangements",
            "scheme_weights",
            "audit",
        )
        # Records are immutable, so copying each store's containers is a full snapshot.
        return {n: {k: copy.copy(v) for k, v in vars(getattr(self, n)).items()} for n in names}

    def __enter__(self) -> FakeFamilySupportUnitOfWork:
        self._saved = self._state()
        return self

    def __exit__(self, *exc: object) -> None:
        self.rollback()
        self._saved = None

    def commit(self) -> None:
        self._saved = self._state()
        self.commits += 1

    def rollback(self) -> None:
        if self._saved is not None:
            for name, state in self._saved.items():
                vars(getattr(self, name)).update({k: copy.copy(v) for k, v in state.items()})

    def add_team(self, ident: str) -> None:
        # The services only check that a scheme's team exists.
        self.teams.add(SimpleNamespace(id=ident))
