"""/secretary/study (BranchStudyState), /secretary/home-study (HomeStudyState) and the 学习
figures on /staff (StaffState): what they show, recording 送学上门 from the inline form, and
refusals of outsiders, other grids and junk arguments."""

import pytest

from huajin_pwa import db, present, text
from huajin_pwa.models import StudyReflection, Visit
from huajin_pwa.states.staff import StaffState
from huajin_pwa.states.study_branch import BranchStudyState, HomeStudyState
from tests.unit import study_branch_support as sb
from tests.unit import visit_support as vs
from tests.unit.study_support import MONDAY, TODAY, week

from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot

world = sb.world
weeks = sb.weeks
T = text.StudyBranch


def names(state) -> list[str]:
    return [row["name"] for row in state.rows]


@pytest.fixture
def branch(world, weeks):
    """Grid 1: 周凤兰 studied herself; 马兰芳 and 高秀珍 are frail and have not studied;
    吴德明 has not studied. Grid 2: 刘玉珍 has not studied."""
    people = {
        "马兰芳": vs.add_member("马兰芳", mobility=True, phone="13700000201"),
        "高秀珍": vs.add_member("高秀珍", mobility=True),
        "吴德明": vs.add_member("吴德明"),
    }
    sb.study(world.member, weeks[0])
    sb.study(world.member, weeks[-2])
    return people


# --- /secretary/study -----------------------------------------------------------------------


def test_the_secretary_sees_who_has_not_studied_with_the_phone(client, world, branch):
    state = client(BranchStudyState, world.secretary, path="/secretary/study")
    assert send(state, "load") is None
    assert state.allowed and state.has_week and state.show == "not"
    assert state.week_line == T.WEEK.format(title="本周的学习材料")
    assert sorted(names(state)) == sorted(["吴德明", "马兰芳", "高秀珍"])
    assert (state.tab_not, state.tab_done) == (
        T.TAB_NOT.format(count=3),
        T.TAB_DONE.format(count=1),
    )
    row = next(row for row in state.rows if row["name"] == "马兰芳")
    assert (row["phone"], row["mobility"], row["status"], row["tone"]) == (
        "13700000201",
        text.SecretaryPage.MOBILITY,
        T.NOT_STUDIED,
        "warn",
    )
    assert state.n_unstudied == 3  # the section's count agrees
    latest, older, oldest = state.weeks
    assert latest["label"] == T.WEEK_ROW.format(
        day=present.date_label(MONDAY), title="本周的学习材料"
    )
    assert latest["words"] == T.DONE_OF.format(studied=1, members=4, percent=25)
    assert (latest["width"], latest["done"], latest["total"]) == ("25%", "1", "4")
    assert older["done"] == "1" and oldest["done"] == "0"


def test_the_address_names_the_tab_of_those_who_studied(client, world, branch, weeks):
    sb.study(branch["马兰芳"], weeks[0], "home")
    state = client(BranchStudyState, world.secretary, path="/secretary/study?show=done")
    send(state, "load")
    assert state.show == "done"
    assert sorted(names(state)) == ["周凤兰", "马兰芳"]
    row = next(row for row in state.rows if row["name"] == "马兰芳")
    assert (row["status"], row["tone"]) == (T.STUDIED_HOW.format(how="送学上门"), "ok")


@pytest.mark.parametrize("show", ["evil", "", "DONE", "done%20"])
def test_an_unknown_tab_shows_those_who_have_not_studied(client, world, branch, show):
    state = client(BranchStudyState, world.secretary, path=f"/secretary/study?show={show}")
    send(state, "load")
    assert state.show == "not" and len(state.rows) == 3


def test_before_any_week_the_page_says_so(client, world):
    state = client(BranchStudyState, world.secretary, path="/secretary/study")
    send(state, "load")
    assert state.allowed and not state.has_week and state.rows == [] and state.weeks == []


def test_staff_pick_a_grid(client, world, branch):
    state = client(BranchStudyState, world.staff, path="/secretary/study")
    send(state, "load")
    assert "刘玉珍" in names(state) and len(state.rows) == 4
    send(state, "filter_grid", form=form(grid=str(world.grid2)))
    assert names(state) == ["刘玉珍"] and state.weeks[0]["total"] == "1"


# --- /secretary/home-study ------------------------------------------------------------------


def home(client, who):
    state = client(HomeStudyState, who, path="/secretary/home-study")
    send(state, "load")
    return state


def member_id(state, name: str) -> str:
    return next(row["member_id"] for row in state.rows if row["name"] == name)


def test_the_frail_who_have_not_studied_with_the_print_link(client, world, branch):
    state = home(client, world.secretary)
    assert sorted(names(state)) == sorted(["马兰芳", "高秀珍"])  # neither had study delivered
    assert state.print_href == f"/study/{MONDAY.isoformat()}/print"
    assert state.rows[0]["last_home"] == T.NEVER_HOME
    assert (state.visited_min, state.visited_max) == (MONDAY.isoformat(), TODAY.isoformat())
    assert state.open_id == ""


