"""Study demo: who studied which week and how. Most members studied most past weeks by
themselves; about 40% have studied this week so far; 行动不便 members had the material taken
home (送学上门: a done visit, reason study, study_at_home, and a "home" record); visits the
visit demo logged with 送学上门 ticked count as studied at home too.

The sign-ins keep their story: 13800000004 studied the last three weeks but not this week;
13800000005 (行动不便) had study taken home before this month (the monthly duty list shows him
not yet visited this month) and has not studied this week; 13800000003 studied this week."""

from datetime import date, datetime, timedelta

from sqlmodel import select

from huajin_pwa.demo import data
from huajin_pwa.demo.study_material_recent import CORRECTED_WEEK
from huajin_pwa.demo.study_sessions import SessionWriter
from huajin_pwa.demo.study_weeks import EDIT_AFTER_DAYS
from huajin_pwa.demo.visit_core import FRAIL_PHONE, MEMBER_PHONE, Member, marked
from huajin_pwa.models import AuditEntry, Visit
from huajin_pwa.services import clock

LEADER_PHONE = "13800000003"
PAST_SHARE = 0.85  # of past weeks a member could study, how many they did
THIS_WEEK_SHARE = 0.45
HOME_THIS_WEEK_SHARE = 0.25  # 行动不便 members whose material was taken home already


class RecordWriter(SessionWriter):
    def study_records(self) -> None:
        """Every member's weeks, after the sessions (whose members studied there)."""
        self.deliveries: list[tuple[Visit, Member]] = []
        self._ticked_on_visits()
        this_week = len(self.weeks) - 1
        for member in self.members:
            for index in range(len(self.weeks)):
                low, high = self.first_day(member, index), self.last_day(index)
                if member.person.phone == MEMBER_PHONE and index == CORRECTED_WEEK:
                    high = min(high, self.monday(index) + timedelta(days=EDIT_AFTER_DAYS - 1))
                if (member.account_id, index) in self.records or low > high:
                    continue
                if self._studies(member, index == this_week, index >= this_week - 3):
                    if member.person.mobility_limited:
                        self._deliver(member, index, low, high)
                    else:
                        day = self.day_between(low, high)
                        self.note(member, index, "self", self.on(day, self.rng.uniform(7.5, 21.5)))
        self._write_deliveries()

    def _studies(self, member: Member, this_week: bool, recent: bool) -> bool:
        phone = member.person.phone
        if phone in (MEMBER_PHONE, FRAIL_PHONE):
            return not this_week and (recent or self.rng.random() < PAST_SHARE)
        if phone == LEADER_PHONE:
            return True
        if this_week and member.person.mobility_limited:
            return self.rng.random() < HOME_THIS_WEEK_SHARE
        return self.rng.random() < (THIS_WEEK_SHARE if this_week else PAST_SHARE)

    def _ticked_on_visits(self) -> None:
        """Visits of the visit demo with 送学上门 ticked: the week of the visit day counts as
        studied at home, as visit_work does when a visit is recorded."""
        first = self.monday(0)
        rows = self.session.exec(
            select(Visit.member_id, Visit.visited_on, Visit.updated_at).where(
                Visit.status == "done",
                Visit.study_at_home.is_(True),
                Visit.visited_on >= first,
            )
        ).all()
        for member_id, visited_on, moment in sorted(rows, key=lambda row: row[2]):
            member = self.by_id.get(member_id)
            index = self._index(visited_on)
            if member is not None and (member_id, index) not in self.records:
                self.note(member, index, "home", moment)

    def _deliver(self, member: Member, index: int, low: date, high: date) -> None:
        """Take the week's material home to a 行动不便 member: never this month for a member the
        monthly duty still has to visit (latest_day), so the duty list stays as it was."""
        day = self.day_between(low, min(high, self.latest_day(member)))
        if day is None:
            return
        moment = self.on(day, self.rng.uniform(9, 17))
        worker = self.worker(member)
        visitor = worker.account_id
        if worker is self.staff:  # staff wrote it down; a member of the grid branch went
            other = self.neighbour(member, day)
            visitor = other.account_id if other is not None else visitor
        visit = Visit(
            member_id=member.account_id,
            grid_id=member.grid_id,
            source="logged",
            reason="study",
            status="done",
            visited_on=day,
            outcome=marked(self.rng.choice(data.VISIT_OUTCOMES["study"])),
            study_at_home=True,
            visitor_id=visitor,
            created_by_id=worker.account_id,
            handled_by_id=worker.account_id,
            created_at=moment,
            updated_at=moment,
        )
        self.deliveries.append((visit, member))
        self.note(member, index, "home", moment)

    def _write_deliveries(self) -> None:
        """The delivery visits in one go, then the audit entries the service would leave."""
        self.session.add_all([visit for visit, _member in self.deliveries])
        self.session.flush()
        self.session.add_all(
            [
                AuditEntry(
                    actor_id=visit.created_by_id,
                    action="study_home",
                    target_type="account",
                    target_id=member.account_id,
                    detail=self.weeks[self._index(visit.visited_on)].title,
                    at=visit.created_at,
                )
                for visit, member in self.deliveries
            ]
        )

    def _index(self, day: date) -> int:
        return (clock.monday(day) - self.monday(0)).days // 7

    def moment_of(self, member: Member, index: int) -> datetime | None:
        """When member studied week `index`, or None."""
        record = self.records.get((member.account_id, index))
        return record.studied_at if record is not None else None
