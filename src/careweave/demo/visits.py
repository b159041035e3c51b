"""A week of home-care visits for one demo person, shaped like UK home care.

Figures and the assumptions behind them (see also docs/demo.md):

- Visit lengths: 15 min 14 % (UNISON FOI 2014), 30 min 65 % (Access Group / UKHCA "Hidden Dynamics"
  2019, share of state-funded visits), 45 min 11 % and 60 min 10 % (assumed split of the rest).
  A 15-minute visit is only ever a medication prompt or a check, never personal care (NICE QS123,
  statement 4: visits under 30 minutes only for a specific agreed task).
- Visits a day: 1 (40 %), 2 (35 %), 3 (15 %) or 4 (10 %), at the usual call times: morning (start
  07:30–09:30), lunch (12:00–13:15), tea (16:30–17:45) and bed (19:30–21:00); which calls make up
  a day is in ``CALLS_BY_COUNT``. Assumed mix.
- Start windows: 30 minutes either side of the agreed time for time-and-task and reablement (the
  tolerance councils commonly write into contracts, and the line past which a visit counts as late in
  the council FOI data); an hour either side for outcome-based and neighbourhood-team care, whose
  length may also flex by up to 15 minutes.
- Double-handed: people who are hoisted get two workers on every visit of 30 minutes or more; 15 % of
  people who need personal care are hoisted, which makes about 12 % of all visits double-handed.
- People with one or two calls a day have them every day (45 %), or on 5 (20 %), 3 (20 %) or 2
  (15 %) days of the week (a shower or shopping call, say); three or four calls a day are every day.
  Assumed mix. The calls are the same on each of the person's days; the week starts on a Monday.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta

from careweave.demo.profiles import Profile
from careweave.domain.people.person import CareModel
from careweave.domain.visits.visit import Priority, Visit
from careweave.domain.workforce.workers import Skill

DURATION_SHARES: tuple[tuple[int, float], ...] = ((15, 0.14), (30, 0.65), (45, 0.11), (60, 0.10))
VISITS_PER_DAY_SHARES: tuple[tuple[int, float], ...] = ((1, 0.4), (2, 0.35), (3, 0.15), (4, 0.1))
# Days a week of care for people with one or two calls a day.
DAYS_A_WEEK_SHARES: tuple[tuple[int, float], ...] = ((7, 0.45), (5, 0.2), (3, 0.2), (2, 0.15))
HOISTED_SHARE = 0.15
TIME_AND_TASK_TOLERANCE_MIN = 30
FLEXIBLE_TOLERANCE_MIN = 60
FLEX_MINUTES = 15
DAY_START_MIN = 7 * 60
DAY_END_MIN = 22 * 60

# Call name -> earliest and latest agreed start (minutes after midnight, in 15-minute steps).
CALL_TIMES: dict[str, tuple[int, int]] = {
    "morning": (7 * 60 + 30, 9 * 60 + 30),
    "lunch": (12 * 60, 13 * 60 + 15),
    "tea": (16 * 60 + 30, 17 * 60 + 45),
    "bed": (19 * 60 + 30, 21 * 60),
}
# Which calls make up a day of 1 to 4 visits, with how often each combination is used (assumed).
CALLS_BY_COUNT: dict[int, tuple[tuple[tuple[str, ...], float], ...]] = {
    1: ((("morning",), 0.5), (("lunch",), 0.25), (("tea",), 0.25)),
    2: ((("morning", "bed"), 0.4), (("morning", "tea"), 0.3), (("lunch", "bed"), 0.3)),
    3: ((("morning", "lunch", "bed"), 0.6), (("morning", "tea", "bed"), 0.4)),
    4: ((("morning", "lunch", "tea", "bed"), 1.0),),
}
TASKS: dict[str, tuple[str, ...]] = {
    "morning": ("Support to get up, wash and dress", "Breakfast and a hot drink together"),
    "lunch": ("Make lunch together", "Check fluids and comfort"),
    "tea": ("Prepare tea together", "Tidy the kitchen"),
    "bed": ("Support to get ready for bed", "Drink and night-time checks"),
}
SUPPORT_TASKS = ("Plan the day together", "Support with shopping, cooking or bills")
CHECK_TASKS = ("Medication prompt", "Check all is well and a drink is to hand")
FLEXIBLE_MODELS = frozenset({CareModel.OUTCOME_BASED, CareModel.NEIGHBOURHOOD_TEAM})


@dataclass(frozen=True, slots=True)
class CarePattern:
    """What one person's daily calls look like; the same every day of the demo week."""

    person_id: str
    care_model: CareModel
    profile: Profile
    extra_skills: frozenset[Skill]
    hoisted: bool
    takes_medication: bool
    calls: tuple[tuple[str, int, int], ...]  # (call, agreed start minute, minutes)
    weekdays: tuple[int, ...] = tuple(range(7))


