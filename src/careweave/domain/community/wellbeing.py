"""Wellbeing measures of social prescribing, scored as their publishers say.

**ONS4** (Office for National Statistics personal wellbeing): four questions answered 0–10 —
life satisfaction, things in life being worthwhile, happiness yesterday, anxiety yesterday. Each is
reported on its own, never summed; for anxiety a lower score is better. The ONS bands: 0–4 low,
5–6 medium, 7–8 high, 9–10 very high (anxiety: 0–1 very low, 2–3 low, 4–5 medium, 6–10 high).

**SWEMWBS** (Short Warwick–Edinburgh Mental Wellbeing Scale): seven statements answered 1–5; the
raw total 7–35 is converted to the metric score with the published conversion table
(:data:`SWEMWBS_METRIC`; Stewart-Brown S, Tennant A, Tennant R, Platt S, Parkinson J, Weich S,
"Internal construct validity of the Warwick-Edinburgh Mental Well-being Scale (WEMWBS): a Rasch
analysis using data from the Scottish Health Education Population Survey", Health and Quality of
Life Outcomes 2009;7:15, as tabled by Warwick Medical School). The scale's guidance gives a change
of 1 to 3 points as the threshold of a meaningful change.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from careweave.domain.errors import DomainValidationError

# Raw score 7..35 -> metric score, in order (seven to a line: raw 7-13, 14-20, 21-27, 28-34, 35).
SWEMWBS_METRIC: tuple[float, ...] = tuple(
    float(metric)
    for metric in [
        "7.00",
        "9.51",
        "11.25",
        "12.40",
        "13.33",
        "14.08",
        "14.75",
        "15.32",
        "15.84",
        "16.36",
        "16.88",
        "17.43",
        "17.98",
        "18.59",
        "19.25",
        "19.98",
        "20.73",
        "21.54",
        "22.35",
        "23.21",
        "24.11",
        "25.03",
        "26.02",
        "27.03",
        "28.13",
        "29.31",
        "30.70",
        "32.55",
        "35.00",
    ]
)
SWEMWBS_ITEMS = 7
SWEMWBS_MIN_RAW, SWEMWBS_MAX_RAW = 7, 35
# The published range of a meaningful change: below the lower bound no change worth reporting,
# from the upper bound a meaningful one, in between a change that may be meaningful.
MEANINGFUL_CHANGE_LOW, MEANINGFUL_CHANGE_HIGH = 1.0, 3.0


class Ons4Question(StrEnum):
    """The four ONS personal wellbeing questions."""

    SATISFIED = "satisfied"
    WORTHWHILE = "worthwhile"
    HAPPY = "happy"
    ANXIOUS = "anxious"


ONS4_WORDING = {
    Ons4Question.SATISFIED: "Overall, how satisfied are you with your life nowadays?",
    Ons4Question.WORTHWHILE: "Overall, to what extent do you feel that the things you do in your "
    "life are worthwhile?",
    Ons4Question.HAPPY: "Overall, how happy did you feel yesterday?",
    Ons4Question.ANXIOUS: "On a scale where 0 is not at all anxious and 10 is completely anxious, "
    "overall, how anxious did you feel yesterday?",
}


@dataclass(frozen=True, slots=True)
class Ons4:
    """Answers to the four ONS questions, each 0–10."""

    satisfied: int
    worthwhile: int
    happy: int
    anxious: int

    def __post_init__(self) -> None:
        for question in Ons4Question:
            value = getattr(self, question.value)
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
                raise DomainValidationError(
                    f"ons4.{question.value}", "must be a whole number from 0 to 10"
                )

    def score(self, question: Ons4Question) -> int:
        """The answer to ``question``."""
        return int(getattr(self, question.value))

    def band(self, question: Ons4Question) -> str:
        """The ONS band of the answer to ``question``."""
        value = self.score(question)
        if question is Ons4Question.ANXIOUS:
            return (
                "very low"
                if value <= 1
                else "low"
                if value <= 3
                else "medium"
                if value <= 5
                else "high"
            )
        return (
            "low"
            if value <= 4
            else "medium"
            if value <= 6
            else "high"
            if value <= 8
            else "very high"
        )


@dataclass(frozen=True, slots=True)
class Swemwbs:
    """Answers to the seven SWEMWBS statements, each 1 (none of the time) to 5 (all of the time)."""

    answers: tuple[int, ...]

    def __post_init__(self) -> None:
        answers = tuple(self.answers)
        if len(answers) != SWEMWBS_ITEMS:
            raise DomainValidationError("swemwbs.answers", f"give all {SWEMWBS_ITEMS} answers")
        for n, value in enumerate(answers, start=1):
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                raise DomainValidationError(
                    f"swemwbs.answer_{n}", "must be a whole number from 1 to 5"
                )
        object.__setattr__(self, "answers", answers)

    @property
    def raw(self) -> int:
        """The raw total, 7–35."""
        return sum(self.answers)

    @property
    def metric(self) -> float:
        """The metric score from the published conversion table."""
        return metric_of_raw(self.raw)


def metric_of_raw(raw: int) -> float:
    """The SWEMWBS metric score of a raw total."""
    if not SWEMWBS_MIN_RAW <= raw <= SWEMWBS_MAX_RAW:
        raise DomainValidationError("swemwbs.raw", "must be from 7 to 35")
    return SWEMWBS_METRIC[raw - SWEMWBS_MIN_RAW]


class ChangeVerdict(StrEnum):
    """What a change of SWEMWBS metric score means against the published threshold."""

    BETTER = "meaningfully better"
    MAYBE_BETTER = "perhaps better"
    NO_CHANGE = "no meaningful change"
    MAYBE_WORSE = "perhaps worse"
    WORSE = "meaningfully worse"


def swemwbs_verdict(before: Swemwbs, after: Swemwbs) -> ChangeVerdict:
    """What the change from ``before`` to ``after`` means."""
    change = after.metric - before.metric
    size = abs(change)
    if size < MEANINGFUL_CHANGE_LOW:
        return ChangeVerdict.NO_CHANGE
    if size < MEANINGFUL_CHANGE_HIGH:
        return ChangeVerdict.MAYBE_BETTER if change > 0 else ChangeVerdict.MAYBE_WORSE
    return ChangeVerdict.BETTER if change > 0 else ChangeVerdict.WORSE


# Two-sided 95 % critical values of Student's t for 1..30 degrees of freedom; beyond, the normal.
_T975: tuple[float, ...] = tuple(
    float(t)
    for t in [
        "12.706",
        "4.303",
        "3.182",
        "2.776",
        "2.571",
        "2.447",
        "2.365",
        "2.306",
        "2.262",
        "2.228",
        "2.201",
        "2.179",
        "2.160",
        "2.145",
        "2.131",
        "2.120",
        "2.110",
        "2.101",
        "2.093",
        "2.086",
        "2.080",
        "2.074",
        "2.069",
        "2.064",
        "2.060",
        "2.056",
        "2.052",
        "2.048",
        "2.045",
        "2.042",
    ]
)


@dataclass(frozen=True, slots=True)
class MeanChange:
    """The mean of paired changes with its 95 % confidence interval (``None`` bounds for one)."""

    n: int
    mean: float
    low: float | None
    high: float | None


def mean_change(changes: Sequence[float]) -> MeanChange | None:
    """The mean change over people with its 95 % interval from Student's t (``None``: nobody)."""
    if not changes:
        return None
    mean = statistics.fmean(changes)
    if len(changes) < 2:
        return MeanChange(1, mean, None, None)
    df = len(changes) - 1
    critical = _T975[df - 1] if df <= len(_T975) else 1.96
    half = critical * statistics.stdev(changes) / math.sqrt(len(changes))
    return MeanChange(len(changes), mean, mean - half, mean + half)
