"""Study demo: 学习心得 across the grids on the last four weeks, some waiting for the branch,
some acknowledged (已阅), some with a reply; with the inbox messages and audit entries the
reflections service would have left. Grid 1 has two waiting; 13800000004's reflection on
last week's material has the secretary's reply."""

from datetime import UTC, datetime, timedelta

from huajin_pwa import text
from huajin_pwa.demo.records import SIGN_IN_PHONES
from huajin_pwa.demo.study_records import LEADER_PHONE, RecordWriter
from huajin_pwa.demo.study_voices import REFLECTIONS, REPLIES
from huajin_pwa.demo.visit_core import MEMBER_PHONE, Member, marked
from huajin_pwa.models import AuditEntry, Message, StudyReflection
from huajin_pwa.services import reflections

T = text.Reflection
# (grid, week index, status, who wrote it: a sign-in, or None for a member drawn by chance)
PLANNED = (
    (1, 6, "commented", MEMBER_PHONE),
    (1, 7, "waiting", None),
    (1, 6, "waiting", None),
    (1, 5, "acknowledged", None),
    (1, 4, "commented", None),
    (2, 7, "waiting", LEADER_PHONE),
    (2, 5, "commented", None),
    (2, 4, "acknowledged", None),
    (3, 6, "waiting", None),
    (3, 5, "acknowledged", None),
    (3, 4, "commented", None),
    (4, 6, "commented", None),
    (4, 5, "waiting", None),
    (5, 7, "waiting", None),
    (5, 6, "acknowledged", None),
    (6, 6, "waiting", None),
    (6, 5, "commented", None),
)


class ReflectionWriter(RecordWriter):
    def study_reflections(self) -> None:
        self.reflections: list[StudyReflection] = []
        said = {index: list(texts) for index, texts in REFLECTIONS.items()}
        replies = list(REPLIES)
        taken: set[tuple[int, int]] = set()
        for grid, index, status, phone in PLANNED:
            member = self._author(grid, index, phone, taken)
            if member is None:
                continue
            taken.add((member.account_id, index))
            body = said[index].pop(0) if said[index] else self.rng.choice(REFLECTIONS[index])
            reply = replies.pop(0) if replies else self.rng.choice(REPLIES)
            self._write(member, index, status, body, reply if status == "commented" else "")
        self.session.add_all(self.reflections)
        self.session.flush()
        self._history()

    def _author(self, grid: int, index: int, phone, taken) -> Member | None:
        """Who wrote it: the sign-in named, else a member of the grid who studied the week."""
        if phone is not None:
            return self.by_phone[phone]
        studied = [
            m
            for m in self.members
            if m.grid == grid
            and m.person.phone not in SIGN_IN_PHONES
            and (m.account_id, index) in self.records
            and (m.account_id, index) not in taken
        ]
        return self.rng.choice(studied) if studied else None

    def _write(self, member: Member, index: int, status: str, body: str, reply: str) -> None:
        studied = self.moment_of(member, index)
        written = self._later(studied, 0.5, 30)
        replied = self._later(written, 3, 40) if status != "waiting" else None
        self.reflections.append(
            StudyReflection(
                member_id=member.account_id,
                week_id=self.weeks[index].id,
                grid_id=member.grid_id,
                body=marked(body),
                status=status,
                reply=marked(reply),
                replied_by_id=self.worker(member).account_id if replied else None,
                replied_at=replied,
                created_at=written,
                updated_at=replied or written,
                version=2 if replied else 1,
            )
        )

    def _later(self, moment: datetime, low_hours: float, high_hours: float) -> datetime:
        later = moment + timedelta(hours=self.rng.uniform(low_hours, high_hours))
        return min(later, self.latest.astimezone(UTC))

    def _history(self) -> None:
        """The messages (to the grid-1 secretary when written, to the member when replied)
        and the audit entries of the replies."""
        prefix = text.Demo.TITLE_PREFIX
        rows: list[Message | AuditEntry] = []
        for reflection in self.reflections:
            week = self.weeks[[w.id for w in self.weeks].index(reflection.week_id)]
            member = self.by_id[reflection.member_id]
            old = (
                reflection.updated_at < self.days_ago(2, 0) and member.person.phone != MEMBER_PHONE
            )
            if member.grid == self.secretary_grid:
                rows.append(
                    Message(
                        account_id=self.secretary.account_id,
                        title=prefix + T.NEW_TITLE,
                        body=T.NEW_BODY.format(name=member.person.name, title=week.title),
                        link="/secretary/reflections",
                        created_at=reflection.created_at,
                        read_at=reflection.replied_at,
                    )
                )
            if reflection.replied_at is None:
                continue
            worker = self.worker(member)
            commented = reflection.status == "commented"
            title, body = (
                (T.COMMENT_TITLE, T.COMMENT_BODY) if commented else (T.ACK_TITLE, T.ACK_BODY)
            )
            rows.append(
                Message(
                    account_id=member.account_id,
                    title=prefix + title,
                    body=body.format(name=worker.name, title=week.title, reply=reflection.reply),
                    link=reflections.link(week),
                    created_at=reflection.replied_at,
                    read_at=reflection.replied_at + timedelta(hours=5) if old else None,
                )
            )
            rows.append(
                AuditEntry(
                    actor_id=worker.account_id,
                    action=f"reflection_{reflection.status}",
                    target_type="study_reflection",
                    target_id=reflection.id,
                    at=reflection.replied_at,
                )
            )
        self.session.add_all(rows)
