"""LeaderState (/leader: 入队申请 · 队员 · 活动) and LeaderReferState (/leader/refer/<id>),
driven as a browser drives them, with junk arguments and the wrong people."""

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Referral
from huajin_pwa.services import leader
from huajin_pwa.states.leader import LeaderReferState, LeaderState
from tests.unit import test_leader
from tests.unit.team_support import add_member, make_activity, messages_to, row_of
from tests.unit.test_leader import ask, person

from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot

T = text.Leader
teams = test_leader.teams
NOTE = "排练时她说起过老家的党支部"


@pytest.fixture
def asked(session, teams):
    """Two asking to join 老红帽 (王新 first), none for 华锦艺术团."""
    return [ask(session, teams.red, "王新", 30), ask(session, teams.red, "李旧", 10)]


def workbench(client, who, query: str = ""):
    state = client(LeaderState, who, path="/leader" + query, route="/leader")
    send(state, "load")
    return state


def referrals() -> list[Referral]:
    with db.transaction() as session:
        return list(session.exec(select(Referral)).all())


# --- /leader ----------------------------------------------------------------------------------


def test_the_workbench_opens_on_the_team_with_people_waiting(client, teams, asked):
    state = workbench(client, teams.leader)
    assert state.allowed and not state.leads_nothing
    assert (state.tab, state.team_name, state.team_id) == ("requests", "老红帽", str(teams.red.id))
    assert state.n_requests == 2
    assert state.team_options == [
        [str(teams.troupe.id), "华锦艺术团"],
        [str(teams.red.id), "老红帽（2人申请）"],
    ]
    first = state.requests[0]
    assert (first["id"], first["version"], first["name"]) == (str(asked[0].id), "1", "王新")
    assert first["team"] == "申请加入：老红帽" and first["asked"].endswith("申请")
    assert first["approve_label"] == "同意王新入队"


def test_the_members_tab_says_who_has_disclosed_and_offers_a_referral(
    client, session, teams, asked
):
    resident = add_member(session, teams.troupe, person(session, "周凤兰").id)
    state = workbench(client, teams.leader, f"?tab=members&team={teams.troupe.id}")
    assert (state.tab, state.team_name) == ("members", "华锦艺术团")
    rows = {row["name"]: row for row in state.members}
    assert rows["张国华"]["leader"] == "队长" and rows["张国华"]["status"] == T.DISCLOSED
    her = rows["周凤兰"]
    assert (her["id"], her["status"], her["disclosed"], her["referred"]) == (
        str(resident.id),
        T.NOT_DISCLOSED,
        "",
        "",
    )
    assert her["phone"].startswith("135")


def test_the_activities_tab_shows_counts_in_words(client, session, teams):
    activity = make_activity(session, teams.red, teams.leader.account_id, "路口引导", days=1)
    activity.seats_taken = 4
    session.add(activity)
    session.commit()
    state = workbench(client, teams.leader, f"?tab=activities&team={teams.red.id}")
    [row] = state.activities
    assert (row["id"], row["title"], row["kind"]) == (str(activity.id), "路口引导", "志愿服务")
    assert (row["signed"], row["checked"]) == ("已报名 4 / 名额 20", "已签到 0")
    assert (row["status"], row["tone"]) == ("报名中", "warn")


def test_an_unknown_tab_or_a_team_one_does_not_lead_falls_back(client, teams, asked):
    for query in ["?tab=zzz", f"?team={teams.wings.id}", "?team=x", "?tab=members&team=99999"]:
        state = workbench(client, teams.leader, query)
        assert state.team_name in ("老红帽", "华锦艺术团") and state.tab in T.TABS, query
    assert workbench(client, teams.leader, "?tab=zzz").tab == "requests"


def test_approving_and_declining(client, teams, asked):
    state = workbench(client, teams.leader)
    send(state, "approve", member_id=str(asked[0].id), version="1")
    assert state.notice == T.APPROVED.format(name="王新") and not state.notice_warn
    assert [row["name"] for row in state.requests] == ["李旧"] and state.n_requests == 1
    assert row_of(teams.red.id, asked[0].account_id).status == "active"
    send(state, "decline", member_id=str(asked[1].id), version="1")
    assert state.notice == T.DECLINED.format(name="李旧")
    assert state.requests == [] and state.n_requests == 0
    assert row_of(teams.red.id, asked[1].account_id).status == "declined"
    assert len(messages_to(asked[1].account_id)) == 1


def test_a_request_someone_else_decided_says_who(client, teams, asked):
    state = workbench(client, teams.leader)
    with db.transaction() as session:
        leader.decide(session, teams.staff, asked[0].id, True)
    before = snapshot()
    send(state, "decline", member_id=str(asked[0].id), version="1")
    assert state.notice == T.DECIDED_BY.format(name="王敏", status="已入队") and state.notice_warn
    assert [row["name"] for row in state.requests] == ["李旧"]
    assert snapshot() == before


def test_junk_arguments_change_nothing(client, teams, asked):
    state = workbench(client, teams.leader)
    before = snapshot()
    for junk in JUNK:
        for handler in ("approve", "decline"):
            send(state, handler, member_id=junk, version=junk)
            assert state.notice_warn, (handler, junk)
        assert redirect_path(send(state, "choose_team", form=junk)) == "/leader?tab=requests"
        send(state, "go", delta=junk)
    assert snapshot() == before


