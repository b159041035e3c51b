"""The demo neighbourhood's care workers: skills, shifts, contracted hours and how they travel.

Assumptions (see docs/demo.md):

- About 8 in 10 care workers are women (Skills for Care, *The state of the adult social care sector
  and workforce in England*).
- Shifts follow the shape of home care days: early 07:00–14:00, late 16:00–22:00, or split
  07:00–11:00 and 17:00–22:00 (morning and evening peaks). Shift types rotate early, late, split,
  early, split so every team covers the morning and evening peaks.
- Days a week: 5 (70 %), 4 (20 %) or 3 (10 %); days off are consecutive, and each worker's days
  are put where the team's morning or evening cover is thinnest so every day is covered. Contracted hours are exactly the shifts worked.
- Travel mode follows how dense the team's patch is: in a patch with 25 or more people per km²
  three in ten walk and two in ten cycle; from 8 per km², one in ten walks and 15 % cycle; sparser
  patches almost all drive.
- Pay from £12.71 an hour (the National Living Wage from April 2026) to about £14.20; nurses more.
- On every weekday, someone on shift in each team holds every care skill (all but nursing): teams
  train to cover their own people every day of the week.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import time

from careweave.demo import places as places
from careweave.demo.names import languages_for, worker_name
from careweave.domain.workforce.workers import Availability, Gender, Skill, Team, TravelMode, Worker

FEMALE_SHARE = 0.8
# Most workers hold medication, dementia care and moving and handling (the hoist): the Care
# Certificate and providers' mandatory training cover them. Clinical tasks delegated by nurses
# (insulin, PEG, catheter, stoma) are held by fewer. Shares are assumptions.
SKILL_SHARES: dict[Skill, float] = {
    Skill.MEDICATION: 0.9,
    Skill.DEMENTIA_CARE: 0.8,
    Skill.HOIST: 0.8,
    Skill.REABLEMENT: 0.5,
    Skill.END_OF_LIFE: 0.4,
    Skill.CATHETER: 0.35,
    Skill.STOMA: 0.3,
    Skill.INSULIN: 0.25,
    Skill.PEG_FEEDING: 0.15,
    Skill.NURSING: 0.05,
}
SHIFTS: dict[str, tuple[tuple[time, time], ...]] = {
    "early": ((time(7), time(14)),),
    "late": ((time(16), time(22)),),
    "split": ((time(7), time(11)), (time(17), time(22))),
}
SHIFT_ROTATION = ("early", "late", "split", "early", "split")
DAYS_A_WEEK: tuple[tuple[int, float], ...] = ((5, 0.7), (4, 0.2), (3, 0.1))
MINIMUM_WAGE = 12.71
NURSE_WAGE = 18.5
# (people per km², share walking, share cycling); the rest drive.
TRAVEL_BY_DENSITY: tuple[tuple[float, float, float], ...] = (
    (25.0, 0.3, 0.2),
    (8.0, 0.1, 0.15),
    (0.0, 0.0, 0.05),
)


def hire_workers(
    rng: random.Random,
    teams: Sequence[Team],
    caseloads: Sequence[int],
    count: int,
    next_id: Callable[[], str],
) -> list[Worker]:
    """``count`` workers shared out over ``teams`` in turn, living in their team's patch."""
    workers: list[Worker] = []
    for team_index, (team, caseload) in enumerate(zip(teams, caseloads, strict=True)):
        size = count // len(teams) + (1 if team_index < count % len(teams) else 0)
        area = max(places.area_km2(team.patch.polygon), 0.01)
        walk, cycle = _travel_shares(caseload / area)
        cover: dict[str, list[int]] = {peak: [0] * 7 for peak in ("morning", "evening")}
        members = [
            _worker(rng, team, position, (walk, cycle), cover, next_id) for position in range(size)
        ]
        _cover_every_skill(rng, members)
        workers.extend(members)
    return workers


def _travel_shares(density: float) -> tuple[float, float]:
    for threshold, walk, cycle in TRAVEL_BY_DENSITY:
        if density >= threshold:
            return walk, cycle
    return 0.0, 0.05


def _worker(
    rng: random.Random,
    team: Team,
    position: int,
    travel: tuple[float, float],
    cover: dict[str, list[int]],
    next_id: Callable[[], str],
) -> Worker:
    gender = Gender.FEMALE if rng.random() < FEMALE_SHARE else Gender.MALE
    given, family = worker_name(rng, gender)
    skills = {Skill.PERSONAL_CARE} | {
        s for s, share in SKILL_SHARES.items() if rng.random() < share
    }
    draw = rng.random()
    walk, cycle = travel
    mode = (
        TravelMode.WALK
        if draw < walk
        else TravelMode.CYCLE
        if draw < walk + cycle
        else TravelMode.DRIVE
    )
    days = rng.choices([d for d, _ in DAYS_A_WEEK], weights=[w for _, w in DAYS_A_WEEK])[0]
    availability = _availability(SHIFT_ROTATION[position % len(SHIFT_ROTATION)], days, cover)
    wage = NURSE_WAGE if Skill.NURSING in skills else MINIMUM_WAGE
    return Worker(
        given_name=given,
        family_name=family,
        team_id=team.id,
        home=places.random_point_in(rng, team.patch.polygon),
        travel_mode=mode,
        skills=frozenset(skills),
        gender=gender,
        languages=languages_for(given, english_first=True),
        contracted_minutes_per_week=sum(slot.minutes for slot in availability),
        availability=availability,
        cost_per_hour=round(wage + rng.uniform(0, 1.5), 2),
        id=next_id(),
    )


# The peaks each shift covers.
SHIFT_PEAKS: dict[str, tuple[str, ...]] = {
    "early": ("morning",),
    "late": ("evening",),
    "split": ("morning", "evening"),
}


def _availability(shift: str, days: int, cover: dict[str, list[int]]) -> tuple[Availability, ...]:
    """The weekly slots of ``shift`` on ``days`` consecutive days, where the team is thinnest.

    ``cover`` counts, per peak and weekday, the team's workers already on; the block of days that
    adds most where cover is lowest is chosen (earliest first), and ``cover`` is updated.
    """
    peaks = SHIFT_PEAKS[shift]

    def crowding(first: int) -> int:
        return sum(cover[peak][(first + k) % 7] for peak in peaks for k in range(days))

    first_day = min(range(7), key=crowding)
    weekdays = [(first_day + offset) % 7 for offset in range(days)]
    for peak in peaks:
        for weekday in weekdays:
            cover[peak][weekday] += 1
    return tuple(
        Availability(weekday=weekday, start=start, end=end)
        for weekday in weekdays
        for start, end in SHIFTS[shift]
    )


def _cover_every_skill(rng: random.Random, members: list[Worker]) -> None:
    # People need catheter care or insulin every day, so on every weekday someone on shift must
    # hold each skill: a team trains one of that day's workers where nobody does.
    for weekday in range(7):
        on_shift = [m for m in members if any(a.weekday == weekday for a in m.availability)]
        if not on_shift:
            continue
        # Iterate the dict, not a set, so the draws happen in the same order in every process.
        for skill in (s for s in SKILL_SHARES if s is not Skill.NURSING):
            if not any(skill in m.skills for m in on_shift):
                trainee = rng.choice(on_shift)
                trainee.skills = trainee.skills | {skill}
