"""The leader's workbench: the teams one leads, join requests decided once (even by two at
once), the roster with who has disclosed, and the teams' activities with their counts."""

import threading
from dataclasses import dataclass
from datetime import timedelta
from itertools import count

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Account, ActivitySignup, AuditEntry, Team, TeamMember
from huajin_pwa.services import activity_calendar, clock, leader, team_access
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, NotSignedIn, PermissionDenied
from tests.conftest import make_actor
from tests.states.helpers import JUNK, snapshot
from tests.unit.study_support import count_queries
from tests.unit.team_support import add_member, make_activity, make_team, messages_to, row_of

T = text.Leader
_phones = count(13500000100)


def person(session, name: str = "") -> Account:
    """An account with no roles (a resident who signed up), committed."""
    phone = str(next(_phones))
    account = Account(
        phone=phone, name=name or f"居民{phone[-3:]}", secret_kind="pin", secret_hash="x"
    )
    session.add(account)
    session.commit()
    return account


@dataclass
class Teams:
    """老红帽 and 华锦艺术团 led by 张国华; 爱之翼 led by 刘春华; a stopped team; staff; a
    member who leads nothing."""

    leader: Actor
    other_leader: Actor
    staff: Actor
    member: Actor
    red: Team
    troupe: Team
    wings: Team
    stopped: Team


@pytest.fixture
def teams(session, staff, member, fast_hashing) -> Teams:
    leader_actor = make_actor(session, "13900000031", "张国华", roles=["member", "leader"])
    other = make_actor(session, "13900000032", "刘春华", roles=["member", "leader"])
    red = make_team(session, "老红帽", leader_id=leader_actor.account_id)
    troupe = make_team(session, "华锦艺术团", "troupe", leader_id=leader_actor.account_id)
    wings = make_team(session, "爱之翼", leader_id=other.account_id)
    stopped = make_team(session, "老格子", leader_id=leader_actor.account_id, active=False)
    return Teams(leader_actor, other, staff, member, red, troupe, wings, stopped)


def ask(session, team: Team, name: str = "", minutes_ago: int = 0) -> TeamMember:
    """Someone asking to join team, minutes_ago minutes ago."""
    row = add_member(session, team, person(session, name).id, "pending")
    row.asked_at = clock.now() - timedelta(minutes=minutes_ago)
    session.add(row)
    session.commit()
    return row


# --- the teams one leads ----------------------------------------------------------------------


def test_a_leader_sees_the_active_teams_they_lead_troupes_first(run, teams):
    assert [t.name for t in run(leader.led_teams, teams.leader)] == ["华锦艺术团", "老红帽"]
    assert [t.name for t in run(leader.led_teams, teams.other_leader)] == ["爱之翼"]


def test_staff_see_every_active_team_and_a_member_leads_nothing(run, teams):
    assert {t.name for t in run(leader.led_teams, teams.staff)} == {
        "老红帽",
        "华锦艺术团",
        "爱之翼",
    }
    assert run(leader.led_teams, teams.member) == []
    with pytest.raises(NotSignedIn):
        run(leader.led_teams, None)


def test_pending_counts_per_team(run, session, teams):
    ask(session, teams.red)
    ask(session, teams.red)
    ask(session, teams.wings)
    add_member(session, teams.red, person(session).id, "active")
    counts = run(leader.pending_counts, [teams.red.id, teams.troupe.id, teams.wings.id])
    assert counts == {teams.red.id: 2, teams.wings.id: 1}
    assert run(leader.pending_counts, []) == {}


# --- join requests ----------------------------------------------------------------------------


def test_requests_are_the_pending_asks_of_led_teams_oldest_first(run, session, teams):
    newer = ask(session, teams.red, "王新", minutes_ago=5)
    older = ask(session, teams.troupe, "李旧", minutes_ago=50)
    ask(session, teams.wings, "别队的")
    add_member(session, teams.red, person(session).id, "declined")
    found = run(leader.requests, teams.leader)
    assert [(line.member.id, line.name, line.team_name) for line in found.rows] == [
        (older.id, "李旧", "华锦艺术团"),
        (newer.id, "王新", "老红帽"),
    ]
    only_red = run(leader.requests, teams.leader, teams.red.id)
    assert [line.member.id for line in only_red.rows] == [newer.id]
    assert len(run(leader.requests, teams.staff).rows) == 3


def test_requests_of_a_team_one_does_not_lead_are_refused(run, session, teams):
    ask(session, teams.wings)
    for actor, team in [
        (teams.leader, teams.wings.id),
        (teams.member, teams.red.id),
        (teams.leader, teams.stopped.id),
    ]:
        with pytest.raises(DomainError):
            run(leader.requests, actor, team)
    with pytest.raises(NotSignedIn):
        run(leader.requests, None, teams.red.id)
    assert run(leader.requests, teams.member).rows == []


def test_requests_are_paged_and_cost_the_same_statements_however_many(engine, run, session, teams):
    for _ in range(2):
        ask(session, teams.red)
    few, _ = count_queries(engine, lambda: run(leader.requests, teams.leader))
    for _ in range(28):
        ask(session, teams.red)
    many, found = count_queries(engine, lambda: run(leader.requests, teams.leader, page=3))
    assert few == many
    assert (found.total, found.pages, found.page, len(found.rows)) == (30, 3, 3, 10)


