"""志愿服务时长: the leader confirms hours after a 志愿服务 activity, all or nothing and locked;
members' totals, history and the printable summary."""

import secrets
import threading
from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Activity, ActivitySignup, AuditEntry, Message, Team, TeamMember
from huajin_pwa.services import clock, service_hours
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied
from tests.conftest import make_actor
from tests.states.helpers import snapshot
from tests.unit.study_support import count_queries

T = text.ServiceHours


def add_activity(session, team, by, kind="service", hours_ago=26, length=120, **changes):
    """An activity of team that started hours_ago hours ago and lasts length minutes."""
    start = clock.now() - timedelta(hours=hours_ago)
    activity = Activity(
        team_id=team.id if team else None,
        kind=kind,
        title=changes.pop("title", "老红帽助老理发"),
        starts_at=start,
        ends_at=start + timedelta(minutes=length),
        place="社区活动室",
        capacity=20,
        token=changes.pop("token", secrets.token_urlsafe(18)),
        created_by_id=by.account_id,
        **changes,
    )
    session.add(activity)
    session.commit()
    return activity


def sign_up(session, activity, who, checked_in=True, status="signed"):
    row = ActivitySignup(
        activity_id=activity.id,
        account_id=who.account_id,
        status=status,
        checked_in_at=activity.starts_at if checked_in else None,
        check_in_via="scan" if checked_in else "",
    )
    session.add(row)
    session.commit()
    return row


@pytest.fixture
def crew(session, community, staff, fast_hashing):
    """老红帽 led by a member; another team's leader; two people checked in at an activity that
    ended yesterday (2 hours), one signed up but not checked in."""
    team = Team(
        name="老红帽", kind="volunteer", summary="助老", meets_when="周六", meets_where="南门"
    )
    other_team = Team(
        name="爱之翼", kind="volunteer", summary="读报", meets_when="周日", meets_where="北门"
    )
    session.add_all([team, other_team])
    session.commit()
    leader = make_actor(session, "13900000010", "张队长", roles=["member", "leader"])
    other = make_actor(session, "13900000011", "周队长", roles=["member", "leader"])
    people = [
        make_actor(session, f"1390000002{n}", name, roles=["member"])
        for n, name in enumerate(["李秀兰", "王桂芝", "赵凤英"])
    ]
    session.add_all(
        [
            TeamMember(
                team_id=team.id, account_id=leader.account_id, role="leader", status="active"
            ),
            TeamMember(
                team_id=other_team.id, account_id=other.account_id, role="leader", status="active"
            ),
        ]
    )
    session.commit()
    activity = add_activity(session, team, leader)
    rows = [sign_up(session, activity, people[0]), sign_up(session, activity, people[1])]
    absent = sign_up(session, activity, people[2], checked_in=False)
    return SimpleNamespace(
        team=team,
        other_team=other_team,
        leader=leader,
        other=other,
        staff=staff,
        people=people,
        activity=activity,
        rows=rows,
        absent=absent,
    )


def hours_of(row_id):
    with db.transaction() as session:
        row = session.get(ActivitySignup, row_id)
        return row.service_minutes, row.hours_confirmed_at is not None, row.hours_confirmed_by_id


def refused(run, actor, activity_id, hours, error=DomainError):
    before = snapshot()
    with pytest.raises(error) as refusal:
        run(service_hours.confirm, actor, activity_id, hours)
    assert snapshot() == before
    return refusal.value


def test_the_sheet_lists_those_checked_in_with_the_default(run, crew):
    sheet = run(service_hours.sheet, crew.leader, crew.activity.id)
    assert sheet.ended and sheet.team_name == "老红帽" and sheet.total == 2
    assert [(line.name, line.minutes, line.confirmed) for line in sheet.lines] == [
        ("李秀兰", 120, False),
        ("王桂芝", 120, False),
    ]


def test_the_leader_confirms_hours_and_they_are_locked(run, crew):
    a, b = crew.rows
    count = run(
        service_hours.confirm, crew.leader, crew.activity.id, {str(a.id): "2", b.id: " 1.5 "}
    )
    assert count == 2
    assert hours_of(a.id) == (120, True, crew.leader.account_id)
    assert hours_of(b.id) == (90, True, crew.leader.account_id)
    sheet = run(service_hours.sheet, crew.leader, crew.activity.id)
    assert [(line.minutes, line.confirmed) for line in sheet.lines] == [(120, True), (90, True)]
    with db.transaction() as session:
        entry = session.exec(select(AuditEntry)).one()
        messages = session.exec(select(Message).order_by(Message.id)).all()
    assert entry.action == "service_hours_confirmed" and entry.target_id == crew.activity.id
    assert [m.account_id for m in messages] == [p.account_id for p in crew.people[:2]]
    assert "1.5 小时" in messages[1].body and messages[1].link == "/me/hours"
    error = refused(run, crew.leader, crew.activity.id, {a.id: "1"})
    assert error.message == T.ALREADY.format(name="张队长", who="李秀兰")