def test_recording_a_delivery_takes_the_member_off_the_list(client, world, branch, weeks):
    state = home(client, world.secretary)
    result = send(state, "open_form", member_id=member_id(state, "马兰芳"))
    assert "f-visited_on" in script(result)
    assert state.open_id == member_id(state, "马兰芳")
    assert state.answers == {"visited_on": TODAY.isoformat(), "note": ""}
    result = send(state, "record", form=form(visited_on=TODAY.isoformat(), note="读了要点"))
    assert "page-notice" in script(result) and state.open_id == ""
    assert state.flash == T.SAVED.format(name="马兰芳") and not state.flash_warn
    assert names(state) == ["高秀珍"]
    assert sb.records_of(branch["马兰芳"]) == {weeks[0].id: "home"}
    [visit] = [v for v in vs.rows(Visit) if v.member_id == branch["马兰芳"].account_id]
    assert (visit.outcome, visit.study_at_home, visit.visited_on) == ("读了要点", True, TODAY)


def test_bad_answers_stay_on_the_open_form(client, world, branch):
    state = home(client, world.secretary)
    send(state, "open_form", member_id=member_id(state, "高秀珍"))
    before = snapshot()
    result = send(state, "record", form=form(visited_on="2026-06-01", note="很" * 201))
    assert script(result) == FOCUS_ERRORS
    assert set(state.errors) == {"visited_on", "note"}
    assert [item[0] for item in state.error_list] == ["visited_on", "note"]
    assert state.answers == {"visited_on": "2026-06-01", "note": "很" * 201}
    assert state.open_id == member_id(state, "高秀珍") and len(state.rows) == 2
    assert snapshot() == before


def test_a_member_who_studied_meanwhile_is_refused_in_words(client, world, branch, weeks):
    state = home(client, world.secretary)
    send(state, "open_form", member_id=member_id(state, "马兰芳"))
    sb.study(branch["马兰芳"], weeks[0])
    before = snapshot()
    send(state, "record", form=form(visited_on=TODAY.isoformat()))
    assert (state.flash, state.flash_warn) == (T.ALREADY, True)
    assert names(state) == ["高秀珍"] and state.open_id == ""
    assert snapshot() == before


def test_a_member_of_another_grid_cannot_be_recorded(client, world, branch):
    frail = vs.add_member("冯玉兰", grid=2, mobility=True)
    state = home(client, world.secretary)
    send(state, "open_form", member_id=str(frail.account_id))  # not on the list: ignored
    assert state.open_id == ""
    state.open_id = str(frail.account_id)  # as if a crafted client got it there
    before = snapshot()
    send(state, "record", form=form(visited_on=TODAY.isoformat()))
    assert state.flash == text.VisitWork.NOT_YOUR_GRID and state.flash_warn
    assert snapshot() == before


def test_junk_arguments_do_no_harm(client, world, branch):
    state = home(client, world.secretary)
    shown = [dict(row) for row in state.rows]
    before = snapshot()
    for junk in JUNK:
        assert send(state, "open_form", member_id=junk) is None
        assert state.open_id == ""
        send(state, "record", form=junk)
        assert state.flash == text.VisitWork.NOT_A_MEMBER and state.rows == shown
        send(state, "go", delta=junk)
    send(state, "close_form")
    assert snapshot() == before and state.allowed


@pytest.mark.parametrize("state_class", [BranchStudyState, HomeStudyState])
@pytest.mark.parametrize("who", ["member", "signed_out"])
def test_outsiders_are_refused_and_get_no_rows(client, world, branch, who, state_class):
    person = world.member if who == "member" else None
    where = "/" if who == "member" else "/login"
    state = client(state_class, person, path="/secretary/study")
    before = snapshot()
    assert redirect_path(send(state, "load")) == where
    assert redirect_path(send(state, "go", delta=1)) == where
    if state_class is HomeStudyState:
        state.open_id = str(branch["马兰芳"].account_id)
        assert redirect_path(send(state, "record", form=form(visited_on="2026-06-10"))) == where
    assert state.rows == [] and not state.allowed and snapshot() == before


# --- /staff ----------------------------------------------------------------------------------


def test_staff_see_the_study_figures(client, world, branch, weeks):
    with db.transaction() as session:
        session.add(
            StudyReflection(
                member_id=world.member.account_id,
                week_id=weeks[0].id,
                grid_id=world.grid1,
                body="学了以后很有收获",
                created_at=vs.local_time(TODAY, 9),
            )
        )
    state = client(StaffState, world.staff)
    send(state, "load")
    assert state.study_week == T.STAFF_WEEK.format(title="本周的学习材料")
    assert [(row["label"], row["done"], row["total"]) for row in state.study_by_grid] == [
        ("第一网格", "1", "4"),
        ("第二网格", "0", "1"),
    ]
    assert state.study_by_grid[0]["words"] == T.DONE_OF.format(studied=1, members=4, percent=25)
    assert [row["done"] for row in state.study_by_week] == ["1", "1", "0"]
    assert state.study_by_week[1]["label"].endswith("第二周的学习材料")
    assert state.study_by_week[1]["label"].startswith(present.date_label(week(-2)))
    assert state.study_awaiting == [
        {"grid": "第一网格", "words": T.AWAITING_ROW.format(count=1, day=present.date_label(TODAY))}
    ]


def test_staff_figures_before_any_week(client, world):
    state = client(StaffState, world.staff)
    send(state, "load")
    assert state.study_week == T.STAFF_NO_WEEK and state.study_by_week == []
    assert [row["total"] for row in state.study_by_grid] == ["1", "1"]
