"""The eligibility determination of the Care and Support (Eligibility Criteria) Regulations 2015.

Regulation 2(1): an adult's needs meet the eligibility criteria if (a) they arise from or are
related to a physical or mental impairment or illness, (b) as a result the adult is unable to
achieve two or more of the ten outcomes in reg. 2(2), and (c) as a consequence there is, or is
likely to be, a significant impact on the adult's well-being (the nine areas of section 1(2) of
the Care Act 2014). Reg. 2(3) says what "unable to achieve" covers: cannot without assistance;
can, but only with significant pain, distress or anxiety; can, but it endangers or is likely to
endanger the health or safety of the adult or others; can, but it takes significantly longer than
would normally be expected.

The determination is computed from the record and shows a reason for each criterion. A
practitioner may reach a different view, but only by recording a professional judgement with the
reason, who made it and when.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import ELIGIBILITY_OUTCOME_TITLES, EligibilityOutcome
from careweave.domain.values import new_id, require_member, require_text

MIN_OUTCOMES_UNABLE = 2


class UnableReason(StrEnum):
    """Why an adult counts as unable to achieve an outcome (reg. 2(3))."""

    CANNOT_WITHOUT_HELP = "cannot_without_help"
    SIGNIFICANT_PAIN_DISTRESS_OR_ANXIETY = "significant_pain_distress_or_anxiety"
    ENDANGERS_HEALTH_OR_SAFETY = "endangers_health_or_safety"
    TAKES_SIGNIFICANTLY_LONGER = "takes_significantly_longer"


UNABLE_REASON_TITLES: dict[UnableReason, str] = {
    UnableReason.CANNOT_WITHOUT_HELP: "Cannot do it without help",
    UnableReason.SIGNIFICANT_PAIN_DISTRESS_OR_ANXIETY: (
        "Can do it, but only with significant pain, distress or anxiety"
    ),
    UnableReason.ENDANGERS_HEALTH_OR_SAFETY: (
        "Can do it, but it puts their own or someone else's health or safety at risk"
    ),
    UnableReason.TAKES_SIGNIFICANTLY_LONGER: "Can do it, but it takes much longer than expected",
}


class WellbeingArea(StrEnum):
    """The nine areas of well-being in section 1(2) of the Care Act 2014."""

    PERSONAL_DIGNITY = "personal_dignity"
    HEALTH_AND_EMOTIONAL_WELLBEING = "health_and_emotional_wellbeing"
    PROTECTION_FROM_ABUSE_AND_NEGLECT = "protection_from_abuse_and_neglect"
    CONTROL_OVER_DAY_TO_DAY_LIFE = "control_over_day_to_day_life"
    WORK_EDUCATION_TRAINING_RECREATION = "work_education_training_recreation"
    SOCIAL_AND_ECONOMIC_WELLBEING = "social_and_economic_wellbeing"
    RELATIONSHIPS = "relationships"
    SUITABLE_ACCOMMODATION = "suitable_accommodation"
    CONTRIBUTION_TO_SOCIETY = "contribution_to_society"


WELLBEING_TITLES: dict[WellbeingArea, str] = {
    WellbeingArea.PERSONAL_DIGNITY: "Personal dignity (including being treated with respect)",
    WellbeingArea.HEALTH_AND_EMOTIONAL_WELLBEING: "Physical and mental health and emotional well-being",
    WellbeingArea.PROTECTION_FROM_ABUSE_AND_NEGLECT: "Protection from abuse and neglect",
    WellbeingArea.CONTROL_OVER_DAY_TO_DAY_LIFE: "Control over day-to-day life",
    WellbeingArea.WORK_EDUCATION_TRAINING_RECREATION: (
        "Participation in work, education, training or recreation"
    ),
    WellbeingArea.SOCIAL_AND_ECONOMIC_WELLBEING: "Social and economic well-being",
    WellbeingArea.RELATIONSHIPS: "Domestic, family and personal relationships",
    WellbeingArea.SUITABLE_ACCOMMODATION: "Suitability of living accommodation",
    WellbeingArea.CONTRIBUTION_TO_SOCIETY: "Contribution to society",
}


class Impact(StrEnum):
    """How much the adult's needs affect one area of their well-being."""

    NONE = "none"
    SOME = "some"
    SIGNIFICANT = "significant"


