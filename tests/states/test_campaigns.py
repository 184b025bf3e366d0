"""CampaignsState (/staff/campaigns: the list and the form) and CampaignState (one campaign's
progress and unfinished tasks)."""

from datetime import timedelta

import pytest

from huajin_pwa import present, text
from huajin_pwa.services import clock, visit_work
from huajin_pwa.states.campaigns import CampaignsState, CampaignState

from .campaign_support import CAMPAIGN_ROUTE, approved_member, campaigns, visits
from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot

C = text.Campaign
P = text.CampaignPage


def days(n: int) -> str:
    return (clock.today() + timedelta(days=n)).isoformat()


def good(**changes) -> dict[str, str]:
    return {
        "name": "春节慰问",
        "starts_on": days(0),
        "ends_on": days(20),
        "audience": "difficulty",
        "grid": "",
        **changes,
    }


@pytest.fixture
def people(join, run, staff):
    """Three approved members: in difficulty (grid 1), not (grid 1), in difficulty and frail
    (grid 2)."""
    return {
        "hard": approved_member(join, run, staff, "13700000101", "周凤兰", difficulty=True),
        "fine": approved_member(join, run, staff, "13700000102", "刘玉珍"),
        "frail": approved_member(
            join, run, staff, "13700000103", "孙建国", difficulty=True, mobility=True, grid=2
        ),
    }


def start(client, staff, **changes) -> int:
    """Start a campaign through the page's handler; its id."""
    state = client(CampaignsState, staff)
    send(state, "load")
    result = send(state, "create", form=form(**good(**changes)))
    [campaign] = [c for c in campaigns() if c.name == good(**changes)["name"]]
    assert redirect_path(result) == f"/staff/campaigns/{campaign.id}?new=1"
    return campaign.id


def campaign_page(client, who, campaign_id, query: str = ""):
    path = f"/staff/campaigns/{campaign_id}{query}"
    params = {"campaign_id": str(campaign_id)}
    return client(CampaignState, who, path=path, route=CAMPAIGN_ROUTE, params=params)


# --- starting a campaign --------------------------------------------------------------------


def test_staff_start_a_campaign_for_members_in_difficulty(client, staff, people, community):
    campaign_id = start(client, staff)
    tasks = visits()
    assert {v.member_id for v in tasks} == {
        people["hard"].account_id,
        people["frail"].account_id,
    }
    assert all(v.source == "campaign" and v.campaign_id == campaign_id for v in tasks)
    assert all(v.status == "received" and v.reason == "holiday" for v in tasks)
    by_member = {v.member_id: v.grid_id for v in tasks}
    assert by_member[people["hard"].account_id] == community[0].id
    assert by_member[people["frail"].account_id] == community[1].id
    [campaign] = campaigns()
    assert (campaign.audience, campaign.task_count) == ("difficulty", 2)

    page = campaign_page(client, staff, campaign_id, "?new=1")
    send(page, "load")
    assert page.found and page.name == "春节慰问"
    assert page.made == P.MADE.format(name="春节慰问", count=2)
    assert page.total["words"] == "已完成 0 / 2" and page.total["width"] == "0%"
    assert [(g["label"], g["words"]) for g in page.by_grid] == [
        ("第一网格", "已完成 0 / 1"),
        ("第二网格", "已完成 0 / 1"),
    ]
    assert page.audience == P.AUDIENCE.format(who=C.AUDIENCES["difficulty"])
    assert page.dates == P.DATES.format(
        start=present.date_label(clock.today()),
        end=present.date_label(clock.today() + timedelta(days=20)),
    )
    assert not page.ended and page.stage == P.STATES["running"]
    assert not page.notice

    again = campaign_page(client, staff, campaign_id)
    send(again, "load")
    assert again.made == ""


@pytest.mark.parametrize(
    ("audience", "who"),
    [("all", {"hard", "fine", "frail"}), ("mobility", {"frail"}), ("grid", {"frail"})],
)
def test_each_audience_covers_only_its_members(client, staff, people, community, audience, who):
    start(client, staff, audience=audience, grid=str(community[1].id))
    assert {v.member_id for v in visits()} == {people[name].account_id for name in who}


