"""Names for the demo neighbourhood, reflecting a Lancashire town and its care workforce.

Older people (79 % of those who draw on home care are 65 or over) mostly carry the given names that
were common in England in the 1930s–1950s; younger adults carry later ones. Family names are mostly
ones long common around Wigan and Leigh, with Irish, Polish, South Asian and other names as in any
North West town. Care workers' names are more varied than the people's, because a large share of the
care workforce was recruited from abroad since 2022 (Skills for Care, *The state of the adult social
care sector and workforce in England*). The lists are hand-picked for plausibility, not sampled from
official statistics.
"""

from __future__ import annotations

import random

from careweave.domain.workforce.workers import Gender

OLDER_GIVEN: dict[Gender, tuple[str, ...]] = {
    Gender.FEMALE: (
        "Margaret",
        "Joan",
        "Dorothy",
        "Jean",
        "Barbara",
        "Kathleen",
        "Doreen",
        "Eileen",
        "Brenda",
        "Irene",
        "Patricia",
        "Sheila",
        "Mary",
        "Betty",
        "Maureen",
        "Elsie",
        "Edna",
        "Vera",
        "Audrey",
        "Sylvia",
        "Pauline",
        "Marjorie",
        "Winifred",
        "Hilda",
        "Nora",
        "Teresa",
        "Bridget",
        "Shirley",
        "Halina",
        "Krystyna",
        "Gurmeet",
        "Shamim",
        "Hyacinth",
    ),
    Gender.MALE: (
        "John",
        "William",
        "Albert",
        "Kenneth",
        "Harold",
        "Ronald",
        "Brian",
        "Dennis",
        "Roy",
        "Derek",
        "Frank",
        "Alan",
        "Peter",
        "Stanley",
        "Ernest",
        "Norman",
        "Jack",
        "Arthur",
        "Frederick",
        "George",
        "Bernard",
        "Thomas",
        "James",
        "Eric",
        "Walter",
        "Leslie",
        "Michael",
        "Patrick",
        "Tadeusz",
        "Jerzy",
        "Mohammed",
        "Winston",
    ),
}

YOUNGER_GIVEN: dict[Gender, tuple[str, ...]] = {
    Gender.FEMALE: (
        "Sarah",
        "Emma",
        "Chloe",
        "Rebecca",
        "Laura",
        "Gemma",
        "Kelly",
        "Danielle",
        "Amy",
        "Lisa",
        "Joanne",
        "Nicola",
        "Hannah",
        "Aisha",
        "Zofia",
        "Natalia",
    ),
    Gender.MALE: (
        "Daniel",
        "Liam",
        "Ryan",
        "Jamie",
        "Craig",
        "Lee",
        "Mark",
        "Paul",
        "Adam",
        "Callum",
        "Jordan",
        "Kyle",
        "Imran",
        "Tomasz",
        "Kofi",
        "Sean",
    ),
}

WORKER_GIVEN: dict[Gender, tuple[str, ...]] = {
    Gender.FEMALE: (
        "Claire",
        "Michelle",
        "Tracey",
        "Donna",
        "Julie",
        "Karen",
        "Stacey",
        "Leanne",
        "Jade",
        "Sophie",
        "Megan",
        "Katie",
        "Nadia",
        "Agnieszka",
        "Magdalena",
        "Chiamaka",
        "Ngozi",
        "Blessing",
        "Tendai",
        "Rutendo",
        "Maria",
        "Grace",
        "Priya",
        "Anjali",
        "Mercy",
        "Joy",
        "Fatima",
        "Roxana",
    ),
    Gender.MALE: (
        "Steven",
        "Gary",
        "Darren",
        "Anthony",
        "Matthew",
        "Josh",
        "Connor",
        "Piotr",
        "Marek",
        "Chinedu",
        "Emeka",
        "Tatenda",
        "Joseph",
        "Rahul",
        "Arjun",
        "Samuel",
        "Jomar",
        "Bogdan",
    ),
}

