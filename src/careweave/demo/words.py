"""The words of the demo people: About Me in their own voice, strengths and circles of support.

Texts are put together from short first-person phrases so that no two people read alike. Local
colour comes from real places and past employers of the Wigan borough (the Heinz factory at Kitt
Green, the pits, the Leigh mills, Haigh Woodland Park, Pennington Flash, the rugby league clubs); the
people and their stories are fictional. Phone numbers are from Ofcom's range reserved for drama
(07700 900000–900999) and email addresses use example.org, so none can reach a real person.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from careweave.demo.names import FAMILY_NAMES, WORKER_GIVEN
from careweave.demo.profiles import Profile
from careweave.domain.people.person import (
    AboutMe,
    AboutMeSection,
    CircleMember,
    CircleRole,
    Strength,
    StrengthKind,
)
from careweave.domain.workforce.workers import Gender

OLDER_WORK: tuple[str, ...] = (
    "I worked at the Heinz factory at Kitt Green for thirty years",
    "I went down the pit at Bickershaw at fifteen and stayed until it closed",
    "I was a weaver in the mills in Leigh",
    "I was a dinner lady at the junior school",
    "I drove buses around the borough",
    "I nursed at the Royal Albert Edward Infirmary",
    "I had a greengrocer's stall on Wigan market",
    "I was a bricklayer; half the houses on our estate I helped build",
    "I was a hairdresser and had my own little salon",
    "I kept house and brought up five children, which was work enough",
    "I was a postman on the same round for twenty-two years",
    "I worked in the office at the engineering works",
)
YOUNGER_LIFE: tuple[str, ...] = (
    "I live in my own flat with support",
    "I live with my mum, who is getting older",
    "I share a house with a friend",
    "I moved into a bungalow after my accident",
)
OLDER_INTERESTS: tuple[str, ...] = (
    "Rugby league — I've followed Wigan Warriors all my life",
    "The Leigh Leopards; I never miss a match on the radio",
    "My garden, especially my sweet peas",
    "Brass band music",
    "Doing the crossword in the paper every morning",
    "Bingo on a Thursday with my friends",
    "Knitting blankets for the baby unit",
    "My pigeons — I raced them for forty years",
    "Going to church on a Sunday",
    "Walks round Haigh Woodland Park when I'm well enough",
    "Watching the birds at Pennington Flash",
    "Baking for my grandchildren",
    "Coronation Street and a cup of tea",
    "Old films and Elvis records",
)
YOUNGER_INTERESTS: tuple[str, ...] = (
    "Going to the gym and swimming at the leisure centre",
    "Football — I play five-a-side on a Wednesday",
    "Gaming with my friends online",
    "Music and going to gigs in Manchester",
    "My drama group",
    "Volunteering at the food bank",
    "My college course",
    "Cooking new things",
)
ALSO_WORTH_KNOWING: tuple[str, ...] = (
    "There's a key safe by the back door; the family have the number.",
    "My dog Benny barks at the door but he's soft as anything.",
    "I've got a cat called Smudge; please don't let her out.",
    "I'm Catholic and like to go to Mass at St John's when I can.",
    "I don't like the heating up high, whatever people think.",
    "I've got a pendant alarm; I do wear it, mostly.",
    "I like my tea strong with two sugars.",
    "Please take your shoes off in the front room.",
    "I'm vegetarian and have been for forty years.",
)
STRENGTHS: dict[StrengthKind, tuple[str, ...]] = {
    StrengthKind.PERSONAL: (
        "Can make breakfast and hot drinks independently",
        "Manages own money and bills",
        "Determined — wants to stay at home and works hard at it",
        "Good sense of humour; gets on with everyone",
        "Uses a tablet to video-call family",
        "Walks to the end of the road and back each day",
        "Knows own medication well and when it is due",
    ),
    StrengthKind.FAMILY: (
        "Daughter visits every Sunday and does the big shop",
        "Son lives nearby and sorts out repairs",
        "Grandchildren call in after school",
        "Spouse helps with meals and evening routine",
        "Sister phones every day",
    ),
    StrengthKind.COMMUNITY: (
        "Neighbour takes the bins out and keeps an eye out",
        "Goes to the lunch club at the church hall on Tuesdays",
        "Member of the local bowling club",
        "Known at the corner shop; they deliver papers",
        "Age UK Wigan Borough befriender calls weekly",
        "Attends a community allotment group in spring and summer",
        "Friends from chapel give lifts to services",
    ),
}
_RELATIVES: tuple[tuple[CircleRole, str, bool], ...] = (
    (CircleRole.UNPAID_CARER, "daughter", True),
    (CircleRole.UNPAID_CARER, "son", True),
    (CircleRole.UNPAID_CARER, "spouse", True),
    (CircleRole.FAMILY, "niece", False),
    (CircleRole.FAMILY, "grandson", False),
    (CircleRole.FAMILY, "granddaughter", False),
    (CircleRole.FRIEND, "friend from church", False),
    (CircleRole.NEIGHBOUR, "next-door neighbour", False),
    (CircleRole.LASTING_POWER_OF_ATTORNEY, "son (power of attorney)", True),
    (CircleRole.ADVOCATE, "advocate", False),
    (CircleRole.COMMUNITY_VOLUNTEER, "befriender", False),
)


def circle_of_support(
    rng: random.Random, person_id: str, family_name: str, next_id: Callable[[], str]
) -> list[CircleMember]:
    """One to four people important to the person; the first listed is the emergency contact."""
    chosen = rng.sample(_RELATIVES, rng.randint(1, 4))
    members = []
    for index, (role, relationship, shares_surname) in enumerate(chosen):
        given = rng.choice(WORKER_GIVEN[rng.choice((Gender.FEMALE, Gender.MALE))])
        surname = family_name if shares_surname else rng.choice(FAMILY_NAMES)
        handle = f"{given}.{surname}".lower().replace(" ", "").replace("'", "")
        members.append(
            CircleMember(
                person_id=person_id,
                name=f"{given} {surname}",
                role=role,
                relationship=relationship,
                phone=f"07700 900{rng.randint(0, 999):03d}",
                email=f"{handle}@example.org" if rng.random() < 0.6 else "",
                is_emergency_contact=index == 0,
                id=next_id(),
            )
        )
    return members


def strengths(
    rng: random.Random, person_id: str, has_circle: bool, next_id: Callable[[], str]
) -> list[Strength]:
    """Two or three strengths: always a personal one, a family one only when there is family."""
    kinds = [StrengthKind.PERSONAL, StrengthKind.COMMUNITY]
    if has_circle:
        kinds.append(StrengthKind.FAMILY)
    return [Strength(person_id, kind, rng.choice(STRENGTHS[kind]), id=next_id()) for kind in kinds]


def about_me(
    rng: random.Random,
    *,
    name: str,
    age: int,
    place: str,
    profile: Profile,
    circle: Sequence[CircleMember],
) -> AboutMe:
    """The person's About Me, in the first person, one entry per PRSB section."""
    older = age >= 65
    if older:
        intro = f"I'm {name}, I'm {age}, and I've lived in {place} for {rng.randint(20, 70)} years."
        story = rng.choice(OLDER_WORK) + "."
        interests = rng.sample(OLDER_INTERESTS, 2)
    else:
        intro = f"I'm {name}, I'm {age}, and I live in {place}."
        story = rng.choice(YOUNGER_LIFE) + "."
        interests = rng.sample(YOUNGER_INTERESTS, 2)
    if circle:
        people = "; ".join(f"my {m.relationship}, {m.name}" for m in circle)
        important = f"The people who matter most: {people}."
    else:
        important = "I've no family nearby. I'd like to get to know a few people round here again."
    return AboutMe(
        {
            AboutMeSection.PERSONAL_DETAILS: f"{intro} {story}",
            AboutMeSection.IMPORTANT_PEOPLE: important,
            AboutMeSection.WHAT_MATTERS_TO_ME: f"{interests[0]}. And {interests[1].lower()}.",
            AboutMeSection.COMMUNICATION: rng.choice(profile.communication),
            AboutMeSection.MY_WELLNESS: rng.choice(profile.wellness),
            AboutMeSection.HOW_AND_WHEN_TO_SUPPORT_ME: rng.choice(profile.support),
            AboutMeSection.ALSO_WORTH_KNOWING: rng.choice(ALSO_WORTH_KNOWING),
        }
    )
