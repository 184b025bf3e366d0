"""义卖: the leader records what a sale raised (and corrects it); the public running total, by
team, and the list of sales."""

from datetime import timedelta

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Activity, AuditEntry, CharitySale
from huajin_pwa.services import charity, clock
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied
from tests.states.helpers import snapshot
from tests.unit.study_support import count_queries
from tests.unit.test_service_hours import add_activity, crew  # noqa: F401  (a fixture)

C = text.Charity
GOOD = {"amount": "860.50", "purpose": "困难家庭慰问"}


@pytest.fixture
def sale(session, crew):  # noqa: F811
    """老红帽's charity sale that ended yesterday."""
    return add_activity(session, crew.team, crew.leader, kind="sale", title="巧姐姐串珠义卖")


def sales():
    with db.transaction() as session:
        return [
            (row.activity_id, row.amount_fen, row.purpose, row.recorded_by_id)
            for row in session.exec(select(CharitySale).order_by(CharitySale.id))
        ]


def audits():
    with db.transaction() as session:
        return [(e.action, e.target_id, e.detail) for e in session.exec(select(AuditEntry))]


def refused(run, actor, activity_id, form, error=DomainError):
    before = snapshot()
    with pytest.raises(error) as refusal:
        run(charity.record, actor, activity_id, form)
    assert snapshot() == before
    return refusal.value


def test_the_leader_records_a_sale_and_corrects_it(run, crew, sale):  # noqa: F811
    row, corrected = run(charity.record, crew.leader, sale.id, GOOD)
    assert not corrected and row.amount_fen == 86050
    assert sales() == [(sale.id, 86050, "困难家庭慰问", crew.leader.account_id)]
    row, corrected = run(charity.record, crew.staff, sale.id, {"amount": "900", "purpose": "助学"})
    assert corrected
    assert sales() == [(sale.id, 90000, "助学", crew.staff.account_id)]
    assert audits() == [
        ("charity_sale_recorded", sale.id, "860.50 困难家庭慰问"),
        ("charity_sale_corrected", sale.id, "860.50 困难家庭慰问 -> 900.00 助学"),
    ]
    sheet = run(charity.sale_sheet, crew.leader, sale.id)
    assert sheet.started and sheet.sale.amount_fen == 90000 and sheet.recorded_by == "王敏"


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5", C.AMOUNT_NEGATIVE),
        ("0", C.AMOUNT_ZERO),
        ("0.00", C.AMOUNT_ZERO),
        ("1.234", C.AMOUNT_DECIMALS),
        ("1000000.01", C.AMOUNT_TOO_BIG),
        ("八百", C.AMOUNT_INVALID),
        ("", C.AMOUNT_INVALID),
        (None, C.AMOUNT_INVALID),
        (["5"], C.AMOUNT_INVALID),
        ("1e3", C.AMOUNT_INVALID),
        ("９", C.AMOUNT_INVALID),
        ("9" * 40, C.AMOUNT_INVALID),
    ],
)
def test_bad_amounts_are_refused(run, crew, sale, amount, message):  # noqa: F811
    error = refused(run, crew.leader, sale.id, {**GOOD, "amount": amount}, FormError)
    assert error.errors == {"amount": message}


@pytest.mark.parametrize(
    ("amount", "fen"), [("1000000", 100_000_000), ("0.01", 1), ("1,200.5", 120050)]
)
def test_amount_limits(amount, fen):
    assert charity.amount_fen(amount) == fen


@pytest.mark.parametrize("purpose", ["", "助", "字" * 101, None, ["困难家庭"]])
def test_a_purpose_of_2_to_100_characters(run, crew, sale, purpose):  # noqa: F811
    error = refused(run, crew.leader, sale.id, {**GOOD, "purpose": purpose}, FormError)
    assert error.errors == {"purpose": C.PURPOSE_INVALID}


@pytest.mark.parametrize("junk", [None, "x", 5, [], ["a"]])
def test_junk_forms_name_both_fields(run, crew, sale, junk):  # noqa: F811
    error = refused(run, crew.leader, sale.id, junk, FormError)
    assert set(error.errors) == {"amount", "purpose"}


