"""A demo Shared Lives scheme: about 40 carer households around the borough, 25 people waiting,
and a few arrangements running. The scheme is the first demo team, so its coordinator and workers
(the demo logins) run it. The same drawing of households and referrals serves the benchmarks."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from careweave.demo.data import Neighbourhood
from careweave.demo.names import FAMILY_NAMES
from careweave.demo.places import KM_PER_DEGREE_LAT, SETTLEMENTS
from careweave.domain.family_support.arrangements import Agreement, Arrangement
from careweave.domain.family_support.calendar import Unavailability
from careweave.domain.family_support.households import (
    Approval,
    CarerHousehold,
    DbsCheck,
    HouseholdMember,
    HouseholdStatus,
    MemberRole,
    Reference,
    Training,
)
from careweave.domain.family_support.occupancy import Occupancy
from careweave.domain.family_support.offer import Offer, Room
from careweave.domain.family_support.referrals import Limits, Place, PlaceKind, Referral, Wishes
from careweave.domain.family_support.rules import fits, rooms_that_fit
from careweave.domain.family_support.vocab import (
    MANDATORY_SKILLS,
    AccessFeature,
    ArrangementType,
    Lifestyle,
    PetKind,
    PetWish,
    Routine,
    Skill,
    SmokingRule,
    SupportGroup,
)
from careweave.domain.values import Location
from careweave.services.family_support.unit_of_work import FamilySupportUnitOfWork

INTERESTS = (
    "gardening",
    "music",
    "football",
    "cooking",
    "walking",
    "art",
    "church",
    "films",
    "animals",
    "swimming",
    "crafts",
    "computers",
)
LANGUAGES = ("english", "english", "english", "english", "polish", "urdu", "bsl")
FAITHS = ("", "", "", "christian", "muslim")
EXTRA_SKILLS = (
    Skill.PERSONAL_CARE,
    Skill.EPILEPSY,
    Skill.MEDICATION,
    Skill.DIABETES,
    Skill.POSITIVE_BEHAVIOUR_SUPPORT,
    Skill.MOVING_AND_HANDLING,
)
ACCESS = (
    AccessFeature.GROUND_FLOOR_BEDROOM,
    AccessFeature.LEVEL_ACCESS_SHOWER,
    AccessFeature.WHEELCHAIR_ACCESSIBLE,
)
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # Royal Mail's inward codes avoid C I K M O V
NIGHTLY_RATE_PENCE = 6500


def _somewhere(rng: random.Random) -> tuple[Location, str]:
    town = rng.choice(SETTLEMENTS)
    km = town.spread_km
    lat = town.centre.lat + rng.uniform(-km, km) / KM_PER_DEGREE_LAT
    lon = town.centre.lon + rng.uniform(-km, km) / (KM_PER_DEGREE_LAT * 0.6)
    inward = f"{rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    return Location(lat, lon), f"{town.postcode_district} {inward}"


def _some(rng: random.Random, pool: tuple[str, ...], low: int, high: int) -> frozenset[str]:
    return frozenset(rng.sample(pool, rng.randint(low, high)))


def _offer(rng: random.Random) -> Offer:
    rooms = [Room("Room 1", frozenset(rng.sample(ACCESS, rng.choice((0, 0, 1, 2)))))]
    rooms += [Room(f"Room {i + 2}") for i in range(rng.choice((0, 0, 1, 2)))]
    day = rng.random() < 0.2
    kinds = {ArrangementType.LONG_TERM, ArrangementType.SHORT_BREAKS} | (
        {ArrangementType.DAY_SUPPORT} if day else set()
    )
    return Offer(
        arrangement_types=frozenset(kinds),
        places=rng.randint(1, len(rooms)),
        day_places=1 if day else 0,
        rooms=tuple(rooms),
        home_features=frozenset({AccessFeature.STEP_FREE_ENTRANCE})
        if rng.random() < 0.4
        else frozenset(),
        pets=frozenset(rng.sample(tuple(PetKind), rng.choice((0, 0, 1)))),
        smoking=rng.choice((SmokingRule.SMOKE_FREE,) * 4 + (SmokingRule.OUTDOORS_ONLY,)),
        faith=rng.choice(FAITHS),
        languages=frozenset({"english"}) | _some(rng, LANGUAGES, 0, 1),
        interests=_some(rng, INTERESTS, 2, 5),
        routines=frozenset(rng.sample(tuple(Routine), rng.randint(1, 3))),
        lifestyle=rng.choice(tuple(Lifestyle)),
    )


def random_household(rng: random.Random, ident: str, scheme: str, day: date) -> CarerHousehold:
    """An approved household somewhere in the borough (about one in twenty has a lapsed check)."""
    family = rng.choice(FAMILY_NAMES)
    location, postcode = _somewhere(rng)
    offer = _offer(rng)
    skills = set(MANDATORY_SKILLS) | set(rng.sample(EXTRA_SKILLS, rng.randint(0, 4)))
    dbs_age = 1200 if rng.random() < 0.05 else rng.randint(30, 700)
    return CarerHousehold(
        name=f"The {family} household",
        scheme_team_id=scheme,
        address=f"{rng.randint(1, 180)} {rng.choice(('Church', 'Mill', 'Park', 'Station'))} Road",
        postcode=postcode,
        location=location,
        members=(
            HouseholdMember(
                f"Carer {family}", MemberRole.CARER, DbsCheck(day - timedelta(days=dbs_age))
            ),
        ),
        offer=offer,
        references=(
            Reference("Referee 1", day - timedelta(days=300)),
            Reference("Referee 2", day - timedelta(days=300)),
        ),
        training=tuple(
            Training(s, day - timedelta(days=400), day + timedelta(days=rng.randint(20, 700)))
            for s in skills
        ),
        approval=Approval(
            day - timedelta(days=400),
            day + timedelta(days=rng.randint(10, 360)),
            offer.places,
            frozenset(rng.sample(tuple(SupportGroup), rng.randint(1, 3))),
        ),
        status=HouseholdStatus.APPROVED,
        unavailable=_away(rng, day),
        id=ident,
    )


def _away(rng: random.Random, day: date) -> tuple[Unavailability, ...]:
    # About one household in five is away for a week in the next two months.
    if rng.random() >= 0.2:
        return ()
    first = day + timedelta(days=rng.randint(3, 50))
    return (Unavailability(first, first + timedelta(days=6), "holiday"),)


def random_referral(
    rng: random.Random, ident: str, person_id: str, scheme: str, day: date
) -> Referral:
    """Someone waiting for a long-term or day-support arrangement."""
    near, _ = _somewhere(rng)
    return Referral(
        person_id=person_id,
        scheme_team_id=scheme,
        arrangement_type=ArrangementType.LONG_TERM
        if rng.random() < 0.85
        else ArrangementType.DAY_SUPPORT,
        support_group=rng.choice(tuple(SupportGroup)),
        received_on=day - timedelta(days=rng.randint(0, 300)),
        wanted_from=day,
        access_needs=frozenset(rng.sample(ACCESS, 1)) if rng.random() < 0.1 else frozenset(),
        skills_needed=frozenset(rng.sample(EXTRA_SKILLS, rng.choice((0, 0, 1, 1, 2)))),
        wishes=Wishes(
            lifestyle=rng.choice(tuple(Lifestyle)),
            pets=rng.choice(
                (PetWish.LOVES_PETS, PetWish.NO_PREFERENCE, PetWish.NO_PREFERENCE, PetWish.NO_PETS)
            ),
            faith=rng.choice(FAITHS),
            interests=_some(rng, INTERESTS, 1, 4),
            routines=frozenset(rng.sample(tuple(Routine), rng.randint(0, 2))),
            smokes=rng.random() < 0.1,
            near=(Place("Family", PlaceKind.FAMILY, near),),
        ),
        limits=Limits(max_distance_km=25.0 if rng.random() < 0.3 else None),
        id=ident,
    )


@dataclass(frozen=True, slots=True)
class DemoScheme:
    """The demo scheme's records."""

    households: tuple[CarerHousehold, ...]
    referrals: tuple[Referral, ...]
    arrangements: tuple[Arrangement, ...]

    def counts(self) -> dict[str, int]:
        """How many of each record there are, for reports."""
        return {
            "carer households": len(self.households),
            "people waiting": sum(r.waiting for r in self.referrals),
            "arrangements": len(self.arrangements),
        }