def test_the_list_shows_each_campaign_with_its_numbers(client, staff, people, community):
    start(client, staff, name="重阳节慰问", audience="grid", grid=str(community[0].id))
    state = client(CampaignsState, staff)
    send(state, "load")
    [row] = state.rows
    assert row["label"] == "重阳节慰问"
    assert row["audience"] == P.AUDIENCE.format(who=P.AUDIENCE_GRID.format(grid="第一网格"))
    assert row["words"] == "已完成 0 / 2" and row["total"] == "2" and row["done"] == "0"
    assert row["dates"].startswith(present.date_label(clock.today()))
    assert state.ready and state.answers["starts_on"] == days(0) and state.answers["name"] == ""
    assert [option[1] for option in state.grid_options] == ["第一网格", "第二网格"]


def test_the_list_is_paginated(client, staff, people):
    for n in range(11):
        start(client, staff, name=f"慰问{n:02d}")
    state = client(CampaignsState, staff)
    send(state, "load")
    assert (state.page, state.pages, len(state.rows)) == (1, 2, 10)
    send(state, "go", delta=1)
    assert (state.page, len(state.rows)) == (2, 1)


BAD = [
    ({"name": ""}, "name", C.NAME_INVALID),
    ({"name": "春"}, "name", C.NAME_INVALID),
    ({"name": "长" * 31}, "name", C.NAME_INVALID),
    ({"starts_on": "明天"}, "starts_on", C.START_INVALID),
    ({"starts_on": days(5), "ends_on": days(4)}, "ends_on", C.END_INVALID),
    ({"starts_on": days(-10), "ends_on": days(-1)}, "ends_on", C.END_INVALID),
    ({"ends_on": days(91)}, "ends_on", C.SPAN_LONG),
    ({"ends_on": ""}, "ends_on", C.END_INVALID),
    ({"audience": "everyone"}, "audience", C.AUDIENCE_INVALID),
    ({"audience": ""}, "audience", C.AUDIENCE_INVALID),
    ({"audience": "grid", "grid": ""}, "grid", C.GRID_MISSING),
    ({"audience": "grid", "grid": "999"}, "grid", C.GRID_MISSING),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD)
def test_bad_answers_make_nothing_and_are_kept(client, staff, people, changes, field, message):
    state = client(CampaignsState, staff)
    send(state, "load")
    before = snapshot()
    answers = good(**changes)
    result = send(state, "create", form=form(**answers))
    assert state.errors.get(field) == message
    assert script(result) == FOCUS_ERRORS and redirect_path(result) is None
    assert state.answers == answers
    assert [field, message] in state.error_list
    assert snapshot() == before and campaigns() == [] and visits() == []


def test_nobody_matching_is_a_notice_and_makes_nothing(client, staff, join, run, community):
    approved_member(join, run, staff, "13700000102", "刘玉珍")  # grid 1, no difficulty
    state = client(CampaignsState, staff)
    send(state, "load")
    before = snapshot()
    answers = good(audience="grid", grid=str(community[1].id))
    result = send(state, "create", form=form(**answers))
    assert state.notice == C.NOBODY and state.errors == {} and redirect_path(result) is None
    assert state.answers == answers
    assert snapshot() == before and campaigns() == [] and visits() == []


# --- who may --------------------------------------------------------------------------------


@pytest.fixture
def outsiders(secretary, member):
    return {"secretary": (secretary, "/"), "member": (member, "/"), "signed out": (None, "/login")}


@pytest.mark.parametrize("who", ["secretary", "member", "signed out"])
def test_only_staff_may_use_the_campaign_pages(client, staff, people, outsiders, who):
    campaign_id = start(client, staff)
    actor, away = outsiders[who]
    state = client(CampaignsState, actor)
    page = campaign_page(client, actor, campaign_id)
    before = snapshot()

    assert redirect_path(send(state, "load")) == away
    assert redirect_path(send(state, "create", form=form(**good(name="国庆慰问")))) == away
    assert redirect_path(send(state, "go", delta=1)) == away
    assert state.rows == [] and not state.ready

    assert redirect_path(send(page, "load")) == away
    assert redirect_path(send(page, "go", delta=1)) == away
    assert not page.found and page.by_grid == [] and page.todo == []
    assert snapshot() == before


def test_admin_may(client, admin, people):
    campaign_id = start(client, admin)
    page = campaign_page(client, admin, campaign_id)
    send(page, "load")
    assert page.found and page.total["total"] == "2"


# --- untrusted arguments --------------------------------------------------------------------


