"""The 参与情况 figures on /staff against hand-built data: members in an active team, this
month's activities (Wuhan's month; cancelled ones out), attendance at the ended ones, this
year's confirmed service hours by team (top ten and the rest); a fixed number of statements."""

import secrets
from datetime import UTC, datetime, timedelta

import pytest

from huajin_pwa import text
from huajin_pwa.models import Account, Activity, ActivitySignup, RoleGrant, Team, TeamMember
from huajin_pwa.services import clock, participation
from huajin_pwa.services.errors import PermissionDenied
from tests.unit import visit_support as vs
from tests.unit.study_support import count_queries

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=clock.LOCAL_TZ)  # Monday 15 June, 10:00 in Wuhan


def wuhan(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=clock.LOCAL_TZ).astimezone(UTC)


@pytest.fixture
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: NOW.date())
    monkeypatch.setattr(clock, "now", lambda: NOW.astimezone(UTC))


class Builder:
    """Rows written straight into the database."""

    def __init__(self, session, staff):
        self.session, self.staff, self.n = session, staff, 0

    def person(self, roles=(), active: bool = True) -> int:
        self.n += 1
        account = Account(
            phone=f"1370000{self.n:04d}", name=f"居民{self.n}", secret_kind="pin",
            secret_hash="x", active=active,
        )  # fmt: skip
        self.session.add(account)
        self.session.flush()
        self.session.add_all([RoleGrant(account_id=account.id, role=role) for role in roles])
        return account.id

    def team(self, name: str, active: bool = True) -> int:
        team = Team(
            name=name, kind="volunteer", summary="服务", meets_when="周一", meets_where="社区",
            active=active,
        )  # fmt: skip
        self.session.add(team)
        self.session.flush()
        return team.id

    def join(self, team_id: int, account_id: int, status: str = "active") -> None:
        self.session.add(TeamMember(team_id=team_id, account_id=account_id, status=status))

    def activity(self, starts: datetime, team_id=None, status="open", hours=2) -> int:
        row = Activity(
            team_id=team_id, kind="service", title="服务", starts_at=starts,
            ends_at=starts + timedelta(hours=hours), place="社区", capacity=50,
            token=secrets.token_urlsafe(24), status=status, created_by_id=self.staff.account_id,
        )  # fmt: skip
        self.session.add(row)
        self.session.flush()
        return row.id

    def signups(self, activity_id: int, signed: int, checked: int, status="signed", minutes=None):
        for i in range(signed):
            self.session.add(
                ActivitySignup(
                    activity_id=activity_id,
                    account_id=self.person(),
                    status=status,
                    checked_in_at=NOW if i < checked else None,
                    service_minutes=minutes,
                    hours_confirmed_at=NOW if minutes else None,
                )
            )

    def done(self) -> None:
        self.session.commit()


@pytest.fixture
def build(session, staff, fixed_clock):
    return Builder(session, staff)


def test_members_in_an_active_team_out_of_all_members(run, staff, build):
    in_team, stopped_only, asking, _idle = (build.person(["member"]) for _ in range(4))
    resident = build.person()  # in a team without the member role: not counted
    disabled = build.person(["member"], active=False)
    open_team, stopped = build.team("老红帽"), build.team("旧队", active=False)
    build.join(open_team, in_team)
    build.join(open_team, resident)
    build.join(open_team, disabled)
    build.join(open_team, asking, status="pending")
    build.join(stopped, stopped_only)
    build.join(stopped, in_team)
    build.done()
    shown = run(participation.figures, staff)
    assert (shown.in_teams, shown.members) == (1, 4)


def test_activities_this_month_in_wuhan_without_cancelled_ones(run, staff, build):
    build.activity(wuhan(2026, 6, 1, 0, 30))  # 31 May in UTC: still June in Wuhan
    build.activity(wuhan(2026, 6, 10, 9))
    build.activity(wuhan(2026, 6, 20, 9))  # to come: counted
    build.activity(wuhan(2026, 6, 12, 9), status="cancelled")
    build.activity(wuhan(2026, 5, 31, 23))  # last month
    build.activity(wuhan(2026, 7, 1, 0, 30))  # next month (30 June in UTC)
    build.done()
    assert run(participation.figures, staff).activities == 3


