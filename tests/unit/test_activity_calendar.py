"""The public calendar: a week at a time, today first, by kind, members-only hidden from those
who may not see it, the viewer's statuses, a fixed number of queries; one activity's page."""

from datetime import timedelta

import pytest

from huajin_pwa import db, text
from huajin_pwa.models import CharitySale
from huajin_pwa.services import activity_calendar as cal
from huajin_pwa.services.errors import DomainError
from tests.unit import activity_support as sup
from tests.unit.activity_support import MONDAY, TODAY, at_local, make_activity, seat
from tests.unit.study_support import count_queries
from tests.unit.team_support import make_team

fixed_now = sup.fixed_now


@pytest.fixture
def world(session, community, staff, fast_hashing, fixed_now):
    """A troupe led by a leader, a member, a resident with an account (no member role)."""

    class World:
        pass

    w = World()
    w.staff = staff
    w.leader = sup.person(session, 1, roles=("member", "leader"), name="队长")
    w.member = sup.person(session, 2, name="党员")
    w.resident = sup.person(session, 3, roles=(), name="居民")
    w.team = make_team(session, "华锦艺术团", kind="troupe", leader_id=w.leader.account_id)
    return w


def titles(found: cal.CalendarWeek) -> list[str]:
    return [row.activity.title for group in found.days for row in group.rows]


def see(actor=None, **query):
    with db.transaction() as session:
        return cal.week(session, actor, **query)


def test_this_week_starts_today_and_leaves_past_days_out(session, world):
    tid = world.team.id
    make_activity(session, tid, starts_in=at_local(-1, 9), title="昨天")
    make_activity(session, tid, starts_in=at_local(0, 8), title="今天早上")  # already over
    make_activity(session, tid, starts_in=at_local(2, 9), title="后天")
    make_activity(session, tid, starts_in=at_local(0, 15), title="今天下午")
    make_activity(session, tid, starts_in=at_local(5, 9), title="下周一")
    found = see()
    assert titles(found) == ["今天早上", "今天下午", "后天"]
    assert [group.day for group in found.days] == [TODAY, TODAY + timedelta(days=2)]
    assert (found.monday, found.first_day, found.is_this_week) == (MONDAY, TODAY, True)


def test_other_weeks_whole_and_bad_weeks_mean_this_week(session, world):
    tid = world.team.id
    make_activity(session, tid, starts_in=at_local(-1, 9), title="昨天")
    make_activity(session, tid, starts_in=at_local(-2, 9), title="周一")
    make_activity(session, tid, starts_in=at_local(5, 9), title="下周一")
    make_activity(session, tid, starts_in=at_local(11, 21), title="下周日晚")
    make_activity(session, tid, starts_in=at_local(12, 9), title="下下周一")
    assert titles(see(week=MONDAY.isoformat())) == []
    assert titles(see(week=(MONDAY + timedelta(days=7)).isoformat())) == ["下周一", "下周日晚"]
    last = see(week=(MONDAY - timedelta(days=5)).isoformat())  # any day of a week counts
    assert last.monday == MONDAY - timedelta(days=7) and titles(last) == []
    this = see(week=(MONDAY + timedelta(days=1)).isoformat())
    assert (this.monday, this.first_day) == (MONDAY, TODAY)
    for junk in ["x", None, 5, "2026-13-01", "2031-11-30", "９９９９-01-01", ["2026-11-30"]]:
        assert see(week=junk).monday == MONDAY


def test_this_weeks_earlier_days_can_be_looked_back_at(session, world):
    tid = world.team.id
    make_activity(session, tid, starts_in=at_local(-2, 9), title="周一")
    make_activity(session, tid, starts_in=at_local(-1, 21), title="昨天晚上")
    make_activity(session, tid, starts_in=at_local(0, 8), title="今天早上")
    assert see().has_earlier
    found = see(week=MONDAY.isoformat(), earlier="1")
    assert titles(found) == ["周一", "昨天晚上"]
    assert (found.first_day, found.last_day, found.earlier) == (MONDAY, TODAY - timedelta(1), True)
    assert not found.has_earlier
    for junk in ["0", "yes", 1, None, ["1"]]:  # only "1" (or True) asks for the earlier days
        assert titles(see(week=MONDAY.isoformat(), earlier=junk)) == ["今天早上"]
    other = see(week=(MONDAY + timedelta(days=7)).isoformat(), earlier="1")  # not this week
    assert not other.earlier and not other.has_earlier


def test_past_week_shows_every_day(session, world):
    make_activity(session, world.team.id, starts_in=at_local(-9, 9), title="上周一")
    make_activity(session, world.team.id, starts_in=at_local(-3, 9), title="上周日")
    found = see(week=(MONDAY - timedelta(days=7)).isoformat())
    assert titles(found) == ["上周一", "上周日"] and not found.is_this_week


def test_filter_by_kind(session, world):
    for kind in cal.KINDS:
        make_activity(session, world.team.id, kind=kind, title=kind)
    assert titles(see(kind="show")) == ["show"]
    assert titles(see(kind="sale")) == ["sale"]
    for junk in ["x", None, 3, ["show"], "SHOW"]:
        found = see(kind=junk)
        assert found.kind == "" and sorted(titles(found)) == sorted(cal.KINDS)


