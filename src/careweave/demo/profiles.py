"""Kinds of people the demo neighbourhood holds, and what each kind needs from a visit.

A profile is a broad reason for drawing on care (frailty, dementia, a stroke, a learning disability …).
It decides the skills a visit needs, which eligibility outcomes the person has needs against, the models
of care that suit them and the words they use about their health. The weights are assumptions chosen to
give a plausible mix, not statistics: older people's profiles are used for the 79 % aged 65 or over
(NICE, England 2013/14), the others for younger adults.
"""

from __future__ import annotations

from dataclasses import dataclass

from careweave.domain.people.person import CareModel
from careweave.domain.people.person import EligibilityOutcome as Outcome
from careweave.domain.visits.visit import Priority
from careweave.domain.workforce.workers import Skill

# Models of care that bring the team's workers to the door; the others (direct payments with a
# personal assistant, Shared Lives, Homeshare, telecare alone) need no visits from the team.
VISITED_MODELS = frozenset(
    {
        CareModel.TIME_AND_TASK,
        CareModel.OUTCOME_BASED,
        CareModel.NEIGHBOURHOOD_TEAM,
        CareModel.REABLEMENT,
    }
)


@dataclass(frozen=True, slots=True)
class Profile:
    """One kind of person: weights, needs, skills and words."""

    key: str
    weight: float
    skills: frozenset[Skill]
    extra_skills: tuple[tuple[Skill, float], ...]
    care_models: tuple[tuple[CareModel, float], ...]
    needs: tuple[tuple[Outcome, str], ...]
    wellness: tuple[str, ...]
    communication: tuple[str, ...]
    support: tuple[str, ...]
    medication_priority: Priority = Priority.NORMAL


_HOME_CARE = (
    (CareModel.TIME_AND_TASK, 0.32),
    (CareModel.OUTCOME_BASED, 0.13),
    (CareModel.NEIGHBOURHOOD_TEAM, 0.15),
    (CareModel.DIRECT_PAYMENT, 0.15),
    (CareModel.TELECARE_ONLY, 0.2),
    (CareModel.HOMESHARE, 0.05),
)
_CARE = frozenset({Skill.PERSONAL_CARE})

