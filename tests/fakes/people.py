"""In-memory people and what belongs to them: circle of support, strengths and needs."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from tests.fakes.repository import FakePersonOwnedRepository, FakeRepository
from tests.fakes.rows import page

from careweave.domain.people.person import (
    CareModel,
    CircleMember,
    EligibilityOutcome,
    Need,
    Person,
    Strength,
    StrengthKind,
)

# The tables whose rows go with their person (ON DELETE CASCADE in the schema); each row has a
# ``person_id``.
OWNED_BY_PERSON = (
    "circle_members",
    "strengths",
    "needs",
    "conversations",
    "eligibility_assessments",
    "care_plans",
    "gas_ratings",
    "risks",
    "reablement_episodes",
)


class FakePersonRepository(FakeRepository[Person]):
    """People by family name, given name, id; removal refused while visits refer to them."""

    table = "people"
    kind = "person"

    def list(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        care_model: CareModel | None = None,
        name_contains: str | None = None,
        ids: Collection[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Person]:
        """People matching every given filter (see the port)."""
        found = self._filtered(team_id, team_ids, care_model, name_contains, ids)
        return page(sorted(found, key=lambda p: (p.family_name, p.given_name, p.id)), limit, offset)

    def count(
        self,
        *,
        team_id: str | None = None,
        team_ids: Collection[str] | None = None,
        care_model: CareModel | None = None,
        name_contains: str | None = None,
        ids: Collection[str] | None = None,
    ) -> int:
        """How many people :meth:`list` would return without pagination."""
        return len(self._filtered(team_id, team_ids, care_model, name_contains, ids))

    def _filtered(
        self,
        team_id: str | None,
        team_ids: Collection[str] | None,
        care_model: CareModel | None,
        name_contains: str | None,
        ids: Collection[str] | None,
    ) -> Sequence[Person]:
        needle = (name_contains or "").strip().casefold()

        def matches(p: Person) -> bool:
            names = (p.given_name, p.family_name, p.preferred_name)
            return (
                (team_id is None or p.team_id == team_id)
                and (team_ids is None or p.team_id in team_ids)
                and (care_model is None or p.care_model == care_model)
                and (not needle or any(needle in name.casefold() for name in names))
                and (ids is None or p.id in ids)
            )

        return self._rows.where(matches)

    def _check_references(self, item: Person) -> None:
        self._require("teams", "team", item.team_id)

    def _in_use(self, ident: str) -> bool:
        return any(v.person_id == ident for v in self._transaction.rows("visits").all())

    def _remove_dependants(self, ident: str) -> None:
        for table in OWNED_BY_PERSON:
            self._transaction.rows(table).delete_where(lambda row: row.person_id == ident)


class FakeCircleRepository(FakePersonOwnedRepository[CircleMember]):
    """Circles of support: emergency contacts first, then by name."""

    table = "circle_members"
    kind = "circle member"

    def _order(self, record: CircleMember) -> tuple[bool, str]:
        return (not record.is_emergency_contact, record.name)


class FakeStrengthRepository(FakePersonOwnedRepository[Strength]):
    """Strengths by kind (personal, family, community), then description."""

    table = "strengths"
    kind = "strength"

    def _order(self, record: Strength) -> tuple[int, str]:
        return (list(StrengthKind).index(record.kind), record.description)


class FakeNeedRepository(FakePersonOwnedRepository[Need]):
    """Needs in the order the regulations list the eligibility outcomes."""

    table = "needs"
    kind = "need"

    def _order(self, record: Need) -> tuple[int]:
        return (list(EligibilityOutcome).index(record.outcome),)
