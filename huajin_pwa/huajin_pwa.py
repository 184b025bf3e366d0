"""The app: theme, head, stylesheets and page registration only."""

import reflex as rx

from huajin_pwa import pwa, text
from huajin_pwa.pages.member import visit_request, visits
from huajin_pwa.pages.member.checkin import checkin_page
from huajin_pwa.pages.member.me import me_page
from huajin_pwa.pages.member.messages import messages_page
from huajin_pwa.pages.member.refer import refer_page
from huajin_pwa.pages.member.reflect import reflect_page
from huajin_pwa.pages.member.study import study_page, week_page
from huajin_pwa.pages.public import join
from huajin_pwa.pages.public.home import home_page
from huajin_pwa.pages.public.login import login_page
from huajin_pwa.pages.public.reset import issue_page, redeem_page
from huajin_pwa.pages.public.soon import soon_page
from huajin_pwa.pages.secretary.duty import duty_page
from huajin_pwa.pages.secretary.home_study import home_study_page
from huajin_pwa.pages.secretary.member import member_page
from huajin_pwa.pages.secretary.members import members_page
from huajin_pwa.pages.secretary.reflections import reflections_page
from huajin_pwa.pages.secretary.requests import requests_page, tasks_page
from huajin_pwa.pages.secretary.session import session_page
from huajin_pwa.pages.secretary.sessions import new_session_page, sessions_page
from huajin_pwa.pages.secretary.study import study_page as branch_study_page
from huajin_pwa.pages.secretary.visit import visit_page
from huajin_pwa.pages.staff.accounts import accounts_page
from huajin_pwa.pages.staff.audit_log import audit_log_page
from huajin_pwa.pages.staff.campaign import campaign_page
from huajin_pwa.pages.staff.campaigns import campaigns_page
from huajin_pwa.pages.staff.home import staff_page
from huajin_pwa.pages.staff.referrals import staff_referrals_page
from huajin_pwa.pages.staff.review import review_page
from huajin_pwa.pages.staff.study import study_list_page
from huajin_pwa.pages.staff.study_form import study_form_page
from huajin_pwa.pages.staff.study_history import study_history_page
from huajin_pwa.states.accounts import AccountsState
from huajin_pwa.states.audit_log import AuditLogState
from huajin_pwa.states.campaigns import CampaignsState, CampaignState
from huajin_pwa.states.home import HomeState
from huajin_pwa.states.inbox import InboxState
from huajin_pwa.states.join import JoinState
from huajin_pwa.states.login import LoginState
from huajin_pwa.states.me import MeState
from huajin_pwa.states.pin_reset import IssueResetState, RedeemResetState
from huajin_pwa.states.referrals import ReferState, StaffReferralState
from huajin_pwa.states.reflection_member import ReflectState
from huajin_pwa.states.reflections import ReflectionsState
from huajin_pwa.states.review import ReviewState
from huajin_pwa.states.secretary import DutyState, MembersState, RequestsState, TasksState
from huajin_pwa.states.secretary_member import SecretaryMemberState
from huajin_pwa.states.secretary_visit import SecretaryVisitState
from huajin_pwa.states.session import SessionState
from huajin_pwa.states.staff import StaffState
from huajin_pwa.states.study_branch import BranchStudyState, HomeStudyState
from huajin_pwa.states.study_checkin import CheckinState
from huajin_pwa.states.study_reading import StudyReadingState
from huajin_pwa.states.study_session import StudySessionState
from huajin_pwa.states.study_sessions import NewStudySessionState, StudySessionsState
from huajin_pwa.states.study_staff import StudyHistoryState, StudyListState
from huajin_pwa.states.study_staff_form import StudyFormState
from huajin_pwa.states.visit_request import VisitRequestState
from huajin_pwa.states.visits import VisitHistoryState, VisitsState

app = rx.App(
    html_lang="zh-CN",
    stylesheets=["/huajin.css"],
    head_components=[rx.el.script(src="/huajin.js"), *pwa.head_components()],
    api_transformer=pwa.api_app(),
)


def add(route: str, component, title: str, on_load) -> None:
    """Register one page with its title."""
    app.add_page(component, route=route, title=f"{title} - {text.APP_NAME}", on_load=on_load)


