"""Benchmark: the staff queue, the staff figures and an inbox page at community scale.

    .venv/bin/python -m bench.bench_staff_queue [--members 10000] [--url sqlite:///...]

Seeds a scratch database (SQLite in a temp folder unless --url), then reports for each list the
number of SQL statements and the median server time over 20 runs. The query count must not
grow with the data: that is what "a fixed number of queries" means.
"""

import argparse
import statistics
import tempfile
import time
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import event, insert
from sqlmodel import Session, SQLModel

import huajin_pwa.models  # noqa: F401
from huajin_pwa import db
from huajin_pwa.models import Account, Building, Disclosure, Grid, Message, RoleGrant
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import approval, inbox, stats
from huajin_pwa.services.actor import Actor


def seed(engine, members: int) -> None:
    """Six grids, members with a disclosure each (a quarter pending) and 20 messages for #1."""
    now = utcnow()
    with Session(engine) as session:
        grids = [Grid(number=n, name=f"第{n}网格") for n in range(1, 7)]
        session.add_all(grids)
        session.flush()
        session.add_all(
            Building(number=n, grid_id=grids[n % 6].id, units=4, floors=30, rooms_per_floor=6)
            for n in range(1, 31)
        )
        session.flush()
        session.execute(
            insert(Account),
            [
                {
                    "phone": f"139{n:08d}",
                    "name": f"成员{n}",
                    "secret_kind": "pin",
                    "secret_hash": "x",
                    "active": True,
                    "failed_tries": 0,
                    "created_at": now,
                }
                for n in range(members)
            ],
        )
        session.execute(
            insert(Disclosure),
            [
                {
                    "account_id": n + 1,
                    "status": "pending" if n % 4 == 0 else "approved",
                    "name": f"成员{n}",
                    "grid_id": grids[n % 6].id,
                    "building_id": None,
                    "room": "",
                    "gender": "",
                    "org_name": "",
                    "org_place": "",
                    "hobbies": "",
                    "wishes": "",
                    "review_reason": "",
                    "version": 1,
                    "created_at": now,
                    "submitted_at": now - timedelta(minutes=n),
                }
                for n in range(members)
            ],
        )
        session.execute(
            insert(Message),
            [
                {"account_id": 1, "title": "通知", "body": "内容", "link": "", "created_at": now}
                for _ in range(200)
            ],
        )
        session.add(RoleGrant(account_id=1, role="staff"))
        session.commit()


@contextmanager
def counting(engine):
    """Count the SQL statements run inside the block."""
    count = [0]

    def count_statement(*_args):
        count[0] += 1

    event.listen(engine, "before_cursor_execute", count_statement)
    try:
        yield count
    finally:
        event.remove(engine, "before_cursor_execute", count_statement)


def measure(engine, name: str, call) -> None:
    """Print statements and median milliseconds of call(session)."""
    times = []
    for _ in range(20):
        with Session(engine) as session, counting(engine) as count:
            start = time.perf_counter()
            call(session)
            times.append((time.perf_counter() - start) * 1000)
    print(f"{name:<34} {count[0]:>3} statements  median {statistics.median(times):7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--url", default="")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    engine = db.make_engine(url)
    SQLModel.metadata.drop_all(engine)
    SQLModel.metadata.create_all(engine)
    seed(engine, args.members)
    staff = Actor(account_id=1, name="staff", phone="", roles=frozenset({"staff"}))
    print(
        f"{args.members} members, {args.members // 4} pending, on {engine.url.get_backend_name()}"
    )
    measure(engine, "pending queue, first page", lambda s: approval.pending_queue(s, staff))
    measure(
        engine,
        "pending queue, last page",
        lambda s: approval.pending_queue(s, staff, None, 10**5),
    )
    measure(engine, "pending queue, one grid", lambda s: approval.pending_queue(s, staff, 2, 3))
    measure(engine, "staff figures", lambda s: stats.overview(s, staff))
    measure(engine, "inbox page (200 messages)", lambda s: inbox.list_messages(s, staff, 2))
    SQLModel.metadata.drop_all(engine)


if __name__ == "__main__":
    main()
