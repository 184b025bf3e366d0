"""The demo's 周周讲进家庭 (issue 4): eight published weeks and one scheduled, one corrected,
every text within the service rules; study records with the sign-ins' story; reflections;
sessions with attendance that matches the records; on SQLite and PostgreSQL, any day."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func
from sqlmodel import SQLModel, select

from huajin_pwa import db, demo, text
from huajin_pwa.cli import main
from huajin_pwa.demo import load
from huajin_pwa.demo.study_material_recent import CORRECTED_WEEK, NEXT_WEEK, WEEKS
from huajin_pwa.models import (
    Account,
    Disclosure,
    Message,
    StudyAttendance,
    StudyRecord,
    StudyReflection,
    StudySession,
    StudyVersion,
    StudyWeek,
    Visit,
)
from huajin_pwa.services import (
    clock,
    reflections,
    study,
    study_branch,
    study_member,
    visit_lists,
)
from tests.unit.demo_support import seed_on, sign_in_as

DAY = date(2026, 6, 11)  # a Thursday; this week's Monday is 8 June
THIS_MONDAY = date(2026, 6, 8)
SUFFIX = text.Demo.SUFFIX


@pytest.fixture
def seeded(engine, monkeypatch):
    """The demo loaded as of DAY (clock.today stays patched for the test)."""
    return seed_on(monkeypatch, DAY)


def _weeks(session) -> list[StudyWeek]:
    return list(session.exec(select(StudyWeek).order_by(StudyWeek.week_of)).all())


def _studied(session, phone: str) -> dict[date, StudyRecord]:
    rows = session.exec(
        select(StudyRecord, StudyWeek.week_of)
        .join(StudyWeek, StudyWeek.id == StudyRecord.week_id)
        .join(Account, Account.id == StudyRecord.member_id)
        .where(Account.phone == phone)
    ).all()
    return {week_of: record for record, week_of in rows}


def _story_holds(session, today: date) -> None:
    """What the browser tests and the 送学上门 list rely on, whatever day it is."""
    monday = clock.monday(today)
    li = _studied(session, "13800000004")
    assert monday not in li
    assert all(monday - timedelta(weeks=n) in li for n in (1, 2, 3))
    frail = _studied(session, "13800000005")
    assert monday not in frail and frail
    assert monday in _studied(session, "13800000003")
    secretary = sign_in_as(session, "13800000002")
    home = study_branch.home_study_list(session, secretary)
    assert "13800000005" in {line.member.phone for line in home.lines}
    duty = visit_lists.duty_list(session, secretary).lines
    assert not next(x for x in duty if x.member.phone == "13800000005").visited_this_month


def test_eight_weeks_published_on_their_mondays_and_the_next_one_scheduled(seeded):
    assert seeded.study_weeks == 9 and seeded.reflections >= 15
    with db.transaction() as session:
        weeks = _weeks(session)
        mondays = [THIS_MONDAY + timedelta(weeks=n) for n in range(-7, 2)]
        assert [w.week_of for w in weeks] == mondays
        assert all(w.publish_on == w.week_of for w in weeks)
        assert [w.title for w in weeks] == [m.title for m in (*WEEKS, NEXT_WEEK)]
        assert weeks[-1].publish_on > DAY >= weeks[-2].publish_on
        member = sign_in_as(session, "13800000004")
        listed = study_member.member_weeks(session, member).rows
        assert len(listed) == 8 and listed[0].this_week and listed[0].week == weeks[-2]
        assert study_member.current(session, member).week.id == weeks[-2].id
        staff = sign_in_as(session, "13800000001")
        assert study.staff_weeks(session, staff).total == 9


def test_one_week_was_corrected_and_13800000004_sees_it_changed(seeded):
    with db.transaction() as session:
        staff = sign_in_as(session, "13800000001")
        weeks = _weeks(session)
        corrected = weeks[CORRECTED_WEEK]
        assert [w.version for w in weeks] == [2 if w is corrected else 1 for w in weeks]
        versions = study.history(session, staff, corrected.id)
        assert [v.version for v, _name in versions] == [2, 1]
        (second, name), (first, _name) = versions
        assert name == "王晓燕" and second.body_markdown != first.body_markdown
        local = clock.LOCAL_TZ
        assert first.edited_at.astimezone(local).date() < corrected.publish_on
        assert corrected.publish_on < second.edited_at.astimezone(local).date() < DAY
        member = sign_in_as(session, "13800000004")
        lines = {line.week.id: line for line in study_member.member_weeks(session, member).rows}
        assert lines[corrected.id].changed and lines[corrected.id].how == "self"
        assert not any(line.changed for wid, line in lines.items() if wid != corrected.id)
        seen = session.exec(
            select(StudyRecord.version_seen).where(StudyRecord.week_id == corrected.id)
        ).all()
        assert set(seen) == {1, 2}


def test_every_version_keeps_the_service_rules_and_reads_well(seeded):
    with db.transaction() as session:
        staff = sign_in_as(session, "13800000001")
        versions = session.exec(select(StudyVersion).order_by(StudyVersion.id)).all()
        assert len(versions) == 10
        for version in versions:
            assert len(version.title) <= 40
            assert 400 <= len(version.body_markdown) <= 900, version.title
            hans = re.findall(r"[\u4e00-\u9fff]", version.body_markdown)
            assert len(hans) >= 300, version.title
            assert "## " in version.body_markdown and "\n- " in version.body_markdown
            assert version.body_markdown.endswith(
                f"（{text.DEMO_MARK}：这份学习材料是为演示本应用编写的。）*"
            )
            html = study.render(version.body_markdown)
            assert "<strong>" in html and "<ul>" in html and "<h2>" in html
            assert "**" not in html  # every bold closes (CJK punctuation next to ** can break it)
            points, questions = study.points(version), study.questions(version)
            assert 3 <= len(points) <= 5 and all(len(p) <= 60 for p in points)
            assert 2 <= len(questions) <= 3 and all(len(q) <= 100 for q in questions)
        for week in _weeks(session):  # saved again through the service: the rules pass
            current = study.current_version(session, week)
            form = {
                "title": current.title,
                "body": current.body_markdown,
                "key_points": current.key_points,
                "questions": current.questions,
                "publish_on": week.publish_on.isoformat(),
            }
            study.edit_week(session, staff, week.id, week.version, form)
        session.rollback()
        bodies = [v.body_markdown for v in versions]
        assert len(set(bodies)) == len(bodies)


def test_most_members_studied_most_weeks_in_every_way(seeded):
    approved = {  # the day each member's disclosure was approved, as the demo dates it
        p.phone: DAY - timedelta(days=int(p.reviewed_ago))
        for p in demo.build().people
        if p.status == "approved"
    }
    with db.transaction() as session:
        weeks = _weeks(session)
        phones = dict(session.exec(select(Account.id, Account.phone)).all())
        records = session.exec(select(StudyRecord)).all()
        done = {(phones[r.member_id], r.week_id) for r in records}
        assert len(done) == len(records)  # one record a member and week
        could = [
            (phone, week.id)
            for phone, day in approved.items()
            for week in weeks[:-2]
            if day < week.week_of
        ]
        assert sum(pair in done for pair in could) >= 0.75 * len(could)
        this_week = sum(r.week_id == weeks[-2].id for r in records)
        assert 0.3 * len(approved) <= this_week <= 0.55 * len(approved)
        assert not any(r.week_id == weeks[-1].id for r in records)
        hows = [r.how for r in records]
        assert set(hows) == {"self", "home", "night", "group"}
        assert hows.count("self") > len(hows) / 3
        by_id = {w.id: w for w in weeks}
        for record in records:
            week = by_id[record.week_id]
            day = record.studied_at.replace(tzinfo=UTC).astimezone(clock.LOCAL_TZ).date()
            assert max(week.week_of, approved[phones[record.member_id]]) <= day <= DAY
            assert day <= week.week_of + timedelta(days=6)


def test_the_sign_ins_keep_their_story(seeded):
    with db.transaction() as session:
        _story_holds(session, DAY)
        frail = session.exec(
            select(Disclosure).join(Account, Account.id == Disclosure.account_id)
        ).all()
        frail = next(d for d in frail if d.name == "赵德明")
        assert frail.mobility_limited is True
        home = [r for r in _studied(session, "13800000005").values() if r.how == "home"]
        assert home


def test_every_home_record_has_a_done_study_visit_that_week(seeded):
    with db.transaction() as session:
        rows = session.exec(
            select(StudyRecord, StudyWeek.week_of).join(
                StudyWeek, StudyWeek.id == StudyRecord.week_id
            )
        ).all()
        visits = session.exec(
            select(Visit).where(Visit.status == "done", Visit.study_at_home.is_(True))
        ).all()
        homes = [(r, week_of) for r, week_of in rows if r.how == "home"]
        assert len(homes) >= 10
        for record, week_of in homes:
            assert any(
                v.member_id == record.member_id
                and week_of <= v.visited_on <= week_of + timedelta(days=6)
                for v in visits
            )
        mobile = set(
            session.exec(
                select(Disclosure.account_id).where(Disclosure.mobility_limited.is_(True))
            ).all()
        )
        assert {r.member_id for r, _week in homes} <= mobile
        delivered = [v for v in visits if v.reason == "study"]
        assert delivered and all(v.outcome.endswith(SUFFIX) for v in delivered)


def test_reflections_across_grids_waiting_acknowledged_and_commented(seeded):
    with db.transaction() as session:
        rows = session.exec(select(StudyReflection)).all()
        assert 15 <= len(rows) <= 20
        assert {r.status for r in rows} == {"waiting", "acknowledged", "commented"}
        assert len({r.grid_id for r in rows}) == 6
        records = {(r.member_id, r.week_id): r for r in session.exec(select(StudyRecord)).all()}
        for row in rows:
            assert 30 <= len(row.body.removesuffix(SUFFIX)) <= 200 and row.body.endswith(SUFFIX)
            assert records[(row.member_id, row.week_id)].studied_at <= row.created_at
            if row.status == "waiting":
                assert row.replied_at is None and row.reply == "" and row.version == 1
            else:
                assert row.replied_by_id and row.created_at <= row.replied_at
            assert (row.status == "commented") == row.reply.endswith(SUFFIX)
        secretary = sign_in_as(session, "13800000002")
        waiting = reflections.branch_list(session, secretary, "waiting")
        assert waiting.total >= 2
        li = sign_in_as(session, "13800000004")
        last_week = THIS_MONDAY - timedelta(weeks=1)
        mine = reflections.mine(session, li, last_week.isoformat())
        assert mine.reflection.status == "commented" and mine.replied_by == "刘桂珍"
        inbox = session.exec(
            select(Message).where(
                Message.account_id == li.account_id,
                Message.title == text.Demo.TITLE_PREFIX + text.Reflection.COMMENT_TITLE,
            )
        ).one()
        assert inbox.read_at is None and mine.reflection.reply in inbox.body


def test_sessions_with_attendance_that_matches_the_study_records(seeded):
    with db.transaction() as session:
        sessions = session.exec(select(StudySession)).all()
        weeks = {w.id: w for w in _weeks(session)}
        past = [s for s in sessions if s.held_on < THIS_MONDAY]
        by_grid: dict[int, set[str]] = {}
        for row in past:
            by_grid.setdefault(row.grid_id, set()).add(row.part)
        assert len(by_grid) == 6 and all(parts == {"day", "night"} for parts in by_grid.values())
        counts = [sum(s.grid_id == grid for s in past) for grid in by_grid]
        assert all(2 <= n <= 3 for n in counts)
        assert all(s.place.endswith(SUFFIX) and len(s.token) >= 32 for s in sessions)
        assert len({s.token for s in sessions}) == len(sessions)
        (coming,) = [s for s in sessions if s.held_on >= THIS_MONDAY]
        grid_one = sign_in_as(session, "13800000002").secretary_grids
        assert coming.part == "night" and coming.grid_id in grid_one and coming.held_on >= DAY
        assert weeks[coming.week_id].week_of == THIS_MONDAY
        attendance = session.exec(select(StudyAttendance)).all()
        assert not any(a.session_id == coming.id for a in attendance)
        assert {a.via for a in attendance} == {"tick", "scan"}
        records = {(r.member_id, r.week_id): r for r in session.exec(select(StudyRecord)).all()}
        held = {s.id: s for s in sessions}
        for row in attendance:
            at = held[row.session_id]
            record = records[(row.member_id, at.week_id)]
            assert record.how == {"day": "group", "night": "night"}[at.part]
            assert record.studied_at == row.checked_in_at
        for row in past:
            assert 2 <= sum(a.session_id == row.id for a in attendance) <= 7
        grids = session.exec(
            select(Disclosure.account_id, Disclosure.grid_id).where(Disclosure.status == "approved")
        ).all()
        grid_of = dict(grids)
        assert all(grid_of[a.member_id] == held[a.session_id].grid_id for a in attendance)


def test_a_second_seed_is_refused_and_changes_nothing(seeded, capsys):
    with db.transaction() as session:
        before = session.exec(select(func.count()).select_from(StudyRecord)).one()
    assert main(["seed-demo"]) == 1
    assert main(["seed-demo", "--if-empty"]) == 0
    with db.transaction() as session:
        assert session.exec(select(func.count()).select_from(StudyRecord)).one() == before
        assert session.exec(select(func.count()).select_from(StudyWeek)).one() == 9


def test_a_database_with_study_weeks_is_no_place_for_the_demo(run, staff, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: DAY)
    form = {**WEEKS[0].form(), "week_of": THIS_MONDAY.isoformat()}
    run(study.write_week, staff, {**form, "publish_on": DAY.isoformat()})
    with db.transaction() as session:
        assert "study weeks already exist" in load.conflicts(session)


@pytest.mark.parametrize(
    "day", [date(2026, 6, 1), date(2026, 3, 1), date(2024, 2, 29), date(2026, 11, 29)]
)
def test_the_study_demo_loads_whatever_day_it_is(engine, monkeypatch, day):
    seed_on(monkeypatch, day)
    with db.transaction() as session:
        _story_holds(session, day)
        weeks = _weeks(session)
        assert weeks[-2].week_of == clock.monday(day) and weeks[-1].publish_on > day


def test_the_same_day_gives_the_same_study_demo_at_any_hour(engine, monkeypatch):
    def loaded(hour: int):
        moment = datetime(2026, 6, 11, hour, 30, tzinfo=UTC)
        monkeypatch.setattr(load, "utcnow", lambda: moment)
        seed_on(monkeypatch, DAY)
        with db.transaction() as session:
            rows = session.exec(
                select(Account.phone, StudyWeek.week_of, StudyRecord.how)
                .join(Account, Account.id == StudyRecord.member_id)
                .join(StudyWeek, StudyWeek.id == StudyRecord.week_id)
                .order_by(Account.phone, StudyWeek.week_of)
            ).all()
            rows += session.exec(
                select(Account.phone, StudyReflection.status, StudyReflection.body)
                .join(Account, Account.id == StudyReflection.member_id)
                .order_by(StudyReflection.id)
            ).all()
        SQLModel.metadata.drop_all(engine)
        SQLModel.metadata.create_all(engine)
        return rows

    assert loaded(1) == loaded(13)  # 09:30 and 21:30 in Wuhan