def test_approving_lets_the_person_in_tells_them_and_is_audited(run, session, teams):
    asked = ask(session, teams.red, "王新")
    row = run(leader.decide, teams.leader, asked.id, True, 1)
    assert (row.status, row.decided_by_id, row.version) == ("active", teams.leader.account_id, 2)
    assert row.decided_at is not None
    [message] = messages_to(asked.account_id)
    assert message.title == T.APPROVED_TITLE.format(team="老红帽")
    assert "队长张国华" in message.body and message.link == f"/teams/{teams.red.id}"
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "team_join_approved")).one()
    assert (entry.actor_id, entry.target_type, entry.target_id, entry.detail) == (
        teams.leader.account_id,
        "account",
        asked.account_id,
        "老红帽",
    )


def test_declining_tells_the_person_and_staff_may_decide_too(run, session, teams):
    asked = ask(session, teams.wings, "王新")
    row = run(leader.decide, teams.staff, asked.id, False)
    assert (row.status, row.decided_by_id) == ("declined", teams.staff.account_id)
    [message] = messages_to(asked.account_id)
    assert message.title == T.DECLINED_TITLE.format(team="爱之翼")
    assert message.body.startswith("社区工作人员王敏")
    assert (
        session.exec(select(AuditEntry).where(AuditEntry.action == "team_join_declined"))
        .one()
        .actor_id
        == teams.staff.account_id
    )


@pytest.mark.parametrize("who", ["other_leader", "member", "nobody"])
def test_only_the_teams_leader_or_staff_decide(run, session, teams, who):
    asked = ask(session, teams.red)
    actor = getattr(teams, who) if who != "nobody" else None
    before = snapshot()
    with pytest.raises(PermissionDenied):
        run(leader.decide, actor, asked.id, True)
    assert snapshot() == before


@pytest.mark.parametrize("junk", [j for j in JUNK if type(j) is not int] + [0, -1, 999_999, 2**31])
def test_a_missing_or_junk_request_is_refused(run, session, teams, junk):
    ask(session, teams.red)
    before = snapshot()
    with pytest.raises(DomainError, match=T.NO_REQUEST):
        run(leader.decide, teams.leader, junk, True)
    assert snapshot() == before


def test_a_decided_request_says_who_decided(run, session, teams):
    asked = ask(session, teams.red)
    run(leader.decide, teams.staff, asked.id, False)
    before = snapshot()
    with pytest.raises(DomainError) as refused:
        run(leader.decide, teams.leader, asked.id, True)
    assert refused.value.message == T.DECIDED_BY.format(name="王敏", status="未同意")
    assert snapshot() == before


def test_a_stale_page_is_told_and_changes_nothing(run, session, teams):
    asked = ask(session, teams.red)
    asked.version = 3  # withdrawn and asked again since the page was drawn
    session.add(asked)
    session.commit()
    before = snapshot()
    with pytest.raises(DomainError) as refused:
        run(leader.decide, teams.leader, asked.id, True, 2)
    assert refused.value.message == T.CHANGED.format(status="待队长同意")
    assert snapshot() == before


def test_an_active_or_left_row_is_not_a_request(run, session, teams):
    left = add_member(session, teams.red, person(session).id, "left")
    before = snapshot()
    with pytest.raises(DomainError, match="已退出"):
        run(leader.decide, teams.leader, left.id, True)
    assert snapshot() == before


