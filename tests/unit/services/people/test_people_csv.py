"""Reading the people CSV: every good cell understood, every bad cell named by row and column."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

import pytest

from careweave.domain.people.person import AboutMeSection, CareModel
from careweave.domain.values import Location
from careweave.domain.workforce.workers import Patch, Team
from careweave.services.people.people_csv_format import COLUMNS, PeopleCsvError, escape, read_people

TODAY = date(2026, 3, 2)
TEAM = Team(name="Pemberton", patch=Patch(Location(53.536, -2.67), radius_km=2.0), id="t" * 32)
GOOD = {
    "given_name": "Margaret",
    "family_name": "Hilton",
    "preferred_name": "Peggy",
    "date_of_birth": "1938-04-02",
    "gender": "female",
    "nhs_number": "999 000 0018",
    "address": "12 Church Street, Pemberton",
    "postcode": "wn58ab",
    "lat": "53.5361",
    "lon": "-2.6702",
    "team": "pemberton",
    "care_model": "outcome_based",
    "languages": "en;pl",
    "continuity_target": "2",
    "about_me_what_matters_to_me": "My garden,\nand my sweet peas.",
}


def _csv(*rows: dict[str, str], columns: tuple[str, ...] = COLUMNS) -> list[str]:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().splitlines(keepends=True)


def _problems(lines: Iterable[str]) -> list[str]:
    with pytest.raises(PeopleCsvError) as caught:
        read_people(lines, [TEAM], TODAY)
    return [str(p) for p in caught.value.problems]


def test_a_good_row_becomes_a_person() -> None:
    [row] = read_people(_csv(GOOD), [TEAM], TODAY)
    person = row.person
    assert row.row == 2
    assert (person.given_name, person.preferred_name, person.postcode) == (
        "Margaret",
        "Peggy",
        "WN5 8AB",
    )
    assert person.date_of_birth == date(1938, 4, 2)
    assert person.nhs_number == "9990000018"
    assert person.location == Location(53.5361, -2.6702)
    assert person.team_id == TEAM.id
    assert person.care_model is CareModel.OUTCOME_BASED
    assert person.languages == ("en", "pl")
    assert person.continuity_target == 2
    text = person.about_me.text(AboutMeSection.WHAT_MATTERS_TO_ME)
    assert text == "My garden,\nand my sweet peas."


def test_only_the_required_columns_are_needed() -> None:
    required = ("given_name", "family_name", "date_of_birth", "address", "postcode", "lat", "lon")
    [row] = read_people(_csv({k: GOOD[k] for k in required}, columns=required), [TEAM], TODAY)
    assert row.person.team_id is None
    assert row.person.care_model is CareModel.TIME_AND_TASK
    assert row.person.languages == ("en",)
    assert row.person.continuity_target == 3


def test_a_team_may_be_named_by_its_id() -> None:
    [row] = read_people(_csv({**GOOD, "team": TEAM.id}), [TEAM], TODAY)
    assert row.person.team_id == TEAM.id


@pytest.mark.parametrize(
    ("column", "value", "says"),
    [
        ("given_name", "", "must not be empty"),
        ("family_name", "x" * 81, "at most 80 characters"),
        ("preferred_name", "y" * 81, "at most 80 characters"),
        ("date_of_birth", "02/04/1938", "YYYY-MM-DD"),
        ("date_of_birth", "1938-02-30", "not a real date"),
        ("date_of_birth", "2999-01-01", "must not be in the future"),
        ("date_of_birth", "1850-01-01", "1900 or later"),
        ("date_of_birth", "", "must not be empty"),
        ("gender", "g" * 41, "at most 40 characters"),
        ("nhs_number", "1234567890", "not a valid NHS number"),
        ("address", "", "must not be empty"),
        ("postcode", "WIGAN", "not a UK postcode"),
        ("lat", "north", "not a number"),
        ("lat", "-2.67", "outside the UK"),
        ("lon", "53.5", "outside the UK"),
        ("lon", "nan", "not a number"),
        ("team", "Nowhere", "no team is called 'Nowhere'"),
        ("care_model", "sometimes", "is not one of"),
        ("languages", "English", "not a language code"),
        ("continuity_target", "three", "not a whole number"),
        ("continuity_target", "25", "between 1 and 20"),
        ("about_me_my_wellness", "w" * 4001, "at most 4000 characters"),
    ],
)
def test_every_bad_cell_is_named_by_row_and_column(column: str, value: str, says: str) -> None:
    problems = _problems(_csv(GOOD, {**GOOD, "nhs_number": "", column: value}))
    assert len(problems) == 1
    assert problems[0].startswith(f"row 3, column {column}: ")
    assert says in problems[0]


def test_every_problem_in_a_row_is_reported_not_just_the_first() -> None:
    bad = {**GOOD, "given_name": "", "postcode": "nope", "lat": "x", "nhs_number": "1"}
    problems = _problems(_csv(bad, bad))
    columns = {p.split(":")[0] for p in problems}
    assert columns == {
        f"row {r}, column {c}"
        for r in (2, 3)
        for c in ("given_name", "postcode", "lat", "nhs_number")
    }


def test_the_header_must_name_known_columns_once_and_the_required_ones() -> None:
    lines = [
        "given_name,family_name,family_name,favourite_colour,date_of_birth,address,postcode,lat\n"
    ]
    problems = _problems(lines)
    assert "row 1, column family_name: appears more than once" in problems
    assert any(p.startswith("row 1, column favourite_colour: unknown column") for p in problems)
    assert "row 1, column lon: this required column is missing" in problems


def test_a_row_with_the_wrong_number_of_cells_is_named() -> None:
    lines = [*_csv(GOOD), "Joan,Smith\n"]
    assert _problems(lines) == ["row 3: has 2 cells but row 1 names 21 columns"]


def test_an_empty_file_and_a_file_without_people_are_refused() -> None:
    assert _problems([]) == ["row 1: the file is empty; row 1 must name the columns"]
    assert _problems(_csv()) == ["row 2: the file has a header but no people"]


def test_blank_lines_are_skipped_but_still_counted() -> None:
    lines = [*_csv(GOOD), "\n", *_csv({**GOOD, "given_name": ""})[1:]]
    assert _problems(lines) == ["row 4, column given_name: must not be empty"]


def test_text_that_is_not_utf8_is_refused() -> None:
    raw = io.BytesIO("given_name\nJos\u00e9\n".encode("latin-1"))
    problems = _problems(io.TextIOWrapper(raw, encoding="utf-8"))
    assert problems == ["the file is not UTF-8 text; save it as 'CSV UTF-8' and try again"]


def test_spreadsheet_formulas_are_neutralised_and_read_back_unchanged() -> None:
    formula = '=HYPERLINK("http://example.org")'
    assert escape("about_me_my_wellness", formula) == "'" + formula
    assert escape("lon", "-2.6") == "-2.6"
    row = {**GOOD, "about_me_my_wellness": escape("about_me_my_wellness", formula)}
    [parsed] = read_people(_csv(row), [TEAM], TODAY)
    assert parsed.person.about_me.text(AboutMeSection.MY_WELLNESS) == formula


def test_a_byte_order_mark_before_the_header_is_ignored() -> None:
    lines = _csv(GOOD)
    lines[0] = "\ufeff" + lines[0]
    [row] = read_people(lines, [TEAM], TODAY)
    assert row.person.given_name == "Margaret"
