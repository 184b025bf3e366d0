"""The groundwork of the visit demo (visits.py): the members who may be visited, the grid's
secretary and staff who do the work, moments on the demo's days, and calling a service "as of"
a moment (what it stamped now is restamped). The parts that use it: visit_care.py (health and
help records, the monthly duty), visit_requests.py (requests in every state) and
visit_campaigns.py (two holiday campaigns)."""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import event
from sqlmodel import Session

from huajin_pwa import text
from huajin_pwa.demo import data
from huajin_pwa.demo.records import SEED, Person, Plan
from huajin_pwa.models import AuditEntry, Message, Visit
from huajin_pwa.services import clock, visit_work
from huajin_pwa.services.actor import Actor

VISIT_SEED = SEED * 10 + 3
SUFFIX = text.Demo.SUFFIX
MEMBER_PHONE = "13800000004"  # one open request, one done, one cancelled
FRAIL_PHONE = "13800000005"  # in difficulty, not visited this month


@dataclass(frozen=True)
class VisitSummary:
    """What the visit demo loaded."""

    visits: int
    campaigns: int
    helps: int
    health_records: int


@dataclass(frozen=True)
class Member:
    person: Person
    account_id: int
    grid_id: int
    approved: date  # the local day the disclosure was approved

    @property
    def grid(self) -> int:
        return self.person.grid

    def actor(self) -> Actor:
        return Actor(
            account_id=self.account_id,
            name=self.person.name,
            phone=self.person.phone,
            roles=frozenset(self.person.roles),
        )


def marked(words: str) -> str:
    """Free text marked as demo data (nothing stays nothing)."""
    return words + SUFFIX if words else ""


