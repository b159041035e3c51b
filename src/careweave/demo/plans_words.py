"""Words for the demo plans: a goal in the person's words for each eligibility outcome, with what
each GAS level looks like, and notes a worker might write when rating it."""

from __future__ import annotations

from careweave.domain.people.person import EligibilityOutcome

# outcome -> (goal in the person's words, levels -2..+2, a note a worker might write)
GOALS: dict[EligibilityOutcome, tuple[str, tuple[str, str, str, str, str], str]] = {
    EligibilityOutcome.NUTRITION: (
        "I want to make my own breakfast and lunch again",
        (
            "Every meal is made for me",
            "I make a hot drink and toast with help",
            "I make breakfast and a simple lunch on my own",
            "I cook a hot meal most days",
            "I cook for a friend once a week",
        ),
        "Made a sandwich with the worker standing by",
    ),
    EligibilityOutcome.PERSONAL_HYGIENE: (
        "I want to wash and shower without waiting for someone",
        (
            "I need help with every wash",
            "I wash at the sink with someone nearby",
            "I shower on my own with the rail and seat",
            "I shower on my own most days",
            "I shower and wash my hair on my own every day",
        ),
        "Showered with the worker waiting outside the door",
    ),
    EligibilityOutcome.TOILET_NEEDS: (
        "I want to get to the toilet on my own, day and night",
        (
            "I need help every time",
            "I manage in the day with help at night",
            "I manage day and night with the frame",
            "I manage without the commode",
            "I manage without any aids",
        ),
        "Managed the night without calling for help",
    ),
    EligibilityOutcome.APPROPRIATELY_CLOTHED: (
        "I want to dress myself in the clothes I choose",
        (
            "I am dressed by someone else",
            "I choose my clothes and need help with most of it",
            "I dress myself except shoes and buttons",
            "I dress myself fully",
            "I dress myself and go out to buy clothes",
        ),
        "Chose her own clothes and did the buttons",
    ),
    EligibilityOutcome.SAFE_USE_OF_HOME: (
        "I want to move around my home and garden safely",
        (
            "I stay in one room",
            "I move between rooms with help",
            "I move round the house with my frame",
            "I go out to the garden on my own",
            "I look after the garden again",
        ),
        "Walked to the garden bench and back",
    ),
    EligibilityOutcome.HABITABLE_HOME: (
        "I want my home clean and warm the way I like it",
        (
            "Someone else does all of it",
            "I do light dusting with help",
            "I keep the kitchen and living room tidy",
            "I do most of the housework",
            "I do all of it and have friends round",
        ),
        "Did the washing-up and wiped the surfaces",
    ),
    EligibilityOutcome.RELATIONSHIPS: (
        "I want to see my family and friends more",
        (
            "I see no one apart from carers",
            "I speak to family on the phone each week",
            "I see family or a friend every week",
            "I see people most days",
            "I host Sunday lunch again",
        ),
        "Video call with her grandson, then made plans to visit",
    ),
    EligibilityOutcome.WORK_TRAINING_EDUCATION_VOLUNTEERING: (
        "I want to do something useful with my week",
        (
            "I do nothing outside the house",
            "I have looked at what is on offer",
            "I go to one group or class a week",
            "I volunteer or learn every week",
            "I help run a group",
        ),
        "Went to the library reading group",
    ),
    EligibilityOutcome.COMMUNITY_FACILITIES: (
        "I want to get to the shops and the library on my own",
        (
            "I do not go out",
            "I go out with someone by car",
            "I get to the corner shop with someone",
            "I walk to the corner shop on my own",
            "I take the bus into town on my own",
        ),
        "Walked to the corner shop with the worker",
    ),
    EligibilityOutcome.CARING_FOR_A_CHILD: (
        "I want to look after my grandchildren after school",
        (
            "I cannot look after them",
            "I look after them with another adult there",
            "I have them for an hour on my own",
            "I have them after school twice a week",
            "I collect them from school",
        ),
        "Had her granddaughter for tea",
    ),
}

ACTIONS: tuple[tuple[str, str, str, str], ...] = (
    (
        "Practise the goal together, doing with not for",
        "worker",
        "The neighbourhood team",
        "On each visit",
    ),
    ("Sunday lunch and a phone call midweek", "circle_member", "", "Sundays"),
    ("Lunch club and a chat", "community_asset", "St Michael's lunch club", "Thursdays"),
    ("Pendant alarm and a bed sensor at night", "technology", "Telecare service", "All the time"),
)

CONTINGENCIES: tuple[tuple[str, str], ...] = (
    ("The main carer is away or ill", "The team adds an evening visit and the neighbour checks in"),
    ("A fall or feeling unwell", "Press the pendant; the team and family are called"),
)

RISKS: tuple[tuple[str, str, str, str], ...] = (
    (
        "Falls when walking to the shop alone",
        "I would rather risk a fall than stay in",
        "Walking keeps her strong and in touch with people",
        "Pendant alarm; walks in daylight; route agreed",
    ),
    (
        "Burns or a fire when cooking",
        "Cooking is what makes me feel myself",
        "Cooking is her main way of looking after others",
        "Cooker guard and a smoke alarm linked to telecare",
    ),
)

REVIEW_NOTES: tuple[str, ...] = (
    "Walking indoors without the frame; try the garden next week",
    "Managing breakfast alone; keep the lunchtime visit for now",
    "Confident on the stairs with the rail; reduce morning visit to 30 minutes",
    "Tired after a chest infection; keep the plan as it is",
)
