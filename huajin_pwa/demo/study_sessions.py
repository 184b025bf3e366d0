"""Study demo: the grid branches' study sessions (a day session three weeks ago and a 夜学
two weeks ago in every grid, one more day session last week in grids 1 to 3), with a handful
of members at each (ticked by the secretary or scanned in) whose week counts as studied there;
and a 夜学 coming up in grid 1 this week, planned through services.study_sessions. The past
ones are written as that service would have (it plans nothing more than a week back)."""

import secrets
from datetime import date, timedelta

from huajin_pwa.demo.records import BUILDINGS_PER_GRID
from huajin_pwa.demo.study_weeks import WeekWriter
from huajin_pwa.demo.visit_core import FRAIL_PHONE, MEMBER_PHONE, Member, marked
from huajin_pwa.models import AuditEntry, StudyAttendance, StudySession
from huajin_pwa.services import study_sessions
from huajin_pwa.services.actor import Actor

HALL = "社区党群服务中心二楼会议室"
ROOM = "社区党群服务中心一楼活动室"
UPCOMING = "3栋架空层"  # in grid 1
UPCOMING_GRID = 1
STUDY_HOW = {"day": "group", "night": "night"}
# (week index, days after its Monday, part, starts at, grids): the past sessions
PAST = (
    (4, 2, "day", "09:30", (1, 2, 3, 4, 5, 6)),
    (5, 3, "night", "19:00", (1, 2, 3, 4, 5, 6)),
    (6, 1, "day", "15:00", (1, 2, 3)),
)


class SessionWriter(WeekWriter):
    def study_sessions(self) -> None:
        """The past sessions with their attendance, then the one coming up."""
        past = []
        for index, after, part, starts_at, grids in PAST:
            held_on = self.monday(index) + timedelta(days=after)
            for grid in grids:
                place = HALL if part == "day" else self._building_place(grid)
                row = self._past(grid, index, held_on, part, starts_at, place)
                past.append((row, index, grid))
        self.session.add_all([row for row, _index, _grid in past])
        self.session.flush()
        self.session.add_all([self._planned(row) for row, _index, _grid in past])
        for row, index, grid in past:
            self._attend(row, index, grid)
        self._upcoming()

    def _building_place(self, grid: int) -> str:
        if self.rng.random() < 0.3:
            return ROOM
        first = (grid - 1) * BUILDINGS_PER_GRID + 1
        return f"{self.rng.randint(first, first + BUILDINGS_PER_GRID - 1)}栋架空层"

    def _organiser(self, grid: int) -> Actor:
        return self.secretary if grid == self.secretary_grid else self.staff

    def _past(
        self, grid: int, index: int, held_on: date, part: str, starts_at: str, place: str
    ) -> StudySession:
        self.sessions += 1
        return StudySession(
            grid_id=self.grid_ids[grid],
            week_id=self.weeks[index].id,
            held_on=held_on,
            part=part,
            starts_at=starts_at,
            place=marked(place),
            token=secrets.token_urlsafe(24),
            created_by_id=self._organiser(grid).account_id,
            created_at=self.on(held_on - timedelta(days=self.rng.randint(2, 5)), 16.5),
        )

    def _planned(self, row: StudySession) -> AuditEntry:
        return AuditEntry(
            actor_id=row.created_by_id,
            action="study_session_scheduled",
            target_type="study_session",
            target_id=row.id,
            at=row.created_at,
        )

    def _attend(self, row: StudySession, index: int, grid: int) -> None:
        """A handful of the grid's members who could walk there and had not studied yet
        (13800000004 studies by herself: she saw 防范养老诈骗 before it was corrected)."""
        start = int(row.starts_at[:2]) + int(row.starts_at[3:]) / 60
        eligible = [
            m
            for m in self.members
            if m.grid == grid
            and m.approved < row.held_on
            and not m.person.mobility_limited
            and m.person.phone not in (FRAIL_PHONE, MEMBER_PHONE)
            and (m.account_id, index) not in self.records
        ]
        count = min(len(eligible), self.rng.randint(4, 7))
        for member in self.rng.sample(eligible, count):
            self._check_in(row, index, grid, member, start)

    def _check_in(self, row: StudySession, index: int, grid: int, member: Member, start: float):
        scanned = self.rng.random() < 0.5
        hour = start + (self.rng.uniform(-0.2, 0.2) if scanned else self.rng.uniform(1.5, 2))
        moment = self.on(row.held_on, hour)
        by = member.account_id if scanned else self._organiser(grid).account_id
        self.attendance.append(
            StudyAttendance(
                session_id=row.id,
                member_id=member.account_id,
                via="scan" if scanned else "tick",
                recorded_by_id=by,
                checked_in_at=moment,
            )
        )
        self.note(member, index, STUDY_HOW[row.part], moment)

    def _upcoming(self) -> None:
        """This week's 夜学 in grid 1: on Thursday, or today when Thursday has passed."""
        held_on = max(self.today, self.this_monday + timedelta(days=3))
        form = {
            "grid": str(self.grid_ids[UPCOMING_GRID]),
            "week": str(self.weeks[-1].id),
            "held_on": held_on.isoformat(),
            "part": "night",
            "starts_at": "19:00",
            "place": marked(UPCOMING),
        }
        planned = self.on(self.this_monday, 9.5)
        row = self.act(planned, study_sessions.schedule, self.secretary, form)
        row.created_at = planned
        self.sessions += 1