OLDER_PROFILES: tuple[Profile, ...] = (
    Profile(
        "frailty",
        0.3,
        _CARE,
        ((Skill.STOMA, 0.05), (Skill.CATHETER, 0.1)),
        _HOME_CARE,
        (
            (Outcome.PERSONAL_HYGIENE, "Needs help to wash all over; can do face and hands."),
            (
                Outcome.APPROPRIATELY_CLOTHED,
                "Cannot manage buttons, socks or shoes with stiff hands.",
            ),
            (Outcome.NUTRITION, "Struggles to stand at the cooker long enough to make a hot meal."),
            (Outcome.SAFE_USE_OF_HOME, "Unsteady on the stairs; has had two falls this year."),
            (Outcome.HABITABLE_HOME, "Cannot manage the washing or hoovering any more."),
        ),
        (
            "My arthritis is the worst of it, mornings especially. I get tired quickly.",
            "I've got a bad hip and my legs swell up. I use a frame indoors.",
        ),
        ("I'm a bit deaf in my left ear, so sit on my right.", "Just talk to me normally."),
        (
            "Let me do what I can for myself — it takes longer but it keeps me going.",
            "Give me time to get moving in the morning; I'm slow until I've had a brew.",
        ),
    ),
    Profile(
        "dementia",
        0.22,
        frozenset({Skill.PERSONAL_CARE, Skill.DEMENTIA_CARE}),
        (),
        _HOME_CARE,
        (
            (Outcome.NUTRITION, "Forgets to eat unless food is put in front of her or him."),
            (Outcome.PERSONAL_HYGIENE, "Needs prompting and gentle help to wash."),
            (Outcome.SAFE_USE_OF_HOME, "Has left the gas on; the cooker now has a cut-off valve."),
            (Outcome.RELATIONSHIPS, "Losing touch with old friends since giving up driving."),
        ),
        (
            "I've got Alzheimer's. Some days are better than others. (Written with my daughter.)",
            "My memory isn't what it was; the doctor calls it vascular dementia.",
        ),
        (
            "Tell me who you are each time, and show me rather than ask me lots of questions.",
            "Talk to me about the old days — I remember those better than yesterday.",
        ),
        (
            "Same faces, same routine: new people unsettle me and then I won't eat.",
            "Late afternoons are hard for me; calm and patience help more than anything.",
        ),
    ),
    Profile(
        "stroke",
        0.1,
        _CARE,
        ((Skill.PEG_FEEDING, 0.2), (Skill.CATHETER, 0.2)),
        _HOME_CARE,
        (
            (Outcome.TOILET_NEEDS, "Needs help to get to and use the toilet since the stroke."),
            (Outcome.APPROPRIATELY_CLOTHED, "Can only use the left hand; needs help to dress."),
            (Outcome.COMMUNITY_FACILITIES, "Has not been out of the house since coming home."),
        ),
        ("I had a stroke last year and my right side is weak.",),
        ("My speech is slow since the stroke — please wait for me to finish.",),
        ("Help me with my exercises from the physio; I want to walk to the shop again.",),
    ),
    Profile(
        "parkinsons",
        0.07,
        frozenset({Skill.PERSONAL_CARE, Skill.MEDICATION}),
        (),
        _HOME_CARE,
        (
            (Outcome.NUTRITION, "Tremor makes cutting food and carrying drinks hard."),
            (Outcome.APPROPRIATELY_CLOTHED, "Needs help with fastenings when stiff."),
        ),
        ("I've had Parkinson's for nine years. My tablets have to be on time, every time.",),
        ("My voice is quiet now — face me when you talk.",),
        ("If my tablets are late I freeze up, so please come on time for them.",),
        Priority.HIGH,
    ),
    Profile(
        "heart_lungs",
        0.12,
        _CARE,
        ((Skill.STOMA, 0.05),),
        _HOME_CARE,
        (
            (Outcome.PERSONAL_HYGIENE, "Gets too breathless to shower without help."),
            (Outcome.HABITABLE_HOME, "Cannot carry coal or the washing basket any more."),
            (Outcome.NUTRITION, "Needs meals prepared; on a low-salt diet."),
        ),
        ("I've got COPD and I'm on oxygen at night.", "My heart's failing and I get breathless."),
        ("Give me a minute to get my breath before I answer.",),
        ("Don't rush me — if I get breathless we stop and start again.",),
    ),
    Profile(
        "diabetes",
        0.05,
        frozenset({Skill.PERSONAL_CARE, Skill.INSULIN}),
        (),
        _HOME_CARE,
        (
            (Outcome.NUTRITION, "Needs regular meals to go with insulin; forgets to eat."),
            (Outcome.SAFE_USE_OF_HOME, "Sight loss from diabetes; trips over things."),
        ),
        ("I'm diabetic and on insulin twice a day; the district nurse set it all up.",),
        ("My eyes are poor — read things out to me.",),
        ("My insulin has to be done with breakfast and tea, never missed.",),
        Priority.CRITICAL,
    ),
    Profile(
        "end_of_life",
        0.04,
        frozenset({Skill.PERSONAL_CARE, Skill.END_OF_LIFE}),
        ((Skill.CATHETER, 0.4),),
        ((CareModel.TIME_AND_TASK, 0.6), (CareModel.NEIGHBOURHOOD_TEAM, 0.4)),
        (
            (Outcome.PERSONAL_HYGIENE, "Cared for in bed; needs full personal care."),
            (Outcome.RELATIONSHIPS, "Wants family around; needs them to have a break too."),
        ),
        ("I've got cancer and I've chosen to be at home to the end.",),
        ("Some days I'm too tired to talk, and that's all right.",),
        ("Keep me comfortable and let my family be family, not nurses.",),
    ),
    Profile(
        "after_a_fall",
        0.1,
        frozenset({Skill.PERSONAL_CARE, Skill.REABLEMENT}),
        (),
        ((CareModel.REABLEMENT, 1.0),),
        (
            (Outcome.PERSONAL_HYGIENE, "Relearning to wash and dress after a broken hip."),
            (Outcome.NUTRITION, "Relearning to make a meal safely in the kitchen."),
            (Outcome.COMMUNITY_FACILITIES, "Wants to get back to the shops and the lunch club."),
        ),
        ("I broke my hip in a fall and I've just come out of hospital.",),
        ("Just talk to me normally.",),
        ("Don't do it for me — show me, and let me have a go. I want my independence back.",),
    ),
)

