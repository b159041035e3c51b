"""Where the demo neighbourhood lives: the Metropolitan Borough of Wigan, Greater Manchester.

Why Wigan
---------
Wigan is the English council best known for an asset-based, strengths-based approach to adult social
care ("The Wigan Deal"; The King's Fund, *A citizen-led approach to health and care: lessons from the
Wigan Deal*, 2019), which is the way of working careweave is built for. It is also a useful test bed for
a roster: a town centre dense enough for carers on foot or bicycle, former mining and mill towns (Leigh,
Atherton, Tyldesley, Hindley, Ashton-in-Makerfield) joined by main roads, and semi-rural edges where
everyone drives.

What is real and what is not
----------------------------
- The settlements, their approximate centres and their postcode districts (WN1–WN7, M29, M46, WA3) are
  real. Populations are rounded approximations (they add up to about 330,000, the borough's population
  at the 2021 Census) and are used only as relative weights for where people live.
- The borough outline is a simplified *convex* polygon drawn around those settlements by hand; it is
  not the legal boundary and includes some fields at the edges (Chat Moss, the Douglas valley). Being
  convex lets the generator cut it into team patches with straight cuts that stay single polygons.
- House numbers, street names and the inward half of each postcode are made up: every address is
  fictional, though shaped like a real one (inward codes avoid the letters C I K M O V, as Royal Mail's
  do).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from shapely.geometry import Polygon, box

from careweave.domain.values import Location
from careweave.domain.workforce.workers import polygon_contains

TOWN_NAME = "Wigan"
KM_PER_DEGREE_LAT = 111.32

# Corners of the simplified borough outline, clockwise from the north-west (north of Shevington).
TOWN_POLYGON: tuple[Location, ...] = (
    Location(53.607, -2.700),
    Location(53.608, -2.645),
    Location(53.590, -2.575),
    Location(53.548, -2.470),
    Location(53.515, -2.418),
    Location(53.478, -2.440),
    Location(53.455, -2.545),
    Location(53.460, -2.620),
    Location(53.477, -2.680),
    Location(53.515, -2.738),
    Location(53.570, -2.735),
)


@dataclass(frozen=True, slots=True)
class Settlement:
    """A town or district of the borough: where its centre is, how many live there, its postcode."""

    name: str
    centre: Location
    population: int
    spread_km: float
    postcode_district: str


SETTLEMENTS: tuple[Settlement, ...] = (
    Settlement("Wigan", Location(53.5450, -2.6325), 30_000, 1.0, "WN1"),
    Settlement("Whelley", Location(53.5530, -2.6080), 9_000, 0.7, "WN1"),
    Settlement("Worsley Mesnes", Location(53.5300, -2.6420), 14_000, 0.8, "WN3"),
    Settlement("Pemberton", Location(53.5360, -2.6700), 14_000, 0.8, "WN5"),
    Settlement("Marsh Green", Location(53.5530, -2.6720), 12_000, 0.7, "WN5"),
    Settlement("Orrell", Location(53.5300, -2.7090), 11_500, 0.8, "WN5"),
    Settlement("Beech Hill", Location(53.5580, -2.6450), 10_000, 0.6, "WN6"),
    Settlement("Standish", Location(53.5870, -2.6640), 14_000, 0.9, "WN6"),
    Settlement("Shevington", Location(53.5740, -2.6930), 10_000, 0.8, "WN6"),
    Settlement("Aspull", Location(53.5680, -2.5850), 7_500, 0.7, "WN2"),
    Settlement("Ince-in-Makerfield", Location(53.5370, -2.6100), 15_000, 0.7, "WN2"),
    Settlement("Hindley", Location(53.5340, -2.5750), 25_000, 1.0, "WN2"),
    Settlement("Platt Bridge", Location(53.5180, -2.6000), 15_000, 0.9, "WN2"),
    Settlement("Ashton-in-Makerfield", Location(53.4870, -2.6410), 28_000, 1.1, "WN4"),
    Settlement("Golborne", Location(53.4770, -2.5960), 12_000, 0.8, "WA3"),
    Settlement("Lowton", Location(53.4710, -2.5690), 14_000, 0.9, "WA3"),
    Settlement("Leigh", Location(53.4970, -2.5180), 46_000, 1.2, "WN7"),
    Settlement("Atherton", Location(53.5230, -2.4930), 22_000, 0.9, "M46"),
    Settlement("Tyldesley", Location(53.5130, -2.4680), 16_000, 0.8, "M29"),
    Settlement("Astley", Location(53.5000, -2.4450), 4_500, 0.6, "M29"),
)

STREET_NAMES: tuple[str, ...] = (
    "Church Street",
    "Market Street",
    "Victoria Road",
    "Park Avenue",
    "Mill Lane",
    "Chapel Street",
    "Station Road",
    "Greenfield Avenue",
    "Elm Grove",
    "Hawthorn Close",
    "Moss Lane",
    "Bolton Road",
    "Warrington Road",
    "Manchester Road",
    "Princess Street",
    "Queen Street",
    "King Street",
    "Albert Street",
    "Cross Street",
    "Holly Road",
    "Oak Avenue",
    "Beech Walk",
    "Rowan Close",
    "Chestnut Drive",
    "Meadow Way",
    "Orchard Lane",
    "Brookside",
    "Colliery Row",
    "Pit Lane",
    "Canal Side",
    "Bridge Street",
    "Cotton Street",
    "Spinners Way",
    "Weavers Close",
    "Heath Road",
    "Lilford Avenue",
    "Gidlow Lane",
    "Woodhouse Lane",
    "Lancaster Road",
    "Coppice Drive",
)

# Letters Royal Mail never uses in the inward (second) half of a postcode.
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def km_to_degrees(km_north: float, km_east: float, at_lat: float) -> tuple[float, float]:
    """Convert a small offset in kilometres into degrees of latitude and longitude."""
    lon_km = KM_PER_DEGREE_LAT * math.cos(math.radians(at_lat))
    return km_north / KM_PER_DEGREE_LAT, km_east / lon_km


def _local_km(polygon: Sequence[Location]) -> Polygon:
    # A flat projection in kilometres around the polygon's middle: exact enough for a town.
    lat0 = sum(p.lat for p in polygon) / len(polygon)
    lon_km = KM_PER_DEGREE_LAT * math.cos(math.radians(lat0))
    return Polygon([(p.lon * lon_km, p.lat * KM_PER_DEGREE_LAT) for p in polygon])


def area_km2(polygon: Sequence[Location]) -> float:
    """Area of a small polygon in square kilometres."""
    if len(polygon) < 3:
        return 0.0
    return float(_local_km(polygon).area)


def clip(polygon: Sequence[Location], axis: str, cut: float, keep_below: bool) -> list[Location]:
    """Cut a convex polygon with the line ``axis == cut`` and keep one side.

    ``axis`` is ``"lat"`` or ``"lon"``. A convex polygon stays convex, so every piece of the town
    that this module hands out is a single simple polygon.
    """
    shape = Polygon([(p.lon, p.lat) for p in polygon])
    west, south, east, north = shape.bounds
    if axis == "lat":
        half = box(west, south, east, cut) if keep_below else box(west, cut, east, north)
    else:
        half = box(west, south, cut, north) if keep_below else box(cut, south, east, north)
    piece = shape.intersection(half)
    if piece.is_empty or not isinstance(piece, Polygon):
        return []
    return [Location(lat, lon) for lon, lat in list(piece.exterior.coords)[:-1]]


def bounding_box(
    points: Sequence[Location], pad_km: float, within: Sequence[Location]
) -> list[Location]:
    """The box around ``points`` widened by ``pad_km`` on every side, cut to the polygon ``within``."""
    mid_lat = sum(p.lat for p in points) / len(points)
    pad_lat, pad_lon = km_to_degrees(pad_km, pad_km, mid_lat)
    polygon = list(within)
    polygon = clip(polygon, "lat", min(p.lat for p in points) - pad_lat, keep_below=False)
    polygon = clip(polygon, "lat", max(p.lat for p in points) + pad_lat, keep_below=True)
    polygon = clip(polygon, "lon", min(p.lon for p in points) - pad_lon, keep_below=False)
    return clip(polygon, "lon", max(p.lon for p in points) + pad_lon, keep_below=True)


def split_into_patches(
    polygon: list[Location], points: list[Location], parts: int
) -> list[tuple[list[Location], list[int]]]:
    """Cut ``polygon`` into ``parts`` convex pieces holding about equal numbers of ``points``.

    Each cut runs across the longer side of the piece, between two neighbouring points, so every
    team's patch ends up with a similar caseload, which is how providers draw patches (a dense town
    centre gets small patches, the semi-rural edge large ones). Returns each piece with the indices of
    the points inside it.
    """
    pieces: list[tuple[list[Location], list[int]]] = []
    _split(polygon, points, list(range(len(points))), parts, pieces)
    return pieces


def _split(
    polygon: list[Location],
    points: list[Location],
    members: list[int],
    parts: int,
    out: list[tuple[list[Location], list[int]]],
) -> None:
    if parts == 1:
        out.append((polygon, members))
        return
    lats = [p.lat for p in polygon]
    lons = [p.lon for p in polygon]
    mid_lat = (min(lats) + max(lats)) / 2
    height_km = (max(lats) - min(lats)) * KM_PER_DEGREE_LAT
    width_km = (max(lons) - min(lons)) * KM_PER_DEGREE_LAT * math.cos(math.radians(mid_lat))
    axis = "lat" if height_km >= width_km else "lon"
    lower_parts = parts // 2

    def coordinate(index: int) -> float:
        point = points[index]
        return point.lat if axis == "lat" else point.lon

    ordered = sorted(members, key=coordinate)
    share = round(len(ordered) * lower_parts / parts)
    if 0 < share < len(ordered) and coordinate(ordered[share - 1]) < coordinate(ordered[share]):
        cut = (coordinate(ordered[share - 1]) + coordinate(ordered[share])) / 2
    else:
        # Too few points to share out: cut the piece itself in proportion to the parts.
        low, high = (min(lats), max(lats)) if axis == "lat" else (min(lons), max(lons))
        cut = low + (high - low) * lower_parts / parts
        share = sum(1 for i in ordered if coordinate(i) < cut)
    _split(clip(polygon, axis, cut, True), points, ordered[:share], lower_parts, out)
    _split(clip(polygon, axis, cut, False), points, ordered[share:], parts - lower_parts, out)


def random_point_near(
    rng: random.Random, centre: Location, spread_km: float, polygon: Sequence[Location]
) -> Location:
    """A point scattered around ``centre`` (normal, ``spread_km`` each way) that lies in ``polygon``."""
    for _ in range(1000):
        d_lat, d_lon = km_to_degrees(rng.gauss(0, spread_km), rng.gauss(0, spread_km), centre.lat)
        candidate = Location(round(centre.lat + d_lat, 6), round(centre.lon + d_lon, 6))
        if polygon_contains(polygon, candidate):
            return candidate
    return random_point_in(rng, polygon)


def random_point_in(rng: random.Random, polygon: Sequence[Location]) -> Location:
    """A point drawn evenly from inside ``polygon``."""
    lats = [p.lat for p in polygon]
    lons = [p.lon for p in polygon]
    while True:
        candidate = Location(
            round(rng.uniform(min(lats), max(lats)), 6), round(rng.uniform(min(lons), max(lons)), 6)
        )
        if polygon_contains(polygon, candidate):
            return candidate


def fictional_address(rng: random.Random, settlement: Settlement) -> tuple[str, str]:
    """A made-up street address in ``settlement`` and a postcode in its real district."""
    street = rng.choice(STREET_NAMES)
    address = f"{rng.randint(1, 180)} {street}, {settlement.name}"
    inward = f"{rng.randint(1, 9)}{rng.choice(_INWARD_LETTERS)}{rng.choice(_INWARD_LETTERS)}"
    return address, f"{settlement.postcode_district} {inward}"