def test_who_may_record(run, crew, sale):  # noqa: F811
    refused(run, crew.other, sale.id, GOOD, PermissionDenied)
    refused(run, crew.people[0], sale.id, GOOD, PermissionDenied)
    refused(run, None, sale.id, GOOD, NotSignedIn)
    with pytest.raises(PermissionDenied):
        run(charity.sale_sheet, crew.other, sale.id)


def test_only_sales_after_their_start_and_not_cancelled(run, crew, sale, session):  # noqa: F811
    later = add_activity(session, crew.team, crew.leader, kind="sale", hours_ago=-5)
    assert refused(run, crew.leader, later.id, GOOD).message == C.NOT_STARTED
    assert not run(charity.sale_sheet, crew.leader, later.id).started
    assert refused(run, crew.leader, crew.activity.id, GOOD).message == C.NOT_SALE
    with db.transaction() as write:
        write.get(Activity, sale.id).status = "cancelled"
    assert refused(run, crew.leader, sale.id, GOOD).message == C.CANCELLED
    for junk in ("nope", None, -1):
        assert refused(run, crew.leader, junk, GOOD).message == text.TeamWords.NO_ACTIVITY


def test_under_way_counts_as_started(run, crew, session):  # noqa: F811
    now_on = add_activity(session, crew.team, crew.leader, kind="sale", hours_ago=1, length=180)
    assert not run(charity.record, crew.leader, now_on.id, GOOD)[1]


def test_two_first_recordings_at_once_keep_one_row(run, crew, sale, session, monkeypatch):  # noqa: F811
    """The other phone's row is committed after this one looked: the unique activity_id refuses
    the second insert and the leader is told."""
    session.add(CharitySale(activity_id=sale.id, amount_fen=100, purpose="先记", recorded_by_id=1))
    session.commit()
    monkeypatch.setattr(charity, "_sale_of", lambda session, activity_id: None)
    assert refused(run, crew.leader, sale.id, GOOD).message == C.RACED
    assert [row[1] for row in sales()] == [100]


def test_the_public_total_by_team_and_list(run, crew, sale, session):  # noqa: F811
    assert run(charity.running_total) == (0, 0) and run(charity.by_team) == []
    run(charity.record, crew.leader, sale.id, GOOD)
    other = add_activity(session, crew.other_team, crew.other, kind="sale", hours_ago=50)
    run(charity.record, crew.other, other.id, {"amount": "100", "purpose": "助学金"})
    community = add_activity(session, None, crew.staff, kind="sale", hours_ago=80)
    run(charity.record, crew.staff, community.id, {"amount": "0.5", "purpose": "社区基金"})
    assert run(charity.running_total) == (96100, 3)
    assert run(charity.by_team) == [("老红帽", 86050, 1), ("爱之翼", 10000, 1), ("社区活动", 50, 1)]
    page = run(charity.sales, 1)
    assert [(line.team_name, line.fen, line.purpose) for line in page.rows] == [
        ("老红帽", 86050, "困难家庭慰问"),
        ("爱之翼", 10000, "助学金"),
        ("社区活动", 50, "社区基金"),
    ]
    assert charity.yuan(123456789) == "1,234,567.89"


def test_the_public_lists_cost_the_same_for_2_and_30_sales(engine, run, crew, session):  # noqa: F811
    def add(count):
        for n in range(count):
            activity = add_activity(session, crew.team, crew.leader, kind="sale", hours_ago=30 + n)
            session.add(
                CharitySale(
                    activity_id=activity.id,
                    amount_fen=100 + n,
                    purpose="助学",
                    recorded_by_id=crew.leader.account_id,
                    recorded_at=clock.now() - timedelta(hours=n),
                )
            )
        session.commit()

    def cost():
        return count_queries(
            engine,
            lambda: (run(charity.running_total), run(charity.by_team), run(charity.sales, 2)),
        )[0]

    add(2)
    few = cost()
    add(28)
    assert cost() == few
