"""Parameters of the roster search, checked when they are made."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SolveParams:
    """How the search behaves. The defaults were measured on the public HHCRSP instances.

    Attributes
    ----------
    initial_temperature, final_temperature
        Annealing temperature at the start and the end of the budget, as multiples of the
        starting cost per task; ``initial_temperature`` must not be below ``final_temperature``.
    ruin_share, swap_share
        Probability that an iteration is a ruin-and-recreate or a swap move (the rest are
        relocations); together at most 1.
    random_share
        Probability that an iteration relocates a task to a random position rather than the best
        estimated one; with the two shares above at most 1.
    neighbour_share
        Probability that a relocation takes the task to a lane serving one of its nearest tasks
        (in place and time) rather than to any lane it may use.
    estimate_slack
        A relocation whose estimated cost change exceeds the acceptance limit by more than this
        (times the starting cost per task) is dropped without being evaluated exactly.
    regret
        Whether ruin-and-recreate puts back the hardest-to-place tasks first (regret-2).
    chains
        Independent annealing runs the budget is split into (each from the first roster, with its
        own cooling); the best roster of any is kept. More runs guard against one run settling
        in a poor region, at the cost of a shorter cooling each.
    ruin_min, ruin_max
        Fewest and most tasks a ruin-and-recreate move removes (before their linked partners).
    """

    initial_temperature: float = 0.3
    final_temperature: float = 0.003
    ruin_share: float = 0.15
    swap_share: float = 0.3
    random_share: float = 0.3
    neighbour_share: float = 0.5
    estimate_slack: float = 0.5
    regret: bool = False
    chains: int = 2
    ruin_min: int = 2
    ruin_max: int = 8

    def __post_init__(self) -> None:
        for name in ("initial_temperature", "final_temperature", "chains", "ruin_min", "ruin_max"):
            value = getattr(self, name)
            if isinstance(value, bool) or not value > 0:
                raise ValueError(f"{name}: must be greater than 0, got {value!r}")
        if not isinstance(self.regret, bool):
            raise ValueError(f"regret: must be True or False, got {self.regret!r}")
        if self.estimate_slack < 0:
            raise ValueError("estimate_slack: must not be negative")
        if self.final_temperature > self.initial_temperature:
            raise ValueError("final_temperature: must not be above initial_temperature")
        for name in ("ruin_share", "swap_share", "random_share", "neighbour_share"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name}: must be between 0 and 1")
        if self.ruin_share + self.swap_share + self.random_share > 1.0:
            raise ValueError("swap_share: ruin_share + swap_share + random_share must be at most 1")
        if self.ruin_min > self.ruin_max:
            raise ValueError("ruin_min: must not be above ruin_max")
