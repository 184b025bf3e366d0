"""The teams' activities in the demo (issue 5), over the past eight weeks and the next four,
every time relative to clock.now() at seed time (Asia/Shanghai days):

- each volunteer team's regular 志愿服务 every two weeks, each troupe's weekly 排练 and a
  演出, three 义卖 (two over, with what they raised), community 学习 (some members only), one
  cancelled (its people were told);
- sign-ups (some cancelled), check-ins at past ones, and confirmed service hours at most past
  志愿服务; seats_taken always equals the number of signed rows;
- the titled activities of activity_cast.py, exactly as described there.

The people of activity_cast.py and the six sign-ins are only where activity_cast.py puts them.
Drawn from random.Random(ACTIVITY_SEED); rows go in bulk. Descriptions end with "（演示数据）",
message titles start with "【演示数据】"."""

import random
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import insert
from sqlmodel import Session

from huajin_pwa import text
from huajin_pwa.demo import activity_cast as cast
from huajin_pwa.demo.records import SEED, Plan
from huajin_pwa.demo.team_data import COMMUNITY, SALES, SERVICE_TITLES
from huajin_pwa.demo.teams import KEPT_OUT, Roster, seed_teams
from huajin_pwa.models import Activity, ActivitySignup, CharitySale, Message
from huajin_pwa.services import clock

ACTIVITY_SEED = SEED * 10 + 6
SUFFIX = text.Demo.SUFFIX
PAST_DAYS, NEXT_DAYS = 56, 28
CANCELLED_TITLE = "南湖岸边捡垃圾"  # its next one is called off
DESCRIPTIONS = {
    "service": "请穿舒适的鞋，戴好志愿者红帽或马甲，提前十分钟到。",
    "rehearsal": "排练新节目，老队员带新队员，欢迎邻居来看。",
    "show": "社区文艺演出，居民都可以来看，请提前入场。",
    "sale": "义卖所得全部用于社区公益，欢迎大家来挑选。",
    "study": "一起学习，会后交流心得。",
}
CANCEL_TITLE = "活动取消："
CANCEL_BODY = "因天气原因，{title}取消了，下次活动再见。"


@dataclass(frozen=True)
class ActivitySummary:
    """What the team and activity demo loaded."""

    teams: int
    activities: int
    signups: int
    sales: int


def seed_activities(
    session: Session, plan: Plan, account_ids: dict[str, int], office_ids: dict[str, int]
) -> ActivitySummary:
    """Load the teams and their activities into the caller's transaction (after the
    study demo and the cast's accounts)."""
    now = clock.now()
    roster = seed_teams(session, plan, now, account_ids, office_ids["staff"])
    return _Activities(session, plan, now, roster, account_ids, office_ids["staff"]).write()


@dataclass
class _Draft:
    row: dict
    signups: list[dict]


