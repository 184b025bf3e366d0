"""The grid secretary's lists: /secretary (requests), /secretary/tasks (holiday tasks),
/secretary/duty (每月必访) and /secretary/members; staff see every grid."""

from datetime import date

import pytest
from sqlalchemy import event

from huajin_pwa import present, text
from huajin_pwa.services import accounts, approval, campaigns, clock, visit_work, visits
from huajin_pwa.states.secretary import DutyState, MembersState, RequestsState, TasksState

from .helpers import JUNK, form, redirect_path, send, snapshot

T = text.SecretaryPage
TODAY = date(2026, 6, 10)
GRID_2_HOME = {"building": "5", "unit": "1", "room": "1101"}
HARD = {"mobility_limited": "no", "family_difficulty": "yes"}
FRAIL_AND_HARD = {"mobility_limited": "yes", "family_difficulty": "yes"}
EASY = {"mobility_limited": "no", "family_difficulty": "no"}
LISTS = [RequestsState, TasksState, DutyState, MembersState]
NUMBERS = "一二三四五六七八九十甲乙"
HOLIDAY = {"name": "端午慰问", "starts_on": "2026-06-10", "ends_on": "2026-06-19"}


@pytest.fixture(autouse=True)
def on_a_fixed_day(monkeypatch):
    """Every test runs on 10 June 2026 unless it moves the clock itself."""
    monkeypatch.setattr(clock, "today", lambda: TODAY)


@pytest.fixture
def people(join, staff, run):
    """Members: two in grid 1 and one in grid 2 (all in difficulty), one more in grid 1 who is
    not; their actors by name."""
    found = {}
    for phone, name, needs, home in [
        ("13700000101", "陈桂兰", FRAIL_AND_HARD, None),
        ("13700000102", "吴德明", HARD, None),
        ("13700000103", "刘玉珍", HARD, GRID_2_HOME),
        ("13700000104", "郑和平", EASY, None),
    ]:
        answers = {"needs": needs, "basic": {"gender": "female", "birth_year": "1948"}}
        if home:
            answers["address"] = home
        person = join.submitted(phone, name=name, **answers)
        run(approval.approve, staff, person.disclosure_id)
        found[name] = person.actor()
    return found


@pytest.fixture
def requests(people, run):
    """Open requests: 陈桂兰 first, then 吴德明 (grid 1), then 刘玉珍 (grid 2)."""
    made = {}
    for name, reason, day in [
        ("陈桂兰", "chat", "soon"),
        ("吴德明", "help", "2026-06-12"),
        ("刘玉珍", "chat", "soon"),
    ]:
        made[name], _ = run(
            visits.request_visit, people[name], {"reason": reason, "day": day, "part": "am"}
        )
    return made


def label(year: int, month: int, day: int) -> str:
    return present.date_label(date(year, month, day))


def names(state) -> list[str]:
    return [row["name"] for row in state.rows]


def log(run, secretary, member, day: str) -> None:
    run(
        visit_work.log_visit,
        secretary,
        member.account_id,
        {"reason": "chat", "visited_on": day, "outcome": "身体不错，聊了聊家常"},
    )


# --- /secretary -----------------------------------------------------------------------------


def test_a_secretary_sees_only_the_requests_of_their_grid_oldest_first(
    client, secretary, requests, people
):
    state = client(RequestsState, secretary)
    assert send(state, "load") is None
    assert state.allowed and names(state) == ["陈桂兰", "吴德明"]
    assert "刘玉珍" not in str(state.rows)
    assert (state.n_requests, state.n_tasks, state.n_members) == (2, 0, 3)
    assert state.grid_label == "第一网格" and len(state.grid_options) == 1
    first, second = state.rows
    assert first["id"] == str(requests["陈桂兰"].id)
    assert first["member_id"] == str(people["陈桂兰"].account_id)
    assert first["address"] == "1栋2单元1502室" and first["age"] == "78岁"
    assert first["phone"] == "13700000101"
    assert (first["mobility"], first["difficulty"]) == (T.MOBILITY, T.DIFFICULTY)
    assert first["reason"] == T.REASON.format(reason="看望聊天")
    assert first["wish"] == T.WISH.format(when=text.Visit.SOON)
    assert first["status"] == "已收到" and first["tone"] == "warn" and first["plan"] == ""
    assert first["last_visit"] == T.NEVER_VISITED
    assert second["mobility"] == ""
    assert second["wish"] == T.WISH.format(when=label(2026, 6, 12) + " 上午")


