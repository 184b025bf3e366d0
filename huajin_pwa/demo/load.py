"""Writing the demo plan into the caller's transaction."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.demo.activities import seed_activities
from huajin_pwa.demo.plan import build
from huajin_pwa.demo.records import DEMO_PIN, GRID_NAMES, SIGN_IN_PHONES, Person, Plan
from huajin_pwa.demo.study import seed_study
from huajin_pwa.demo.visits import seed_visits
from huajin_pwa.models import (
    Account,
    AuditEntry,
    Building,
    Disclosure,
    Grid,
    Message,
    Referral,
    RoleGrant,
    StudyWeek,
    Team,
)
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import accounts
from huajin_pwa.services.auth import hash_secret

VERSIONS = {"draft": 1, "pending": 2, "approved": 3, "rejected": 3, "withdrawn": 3}


@dataclass(frozen=True)
class Summary:
    """What a seed loaded."""

    grids: int
    buildings: int
    accounts: int
    disclosures: dict[str, int]
    referrals: int
    messages: int
    visits: int = 0
    campaigns: int = 0
    study_weeks: int = 0
    reflections: int = 0
    teams: int = 0
    activities: int = 0


def has_accounts(session: Session) -> bool:
    """Whether anyone can sign in yet (an empty database has no accounts)."""
    return session.exec(select(Account.id).limit(1)).first() is not None


def conflicts(session: Session, plan: Plan | None = None) -> list[str]:
    """Why the demo cannot go into this database (for the admin, in English); empty if it can."""
    plan = plan or build()
    reasons = []
    if session.exec(select(Grid.id).limit(1)).first() is not None:
        reasons.append("grids already exist")
    if session.exec(select(Building.id).limit(1)).first() is not None:
        reasons.append("buildings already exist")
    if session.exec(select(StudyWeek.id).limit(1)).first() is not None:
        reasons.append("study weeks already exist")
    if session.exec(select(Team.id).limit(1)).first() is not None:
        reasons.append("teams already exist")
    phones = [o.phone for o in plan.offices] + [p.phone for p in plan.everyone]
    taken = session.exec(select(Account.phone).where(Account.phone.in_(phones))).all()
    if taken:
        reasons.append(f"demo phone numbers already registered: {', '.join(sorted(taken)[:5])}")
    return reasons


def seed(session: Session, plan: Plan | None = None) -> Summary:
    """Load the demo community; the caller commits (one transaction) or rolls back."""
    plan = plan or build()
    loader = _Loader(session, utcnow())
    loader.community(plan)
    loader.offices(plan)
    disclosures = loader.members(plan.people)
    loader.referrals(plan, disclosures)
    session.flush()
    visits = seed_visits(
        session, plan, loader.now, loader.grid_ids, loader.account_ids, loader.office_ids
    )
    study = seed_study(  # after the visits: it shares their members and days
        session, plan, loader.now, loader.grid_ids, loader.account_ids, loader.office_ids
    )
    loader.members(plan.cast)  # after the study demo, which stays as it was without them
    activities = seed_activities(session, plan, loader.account_ids, loader.office_ids)
    counts: dict[str, int] = {}
    for person in plan.everyone:
        counts[person.status] = counts.get(person.status, 0) + 1
    return Summary(
        grids=len(GRID_NAMES),
        buildings=len(plan.blocks),
        accounts=len(plan.offices) + len(plan.everyone),
        disclosures=counts,
        referrals=len(plan.tips),
        messages=session.exec(select(func.count()).select_from(Message)).one(),
        visits=visits.visits,
        campaigns=visits.campaigns,
        study_weeks=study.weeks,
        reflections=study.reflections,
        teams=activities.teams,
        activities=activities.activities,
    )


class _Loader:
    def __init__(self, session: Session, now: datetime):
        self.session = session
        self.now = now
        self.grid_ids: dict[int, int] = {}
        self.building_ids: dict[int, int] = {}
        self.office_ids: dict[str, int] = {}
        self.account_ids: dict[str, int] = {}

    def at(self, days_ago: float) -> datetime:
        return self.now - timedelta(days=days_ago)

    def message(self, account_id: int, title: str, body: str, days_ago: float, read: bool):
        self.session.add(
            Message(
                account_id=account_id,
                title=(text.Demo.TITLE_PREFIX + title)[:60],
                body=body,
                link="/me",
                created_at=self.at(days_ago),
                read_at=self.at(max(0.0, days_ago - 0.5)) if read else None,
            )
        )

    def audit(self, actor_id: int, action: str, kind: str, target: int, days_ago: float, detail=""):
        self.session.add(
            AuditEntry(
                actor_id=actor_id,
                action=action,
                target_type=kind,
                target_id=target,
                detail=detail,
                at=self.at(days_ago),
            )
        )

    def community(self, plan: Plan) -> None:
        grids = [Grid(number=n, name=name) for n, name in enumerate(GRID_NAMES, start=1)]
        self.session.add_all(grids)
        self.session.flush()
        self.grid_ids = {grid.number: grid.id for grid in grids}
        buildings = [
            Building(
                number=b.number,
                grid_id=self.grid_ids[b.grid],
                units=b.units,
                floors=b.floors,
                rooms_per_floor=b.rooms_per_floor,
            )
            for b in plan.blocks
        ]
        self.session.add_all(buildings)
        self.session.flush()
        self.building_ids = {b.number: b.id for b in buildings}

    def offices(self, plan: Plan) -> None:
        for office in plan.offices:
            account = accounts.create_account(
                self.session, phone=office.phone, name=office.name, password=office.password
            )
            account.created_at = self.at(90)
            grid_id = self.grid_ids[office.grid] if office.grid else None
            accounts.add_role(self.session, account.id, office.role, grid_id)
            self.office_ids[office.role] = account.id
            self.message(account.id, text.Demo.WELCOME_TITLE, text.Demo.WELCOME_BODY, 0.2, False)

    def members(self, people: list[Person]) -> dict[str, Disclosure]:
        shared_hash = hash_secret(DEMO_PIN)
        rows = []
        for person in people:
            if person.pin != DEMO_PIN:
                account = accounts.create_account(
                    self.session, phone=person.phone, name=person.name, pin=person.pin
                )
            else:
                account = Account(
                    phone=person.phone, name=person.name, secret_kind="pin", secret_hash=shared_hash
                )
                self.session.add(account)
            account.created_at = self.at(person.created_ago)
            rows.append(account)
        self.session.flush()
        self.account_ids |= {account.phone: account.id for account in rows}
        disclosures = {person.phone: self._disclosure(person) for person in people}
        self.session.add_all(disclosures.values())
        self.session.flush()
        for person in people:
            self._history(person, disclosures[person.phone])
        return disclosures

    def _disclosure(self, p: Person) -> Disclosure:
        reviewed = p.reviewed_ago is not None
        return Disclosure(
            account_id=self.account_ids[p.phone],
            status=p.status,
            name=p.name,
            gender=p.gender,
            birth_year=p.birth_year,
            building_id=self.building_ids[p.building] if p.building else None,
            unit=p.unit,
            room=p.room,
            grid_id=self.grid_ids[p.grid] if p.grid else None,
            org_name=p.org_name,
            org_place=p.org_place,
            party_year=p.party_year,
            moved_in_year=p.moved_in_year,
            moved_in_month=p.moved_in_month,
            mobility_limited=p.mobility_limited,
            family_difficulty=p.family_difficulty,
            hobbies=p.hobbies,
            wishes=p.wishes,
            consent_at=self.at(p.submitted_ago + 0.001) if p.consent else None,
            filled_by_id=self.office_ids["secretary"] if p.on_behalf else None,
            reviewer_id=self.office_ids["staff"] if reviewed else None,
            review_reason=p.reason,
            created_at=self.at(p.created_ago),
            submitted_at=self.at(p.submitted_ago) if p.submitted_ago is not None else None,
            reviewed_at=self.at(p.reviewed_ago) if reviewed else None,
            version=VERSIONS[p.status],
        )

    def _history(self, p: Person, disclosure: Disclosure) -> None:
        """Roles, inbox messages and audit entries the disclosure's path would have left."""
        account_id, staff = self.account_ids[p.phone], self.office_ids["staff"]
        for role in p.roles:
            self.session.add(
                RoleGrant(account_id=account_id, role=role, created_at=self.at(p.reviewed_ago or 0))
            )
        if p.on_behalf:
            secretary = self.office_ids["secretary"]
            self.audit(
                secretary, "disclosure_on_behalf", "disclosure", disclosure.id, p.created_ago
            )
        if p.submitted_ago is not None:
            body = text.Inbox.SUBMITTED_BODY
            self.message(account_id, text.Inbox.SUBMITTED_TITLE, body, p.submitted_ago, True)
        if p.status == "approved":
            grid = GRID_NAMES[p.grid - 1] if p.grid else text.COMMUNITY
            body = text.Inbox.APPROVED_BODY.format(grid=grid)
            recent = p.reviewed_ago < 7
            self.message(account_id, text.Inbox.APPROVED_TITLE, body, p.reviewed_ago, not recent)
            self.audit(staff, "disclosure_approved", "disclosure", disclosure.id, p.reviewed_ago)
        if p.status == "rejected":
            body = text.Inbox.REJECTED_BODY.format(reason=p.reason)
            self.message(account_id, text.Inbox.REJECTED_TITLE, body, p.reviewed_ago, False)
            self.audit(
                staff, "disclosure_rejected", "disclosure", disclosure.id, p.reviewed_ago, p.reason
            )
        if p.phone in SIGN_IN_PHONES:
            self.message(account_id, text.Demo.NOTICE_TITLE, text.Demo.NOTICE_BODY, 0.5, False)
            self.message(account_id, text.Demo.WELCOME_TITLE, text.Demo.WELCOME_BODY, 0.2, False)

    def referrals(self, plan: Plan, disclosures: dict[str, Disclosure]) -> None:
        staff = self.office_ids["staff"]
        for tip in plan.tips:
            target = disclosures[tip.disclosed_phone] if tip.disclosed_phone else None
            handled = tip.handled_ago is not None
            updated = tip.handled_ago if handled else tip.days_ago
            referral = Referral(
                referrer_id=self.account_ids[tip.referrer_phone],
                name=tip.name,
                whereabouts=tip.whereabouts,
                how_known=tip.how_known,
                status=tip.status,
                staff_note=tip.staff_note,
                disclosure_id=target.id if target else None,
                handled_by_id=staff if handled else None,
                created_at=self.at(tip.days_ago),
                updated_at=self.at(updated),
            )
            self.session.add(referral)
            if target is not None:
                self.session.flush()
                self.audit(staff, "referral_linked", "referral", referral.id, updated)
                body = text.Inbox.REFERRAL_CREDIT_BODY.format(name=target.name)
                referrer = self.account_ids[tip.referrer_phone]
                self.message(referrer, text.Inbox.REFERRAL_CREDIT_TITLE, body, updated, False)