def test_junk_changes_nothing(client, staff, people):
    campaign_id = start(client, staff)
    state = client(CampaignsState, staff)
    send(state, "load")
    page = campaign_page(client, staff, campaign_id)
    send(page, "load")
    before = snapshot()
    junk_forms = [
        *JUNK,
        {"name": ["春节慰问"], "starts_on": {"a": 1}, "ends_on": 5, "audience": ["all"]},
        {**good(), "audience": "grid", "grid": ["1"]},
        {**good(), "audience": "grid", "grid": "١"},
    ]
    for junk in junk_forms:
        result = send(state, "create", form=junk)
        assert state.errors and script(result) == FOCUS_ERRORS, junk
        assert redirect_path(result) is None
    for junk in JUNK:
        send(state, "go", delta=junk)
        send(page, "go", delta=junk)
        assert state.page >= 1 and page.page >= 1
    assert snapshot() == before


@pytest.mark.parametrize("junk", [*JUNK, "0", str(2**31), "1 OR 1=1"])
def test_a_junk_campaign_address_is_not_found(client, staff, people, junk):
    start(client, staff)
    page = client(
        CampaignState,
        staff,
        path=f"/staff/campaigns/{junk}",
        route=CAMPAIGN_ROUTE,
        params={"campaign_id": junk},
    )
    before = snapshot()
    assert send(page, "load") is None
    assert not page.found and page.notice == text.Err.NOT_FOUND
    assert page.todo == [] and page.by_grid == []
    assert snapshot() == before


# --- progress -------------------------------------------------------------------------------


def test_progress_follows_a_secretary_recording_a_task_done(client, staff, secretary, people, run):
    campaign_id = start(client, staff)
    [task] = [v for v in visits() if v.member_id == people["hard"].account_id]
    outcome = {"visited_on": days(0), "outcome": "送去了慰问品，聊了家常"}
    run(visit_work.record_done, secretary, task.id, task.version, outcome)

    page = campaign_page(client, staff, campaign_id)
    send(page, "load")
    assert page.total["words"] == "已完成 1 / 2" and page.total["width"] == "50%"
    assert [(g["label"], g["done"], g["total"], g["width"]) for g in page.by_grid] == [
        ("第一网格", "1", "1", "100%"),
        ("第二网格", "0", "1", "0%"),
    ]
    assert page.by_grid[0]["name"] == P.PROGRESS_OF.format(what="第一网格")
    assert not page.ended
    assert page.todo == [
        {
            "name": "孙建国",
            "phone": "13700000103",
            "grid": "第二网格",
            "status": P.TASK_STATES["received"],
            "when": "",
        }
    ]
    assert page.todo_count == 1

    state = client(CampaignsState, staff)
    send(state, "load")
    assert state.rows[0]["words"] == "已完成 1 / 2"


def test_a_scheduled_task_shows_its_day(client, staff, secretary, people, run, community):
    campaign_id = start(client, staff, audience="grid", grid=str(community[0].id))
    [task] = [v for v in visits() if v.member_id == people["hard"].account_id]
    run(visit_work.schedule, secretary, task.id, task.version, {"day": days(2), "part": "am"})
    page = campaign_page(client, staff, campaign_id)
    send(page, "load")
    rows = {row["name"]: row for row in page.todo}
    assert rows["周凤兰"]["status"] == P.TASK_STATES["scheduled"]
    assert rows["周凤兰"]["when"] == present.date_label(clock.today() + timedelta(days=2))
    assert (rows["刘玉珍"]["status"], rows["刘玉珍"]["when"]) == (P.TASK_STATES["received"], "")


def test_after_the_end_the_unfinished_tasks_are_listed(client, staff, people, monkeypatch):
    campaign_id = start(client, staff, ends_on=days(3))
    later = clock.today() + timedelta(days=4)
    monkeypatch.setattr(clock, "today", lambda: later)
    page = campaign_page(client, staff, campaign_id)
    send(page, "load")
    assert page.ended and page.stage == P.STATES["ended"]
    assert sorted(row["name"] for row in page.todo) == ["周凤兰", "孙建国"]
    state = client(CampaignsState, staff)
    send(state, "load")
    assert state.rows[0]["stage"] == P.STATES["ended"]


NAMES = "赵钱孙李周吴郑王冯陈褚"


def test_the_unfinished_list_is_paginated(client, staff, join, run):
    for n, surname in enumerate(NAMES):
        approved_member(join, run, staff, f"137000002{n:02d}", surname + "秀英", difficulty=True)
    campaign_id = start(client, staff)
    page = campaign_page(client, staff, campaign_id)
    send(page, "load")
    assert (page.page, page.pages, len(page.todo), page.todo_count) == (1, 2, 10, 11)
    first = [row["name"] for row in page.todo]
    send(page, "go", delta=1)
    assert (page.page, len(page.todo)) == (2, 1)
    assert sorted([*first, page.todo[0]["name"]]) == sorted(s + "秀英" for s in NAMES)
