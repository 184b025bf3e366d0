"""Benchmark: branch study progress (issue 4): a grid of 2,000 members over 12 weeks.

    .venv/bin/python -m bench.bench_study [--members 2000] [--others 300] [--runs 20]
                                          [--pg postgresql+psycopg://USER@HOST:5432/SCRATCH]

Builds the dataset (bench/study_dataset.py: grid one with --members approved members, five
more grids with --others each, 12 published weeks with about 70% studying each week) in a
scratch SQLite database and, given --pg or HUAJIN_TEST_PG_URL, in that PostgreSQL database too
(every table is dropped and recreated: give it a scratch database, never a real one). It does
so twice on each: first with a small community (30 members in grid one, 10 in the others),
then at full size.

For each page it prints the SQL statements per call and the median and 95th-percentile
server time of the service call over --runs runs, each in a fresh session as a page's event
handler would run it. The exit status is 1 if a call's statement count differs between the
small and the full-size data, or between the first and the last page of a list.
"""

import argparse
import os
import sys
import tempfile
import time

from sqlmodel import SQLModel

import huajin_pwa.models  # noqa: F401  (registers every table)
from bench.harness import run_cases, steady
from bench.study_dataset import Dataset, seed
from huajin_pwa import db
from huajin_pwa.services import secretary_nav, study_branch

SMALL = (30, 10)
LAST = 10**5  # the service clamps it to the last page


class Listed:
    """A plain list as measure() counts rows (the figures: weeks shown, grids shown)."""

    def __init__(self, rows):
        self.rows = rows


def cases(found: Dataset):
    """(name, call, group): calls of a group must cost the same statements."""
    secretary, staff = found.secretary(), found.staff()
    progress = study_branch.branch_progress
    return [
        ("not studied, first page", lambda s: progress(s, secretary), "progress"),
        ("not studied, last page", lambda s: progress(s, secretary, None, "not", LAST), "progress"),
        ("studied, first page", lambda s: progress(s, secretary, None, "done"), "progress"),
        ("studied, last page", lambda s: progress(s, secretary, None, "done", LAST), "progress"),
        ("staff, every grid, first page", lambda s: progress(s, staff), "staff progress"),
        (
            "completion, 12 weeks",
            lambda s: Listed(study_branch.completion_weeks(s, secretary)),
            "weeks",
        ),
        ("home study, first page", lambda s: study_branch.home_study_list(s, secretary), "home"),
        (
            "home study, last page",
            lambda s: study_branch.home_study_list(s, secretary, None, LAST),
            "home",
        ),
        (
            "staff study figures",
            lambda s: Listed(study_branch.staff_study_figures(s, staff).by_week),
            "staff",
        ),
        (
            "section counts (nav)",
            lambda s: secretary_nav.section_counts(s, secretary),
            "nav",
        ),
    ]


def run(url: str, members: int, others: int, runs: int) -> dict[str, int]:
    """Seed and measure on one database; statements by case name."""
    engine = db.make_engine(url)
    SQLModel.metadata.drop_all(engine)
    SQLModel.metadata.create_all(engine)
    started = time.perf_counter()
    found = seed(engine, members, others)
    backend = engine.url.get_backend_name()
    print(
        f"\n== {backend}: {found.members:,} members in grid one, {found.total_members:,} in all,"
        f" {found.records:,} study records, seeded in {time.perf_counter() - started:.0f} s"
    )
    counts = run_cases(engine, cases(found), runs, 32)
    SQLModel.metadata.drop_all(engine)
    engine.dispose()
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=2_000)
    parser.add_argument("--others", type=int, default=300)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pg", default=os.environ.get("HUAJIN_TEST_PG_URL", ""))
    args = parser.parse_args()
    urls = [f"sqlite:///{tempfile.mkdtemp()}/bench_study.db"] + ([args.pg] if args.pg else [])
    ok = True
    for url in urls:
        counts = [run(url, *SMALL, args.runs), run(url, args.members, args.others, args.runs)]
        ok = steady(counts, cases(Dataset(*SMALL)), "40 members or thousands") and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
