"""上门看望 in the demo (issue 3): requests in every state, the monthly duty, care records and
two holiday campaigns, written through the real services wherever their date rules allow.

What it loads, drawn from random.Random(VISIT_SEED), with every date relative to clock.today():

- Requests (已收到, 已安排, 已完成, 已取消, 未能安排) in every grid, through visits.request_visit,
  visit_work.schedule / decline / record_done and visits.cancel. 13800000004 has one open
  (已收到), one done and one cancelled request; 13800000005 one scheduled, one received and one
  done last month. The secretary of grid 1 (13800000002) has open requests and tasks.
- The monthly duty: every member in difficulty is visited each month since they disclosed
  (visit_work.log_visit); about half of them are visited this month, the rest not yet, and
  13800000005 is always among the not-yet (so the duty list flags her from day 20).
- Health records (care.set_health) and help given (care.add_help) for a dozen members.
- A holiday campaign under way (campaigns.create_campaign, all disclosed members, about half
  of the tasks done) and one that ended three weeks ago with a few tasks left unfinished.

Where the services cannot write history, rows are written directly, as the service would
have: the ended campaign and its tasks (create_campaign refuses an end in the past), and the
scheduling step of a visit already done (schedule refuses a day in the past). The services
stamp rows "now"; each call is restamped to the moment it happened (messages, audit entries,
the visit), so inboxes and histories read in order.

Marked like the rest of the demo: every free text written (notes, outcomes, follow-ups,
decline reasons, help given, campaign names) ends with "（演示数据）", and every message title
starts with "【演示数据】". Visits only happen after the member's disclosure was approved.
"""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import event, func, update
from sqlmodel import Session, select

from huajin_pwa import present, text
from huajin_pwa.demo import data
from huajin_pwa.demo.records import SEED, Person, Plan
from huajin_pwa.models import AuditEntry, Campaign, Message, Visit
from huajin_pwa.services import audit, campaigns, care, clock, inbox, visit_work, visits
from huajin_pwa.services.actor import Actor

VISIT_SEED = SEED * 10 + 3
SUFFIX = text.Demo.SUFFIX
MEMBER_PHONE = "13800000004"  # one open request, one done, one cancelled
FRAIL_PHONE = "13800000005"  # in difficulty, not visited this month
REASONS = ("chat", "chat", "help", "study", "health", "other")
ENDED_DAYS = (45, 22)  # the ended campaign ran from 45 to 22 days ago
CURRENT_DAYS = (10, 20)  # the campaign under way started 10 days ago, ends in 20 days
ENDED_UNFINISHED = 3


@dataclass(frozen=True)
class VisitSummary:
    """What the visit demo loaded."""

    visits: int
    campaigns: int
    helps: int
    health_records: int


@dataclass(frozen=True)
class _Member:
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


@dataclass(frozen=True)
class _Story:
    """One request and how it went: created int(ago) days ago (the fraction picks the hour),
    then moved on to `status`."""

    member: _Member
    status: str
    reason: str
    ago: float
    wish_in: int | None = None  # days from today the member would like it; None: 尽快
    note: str = ""


def seed_visits(
    session: Session,
    plan: Plan,
    now: datetime,
    grid_ids: dict[int, int],
    account_ids: dict[str, int],
    office_ids: dict[str, int],
) -> VisitSummary:
    """Load the visit demo into the caller's transaction (after the members are written)."""
    writer = _Visits(session, plan, now, grid_ids, account_ids, office_ids)
    event.listen(session, "transient_to_pending", writer.collect)
    try:
        return writer.run()
    finally:
        event.remove(session, "transient_to_pending", writer.collect)


def _marked(words: str) -> str:
    return words + SUFFIX if words else ""


