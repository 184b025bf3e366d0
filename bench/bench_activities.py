"""Benchmark: the public activity calendar and the team pages (issue 5) with 5,000 activities
and 100,000 sign-ups.

    .venv/bin/python -m bench.bench_activities [--activities 5000] [--signups 100000]
        [--runs 20] [--pg postgresql+psycopg://USER@HOST:5432/SCRATCH]

Builds the dataset (bench/activity_dataset.py: 33 teams, a tenth of the activities in next
week, a leader of three teams with join requests waiting, a member signed up for a tenth of
the activities) in a scratch SQLite database and, given --pg or HUAJIN_TEST_PG_URL, in that
PostgreSQL database too (every table is dropped and recreated: give it a scratch database,
never a real one). It does so twice on each: first small (60 activities, 1,200 sign-ups),
then at full size.

For each page it prints the SQL statements per call and the median and 95th-percentile
server time of the service call over --runs runs, each in a fresh session as a page's event
handler would run it. The exit status is 1 if a call's statement count differs between the
small and the full-size data, or between the first and a late page of a list.
"""

import argparse
import os
import sys
import tempfile
import time

from sqlmodel import SQLModel

import huajin_pwa.models  # noqa: F401  (registers every table)
from bench.activity_dataset import Dataset, seed
from bench.bench_study import Listed
from bench.harness import run_cases, steady
from huajin_pwa import db
from huajin_pwa.services import activity_calendar, leader, participation, service_hours

SMALL = (60, 1_200)
LATE = 10**5  # the service clamps it to the last page


def calendar(actor, monday: str, kind: str | None = None, page: int = 1):
    """The calendar call, its rows counted as measure() counts them."""

    def call(session):
        found = activity_calendar.week(session, actor, monday, kind, page)
        return Listed([row for day in found.days for row in day.rows])

    return call


def cases(found: Dataset):
    """(name, call, group): calls of a group must cost the same statements."""
    member, boss, staff = found.member(), found.leader(), found.staff()
    week = found.busy_monday.isoformat()
    return [
        ("calendar, signed out, first page", calendar(None, week), "out"),
        ("calendar, signed out, late page", calendar(None, week, None, LATE), "out"),
        ("calendar, signed out, service", calendar(None, week, "service"), "out"),
        ("calendar, signed out, service late", calendar(None, week, "service", LATE), "out"),
        ("calendar, member, first page", calendar(member, week), "member"),
        ("calendar, member, late page", calendar(member, week, None, LATE), "member"),
        ("calendar, member, service", calendar(member, week, "service"), "member"),
        ("calendar, member, service late", calendar(member, week, "service", LATE), "member"),
        ("leader, join requests, first", lambda s: leader.requests(s, boss), "requests"),
        (
            "leader, join requests, late",
            lambda s: leader.requests(s, boss, None, LATE),
            "requests",
        ),
        ("leader, activities, first", lambda s: leader.activities(s, boss), "led"),
        ("leader, activities, late", lambda s: leader.activities(s, boss, None, LATE), "led"),
        ("my service hours, first", lambda s: service_hours.history(s, member), "hours"),
        ("my service hours, late", lambda s: service_hours.history(s, member, LATE), "hours"),
        (
            "my service hours, print",
            lambda s: Listed(service_hours.summary(s, member).lines),
            "summary",
        ),
        (
            "staff participation figures",
            lambda s: Listed(participation.figures(s, staff).hours_by_team),
            "figures",
        ),
    ]


def run(url: str, activities: int, signups: int, runs: int) -> dict[str, int]:
    """Seed and measure on one database; statements by case name."""
    engine = db.make_engine(url)
    SQLModel.metadata.drop_all(engine)
    SQLModel.metadata.create_all(engine)
    started = time.perf_counter()
    found = seed(engine, activities, signups)
    backend = engine.url.get_backend_name()
    print(
        f"\n== {backend}: {found.activities:,} activities ({found.busy:,} next week),"
        f" {found.signups:,} sign-ups, {found.members:,} members,"
        f" seeded in {time.perf_counter() - started:.1f} s"
    )
    counts = run_cases(engine, cases(found), runs, 36)
    SQLModel.metadata.drop_all(engine)
    engine.dispose()
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=5_000)
    parser.add_argument("--signups", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pg", default=os.environ.get("HUAJIN_TEST_PG_URL", ""))
    args = parser.parse_args()
    urls = [f"sqlite:///{tempfile.mkdtemp()}/bench_activities.db"] + ([args.pg] if args.pg else [])
    ok = True
    for url in urls:
        counts = [run(url, *SMALL, args.runs), run(url, args.activities, args.signups, args.runs)]
        ok = steady(counts, cases(Dataset(*SMALL)), "60 activities or thousands") and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
