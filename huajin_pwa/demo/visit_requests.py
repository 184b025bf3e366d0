"""Visit demo: requests in every state (已收到, 已安排, 已完成, 已取消, 未能安排) in every
grid, told as stories through the member's and the secretary's services."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from huajin_pwa import present, text
from huajin_pwa.demo import data
from huajin_pwa.demo.visit_core import FRAIL_PHONE, MEMBER_PHONE, Member, VisitWriter, marked
from huajin_pwa.models import Visit
from huajin_pwa.services import audit, inbox, visit_work, visits
from huajin_pwa.services.actor import Actor

REASONS = ("chat", "chat", "help", "study", "health", "other")


@dataclass(frozen=True)
class Story:
    """One request and how it went: created int(ago) days ago (the fraction picks the hour),
    then moved on to `status`."""

    member: Member
    status: str
    reason: str
    ago: float
    wish_in: int | None = None  # days from today the member would like it; None: 尽快
    note: str = ""


class RequestWriter(VisitWriter):
    # --- requests ---------------------------------------------------------------------------

    def stories(self) -> list[Story]:
        member, frail = self.by_phone[MEMBER_PHONE], self.by_phone[FRAIL_PHONE]
        stories = [
            Story(member, "done", "health", 19.3),
            Story(member, "cancelled", "study", 9.4, note=data.VISIT_NOTES["study"][0]),
            Story(member, "received", "chat", 1.6, wish_in=3, note=data.VISIT_NOTES["chat"][1]),
            Story(frail, "done", "health", 36.5, note=data.VISIT_NOTES["health"][0]),
            Story(frail, "scheduled", "help", 2.7, note=data.VISIT_NOTES["help"][1]),
            Story(frail, "received", "study", 0.8, note=data.VISIT_NOTES["study"][1]),
        ]
        taken = {(s.member.account_id, s.reason) for s in stories}
        for grid in sorted({m.grid for m in self.members}):
            statuses = ["received", "received", "scheduled", "done", "done"]
            statuses.append("declined" if grid % 2 else "cancelled")
            if grid == self.secretary_grid:
                statuses.append("cancelled")
            for index, status in enumerate(statuses):
                ago = self._age(status, grid + index)
                story = self._story(grid, status, ago, taken)
                if story is not None:
                    taken.add((story.member.account_id, story.reason))
                    stories.append(story)
        return stories

    def _age(self, status: str, turn: int) -> float:
        if status == "received":  # open 0-3 days, 4-7 days and over a week (the staff figures)
            low, high = ((0.0, 2.99), (4.0, 6.99), (8.0, 12.99))[turn % 3]
        elif status == "scheduled":
            low, high = 2.0, 9.0
        elif status == "done":
            low, high = 6.0, 40.0
        else:
            low, high = 3.0, 25.0
        return round(self.rng.uniform(low, high), 3)

    def _story(self, grid: int, status: str, ago: float, taken: set) -> Story | None:
        candidates = [
            m
            for m in self.members
            if m.grid == grid
            and m.person.phone not in (MEMBER_PHONE, FRAIL_PHONE)
            and int(ago) < int(m.person.reviewed_ago)
            and not (status == "done" and m.account_id in self.unvisited)
        ]
        for _try in range(20):
            if not candidates:
                return None
            member, reason = self.rng.choice(candidates), self.rng.choice(REASONS)
            if (member.account_id, reason) in taken:
                continue
            note = self.rng.choice(data.VISIT_NOTES[reason]) if self.rng.random() < 0.6 else ""
            wish_in = self.rng.randint(1, 6) if status in visits.OPEN and ago < 8 else None
            if wish_in is not None and self.rng.random() < 0.4:
                wish_in = None
            return Story(member, status, reason, ago, wish_in, note)
        return None

    def tell(self, story: Story) -> None:
        member, worker = story.member, self.worker(story.member)
        form = {"reason": story.reason, "day": visits.SOON, "note": marked(story.note)}
        if story.wish_in is not None:
            form["day"] = (self.today + timedelta(days=story.wish_in)).isoformat()
            form["part"] = self.rng.choice(tuple(text.Visit.PARTS))
        created_on = self.today - timedelta(days=int(story.ago))
        when = self.on(created_on, 8 + story.ago % 1 * 13)
        visit, created = self.act(when, visits.request_visit, member.actor(), form)
        if not created:  # the stories never give a member two open requests for one reason
            raise RuntimeError(f"demo request doubled: {member.person.phone} {story.reason}")
        visit.created_at = visit.updated_at = when
        later = self.after(when, 1, 20)
        if story.status == "scheduled":
            other = self.neighbour(member, self.today)
            use_other = other is not None and (worker is self.staff or self.rng.random() < 0.4)
            form = {
                "day": (self.today + timedelta(days=self.rng.randint(1, 6))).isoformat(),
                "part": self.rng.choice(tuple(text.Visit.PARTS)),
                "visitor": other.person.phone if use_other else "",
            }
            if member.person.phone == FRAIL_PHONE:
                form = {"day": (self.today + timedelta(days=2)).isoformat(), "part": "pm"}
            args = (worker, visit.id, visit.version, form)
            self.act(later, visit_work.schedule, *args).updated_at = later
        elif story.status == "declined":
            reason = marked(self.rng.choice(data.DECLINE_REASONS))
            args = (worker, visit.id, visit.version, reason)
            self.act(later, visit_work.decline, *args).updated_at = later
        elif story.status == "cancelled":
            self.act(later, visits.cancel, member.actor(), visit.id).updated_at = later
        elif story.status == "done":
            high = min(created_on + timedelta(days=4), self.latest_day(member), self.today)
            day = self.day_between(created_on + timedelta(days=1), high) or created_on
            self.scheduled_before(visit, worker, day, self.after(when, 1, 3))
            self.record(visit, worker, member, story.reason, day)

    def scheduled_before(self, visit: Visit, worker: Actor, day: date, when: datetime) -> None:
        """What visit_work.schedule did for a visit whose day has passed (it refuses one)."""
        member = self.by_id[visit.member_id]
        other = self.neighbour(member, day)
        go = other if other is not None and self.rng.random() < 0.5 else None
        visitor = go.account_id if go else worker.account_id
        visit.status, visit.visit_day = "scheduled", day
        visit.visit_part = self.rng.choice(tuple(text.Visit.PARTS))
        visit.visitor_id, visit.handled_by_id = visitor, worker.account_id
        visit.version += 1
        visit.updated_at = when
        inbox.send(
            self.session,
            visit.member_id,
            text.Visit.SCHEDULED_TITLE,
            text.Visit.SCHEDULED_BODY.format(
                visitor=go.person.name if go else worker.name,
                day=present.date_label(day),
                part=visits.part_name(visit.visit_part),
                reason=visits.reason_name(visit),
            ),
            "/visits",
        )
        audit.record(self.session, worker.account_id, "visit_scheduled", "visit", visit.id)
        self.stamp(when)
