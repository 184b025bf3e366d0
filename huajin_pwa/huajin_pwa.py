"""The app: theme, head, stylesheets and page registration only."""

import reflex as rx

from huajin_pwa import pwa, text
from huajin_pwa.pages.leader.activity import activity_page as leader_activity_page
from huajin_pwa.pages.leader.activity_form import activity_form_page
from huajin_pwa.pages.leader.home import leader_page
from huajin_pwa.pages.leader.hours import hours_page
from huajin_pwa.pages.leader.refer import leader_refer_page
from huajin_pwa.pages.leader.sale import sale_page
from huajin_pwa.pages.member import visit_request, visits
from huajin_pwa.pages.member.activity_checkin import activity_checkin_page
from huajin_pwa.pages.member.checkin import checkin_page
from huajin_pwa.pages.member.hours import my_hours_page
from huajin_pwa.pages.member.me import me_page
from huajin_pwa.pages.member.messages import messages_page
from huajin_pwa.pages.member.refer import refer_page
from huajin_pwa.pages.member.reflect import reflect_page
from huajin_pwa.pages.member.study import study_page, week_page
from huajin_pwa.pages.public import join
from huajin_pwa.pages.public.activities import activities_page
from huajin_pwa.pages.public.activity import activity_page
from huajin_pwa.pages.public.charity import charity_page
from huajin_pwa.pages.public.home import home_page
from huajin_pwa.pages.public.login import login_page
from huajin_pwa.pages.public.reset import issue_page, redeem_page
from huajin_pwa.pages.public.teams import team_page, teams_page
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
from huajin_pwa.pages.staff.teams import staff_team_page, staff_teams_page
from huajin_pwa.states.accounts import AccountsState
from huajin_pwa.states.activities import ActivityState, CalendarState
from huajin_pwa.states.activity_checkin import ActivityScanState, LeaderActivityState
from huajin_pwa.states.activity_form import ActivityFormState
from huajin_pwa.states.audit_log import AuditLogState
from huajin_pwa.states.campaigns import CampaignsState, CampaignState
from huajin_pwa.states.charity import CharityState, LeaderSaleState
from huajin_pwa.states.home import HomeState
from huajin_pwa.states.inbox import InboxState
from huajin_pwa.states.join import JoinState
from huajin_pwa.states.leader import LeaderReferState, LeaderState
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
from huajin_pwa.states.service_hours import LeaderHoursState, MyHoursState
from huajin_pwa.states.session import SessionState
from huajin_pwa.states.staff import StaffState
from huajin_pwa.states.staff_teams import StaffTeamsState, StaffTeamState
from huajin_pwa.states.study_branch import BranchStudyState, HomeStudyState
from huajin_pwa.states.study_checkin import CheckinState
from huajin_pwa.states.study_reading import StudyReadingState
from huajin_pwa.states.study_session import StudySessionState
from huajin_pwa.states.study_sessions import NewStudySessionState, StudySessionsState
from huajin_pwa.states.study_staff import StudyHistoryState, StudyListState
from huajin_pwa.states.study_staff_form import StudyFormState
from huajin_pwa.states.teams import TeamsState, TeamState
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

# 活动日历 and one activity with 报名 / 候补 / 取消
add("/activities", activities_page, text.ActivityPages.CALENDAR_TITLE, CalendarState.load)
add("/activities/[activity_id]", activity_page, text.ActivityPages.DETAIL_TITLE, ActivityState.load)
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

# 队长工作台 (/leader: 入队申请 · 队员 · 活动) and 以老带新 from the roster
add("/leader", leader_page, text.Leader.TITLE, LeaderState.load)
add("/leader/refer/[member_id]", leader_refer_page, text.Leader.REFER_TITLE, LeaderReferState.load)

# 文艺队和志愿服务队: /teams (by kind, a page at a time) and /teams/<id> with 申请加入
add("/teams", teams_page, text.TeamPages.LIST_TITLE, TeamsState.load)
add("/teams/[team_id]", team_page, text.TeamPages.TITLE, TeamState.load)

# staff manage teams and their leaders: /staff/teams, new, /staff/teams/<id>
add("/staff/teams", staff_teams_page, text.StaffTeams.LIST_TITLE, StaffTeamsState.load)
add("/staff/teams/new", staff_team_page, text.StaffTeams.NEW_TITLE, StaffTeamState.load_new)
add("/staff/teams/[team_id]", staff_team_page, text.StaffTeams.EDIT_TITLE, StaffTeamState.load_edit)

# leaders and staff plan, change and cancel activities; /activities/new is a static
# route, so it wins over /activities/[activity_id]
add("/activities/new", activity_form_page, text.ActivityForm.NEW_TITLE, ActivityFormState.load_new)
add(
    "/activities/[activity_id]/edit",
    activity_form_page,
    text.ActivityForm.EDIT_TITLE,
    ActivityFormState.load_edit,
)

# 志愿服务时长 and 义卖: the leader confirms hours, records a sale; /me/hours; /charity
add(
    "/leader/activity/[activity_id]/hours",
    hours_page,
    text.ServiceHours.TITLE,
    LeaderHoursState.load,
)
add("/leader/activity/[activity_id]/sale", sale_page, text.Charity.TITLE, LeaderSaleState.load)
add("/me/hours", my_hours_page, text.ServiceHours.PRINT_TITLE, MyHoursState.load)
add("/charity", charity_page, text.Charity.PUBLIC_TITLE, CharityState.load)

# activity check-in: the leader's page (QR code, live counts, ticks) and the scan page;
# /activities/checkin/<token> has three segments, so /activities/[activity_id] never matches it
add(
    "/leader/activity/[activity_id]",
    leader_activity_page,
    text.ActivityCheckin.TITLE,
    LeaderActivityState.load,
)
add(
    "/activities/checkin/[token]",
    activity_checkin_page,
    text.ActivityCheckin.SCAN_TITLE,
    ActivityScanState.load,
)
