"""A made-up but realistic neighbourhood for demonstrations, tests and benchmarks.

``generate_neighbourhood`` builds teams with patches, workers with shifts, people with their own words,
circles of support, strengths, needs and a week of visits in the Wigan borough (see
:mod:`careweave.demo.places` for why Wigan), then gives the visits a simple first roster
(:mod:`careweave.demo.roster`). Everything comes from one ``random.Random(seed)``, so a seed and
a week give the same neighbourhood, identifiers included. Every figure and assumption is listed in
docs/demo.md with its source.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from careweave.demo import places as places
from careweave.demo import visits as demo_visits
from careweave.demo.names import PREFERRED_NAMES, languages_for, person_gender, person_name
from careweave.demo.profiles import OLDER_PROFILES, VISITED_MODELS, YOUNGER_PROFILES, Profile
from careweave.demo.roster import assign_initial_roster
from careweave.demo.staff import hire_workers
from careweave.demo.words import about_me, circle_of_support, strengths
from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import CareModel, CircleMember, Need, Person, Strength
from careweave.domain.values import Location
from careweave.domain.visits.visit import Priority, Visit, VisitStatus
from careweave.domain.workforce.workers import Patch, Skill, Team, Worker

# Council-funded home care users per resident: 470,000 people (England 2013/14, NICE) over a
# population of about 53.9 million (ONS mid-2013). Sets how much of the borough the people fill.
PEOPLE_PER_RESIDENT = 470_000 / 53_900_000
# Ages: 79 % aged 65 or over (NICE); the split within each group is an assumption.
AGE_BANDS: tuple[tuple[int, int, float], ...] = (
    (18, 39, 0.07),
    (40, 64, 0.14),
    (65, 74, 0.20),
    (75, 84, 0.32),
    (85, 94, 0.24),
    (95, 101, 0.03),
)
CIRCLE_SHARE = 0.8
MEDICATION_SHARE = 0.7
PATCH_PAD_KM = 0.3
LIMITS = {"people": (1, 100_000), "workers": (1, 20_000), "teams": (1, 1_000)}


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    """Everything the demo seed writes: teams, workers, people and their records, and visits."""

    town: str
    week_start: date
    teams: tuple[Team, ...]
    workers: tuple[Worker, ...]
    people: tuple[Person, ...]
    circle_members: tuple[CircleMember, ...]
    strengths: tuple[Strength, ...]
    needs: tuple[Need, ...]
    visits: tuple[Visit, ...]

    def counts(self) -> dict[str, int]:
        """How many of each record there are, for reports."""
        assigned = sum(1 for v in self.visits if v.status is VisitStatus.ASSIGNED)
        return {
            "teams": len(self.teams),
            "workers": len(self.workers),
            "people": len(self.people),
            "circle members": len(self.circle_members),
            "strengths": len(self.strengths),
            "needs": len(self.needs),
            "visits": len(self.visits),
            "visits assigned": assigned,
            "visits left to plan": len(self.visits) - assigned,
        }


def monday_of(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def generate_neighbourhood(
    people: int = 60,
    workers: int = 12,
    teams: int = 1,
    seed: int = 1,
    *,
    week_start: date,
) -> Neighbourhood:
    """Build a demo neighbourhood in the Wigan borough.

    Parameters
    ----------
    people, workers, teams
        How many of each; every team gets at least one worker, so ``workers >= teams``.
    seed
        The one source of randomness: the same seed and week give the same neighbourhood.
    week_start
        Any day of the week of visits to generate (its Monday is used); the command line gives
        today, from the one clock.

    Returns
    -------
    Neighbourhood
        Teams, workers, people, their circles, strengths and needs, and a week of visits with a
        simple first roster.
    """
    _check_sizes(people=people, workers=workers, teams=teams)
    monday = monday_of(week_start)
    rng = random.Random(seed)

    def next_id() -> str:
        return f"{rng.getrandbits(128):032x}"

    homes, settlements = _place_people(rng, people)
    catchment = places.bounding_box(homes, PATCH_PAD_KM, places.TOWN_POLYGON)
    pieces = places.split_into_patches(catchment, homes, teams)
    team_list = _teams(pieces, next_id)
    team_of_person = {
        i: team for team, (_, members) in zip(team_list, pieces, strict=True) for i in members
    }
    staff = hire_workers(rng, team_list, [len(m) for _, m in pieces], workers, next_id)
    built = _People(rng, monday, next_id)
    for index, (home, settlement) in enumerate(zip(homes, settlements, strict=True)):
        built.add(home, settlement, team_of_person[index].id)
    assign_initial_roster(built.people, staff, built.visits)
    return Neighbourhood(
        town=places.TOWN_NAME,
        week_start=monday,
        teams=tuple(team_list),
        workers=tuple(staff),
        people=tuple(built.people),
        circle_members=tuple(built.circle),
        strengths=tuple(built.strengths),
        needs=tuple(built.needs),
        visits=tuple(built.visits),
    )


def _check_sizes(**sizes: int) -> None:
    for name, value in sizes.items():
        low, high = LIMITS[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise DomainValidationError(name, f"must be a whole number from {low} to {high}")
    if sizes["workers"] < sizes["teams"]:
        raise DomainValidationError("workers", "must be at least the number of teams")


def _place_people(rng: random.Random, count: int) -> tuple[list[Location], list[places.Settlement]]:
    """Homes around the settlements nearest Wigan town centre, as many as the people need."""
    centre = places.SETTLEMENTS[0].centre
    nearest = sorted(places.SETTLEMENTS, key=lambda s: centre.distance_km(s.centre))
    residents_needed = count / PEOPLE_PER_RESIDENT
    chosen: list[places.Settlement] = []
    for settlement in nearest:
        chosen.append(settlement)
        residents_needed -= settlement.population
        if residents_needed <= 0:
            break
    weights = [s.population for s in chosen]
    picked = rng.choices(chosen, weights=weights, k=count)
    homes = [
        places.random_point_near(rng, s.centre, s.spread_km, places.TOWN_POLYGON) for s in picked
    ]
    return homes, picked


def _teams(
    pieces: list[tuple[list[Location], list[int]]], next_id: Callable[[], str]
) -> list[Team]:
    """One team per piece, named after the settlement nearest the middle of its patch."""
    teams: list[Team] = []
    used: dict[str, int] = {}
    for polygon, _ in pieces:
        middle = Location(
            round(sum(p.lat for p in polygon) / len(polygon), 6),
            round(sum(p.lon for p in polygon) / len(polygon), 6),
        )
        place = min(places.SETTLEMENTS, key=lambda s: middle.distance_km(s.centre)).name
        used[place] = used.get(place, 0) + 1
        name = f"{place} neighbourhood team" + (f" {used[place]}" if used[place] > 1 else "")
        corners = tuple(Location(round(p.lat, 6), round(p.lon, 6)) for p in polygon)
        teams.append(Team(name=name, patch=Patch(centre=middle, polygon=corners), id=next_id()))
    return teams


def _draw_kind(rng: random.Random) -> tuple[int, Profile, CareModel]:
    """An age, a profile that suits it, and a model of care that suits the profile."""
    low, high, _ = rng.choices(AGE_BANDS, weights=[b[2] for b in AGE_BANDS])[0]
    age = rng.randint(low, high)
    profiles = OLDER_PROFILES if age >= 65 else YOUNGER_PROFILES
    profile = rng.choices(profiles, weights=[p.weight for p in profiles])[0]
    models = profile.care_models
    care_model = rng.choices([m for m, _ in models], weights=[w for _, w in models])[0]
    return age, profile, care_model


class _People:
    """Collects people and everything about them as they are generated."""

    def __init__(self, rng: random.Random, monday: date, next_id: Callable[[], str]) -> None:
        self.rng = rng
        self.monday = monday
        self.next_id = next_id
        self.people: list[Person] = []
        self.circle: list[CircleMember] = []
        self.strengths: list[Strength] = []
        self.needs: list[Need] = []
        self.visits: list[Visit] = []
        self.nhs_numbers: set[str] = set()

    def add(self, home: Location, settlement: places.Settlement, team_id: str) -> None:
        """Make one person living at ``home`` in ``settlement``, with everything about them."""
        rng = self.rng
        age, profile, care_model = _draw_kind(rng)
        gender = person_gender(rng, age)
        given, family = person_name(rng, gender, age)
        address, postcode = places.fictional_address(rng, settlement)
        person_id = self.next_id()
        preferred = PREFERRED_NAMES.get(given, "") if rng.random() < 0.5 else ""
        circle = (
            circle_of_support(rng, person_id, family, self.next_id)
            if rng.random() < CIRCLE_SHARE
            else []
        )
        person = Person(
            given_name=given,
            family_name=family,
            date_of_birth=self._birthday(age),
            address=address,
            postcode=postcode,
            location=home,
            care_model=care_model,
            team_id=team_id,
            preferred_name=preferred,
            gender=gender.value,
            languages=languages_for(given, english_first=rng.random() < 0.7),
            nhs_number=self._nhs_number(),
            about_me=about_me(
                rng,
                name=preferred or given,
                age=age,
                place=settlement.name,
                profile=profile,
                circle=circle,
            ),
            continuity_target=rng.randint(2, 4),
            id=person_id,
        )
        self._record(person, profile, circle)

    def _record(self, person: Person, profile: Profile, circle: list[CircleMember]) -> None:
        self.people.append(person)
        self.circle.extend(circle)
        self.strengths.extend(strengths(self.rng, person.id, bool(circle), self.next_id))
        self._add_needs(person, profile)
        if person.care_model in VISITED_MODELS:
            self._add_visits(person, profile)

    def _birthday(self, age: int) -> date:
        anniversary = date(self.monday.year - age, self.monday.month, min(self.monday.day, 28))
        return anniversary - timedelta(days=self.rng.randint(0, 360))

    def _nhs_number(self) -> str:
        """A unique, valid NHS number in the 999 range, which the NHS never issues to patients."""
        while True:
            body = f"999{self.rng.randint(0, 999_999):06d}"
            total = sum(int(d) * w for d, w in zip(body, range(10, 1, -1), strict=True))
            check = (11 - total % 11) % 11
            number = f"{body}{check}"
            if check != 10 and number not in self.nhs_numbers:
                self.nhs_numbers.add(number)
                return number

    def _add_needs(self, person: Person, profile: Profile) -> None:
        count = self.rng.randint(min(2, len(profile.needs)), len(profile.needs))
        for outcome, description in self.rng.sample(profile.needs, count):
            self.needs.append(Need(person.id, outcome, description, id=self.next_id()))

    def _add_visits(self, person: Person, profile: Profile) -> None:
        rng = self.rng
        count = demo_visits.weighted(rng, demo_visits.VISITS_PER_DAY_SHARES)
        calls = tuple(
            (call, agreed, demo_visits.weighted(rng, demo_visits.DURATION_SHARES))
            for call, agreed in demo_visits.call_times(rng, count)
        )
        pattern = demo_visits.CarePattern(
            person_id=person.id,
            care_model=person.care_model,
            profile=profile,
            extra_skills=frozenset(s for s, share in profile.extra_skills if rng.random() < share),
            hoisted=Skill.PERSONAL_CARE in profile.skills
            and rng.random() < demo_visits.HOISTED_SHARE,
            takes_medication=(
                profile.medication_priority > Priority.NORMAL or rng.random() < MEDICATION_SHARE
            ),
            calls=calls,
            weekdays=demo_visits.care_days(rng, count),
        )
        self.visits.extend(demo_visits.week_of_visits(pattern, self.monday, self.next_id))
