"""Study sessions in the browser's states: the list, the planning form, one session's page
(QR code, roster, 保存出勤) and the member's check-in page; junk from crafted clients and the
wrong people refused, nothing changed."""

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import StudyAttendance, StudyRecord, StudySession
from huajin_pwa.services import study_sessions
from huajin_pwa.states.study_checkin import CheckinState
from huajin_pwa.states.study_session import StudySessionState
from huajin_pwa.states.study_sessions import NewStudySessionState, StudySessionsState
from tests.unit.study_support import MONDAY, write

from . import secretary_visit_support as support
from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot
from .secretary_visit_support import TODAY

people = support.people
T = text.StudySessions
GOOD = {"week": "", "held_on": TODAY.isoformat(), "part": "night", "place": "党群服务中心二楼"}


@pytest.fixture
def week(run, people):
    return write(run, people.staff, MONDAY)


@pytest.fixture
def planned(run, people, week) -> StudySession:
    form_data = {**GOOD, "week": str(week.id)}
    return run(study_sessions.schedule, people.secretary, form_data)


def attendance() -> list[tuple[int, str]]:
    with db.transaction() as session:
        return [(row.member_id, row.via) for row in session.exec(select(StudyAttendance))]


def on_session(client, who, session_id) -> StudySessionState:
    state = client(
        StudySessionState,
        who,
        path=f"/secretary/session/{session_id}",
        route="/secretary/session/[session_id]",
        params={"session_id": str(session_id)},
    )
    send(state, "load")
    return state


def on_checkin(client, who, token) -> CheckinState:
    state = client(
        CheckinState,
        who,
        path=f"/study/checkin/{token}",
        route="/study/checkin/[token]",
        params={"token": token},
    )
    send(state, "load")
    return state


# --- the list -------------------------------------------------------------------------------


def test_the_secretary_sees_the_grids_sessions(client, people, planned):
    state = client(StudySessionsState, people.secretary, path="/secretary/sessions")
    send(state, "load")
    assert state.allowed and state.total == 1
    row = state.rows[0]
    assert row["id"] == str(planned.id) and row["status"] == T.TODAY
    assert row["when"] == "6月10日 周三 夜学" and row["attended"] == "到了 0 人"
    assert row["grid"] == ""  # one grid: no need to say which


def test_staff_see_which_grid(client, people, planned):
    state = client(StudySessionsState, people.staff, path="/secretary/sessions")
    send(state, "load")
    assert state.rows[0]["grid"] == "第一网格"


@pytest.mark.parametrize(("who", "where"), [("member", "/"), (None, "/login")])
def test_the_list_is_for_secretaries(client, people, planned, who, where):
    state = client(StudySessionsState, getattr(people, who) if who else None)
    assert redirect_path(send(state, "load")) == where
    assert state.rows == [] and not state.allowed


def test_another_grids_secretary_sees_none_of_it(client, people, planned):
    state = client(StudySessionsState, people.stranger, path="/secretary/sessions")
    send(state, "load")
    assert state.allowed and state.rows == []


# --- the planning form ----------------------------------------------------------------------


def test_the_form_plans_a_session_and_opens_it(client, people, week):
    state = client(NewStudySessionState, people.secretary, path="/secretary/sessions/new")
    send(state, "load")
    assert state.allowed and state.week_options[0][0] == str(week.id)
    assert state.answers["week"] == str(week.id) and state.answers["held_on"] == TODAY.isoformat()
    assert state.grid_options == [[str(people.grid1), "第一网格"]]
    result = send(state, "submit", form=form(**{**GOOD, "week": str(week.id)}))
    with db.transaction() as session:
        made = session.exec(select(StudySession)).one()
    assert redirect_path(result) == f"/secretary/session/{made.id}"
    assert state.notice == T.SCHEDULED and made.grid_id == people.grid1


def test_bad_answers_come_back_with_their_errors(client, people, week):
    state = client(NewStudySessionState, people.secretary, path="/secretary/sessions/new")
    send(state, "load")
    before = snapshot()
    answers = {**GOOD, "week": str(week.id), "place": "楼", "starts_at": "25:00"}
    result = send(state, "submit", form=form(**answers))
    assert script(result) == FOCUS_ERRORS and snapshot() == before
    assert state.errors == {"place": T.PLACE_INVALID, "starts_at": T.TIME_INVALID}
    assert state.answers["place"] == "楼" and state.answers["part"] == "night"
    assert ["place", T.PLACE_INVALID] in state.error_list


@pytest.mark.parametrize("junk", JUNK)
def test_junk_forms_change_nothing(client, people, week, junk):
    state = client(NewStudySessionState, people.secretary, path="/secretary/sessions/new")
    send(state, "load")
    before = snapshot()
    send(state, "submit", form=junk)
    send(state, "submit", form=form(**{**GOOD, "week": junk, "grid": junk}))
    assert snapshot() == before and state.errors


def test_a_secretary_cannot_plan_for_another_grid(client, people, week):
    state = client(NewStudySessionState, people.stranger, path="/secretary/sessions/new")
    send(state, "load")
    before = snapshot()
    send(state, "submit", form=form(**{**GOOD, "week": str(week.id), "grid": str(people.grid1)}))
    assert snapshot() == before and state.notice == T.NOT_YOUR_GRID_PLAN and state.notice_warn


