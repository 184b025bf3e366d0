"""Visit demo: health records and help given for a dozen members, and the monthly duty (a
logged visit every month for the members in difficulty)."""

from datetime import date, timedelta

from huajin_pwa.demo import data
from huajin_pwa.demo.visit_core import FRAIL_PHONE, MEMBER_PHONE, Member, VisitWriter, marked
from huajin_pwa.models import Visit
from huajin_pwa.services import care, clock, visit_work


class CareWriter(VisitWriter):
    # --- health and help records ------------------------------------------------------------

    def care_records(self) -> None:
        flagged = [m for m in self.members if m.person.family_difficulty]
        others = [m for m in self.members if not m.person.family_difficulty]
        member = self.by_phone[MEMBER_PHONE]
        chosen = [member, *flagged, *self.rng.sample([m for m in others if m != member], 7)]
        for member in chosen:
            has = member.person.phone in (MEMBER_PHONE, FRAIL_PHONE) or self.rng.random() < 0.75
            form = {"has_record": "yes" if has else "no"}
            if has:
                year = self.today.year - self.rng.randint(1, 12)
                since = date(year, self.rng.randint(1, 12), 1)
                form["since"] = since.replace(day=self.rng.randint(1, 28)).isoformat()
            day = self.day_between(member.approved + timedelta(days=1), self.today)
            if day is None:
                continue
            when = self.on(day, self.rng.uniform(9, 17))
            record = self.act(when, care.set_health, self.worker(member), member.account_id, form)
            record.updated_at = when
            self.health_records += 1
        frail = self.by_phone[FRAIL_PHONE]
        for member in flagged + [m for m in others if m.person.mobility_limited][:2]:
            if member is frail:
                helps = data.HELPS[:4]  # 送米送油, 代缴水电费, 陪同就医, 助浴
            elif member.person.family_difficulty:
                helps = self.rng.sample(data.HELPS, self.rng.randint(1, 3))
            else:
                helps = [self.rng.choice((data.HELPS[3], data.HELPS[4]))]
            for what, given_by in helps:
                day = self.day_between(member.approved + timedelta(days=1), self.today)
                if day is None:
                    continue
                form = {"what": marked(what), "given_on": day.isoformat(), "given_by": given_by}
                when = self.on(day, self.rng.uniform(14, 18))
                record = self.act(when, care.add_help, self.worker(member), member.account_id, form)
                record.created_at = when
                self.helps += 1

    # --- the monthly duty -------------------------------------------------------------------

    def monthly_duty(self) -> None:
        """A logged visit every month since disclosing; this month only for the visited."""
        last_month = clock.month_start(self.month - timedelta(days=1))
        months = [
            (clock.month_start(last_month - timedelta(days=1)), last_month - timedelta(days=1)),
            (last_month, self.month - timedelta(days=1)),
            (self.month, self.today),
        ]
        earliest = self.today - timedelta(days=visit_work.RECORD_WINDOW_DAYS)
        for member in self.members:
            if not member.person.family_difficulty:
                continue
            for start, end in months:
                low = max(start, member.approved + timedelta(days=1), earliest)
                day = self.day_between(low, min(end, self.latest_day(member)))
                if day is not None:
                    self.log(member, day)

    def log(self, member: Member, day: date) -> Visit:
        reason = "help" if self.rng.random() < 0.3 else "chat"
        form = {"reason": reason, **self.outcome_form(member, reason, day)}
        form["outcome"] = marked(self.rng.choice(data.VISIT_OUTCOMES["duty"]))
        when = self.on(day, self.rng.uniform(9, 17))
        worker = self.worker(member)
        visit = self.act(when, visit_work.log_visit, worker, member.account_id, form)
        visit.created_at = visit.updated_at = when
        if worker is self.staff:  # staff wrote it down; a member of the grid branch went
            other = self.neighbour(member, day)
            if other is not None:
                visit.visitor_id = other.account_id
        return visit