class VisitWriter:
    """What every part of the visit demo writes with: one seeded generator, the members, the
    workers, the clock of the demo, and the service calls restamped to their moments."""

    def __init__(
        self, session: Session, plan: Plan, now: datetime, grid_ids, account_ids, office_ids
    ):
        self.session = session
        self.rng = random.Random(VISIT_SEED)
        self.today = clock.today()
        self.month = clock.month_start(self.today)
        # Nothing is dated later than this: now when today is the real day, else the evening
        # of the pretended day (HUAJIN_TODAY). Days are drawn from today alone, so the same
        # day gives the same visits at any hour.
        real = now.astimezone(clock.LOCAL_TZ)
        evening = datetime.combine(self.today, time(21), tzinfo=clock.LOCAL_TZ)
        self.latest = (real if real.date() == self.today else evening) - timedelta(minutes=10)
        offices = {office.role: office for office in plan.offices}
        secretary, staff = offices["secretary"], offices["staff"]
        self.secretary_grid = secretary.grid
        self.secretary = Actor(
            account_id=office_ids["secretary"],
            name=secretary.name,
            phone=secretary.phone,
            roles=frozenset({"secretary"}),
            secretary_grids=frozenset({grid_ids[secretary.grid]}),
        )
        self.staff = Actor(
            account_id=office_ids["staff"],
            name=staff.name,
            phone=staff.phone,
            roles=frozenset({"staff"}),
        )
        self.members = [
            Member(
                person=p,
                account_id=account_ids[p.phone],
                grid_id=grid_ids[p.grid],
                approved=self.today - timedelta(days=int(p.reviewed_ago)),
            )
            for p in plan.people
            if p.status == "approved" and p.grid
        ]
        self.by_phone = {m.person.phone: m for m in self.members}
        self.by_id = {m.account_id: m for m in self.members}
        self.unvisited = self._unvisited_this_month()
        self.fresh: list[Message | AuditEntry] = []  # added since the last stamp
        self.helps = 0
        self.health_records = 0

    # --- time -----------------------------------------------------------------------------

    def on(self, day: date, hour: float) -> datetime:
        """A moment on a local day, never later than (nearly) now."""
        moment = datetime.combine(day, time(int(hour), int(hour % 1 * 60)), clock.LOCAL_TZ)
        return min(moment, self.latest).astimezone(UTC)

    def days_ago(self, days: int, hour: float) -> datetime:
        return self.on(self.today - timedelta(days=days), hour)

    def after(self, moment: datetime, low_hours: float, high_hours: float) -> datetime:
        later = moment + timedelta(hours=self.rng.uniform(low_hours, high_hours))
        return min(later, self.latest.astimezone(UTC))

    def day_between(self, low: date, high: date) -> date | None:
        if low > high:
            return None
        return low + timedelta(days=self.rng.randint(0, (high - low).days))

    def latest_day(self, member: Member) -> date:
        """The last day a visit to member may be done: today, or before this month."""
        if member.account_id in self.unvisited:
            return self.month - timedelta(days=1)
        return self.today

    # --- the service calls and their moments ----------------------------------------------

    def told(self):
        """run(), noting meanwhile the messages and audit entries the services add."""
        event.listen(self.session, "transient_to_pending", self.collect)
        try:
            return self.run()
        finally:
            event.remove(self.session, "transient_to_pending", self.collect)

    def collect(self, _session: Session, row) -> None:
        """Session hook: note the messages and audit entries the services add."""
        if isinstance(row, (Message, AuditEntry)):
            self.fresh.append(row)

    def act(self, when: datetime, call, *args):
        """Call a service as of `when`: what it stamped "now" is restamped to when."""
        result = call(self.session, *args)
        self.stamp(when)
        return result

    def stamp(self, when: datetime) -> None:
        """Date the messages and audit entries added since the last stamp; mark the messages
        as demo data, and older ones read. Mostly before they are written: no extra SQL."""
        read_at = when + timedelta(hours=3) if when < self.days_ago(2, 0) else None
        for row in self.fresh:
            if isinstance(row, Message):
                row.title = (text.Demo.TITLE_PREFIX + row.title)[:60]
                row.created_at, row.read_at = when, read_at
            else:
                row.at = when
        self.fresh.clear()

    def worker(self, member: Member) -> Actor:
        """Who does the grid's visit work: its secretary, or community staff."""
        return self.secretary if member.grid == self.secretary_grid else self.staff

    def neighbour(self, member: Member, before: date) -> Member | None:
        """Another member of the grid branch, disclosed before `before`, to go on a visit."""
        others = [
            m
            for m in self.members
            if m.grid == member.grid
            and m.account_id != member.account_id
            and m.approved < before
            and m.person.phone != FRAIL_PHONE
        ]
        return self.rng.choice(others) if others else None

    def outcome_form(self, member: Member, reason: str, day: date) -> dict:
        help_need = self.rng.choice(data.HELP_NEEDS) if self.rng.random() < 0.2 else ""
        concern = self.rng.choice(data.HEALTH_CONCERNS) if self.rng.random() < 0.15 else ""
        study = reason == "study" or (member.person.mobility_limited and self.rng.random() < 0.5)
        return {
            "visited_on": day.isoformat(),
            "outcome": marked(self.rng.choice(data.VISIT_OUTCOMES[reason])),
            "help_need": marked(help_need),
            "health_concern": marked(concern),
            "study_at_home": "on" if study else "",
        }

    # --- who stays unvisited this month -----------------------------------------------------

    def _unvisited_this_month(self) -> set[int]:
        """Half the members in difficulty of each grid, always including 13800000005."""
        unvisited = set()
        for grid in sorted({m.grid for m in self.members}):
            flagged = [m for m in self.members if m.grid == grid and m.person.family_difficulty]
            flagged.sort(key=lambda m: (m.person.phone != FRAIL_PHONE, m.account_id))
            for index, member in enumerate(flagged):
                if member.person.phone == FRAIL_PHONE or index % 2 == 1:
                    unvisited.add(member.account_id)
        return unvisited

    # --- recording a visit ------------------------------------------------------------------

    def record(self, visit: Visit, worker: Actor, member: Member, reason: str, day: date):
        form = self.outcome_form(member, reason, day)
        when = self.on(day, self.rng.uniform(15, 20))
        args = (worker, visit.id, visit.version, form)
        self.act(when, visit_work.record_done, *args).updated_at = when
