"""A synthetic Shared Lives scheme for benchmarks, drawn (seeded) as the demo draws its scheme."""

from __future__ import annotations

import random
from datetime import date

from careweave.demo.family_support import random_household, random_referral
from careweave.domain.family_support.households import CarerHousehold
from careweave.domain.family_support.referrals import Referral

DAY = date(2026, 3, 2)


def scheme(people: int, households: int, seed: int) -> tuple[list[Referral], list[CarerHousehold]]:
    """``people`` referrals and ``households`` households, reproducible from ``seed``."""
    rng = random.Random(seed)
    homes = [random_household(rng, f"h{i:04d}", "scheme", DAY) for i in range(households)]
    waiting = [random_referral(rng, f"r{i:04d}", f"p{i:04d}", "scheme", DAY) for i in range(people)]
    return sorted(waiting, key=lambda r: (r.received_on, r.id)), homes
