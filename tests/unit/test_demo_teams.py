"""The demo's teams and activities (issue 5): the 29 volunteer teams and the troupes, the
walkthroughs' cast exactly as activity_cast.py says, and the activity invariants (seats, check-ins,
hours, 义卖), on SQLite and PostgreSQL; the seed is refused once teams exist."""

from datetime import UTC, timedelta

import pytest
from sqlalchemy import func
from sqlmodel import select

from huajin_pwa import db, demo, text
from huajin_pwa.cli import main
from huajin_pwa.demo import activity_cast as cast
from huajin_pwa.demo.records import CAST_PHONES, SIGN_IN_PHONES
from huajin_pwa.models import (
    Account,
    Activity,
    ActivitySignup,
    CharitySale,
    Disclosure,
    Grid,
    Message,
    RoleGrant,
    Team,
    TeamMember,
)
from huajin_pwa.services import auth, clock, team_access

NAMED = {"巧姐姐", "老格子", "了不起的居民", "爱之翼", "老红帽"}
KINDS = {"show", "rehearsal", "service", "sale", "study"}
SLACK = timedelta(minutes=5)  # the seed's clock and the test's differ by the seed's run time


@pytest.fixture
def seeded(engine):
    """The demo loaded into the fresh database, committed; the moment it was loaded."""
    before = clock.now()
    with db.transaction() as session:
        demo.seed(session)
    return before


