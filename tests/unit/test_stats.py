"""The community's figures on the staff home."""

import pytest

from huajin_pwa import db
from huajin_pwa.models import Account, Disclosure, Grid, Referral
from huajin_pwa.services import approval, stats
from huajin_pwa.services.errors import NotSignedIn, PermissionDenied

pytestmark = pytest.mark.usefixtures("fast_hashing")


def add(statuses_by_grid: dict[int | None, list[str]], referral_statuses=()) -> None:
    """Disclosures in the given states per grid id, and referrals in the given states."""
    phone = 13600000000
    with db.transaction() as session:
        for grid_id, statuses in statuses_by_grid.items():
            for status in statuses:
                phone += 1
                account = Account(phone=str(phone), name="党员", secret_kind="pin", secret_hash="x")
                session.add(account)
                session.flush()
                session.add(Disclosure(account_id=account.id, status=status, grid_id=grid_id))
        if referral_statuses:
            session.flush()
            for status in referral_statuses:
                session.add(
                    Referral(
                        referrer_id=account.id,
                        name="刘建国",
                        whereabouts="3栋",
                        how_known="听说",
                        status=status,
                    )
                )


def test_an_empty_community(run, staff):
    figures = run(stats.overview, staff)
    assert figures == stats.Overview(
        disclosed=0, pending=0, by_grid=[("第一网格", 0), ("第二网格", 0)], referrals_open=0
    )


def test_overview_counts(run, staff, community):
    grid_1, grid_2 = (g.id for g in community)
    add(
        {
            grid_1: ["approved", "approved", "pending", "rejected", "draft", "withdrawn"],
            grid_2: ["approved", "pending", "pending", "rejected"],
            None: ["draft", "pending"],
        },
        referral_statuses=["new", "new", "following", "disclosed", "closed"],
    )
    figures = run(stats.overview, staff)
    assert figures.disclosed == 3
    assert figures.pending == 4
    assert figures.by_grid == [("第一网格", 2), ("第二网格", 1)]
    assert figures.referrals_open == 3


def test_overview_follows_the_real_flow(run, staff, join, community):

    first = join.submitted("13700000001")
    second = join.submitted("13700000002", address={"building": "6", "unit": "1", "room": "101"})
    join.submitted("13700000003")
    assert run(stats.overview, staff).pending == 3
    run(approval.approve, staff, first.disclosure_id)
    run(approval.approve, staff, second.disclosure_id)
    figures = run(stats.overview, staff)
    assert (figures.disclosed, figures.pending) == (2, 1)
    assert figures.by_grid == [("第一网格", 1), ("第二网格", 1)]


def test_grids_listed_by_number_even_without_members(run, session, staff, community):
    session.add(Grid(number=0, name="零号网格"))
    session.commit()
    add({community[1].id: ["approved"]})
    assert run(stats.overview, staff).by_grid == [
        ("零号网格", 0),
        ("第一网格", 0),
        ("第二网格", 1),
    ]


def test_admin_sees_the_figures(run, admin):
    assert run(stats.overview, admin).disclosed == 0


@pytest.mark.parametrize("who", ["member", "secretary"])
def test_the_figures_are_for_staff(run, request, who):
    with pytest.raises(PermissionDenied):
        run(stats.overview, request.getfixturevalue(who))


def test_the_figures_need_a_sign_in(run, community):
    with pytest.raises(NotSignedIn):
        run(stats.overview, None)