_YOUNGER_MODELS = (
    (CareModel.OUTCOME_BASED, 0.3),
    (CareModel.NEIGHBOURHOOD_TEAM, 0.15),
    (CareModel.TIME_AND_TASK, 0.15),
    (CareModel.DIRECT_PAYMENT, 0.15),
    (CareModel.SHARED_LIVES, 0.2),
    (CareModel.TELECARE_ONLY, 0.05),
)

YOUNGER_PROFILES: tuple[Profile, ...] = (
    Profile(
        "learning_disability",
        0.4,
        frozenset(),
        (),
        _YOUNGER_MODELS,
        (
            (
                Outcome.WORK_TRAINING_EDUCATION_VOLUNTEERING,
                "Wants paid work; needs support to travel.",
            ),
            (Outcome.COMMUNITY_FACILITIES, "Needs support to use the bus and the shops."),
            (Outcome.HABITABLE_HOME, "Needs help to keep on top of bills and cleaning."),
            (Outcome.RELATIONSHIPS, "Wants to see friends from college more often."),
        ),
        ("I have a learning disability and epilepsy. My seizures are well controlled.",),
        ("Use easy words and give me time. Pictures help me.",),
        ("Help me plan my week on my calendar; then I can do a lot myself.",),
    ),
    Profile(
        "mental_health",
        0.25,
        frozenset(),
        (),
        _YOUNGER_MODELS,
        (
            (Outcome.HABITABLE_HOME, "When unwell, stops cleaning and opening post."),
            (Outcome.COMMUNITY_FACILITIES, "Anxious outside; avoids the shops and the GP."),
            (Outcome.RELATIONSHIPS, "Isolated since moving into the flat."),
        ),
        ("I live with bipolar disorder. I'm well at the moment and want to stay that way.",),
        ("Text me before you come — I don't always answer the phone.",),
        ("Go at my pace. Some weeks I need more support and some weeks less.",),
    ),
    Profile(
        "physical_disability",
        0.25,
        _CARE,
        ((Skill.CATHETER, 0.4), (Skill.STOMA, 0.1)),
        _YOUNGER_MODELS,
        (
            (Outcome.PERSONAL_HYGIENE, "Needs full help to shower; uses a shower chair."),
            (Outcome.TOILET_NEEDS, "Needs help with catheter care and toileting."),
            (
                Outcome.WORK_TRAINING_EDUCATION_VOLUNTEERING,
                "Works part time from home; wants to go back to the office.",
            ),
        ),
        ("I have MS. I use a wheelchair and get very tired by the afternoon.",),
        ("Ask me — I know my body and how I like things done.",),
        ("Mornings need to run like clockwork so I can get to work.",),
    ),
    Profile(
        "brain_injury",
        0.1,
        _CARE,
        (),
        _YOUNGER_MODELS,
        (
            (Outcome.SAFE_USE_OF_HOME, "Forgets pans on the hob since the accident."),
            (Outcome.CARING_FOR_A_CHILD, "Wants support to do the school run with his or her son."),
        ),
        ("I had a head injury in a car crash. My memory and planning were affected.",),
        ("Write things down for me; I won't remember a long conversation.",),
        ("Prompt me rather than doing it — I can do most things with a reminder.",),
    ),
)