def test_staff_may_confirm_but_other_leaders_and_strangers_may_not(run, crew):
    a, _ = crew.rows
    refused(run, crew.other, crew.activity.id, {a.id: "1"}, PermissionDenied)
    refused(run, crew.people[0], crew.activity.id, {a.id: "1"}, PermissionDenied)
    refused(run, None, crew.activity.id, {a.id: "1"}, NotSignedIn)
    with pytest.raises(PermissionDenied):
        run(service_hours.sheet, crew.other, crew.activity.id)
    assert run(service_hours.confirm, crew.staff, crew.activity.id, {a.id: "0.5"}) == 1
    assert hours_of(a.id) == (30, True, crew.staff.account_id)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("9", T.HOURS_TOO_LONG.format(name="王桂芝", hours="2")),
        ("2.1", T.HOURS_TOO_LONG.format(name="王桂芝", hours="2")),
        ("-5", T.HOURS_NEGATIVE.format(name="王桂芝")),
        ("0", T.HOURS_ZERO.format(name="王桂芝")),
        ("0.0", T.HOURS_ZERO.format(name="王桂芝")),
        ("1.25", T.HOURS_DECIMALS.format(name="王桂芝")),
        ("两小时", T.HOURS_INVALID.format(name="王桂芝")),
        ("１.５", T.HOURS_INVALID.format(name="王桂芝")),
        ("1e1", T.HOURS_INVALID.format(name="王桂芝")),
        (None, T.HOURS_MISSING.format(name="王桂芝")),
        ("", T.HOURS_MISSING.format(name="王桂芝")),
        (["2"], T.HOURS_MISSING.format(name="王桂芝")),
        ("9" * 40, T.HOURS_INVALID.format(name="王桂芝")),
    ],
)
def test_bad_hours_are_refused_at_their_field_and_nothing_is_saved(run, crew, typed, message):
    a, b = crew.rows
    error = refused(run, crew.leader, crew.activity.id, {a.id: "2", b.id: typed}, FormError)
    assert error.errors == {f"hours-{b.id}": message}


def test_every_bad_field_is_named(run, crew):
    a, b = crew.rows
    error = refused(run, crew.leader, crew.activity.id, {a.id: "3", b.id: "x"}, FormError)
    assert list(error.errors) == [f"hours-{a.id}", f"hours-{b.id}"]


def test_the_length_itself_and_trailing_zeros_are_allowed(run, crew):
    a, b = crew.rows
    run(service_hours.confirm, crew.leader, crew.activity.id, {a.id: "2.0", b.id: "1.50"})
    assert hours_of(a.id)[0] == 120 and hours_of(b.id)[0] == 90


def test_only_this_activitys_checked_in_rows(run, crew, session):
    a, _ = crew.rows
    other = add_activity(session, crew.team, crew.leader, title="老红帽清洁家园", token="o" * 24)
    elsewhere = sign_up(session, other, crew.people[2])
    cancelled = sign_up(session, other, crew.people[1], status="cancelled")
    for hours in (
        {crew.absent.id: "1"},
        {a.id: "1", elsewhere.id: "1"},
        {a.id: "1", 999999: "1"},
    ):
        assert refused(run, crew.leader, crew.activity.id, hours).message == T.BAD_LIST
    assert refused(run, crew.leader, other.id, {cancelled.id: "1"}).message == T.BAD_LIST


@pytest.mark.parametrize(
    "junk", [None, "x", 5, [], ["1"], {"x": "1"}, {None: "1"}, {-1: "1"}, {True: "1"}]
)
def test_junk_lists_are_refused(run, crew, junk):
    assert refused(run, crew.leader, crew.activity.id, junk).message == T.BAD_LIST


def test_an_empty_list_confirms_nothing(run, crew):
    assert refused(run, crew.leader, crew.activity.id, {}).message == T.NOTHING


def test_not_before_the_end_and_only_for_service_activities(run, crew, session):
    a, _ = crew.rows
    running = add_activity(session, crew.team, crew.leader, hours_ago=1, token="r" * 24)
    early = sign_up(session, running, crew.people[0])
    assert refused(run, crew.leader, running.id, {early.id: "1"}).message == T.NOT_ENDED
    assert not run(service_hours.sheet, crew.leader, running.id).ended
    show = add_activity(session, crew.team, crew.leader, kind="show", token="s" * 24)
    assert refused(run, crew.leader, show.id, {a.id: "1"}).message == T.NOT_SERVICE
    with db.transaction() as write:
        write.get(Activity, crew.activity.id).status = "cancelled"
    assert refused(run, crew.leader, crew.activity.id, {a.id: "1"}).message == T.CANCELLED
    for junk in ("nope", None, -1, "9" * 40):
        assert refused(run, crew.leader, junk, {a.id: "1"}).message == text.TeamWords.NO_ACTIVITY


