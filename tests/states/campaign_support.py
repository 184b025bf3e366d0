"""Shared by the 节日慰问 and /staff visit-figure state tests: approved members with needs."""

from dataclasses import dataclass

from sqlmodel import select

from huajin_pwa import db
from huajin_pwa.models import Campaign, Visit
from huajin_pwa.services import approval
from tests.unit.pin_reset_support import GRID_2_HOME

CAMPAIGN_ROUTE = "/staff/campaigns/[campaign_id]"


@dataclass
class Member:
    """An approved member: their phone, name, account id and session token."""

    phone: str
    name: str
    account_id: int
    token: str


def approved_member(join, run, staff, phone, name, difficulty=False, mobility=False, grid=1):
    """Someone who disclosed (in grid 1 or 2, with these needs) and was approved by staff."""
    needs = {
        "mobility_limited": "yes" if mobility else "no",
        "family_difficulty": "yes" if difficulty else "no",
    }
    answers = {"needs": needs}
    if grid == 2:
        answers["address"] = GRID_2_HOME
    person = join.submitted(phone, name=name, **answers)
    run(approval.approve, staff, person.disclosure_id)
    return Member(phone, name, person.actor().account_id, person.token)


def campaigns() -> list[Campaign]:
    with db.transaction() as session:
        return list(session.exec(select(Campaign).order_by(Campaign.id)).all())


def visits() -> list[Visit]:
    with db.transaction() as session:
        return list(session.exec(select(Visit).order_by(Visit.id)).all())
