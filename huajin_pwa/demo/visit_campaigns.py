"""Visit demo: a holiday campaign under way (about half its tasks done) and one that ended
three weeks ago with a few tasks left."""

from datetime import date, timedelta

from sqlalchemy import update
from sqlmodel import select

from huajin_pwa import present, text
from huajin_pwa.demo import data
from huajin_pwa.demo.visit_core import FRAIL_PHONE, Member, VisitWriter, marked
from huajin_pwa.models import Campaign, Visit
from huajin_pwa.services import audit, campaigns, inbox, visit_work, visits

ENDED_DAYS = (45, 22)  # the ended campaign ran from 45 to 22 days ago
CURRENT_DAYS = (10, 20)  # the campaign under way started 10 days ago, ends in 20 days
ENDED_UNFINISHED = 3


class CampaignWriter(VisitWriter):
    # --- holiday campaigns ------------------------------------------------------------------

    def holiday_name(self, day: date) -> str:
        for months, name in data.HOLIDAY_CAMPAIGNS:
            if day.month in months:
                return name
        return data.HOLIDAY_CAMPAIGNS[0][1]

    def ended_campaign(self) -> None:
        """A campaign that ended three weeks ago, written directly (the service refuses an end
        in the past), for the members disclosed by then; a few tasks were never done."""
        starts_on = self.today - timedelta(days=ENDED_DAYS[0])
        ends_on = self.today - timedelta(days=ENDED_DAYS[1])
        name = self.holiday_name(starts_on + (ends_on - starts_on) / 2)
        if name == self.holiday_name(self.today):
            index = [n for _m, n in data.HOLIDAY_CAMPAIGNS].index(name)
            name = data.HOLIDAY_CAMPAIGNS[index - 1][1]
        covered = [m for m in self.members if m.approved < starts_on]
        when = self.on(starts_on, 9)
        campaign = Campaign(
            name=marked(name),
            starts_on=starts_on,
            ends_on=ends_on,
            audience="all",
            task_count=len(covered),
            created_by_id=self.staff.account_id,
            created_at=when,
        )
        self.session.add(campaign)
        self.session.flush()
        tasks = [
            Visit(
                member_id=m.account_id,
                grid_id=m.grid_id,
                source="campaign",
                campaign_id=campaign.id,
                reason="holiday",
                created_by_id=self.staff.account_id,
                created_at=when,
                updated_at=when,
            )
            for m in covered
        ]
        self.session.add_all(tasks)
        self.session.flush()
        per_grid: dict[int, int] = {}
        for task in tasks:
            per_grid[task.grid_id] = per_grid.get(task.grid_id, 0) + 1
        for grid_id, count in sorted(per_grid.items()):  # as campaigns.create_campaign does
            for secretary_id in visits.secretary_ids(self.session, grid_id):
                inbox.send(
                    self.session,
                    secretary_id,
                    text.Campaign.TASKS_TITLE.format(name=campaign.name),
                    text.Campaign.TASKS_BODY.format(
                        name=campaign.name, count=count, end=present.date_label(ends_on)
                    ),
                    "/secretary/tasks",
                )
        audit.record(
            self.session,
            self.staff.account_id,
            "campaign_created",
            "campaign",
            campaign.id,
            campaign.name,
        )
        self.stamp(when)
        left = set(self.rng.sample(range(len(tasks)), min(ENDED_UNFINISHED, len(tasks))))
        for index, (task, member) in enumerate(zip(tasks, covered, strict=True)):
            low = max(starts_on, member.approved + timedelta(days=1))
            day = self.day_between(low, min(ends_on, self.latest_day(member)))
            if index not in left and day is not None:
                self.record(task, self.worker(member), member, "holiday", day)

    def current_campaign(self) -> None:
        """A campaign for every disclosed member, started ten days ago, about half done."""
        starts_on = self.today - timedelta(days=CURRENT_DAYS[0])
        ends_on = self.today + timedelta(days=CURRENT_DAYS[1])
        form = {
            "name": marked(self.holiday_name(self.today)),
            "starts_on": starts_on.isoformat(),
            "ends_on": ends_on.isoformat(),
            "audience": "all",
        }
        when = self.on(starts_on, 9)
        campaign = self.act(when, campaigns.create_campaign, self.staff, form)
        campaign.created_at = when
        self.session.exec(
            update(Visit)
            .where(Visit.campaign_id == campaign.id)
            .values(created_at=when, updated_at=when)
            .execution_options(synchronize_session=False)
        )
        tasks = self.session.exec(
            select(Visit).where(Visit.campaign_id == campaign.id).order_by(Visit.id)
        ).all()
        by_id = self.by_id
        for grid in sorted({m.grid for m in self.members}):
            mine = [t for t in tasks if by_id[t.member_id].grid == grid]
            self.rng.shuffle(mine)
            done = 0
            for task in mine:
                member = by_id[task.member_id]
                low = max(starts_on, member.approved + timedelta(days=1))
                day = self.day_between(low, self.latest_day(member))
                wanted = done < len(mine) // 2 and member.person.phone != FRAIL_PHONE
                if wanted and day is not None:
                    self.record(task, self.worker(member), member, "holiday", day)
                    done += 1
                elif self.rng.random() < 0.3:
                    self.schedule_task(task, member)

    def schedule_task(self, task: Visit, member: Member) -> None:
        worker = self.worker(member)
        other = self.neighbour(member, self.today)
        form = {
            "day": (self.today + timedelta(days=self.rng.randint(1, 10))).isoformat(),
            "part": self.rng.choice(tuple(text.Visit.PARTS)),
            "visitor": other.person.phone if other and worker is self.staff else "",
        }
        when = self.days_ago(self.rng.randint(0, 2), self.rng.uniform(8, 20))
        self.act(when, visit_work.schedule, worker, task.id, task.version, form).updated_at = when