def weighted(rng: random.Random, shares: tuple[tuple[int, float], ...]) -> int:
    """Pick a value from ``(value, share)`` pairs whose shares add up to 1."""
    draw = rng.random()
    for value, share in shares:
        draw -= share
        if draw < 0:
            return value
    return shares[-1][0]


def week_of_visits(
    pattern: CarePattern, week_start: date, next_id: Callable[[], str]
) -> list[Visit]:
    """A week of ``pattern``'s calls on the person's days, all planned and unassigned."""
    return [
        _visit(pattern, week_start + timedelta(days=offset), call, agreed, minutes, next_id())
        for offset in pattern.weekdays
        for call, agreed, minutes in pattern.calls
    ]


def care_days(rng: random.Random, calls_a_day: int) -> tuple[int, ...]:
    """Which weekdays (0 = Monday) someone with ``calls_a_day`` calls has them."""
    days = 7 if calls_a_day >= 3 else weighted(rng, DAYS_A_WEEK_SHARES)
    return tuple(sorted(rng.sample(range(7), days)))


def _visit(
    pattern: CarePattern, day: date, call: str, agreed: int, minutes: int, ident: str
) -> Visit:
    flexible = pattern.care_model in FLEXIBLE_MODELS
    tolerance = FLEXIBLE_TOLERANCE_MIN if flexible else TIME_AND_TASK_TOLERANCE_MIN
    longest = minutes + FLEX_MINUTES if flexible and minutes > 15 else minutes
    start = max(DAY_START_MIN, agreed - tolerance)
    end = min(DAY_END_MIN - longest, agreed + tolerance)
    skills, priority, tasks = _what_the_visit_needs(pattern, call, minutes)
    double = pattern.hoisted and minutes >= 30
    return Visit(
        person_id=pattern.person_id,
        day=day,
        window_start=_clock(start),
        window_end=_clock(end),
        duration_min=minutes,
        duration_max=longest,
        tasks=tasks,
        required_skills=skills | ({Skill.HOIST} if double else set()),
        workers_needed=2 if double else 1,
        priority=priority,
        id=ident,
    )


def _what_the_visit_needs(
    pattern: CarePattern, call: str, minutes: int
) -> tuple[frozenset[Skill], Priority, tuple[str, ...]]:
    profile = pattern.profile
    skills: set[Skill] = set(profile.skills - {Skill.INSULIN, Skill.MEDICATION})
    priority = Priority.NORMAL
    medication_call = pattern.takes_medication and call in ("morning", "bed")
    insulin_call = Skill.INSULIN in profile.skills and call in ("morning", "tea")
    if minutes == 15:
        skills &= {Skill.DEMENTIA_CARE}
        tasks: tuple[str, ...] = CHECK_TASKS
        medication_call = medication_call or pattern.takes_medication
    else:
        tasks = TASKS[call] if Skill.PERSONAL_CARE in skills else SUPPORT_TASKS
        skills |= pattern.extra_skills - ({Skill.STOMA} if call != "morning" else set())
        if Skill.CATHETER in pattern.extra_skills and call not in ("morning", "bed"):
            skills.discard(Skill.CATHETER)
    if medication_call:
        skills.add(Skill.MEDICATION)
        priority = max(priority, profile.medication_priority)
        tasks = (*tasks, "Medication from the blister pack")
    if insulin_call:
        skills.add(Skill.INSULIN)
        priority = Priority.CRITICAL
        tasks = (*tasks, "Insulin and blood sugar check")
    return frozenset(skills), priority, tasks


def _clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def call_times(rng: random.Random, count: int) -> list[tuple[str, int]]:
    """The calls of a day of ``count`` visits with agreed start times in 15-minute steps."""
    options = CALLS_BY_COUNT[count]
    calls = rng.choices([c for c, _ in options], weights=[w for _, w in options])[0]
    return [
        (call, rng.randrange(CALL_TIMES[call][0], CALL_TIMES[call][1] + 1, 15)) for call in calls
    ]
