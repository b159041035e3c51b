"""The person who draws on care and support, what matters to them, and their circle of support."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import (
    Location,
    new_id,
    normalise_postcode,
    require_member,
    require_text,
)


class CareModel(StrEnum):
    """How a person's care is delivered and paid for."""

    TIME_AND_TASK = "time_and_task"
    OUTCOME_BASED = "outcome_based"
    REABLEMENT = "reablement"
    SHARED_LIVES = "shared_lives"
    HOMESHARE = "homeshare"
    NEIGHBOURHOOD_TEAM = "neighbourhood_team"
    DIRECT_PAYMENT = "direct_payment"
    TELECARE_ONLY = "telecare_only"


class AboutMeSection(StrEnum):
    """The sections of the PRSB "About Me" standard, in the order the standard shows them."""

    PERSONAL_DETAILS = "personal_details"
    IMPORTANT_PEOPLE = "important_people"
    WHAT_MATTERS_TO_ME = "what_matters_to_me"
    COMMUNICATION = "communication"
    MY_WELLNESS = "my_wellness"
    HOW_AND_WHEN_TO_SUPPORT_ME = "how_and_when_to_support_me"
    ALSO_WORTH_KNOWING = "also_worth_knowing"


ABOUT_ME_TITLES: dict[AboutMeSection, str] = {
    AboutMeSection.PERSONAL_DETAILS: "About me",
    AboutMeSection.IMPORTANT_PEOPLE: "Important people in my life",
    AboutMeSection.WHAT_MATTERS_TO_ME: "What matters to me",
    AboutMeSection.COMMUNICATION: "How I communicate and how to communicate with me",
    AboutMeSection.MY_WELLNESS: "My wellness",
    AboutMeSection.HOW_AND_WHEN_TO_SUPPORT_ME: "How and when to support me",
    AboutMeSection.ALSO_WORTH_KNOWING: "Also worth knowing about me",
}

ABOUT_ME_MAX_LENGTH = 4000