class _Visits:
    def __init__(self, session, plan, now, grid_ids, account_ids, office_ids):
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
            _Member(
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

    def run(self) -> VisitSummary:
        self.care_records()
        self.monthly_duty()
        for story in self.stories():
            self.tell(story)
        self.ended_campaign()
        self.current_campaign()
        total = self.session.exec(select(func.count()).select_from(Visit)).one()
        return VisitSummary(total, 2, self.helps, self.health_records)

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

    def latest_day(self, member: _Member) -> date:
        """The last day a visit to member may be done: today, or before this month."""
        if member.account_id in self.unvisited:
            return self.month - timedelta(days=1)
        return self.today

    # --- the service calls and their moments ----------------------------------------------

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

    def worker(self, member: _Member) -> Actor:
        """Who does the grid's visit work: its secretary, or community staff."""
        return self.secretary if member.grid == self.secretary_grid else self.staff

    def neighbour(self, member: _Member, before: date) -> _Member | None:
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

    def outcome_form(self, member: _Member, reason: str, day: date) -> dict:
        help_need = self.rng.choice(data.HELP_NEEDS) if self.rng.random() < 0.2 else ""
        concern = self.rng.choice(data.HEALTH_CONCERNS) if self.rng.random() < 0.15 else ""
        study = reason == "study" or (member.person.mobility_limited and self.rng.random() < 0.5)
        return {
            "visited_on": day.isoformat(),
            "outcome": _marked(self.rng.choice(data.VISIT_OUTCOMES[reason])),
            "help_need": _marked(help_need),
            "health_concern": _marked(concern),
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

    # --- health and help records ------------------------------------------------------------

    def care_records(self) -> None:
        flagged = [m for m in self.members if m.person.family_difficulty]
        others = [m for m in self.members if not m.person.family_difficulty]
        member = self.by_phone[MEMBER_PHONE]
        chosen = [member, *flagged, *self.rng.sample([m for m in others if m != member], 7)]
        for member in chosen:
            has = member.person.phone in (MEMBER_PHONE, FRAIL_PHONE) or self.rng.random() < 0.75
            form = {"has_record": "yes" if has else "no"}
            if has:
                year = self.today.year - self.rng.randint(1, 12)
                since = date(year, self.rng.randint(1, 12), 1)
                form["since"] = since.replace(day=self.rng.randint(1, 28)).isoformat()
            day = self.day_between(member.approved + timedelta(days=1), self.today)
            if day is None:
                continue
            when = self.on(day, self.rng.uniform(9, 17))
            record = self.act(when, care.set_health, self.worker(member), member.account_id, form)
            record.updated_at = when
            self.health_records += 1
        frail = self.by_phone[FRAIL_PHONE]
        for member in flagged + [m for m in others if m.person.mobility_limited][:2]:
            if member is frail:
                helps = data.HELPS[:4]  # 送米送油, 代缴水电费, 陪同就医, 助浴
            elif member.person.family_difficulty:
                helps = self.rng.sample(data.HELPS, self.rng.randint(1, 3))
            else:
                helps = [self.rng.choice((data.HELPS[3], data.HELPS[4]))]
            for what, given_by in helps:
                day = self.day_between(member.approved + timedelta(days=1), self.today)
                if day is None:
                    continue
                form = {"what": _marked(what), "given_on": day.isoformat(), "given_by": given_by}
                when = self.on(day, self.rng.uniform(14, 18))
                record = self.act(when, care.add_help, self.worker(member), member.account_id, form)
                record.created_at = when
                self.helps += 1

    # --- the monthly duty -------------------------------------------------------------------

    def monthly_duty(self) -> None:
        """A logged visit every month since disclosing; this month only for the visited."""
        last_month = clock.month_start(self.month - timedelta(days=1))
        months = [
            (clock.month_start(last_month - timedelta(days=1)), last_month - timedelta(days=1)),
            (last_month, self.month - timedelta(days=1)),
            (self.month, self.today),
        ]
        earliest = self.today - timedelta(days=visit_work.RECORD_WINDOW_DAYS)
        for member in self.members:
            if not member.person.family_difficulty:
                continue
            for start, end in months:
                low = max(start, member.approved + timedelta(days=1), earliest)
                day = self.day_between(low, min(end, self.latest_day(member)))
                if day is not None:
                    self.log(member, day)

    def log(self, member: _Member, day: date) -> Visit:
        reason = "help" if self.rng.random() < 0.3 else "chat"
        form = {"reason": reason, **self.outcome_form(member, reason, day)}
        form["outcome"] = _marked(self.rng.choice(data.VISIT_OUTCOMES["duty"]))
        when = self.on(day, self.rng.uniform(9, 17))
        worker = self.worker(member)
        visit = self.act(when, visit_work.log_visit, worker, member.account_id, form)
        visit.created_at = visit.updated_at = when
        if worker is self.staff:  # staff wrote it down; a member of the grid branch went
            other = self.neighbour(member, day)
            if other is not None:
                visit.visitor_id = other.account_id
        return visit

    # --- requests ---------------------------------------------------------------------------

    def stories(self) -> list[_Story]:
        member, frail = self.by_phone[MEMBER_PHONE], self.by_phone[FRAIL_PHONE]
        stories = [
            _Story(member, "done", "health", 19.3),
            _Story(member, "cancelled", "study", 9.4, note=data.VISIT_NOTES["study"][0]),
            _Story(member, "received", "chat", 1.6, wish_in=3, note=data.VISIT_NOTES["chat"][1]),
            _Story(frail, "done", "health", 36.5, note=data.VISIT_NOTES["health"][0]),
            _Story(frail, "scheduled", "help", 2.7, note=data.VISIT_NOTES["help"][1]),
            _Story(frail, "received", "study", 0.8, note=data.VISIT_NOTES["study"][1]),
        ]
        taken = {(s.member.account_id, s.reason) for s in stories}
        for grid in sorted({m.grid for m in self.members}):
            statuses = ["received", "received", "scheduled", "done", "done"]
            statuses.append("declined" if grid % 2 else "cancelled")
            if grid == self.secretary_grid:
                statuses.append("cancelled")
            for index, status in enumerate(statuses):
                ago = self._age(status, grid + index)
                story = self._story(grid, status, ago, taken)
                if story is not None:
                    taken.add((story.member.account_id, story.reason))
                    stories.append(story)
        return stories

    def _age(self, status: str, turn: int) -> float:
        if status == "received":  # open 0-3 days, 4-7 days and over a week (the staff figures)
            low, high = ((0.0, 2.99), (4.0, 6.99), (8.0, 12.99))[turn % 3]
        elif status == "scheduled":
            low, high = 2.0, 9.0
        elif status == "done":
            low, high = 6.0, 40.0
        else:
            low, high = 3.0, 25.0
        return round(self.rng.uniform(low, high), 3)

    def _story(self, grid: int, status: str, ago: float, taken: set) -> _Story | None:
        candidates = [
            m
            for m in self.members
            if m.grid == grid
            and m.person.phone not in (MEMBER_PHONE, FRAIL_PHONE)
            and int(ago) < int(m.person.reviewed_ago)
            and not (status == "done" and m.account_id in self.unvisited)
        ]
        for _try in range(20):
            if not candidates:
                return None
            member, reason = self.rng.choice(candidates), self.rng.choice(REASONS)
            if (member.account_id, reason) in taken:
                continue
            note = self.rng.choice(data.VISIT_NOTES[reason]) if self.rng.random() < 0.6 else ""
            wish_in = self.rng.randint(1, 6) if status in visits.OPEN and ago < 8 else None
            if wish_in is not None and self.rng.random() < 0.4:
                wish_in = None
            return _Story(member, status, reason, ago, wish_in, note)
        return None

    def tell(self, story: _Story) -> None:
        member, worker = story.member, self.worker(story.member)
        form = {"reason": story.reason, "day": visits.SOON, "note": _marked(story.note)}
        if story.wish_in is not None:
            form["day"] = (self.today + timedelta(days=story.wish_in)).isoformat()
            form["part"] = self.rng.choice(tuple(text.Visit.PARTS))
        created_on = self.today - timedelta(days=int(story.ago))
        when = self.on(created_on, 8 + story.ago % 1 * 13)
        visit, created = self.act(when, visits.request_visit, member.actor(), form)
        if not created:  # the stories never give a member two open requests for one reason
            raise RuntimeError(f"demo request doubled: {member.person.phone} {story.reason}")
        visit.created_at = visit.updated_at = when
        later = self.after(when, 1, 20)
        if story.status == "scheduled":
            other = self.neighbour(member, self.today)
            use_other = other is not None and (worker is self.staff or self.rng.random() < 0.4)
            form = {
                "day": (self.today + timedelta(days=self.rng.randint(1, 6))).isoformat(),
                "part": self.rng.choice(tuple(text.Visit.PARTS)),
                "visitor": other.person.phone if use_other else "",
            }
            if member.person.phone == FRAIL_PHONE:
                form = {"day": (self.today + timedelta(days=2)).isoformat(), "part": "pm"}
            args = (worker, visit.id, visit.version, form)
            self.act(later, visit_work.schedule, *args).updated_at = later
        elif story.status == "declined":
            reason = _marked(self.rng.choice(data.DECLINE_REASONS))
            args = (worker, visit.id, visit.version, reason)
            self.act(later, visit_work.decline, *args).updated_at = later
        elif story.status == "cancelled":
            self.act(later, visits.cancel, member.actor(), visit.id).updated_at = later
        elif story.status == "done":
            high = min(created_on + timedelta(days=4), self.latest_day(member), self.today)
            day = self.day_between(created_on + timedelta(days=1), high) or created_on
            self.scheduled_before(visit, worker, day, self.after(when, 1, 3))
            self.record(visit, worker, member, story.reason, day)

    def scheduled_before(self, visit: Visit, worker: Actor, day: date, when: datetime) -> None:
        """What visit_work.schedule did for a visit whose day has passed (it refuses one)."""
        member = self.by_id[visit.member_id]
        other = self.neighbour(member, day)
        go = other if other is not None and self.rng.random() < 0.5 else None
        visitor = go.account_id if go else worker.account_id
        visit.status, visit.visit_day = "scheduled", day
        visit.visit_part = self.rng.choice(tuple(text.Visit.PARTS))
        visit.visitor_id, visit.handled_by_id = visitor, worker.account_id
        visit.version += 1
        visit.updated_at = when
        inbox.send(
            self.session,
            visit.member_id,
            text.Visit.SCHEDULED_TITLE,
            text.Visit.SCHEDULED_BODY.format(
                visitor=go.person.name if go else worker.name,
                day=present.date_label(day),
                part=visits.part_name(visit.visit_part),
                reason=visits.reason_name(visit),
            ),
            "/visits",
        )
        audit.record(self.session, worker.account_id, "visit_scheduled", "visit", visit.id)
        self.stamp(when)

    def record(self, visit: Visit, worker: Actor, member: _Member, reason: str, day: date):
        form = self.outcome_form(member, reason, day)
        when = self.on(day, self.rng.uniform(15, 20))
        args = (worker, visit.id, visit.version, form)
        self.act(when, visit_work.record_done, *args).updated_at = when

    # --- holiday campaigns ------------------------------------------------------------------

    def holiday_name(self, day: date) -> str:
        for months, name in data.HOLIDAY_CAMPAIGNS:
            if day.month in months:
                return name
        return data.HOLIDAY_CAMPAIGNS[0][1]

    def ended_campaign(self) -> None:
        """A campaign that ended three weeks ago, written directly (the service refuses an end
        in the past), for the members disclosed by then; a few tasks were never done."""
        starts_on = self.today - timedelta(days=ENDED_DAYS[0])
        ends_on = self.today - timedelta(days=ENDED_DAYS[1])
        name = self.holiday_name(starts_on + (ends_on - starts_on) / 2)
        if name == self.holiday_name(self.today):
            index = [n for _m, n in data.HOLIDAY_CAMPAIGNS].index(name)
            name = data.HOLIDAY_CAMPAIGNS[index - 1][1]
        covered = [m for m in self.members if m.approved < starts_on]
        when = self.on(starts_on, 9)
        campaign = Campaign(
            name=_marked(name),
            starts_on=starts_on,
            ends_on=ends_on,
            audience="all",
            task_count=len(covered),
            created_by_id=self.staff.account_id,
            created_at=when,
        )
        self.session.add(campaign)
        self.session.flush()
        tasks = [
            Visit(
                member_id=m.account_id,
                grid_id=m.grid_id,
                source="campaign",
                campaign_id=campaign.id,
                reason="holiday",
                created_by_id=self.staff.account_id,
                created_at=when,
                updated_at=when,
            )
            for m in covered
        ]
        self.session.add_all(tasks)
        self.session.flush()
        per_grid: dict[int, int] = {}
        for task in tasks:
            per_grid[task.grid_id] = per_grid.get(task.grid_id, 0) + 1
        for grid_id, count in sorted(per_grid.items()):  # as campaigns.create_campaign does
            for secretary_id in visits.secretary_ids(self.session, grid_id):
                inbox.send(
                    self.session,
                    secretary_id,
                    text.Campaign.TASKS_TITLE.format(name=campaign.name),
                    text.Campaign.TASKS_BODY.format(
                        name=campaign.name, count=count, end=present.date_label(ends_on)
                    ),
                    "/secretary/tasks",
                )
        audit.record(
            self.session,
            self.staff.account_id,
            "campaign_created",
            "campaign",
            campaign.id,
            campaign.name,
        )
        self.stamp(when)
        left = set(self.rng.sample(range(len(tasks)), min(ENDED_UNFINISHED, len(tasks))))
        for index, (task, member) in enumerate(zip(tasks, covered, strict=True)):
            low = max(starts_on, member.approved + timedelta(days=1))
            day = self.day_between(low, min(ends_on, self.latest_day(member)))
            if index not in left and day is not None:
                self.record(task, self.worker(member), member, "holiday", day)

    def current_campaign(self) -> None:
        """A campaign for every disclosed member, started ten days ago, about half done."""
        starts_on = self.today - timedelta(days=CURRENT_DAYS[0])
        ends_on = self.today + timedelta(days=CURRENT_DAYS[1])
        form = {
            "name": _marked(self.holiday_name(self.today)),
            "starts_on": starts_on.isoformat(),
            "ends_on": ends_on.isoformat(),
            "audience": "all",
        }
        when = self.on(starts_on, 9)
        campaign = self.act(when, campaigns.create_campaign, self.staff, form)
        campaign.created_at = when
        self.session.exec(
            update(Visit)
            .where(Visit.campaign_id == campaign.id)
            .values(created_at=when, updated_at=when)
            .execution_options(synchronize_session=False)
        )
        tasks = self.session.exec(
            select(Visit).where(Visit.campaign_id == campaign.id).order_by(Visit.id)
        ).all()
        by_id = self.by_id
        for grid in sorted({m.grid for m in self.members}):
            mine = [t for t in tasks if by_id[t.member_id].grid == grid]
            self.rng.shuffle(mine)
            done = 0
            for task in mine:
                member = by_id[task.member_id]
                low = max(starts_on, member.approved + timedelta(days=1))
                day = self.day_between(low, self.latest_day(member))
                wanted = done < len(mine) // 2 and member.person.phone != FRAIL_PHONE
                if wanted and day is not None:
                    self.record(task, self.worker(member), member, "holiday", day)
                    done += 1
                elif self.rng.random() < 0.3:
                    self.schedule_task(task, member)

    def schedule_task(self, task: Visit, member: _Member) -> None:
        worker = self.worker(member)
        other = self.neighbour(member, self.today)
        form = {
            "day": (self.today + timedelta(days=self.rng.randint(1, 10))).isoformat(),
            "part": self.rng.choice(tuple(text.Visit.PARTS)),
            "visitor": other.person.phone if other and worker is self.staff else "",
        }
        when = self.days_ago(self.rng.randint(0, 2), self.rng.uniform(8, 20))
        self.act(when, visit_work.schedule, worker, task.id, task.version, form).updated_at = when
