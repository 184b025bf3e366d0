"""LeaderHoursState (/leader/activity/<id>/hours), MyHoursState (/me/hours) and what MeState
shows of teams and service hours."""

import pytest

from huajin_pwa import db, text
from huajin_pwa.models import ActivitySignup, TeamMember
from huajin_pwa.services import service_hours
from huajin_pwa.states.me import MeState
from huajin_pwa.states.service_hours import LeaderHoursState, MyHoursState
from tests.states.helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot
from tests.unit.study_support import count_queries
from tests.unit.test_service_hours import add_activity, crew, sign_up  # noqa: F401

T = text.ServiceHours
ROUTE = "/leader/activity/[activity_id]/hours"


def on_sheet(client, who, activity_id):
    state = client(
        LeaderHoursState,
        who,
        path=f"/leader/activity/{activity_id}/hours",
        route=ROUTE,
        params={"activity_id": str(activity_id)},
    )
    send(state, "load")
    return state


def minutes(row_id):
    with db.transaction() as session:
        return session.get(ActivitySignup, row_id).service_minutes


def test_the_leader_sees_a_row_a_person_prefilled_with_the_default(client, crew):  # noqa: F811
    state = on_sheet(client, crew.leader, crew.activity.id)
    assert state.found and state.ended and state.title == "老红帽助老理发"
    assert state.length == "活动时长：2 小时" and state.open_count == 2
    assert [(row["name"], row["hours"], row["locked"]) for row in state.rows] == [
        ("李秀兰", "2", ""),
        ("王桂芝", "2", ""),
    ]
    assert state.back_href == f"/leader/activity/{crew.activity.id}"


def test_confirming_locks_the_rows(client, crew):  # noqa: F811
    state = on_sheet(client, crew.leader, crew.activity.id)
    a, b = crew.rows
    assert (
        send(state, "confirm", form=form((f"hours-{a.id}", "2"), (f"hours-{b.id}", "1.5"))) is None
    )
    assert state.notice == T.SAVED.format(count=2) and not state.notice_warn
    assert [(row["locked"], row["tag"]) for row in state.rows] == [
        ("yes", "已确认 2 小时"),
        ("yes", "已确认 1.5 小时"),
    ]
    assert state.open_count == 0 and (minutes(a.id), minutes(b.id)) == (120, 90)
    before = snapshot()
    send(state, "confirm", form=form((f"hours-{a.id}", "1")))
    assert state.notice_warn and "已经确认过" in state.notice and snapshot() == before


def test_a_bad_field_keeps_the_answers_and_saves_nothing(client, crew):  # noqa: F811
    state = on_sheet(client, crew.leader, crew.activity.id)
    a, b = crew.rows
    before = snapshot()
    result = send(state, "confirm", form=form((f"hours-{a.id}", "9"), (f"hours-{b.id}", "1.5")))
    assert script(result) == FOCUS_ERRORS and snapshot() == before
    assert state.errors == {f"hours-{a.id}": T.HOURS_TOO_LONG.format(name="李秀兰", hours="2")}
    assert state.error_list == [[f"hours-{a.id}", state.errors[f"hours-{a.id}"]]]
    assert [row["hours"] for row in state.rows] == ["9", "1.5"]
    send(state, "confirm", form=form((f"hours-{a.id}", "2"), (f"hours-{b.id}", "1.5")))
    assert state.errors == {} and minutes(a.id) == 120


@pytest.mark.parametrize("junk", JUNK)
def test_junk_forms_change_nothing(client, crew, junk):  # noqa: F811
    state = on_sheet(client, crew.leader, crew.activity.id)
    before = snapshot()
    send(state, "confirm", form=junk)
    send(state, "go", delta=junk)
    assert snapshot() == before


