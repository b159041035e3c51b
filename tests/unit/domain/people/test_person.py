from __future__ import annotations

from datetime import date

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import (
    AboutMe,
    AboutMeSection,
    CareModel,
    CircleMember,
    CircleRole,
    EligibilityOutcome,
    Need,
    Person,
    Strength,
    StrengthKind,
    is_valid_nhs_number,
)
from careweave.domain.values import Location

WIGAN = Location(53.5450, -2.6325)


def make_person(**overrides: object) -> Person:
    fields: dict[str, object] = {
        "given_name": "Margaret",
        "family_name": "Holt",
        "date_of_birth": date(1941, 3, 14),
        "address": "12 Mesnes Road, Wigan",
        "postcode": "wn1 2dd",
        "location": WIGAN,
    }
    fields.update(overrides)
    return Person(**fields)  # type: ignore[arg-type]


def test_person_normalises_postcode_and_names() -> None:
    person = make_person(given_name="  Margaret ", preferred_name="Peggy")
    assert person.postcode == "WN1 2DD"
    assert person.given_name == "Margaret"
    assert person.display_name == "Peggy Holt"
    assert person.care_model is CareModel.TIME_AND_TASK
    assert len(person.id) == 32


def test_person_age_counts_birthdays() -> None:
    person = make_person(date_of_birth=date(1941, 3, 14))
    assert person.age_on(date(2026, 3, 13)) == 84
    assert person.age_on(date(2026, 3, 14)) == 85


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"given_name": "   "}, "person.given_name"),
        ({"family_name": "x" * 81}, "person.family_name"),
        ({"postcode": "not a postcode"}, "person.postcode"),
        ({"date_of_birth": date(1850, 1, 1)}, "person.date_of_birth"),
        ({"care_model": "magic"}, "person.care_model"),
        ({"nhs_number": "1234567890"}, "person.nhs_number"),
        ({"continuity_target": 0}, "person.continuity_target"),
        ({"languages": ()}, "person.languages"),
        ({"address": ""}, "person.address"),
    ],
)
def test_person_rejects_bad_values_naming_the_field(
    overrides: dict[str, object], field: str
) -> None:
    with pytest.raises(DomainValidationError) as caught:
        make_person(**overrides)
    assert caught.value.field == field
    assert field in str(caught.value)


def test_a_person_born_after_today_is_refused_naming_the_field() -> None:
    # The domain takes today as an argument (the one clock is the services'); the record itself
    # stays valid as the days pass.
    person = make_person(date_of_birth=date(2026, 3, 3))
    person.check_born_by(date(2026, 3, 3))
    with pytest.raises(DomainValidationError) as caught:
        person.check_born_by(date(2026, 3, 2))
    assert caught.value.field == "person.date_of_birth"
    assert "person.date_of_birth" in str(caught.value)


def test_location_rejects_impossible_coordinates() -> None:
    with pytest.raises(DomainValidationError, match=r"location\.lat"):
        Location(91.0, 0.0)
    with pytest.raises(DomainValidationError, match=r"location\.lon"):
        Location(0.0, float("nan"))


def test_location_distance_is_haversine() -> None:
    # Wigan town centre to Manchester Piccadilly: about 25 km as the crow flies.
    manchester = Location(53.4774, -2.2309)
    assert 26.0 < WIGAN.distance_km(manchester) < 28.0
    assert WIGAN.distance_km(WIGAN) == 0.0


def test_nhs_number_check_digit() -> None:
    assert is_valid_nhs_number("9434765919")
    assert not is_valid_nhs_number("9434765918")
    assert not is_valid_nhs_number("94347659")
    assert make_person(nhs_number="943 476 5919").nhs_number == "9434765919"


def test_about_me_keeps_sections_and_rejects_unknown_ones() -> None:
    about = AboutMe({AboutMeSection.WHAT_MATTERS_TO_ME: " My garden and my cat, Biscuit. "})
    assert about.text(AboutMeSection.WHAT_MATTERS_TO_ME) == "My garden and my cat, Biscuit."
    assert about.text(AboutMeSection.MY_WELLNESS) == ""
    assert len(AboutMeSection) == 7
    with pytest.raises(DomainValidationError, match=r"about_me\.section"):
        AboutMe({"favourite_colour": "blue"})  # type: ignore[dict-item]
    with pytest.raises(DomainValidationError, match=r"about_me\.communication"):
        AboutMe({AboutMeSection.COMMUNICATION: "x" * 4001})


def test_circle_member_validates_role_and_email() -> None:
    member = CircleMember("p1", "Sue Holt", "unpaid_carer", relationship="daughter")  # type: ignore[arg-type]
    assert member.role is CircleRole.UNPAID_CARER
    with pytest.raises(DomainValidationError, match=r"circle_member\.role"):
        CircleMember("p1", "Sue", "landlord")  # type: ignore[arg-type]
    with pytest.raises(DomainValidationError, match=r"circle_member\.email"):
        CircleMember("p1", "Sue", CircleRole.FAMILY, email="sue.example.org")


def test_strengths_and_needs_validate_their_kind() -> None:
    assert Strength("p1", "community", "Sings in the church choir").kind is StrengthKind.COMMUNITY  # type: ignore[arg-type]
    with pytest.raises(DomainValidationError, match=r"strength\.kind"):
        Strength("p1", "magic", "x")  # type: ignore[arg-type]
    need = Need("p1", "nutrition", "Cannot stand long enough to cook")  # type: ignore[arg-type]
    assert need.outcome is EligibilityOutcome.NUTRITION
    assert len(EligibilityOutcome) == 10
    with pytest.raises(DomainValidationError, match=r"need\.outcome"):
        Need("p1", "flying", "x")  # type: ignore[arg-type]