def test_a_scheduled_request_shows_the_day_and_who_goes(client, secretary, requests, run):
    visit = requests["吴德明"]
    plan = {"day": "2026-06-13", "part": "pm"}
    run(visit_work.schedule, secretary, visit.id, visit.version, plan)
    state = client(RequestsState, secretary)
    send(state, "load")
    row = state.rows[1]
    assert row["status"] == "已安排" and row["tone"] == "ok"
    assert row["plan"] == T.SCHEDULED.format(day=label(2026, 6, 13), part="下午", visitor="李建华")


def test_done_and_declined_requests_leave_the_list_and_the_last_visit_shows(
    client, secretary, requests, people, run
):
    log(run, secretary, people["陈桂兰"], "2026-06-08")
    visit = requests["吴德明"]
    run(visit_work.decline, secretary, visit.id, visit.version, "这几天网格在搬迁")
    state = client(RequestsState, secretary)
    send(state, "load")
    assert names(state) == ["陈桂兰"] and state.n_requests == 1
    assert state.rows[0]["last_visit"] == T.LAST_VISIT.format(day=label(2026, 6, 8))


def test_staff_see_every_grid_and_can_pick_one(client, staff, requests, community):
    state = client(RequestsState, staff)
    send(state, "load")
    assert names(state) == ["陈桂兰", "吴德明", "刘玉珍"] and state.n_requests == 3
    assert [option[1] for option in state.grid_options] == ["第一网格", "第二网格"]
    assert state.grid_label == T.ALL_GRIDS
    send(state, "filter_grid", form=form(grid=str(community[1].id)))
    assert names(state) == ["刘玉珍"] and state.grid_label == "第二网格"
    assert (state.n_requests, state.n_members) == (1, 1)
    send(state, "filter_grid", form=form(grid=""))
    assert len(state.rows) == 3


def test_a_secretary_cannot_pick_another_grid(client, secretary, requests, community):
    state = client(RequestsState, secretary)
    send(state, "load")
    send(state, "filter_grid", form=form(grid=str(community[1].id)))
    assert state.grid_filter == "" and names(state) == ["陈桂兰", "吴德明"]


def test_a_notice_left_by_the_page_before_is_shown_once(client, secretary, requests):
    state = client(RequestsState, secretary)
    state.notice = "已安排，已通知本人。"
    send(state, "load")
    assert state.flash == "已安排，已通知本人。" and state.notice == ""
    send(state, "go", delta=1)
    assert state.flash == ""


def test_pages_of_ten(client, secretary, join, staff, run):
    for number in range(12):
        person = join.submitted(f"137000002{number:02d}", name="张" + NUMBERS[number])
        run(approval.approve, staff, person.disclosure_id)
        run(visits.request_visit, person.actor(), {"reason": "chat", "day": "soon"})
    state = client(RequestsState, secretary)
    send(state, "load")
    assert (len(state.rows), state.page, state.pages, state.total) == (10, 1, 2, 12)
    send(state, "go", delta=1)
    assert (len(state.rows), state.page) == (2, 2)
    send(state, "go", delta=1)
    assert (len(state.rows), state.page) == (2, 2)
    send(state, "load")
    assert state.page == 1


def count_queries(engine, action) -> int:
    seen = []

    def note(*_args):
        seen.append(1)

    event.listen(engine, "before_cursor_execute", note)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return len(seen)


