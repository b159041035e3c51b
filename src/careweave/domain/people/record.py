"""Everything careweave holds about one person's care in one value: what FHIR exchange moves."""

from __future__ import annotations

from dataclasses import dataclass

from careweave.domain.people.person import CircleMember, Need, Person, Strength
from careweave.domain.plans.care_plan import CarePlan
from careweave.domain.plans.gas import GasRating
from careweave.domain.plans.risk import Risk
from careweave.domain.reablement.episodes import ReablementEpisode
from careweave.domain.workforce.workers import Team


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A person with their circle, strengths, needs, team, plans, GAS ratings, reablement and risks.

    Parameters
    ----------
    plans
        Every version of every plan of the person.
    ratings
        The GAS ratings of the goals in those plans.
    """

    person: Person
    circle: tuple[CircleMember, ...] = ()
    strengths: tuple[Strength, ...] = ()
    needs: tuple[Need, ...] = ()
    team: Team | None = None
    plans: tuple[CarePlan, ...] = ()
    ratings: tuple[GasRating, ...] = ()
    episodes: tuple[ReablementEpisode, ...] = ()
    risks: tuple[Risk, ...] = ()