@dataclass(frozen=True, slots=True)
class OutcomeFinding:
    """What the assessment found for one of the ten outcomes."""

    outcome: EligibilityOutcome
    unable: bool
    reasons: frozenset[UnableReason] = frozenset()
    notes: str = ""

    def __post_init__(self) -> None:
        outcome = require_member("finding.outcome", self.outcome, EligibilityOutcome)
        object.__setattr__(self, "outcome", outcome)
        prefix = f"finding.{outcome.value}"
        reasons = frozenset(
            require_member(f"{prefix}.reasons", r, UnableReason) for r in self.reasons
        )
        object.__setattr__(self, "reasons", reasons)
        if self.unable and not reasons:
            raise DomainValidationError(
                f"{prefix}.reasons", "say why the person is unable to achieve this outcome"
            )
        if not self.unable and reasons:
            raise DomainValidationError(
                f"{prefix}.reasons", "only give reasons when the person is unable to achieve it"
            )
        object.__setattr__(
            self,
            "notes",
            require_text(f"{prefix}.notes", self.notes, max_length=2000, allow_empty=True),
        )


@dataclass(frozen=True, slots=True)
class ProfessionalJudgement:
    """A practitioner's recorded decision that differs from the computed determination."""

    eligible: bool
    reason: str
    made_by: str
    made_on: date

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "reason", require_text("override.reason", self.reason, max_length=4000)
        )
        object.__setattr__(
            self, "made_by", require_text("override.made_by", self.made_by, max_length=120)
        )
        if not isinstance(self.made_on, date):
            raise DomainValidationError("override.made_on", "must be a date")


@dataclass(frozen=True, slots=True)
class Criterion:
    """One of the three criteria of reg. 2(1), whether it is met, and why."""

    key: str
    title: str
    met: bool
    reason: str


@dataclass(frozen=True, slots=True)
class Determination:
    """The outcome of an eligibility assessment with its reasons."""

    criteria: tuple[Criterion, ...]
    computed_eligible: bool
    override: ProfessionalJudgement | None

    @property
    def eligible(self) -> bool:
        """The decision that stands: the professional judgement when one was recorded."""
        return self.override.eligible if self.override is not None else self.computed_eligible

    @property
    def overridden(self) -> bool:
        """Whether a professional judgement replaced the computed result."""
        return self.override is not None