class _Activities:
    def __init__(self, session, plan: Plan, now: datetime, roster: Roster, ids, staff: int):
        self.session, self.now, self.roster, self.ids, self.staff = session, now, roster, ids, staff
        self.rng = random.Random(ACTIVITY_SEED)
        self.today = now.astimezone(clock.LOCAL_TZ).date()
        kept = {ids[phone] for phone in KEPT_OUT if phone in ids}
        bulk = [p for p in plan.people if ids[p.phone] not in kept]
        self.members_pool = [ids[p.phone] for p in bulk if p.status == "approved"]
        self.public_pool = [ids[p.phone] for p in bulk]
        self.regulars = {
            team: [a for a in members if a not in kept] for team, members in roster.members.items()
        }
        self.drafts: list[_Draft] = []
        self.sales: list[tuple[_Draft, str]] = []
        self.cancelled: list[_Draft] = []

    # --- time ----------------------------------------------------------------------------

    def local(self, days: int, hour: float) -> datetime:
        day: date = self.today + timedelta(days=days)
        moment = datetime.combine(day, time(int(hour), int(hour % 1 * 60)), clock.LOCAL_TZ)
        return moment.astimezone(UTC)

    # --- activities --------------------------------------------------------------------------

    def add(self, title, kind, team, starts, hours, capacity, audience="public", **extra):
        """An activity (not yet written) and its sign-ups, drawn unless given."""
        ends = starts + timedelta(hours=hours)
        created = min(starts - timedelta(days=self.rng.uniform(5, 14)), self.now - timedelta(1))
        team_id = self.roster.ids[team] if team else None
        row = {
            "team_id": team_id,
            "kind": kind,
            "title": title,
            "starts_at": starts,
            "ends_at": ends,
            "place": self.roster.places[team_id] if team_id else "党群服务中心二楼会议室",
            "capacity": capacity,
            "audience": audience,
            "description": DESCRIPTIONS[kind] + SUFFIX,
            "token": secrets.token_urlsafe(32),
            "status": extra.get("status", "open"),
            "created_by_id": self.roster.leaders[team_id] if team_id else self.staff,
            "created_at": created,
            "updated_at": created,
        }
        draft = _Draft(row, [])
        people = extra.get("people")
        if people is None:
            people = self.draw(team_id, audience, capacity, kind)
        for person in people:
            self.sign(draft, person)
        self.drafts.append(draft)
        return draft

    def draw(self, team_id, audience: str, capacity: int, kind: str) -> list[int]:
        pool = self.members_pool if audience == "members" else self.public_pool
        own = [a for a in self.regulars.get(team_id, []) if audience == "public" or a in pool]
        wanted = min(capacity, self.rng.randint(3, 12) if kind != "show" else 60)
        picked = self.rng.sample(own, min(len(own), wanted))
        others = [a for a in pool if a not in picked]
        return picked + self.rng.sample(others, max(0, wanted - len(picked)))

    def sign(self, draft: _Draft, account: int, status: str = "signed", **extra) -> dict:
        row = draft.row
        ago = timedelta(hours=self.rng.uniform(2, 96))
        created = extra.pop("created", None) or max(row["created_at"], row["starts_at"] - ago)
        created = min(created, self.now - timedelta(minutes=40))
        signup = {
            "account_id": account,
            "status": status,
            "created_at": created,
            "updated_at": created,
            "checked_in_at": None,
            "check_in_via": "",
            "service_minutes": None,
            "hours_confirmed_at": None,
            "hours_confirmed_by_id": None,
        } | extra
        draft.signups.append(signup)
        return signup

    def check_in(self, signup: dict, starts: datetime) -> None:
        signup["checked_in_at"] = starts + timedelta(minutes=self.rng.uniform(-40, 15))
        signup["check_in_via"] = self.rng.choice(("scan", "scan", "tick"))
        signup["updated_at"] = signup["checked_in_at"]

    def confirm(self, draft: _Draft, signup: dict, minutes: int | None = None) -> None:
        row = draft.row
        length = int((row["ends_at"] - row["starts_at"]).total_seconds() // 60)
        if minutes is None:
            minutes = length if self.rng.random() < 0.85 else max(30, length - 30)
        at = min(row["ends_at"] + timedelta(hours=self.rng.uniform(1, 30)), self.now)
        signup |= {
            "service_minutes": minutes,
            "hours_confirmed_at": at,
            "hours_confirmed_by_id": row["created_by_id"],
            "updated_at": at,
        }

    def happened(self, draft: _Draft, confirm: bool) -> None:
        """A past activity: most of its people came; hours confirmed when asked."""
        for signup in draft.signups:
            if signup["status"] == "signed" and self.rng.random() < 0.85:
                self.check_in(signup, draft.row["starts_at"])
                if confirm:
                    self.confirm(draft, signup)

    # --- the calendar ----------------------------------------------------------------------

    def regular(self) -> None:
        days = range(-PAST_DAYS, NEXT_DAYS + 1)
        for name, team_id in self.roster.ids.items():
            hour = self.rng.choice((8.5, 9, 9.5, 14.5, 15))
            first = self.rng.randint(0, 13)
            troupe = self.roster.kinds[team_id] == "troupe"
            step, title, kind = (7, name + "排练", "rehearsal") if troupe else (14, None, "service")
            title = title or SERVICE_TITLES[name]
            for offset in (d for d in days if (d - days.start - first) % step == 0):
                starts = self.local(offset, hour)
                if offset == 0 and starts < self.now + timedelta(hours=1):
                    continue  # today's are all still to come (only CHECKIN_TITLE is under way)
                capacity = 40 if troupe else self.rng.randint(8, 20)
                draft = self.add(title, kind, name, starts, 2, capacity)
                if offset < 0:
                    self.happened(draft, confirm=not troupe and self.rng.random() < 0.85)
                elif title == CANCELLED_TITLE and not self.cancelled:
                    draft.row["status"] = "cancelled"
                    self.cancelled.append(draft)
            if troupe:
                offset = self.rng.choice((-30, -16, 10, 20))
                show = self.add(name + "汇报演出", "show", name, self.local(offset, 19), 2, 200)
                if offset < 0:
                    self.happened(show, confirm=False)

    def others(self) -> None:
        for index, (team, title, purpose) in enumerate(SALES):
            offset = (-40, -19, 12)[index]
            draft = self.add(title, "sale", team, self.local(offset, 9.5), 2.5, 30)
            if offset < 0:
                self.happened(draft, confirm=False)
                self.sales.append((draft, purpose))
        for title, kind, audience in COMMUNITY:
            for offset in (-45, -24, -10, 8, 22):
                draft = self.add(title, kind, None, self.local(offset, 14.5), 1.5, 60, audience)
                if offset < 0:
                    self.happened(draft, confirm=False)

    def titled(self) -> None:
        """The activities of activity_cast.py, exactly as described there."""
        ids, now, hour = self.ids, self.now, timedelta(hours=1)
        red, wing = cast.LEADER_TEAM, "爱之翼"
        begun = (now - hour / 2).replace(second=0, microsecond=0)
        begun -= timedelta(minutes=begun.minute % 5)  # 13:00, not 13:02
        draft = self.add(cast.CHECKIN_TITLE, "service", red, begun, 3.5, 20, people=[])
        for phone in (cast.MEMBER_PHONE, *cast.CREW):
            self.sign(draft, ids[phone])
        for title, ended, hours, phones in (
            (cast.HOURS_TITLE, 50, 3, (cast.MEMBER_PHONE,)),
            (cast.CREW_HOURS_TITLE, 26, 2, cast.CREW),
        ):
            draft = self.add(
                title, "service", red, now - ended * hour - hours * hour, hours, 20, people=[]
            )
            for phone in phones:
                self.check_in(self.sign(draft, ids[phone]), draft.row["starts_at"])
        done = self.add(cast.DONE_HOURS_TITLE, "service", red, self.local(-14, 9), 3, 20)
        self.check_in(self.sign(done, ids[cast.MEMBER_PHONE]), done.row["starts_at"])
        self.happened(done, confirm=False)
        for signup in done.signups:
            if signup["checked_in_at"] is not None:
                self.confirm(done, signup, 180)
        waiting = self.add(cast.WAITING_TITLE, "service", wing, self.local(5, 9), 2, 3, people=[])
        for n, phone in enumerate(cast.SEATED + cast.WAITING):
            status = "signed" if phone in cast.SEATED else "waiting"
            self.sign(waiting, ids[phone], status, created=now - timedelta(hours=20 - 3 * n))
        self.add(cast.SHOW_TITLE, "show", cast.LEADER_TROUPE, self.local(3, 19), 2, 200)
        sale_start = now - 26 * hour - 2 * hour
        sale = self.add(cast.SALE_TITLE, "sale", "巧姐姐", sale_start, 2, 30)
        self.happened(sale, confirm=False)
        self.add(cast.MEMBERS_ONLY_TITLE, "study", None, self.local(2, 14.5), 1.5, 60, "members")

    # --- writing -----------------------------------------------------------------------------

    def cancel_some_signups(self) -> None:
        """A few people changed their minds (never the walkthroughs' rows)."""
        for draft in self.drafts:
            if draft.row["title"] in TITLES:
                continue
            for signup in draft.signups:
                if signup["checked_in_at"] is None and self.rng.random() < 0.05:
                    signup["status"] = "cancelled"

    def write(self) -> ActivitySummary:
        self.regular()
        self.others()
        self.titled()
        self.cancel_some_signups()
        activities = [Activity(**d.row) for d in self.drafts]
        for activity, draft in zip(activities, self.drafts, strict=True):
            activity.seats_taken = sum(s["status"] == "signed" for s in draft.signups)
        self.session.add_all(activities)
        self.session.flush()
        rows = [
            s | {"activity_id": activity.id}
            for activity, draft in zip(activities, self.drafts, strict=True)
            for s in draft.signups
        ]
        self.session.execute(insert(ActivitySignup), rows)
        written = {id(d): a for a, d in zip(activities, self.drafts, strict=True)}
        self.session.add_all(
            CharitySale(
                activity_id=written[id(draft)].id,
                amount_fen=self.rng.randint(800, 4000) * 100 + self.rng.choice((0, 50)),
                purpose=purpose,
                recorded_by_id=draft.row["created_by_id"],
                recorded_at=draft.row["ends_at"] + timedelta(hours=2),
            )
            for draft, purpose in self.sales
        )
        for draft in self.cancelled:
            self._tell_cancelled(written[id(draft)], draft)
        return ActivitySummary(len(self.roster.ids), len(activities), len(rows), len(self.sales))

    def _tell_cancelled(self, activity: Activity, draft: _Draft) -> None:
        """Everyone signed up was told (the seats stay counted, as the service leaves them)."""
        told = self.now - timedelta(hours=3)
        self.session.add_all(
            Message(
                account_id=s["account_id"],
                title=(text.Demo.TITLE_PREFIX + CANCEL_TITLE + activity.title)[:60],
                body=CANCEL_BODY.format(title=activity.title),
                link=f"/activities/{activity.id}",
                created_at=told,
            )
            for s in draft.signups
            if s["status"] == "signed"
        )


TITLES = {
    cast.CHECKIN_TITLE,
    cast.HOURS_TITLE,
    cast.CREW_HOURS_TITLE,
    cast.DONE_HOURS_TITLE,
    cast.WAITING_TITLE,
    cast.SALE_TITLE,
}
