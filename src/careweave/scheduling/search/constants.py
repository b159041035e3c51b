"""The numbers the Python search and the compiled kernel share, each defined once.

Both sides must agree on them to the bit (tests check that the kernel's running cost equals a
Python rebuild), so neither keeps its own copy. With them is :func:`excess`, the one rule built
from nothing but these numbers; the kernel compiles this very function rather than keeping a twin.

They live here rather than in :mod:`~careweave.scheduling.search.state` because numba freezes every
global a compiled function reads into its machine code, and
:mod:`~careweave.scheduling.search.kernel.jit` throws the whole compiled cache away when any file
those globals come from changes: this small module changes rarely, the Python state often.

Times are in minutes from the start of the horizon (a week is about 10,000 minutes).
"""

from __future__ import annotations

HARD = 1.0e5
"""Cost of one unit (a minute, or one count) of a broken hard constraint. It is far above any soft
cost (leaving out the most important visit costs 1,000 with the default weights), so no soft saving
outweighs breaking a rule; and finite, so that two rosters that both break rules still compare by
how much they break."""

OVER = 1.0e-6
"""Minutes past a hard limit that count as keeping to it (rounding), as the checker counts them."""

NEG = -1.0e18
"""Start time of a task that is on no route, and the floor a lane's starts are reset to before
they are raised again. Every real start is far above it, so ``start > NEG`` means "on a route". It
is finite rather than ``-inf`` so that ``NEG + gap`` and differences with it stay ordinary numbers
(``inf - inf`` would be ``nan``, which compares false both ways)."""

EPS = 1.0e-9
"""Minutes by which a link must be short before it counts as broken. Start times are sums of
travel, durations and gaps, and two lanes (or the Python state and the kernel) may add them in
another order; the round-off is a few 1e-12 minutes for times within a week, so ``EPS`` hides it without
ever hiding a real shortfall, and a lane is not queued again for noise."""

INFEASIBLE = float("inf")
"""Cost of a move no start times can satisfy (links that force times up forever), and the
"nothing found yet" of a search for the cheapest candidate. It is above every real cost, however
many hard units a roster breaks, so ``cost < INFEASIBLE`` means "possible"."""

WINDOW_SLACK = 180.0
"""Minutes outside a task's window beyond which insertion places are not tried.

A route's starts rise along it, so a place among visits that start three hours before the task's
window opens, or three hours after it closes, would keep the worker waiting or make the task late
for hours. Skipping them saves estimating most of a long route's places. It is a pruning bound, not
a rule, but the Python construction and the kernel must prune alike so that one task meets the same
candidate places in both."""

NO_BREAK = 1.0e8
"""A lane's ``break_after`` at or above which the worker has no break rule to keep.

:mod:`~careweave.scheduling.search.compile` sets ``math.inf`` when there is no rule; comparing
with a finite bound far beyond any shift (1e8 minutes is about 190 years) says the same thing."""

CLEAN = 1 << 40
"""A lane's first changed position when nothing on it changed. It is larger than any real
position, so the first change noted on a lane always lowers it (and an array of positions can
tell untouched lanes by it, where the Python state just leaves them out of a dict)."""

# Lane runs allowed while start times settle after a change: SETTLE_RUNS, plus for each lane the
# change can reach SETTLE_RUNS_PER_LANE and SETTLE_RUNS_PER_VISIT per visit whose start was reset.
# The allowance grows with the work a change can cause; running out means the links force times
# up forever (a cycle) and the move is refused. The Python state and the kernel must run out at
# the same point, or they would disagree on which moves are possible.
SETTLE_RUNS = 10
"""Lane runs allowed for any change, however small."""

SETTLE_RUNS_PER_LANE = 2
"""Lane runs allowed for each lane a change can reach."""

SETTLE_RUNS_PER_VISIT = 3
"""Lane runs allowed for each visit whose start a change reset."""

MIN_GAIN = 1.0e-9
"""Cost by which a roster must beat the best one so far to replace it. The same roster's cost,
summed in another order, differs by round-off; with this margin a roster that only ties the best
does not replace it, and the first roster found at a cost is the one kept."""


def excess(minutes: float) -> float:
    """Hard units of going ``minutes`` past a limit: the minutes plus one for breaking it at all.

    Without the one, a sliver over a limit (a rounded travel time) would cost less than leaving
    out a visit, and the search would keep the broken roster.

    Parameters
    ----------
    minutes
        How far past the limit (zero or less when it is kept).

    Returns
    -------
    float
        ``minutes + 1`` when more than ``OVER`` past the limit, else ``0``.
    """
    return minutes + 1.0 if minutes > OVER else 0.0