add("/", home_page, text.Home.TITLE, HomeState.load)
add("/login", login_page, text.Auth.TITLE, LoginState.load)
add("/login/reset", redeem_page, text.Reset.TITLE, RedeemResetState.load)
add("/reset-pin", issue_page, text.Reset.HELPER_TITLE, IssueResetState.load)
add("/me", me_page, text.Me.TITLE, MeState.load)
add("/me/refer", refer_page, text.Refer.TITLE, ReferState.load)
add("/messages", messages_page, text.Inbox.TITLE, InboxState.load)
add("/secretary", requests_page, text.SecretaryPage.REQUESTS_TITLE, RequestsState.load)
add("/secretary/tasks", tasks_page, text.SecretaryPage.TASKS_TITLE, TasksState.load)
add("/secretary/duty", duty_page, text.SecretaryPage.NAV["duty"], DutyState.load)
add("/secretary/members", members_page, text.SecretaryPage.MEMBERS_TITLE, MembersState.load)
add(
    "/secretary/visit/[visit_id]",
    visit_page,
    text.SecretaryVisitPage.TITLE,
    SecretaryVisitState.load,
)
add(
    "/secretary/member/[member_id]",
    member_page,
    text.SecretaryVisitPage.MEMBER_TITLE,
    SecretaryMemberState.load,
)
add("/staff", staff_page, text.Staff.TITLE, StaffState.load)
add("/staff/accounts", accounts_page, text.Accounts.TITLE, AccountsState.load)
add("/staff/audit", audit_log_page, text.AuditLog.TITLE, AuditLogState.load)
add("/staff/referrals", staff_referrals_page, text.Staff.REFERRAL_LIST, StaffReferralState.load)
add("/staff/disclosures/[disclosure_id]", review_page, text.Staff.DETAIL, ReviewState.load)
add("/staff/campaigns", campaigns_page, text.CampaignPage.TITLE, CampaignsState.load)
add("/staff/study", study_list_page, text.StudyStaff.TITLE, StudyListState.load)
add("/staff/study/new", study_form_page, text.StudyStaff.NEW_TITLE, StudyFormState.load_new)
add("/staff/study/[week_id]", study_form_page, text.StudyStaff.EDIT_TITLE, StudyFormState.load_edit)
add(
    "/staff/study/[week_id]/history",
    study_history_page,
    text.StudyStaff.HISTORY_TITLE,
    StudyHistoryState.load,
)
add(
    "/staff/campaigns/[campaign_id]",
    campaign_page,
    text.CampaignPage.DETAIL,
    CampaignState.load,
)
add("/join", join.intro_page, text.Join.TITLE, JoinState.load("intro"))
add("/join/done", join.done_page, text.Join.TITLE, SessionState.refresh)
add("/join/check", join.check_page, text.Join.TITLE, JoinState.load("check"))
for step, page in [
    ("name", join.name_page),
    ("account", join.account_page),
    ("basic", join.basic_page),
    ("address", join.address_page),
    ("org", join.org_page),
    ("moved_in", join.moved_in_page),
    ("needs", join.needs_page),
    ("hobbies", join.hobbies_page),
    ("consent", join.consent_page),
]:
    add(f"/join/{step.replace('_', '-')}", page, text.Join.TITLE, JoinState.load(step))
add("/activities", soon_page("activities"), text.Soon.TITLES["activities"], SessionState.refresh)
add("/study", study_page, text.StudyPage.TITLE, StudyReadingState.load)
add("/study/[week]", week_page, text.StudyPage.TITLE, StudyReadingState.load_week)
add("/visits", visits.visits_page, text.VisitPage.TITLE, VisitsState.load)
add("/visits/history", visits.history_page, text.VisitPage.HISTORY, VisitHistoryState.load)
for path, page, load in [
    ("/visits/new", visit_request.reason_page, VisitRequestState.load_reason),
    ("/visits/new/when", visit_request.when_page, VisitRequestState.load_when),
    ("/visits/new/note", visit_request.note_page, VisitRequestState.load_note),
]:
    add(path, page, text.VisitPage.REQUEST, load)

# study sessions (集中学习, 夜学) and checking in to them
add("/secretary/sessions", sessions_page, text.StudySessions.LIST_TITLE, StudySessionsState.load)
add(
    "/secretary/sessions/new",
    new_session_page,
    text.StudySessions.NEW_TITLE,
    NewStudySessionState.load,
)
add(
    "/secretary/session/[session_id]",
    session_page,
    text.StudySessions.TITLE,
    StudySessionState.load,
)
add("/study/checkin/[token]", checkin_page, text.StudySessions.CHECKIN_TITLE, CheckinState.load)

# branch progress and 送学上门
add("/secretary/study", branch_study_page, text.StudyBranch.TITLE, BranchStudyState.load)
add("/secretary/home-study", home_study_page, text.StudyBranch.HOME_TITLE, HomeStudyState.load)

# 学习心得: the member writes, the grid secretary replies
add("/study/[week]/reflect", reflect_page, text.Reflection.TITLE, ReflectState.load)
add("/secretary/reflections", reflections_page, text.Reflection.LIST_TITLE, ReflectionsState.load)