@pytest.mark.parametrize("state_class", [RequestsState, TasksState])
def test_a_page_costs_the_same_queries_however_many_rows(
    client, secretary, staff, engine, join, run, state_class
):
    state = client(state_class, secretary)
    costs = []
    for batch in range(2):
        for number in range(1 + 4 * batch):
            person = join.submitted(f"13700003{batch}{number:02d}", name="方" + NUMBERS[number])
            run(approval.approve, staff, person.disclosure_id)
            run(visits.request_visit, person.actor(), {"reason": "chat", "day": "soon"})
        run(campaigns.create_campaign, staff, {**HOLIDAY, "audience": "all"})
        costs.append(count_queries(engine, lambda: send(state, "load")))
        assert len(state.rows) == ([1, 6] if state_class is RequestsState else [1, 7])[batch]
    assert costs[0] == costs[1]


# --- /secretary/tasks -----------------------------------------------------------------------


def test_holiday_tasks_show_their_campaign(client, secretary, staff, people, requests, run):
    made = run(
        campaigns.create_campaign,
        staff,
        {**HOLIDAY, "audience": "all"},
    )
    state = client(TasksState, secretary)
    send(state, "load")
    assert sorted(names(state)) == ["吴德明", "郑和平", "陈桂兰"]
    assert (state.n_tasks, state.n_requests) == (3, 2)
    row = state.rows[0]
    assert row["campaign"] == T.CAMPAIGN.format(name="端午慰问")
    assert row["deadline"] == T.DEADLINE.format(day=label(2026, 6, 19))
    assert row["status"] == T.TASK_WAITING and made.task_count == 4
    requests_page = client(RequestsState, secretary)
    send(requests_page, "load")
    assert names(requests_page) == ["陈桂兰", "吴德明"]


# --- /secretary/duty ------------------------------------------------------------------------


@pytest.fixture
def duty(people, secretary, run):
    """陈桂兰 visited on 5 June, 吴德明 never, 刘玉珍 (grid 2) never; 郑和平 not in difficulty."""
    log(run, secretary, people["陈桂兰"], "2026-06-05")
    return people


def test_the_duty_list_puts_the_unvisited_first_without_alarm_before_day_20(
    client, secretary, duty
):
    state = client(DutyState, secretary)
    send(state, "load")
    assert names(state) == ["吴德明", "陈桂兰"]
    assert state.title == "6月 每月必访" and state.unvisited == 1 and state.n_unvisited == 1
    assert not state.alerting and state.alert_line == ""
    assert state.left_line == T.DUTY_LEFT.format(count=1)
    unvisited, visited = state.rows
    assert (unvisited["status"], unvisited["tone"], unvisited["overdue"]) == (
        T.NOT_VISITED,
        "warn",
        "",
    )
    assert unvisited["last_visit"] == T.NEVER_VISITED
    assert (visited["status"], visited["tone"], visited["overdue"]) == (T.VISITED, "ok", "")
    assert visited["last_visit"] == T.LAST_VISIT.format(day=label(2026, 6, 5))


@pytest.mark.parametrize("day", [20, 30])
def test_from_day_20_the_unvisited_are_flagged_in_words(
    client, secretary, duty, people, run, monkeypatch, day
):
    log(run, secretary, people["吴德明"], "2026-05-28")  # last month does not count
    monkeypatch.setattr(clock, "today", lambda: date(2026, 6, day))
    state = client(DutyState, secretary)
    send(state, "load")
    assert names(state) == ["吴德明", "陈桂兰"]
    assert state.alerting and state.alert_line == T.DUTY_ALERT.format(today=day, day=20)
    overdue, visited = state.rows
    assert overdue["overdue"] == "yes" and overdue["tone"] == "alert"
    assert overdue["status"] == "⚠ 已到20日仍未看望"
    assert overdue["last_visit"] == T.LAST_VISIT.format(day=label(2026, 5, 28))
    assert visited["overdue"] == "" and visited["status"] == T.VISITED


def test_a_new_month_starts_the_duty_again(client, secretary, duty, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: date(2026, 7, 1))
    state = client(DutyState, secretary)
    send(state, "load")
    assert state.title == "7月 每月必访" and state.unvisited == 2
    assert [row["status"] for row in state.rows] == [T.NOT_VISITED, T.NOT_VISITED]