def test_others_cannot_confirm(client, crew):  # noqa: F811
    a, _ = crew.rows
    signed_out = client(LeaderHoursState)
    member = on_sheet(client, crew.people[0], crew.activity.id)
    other = on_sheet(client, crew.other, crew.activity.id)
    assert not member.found and not other.found
    assert other.notice == text.TeamWords.NOT_LEADER
    signed_out._activity_id = member._activity_id = crew.activity.id
    before = snapshot()
    assert redirect_path(send(signed_out, "confirm", form=form((f"hours-{a.id}", "1")))) == "/login"
    assert redirect_path(send(member, "confirm", form=form((f"hours-{a.id}", "1")))) == "/"
    send(other, "confirm", form=form((f"hours-{a.id}", "1")))
    assert other.notice == text.TeamWords.NOT_LEADER and snapshot() == before


@pytest.mark.parametrize("junk", ["nope", "-1", "9" * 40, ""])
def test_a_junk_address_finds_nothing(client, crew, junk):  # noqa: F811
    state = client(
        LeaderHoursState,
        crew.leader,
        path="/leader/activity/x/hours",
        route=ROUTE,
        params={"activity_id": junk},
    )
    send(state, "load")
    assert not state.found and state.notice == text.TeamWords.NO_ACTIVITY


def test_before_the_end_there_is_nothing_to_confirm(client, crew, session):  # noqa: F811
    running = add_activity(session, crew.team, crew.leader, hours_ago=1)
    sign_up(session, running, crew.people[0])
    state = on_sheet(client, crew.leader, running.id)
    assert state.found and not state.ended


# --- /me/hours and /me -----------------------------------------------------------------------


def confirm_all(run, world):
    a, b = world.rows
    run(service_hours.confirm, world.leader, world.activity.id, {a.id: "1.5", b.id: "2"})


def test_my_hours_summary(client, run, crew):  # noqa: F811
    confirm_all(run, crew)
    state = client(MyHoursState, crew.people[0])
    assert send(state, "load") is None
    assert (state.name, state.total, state.count) == ("李秀兰", "1.5 小时", "1 次")
    assert [(row["title"], row["team"], row["hours"]) for row in state.rows] == [
        ("老红帽助老理发", "老红帽", "1.5 小时")
    ]
    assert state.printed_on.startswith("打印日期：") and state.more == ""
    assert redirect_path(send(client(MyHoursState), "load")) == "/login"


def test_me_shows_teams_hours_and_the_leader_link(client, run, crew, session):  # noqa: F811
    confirm_all(run, crew)
    session.add(TeamMember(team_id=crew.team.id, account_id=crew.people[0].account_id))
    session.add(
        TeamMember(
            team_id=crew.other_team.id, account_id=crew.people[0].account_id, status="active"
        )
    )
    session.commit()
    state = client(MeState, crew.people[0])
    send(state, "load")
    assert [(t["name"], t["role"]) for t in state.my_teams] == [
        ("老红帽", "待同意"),
        ("爱之翼", "队员"),
    ]
    assert state.hours_total == "共 1.5 小时 · 1 次" and not state.leads_a_team
    assert [row["hours"] for row in state.hours_recent] == ["1.5 小时"]
    leader = client(MeState, crew.leader)
    send(leader, "load")
    assert leader.leads_a_team and leader.my_teams[0]["role"] == "队长"
    assert leader.hours_total == "共 0 小时 · 0 次" and leader.hours_recent == []


def test_me_costs_the_same_however_many_teams_and_hours(engine, client, crew, session):  # noqa: F811
    who = crew.people[2]

    def add(count):
        for _ in range(count):
            activity = add_activity(session, crew.team, crew.leader, hours_ago=40)
            row = sign_up(session, activity, who)
            row.service_minutes, row.hours_confirmed_at = 60, activity.ends_at
            session.add(row)
        session.commit()

    state = client(MeState, who)
    add(2)
    few = count_queries(engine, lambda: send(state, "load"))[0]
    add(28)
    session.add(TeamMember(team_id=crew.team.id, account_id=who.account_id, status="active"))
    session.add(TeamMember(team_id=crew.other_team.id, account_id=who.account_id))
    session.commit()
    assert count_queries(engine, lambda: send(state, "load"))[0] == few
    assert state.hours_total == "共 30 小时 · 30 次" and len(state.hours_recent) == 3
