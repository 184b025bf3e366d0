"""Every user-facing string, in simplified Chinese, in one place: this package. Import it as
`from huajin_pwa import text` and use `text.Visit.REASONS` and the like; each module holds
the strings of one area."""

from huajin_pwa.text.activities import ActivityPages, SignupRules  # noqa: F401
from huajin_pwa.text.activity_checkin import ActivityCheckin  # noqa: F401
from huajin_pwa.text.activity_form import ActivityForm  # noqa: F401
from huajin_pwa.text.common import (  # noqa: F401
    APP_DESCRIPTION,
    APP_NAME,
    APP_SHORT_NAME,
    COMMUNITY,
    DEMO_MARK,
    WEEKDAYS,
    Demo,
    Err,
    Field,
    Kit,
    Nav,
    Offline,
    Pwa,
    Status,
)
from huajin_pwa.text.joining import Auth, Behalf, Home, Inbox, Join, Me, Refer, ReferralRule, Reset  # noqa: F401
from huajin_pwa.text.leader import Leader  # noqa: F401
from huajin_pwa.text.office import Accounts, Audit, AuditLog, Staff, StaffReferral  # noqa: F401
from huajin_pwa.text.reflections import Reflection  # noqa: F401
from huajin_pwa.text.service_hours import Charity, ServiceHours  # noqa: F401
from huajin_pwa.text.staff_teams import StaffTeams  # noqa: F401
from huajin_pwa.text.study import Study  # noqa: F401
from huajin_pwa.text.study_branch import StudyBranch  # noqa: F401
from huajin_pwa.text.study_pages import PrintPage, ReadAloud, StudyPage, StudyRecordText  # noqa: F401
from huajin_pwa.text.study_sessions import StudySessions  # noqa: F401
from huajin_pwa.text.study_staff import StudyStaff  # noqa: F401
from huajin_pwa.text.team_pages import TeamPages  # noqa: F401
from huajin_pwa.text.teams import TeamWords  # noqa: F401
from huajin_pwa.text.visit_work import CampaignPage, SecretaryPage, SecretaryVisitPage  # noqa: F401
from huajin_pwa.text.visits import Campaign, Care, Visit, VisitPage, VisitWork  # noqa: F401