@pytest.mark.parametrize(("who", "where"), [("member", "/"), (None, "/login")])
def test_the_form_is_for_secretaries(client, people, week, who, where):
    state = client(NewStudySessionState, getattr(people, who) if who else None)
    assert redirect_path(send(state, "load")) == where
    before = snapshot()
    answers = {**GOOD, "week": str(week.id), "grid": str(people.grid1)}
    assert redirect_path(send(state, "submit", form=form(**answers))) == where
    assert snapshot() == before


# --- one session ----------------------------------------------------------------------------


def test_the_session_page_shows_the_code_and_the_roster(client, people, planned):
    state = on_session(client, people.secretary, planned.id)
    assert state.found and state.title == "6月10日 周三 夜学"
    assert state.checkin_url == f"http://localhost:3000/study/checkin/{planned.token}"
    assert state.qr_uri.startswith("data:image/svg+xml")
    assert [row["name"] for row in state.members] == ["王秀兰"]
    assert state.members[0]["how"] == T.ABSENT and state.members[0]["locked"] == ""
    assert state.count_line == "已到 0 / 共 1" and state.can_tick


def test_ticking_and_unticking_on_the_day(client, people, planned):
    member_id = str(people.member.account_id)
    state = on_session(client, people.secretary, planned.id)
    send(state, "save", form=form(("present", member_id)))
    assert state.notice == T.SAVED.format(added=1, removed=0) and not state.notice_warn
    assert attendance() == [(people.member.account_id, "tick")]
    assert state.members[0]["how"] == "书记登记" and state.count_line == "已到 1 / 共 1"
    send(state, "save", form=form(("present", member_id)))
    assert state.notice == T.NOTHING_CHANGED
    send(state, "save", form=form())
    assert state.notice == T.SAVED.format(added=0, removed=1) and attendance() == []
    with db.transaction() as session:
        assert session.exec(select(StudyRecord.how)).all() == ["night"]  # the record stays


@pytest.mark.parametrize("junk", [*JUNK, form(("present", "abc")), form(("present", "99999"))])
def test_junk_rosters_change_nothing(client, people, planned, junk):
    state = on_session(client, people.secretary, planned.id)
    before = snapshot()
    send(state, "save", form=junk)
    assert snapshot() == before


def test_a_member_of_another_grid_cannot_be_ticked(client, people, planned, join, run):
    from huajin_pwa.services import approval
    from tests.unit.pin_reset_support import GRID_2_HOME

    other = join.submitted("13700000099", name="刘玉珍", address=GRID_2_HOME)
    run(approval.approve, people.staff, other.disclosure_id)
    state = on_session(client, people.secretary, planned.id)
    before = snapshot()
    send(state, "save", form=form(("present", str(other.actor().account_id))))
    assert snapshot() == before and state.notice == T.NOT_IN_GRID and state.notice_warn


def test_other_grids_and_members_cannot_open_or_save(client, people, planned):
    stranger = on_session(client, people.stranger, planned.id)
    assert not stranger.found and stranger.notice == T.NOT_YOUR_SESSION
    before = snapshot()
    send(stranger, "save", form=form(("present", str(people.member.account_id))))
    assert snapshot() == before and stranger.members == []
    member = client(StudySessionState, people.member)
    assert redirect_path(send(member, "load")) == "/"
    assert redirect_path(send(member, "save", form=form(("present", "1")))) == "/"


@pytest.mark.parametrize("junk", ["abc", "0", "-1", "9" * 40, "99999", "²"])
def test_junk_session_ids_are_not_found(client, people, planned, junk):
    state = on_session(client, people.staff, junk)
    assert not state.found and state.notice == T.NOT_FOUND and state.qr_uri == ""


# --- checking in ----------------------------------------------------------------------------


def test_a_member_checks_in_once(client, people, planned):
    state = on_checkin(client, people.member_token, planned.token)
    assert state.outcome == "ok" and state.headline == "签到成功 ✓"
    assert attendance() == [(people.member.account_id, "scan")]
    again = on_checkin(client, people.member_token, planned.token)
    assert again.outcome == "again" and again.headline == "您已经签到过了"


@pytest.mark.parametrize("token", ["forged-token-forged-token-forged", "", "x", "²" * 32])
def test_a_forged_link_is_refused(client, people, planned, token):
    before = snapshot()
    state = on_checkin(client, people.member_token, token)
    assert state.outcome == "refused" and state.headline == "这个签到码无效"
    assert snapshot() == before


def test_signed_out_the_page_says_to_sign_in(client, people, planned):
    before = snapshot()
    state = on_checkin(client, None, planned.token)
    assert state.outcome == "signed_out" and state.headline == T.SIGN_IN_FIRST
    assert state.sign_in_href == f"/login?next=/study/checkin/{planned.token}"
    assert snapshot() == before


def test_a_secretary_without_membership_is_refused(client, people, planned):
    state = on_checkin(client, people.secretary, planned.token)
    assert state.outcome == "refused" and state.headline == T.MEMBER_ONLY
