"""The app: theme, head, stylesheets and page registration only."""

import reflex as rx

from huajin_pwa import pwa, text
from huajin_pwa.pages.member import visit_request, visits
from huajin_pwa.pages.member.me import me_page
from huajin_pwa.pages.member.messages import messages_page
from huajin_pwa.pages.member.refer import refer_page
from huajin_pwa.pages.public import join
from huajin_pwa.pages.public.home import home_page
from huajin_pwa.pages.public.login import login_page
from huajin_pwa.pages.public.reset import issue_page, redeem_page
from huajin_pwa.pages.public.soon import soon_page
from huajin_pwa.pages.secretary.duty import duty_page
from huajin_pwa.pages.secretary.member import member_page
from huajin_pwa.pages.secretary.members import members_page
from huajin_pwa.pages.secretary.requests import requests_page, tasks_page
from huajin_pwa.pages.secretary.visit import visit_page
from huajin_pwa.pages.staff.accounts import accounts_page
from huajin_pwa.pages.staff.audit_log import audit_log_page
from huajin_pwa.pages.staff.campaign import campaign_page
from huajin_pwa.pages.staff.campaigns import campaigns_page
from huajin_pwa.pages.staff.home import staff_page
from huajin_pwa.pages.staff.referrals import staff_referrals_page
from huajin_pwa.pages.staff.review import review_page
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
from huajin_pwa.states.review import ReviewState
from huajin_pwa.states.secretary import DutyState, MembersState, RequestsState, TasksState
from huajin_pwa.states.secretary_member import SecretaryMemberState
from huajin_pwa.states.secretary_visit import SecretaryVisitState
from huajin_pwa.states.session import SessionState
from huajin_pwa.states.staff import StaffState
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
for section in ("study", "activities"):
    add(f"/{section}", soon_page(section), text.Soon.TITLES[section], SessionState.refresh)
add("/visits", visits.visits_page, text.VisitPage.TITLE, VisitsState.load)
add("/visits/history", visits.history_page, text.VisitPage.HISTORY, VisitHistoryState.load)
for path, page, load in [
    ("/visits/new", visit_request.reason_page, VisitRequestState.load_reason),
    ("/visits/new/when", visit_request.when_page, VisitRequestState.load_when),
    ("/visits/new/note", visit_request.note_page, VisitRequestState.load_note),
]:
    add(path, page, text.VisitPage.REQUEST, load)
