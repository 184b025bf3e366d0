"""The groundwork of the study demo (study.py): its own seeded generator on top of the visit
demo's members, workers and moments (visit_core.VisitWriter), and the nine weeks of material,
written by the demo staff through services.study and dated from clock.today()."""

import random
from datetime import date, datetime, timedelta

from sqlmodel import Session

from huajin_pwa.demo.records import SEED, Plan
from huajin_pwa.demo.study_material_recent import CORRECTED_WEEK, FRAUD_CORRECTED, NEXT_WEEK, WEEKS
from huajin_pwa.demo.visit_core import Member, VisitWriter
from huajin_pwa.models import StudyAttendance, StudyRecord, StudyVersion, StudyWeek
from huajin_pwa.services import clock, study

STUDY_SEED = SEED * 10 + 4
EDIT_AFTER_DAYS = 3  # the correction is saved on the Thursday of its week


class WeekWriter(VisitWriter):
    """Writes the weeks; keeps them (oldest first) and the moment of the correction."""

    def __init__(
        self, session: Session, plan: Plan, now: datetime, grid_ids, account_ids, office_ids
    ):
        super().__init__(session, plan, now, grid_ids, account_ids, office_ids)
        self.grid_ids: dict[int, int] = grid_ids
        self.rng = random.Random(STUDY_SEED)  # its own draws: the visit demo stays as it was
        self.this_monday = clock.monday(self.today)
        self.weeks: list[StudyWeek] = []
        self.next_week: StudyWeek | None = None
        self.corrected_at: datetime | None = None
        self.records: dict[tuple[int, int], StudyRecord] = {}  # (member id, week index)
        self.attendance: list[StudyAttendance] = []
        self.sessions = 0

    def monday(self, index: int) -> date:
        """The Monday of week `index` (0 the oldest of the eight, 7 this week, 8 next)."""
        return self.this_monday - timedelta(weeks=len(WEEKS) - 1 - index)

    def write_weeks(self) -> None:
        """Eight published weeks (each on its Monday), the next one scheduled, and the
        correction of one (version 2, a few days after it was published)."""
        for index, material in enumerate((*WEEKS, NEXT_WEEK)):
            monday = self.monday(index)
            form = {**material.form(), "week_of": monday.isoformat()}
            form["publish_on"] = monday.isoformat()
            written = self.on(monday - timedelta(days=self.rng.randint(2, 5)), 10.5)
            week = self.act(written, study.write_week, self.staff, form)
            week.created_at = written
            self._restamp_versions(written)
            if index < len(WEEKS):
                self.weeks.append(week)
            else:
                self.next_week = week
        week = self.weeks[CORRECTED_WEEK]
        self.corrected_at = self.on(week.week_of + timedelta(days=EDIT_AFTER_DAYS), 11.25)
        form = {**FRAUD_CORRECTED.form(), "publish_on": week.publish_on.isoformat()}
        self.act(self.corrected_at, study.edit_week, self.staff, week.id, 1, form)
        self._restamp_versions(self.corrected_at)

    def _restamp_versions(self, when: datetime) -> None:
        """Date the version the service just added (not yet flushed) to when it was saved."""
        for row in self.session.new:
            if isinstance(row, StudyVersion):
                row.edited_at = when

    def version_at(self, index: int, moment: datetime) -> int:
        """The version of week `index` a member saw at `moment`."""
        if index == CORRECTED_WEEK and moment < self.corrected_at:
            return 1
        return self.weeks[index].version

    def first_day(self, member: Member, index: int) -> date:
        """The first day member could study week `index`: its Monday, or the day after the
        member's disclosure was approved."""
        return max(self.monday(index), member.approved + timedelta(days=1))

    def last_day(self, index: int) -> date:
        """The last day of week `index` that has come."""
        return min(self.monday(index) + timedelta(days=6), self.today)

    def note(self, member: Member, index: int, how: str, moment: datetime) -> StudyRecord:
        """A study record (added in bulk later); one a member and week."""
        key = (member.account_id, index)
        assert key not in self.records, key
        record = StudyRecord(
            member_id=member.account_id,
            week_id=self.weeks[index].id,
            studied_at=moment,
            how=how,
            version_seen=self.version_at(index, moment),
        )
        self.records[key] = record
        return record