def generate_scheme(
    neighbourhood: Neighbourhood,
    *,
    seed: int = 1,
    households: int = 40,
    waiting: int = 25,
    running: int = 6,
) -> DemoScheme:
    """The demo scheme of ``neighbourhood``'s first team, drawing its people from the neighbourhood."""
    rng = random.Random(seed)
    scheme, day = neighbourhood.teams[0].id, neighbourhood.week_start
    homes = [
        random_household(rng, f"demo-household-{i:02d}", scheme, day) for i in range(households)
    ]
    people = [p.id for p in neighbourhood.people][: waiting + running]
    # Those already placed were referred before their arrangement started, 40 to 340 days ago.
    starts = [day - timedelta(days=40 + 60 * i) for i in range(running)]
    referred_on = [day] * waiting + starts
    referrals = [
        random_referral(rng, f"demo-referral-{i:02d}", pid, scheme, when)
        for i, (pid, when) in enumerate(zip(people, referred_on, strict=False))
    ]
    started: list[Arrangement] = []
    for index, referral in enumerate(referrals[waiting:]):
        arrangement = _running(referral, homes, started, starts[index])
        if arrangement is not None:
            started.append(arrangement)
            referrals[waiting + index] = referral.matched(
                arrangement.proposed_on + timedelta(days=5)
            )
    return DemoScheme(tuple(homes), tuple(referrals), tuple(started))


def _running(
    referral: Referral, homes: Sequence[CarerHousehold], started: Sequence[Arrangement], since: date
) -> Arrangement | None:
    for home in homes:
        occupancy = Occupancy(home, tuple(a for a in started if a.household_id == home.id))
        long_term = referral.arrangement_type is ArrangementType.LONG_TERM
        if not long_term or not fits(referral, occupancy, since):
            continue
        room = rooms_that_fit(referral, occupancy, since)[0].name
        proposed = max(since - timedelta(days=14), referral.received_on)
        arrangement = Arrangement(
            referral_id=referral.id,
            person_id=referral.person_id,
            household_id=home.id,
            scheme_team_id=home.scheme_team_id,
            arrangement_type=referral.arrangement_type,
            proposed_on=proposed,
            starts_on=since,
            rate_pence=NIGHTLY_RATE_PENCE,
            room=room,
        )
        return arrangement.agree(
            Agreement("The household agreement of the demo.", proposed + timedelta(days=5))
        ).activate(since)
    return None


def store_scheme(uow: FamilySupportUnitOfWork, scheme: DemoScheme) -> None:
    """Write the demo scheme in ``uow``'s transaction (the caller commits)."""
    for household in scheme.households:
        uow.households.add(household)
    for referral in scheme.referrals:
        uow.referrals.add(referral)
    for arrangement in scheme.arrangements:
        uow.arrangements.add(arrangement)
