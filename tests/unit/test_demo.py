"""The demo community: deterministic, plausible, marked, and its six sign-ins work (DESIGN §10)."""

from datetime import timedelta

import pytest
from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from huajin_pwa import db, demo, text
from huajin_pwa.cli import main
from huajin_pwa.demo import data, load
from huajin_pwa.models import (
    Account,
    Building,
    Disclosure,
    Grid,
    Message,
    Referral,
)
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import auth, community, disclosure, stats

SIGN_INS = {
    "13800000000": ("huajin-admin-demo", {"admin"}),
    "13800000001": ("huajin-staff-demo", {"staff"}),
    "13800000002": ("huajin-grid-demo", {"secretary"}),
    "13800000003": ("135790", {"member", "leader"}),
    "13800000004": ("246810", {"member"}),
    "13800000005": ("246810", {"member"}),
}
STATUSES = {"draft", "pending", "approved", "rejected", "withdrawn"}


@pytest.fixture
def seeded(engine):
    """The demo loaded into the fresh database, committed."""
    with db.transaction() as session:
        summary = demo.seed(session)
    return summary


def _count(session: Session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def _all_counts(engine) -> dict[str, int]:
    with Session(engine) as session:
        return {name: _count(session, table) for name, table in SQLModel.metadata.tables.items()}


def test_plan_is_the_same_every_time_and_changes_with_the_seed():
    assert demo.build() == demo.build()
    assert demo.build(2020).people != demo.build().people


def test_plan_people_are_invented_and_plausible():
    plan = demo.build()
    names = [p.name for p in plan.everyone] + [o.name for o in plan.offices]
    assert len(set(names)) == len(names)
    assert not set(names) & data.ARTICLE_NAMES
    phones = [p.phone for p in plan.everyone] + [o.phone for o in plan.offices]
    assert len(set(phones)) == len(phones)
    assert 100 <= len(plan.people) <= 140
    assert {p.status for p in plan.people} == STATUSES
    for person in plan.everyone:
        if person.birth_year is not None:
            assert 1940 <= person.birth_year <= 1965
        if person.party_year is not None:
            assert person.party_year >= person.birth_year + 18
        assert set(filter(None, person.hobbies.split(","))) <= set(text.Join.HOBBIES)
        assert set(filter(None, person.wishes.split(","))) <= set(text.Join.WISHES)
        if person.submitted_ago is not None:
            assert 0 < person.submitted_ago <= 60
        if person.reviewed_ago is not None:
            assert person.reviewed_ago < person.submitted_ago
    assert any(p.mobility_limited for p in plan.people)
    assert any(p.family_difficulty for p in plan.people)
    assert {b.grid for b in plan.blocks} == set(range(1, 7))
    assert 25 <= len(plan.blocks) <= 35
    for block in plan.blocks:
        assert 2 <= block.units <= 4 and 6 <= block.floors <= 33
        assert 2 <= block.rooms_per_floor <= 6


def test_the_six_sign_ins_work_with_their_roles(seeded):
    with db.transaction() as session:
        grid_one = session.exec(select(Grid).where(Grid.number == 1)).one()
        for phone, (secret, roles) in SIGN_INS.items():
            result = auth.sign_in(session, phone, secret)
            assert result.error == "", phone
            actor = auth.actor_from_token(session, result.token)
            assert actor is not None and set(actor.roles) == roles, phone
        secretary = auth.actor_from_token(
            session, auth.sign_in(session, "13800000002", "huajin-grid-demo").token
        )
        assert secretary.secretary_grids == {grid_one.id}
        assert auth.sign_in(session, "13800000004", "135790").error != ""
        for phone in ("13800000004", "13800000005"):
            account = session.exec(select(Account).where(Account.phone == phone)).one()
            own = disclosure.latest_for(session, account.id)
            assert own.status == "approved" and own.grid_id == grid_one.id
        frail = session.exec(select(Account).where(Account.phone == "13800000005")).one()
        frail_disclosure = disclosure.latest_for(session, frail.id)
        assert frail_disclosure.mobility_limited is True
        assert frail_disclosure.family_difficulty is True


def test_bulk_members_sign_in_with_the_shared_demo_pin(seeded):
    with db.transaction() as session:
        phone = demo.build().people[10].phone
        assert auth.sign_in(session, phone, demo.DEMO_PIN).token


def test_every_state_is_present_and_marked_as_demo(seeded):
    with db.transaction() as session:
        statuses = session.exec(select(Disclosure.status).distinct()).all()
        assert set(statuses) == STATUSES
        assert sum(seeded.disclosures.values()) == _count(session, Disclosure)
        org_names = session.exec(select(Disclosure.org_name).where(Disclosure.org_name != "")).all()
        assert org_names and all(name.endswith(text.Demo.SUFFIX) for name in org_names)
        titles = session.exec(select(Message.title)).all()
        assert len(titles) >= 10 and all(t.startswith(text.Demo.TITLE_PREFIX) for t in titles)
        referrals = session.exec(select(Referral)).all()
        assert {r.status for r in referrals} == {"new", "following", "disclosed", "closed"}
        for referral in referrals:
            assert referral.whereabouts.endswith(text.Demo.SUFFIX)
            if referral.status == "disclosed":
                linked = session.get(Disclosure, referral.disclosure_id)
                assert linked.status in ("pending", "approved") and linked.name == referral.name
        grids = session.exec(select(Grid.name).order_by(Grid.number)).all()
        assert grids == ["第一网格", "第二网格", "第三网格", "第四网格", "第五网格", "第六网格"]


def test_submitted_times_spread_over_the_last_60_days(seeded):
    now = utcnow()
    with db.transaction() as session:
        times = session.exec(
            select(Disclosure.submitted_at).where(Disclosure.submitted_at.is_not(None))
        ).all()
    ages = [now - (t if t.tzinfo else t.replace(tzinfo=now.tzinfo)) for t in times]
    assert all(timedelta(0) < age <= timedelta(days=60) for age in ages)
    assert max(ages) - min(ages) > timedelta(days=40)


def test_some_disclosures_were_filled_on_behalf_by_the_grid_one_secretary(seeded):
    with db.transaction() as session:
        secretary = session.exec(select(Account).where(Account.phone == "13800000002")).one()
        behalf = session.exec(select(Disclosure).where(Disclosure.filled_by_id.is_not(None))).all()
        grid_one = session.exec(select(Grid).where(Grid.number == 1)).one()
        assert behalf
        assert all(d.filled_by_id == secretary.id and d.grid_id == grid_one.id for d in behalf)


def test_every_demo_address_is_a_real_room_in_its_grid(seeded):
    with db.transaction() as session:
        rows = session.exec(
            select(Disclosure, Building)
            .join(Building, Building.id == Disclosure.building_id)
            .where(Disclosure.building_id.is_not(None))
        ).all()
        assert len(rows) > 100
        for row, building in rows:
            home = community.locate(session, str(building.number), str(row.unit), row.room)
            assert home.building.id == building.id
            assert row.grid_id == building.grid_id


def test_submitted_disclosures_are_complete(seeded):
    with db.transaction() as session:
        submitted = session.exec(select(Disclosure).where(Disclosure.status != "draft")).all()
        assert submitted and all(disclosure.missing_steps(d) == [] for d in submitted)
        drafts = session.exec(select(Disclosure).where(Disclosure.status == "draft")).all()
        assert any(disclosure.missing_steps(d) for d in drafts)


def test_staff_figures_count_the_demo(seeded):
    with db.transaction() as session:
        token = auth.sign_in(session, "13800000001", "huajin-staff-demo").token
        staff = auth.actor_from_token(session, token)
        figures = stats.overview(session, staff)
    plan = demo.build()
    assert figures.disclosed == sum(p.status == "approved" for p in plan.everyone)
    assert figures.pending == sum(p.status == "pending" for p in plan.everyone)
    assert len(figures.by_grid) == 6 and all(n > 0 for _grid, n in figures.by_grid)
    assert figures.referrals_open > 0


def test_seed_demo_if_empty_twice_adds_nothing(engine, capsys):
    assert main(["seed-demo", "--if-empty"]) == 0
    first = _all_counts(engine)
    assert first["account"] == len(demo.build().everyone) + 3
    assert main(["seed-demo", "--if-empty"]) == 0
    assert _all_counts(engine) == first
    assert "already has accounts" in capsys.readouterr().out


def test_seed_refuses_a_database_with_demo_grids(seeded, capsys):
    before = None
    with db.transaction() as session:
        before = _count(session, Account)
        assert demo.conflicts(session)
    assert main(["seed-demo"]) == 1
    assert "empty database" in capsys.readouterr().err
    with db.transaction() as session:
        assert _count(session, Account) == before


def test_seed_is_all_or_nothing(engine, monkeypatch):
    def broken(self, plan, disclosures):
        raise RuntimeError("disk full")

    monkeypatch.setattr(load._Loader, "referrals", broken)
    with pytest.raises(RuntimeError), db.transaction() as session:
        demo.seed(session)
    assert all(n == 0 for n in _all_counts(engine).values())
