"""The demo directory: whole and consistent, varied, the same for a seed."""

from __future__ import annotations

from collections import Counter

from careweave.demo.community import demo_directory
from careweave.domain.community.schedules import Frequency


def test_the_demo_directory_is_whole_varied_and_repeatable() -> None:
    directory = demo_directory(300, seed=3)

    assert len(directory.services) == 300
    assert directory.problems() == []
    frequencies = Counter(s.schedules[0].freq for s in directory.services)
    assert frequencies[Frequency.WEEKLY] > frequencies[Frequency.MONTHLY] > 0
    assert sum(s.free for s in directory.services) > 50
    assert len({s.term_ids for s in directory.services}) >= 15
    again = demo_directory(300, seed=3)
    assert [s.name for s in again.services] == [s.name for s in directory.services]