@dataclass(frozen=True, slots=True)
class EligibilityAssessment:
    """An assessment of a person's needs against the eligibility criteria.

    Parameters
    ----------
    person_id, assessed_on, assessed_by
        Whose needs, when and by whom.
    arises_from_impairment_or_illness, impairment_notes
        Criterion (a): whether the needs arise from a physical or mental impairment or illness.
    findings
        One finding per outcome considered (each outcome at most once).
    wellbeing
        The impact on each of the nine well-being areas that was considered.
    override
        A recorded professional judgement that replaces the computed result, if any.
    """

    person_id: str
    assessed_on: date
    assessed_by: str
    arises_from_impairment_or_illness: bool
    findings: tuple[OutcomeFinding, ...]
    wellbeing: Sequence[tuple[WellbeingArea, Impact]] = ()
    impairment_notes: str = ""
    override: ProfessionalJudgement | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if not isinstance(self.assessed_on, date):
            raise DomainValidationError("assessment.assessed_on", "must be a date")
        object.__setattr__(
            self,
            "assessed_by",
            require_text("assessment.assessed_by", self.assessed_by, max_length=120),
        )
        object.__setattr__(
            self,
            "impairment_notes",
            require_text(
                "assessment.impairment_notes",
                self.impairment_notes,
                max_length=4000,
                allow_empty=True,
            ),
        )
        seen = [f.outcome for f in self.findings]
        duplicates = sorted({o.value for o in seen if seen.count(o) > 1})
        if duplicates:
            raise DomainValidationError(
                "assessment.findings", f"each outcome once only; repeated: {', '.join(duplicates)}"
            )
        object.__setattr__(self, "wellbeing", _clean_wellbeing(self.wellbeing))

    def determine(self) -> Determination:
        """Compute the determination from the record, with a reason for each criterion."""
        criteria = (self._criterion_a(), self._criterion_b(), self._criterion_c())
        return Determination(
            criteria=criteria,
            computed_eligible=all(c.met for c in criteria),
            override=self.override,
        )

    def _criterion_a(self) -> Criterion:
        met = self.arises_from_impairment_or_illness
        reason = (
            "The needs arise from or are related to a physical or mental impairment or illness."
            if met
            else "The needs were not found to arise from a physical or mental impairment or illness."
        )
        if self.impairment_notes:
            reason = f"{reason} {self.impairment_notes}"
        return Criterion(
            "impairment_or_illness", "Needs arise from an impairment or illness", met, reason
        )

    def _criterion_b(self) -> Criterion:
        unable = [f for f in self.findings if f.unable]
        met = len(unable) >= MIN_OUTCOMES_UNABLE
        if unable:
            listed = "; ".join(
                f"{ELIGIBILITY_OUTCOME_TITLES[f.outcome]} ("
                + ", ".join(UNABLE_REASON_TITLES[r].lower() for r in sorted(f.reasons))
                + ")"
                for f in unable
            )
            reason = f"Unable to achieve {len(unable)} of the ten outcomes: {listed}."
        else:
            reason = "Able to achieve all the outcomes that were assessed."
        if not met:
            reason += f" At least {MIN_OUTCOMES_UNABLE} are needed."
        return Criterion(
            "two_or_more_outcomes", "Unable to achieve two or more outcomes", met, reason
        )

    def _criterion_c(self) -> Criterion:
        significant = [area for area, impact in self.wellbeing if impact == Impact.SIGNIFICANT]
        met = bool(significant)
        if met:
            areas = "; ".join(WELLBEING_TITLES[a] for a in significant)
            reason = f"Significant impact on well-being: {areas}."
        else:
            reason = "No area of well-being was found to be significantly affected."
        return Criterion(
            "significant_wellbeing_impact", "Significant impact on well-being", met, reason
        )

    def with_override(self, judgement: ProfessionalJudgement) -> EligibilityAssessment:
        """A copy of the assessment with ``judgement`` recorded as the decision that stands."""
        if not isinstance(judgement, ProfessionalJudgement):
            raise DomainValidationError("override", "a professional judgement must be recorded")
        return EligibilityAssessment(
            person_id=self.person_id,
            assessed_on=self.assessed_on,
            assessed_by=self.assessed_by,
            arises_from_impairment_or_illness=self.arises_from_impairment_or_illness,
            findings=self.findings,
            wellbeing=self.wellbeing,
            impairment_notes=self.impairment_notes,
            override=judgement,
            id=self.id,
        )


def _clean_wellbeing(
    pairs: Sequence[tuple[WellbeingArea, Impact]],
) -> tuple[tuple[WellbeingArea, Impact], ...]:
    cleaned: dict[WellbeingArea, Impact] = {}
    for area_value, impact_value in pairs:
        area = require_member("assessment.wellbeing.area", area_value, WellbeingArea)
        if area in cleaned:
            raise DomainValidationError(
                f"assessment.wellbeing.{area.value}", "each well-being area once only"
            )
        cleaned[area] = require_member(f"assessment.wellbeing.{area.value}", impact_value, Impact)
    return tuple((area, cleaned[area]) for area in WellbeingArea if area in cleaned)
