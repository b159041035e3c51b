"""How long it takes to get from one home to another, estimated from the map.

careweave keeps care data on the server, so it asks no routing service: travel is estimated from
the great-circle distance, a detour factor for roads and paths, and a door-to-door speed per travel
mode. The same estimate feeds the roster optimiser, the roster pages and the demo's first roster,
so the figures a coordinator sees agree with what the optimiser planned.
"""

from __future__ import annotations

from careweave.domain.values import Location
from careweave.domain.workforce.workers import TravelMode

# Roads are not straight: about 1.3 is the usual ratio of road to crow-fly distance in UK towns.
DETOUR_FACTOR = 1.3

# Door-to-door urban speeds, including parking for drivers and crossings for walkers.
SPEED_KMH: dict[TravelMode, float] = {
    TravelMode.WALK: 4.5,
    TravelMode.CYCLE: 14.0,
    TravelMode.DRIVE: 25.0,
}


def road_km(origin: Location, destination: Location) -> float:
    """Estimated road distance in kilometres."""
    return origin.distance_km(destination) * DETOUR_FACTOR


def minutes_for_km(km: float, mode: TravelMode) -> float:
    """Minutes to cover ``km`` of road by ``mode``."""
    return km / SPEED_KMH[mode] * 60.0


def travel_minutes(origin: Location, destination: Location, mode: TravelMode) -> float:
    """Estimated minutes to get from ``origin`` to ``destination`` by ``mode``."""
    return minutes_for_km(road_km(origin, destination), mode)
