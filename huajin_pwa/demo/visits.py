"""上门看望 in the demo (issue 3): requests in every state, the monthly duty, care records and
two holiday campaigns, written through the real services wherever their date rules allow.

What it loads, drawn from random.Random(VISIT_SEED), with every date relative to clock.today():

- Requests (已收到, 已安排, 已完成, 已取消, 未能安排) in every grid, through visits.request_visit,
  visit_work.schedule / decline / record_done and visits.cancel. 13800000004 has one open
  (已收到), one done and one cancelled request; 13800000005 one scheduled, one received and one
  done last month. The secretary of grid 1 (13800000002) has open requests and tasks.
- The monthly duty: every member in difficulty is visited each month since they disclosed
  (visit_work.log_visit); about half of them are visited this month, the rest not yet, and
  13800000005 is always among the not-yet (so the duty list flags her from day 20).
- Health records (care.set_health) and help given (care.add_help) for a dozen members.
- A holiday campaign under way (campaigns.create_campaign, all disclosed members, about half
  of the tasks done) and one that ended three weeks ago with a few tasks left unfinished.

Where the services cannot write history, rows are written directly, as the service would
have: the ended campaign and its tasks (create_campaign refuses an end in the past), and the
scheduling step of a visit already done (schedule refuses a day in the past). The services
stamp rows "now"; each call is restamped to the moment it happened (messages, audit entries,
the visit), so inboxes and histories read in order.

Marked like the rest of the demo: every free text written (notes, outcomes, follow-ups,
decline reasons, help given, campaign names) ends with "（演示数据）", and every message title
starts with "【演示数据】". Visits only happen after the member's disclosure was approved.

The parts: visit_core.py (members, workers, moments, restamped service calls), visit_care.py
(care records, the monthly duty), visit_requests.py, visit_campaigns.py.
"""

from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from huajin_pwa.demo.records import Plan
from huajin_pwa.demo.visit_campaigns import CampaignWriter
from huajin_pwa.demo.visit_care import CareWriter
from huajin_pwa.demo.visit_core import VisitSummary
from huajin_pwa.demo.visit_requests import RequestWriter
from huajin_pwa.models import Visit

__all__ = ["VisitSummary", "seed_visits"]


def seed_visits(
    session: Session,
    plan: Plan,
    now: datetime,
    grid_ids: dict[int, int],
    account_ids: dict[str, int],
    office_ids: dict[str, int],
) -> VisitSummary:
    """Load the visit demo into the caller's transaction (after the members are written)."""
    return _Visits(session, plan, now, grid_ids, account_ids, office_ids).told()


class _Visits(CareWriter, RequestWriter, CampaignWriter):
    """The whole visit demo, told in a fixed order: the one seeded generator draws in it."""

    def run(self) -> VisitSummary:
        self.care_records()
        self.monthly_duty()
        for story in self.stories():
            self.tell(story)
        self.ended_campaign()
        self.current_campaign()
        total = self.session.exec(select(func.count()).select_from(Visit)).one()
        return VisitSummary(total, 2, self.helps, self.health_records)
