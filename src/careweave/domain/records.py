"""Everything careweave holds about one person's care in one value: what FHIR exchange moves."""

from __future__ import annotations

from dataclasses import dataclass

from careweave.domain.gas import GasRating
from careweave.domain.people import CircleMember, Need, Person, Strength
from careweave.domain.plans import CarePlan
from careweave.domain.reablement import ReablementEpisode
from careweave.domain.risk import Risk
from careweave.domain.workforce import Team


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
