"""以老带新 from the roster: a leader points out an active member of a team they lead who has
not disclosed (holds no member role); it becomes a Referral for staff, as services/referral.py
makes, naming the account it points at, so nobody refers the same person again while a
referral of them is still open."""

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import (
    Account,
    Building,
    Disclosure,
    Referral,
    RoleGrant,
    Team,
    TeamMember,
)
from huajin_pwa.services import audit, records, team_access, validate
from huajin_pwa.services.actor import MEMBER, Actor, require_signed_in
from huajin_pwa.services.errors import DomainError
from huajin_pwa.services.leader import REFERRAL_ACTION
from huajin_pwa.services.referral import OPEN_STATUSES

T = text.Leader


@dataclass(frozen=True)
class Candidate:
    """Someone the actor may refer: their place in the team, name and team."""

    member: TeamMember
    name: str
    team: Team


def candidate(session: Session, actor: Actor | None, member_id: Any) -> Candidate:
    """The team member (a TeamMember id), if the actor leads their team, they have not
    disclosed and the actor has no open referral for them yet; else a refusal."""
    actor = require_signed_in(actor)
    row = records.fetch(session, TeamMember, member_id)
    if row is None or row.status != "active":
        raise DomainError(T.NOT_IN_TEAM)
    team = team_access.require_leader(session, actor, row.team_id)
    holds_member = session.exec(
        select(RoleGrant.id).where(RoleGrant.account_id == row.account_id, RoleGrant.role == MEMBER)
    ).first()
    if holds_member is not None:
        raise DomainError(T.ALREADY_MEMBER)
    open_referral = session.exec(
        select(Referral.id).where(
            Referral.account_id == row.account_id, Referral.status.in_(OPEN_STATUSES)
        )
    ).first()
    if open_referral is not None:
        raise DomainError(T.ALREADY_REFERRED)
    account = session.get(Account, row.account_id)
    return Candidate(member=row, name=account.name, team=team)


def refer(session: Session, actor: Actor | None, member_id: Any, form: Any) -> Referral:
    """Refer the team member to staff with how the leader knows (2-200 characters); the
    referral carries their name and where they live (from their latest disclosure)."""
    actor = require_signed_in(actor)
    found = candidate(session, actor, member_id)
    clean = validate.collect(
        form,
        {"how_known": lambda v: validate.free_text(v, 2, 200, T.HOW_KNOWN_INVALID)},
    )
    referral = Referral(
        referrer_id=actor.account_id,
        account_id=found.member.account_id,
        name=found.name,
        whereabouts=_whereabouts(session, found),
        how_known=clean["how_known"],
    )
    session.add(referral)
    session.flush()
    audit.record(session, actor.account_id, REFERRAL_ACTION, "referral", referral.id)
    return referral


def _whereabouts(session: Session, found: Candidate) -> str:
    """3栋2单元1502室 from their latest disclosure with a home, else 「<team name>队员」."""
    home = session.exec(
        select(Building.number, Disclosure.unit, Disclosure.room)
        .join(Building, Building.id == Disclosure.building_id)
        .where(Disclosure.account_id == found.member.account_id)
        .order_by(Disclosure.id.desc())
    ).first()
    if home is None:
        return T.WHEREABOUTS_TEAM.format(team=found.team.name)
    number, unit, room = home
    if unit and room:
        return text.Join.ADDRESS_FORMAT.format(building=number, unit=unit, room=room)
    return text.Join.BUILDING_OPTION.format(number=number)
