"""The 上门看望 figures on /staff (StaffState): visits this month, open requests by age, and
members in difficulty not yet visited this month, by grid."""

from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Visit
from huajin_pwa.services import auth, clock, visit_work, visits
from huajin_pwa.states.staff import StaffState

from .campaign_support import approved_member
from .helpers import JUNK, redirect_path, send, snapshot

P = text.CampaignPage


@pytest.fixture
def people(join, run, staff):
    """In difficulty in grid 1, not in difficulty in grid 1, in difficulty in grid 2."""
    return {
        "hard": approved_member(join, run, staff, "13700000101", "周凤兰", difficulty=True),
        "fine": approved_member(join, run, staff, "13700000102", "刘玉珍"),
        "far": approved_member(join, run, staff, "13700000103", "孙建国", difficulty=True, grid=2),
    }


def figures(client, who):
    state = client(StaffState, who)
    send(state, "load")
    return state


def actor_of(person):
    with db.transaction() as session:
        return auth.actor_from_token(session, person.token)


def test_members_in_difficulty_not_visited_are_marked_by_grid(client, staff, people):
    state = figures(client, staff)
    assert state.visits_this_month == 0
    assert state.difficulty == [
        {
            "grid": "第一网格",
            "figures": P.DIFFICULTY_ROW.format(total=1, unvisited=1),
            "mark": P.SOME_UNVISITED.format(count=1),
            "tone": "bad",
        },
        {
            "grid": "第二网格",
            "figures": P.DIFFICULTY_ROW.format(total=1, unvisited=1),
            "mark": P.SOME_UNVISITED.format(count=1),
            "tone": "bad",
        },
    ]


def test_a_visit_done_this_month_counts_and_clears_the_mark(client, staff, secretary, people, run):
    done = {
        "reason": "chat",
        "visited_on": clock.today().isoformat(),
        "outcome": "聊了家常，身体还好",
    }
    run(visit_work.log_visit, secretary, people["hard"].account_id, done)
    state = figures(client, staff)
    assert state.visits_this_month == 1
    grid_1, grid_2 = state.difficulty
    assert grid_1["figures"] == P.DIFFICULTY_ROW.format(total=1, unvisited=0)
    assert (grid_1["mark"], grid_1["tone"]) == (P.ALL_VISITED, "ok")
    assert (grid_2["mark"], grid_2["tone"]) == (P.SOME_UNVISITED.format(count=1), "bad")


def test_a_grid_without_members_in_difficulty_says_so(client, staff, join, run):
    approved_member(join, run, staff, "13700000102", "刘玉珍")
    state = figures(client, staff)
    assert [(row["mark"], row["tone"]) for row in state.difficulty] == [
        (P.NO_DIFFICULTY, "plain"),
        (P.NO_DIFFICULTY, "plain"),
    ]


def test_open_requests_are_counted_by_age(client, staff, people, run):
    for person, reason in [("hard", "chat"), ("fine", "help"), ("fine", "health")]:
        run(visits.request_visit, actor_of(people[person]), {"reason": reason, "day": "soon"})
    with db.transaction() as session:
        rows = session.exec(select(Visit).order_by(Visit.id)).all()
        now = datetime.now(clock.LOCAL_TZ)
        rows[1].created_at = now - timedelta(days=5)
        rows[2].created_at = now - timedelta(days=9)
        session.add_all(rows)
    state = figures(client, staff)
    assert state.open_by_age == [[age, P.OPEN_COUNT.format(count=1)] for age in P.OPEN_AGES]


@pytest.mark.parametrize("who", ["secretary", "member", "signed out"])
def test_only_staff_see_the_figures(client, request, people, who):
    actor = request.getfixturevalue(who) if who != "signed out" else None
    state = client(StaffState, actor)
    before = snapshot()
    assert redirect_path(send(state, "load")) == ("/login" if actor is None else "/")
    assert state.difficulty == [] and state.open_by_age == [] and state.visits_this_month == 0
    assert snapshot() == before


def test_junk_changes_nothing(client, staff, people):
    state = figures(client, staff)
    shown = list(state.difficulty)
    before = snapshot()
    for junk in JUNK:
        send(state, "go", delta=junk)
        send(state, "filter_grid", form=junk)
    assert state.difficulty == shown
    assert snapshot() == before