def test_members_only_hidden_from_signed_out_and_residents(session, world):
    make_activity(session, world.team.id, title="公开")
    make_activity(session, world.team.id, title="党员学习", audience="members")
    assert titles(see()) == titles(see(world.resident)) == ["公开"]
    for actor in (world.member, world.leader, world.staff):
        assert titles(see(actor)) == ["公开", "党员学习"]


def test_rows_team_name_seats_and_my_status(session, world):
    a = make_activity(session, world.team.id, capacity=1, title="队伍的")
    b = make_activity(session, None, title="社区的", starts_in=timedelta(days=3))
    c = make_activity(
        session, None, title="取消的", starts_in=timedelta(days=4), status="cancelled"
    )
    seat(session, a, world.member.account_id)
    seat(session, b, world.resident.account_id, "waiting")
    seat(session, c, world.member.account_id, "cancelled")
    rows = {row.activity.title: row for g in see(world.member).days for row in g.rows}
    assert rows["队伍的"].team_name == "华锦艺术团" and rows["队伍的"].full
    assert rows["社区的"].team_name == text.TeamWords.COMMUNITY_ACTIVITY
    assert not rows["社区的"].full and rows["取消的"].activity.status == "cancelled"
    assert {t: r.my_status for t, r in rows.items()} == {
        "队伍的": "signed",
        "社区的": "",
        "取消的": "cancelled",
    }
    assert {r.my_status for g in see().days for r in g.rows} == {""}


def test_pages_of_twenty(session, world):
    for hour in range(25):
        make_activity(session, None, starts_in=timedelta(days=1, minutes=hour))
    first, second = see(page=1), see(page="2")
    assert (first.total, first.pages, len(titles(first)), len(titles(second))) == (25, 2, 20, 5)
    assert see(page="junk").page == 1 and see(page=99).page == 2


def test_fixed_number_of_queries_however_many_rows(engine, session, world):
    def build(n: int):
        for i in range(n):
            activity = make_activity(
                session, world.team.id, starts_in=timedelta(days=1, hours=i % 9)
            )
            seat(session, activity, world.member.account_id)
            seat(session, activity, world.resident.account_id)

    def costs():
        return {
            who: count_queries(engine, lambda actor=actor: see(actor))[0]
            for who, actor in (("out", None), ("member", world.member))
        }

    build(2)
    few = costs()
    build(28)
    assert costs() == few and few["member"] == few["out"] + 1


def test_today_for_the_home_page(session, world):
    tid = world.team.id
    for hour in (20, 9, 10, 11, 12, 13):
        make_activity(session, tid, starts_in=at_local(0, hour), title=f"今天{hour}点")
    make_activity(session, tid, starts_in=at_local(0, 8), title="党员", audience="members")
    make_activity(session, tid, starts_in=at_local(0, 7), title="取消", status="cancelled")
    make_activity(session, tid, starts_in=at_local(1, 9), title="明天")
    with db.transaction() as s:
        shown = [row.activity.title for row in cal.today_activities(s, None)]
        members = [row.activity.title for row in cal.today_activities(s, world.member)]
    assert shown == ["今天9点", "今天10点", "今天11点", "今天12点", "今天13点"]
    assert members[0] == "党员" and len(members) == 5


def view(actor, activity_id) -> cal.ActivityView:
    with db.transaction() as session:
        return cal.detail(session, actor, activity_id)


def test_detail_for_each_viewer(session, world):
    activity = make_activity(session, world.team.id, capacity=1)
    seat(session, activity, world.member.account_id)
    seat(session, activity, world.resident.account_id, "waiting")
    seat(session, activity, world.staff.account_id, "waiting")
    out = view(None, activity.id)
    assert (out.team_name, out.phase, out.waiting, out.mine, out.can_manage) == (
        "华锦艺术团",
        "open",
        2,
        None,
        False,
    )
    assert view(world.member, activity.id).mine.status == "signed"
    assert view(world.resident, activity.id).my_place == 1
    staff_view = view(world.staff, activity.id)
    assert staff_view.my_place == 2 and staff_view.can_manage
    assert view(world.leader, str(activity.id)).can_manage
    assert not view(world.member, activity.id).can_manage


def test_members_only_and_unknown_are_not_found(session, world):
    hidden = make_activity(session, world.team.id, audience="members")
    for actor, wanted in [(None, hidden.id), (world.resident, hidden.id), (world.member, 999)]:
        with pytest.raises(DomainError) as refused:
            view(actor, wanted)
        assert refused.value.message == text.TeamWords.NO_ACTIVITY
    for junk in ["x", None, -1, 3.5, True, [], "9" * 40]:
        with pytest.raises(DomainError):
            view(world.member, junk)
    assert view(world.member, hidden.id).activity.id == hidden.id


def test_phases_and_sale(session, world, fixed_now):
    started = make_activity(session, world.team.id, starts_in=-timedelta(minutes=5))
    ended = make_activity(session, world.team.id, kind="sale", starts_in=-timedelta(hours=3))
    cancelled = make_activity(session, None, status="cancelled")
    session.add(
        CharitySale(
            activity_id=ended.id,
            amount_fen=123450,
            purpose="帮困基金",
            recorded_by_id=world.leader.account_id,
        )
    )
    session.commit()
    assert view(None, started.id).phase == "started"
    finished = view(None, ended.id)
    assert finished.phase == "ended" and finished.sale.amount_fen == 123450
    assert view(None, cancelled.id).phase == "cancelled"
