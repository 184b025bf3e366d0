"""周周讲进家庭 in the demo (issue 4): eight weeks of study material and the next one
scheduled, who studied what and how, 学习心得 with the branch's replies, and the grid branches'
study sessions with their attendance; every date relative to clock.today().

- Material (study_material.py, study_material_recent.py): eight weeks written for this app,
  the Mondays up to and including this week, each published on its Monday, and next week's
  scheduled; written by the demo staff through services.study. 防范养老诈骗 (two weeks ago) was
  corrected on its Thursday (version 2), so members who studied it before see that it changed.
- Sessions (study_sessions.py), through services.study_sessions: a day session and a 夜学 in
  every grid, one more day session in grids 1 to 3, a handful of members at each (ticked or
  scanned in), whose week counts as studied there ("group" or "night"); a 夜学 coming up in
  grid 1 this week.
- Study records (study_records.py): see there; 13800000004 studied the last three weeks, not
  this one; 13800000005 (行动不便) had study taken home before this month, not this week.
- 学习心得 (study_reflections.py, texts in study_voices.py): seventeen across the grids.

Drawn from its own random.Random(STUDY_SEED), after the visit demo (visits.py), whose
members, workers and moments it shares (visit_core.VisitWriter); rows it writes directly go in
bulk. Marked like the rest of the demo: each body ends with a 演示数据 line, reflections,
replies, places and visit outcomes end with "（演示数据）", message titles start with
"【演示数据】"."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from huajin_pwa.demo.records import Plan
from huajin_pwa.demo.study_reflections import ReflectionWriter

__all__ = ["StudySummary", "seed_study"]


@dataclass(frozen=True)
class StudySummary:
    """What the study demo loaded."""

    weeks: int
    records: int
    reflections: int
    sessions: int


def seed_study(
    session: Session,
    plan: Plan,
    now: datetime,
    grid_ids: dict[int, int],
    account_ids: dict[str, int],
    office_ids: dict[str, int],
) -> StudySummary:
    """Load the study demo into the caller's transaction (after the visit demo)."""
    return _Study(session, plan, now, grid_ids, account_ids, office_ids).told()


class _Study(ReflectionWriter):
    """The whole study demo, in a fixed order: the one seeded generator draws in it."""

    def run(self) -> StudySummary:
        self.write_weeks()
        self.study_sessions()
        self.study_records()
        self.session.add_all(self.attendance)
        self.session.add_all(self.records.values())
        self.study_reflections()
        return StudySummary(
            weeks=len(self.weeks) + 1,
            records=len(self.records),
            reflections=len(self.reflections),
            sessions=self.sessions,
        )