FAMILY_NAMES: tuple[str, ...] = (
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Hughes",
    "Baxter",
    "Hilton",
    "Ashurst",
    "Prescott",
    "Latham",
    "Atherton",
    "Holcroft",
    "Fairhurst",
    "Hesketh",
    "Winstanley",
    "Marsden",
    "Pennington",
    "Rigby",
    "Heaton",
    "Parr",
    "Gaskell",
    "Unsworth",
    "Halliwell",
    "Livesey",
    "Worthington",
    "Seddon",
    "Grundy",
    "Aspinall",
    "Ashcroft",
    "Banks",
    "Cunliffe",
    "Roby",
    "Melling",
    "Hodgkinson",
    "Lowe",
    "Gregson",
    "Topping",
    "Farrimond",
    "Liptrot",
    "Pilling",
    "Walsh",
    "Lyon",
    "Berry",
    "Birchall",
    "Calland",
    "Dunn",
    "Evans",
    "Green",
    "Hart",
    "Jackson",
    "Johnson",
    "Kay",
    "Moss",
    "Rimmer",
    "Shaw",
    "Thompson",
    "Whittle",
    "Wilson",
    "Wright",
    "Young",
    "Murphy",
    "O'Brien",
    "Kelly",
    "Byrne",
    "Nowak",
    "Wójcik",
    "Kaczmarek",
    "Mazur",
    "Patel",
    "Khan",
    "Hussain",
    "Ahmed",
    "Singh",
    "Campbell",
    "Okafor",
    "Williams",
    "Moyo",
    "Santos",
)

WORKER_FAMILY_NAMES: tuple[str, ...] = (
    *FAMILY_NAMES,
    "Adeyemi",
    "Okonkwo",
    "Eze",
    "Chikwanha",
    "Mutasa",
    "Dube",
    "Reyes",
    "Dela Cruz",
    "Garcia",
    "Kumar",
    "Sharma",
    "Nair",
    "Varghese",
    "Joseph",
    "Mensah",
    "Asante",
    "Popescu",
    "Nowicka",
)

# Gendered Polish family names the lists would otherwise give to the wrong sex.
_FEMININE = {"Nowicka"}


def person_gender(rng: random.Random, age: int) -> Gender:
    """Women live longer, so they outnumber men among the oldest people drawing on care."""
    female_share = 0.68 if age >= 85 else 0.6 if age >= 65 else 0.5
    return Gender.FEMALE if rng.random() < female_share else Gender.MALE


def person_name(rng: random.Random, gender: Gender, age: int) -> tuple[str, str]:
    """A given and a family name for someone of ``gender`` aged ``age``."""
    pool = OLDER_GIVEN if age >= 60 else YOUNGER_GIVEN
    return rng.choice(pool[gender]), rng.choice(FAMILY_NAMES)


def worker_name(rng: random.Random, gender: Gender) -> tuple[str, str]:
    """A given and a family name for a care worker."""
    given_pool = WORKER_GIVEN[gender if gender in WORKER_GIVEN else Gender.FEMALE]
    family = rng.choice(WORKER_FAMILY_NAMES)
    while family in _FEMININE and gender is not Gender.FEMALE:
        family = rng.choice(WORKER_FAMILY_NAMES)
    return rng.choice(given_pool), family


PREFERRED_NAMES: dict[str, str] = {
    "Margaret": "Peggy",
    "Elizabeth": "Betty",
    "Dorothy": "Dot",
    "Kathleen": "Kath",
    "Patricia": "Pat",
    "Frederick": "Fred",
    "William": "Bill",
    "Albert": "Bert",
    "Thomas": "Tom",
    "Kenneth": "Ken",
    "Ronald": "Ron",
    "Winifred": "Win",
    "Bernard": "Bernie",
    "Stanley": "Stan",
    "Leslie": "Les",
    "Michael": "Mick",
    "Daniel": "Dan",
    "Rebecca": "Becky",
    "Joanne": "Jo",
    "Tadeusz": "Teddy",
    "Krystyna": "Krysia",
}

# Languages (ISO 639-1) beyond English that go with some names; everyone also speaks English.
_SECOND_LANGUAGE: dict[str, str] = {
    **dict.fromkeys(
        (
            "Halina",
            "Krystyna",
            "Tadeusz",
            "Jerzy",
            "Zofia",
            "Natalia",
            "Tomasz",
            "Agnieszka",
            "Magdalena",
            "Piotr",
            "Marek",
        ),
        "pl",
    ),
    **dict.fromkeys(("Mohammed", "Shamim", "Aisha", "Imran", "Fatima", "Nadia"), "ur"),
    **dict.fromkeys(("Gurmeet",), "pa"),
    **dict.fromkeys(("Chiamaka", "Ngozi", "Chinedu", "Emeka"), "ig"),
    **dict.fromkeys(("Tendai", "Rutendo", "Tatenda"), "sn"),
    **dict.fromkeys(("Priya", "Rahul", "Anjali", "Arjun"), "hi"),
    **dict.fromkeys(("Jomar",), "tl"),
    **dict.fromkeys(("Roxana", "Bogdan"), "ro"),
}


def languages_for(given_name: str, english_first: bool) -> tuple[str, ...]:
    """The languages someone with ``given_name`` speaks; their first language first."""
    second = _SECOND_LANGUAGE.get(given_name)
    if second is None:
        return ("en",)
    return ("en", second) if english_first else (second, "en")