def test_two_deciding_at_once_give_one_decision(run, session, teams, monkeypatch):
    """Both load the request (version 1) before either writes: one wins, the other is told
    who decided (SQLite and PostgreSQL)."""
    asked = ask(session, teams.red, "王新")
    both_loaded = threading.Barrier(2, timeout=20)
    real = team_access.require_leader

    def require_then_wait(*args):
        team = real(*args)
        both_loaded.wait()
        return team

    monkeypatch.setattr(team_access, "require_leader", require_then_wait)
    people = {"甲": (teams.leader, True), "乙": (teams.staff, False)}
    results: dict[str, object] = {}

    def act(name):
        actor, approve = people[name]
        try:
            with db.transaction() as tx:
                results[name] = leader.decide(tx, actor, asked.id, approve, 1).status
        except DomainError as error:
            results[name] = error

    threads = [threading.Thread(target=act, args=(name,)) for name in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    winners = [name for name, result in results.items() if isinstance(result, str)]
    assert len(winners) == 1, results
    [loser] = set(people) - set(winners)
    winner, approve = people[winners[0]]
    status = "已入队" if approve else "未同意"
    assert results[loser].message == T.DECIDED_BY.format(name=winner.name, status=status)
    row = row_of(teams.red.id, asked.account_id)
    assert (row.decided_by_id, row.version) == (winner.account_id, 2)
    assert len(messages_to(asked.account_id)) == 1


# --- the roster -------------------------------------------------------------------------------


def test_the_roster_is_the_active_members_leader_first_with_who_has_disclosed(run, session, teams):
    resident = person(session, "周凤兰")
    add_member(session, teams.troupe, resident.id)
    add_member(session, teams.troupe, teams.member.account_id)
    add_member(session, teams.troupe, person(session, "还在申请").id, "pending")
    add_member(session, teams.troupe, person(session, "已退出的").id, "left")
    found = run(leader.roster, teams.leader, teams.troupe.id)
    lines = [(line.name, line.role, line.disclosed, line.referred) for line in found.rows]
    assert lines == [
        ("张国华", "leader", True, False),
        ("周凤兰", "member", False, False),
        ("陈秀英", "member", True, False),
    ] or lines == [
        ("张国华", "leader", True, False),
        ("陈秀英", "member", True, False),
        ("周凤兰", "member", False, False),
    ]
    by_name = {line.name: line for line in found.rows}
    assert by_name["周凤兰"].phone == resident.phone
    assert by_name["周凤兰"].member_id == row_of(teams.troupe.id, resident.id).id


def test_the_roster_of_a_team_one_does_not_lead_is_refused(run, teams):
    for actor, team in [(teams.leader, teams.wings.id), (teams.member, teams.red.id)]:
        with pytest.raises(PermissionDenied):
            run(leader.roster, actor, team)
    for junk in [None, "x", 0, 999_999]:
        with pytest.raises(DomainError):
            run(leader.roster, teams.leader, junk)
    assert len(run(leader.roster, teams.staff, teams.wings.id).rows) == 1


def test_the_roster_costs_the_same_statements_however_long(engine, run, session, teams):
    for _ in range(2):
        add_member(session, teams.red, person(session).id)
    few, _ = count_queries(engine, lambda: run(leader.roster, teams.leader, teams.red.id))
    for _ in range(28):
        add_member(session, teams.red, person(session).id)
    many, found = count_queries(engine, lambda: run(leader.roster, teams.leader, teams.red.id, 2))
    assert few == many
    assert (found.total, found.pages, len(found.rows)) == (31, 4, 10)


# --- the activities ---------------------------------------------------------------------------


def test_activities_coming_first_then_the_last_two_weeks(run, session, teams):
    creator = teams.leader.account_id
    later = make_activity(session, teams.red, creator, "下周探访", days=7)
    soon = make_activity(session, teams.troupe, creator, "明天排练", days=1, kind="rehearsal")
    now_on = make_activity(session, teams.red, creator, "路口引导", days=-1 / 24)
    ended = make_activity(session, teams.red, creator, "昨天理发", days=-1)
    older = make_activity(session, teams.red, creator, "十天前", days=-10)
    make_activity(session, teams.red, creator, "三周前", days=-21)
    make_activity(session, teams.wings, creator, "别队的", days=1)
    found = run(leader.activities, teams.leader)
    assert [line.activity.title for line in found.rows] == [
        now_on.title,
        soon.title,
        later.title,
        ended.title,
        older.title,
    ]
    only_troupe = run(leader.activities, teams.leader, teams.troupe.id)
    assert [line.team_name for line in only_troupe.rows] == ["华锦艺术团"]
    assert [activity_calendar.phase(line.activity) for line in found.rows[:4]] == [
        "started",
        "open",
        "open",
        "ended",
    ]


def test_activities_show_seats_taken_and_checked_in_counts(run, session, teams):
    activity = make_activity(session, teams.red, teams.leader.account_id, "路口引导", days=-1 / 24)
    activity.seats_taken = 3
    session.add(activity)
    for checked in (True, True, False):
        session.add(
            ActivitySignup(
                activity_id=activity.id,
                account_id=person(session).id,
                checked_in_at=clock.now() if checked else None,
            )
        )
    session.commit()
    [line] = run(leader.activities, teams.leader).rows
    assert (line.activity.seats_taken, line.checked_in, line.team_name) == (3, 2, "老红帽")


def test_activities_of_a_team_one_does_not_lead_are_refused(run, teams):
    with pytest.raises(PermissionDenied):
        run(leader.activities, teams.leader, teams.wings.id)
    assert run(leader.activities, teams.member).rows == []


def test_activities_cost_the_same_statements_however_many(engine, run, session, teams):
    def add(n):
        for i in range(n):
            activity = make_activity(session, teams.red, teams.leader.account_id, f"活动{n}-{i}")
            session.add(ActivitySignup(activity_id=activity.id, account_id=person(session).id))
        session.commit()

    add(2)
    few, _ = count_queries(engine, lambda: run(leader.activities, teams.leader))
    add(28)
    many, found = count_queries(engine, lambda: run(leader.activities, teams.leader, None, 2))
    assert few == many
    assert (found.total, len(found.rows)) == (30, 10)


@pytest.mark.parametrize("approve", [None, "yes", 1, 0, "", []])
def test_a_decision_is_yes_or_no_and_nothing_else(run, session, teams, approve):
    asked = ask(session, teams.red)
    before = snapshot()
    with pytest.raises(DomainError, match=text.Err.BAD_REQUEST):
        run(leader.decide, teams.leader, asked.id, approve)
    assert snapshot() == before