def _utc(moment):
    """Datetimes read back from SQLite are naive; all are UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _phones(session) -> dict[int, str]:
    return dict(session.exec(select(Account.id, Account.phone)).all())


def _activity(session, title: str) -> Activity:
    return session.exec(select(Activity).where(Activity.title == title)).one()


def _signups(session, title: str) -> dict[str, ActivitySignup]:
    phones = _phones(session)
    rows = session.exec(
        select(ActivitySignup).where(ActivitySignup.activity_id == _activity(session, title).id)
    ).all()
    return {phones[row.account_id]: row for row in rows}


def _membership(session, phone: str) -> dict[str, TeamMember]:
    rows = session.exec(
        select(Team.name, TeamMember)
        .join(TeamMember, TeamMember.team_id == Team.id)
        .join(Account, Account.id == TeamMember.account_id)
        .where(Account.phone == phone)
    ).all()
    return dict(rows)


def test_the_29_volunteer_teams_and_the_troupes(seeded):
    with db.transaction() as session:
        teams = session.exec(select(Team)).all()
        volunteer = {t.name for t in teams if t.kind == "volunteer"}
        troupes = {t.name for t in teams if t.kind == "troupe"}
        assert len(volunteer) == 29 and volunteer >= NAMED
        assert len(troupes) >= 3 and cast.LEADER_TROUPE in troupes
        for team in teams:
            assert team.active and team.summary.endswith(text.Demo.SUFFIX)
            assert len(team.summary) <= 300 and len(team.name) <= 20
            assert 2 <= len(team.meets_when) <= 60 and 2 <= len(team.meets_where) <= 60
            leaders = session.exec(
                select(TeamMember.account_id).where(
                    TeamMember.team_id == team.id, TeamMember.role == "leader"
                )
            ).all()
            assert len(leaders) == 1, team.name
            grant = session.exec(
                select(RoleGrant).where(
                    RoleGrant.account_id == leaders[0], RoleGrant.role == "leader"
                )
            ).first()
            assert grant is not None, team.name
            active = session.exec(
                select(func.count())
                .select_from(TeamMember)
                .where(TeamMember.team_id == team.id, TeamMember.status == "active")
            ).one()
            assert active >= 5, team.name


def test_leaders_are_approved_members_and_troupes_take_residents_without_the_role(seeded):
    with db.transaction() as session:
        statuses = dict(session.exec(select(Disclosure.account_id, Disclosure.status)).all())
        rows = session.exec(select(TeamMember, Team.kind).join(Team)).all()
        for row, _kind in rows:
            if row.role == "leader":
                assert row.status == "active" and statuses[row.account_id] == "approved"
        outsiders = [
            row for row, kind in rows if kind == "troupe" and statuses[row.account_id] != "approved"
        ]
        assert len(outsiders) >= 4 and all(row.status == "active" for row in outsiders)
        assert all(kind == "troupe" for row, kind in rows if statuses[row.account_id] != "approved")
        asks = [row for row, _kind in rows if row.status == "pending"]
        assert len(asks) >= 4 and all(row.decided_at is None for row in asks)
        assert {row.status for row, _kind in rows} == {"active", "pending", "declined", "left"}


def test_the_cast_in_their_teams(seeded):
    with db.transaction() as session:
        leader = _membership(session, cast.LEADER_PHONE)
        assert set(leader) == {cast.LEADER_TROUPE, cast.LEADER_TEAM}
        assert all(m.role == "leader" and m.status == "active" for m in leader.values())
        actor = auth.actor_from_token(session, auth.sign_in(session, "13800000003", "135790").token)
        names = dict(session.exec(select(Team.id, Team.name)).all())
        led = {names[i] for i in team_access.led_team_ids(session, actor)}
        assert led == {cast.LEADER_TROUPE, cast.LEADER_TEAM}
        member = _membership(session, cast.MEMBER_PHONE)
        assert {k: m.status for k, m in member.items()} == {cast.LEADER_TROUPE: "active"}
        for phone in cast.JOIN_ASKERS:
            assert {k: m.status for k, m in _membership(session, phone).items()} == {
                cast.LEADER_TEAM: "pending"
            }
        for phone in cast.CREW:
            assert {k: m.status for k, m in _membership(session, phone).items()} == {
                cast.LEADER_TEAM: "active"
            }
        assert {k: m.status for k, m in _membership(session, cast.LEAVER).items()} == {
            "巧姐姐": "active"
        }
        undisclosed = _membership(session, cast.UNDISCLOSED)
        assert {k: m.status for k, m in undisclosed.items()} == {cast.LEADER_TROUPE: "active"}
        for phone in (cast.NEWCOMER, cast.NEW_LEADER, *cast.SEATED, *cast.WAITING):
            assert _membership(session, phone) == {}, phone


def test_the_cast_sign_in_with_their_roles_in_grids_two_to_six(seeded):
    with db.transaction() as session:
        for phone in CAST_PHONES:
            token = auth.sign_in(session, phone, demo.DEMO_PIN).token
            actor = auth.actor_from_token(session, token)
            expected = set() if phone == cast.UNDISCLOSED else {"member"}
            assert set(actor.roles) == expected, phone
            latest = session.exec(
                select(Disclosure).where(Disclosure.account_id == actor.account_id)
            ).one()
            assert latest.status == ("pending" if phone == cast.UNDISCLOSED else "approved")
            assert 2 <= session.get(Grid, latest.grid_id).number <= 6, phone


def test_the_titled_activities_as_activity_cast_says(seeded):
    with db.transaction() as session:
        now = seeded
        checkin = _activity(session, cast.CHECKIN_TITLE)
        assert abs(_utc(checkin.starts_at) - (now - timedelta(minutes=30))) < SLACK
        assert abs(_utc(checkin.ends_at) - (now + timedelta(hours=3))) < SLACK
        rows = _signups(session, cast.CHECKIN_TITLE)
        assert set(rows) == {cast.MEMBER_PHONE, *cast.CREW}
        assert all(r.status == "signed" and r.checked_in_at is None for r in rows.values())
        for title, ended, hours, phones in (
            (cast.HOURS_TITLE, 50, 3, {cast.MEMBER_PHONE}),
            (cast.CREW_HOURS_TITLE, 26, 2, set(cast.CREW)),
        ):
            activity = _activity(session, title)
            assert abs(_utc(activity.ends_at) - (now - timedelta(hours=ended))) < SLACK
            assert activity.ends_at - activity.starts_at == timedelta(hours=hours)
            rows = _signups(session, title)
            assert set(rows) == phones
            assert all(r.checked_in_at and r.hours_confirmed_at is None for r in rows.values())
        done = _signups(session, cast.DONE_HOURS_TITLE)[cast.MEMBER_PHONE]
        assert done.checked_in_at and done.hours_confirmed_at and done.service_minutes == 180
        waiting = _activity(session, cast.WAITING_TITLE)
        assert (waiting.capacity, waiting.seats_taken) == (3, 3)
        rows = _signups(session, cast.WAITING_TITLE)
        assert {p for p, r in rows.items() if r.status == "signed"} == set(cast.SEATED)
        queue = sorted((r.created_at, p) for p, r in rows.items() if r.status == "waiting")
        assert tuple(p for _at, p in queue) == cast.WAITING
        show = _activity(session, cast.SHOW_TITLE)
        assert (show.kind, show.audience, show.capacity) == ("show", "public", 200)
        assert show.seats_taken < show.capacity
        assert cast.NEWCOMER not in _signups(session, cast.SHOW_TITLE)
        sale = _activity(session, cast.SALE_TITLE)
        assert abs(_utc(sale.ends_at) - (now - timedelta(hours=26))) < SLACK
        assert (
            session.exec(select(CharitySale).where(CharitySale.activity_id == sale.id)).first()
            is None
        )
        study = _activity(session, cast.MEMBERS_ONLY_TITLE)
        assert (study.kind, study.audience, study.team_id) == ("study", "members", None)
        local = clock.LOCAL_TZ
        days = {
            cast.SHOW_TITLE: 3,
            cast.WAITING_TITLE: 5,
            cast.MEMBERS_ONLY_TITLE: 2,
            cast.DONE_HOURS_TITLE: -14,
        }
        for title, offset in days.items():
            day = _utc(_activity(session, title).starts_at).astimezone(local).date()
            assert day == now.astimezone(local).date() + timedelta(days=offset), title
        kinds = {
            title: _activity(session, title).kind
            for title in (cast.CHECKIN_TITLE, cast.HOURS_TITLE, cast.CREW_HOURS_TITLE)
        }
        assert set(kinds.values()) == {"service"}


def test_the_sign_ins_are_only_where_the_cast_puts_them(seeded):
    fixed = {
        cast.MEMBER_PHONE: {cast.CHECKIN_TITLE, cast.HOURS_TITLE, cast.DONE_HOURS_TITLE},
        **{p: {cast.CHECKIN_TITLE, cast.CREW_HOURS_TITLE} for p in cast.CREW},
        **{p: {cast.WAITING_TITLE} for p in cast.SEATED + cast.WAITING},
    }
    with db.transaction() as session:
        rows = session.exec(
            select(Account.phone, Activity.title)
            .join(ActivitySignup, ActivitySignup.account_id == Account.id)
            .join(Activity, Activity.id == ActivitySignup.activity_id)
            .where(Account.phone.in_(SIGN_IN_PHONES | set(CAST_PHONES)))
        ).all()
        found: dict[str, set[str]] = {}
        for phone, title in rows:
            found.setdefault(phone, set()).add(title)
        assert found == fixed
        for title in (*{t for ts in fixed.values() for t in ts}, cast.SALE_TITLE, cast.SHOW_TITLE):
            assert len(session.exec(select(Activity).where(Activity.title == title)).all()) == 1


def test_activities_hold_together(seeded):
    now = seeded
    with db.transaction() as session:
        activities = session.exec(select(Activity)).all()
        signed = dict(
            session.exec(
                select(ActivitySignup.activity_id, func.count())
                .where(ActivitySignup.status == "signed")
                .group_by(ActivitySignup.activity_id)
            ).all()
        )
        assert {a.kind for a in activities} == KINDS
        assert [a.status for a in activities].count("cancelled") == 1
        assert sum(a.audience == "members" for a in activities) >= 3
        starts = [_utc(a.starts_at) for a in activities]
        assert min(starts) >= now - timedelta(days=57) and min(starts) < now - timedelta(days=49)
        assert max(starts) <= now + timedelta(days=29) and max(starts) > now + timedelta(days=21)
        by_id = {a.id: a for a in activities}
        for activity in activities:
            assert activity.seats_taken == signed.get(activity.id, 0), activity.title
            assert activity.seats_taken <= activity.capacity
            assert activity.starts_at < activity.ends_at and len(activity.title) <= 30
        for row in session.exec(select(ActivitySignup)).all():
            activity = by_id[row.activity_id]
            if row.checked_in_at is not None:
                assert (
                    row.status == "signed"
                    and _utc(activity.starts_at) - timedelta(hours=1)
                    <= _utc(row.checked_in_at)
                    <= now
                )
            if row.hours_confirmed_at is not None:
                length = (activity.ends_at - activity.starts_at).total_seconds() / 60
                assert activity.kind == "service" and row.checked_in_at is not None
                assert 0 < row.service_minutes <= length
                assert _utc(activity.ends_at) <= _utc(row.hours_confirmed_at) <= now
            assert row.created_at <= row.updated_at
        past_service = [a for a in activities if a.kind == "service" and _utc(a.ends_at) < now]
        confirmed = set(
            session.exec(
                select(ActivitySignup.activity_id).where(
                    ActivitySignup.hours_confirmed_at.is_not(None)
                )
            ).all()
        )
        assert sum(a.id in confirmed for a in past_service) > 0.6 * len(past_service)
        sales = session.exec(select(CharitySale)).all()
        assert len(sales) >= 2
        for sale in sales:
            assert by_id[sale.activity_id].kind == "sale" and sale.amount_fen > 0
            assert _utc(by_id[sale.activity_id].starts_at) < now


def test_members_only_sign_ups_hold_the_member_role(seeded):
    with db.transaction() as session:
        roles = session.exec(
            select(ActivitySignup.account_id, func.count(RoleGrant.id))
            .join(Activity, Activity.id == ActivitySignup.activity_id)
            .outerjoin(RoleGrant, RoleGrant.account_id == ActivitySignup.account_id)
            .where(Activity.audience == "members")
            .group_by(ActivitySignup.account_id)
        ).all()
        assert roles and all(n > 0 for _account, n in roles)


def test_the_cancelled_activity_told_its_people(seeded):
    with db.transaction() as session:
        cancelled = session.exec(select(Activity).where(Activity.status == "cancelled")).one()
        assert _utc(cancelled.starts_at) > seeded
        people = set(
            session.exec(
                select(ActivitySignup.account_id).where(
                    ActivitySignup.activity_id == cancelled.id, ActivitySignup.status == "signed"
                )
            ).all()
        )
        told = session.exec(
            select(Message.account_id, Message.title).where(
                Message.link == f"/activities/{cancelled.id}"
            )
        ).all()
        assert people and {a for a, _t in told} == people
        assert all(t.startswith(text.Demo.TITLE_PREFIX) for _a, t in told)


def test_seed_twice_is_refused_and_teams_alone_are_a_conflict(engine, capsys):
    with db.transaction() as session:
        session.add(
            Team(name="别的队", kind="volunteer", summary="x", meets_when="x", meets_where="x")
        )
    with db.transaction() as session:
        assert demo.conflicts(session) == ["teams already exist"]
    assert main(["seed-demo"]) == 1
    with db.transaction() as session:
        assert session.exec(select(func.count()).select_from(Account)).one() == 0
        session.delete(session.exec(select(Team)).one())
    assert main(["seed-demo"]) == 0
    with db.transaction() as session:
        teams = session.exec(select(func.count()).select_from(Team)).one()
        activities = session.exec(select(func.count()).select_from(Activity)).one()
        assert "teams already exist" in demo.conflicts(session)
    assert main(["seed-demo"]) == 1
    with db.transaction() as session:
        assert session.exec(select(func.count()).select_from(Team)).one() == teams
        assert session.exec(select(func.count()).select_from(Activity)).one() == activities