def test_when_everyone_is_visited_the_duty_list_says_so(client, secretary, duty, people, run):
    log(run, secretary, people["吴德明"], "2026-06-09")
    state = client(DutyState, secretary)
    send(state, "load")
    assert state.unvisited == 0 and state.left_line == T.DUTY_ALL_DONE
    assert [row["status"] for row in state.rows] == [T.VISITED, T.VISITED]


def test_staff_see_the_duty_of_every_grid(client, staff, duty):
    state = client(DutyState, staff)
    send(state, "load")
    assert sorted(names(state)[:2]) == ["刘玉珍", "吴德明"] and names(state)[2] == "陈桂兰"
    assert state.unvisited == 2


# --- /secretary/members ---------------------------------------------------------------------


def test_members_of_the_grid_found_by_name_or_phone(client, secretary, people):
    state = client(MembersState, secretary)
    send(state, "load")
    assert sorted(names(state)) == ["吴德明", "郑和平", "陈桂兰"]
    assert state.count_line == T.MEMBERS_COUNT.format(count=3)
    send(state, "find", form=form(search=" 德明 "))
    assert names(state) == ["吴德明"] and state.search == "德明"
    assert state.count_line == T.MEMBERS_FOUND.format(count=1)
    send(state, "find", form=form(search="137 0000 0104"))
    assert names(state) == ["郑和平"]
    send(state, "find", form=form(search="13700000103"))  # 刘玉珍 lives in grid 2
    assert names(state) == [] and state.total == 0
    send(state, "show_all")
    assert len(state.rows) == 3 and state.search == ""
    send(state, "find", form=form(search="%"))
    assert names(state) == []


# --- refusals and junk ----------------------------------------------------------------------


@pytest.mark.parametrize("state_class", LISTS)
@pytest.mark.parametrize("who", ["member", "resident", "signed_out"])
def test_outsiders_are_refused_and_get_no_rows(client, request, duty, requests, who, state_class):
    person = {
        "member": lambda: duty["陈桂兰"],
        "resident": lambda: request.getfixturevalue("resident").token,
        "signed_out": lambda: None,
    }[who]()
    state = client(state_class, person)
    where = "/login" if who == "signed_out" else "/"
    before = snapshot()
    assert redirect_path(send(state, "load")) == where
    assert redirect_path(send(state, "go", delta=1)) == where
    assert redirect_path(send(state, "filter_grid", form=form(grid="1"))) == where
    if state_class is MembersState:
        assert redirect_path(send(state, "find", form=form(search="陈"))) == where
    assert state.rows == [] and not state.allowed
    assert (state.n_requests, state.n_tasks, state.n_unvisited, state.n_members) == (0, 0, 0, 0)
    assert snapshot() == before


def test_a_secretary_who_loses_the_role_loses_the_rows(client, secretary, admin, requests, run):
    state = client(RequestsState, secretary)
    send(state, "load")
    assert len(state.rows) == 2
    run(accounts.revoke_role, admin, secretary.account_id, "secretary")
    assert redirect_path(send(state, "go", delta=1)) == "/"
    assert state.rows == [] and state.n_requests == 0 and not state.allowed


@pytest.mark.parametrize("state_class", LISTS)
def test_junk_arguments_do_no_harm(client, secretary, staff, duty, requests, run, state_class):
    run(campaigns.create_campaign, staff, {**HOLIDAY, "audience": "all"})
    state = client(state_class, secretary)
    send(state, "load")
    shown = [dict(row) for row in state.rows]
    assert shown
    before = snapshot()
    for junk in JUNK:
        assert send(state, "go", delta=junk) is None
        assert send(state, "filter_grid", form=junk) is None
        assert send(state, "filter_grid", form={"grid": junk}) is None
        assert state.grid_filter == "" and state.rows == shown, junk
        if state_class is MembersState:
            assert send(state, "find", form=junk) is None
            assert send(state, "find", form={"search": junk}) is None
            send(state, "show_all")
    assert state.allowed and state.page == 1 and snapshot() == before
