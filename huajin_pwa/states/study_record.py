"""The member's study record as /me shows it, and the home page's 本周学习 card: mixins the
page states take in, filled from services.study_member."""

import reflex as rx

from huajin_pwa import present, text
from huajin_pwa.services import study_member
from huajin_pwa.services.actor import MEMBER, Actor

T = text.StudyRecordText
RECENT = 5  # weeks listed on /me


class StudyRecordVars(rx.State, mixin=True):
    """/me: weeks studied, the streak, weeks by how, and the last few weeks."""

    study_shown: bool = False
    study_weeks: str = ""
    study_streak: str = ""
    study_by_how: list[str] = []
    study_recent: list[dict[str, str]] = []

    def _load_study_record(self, session, actor: Actor) -> None:
        """Fill the record for a member (nothing shows for anyone else)."""
        self.study_shown = actor.has(MEMBER)
        if not self.study_shown:
            self.study_weeks, self.study_streak, self.study_by_how, self.study_recent = (
                "",
                "",
                [],
                [],
            )
            return
        record = study_member.my_record(session, actor)
        self.study_weeks = T.WEEKS.format(count=record.weeks_studied)
        self.study_streak = T.STREAK.format(count=record.streak)
        self.study_by_how = [
            T.HOW_COUNT.format(how=name, count=record.by_how.get(how, 0))
            for how, name in text.Study.HOW.items()
        ]
        self.study_recent = [
            {
                "key": line.week_of.isoformat(),
                "title": line.title,
                "day": present.date_label(line.week_of),
                "how": text.Study.HOW.get(line.how, ""),
                "changed": text.StudyPage.CHANGED_TAG if line.changed else "",
            }
            for line in record.lines[:RECENT]
        ]


class ThisWeekVars(rx.State, mixin=True):
    """The home page's 本周学习 card: this week's title and whether the member studied it."""

    study_title: str = ""
    study_status: str = ""
    study_done: bool = False

    def _load_this_week(self, session, actor: Actor | None) -> None:
        """Fill the card for a member (it is hidden for anyone else)."""
        line = study_member.this_week(session, actor) if actor and actor.has(MEMBER) else None
        self.study_title = line.week.title if line else ""
        self.study_done = bool(line and line.how)
        if line is None:
            self.study_status = ""
        elif line.how:
            self.study_status = text.StudyPage.STUDIED_HOW.format(how=text.Study.HOW[line.how])
        else:
            self.study_status = text.StudyPage.NOT_STUDIED
