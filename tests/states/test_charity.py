"""LeaderSaleState (/leader/activity/<id>/sale) and CharityState (/charity)."""

import pytest

from huajin_pwa import db, text
from huajin_pwa.models import CharitySale
from huajin_pwa.states.charity import CharityState, LeaderSaleState
from tests.states.helpers import FOCUS_ERRORS, JUNK, form, redirect_path, script, send, snapshot
from tests.unit.study_support import count_queries
from tests.unit.test_service_hours import add_activity, crew  # noqa: F401

C = text.Charity
ROUTE = "/leader/activity/[activity_id]/sale"


@pytest.fixture
def sale(session, crew):  # noqa: F811
    return add_activity(session, crew.team, crew.leader, kind="sale", title="巧姐姐串珠义卖")


def on_sale(client, who, activity_id):
    state = client(
        LeaderSaleState,
        who,
        path=f"/leader/activity/{activity_id}/sale",
        route=ROUTE,
        params={"activity_id": str(activity_id)},
    )
    send(state, "load")
    return state


def recorded():
    with db.transaction() as session:
        return [
            (row.amount_fen, row.purpose) for row in session.exec(CharitySale.__table__.select())
        ]


def test_record_then_correct(client, crew, sale):  # noqa: F811
    state = on_sale(client, crew.leader, sale.id)
    assert state.found and state.started and state.recorded == ""
    assert state.answers == {"amount": "", "purpose": ""}
    send(state, "save", form=form(amount="860.50", purpose="困难家庭慰问"))
    assert state.notice == C.RECORDED.format(amount="860.50", purpose="困难家庭慰问")
    assert state.answers == {"amount": "860.50", "purpose": "困难家庭慰问"}
    assert state.recorded.startswith("现在记的是 860.50 元，用于困难家庭慰问（张队长")
    send(state, "save", form=form(amount="1200", purpose="困难家庭慰问"))
    assert state.notice == C.CORRECTED.format(amount="1,200.00", purpose="困难家庭慰问")
    assert state.answers["amount"] == "1200.00"
    assert recorded() == [(120000, "困难家庭慰问")]


def test_errors_keep_the_answers_and_save_nothing(client, crew, sale):  # noqa: F811
    state = on_sale(client, crew.leader, sale.id)
    before = snapshot()
    result = send(state, "save", form=form(amount="-5", purpose="困难家庭慰问"))
    assert script(result) == FOCUS_ERRORS and snapshot() == before
    assert state.errors == {"amount": C.AMOUNT_NEGATIVE}
    assert state.answers == {"amount": "-5", "purpose": "困难家庭慰问"}


@pytest.mark.parametrize("junk", JUNK)
def test_junk_changes_nothing(client, crew, sale, junk):  # noqa: F811
    state = on_sale(client, crew.leader, sale.id)
    before = snapshot()
    send(state, "save", form=junk)
    assert snapshot() == before


def test_others_cannot_record(client, crew, sale):  # noqa: F811
    signed_out = client(LeaderSaleState)
    member = on_sale(client, crew.people[0], sale.id)
    other = on_sale(client, crew.other, sale.id)
    assert not member.found and not other.found
    assert other.notice == text.TeamWords.NOT_LEADER
    signed_out._activity_id = member._activity_id = sale.id
    good = form(amount="5", purpose="助学")
    before = snapshot()
    assert redirect_path(send(signed_out, "save", form=good)) == "/login"
    assert redirect_path(send(member, "save", form=good)) == "/"
    send(other, "save", form=good)
    assert other.notice == text.TeamWords.NOT_LEADER and snapshot() == before


def test_not_a_sale_or_not_started(client, crew, session):  # noqa: F811
    assert on_sale(client, crew.leader, crew.activity.id).notice == C.NOT_SALE
    later = add_activity(session, crew.team, crew.leader, kind="sale", hours_ago=-3)
    state = on_sale(client, crew.leader, later.id)
    assert state.found and not state.started
    before = snapshot()
    send(state, "save", form=form(amount="5", purpose="助学"))
    assert state.notice == C.NOT_STARTED and snapshot() == before


def test_the_public_page_signed_out(client, run, crew, sale, session, engine):  # noqa: F811
    state = client(CharityState)
    send(state, "load")
    assert state.total == "0.00 元" and state.rows == [] and state.teams == []
    leader = on_sale(client, crew.leader, sale.id)
    send(leader, "save", form=form(amount="860.50", purpose="困难家庭慰问"))
    cost = count_queries(engine, lambda: send(state, "load"))[0]
    assert state.total == "860.50 元" and state.count == "共 1 场义卖"
    assert state.teams == [{"name": "老红帽", "line": "860.50 元 · 1 场"}]
    assert (
        state.rows[0]["purpose"] == "用途：困难家庭慰问" and state.rows[0]["amount"] == "860.50 元"
    )
    for n in range(25):
        more = add_activity(session, crew.team, crew.leader, kind="sale", hours_ago=30 + n)
        session.add(
            CharitySale(
                activity_id=more.id,
                amount_fen=100,
                purpose="助学",
                recorded_by_id=crew.leader.account_id,
            )
        )
    session.commit()
    assert count_queries(engine, lambda: send(state, "load"))[0] == cost
    assert (state.page, state.pages, len(state.rows)) == (1, 3, 10)
    send(state, "go", delta=1)
    assert state.page == 2
    for junk in JUNK:
        send(state, "go", delta=junk)
        assert state.page in (1, 2, 3)