def test_attendance_counts_check_ins_of_sign_ups_at_this_months_ended_activities(run, staff, build):
    first = build.activity(wuhan(2026, 6, 10, 9))
    build.signups(first, signed=3, checked=2)
    build.signups(first, signed=1, checked=0, status="cancelled")
    second = build.activity(wuhan(2026, 6, 15, 7))  # ended at 9:00, before now (10:00)
    build.signups(second, signed=1, checked=1)
    build.signups(second, signed=1, checked=0, status="waiting")
    under_way = build.activity(wuhan(2026, 6, 15, 9))  # ends at 11:00
    build.signups(under_way, signed=2, checked=1)
    cancelled = build.activity(wuhan(2026, 6, 12, 9), status="cancelled")
    build.signups(cancelled, signed=2, checked=2)
    last_month = build.activity(wuhan(2026, 5, 20, 9))
    build.signups(last_month, signed=4, checked=0)
    build.done()
    shown = run(participation.figures, staff)
    assert (shown.attended, shown.signed) == (3, 4)


def test_no_ended_activity_gives_nothing_to_divide(run, staff, build):
    build.signups(build.activity(wuhan(2026, 6, 20, 9)), signed=2, checked=0)
    build.done()
    shown = run(participation.figures, staff)
    assert (shown.attended, shown.signed, shown.activities) == (0, 0, 1)


def test_service_hours_this_year_by_team_largest_first(run, staff, build):
    wings, hats = build.team("爱之翼"), build.team("老红帽", active=False)
    build.signups(build.activity(wuhan(2026, 3, 1, 9), wings), 2, 2, minutes=60)
    build.signups(build.activity(wuhan(2026, 6, 1, 9), wings), 1, 1, minutes=90)
    build.signups(build.activity(wuhan(2026, 6, 2, 9), wings), 3, 3)  # not confirmed
    build.signups(build.activity(wuhan(2026, 1, 1, 0, 30), hats), 1, 1, minutes=300)
    build.signups(build.activity(wuhan(2025, 12, 31, 23), hats), 5, 5, minutes=600)  # last year
    build.signups(build.activity(wuhan(2026, 5, 1, 9)), 1, 1, minutes=45)  # the community's
    build.done()
    shown = run(participation.figures, staff)
    assert shown.hours_by_team == [
        ("老红帽", 300),
        ("爱之翼", 210),
        (text.TeamWords.COMMUNITY_ACTIVITY, 45),
    ]
    assert (shown.rest_teams, shown.rest_minutes, shown.total_minutes) == (0, 0, 555)


def test_the_top_ten_teams_are_named_and_the_rest_summed(run, staff, build):
    for i in range(12):
        team = build.team(f"队伍{i:02d}")
        build.signups(build.activity(wuhan(2026, 4, 1, 9), team), 1, 1, minutes=10 * (i + 1))
    build.done()
    shown = run(participation.figures, staff)
    assert [name for name, _m in shown.hours_by_team] == [f"队伍{i:02d}" for i in range(11, 1, -1)]
    assert (shown.rest_teams, shown.rest_minutes) == (2, 10 + 20)
    assert shown.total_minutes == sum(10 * (i + 1) for i in range(12))


def test_the_figures_cost_the_same_for_2_and_30_teams(engine, run, staff, build):
    def teams(start: int, end: int) -> None:
        for i in range(start, end):
            team = build.team(f"队伍{i:02d}")
            build.join(team, build.person(["member"]))
            activity = build.activity(wuhan(2026, 6, 3, 9), team)
            build.signups(activity, 2, 1, minutes=30)
        build.done()

    teams(0, 2)
    few, shown = count_queries(engine, lambda: run(participation.figures, staff))
    assert (shown.in_teams, shown.activities, len(shown.hours_by_team)) == (2, 2, 2)
    teams(2, 30)
    many, shown = count_queries(engine, lambda: run(participation.figures, staff))
    assert (shown.in_teams, shown.activities, shown.rest_teams) == (30, 30, 20)
    assert few == many


@pytest.mark.parametrize("who", ["member", "secretary", None])
def test_only_staff_see_the_figures(run, request, who, fixed_clock):
    actor = request.getfixturevalue(who) if who else None
    vs.refused(PermissionDenied, run, participation.figures, actor)


def test_a_leader_does_not_see_them_either(run, actor_with, fixed_clock):
    vs.refused(PermissionDenied, run, participation.figures, actor_with(["member", "leader"]))


def test_an_admin_sees_them(run, admin, fixed_clock):
    shown = run(participation.figures, admin)
    assert (shown.members, shown.activities, shown.hours_by_team) == (0, 0, [])
