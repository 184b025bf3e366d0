"""The demo's 上门看望 (issue 3): requests in every state, the monthly duty with 13800000005 not
yet visited, care records, a holiday campaign half done and one ended with tasks left over;
on SQLite and PostgreSQL, and whatever day it is loaded."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func
from sqlmodel import SQLModel, select

from huajin_pwa import db, demo, text
from huajin_pwa.demo import load
from huajin_pwa.demo.records import CAST_PHONES
from huajin_pwa.models import (
    Account,
    Campaign,
    Disclosure,
    HealthRecord,
    HelpRecord,
    Message,
    Visit,
)
from huajin_pwa.services import (
    campaigns,
    care,
    clock,
    visit_lists,
    visit_stats,
    visits,
)
from tests.unit.demo_support import seed_on, sign_in_as

DUTY_DAY = date(2026, 6, 24)  # past day 20: the duty list flags the unvisited
STATUSES = {"received", "scheduled", "done", "cancelled", "declined"}
SUFFIX = text.Demo.SUFFIX


@pytest.fixture
def seeded(engine, monkeypatch):
    """The demo loaded as of DUTY_DAY (clock.today stays patched for the test)."""
    return seed_on(monkeypatch, DUTY_DAY)


def _frail_line(session):
    lines = visit_lists.duty_list(session, sign_in_as(session, "13800000002")).lines
    return next(line for line in lines if line.member.phone == "13800000005")


def _month_before(day: date) -> date:
    return clock.month_start(clock.month_start(day) - timedelta(days=1))


def test_every_grid_has_members_in_difficulty_for_the_duty_list():
    plan = demo.build()
    for grid in range(1, 7):
        flagged = [
            p
            for p in plan.people
            if p.status == "approved" and p.grid == grid and p.family_difficulty
        ]
        assert len(flagged) >= 2, grid
    frail = next(p for p in plan.people if p.phone == "13800000005")
    assert frail.family_difficulty and frail.mobility_limited


def test_requests_in_every_state_across_grids(seeded):
    assert seeded.visits > 100 and seeded.campaigns == 2
    with db.transaction() as session:
        rows = session.exec(
            select(Visit.status, Visit.grid_id).where(Visit.source == "request")
        ).all()
        grids: dict[str, set[int]] = {}
        for status, grid_id in rows:
            grids.setdefault(status, set()).add(grid_id)
        assert set(grids) == STATUSES
        for status in ("received", "scheduled", "done"):
            assert len(grids[status]) == 6, status
        assert len(grids["cancelled"]) >= 2 and len(grids["declined"]) >= 2
        sources = set(session.exec(select(Visit.source).distinct()).all())
        assert sources == {"request", "logged", "campaign"}
        scheduled = session.exec(select(Visit).where(Visit.status == "scheduled")).all()
        assert all(v.visit_day >= DUTY_DAY and v.visitor_id for v in scheduled)
        done = session.exec(select(Visit).where(Visit.status == "done")).all()
        assert all(DUTY_DAY - timedelta(days=60) <= v.visited_on <= DUTY_DAY for v in done)
        assert all(v.outcome and v.visitor_id for v in done)
        declined = session.exec(select(Visit).where(Visit.status == "declined")).all()
        assert all(v.decline_reason for v in declined)


def test_visits_come_after_the_member_disclosed_and_in_order(seeded):
    disclosed = {  # the day each member's disclosure was approved, as the demo dates it
        p.phone: DUTY_DAY - timedelta(days=int(p.reviewed_ago))
        for p in demo.build().people
        if p.status == "approved"
    }
    with db.transaction() as session:
        current = session.exec(select(Campaign.id).where(Campaign.ends_on >= DUTY_DAY)).one()
        rows = session.exec(
            select(Visit, Account.phone).join(Account, Account.id == Visit.member_id)
        ).all()
        assert len(rows) > 100
        for visit, phone in rows:
            created = visit.created_at.astimezone(clock.LOCAL_TZ).date()
            assert visit.updated_at >= visit.created_at
            assert created <= DUTY_DAY
            if visit.campaign_id != current:  # the campaign made tasks for those disclosed since
                assert created > disclosed[phone], phone
            if visit.visited_on is not None:
                assert disclosed[phone] < visit.visited_on <= DUTY_DAY
                assert visit.visited_on >= created


def test_member_13800000004_has_an_open_request_and_a_done_visit(seeded):
    with db.transaction() as session:
        member = sign_in_as(session, "13800000004")
        rows = visits.my_visits(session, member).rows
        assert any(v.source == "request" and v.status == "received" for v, _name in rows)
        assert any(v.status == "done" and v.outcome for v, _name in rows)
        assert visits.my_open_reasons(session, member)
        history = care.visit_history(session, member, member.account_id)
        assert history.total >= 1
        titles = session.exec(
            select(Message.title).where(Message.account_id == member.account_id)
        ).all()
        assert text.Demo.TITLE_PREFIX + text.Visit.RECEIVED_TITLE in titles
        assert text.Demo.TITLE_PREFIX + text.Visit.DONE_TITLE in titles


def test_13800000005_is_unvisited_this_month_and_flagged_on_the_duty_list(seeded):
    with db.transaction() as session:
        line = _frail_line(session)
        assert line.visited_this_month is False and line.overdue is True
        assert line.member.mobility_limited and line.member.family_difficulty
        # visited last month, so the secretary sees when she was last seen
        assert _month_before(DUTY_DAY) <= line.member.last_visit < clock.month_start(DUTY_DAY)
        duty = visit_lists.duty_list(session, sign_in_as(session, "13800000002"))
        assert duty.alerting and duty.unvisited >= 1
        assert any(line.visited_this_month for line in duty.lines)
        frail = sign_in_as(session, "13800000005")
        rows = visits.my_visits(session, frail).rows
        assert {v.status for v, _name in rows} >= {"received", "scheduled", "done"}


def test_the_grid_one_secretary_has_requests_and_tasks_to_handle(seeded):
    with db.transaction() as session:
        secretary = sign_in_as(session, "13800000002")
        requests = visit_lists.open_visits(session, secretary, "request")
        tasks = visit_lists.open_visits(session, secretary, "campaign")
        assert requests.total >= 3 and tasks.total >= 3
        assert {line.visit.status for line in requests.lines} == {"received", "scheduled"}
        grid_one = secretary.secretary_grids
        assert all(line.visit.grid_id in grid_one for line in requests.lines + tasks.lines)
        unread = session.exec(
            select(func.count())
            .select_from(Message)
            .where(Message.account_id == secretary.account_id, Message.read_at.is_(None))
        ).one()
        assert unread >= 2


def test_a_holiday_campaign_half_done_and_one_ended_with_tasks_left(seeded):
    with db.transaction() as session:
        staff = sign_in_as(session, "13800000001")
        found = session.exec(select(Campaign).order_by(Campaign.starts_on)).all()
        ended, current = found
        disclosed = session.exec(  # the cast of the activity demo came after it began
            select(func.count())
            .select_from(Disclosure)
            .join(Account, Account.id == Disclosure.account_id)
            .where(Disclosure.status == "approved", Account.phone.not_in(CAST_PHONES))
        ).one()
        now = campaigns.progress(session, staff, current.id)
        assert not now.ended and now.total == disclosed == current.task_count
        assert 0.3 * now.total <= now.done <= 0.7 * now.total
        assert all(done > 0 and done < total for _name, done, total in now.by_grid)
        assert campaigns.unfinished(session, staff, current.id).total == now.total - now.done
        before = campaigns.progress(session, staff, ended.id)
        assert before.ended and before.done > 0
        left = campaigns.unfinished(session, staff, ended.id).total
        assert 0 < left <= 5 and before.done + left == before.total == ended.task_count
        assert ended.ends_on < DUTY_DAY <= current.ends_on


def test_staff_figures_show_every_kind_of_count(seeded):
    with db.transaction() as session:
        figures = visit_stats.overview(session, sign_in_as(session, "13800000001"))
    assert figures.visits_this_month > 0
    assert all(n > 0 for n in figures.open_by_age)
    assert len(figures.difficulty_by_grid) == 6
    for _grid, flagged, unvisited in figures.difficulty_by_grid:
        assert flagged >= 2 and 1 <= unvisited < flagged


def test_health_and_help_records(seeded):
    with db.transaction() as session:
        frail = session.exec(select(Account).where(Account.phone == "13800000005")).one()
        health = session.exec(select(HealthRecord)).all()
        assert len(health) >= 10 and {h.has_record for h in health} == {True, False}
        assert any(h.member_id == frail.id and h.has_record and h.since for h in health)
        helps = session.exec(select(HelpRecord).where(HelpRecord.member_id == frail.id)).all()
        kinds = {h.what.removesuffix(SUFFIX) for h in helps}
        assert {"送米送油", "代缴水电费", "陪同就医", "助浴"} <= kinds
        assert all(h.given_on <= DUTY_DAY and h.given_by for h in helps)
        view = care.care_view(session, sign_in_as(session, "13800000002"), frail.id)
        assert view.health.has_record and len(view.helps) == 4


def test_every_demo_visit_text_is_marked(seeded):
    with db.transaction() as session:
        texts = []
        for visit in session.exec(select(Visit)).all():
            texts += [
                visit.note,
                visit.outcome,
                visit.help_need,
                visit.health_concern,
                visit.decline_reason,
            ]
        texts += session.exec(select(HelpRecord.what)).all()
        texts += session.exec(select(Campaign.name)).all()
        written = [words for words in texts if words]
        assert len(written) > 100 and all(words.endswith(SUFFIX) for words in written)
        titles = session.exec(select(Message.title)).all()
        assert all(title.startswith(text.Demo.TITLE_PREFIX) for title in titles)


def test_the_same_day_gives_the_same_visits_at_any_hour(engine, monkeypatch):
    def loaded(hour: int):
        moment = datetime(2026, 6, 24, hour, 30, tzinfo=UTC)
        monkeypatch.setattr(load, "utcnow", lambda: moment)
        seed_on(monkeypatch, DUTY_DAY)
        with db.transaction() as session:
            rows = session.exec(
                select(
                    Account.phone,
                    Visit.source,
                    Visit.status,
                    Visit.reason,
                    Visit.visited_on,
                    Visit.visit_day,
                    Visit.outcome,
                )
                .join(Account, Account.id == Visit.member_id)
                .order_by(Visit.id)
            ).all()
        SQLModel.metadata.drop_all(engine)
        SQLModel.metadata.create_all(engine)
        return rows

    assert loaded(1) == loaded(13)  # 09:30 and 21:30 in Wuhan


@pytest.mark.parametrize(
    "day", [date(2026, 1, 1), date(2024, 2, 29), date(2026, 3, 31), date(2026, 12, 1)]
)
def test_the_demo_loads_whatever_day_it_is(engine, monkeypatch, day):
    seed_on(monkeypatch, day)
    with db.transaction() as session:
        statuses = session.exec(
            select(Visit.status).where(Visit.source == "request").distinct()
        ).all()
        assert set(statuses) == STATUSES
        line = _frail_line(session)
        assert line.visited_this_month is False and line.overdue is (day.day >= 20)
        assert _month_before(day) <= line.member.last_visit < clock.month_start(day)
        staff = sign_in_as(session, "13800000001")
        current = session.exec(select(Campaign).where(Campaign.ends_on >= day)).one()
        progress = campaigns.progress(session, staff, current.id)
        assert 0 < progress.done < progress.total