def test_a_community_activity_is_staff_only(run, crew, session):
    community = add_activity(session, None, crew.staff, token="c" * 24)
    row = sign_up(session, community, crew.people[0])
    refused(run, crew.leader, community.id, {row.id: "1"}, PermissionDenied)
    assert run(service_hours.sheet, crew.staff, community.id).team_name == "社区活动"


def test_two_leaders_confirming_at_once_one_wins(run, crew, monkeypatch):
    """Both read the rows before either writes; the loser's conditional UPDATE matches no row
    and they are told who confirmed; nothing of theirs is saved."""
    a, b = crew.rows
    both_read = threading.Barrier(2, timeout=20)
    real_lock = service_hours._lock

    def lock_after_both_read(*args, **kwargs):
        both_read.wait()
        return real_lock(*args, **kwargs)

    monkeypatch.setattr(service_hours, "_lock", lock_after_both_read)
    monkeypatch.setattr(service_hours.inbox, "send", lambda *args, **kwargs: None)
    actors = {"leader": (crew.leader, "2"), "staff": (crew.staff, "1")}
    results = {}

    def act(name):
        actor, hours = actors[name]
        try:
            with db.transaction() as session:
                results[name] = service_hours.confirm(
                    session, actor, crew.activity.id, {a.id: hours}
                )
        except DomainError as error:
            results[name] = error

    threads = [threading.Thread(target=act, args=(name,)) for name in actors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    winners = [name for name, result in results.items() if result == 1]
    assert len(winners) == 1, results
    [loser] = set(actors) - set(winners)
    winner, hours = actors[winners[0]]
    assert results[loser].message == T.ALREADY.format(name=winner.name, who="李秀兰")
    assert hours_of(a.id) == (int(hours) * 60, True, winner.account_id)
    assert hours_of(b.id) == (None, False, None)
    with db.transaction() as session:
        assert len(session.exec(select(AuditEntry)).all()) == 1


# --- the member's totals, history and summary ----------------------------------------------


def test_totals_history_and_summary(run, crew, session):
    a, b = crew.rows
    run(service_hours.confirm, crew.leader, crew.activity.id, {a.id: "1.5", b.id: "2"})
    older = add_activity(session, crew.team, crew.leader, hours_ago=300, token="p" * 24)
    row = sign_up(session, older, crew.people[0])
    run(service_hours.confirm, crew.leader, older.id, {row.id: "2"})
    me = crew.people[0]
    assert run(service_hours.totals, me) == (210, 2)
    assert run(service_hours.totals, crew.people[2]) == (0, 0)
    lines = run(service_hours.recent, me)
    assert [(line.activity_id, line.minutes, line.team_name) for line in lines] == [
        (crew.activity.id, 90, "老红帽"),
        (older.id, 120, "老红帽"),
    ]
    page = run(service_hours.history, me, 1)
    assert (page.total, page.pages, [line.minutes for line in page.rows]) == (2, 1, [90, 120])
    summary = run(service_hours.summary, me)
    assert (summary.name, summary.minutes, summary.count) == ("李秀兰", 210, 2)
    assert service_hours.hours_words(summary.minutes) == "3.5"
    with pytest.raises(NotSignedIn):
        run(service_hours.totals, None)


@pytest.mark.parametrize(("minutes", "words"), [(120, "2"), (90, "1.5"), (6, "0.1"), (0, "0")])
def test_hours_in_words(minutes, words):
    assert service_hours.hours_words(minutes) == words


def test_the_default_is_rounded_down_to_a_tenth(session, crew):
    odd = add_activity(session, crew.team, crew.leader, length=105, token="q" * 24)
    assert service_hours.default_minutes(odd) == 102  # 1.7 hours, not 1.8 (over the length)


def _confirmed_activities(session, crew, count):
    for n in range(count):
        activity = add_activity(session, crew.team, crew.leader, hours_ago=30 + n)
        row = sign_up(session, activity, crew.people[2])
        row.service_minutes, row.hours_confirmed_at = 60, clock.now()
        session.add(row)
    session.commit()


@pytest.mark.parametrize("what", ["history", "summary", "recent", "sheet"])
def test_lists_cost_the_same_for_2_and_30_rows(engine, run, crew, session, what):
    def cost():
        if what == "sheet":
            return count_queries(
                engine, lambda: run(service_hours.sheet, crew.leader, crew.activity.id)
            )[0]
        service = getattr(service_hours, what)
        return count_queries(engine, lambda: run(service, crew.people[2]))[0]

    _confirmed_activities(session, crew, 2)
    few = cost()
    _confirmed_activities(session, crew, 28)
    for n in range(15):
        sign_up(session, crew.activity, make_actor(session, f"1370000{n:04d}", "刘新", ["member"]))
    assert cost() == few
