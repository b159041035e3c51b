"""The community suite: how fast the directory is searched with 10,000 services.

The demo directory generator makes the services (``careweave.demo.community``); they are loaded
through the import use case into a fresh database, on SQLite and on PostgreSQL
(``CAREWEAVE_TEST_POSTGRES_URL``, set by ``scripts/with_postgres.py``). Then a mixed set of
queries runs in this process, each timed from call to answer: the link worker's search (need,
reach, day and part of day, from a postcode; and by words) and the public API's listings (search
and term and day filters; services near a postcode). Target: p95 under 100 ms.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.databases import POSTGRES_ENV, throwaway_database
from benchmarks.registry import RunOptions
from benchmarks.tables import figure, header, table
from careweave.adapters.storage.database import make_engine
from careweave.adapters.storage.migrate import upgrade
from careweave.bootstrap import build_services
from careweave.config import Settings
from careweave.demo.community import demo_directory
from careweave.domain.accounts.users import Role
from careweave.domain.community.matching import Reach
from careweave.domain.community.schedules import WEEKDAY_CODES, PartOfDay
from careweave.domain.community.whole_directory import WholeDirectory
from careweave.services.accounts.access import Actor
from careweave.services.community.directory import DirectoryFilter, DirectoryReader
from careweave.services.community.search import LinkWorkerSearch, SearchRequest

TITLE = "Community directory search"
FULL_SERVICES, QUICK_SERVICES = 10_000, 2_000
FULL_QUERIES, QUICK_QUERIES = 100, 25
WARM_UP = 5
TARGET_P95_MS = 100.0
ADMIN = Actor(user_id="bench", username="bench", display_name="Benchmark", role=Role.ADMIN)
WORDS = ("lunch", "walk", "choir", "garden", "digital help", "carers", "coffee", "money advice")
COLUMNS = ["database", "query", "queries", "p50 ms", "p95 ms", "max ms", "mean results"]

Query = Callable[[random.Random], int]


def _queries(
    directory: WholeDirectory, search: LinkWorkerSearch, reader: DirectoryReader
) -> dict[str, Query]:
    postcodes = [x.postal_code for x in directory.locations if x.postal_code]
    broad = [t.id for t in directory.terms if t.parent_id is None]
    narrow = [t.id for t in directory.terms if t.parent_id is not None]

    def link_worker(rng: random.Random) -> int:
        request = SearchRequest(
            postcode=rng.choice(postcodes),
            need_ids=(rng.choice(broad),),
            day=rng.choice(WEEKDAY_CODES[:5]),
            part_of_day=rng.choice(list(PartOfDay)),
            reach=rng.choice((Reach.WALK, Reach.BUS_RIDE)),
        )
        return len(search.search(ADMIN, request).matches)

    def by_words(rng: random.Random) -> int:
        request = SearchRequest(
            postcode=rng.choice(postcodes), text=rng.choice(WORDS), reach=Reach.ANYWHERE
        )
        return len(search.search(ADMIN, request).matches)

    def api_services(rng: random.Random) -> int:
        wanted = DirectoryFilter(
            search=rng.choice(WORDS),
            taxonomy_term_id=rng.choice(narrow),
            day=rng.choice(WEEKDAY_CODES),
        )
        return len(reader.services(wanted, limit=50, offset=0).items)

    def api_near(rng: random.Random) -> int:
        wanted = DirectoryFilter(
            postcode=rng.choice(postcodes), proximity_m=rng.choice((1000.0, 3000.0))
        )
        return len(reader.services_at_locations(wanted, limit=50, offset=0).items)

    return {
        "link worker: need, reach, day and time": link_worker,
        "link worker: words, anywhere": by_words,
        "API /services: words, term, day": api_services,
        "API /service_at_locations: postcode, 1-3 km": api_near,
    }


def _measure(query: Query, count: int, seed: int) -> tuple[list[float], list[int]]:
    rng = random.Random(seed)
    for _ in range(WARM_UP):
        query(rng)
    times, sizes = [], []
    for _ in range(count):
        started = time.perf_counter()
        sizes.append(query(rng))
        times.append((time.perf_counter() - started) * 1000)
    return times, sizes


def _backend(backend: str, services: int, count: int, seed: int) -> tuple[list[list[str]], float]:
    with (
        tempfile.TemporaryDirectory(prefix="cw-community-") as folder,
        throwaway_database(backend, Path(folder), "community") as url,
    ):
        engine = make_engine(url)
        try:
            upgrade(engine)
            built = build_services(Settings(database_url=url), engine)
            directory = demo_directory(services, seed=seed)
            started = time.perf_counter()
            built.directory_exchange.replace(ADMIN, directory)
            load_seconds = time.perf_counter() - started
            search, reader = built.directory_search, built.directory
            rows = []
            for name, query in _queries(directory, search, reader).items():
                times, sizes = _measure(query, count, seed)
                p95 = statistics.quantiles(times, n=20)[-1]
                rows.append(
                    [
                        backend,
                        name,
                        str(count),
                        figure(statistics.median(times), 1),
                        figure(p95, 1),
                        figure(max(times), 1),
                        figure(statistics.fmean(sizes), 1),
                    ]
                )
            return rows, load_seconds
        finally:
            engine.dispose()


def run(options: RunOptions) -> str:
    """Search the directory on each database and return the markdown table."""
    services = QUICK_SERVICES if options.quick else FULL_SERVICES
    count = QUICK_QUERIES if options.quick else FULL_QUERIES
    rows: list[list[str]] = []
    notes: list[str] = []
    for backend in ("sqlite", "postgresql"):
        if backend == "postgresql" and not os.environ.get(POSTGRES_ENV):
            notes.append(f"- PostgreSQL: not run ({POSTGRES_ENV} is not set; use `make bench`).")
            continue
        found, load_seconds = _backend(backend, services, count, options.seed)
        rows += found
        notes.append(
            f"- {backend}: {services:,} services loaded through the import in {load_seconds:.1f} s."
        )
    worst = max((float(r[4]) for r in rows), default=0.0)
    verdict = "met" if worst < TARGET_P95_MS else "NOT met"
    extra = [
        f"{services:,} services; {count} timed queries of each kind after {WARM_UP} warm-up ones",
        f"target p95 < {TARGET_P95_MS:.0f} ms: {verdict} (worst p95 {worst:.1f} ms)",
    ]
    return (
        header(TITLE, options, "none (each query is timed)", extra)
        + table(COLUMNS, rows)
        + "\n"
        + "\n".join(notes)
        + "\n"
    )