def test_choosing_a_team_keeps_the_tab(client, teams):
    state = workbench(client, teams.leader, "?tab=members")
    path = redirect_path(send(state, "choose_team", form=form(team=str(teams.red.id))))
    assert path == f"/leader?tab=members&team={teams.red.id}"


def test_signed_out_goes_to_sign_in_and_back(client, teams, asked):
    state = client(LeaderState, path=f"/leader?tab=members&team={teams.red.id}", route="/leader")
    path = redirect_path(send(state, "load"))
    assert path == f"/login?next=/leader%3Ftab%3Dmembers%26team%3D{teams.red.id}"
    assert redirect_path(send(state, "approve", member_id=str(asked[0].id), version="1"))
    for query, back in [("", "/leader"), ("?tab=activities", "/leader%3Ftab%3Dactivities")]:
        state = client(LeaderState, path="/leader" + query, route="/leader")
        assert redirect_path(send(state, "load")) == "/login?next=" + back
    assert row_of(teams.red.id, asked[0].account_id).status == "pending"


def test_a_member_who_leads_nothing_is_told_and_cannot_decide(client, teams, asked):
    state = workbench(client, teams.member)
    assert state.leads_nothing and not state.allowed and state.requests == []
    before = snapshot()
    send(state, "approve", member_id=str(asked[0].id), version="1")
    assert state.notice == text.TeamWords.NOT_LEADER and state.notice_warn
    assert snapshot() == before


def test_another_teams_leader_cannot_decide(client, teams, asked):
    state = workbench(client, teams.other_leader)
    assert state.team_name == "爱之翼" and state.requests == []
    before = snapshot()
    send(state, "approve", member_id=str(asked[0].id), version="1")
    assert state.notice == text.TeamWords.NOT_LEADER
    assert snapshot() == before


def test_staff_see_every_team(client, teams, asked):
    state = workbench(client, teams.staff)
    assert len(state.team_options) == 3 and state.team_name == "老红帽"


# --- /leader/refer/<member_id> ------------------------------------------------------------------


@pytest.fixture
def resident(session, teams):
    return add_member(session, teams.troupe, person(session, "周凤兰").id)


def refer_form(client, who, member_id):
    state = client(
        LeaderReferState,
        who,
        path=f"/leader/refer/{member_id}",
        route="/leader/refer/[member_id]",
        params={"member_id": str(member_id)},
    )
    return state, send(state, "load")


def test_a_leader_refers_a_team_member(client, teams, resident):
    state, _ = refer_form(client, teams.leader, resident.id)
    assert state.found and (state.name, state.team_name) == ("周凤兰", "华锦艺术团")
    assert send(state, "submit", form=form(how_known=NOTE)) is None
    assert state.done and state.notice == T.REFER_DONE.format(name="周凤兰")
    [made] = referrals()
    assert (made.name, made.how_known, made.referrer_id) == (
        "周凤兰",
        NOTE,
        teams.leader.account_id,
    )
    again, _ = refer_form(client, teams.leader, resident.id)
    assert not again.found and again.notice == T.ALREADY_REFERRED


@pytest.mark.parametrize("note", ["", "好", "长" * 201])
def test_a_bad_note_is_shown_with_the_answer_kept(client, teams, resident, note):
    state, _ = refer_form(client, teams.leader, resident.id)
    result = send(state, "submit", form=form(how_known=note))
    assert state.errors == {"how_known": T.HOW_KNOWN_INVALID} and script(result) == FOCUS_ERRORS
    assert state.error_list == [["how_known", T.HOW_KNOWN_INVALID]]
    assert state.how_known == note and not state.done and referrals() == []


def test_junk_forms_refer_nobody(client, teams, resident):
    state, _ = refer_form(client, teams.leader, resident.id)
    for junk in JUNK:
        result = send(state, "submit", form=junk)
        assert set(state.errors) == {"how_known"} and script(result) == FOCUS_ERRORS
    assert referrals() == []


@pytest.mark.parametrize("member_id", ["x", "0", "99999", "-1", "9" * 40])
def test_a_junk_address_refers_nobody(client, teams, resident, member_id):
    state, _ = refer_form(client, teams.leader, member_id)
    assert not state.found and state.notice == T.NOT_IN_TEAM
    assert send(state, "submit", form=form(how_known=NOTE)) is None
    assert state.notice == T.NOT_IN_TEAM and referrals() == []


def test_people_who_may_not_refer_her(client, teams, resident):
    for who, message in [
        (teams.other_leader, text.TeamWords.NOT_LEADER),
        (teams.member, text.TeamWords.NOT_LEADER),
    ]:
        state, _ = refer_form(client, who, resident.id)
        assert not state.found and state.notice == message
        send(state, "submit", form=form(how_known=NOTE))
        assert not state.done
    assert referrals() == []


def test_someone_who_has_disclosed_is_not_offered(client, session, teams):
    row = add_member(session, teams.troupe, teams.member.account_id)
    state, _ = refer_form(client, teams.leader, row.id)
    assert not state.found and state.notice == T.ALREADY_MEMBER


def test_signed_out_is_sent_to_sign_in(client, teams, resident):
    state, result = refer_form(client, None, resident.id)
    assert redirect_path(result) == f"/login?next=/leader/refer/{resident.id}"
    assert redirect_path(send(state, "submit", form=form(how_known=NOTE)))
    assert referrals() == []