@dataclass(frozen=True, slots=True)
class AboutMe:
    """The person's own words, one free-text entry per PRSB "About Me" section."""

    sections: dict[AboutMeSection, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        cleaned: dict[AboutMeSection, str] = {}
        for key, text in self.sections.items():
            section = require_member("about_me.section", key, AboutMeSection)
            cleaned[section] = require_text(
                f"about_me.{section.value}", text, max_length=ABOUT_ME_MAX_LENGTH, allow_empty=True
            )
        object.__setattr__(self, "sections", cleaned)

    def text(self, section: AboutMeSection) -> str:
        """The person's words for ``section`` ('' when they have not said anything yet)."""
        return self.sections.get(section, "")


class CircleRole(StrEnum):
    """How someone in the circle of support relates to the person."""

    UNPAID_CARER = "unpaid_carer"
    FAMILY = "family"
    FRIEND = "friend"
    NEIGHBOUR = "neighbour"
    ADVOCATE = "advocate"
    LASTING_POWER_OF_ATTORNEY = "lasting_power_of_attorney"
    COMMUNITY_VOLUNTEER = "community_volunteer"


@dataclass(slots=True)
class CircleMember:
    """Someone who is important to the person: family, friends, unpaid carers, neighbours."""

    person_id: str
    name: str
    role: CircleRole
    relationship: str = ""
    phone: str = ""
    email: str = ""
    is_emergency_contact: bool = False
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.name = require_text("circle_member.name", self.name, max_length=120)
        self.role = require_member("circle_member.role", self.role, CircleRole)
        self.relationship = require_text(
            "circle_member.relationship", self.relationship, max_length=80, allow_empty=True
        )
        self.phone = require_text(
            "circle_member.phone", self.phone, max_length=40, allow_empty=True
        )
        self.email = require_text(
            "circle_member.email", self.email, max_length=200, allow_empty=True
        )
        if self.email and "@" not in self.email:
            raise DomainValidationError(
                "circle_member.email", f"{self.email!r} is not an email address"
            )


class StrengthKind(StrEnum):
    """Where a strength or asset comes from (strengths-based practice)."""

    PERSONAL = "personal"
    FAMILY = "family"
    COMMUNITY = "community"


@dataclass(slots=True)
class Strength:
    """Something the person has, can do or can draw on."""

    person_id: str
    kind: StrengthKind
    description: str
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.kind = require_member("strength.kind", self.kind, StrengthKind)
        self.description = require_text("strength.description", self.description, max_length=500)


class EligibilityOutcome(StrEnum):
    """The ten outcomes of the Care and Support (Eligibility Criteria) Regulations 2015, reg. 2(2)."""

    NUTRITION = "nutrition"
    PERSONAL_HYGIENE = "personal_hygiene"
    TOILET_NEEDS = "toilet_needs"
    APPROPRIATELY_CLOTHED = "appropriately_clothed"
    SAFE_USE_OF_HOME = "safe_use_of_home"
    HABITABLE_HOME = "habitable_home"
    RELATIONSHIPS = "relationships"
    WORK_TRAINING_EDUCATION_VOLUNTEERING = "work_training_education_volunteering"
    COMMUNITY_FACILITIES = "community_facilities"
    CARING_FOR_A_CHILD = "caring_for_a_child"


ELIGIBILITY_OUTCOME_TITLES: dict[EligibilityOutcome, str] = {
    EligibilityOutcome.NUTRITION: "Managing and maintaining nutrition",
    EligibilityOutcome.PERSONAL_HYGIENE: "Maintaining personal hygiene",
    EligibilityOutcome.TOILET_NEEDS: "Managing toilet needs",
    EligibilityOutcome.APPROPRIATELY_CLOTHED: "Being appropriately clothed",
    EligibilityOutcome.SAFE_USE_OF_HOME: "Being able to make use of the home safely",
    EligibilityOutcome.HABITABLE_HOME: "Maintaining a habitable home environment",
    EligibilityOutcome.RELATIONSHIPS: "Developing and maintaining family or other personal relationships",
    EligibilityOutcome.WORK_TRAINING_EDUCATION_VOLUNTEERING: (
        "Accessing and engaging in work, training, education or volunteering"
    ),
    EligibilityOutcome.COMMUNITY_FACILITIES: (
        "Making use of necessary facilities or services in the local community"
    ),
    EligibilityOutcome.CARING_FOR_A_CHILD: "Carrying out caring responsibilities for a child",
}


@dataclass(slots=True)
class Need:
    """A need the person has against one of the ten eligibility outcomes."""

    person_id: str
    outcome: EligibilityOutcome
    description: str
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.outcome = require_member("need.outcome", self.outcome, EligibilityOutcome)
        self.description = require_text("need.description", self.description, max_length=1000)


@dataclass(slots=True)
class Person:
    """Someone who draws on care and support at home."""

    given_name: str
    family_name: str
    date_of_birth: date
    address: str
    postcode: str
    location: Location
    care_model: CareModel = CareModel.TIME_AND_TASK
    team_id: str | None = None
    preferred_name: str = ""
    gender: str = ""
    languages: tuple[str, ...] = ("en",)
    nhs_number: str = ""
    about_me: AboutMe = field(default_factory=AboutMe)
    continuity_target: int = 3
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.given_name = require_text("person.given_name", self.given_name, max_length=80)
        self.family_name = require_text("person.family_name", self.family_name, max_length=80)
        self.preferred_name = require_text(
            "person.preferred_name", self.preferred_name, max_length=80, allow_empty=True
        )
        if not isinstance(self.date_of_birth, date):
            raise DomainValidationError("person.date_of_birth", "must be a date")
        if self.date_of_birth.year < 1900:
            raise DomainValidationError("person.date_of_birth", "must be 1900 or later")
        self.address = require_text("person.address", self.address, max_length=300)
        self.postcode = normalise_postcode("person.postcode", self.postcode)
        self.care_model = require_member("person.care_model", self.care_model, CareModel)
        self.nhs_number = self.nhs_number.replace(" ", "")
        if self.nhs_number and not is_valid_nhs_number(self.nhs_number):
            raise DomainValidationError("person.nhs_number", "is not a valid NHS number")
        if not 1 <= self.continuity_target <= 20:
            raise DomainValidationError("person.continuity_target", "must be between 1 and 20")
        if not self.languages:
            raise DomainValidationError("person.languages", "must name at least one language")

    def check_born_by(self, today: date) -> None:
        """Raise DomainValidationError (``person.date_of_birth``) when the person was born after
        ``today``: a record that is being created or changed must not be born in the future
        (one that is stored stays valid as the days pass, so it is not checked on every read)."""
        if self.date_of_birth > today:
            raise DomainValidationError("person.date_of_birth", "must not be in the future")

    @property
    def display_name(self) -> str:
        """The name the person likes to be called, then their family name."""
        return f"{self.preferred_name or self.given_name} {self.family_name}"

    def age_on(self, day: date) -> int:
        """Age in whole years on ``day``."""
        before_birthday = (day.month, day.day) < (self.date_of_birth.month, self.date_of_birth.day)
        return day.year - self.date_of_birth.year - int(before_birthday)


def is_valid_nhs_number(number: str) -> bool:
    """Check a 10-digit NHS number with its modulus 11 check digit."""
    if len(number) != 10 or not number.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(number[9])
