"""Elder-first numbers on every page of this release, and the PWA shell in a real browser."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from huajin_pwa.demo import activity_cast as cast
from tests.e2e.conftest import TODAY, assert_accessible, open_page, sign_in
from tests.e2e.journeys import SECRETARY, STAFF
from tests.e2e.test_activities_journey import SHOW_DAY, activity_path
from tests.e2e.test_activity_checkin_journey import open_from_leader
from tests.e2e.test_service_hours_journey import activity_pages
from tests.e2e.test_teams_browse import QIAO_PATH, TROUPE_PATH

# Last week's material (the demo's), its page and its large-print page.
STUDY_WEEK = "/study/" + (TODAY - timedelta(days=TODAY.weekday() + 7)).isoformat()
# 学习心得: this week's (the form) and last week's (the demo member's has a reply).
REFLECT = "/study/" + (TODAY - timedelta(days=TODAY.weekday())).isoformat() + "/reflect"
# 活动日历: next week (the demo's 演出 and members-only 学习 are within a week of today).
NEXT_WEEK = "/activities?week=" + (TODAY + timedelta(days=7 - TODAY.weekday())).isoformat()

PUBLIC_PAGES = [
    "/",
    "/login",
    "/login/reset",
    "/join",
    "/join/name",
    "/join/account",
    "/study",
    "/activities",
    NEXT_WEEK + "&kind=show",  # 活动日历: next week's shows
    "/activities?kind=service",
    "/teams",
    "/teams?kind=troupe",
    QIAO_PATH,
    "/charity",  # 义卖善款 (helper 6)
]
MEMBER_PAGES = [
    "/",
    "/me",
    "/messages",
    "/me/refer",
    "/me/hours",  # the printable service-hours summary (helper 6)
    "/visits",
    "/visits/new",
    "/visits/history",
    "/study",
    STUDY_WEEK,
    STUDY_WEEK + "/print",
    "/leader",  # 您还不是队长
    "/study/checkin/" + "x" * 32,  # a check-in link (this one refused: it changes nothing)
    "/activities/checkin/" + "x" * 32,  # an activity's check-in link (refused: changes nothing)
    REFLECT,
    STUDY_WEEK + "/reflect",
    "/activities",  # members-only activities and 我：已报名 on the rows
    NEXT_WEEK,
    "/teams",  # 我的队伍 on top
    TROUPE_PATH,  # in it: 已入队 and 退出队伍
]
SECRETARY_PAGES = [
    "/secretary",
    "/secretary/duty",
    "/secretary/tasks",
    "/secretary/members",
    "/secretary/sessions",
    "/secretary/sessions/new",
    "/secretary/study",
    "/secretary/home-study",
    "/secretary/reflections",
    "/secretary/reflections?show=all",
]
# The activity form (its edit page is checked at 320 px and 特大 in test_activity_form).
ACTIVITY_FORM_PAGES = ["/activities/new"]
# The team leader (13800000003 leads 华锦艺术团 and 老红帽): the workbench's tabs, the referral
# form's refusal (the form itself is checked in test_leader_journey).
LEADER = ("13800000003", "135790")
LEADER_PAGES = [
    "/leader",
    "/leader?tab=members",
    "/leader?tab=activities",
    "/leader/refer/0",
]
PAGES_BY_SIGN_IN = [
    (None, PUBLIC_PAGES),
    (("13800000004", "246810"), MEMBER_PAGES),
    (SECRETARY, SECRETARY_PAGES),
    (
        STAFF,
        [
            "/staff",
            "/staff/campaigns",
            "/staff/study",
            "/staff/study/new",
            "/staff/teams",
            "/staff/teams/new",
        ],
    ),
    (LEADER, ACTIVITY_FORM_PAGES + LEADER_PAGES),  # a team leader at work
]

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"
ROOT_SIZE = "getComputedStyle(document.documentElement).fontSize"
SMALLEST_PRIMARY_BUTTON = """() => Math.min(
  ...[...document.querySelectorAll('main .hj-btn-primary')]
  .filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().height))"""


def check_page(page, url: str) -> None:
    if url.endswith("/print"):  # a plain page served by the backend: no app to wait for
        page.goto(url)
    else:
        open_page(page, url)
    assert_accessible(page)
    assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{url} scrolls sideways"
    if page.locator("main .hj-btn-primary").count():
        assert page.evaluate(SMALLEST_PRIMARY_BUTTON) >= 60, f"{url}: a primary button under 60 px"


def test_an_activity_page_at_largest_text(app_url, browser):
    """The show's page signed out (登录后报名) and a member's (报名, 取消报名 asked inline)."""
    context = browser.new_context(viewport={"width": 320, "height": 740}, locale="zh-CN")
    page = context.new_page()
    path = activity_path(page, app_url, cast.SHOW_TITLE, SHOW_DAY, "show")
    page.get_by_role("button", name="特大").click()
    check_page(page, app_url + path)
    expect(page.get_by_role("link", name="登录后报名")).to_be_visible()
    sign_in(page, app_url, "13800000004", "246810")
    check_page(page, app_url + path)
    expect(page.locator("#signup .hj-btn").first).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", [360, 320])
def test_pages_at_largest_text_on_narrow_phones(app_url, browser, width):
    for who, urls in PAGES_BY_SIGN_IN:
        context = browser.new_context(viewport={"width": width, "height": 740}, locale="zh-CN")
        page = context.new_page()
        open_page(page, app_url + "/")
        page.get_by_role("button", name="特大").click()
        expect(page.locator("html")).to_have_attribute("data-text-size", "xlarge")
        assert page.evaluate(ROOT_SIZE) == "30px"
        if who:
            sign_in(page, app_url, *who)
        for url in urls:
            check_page(page, app_url + url)
        context.close()


def test_text_size_is_remembered_on_the_device(app_url, phone):
    open_page(phone, app_url + "/")
    phone.get_by_role("button", name="大", exact=True).click()
    expect(phone.get_by_role("button", name="大", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    phone.reload()
    expect(phone.locator("html")).to_have_attribute("data-text-size", "large")
    assert phone.evaluate(ROOT_SIZE) == "25px"


def test_staff_pages(app_url, phone):
    sign_in(phone, app_url, *STAFF)
    check_page(phone, app_url + "/staff")
    expect(phone.locator("#by-grid li")).to_have_count(6)
    check_page(phone, app_url + "/staff/referrals")
    expect(phone.get_by_text("推荐人：").first).to_be_visible()


def test_roles_guard_pages(app_url, new_phone):
    stranger = new_phone()
    open_page(stranger, app_url + "/staff")
    expect(stranger).to_have_url(app_url + "/login")
    member = new_phone()
    sign_in(member, app_url, "13800000004", "246810")
    open_page(member, app_url + "/staff")
    expect(member).to_have_url(app_url + "/")


def test_installable_shell_and_offline_page(app_url, phone):
    open_page(phone, app_url + "/")
    assert phone.locator("html").get_attribute("lang") == "zh-CN"
    manifest = phone.locator('link[rel="manifest"]').get_attribute("href")
    response = phone.request.get(app_url + manifest)
    assert response.ok and response.json()["lang"] == "zh-CN"
    phone.wait_for_function("() => navigator.serviceWorker.ready.then(() => true)")
    assert phone.evaluate("navigator.serviceWorker.controller !== null || true")
    open_page_offline = phone.request.get(app_url + "/offline")
    assert open_page_offline.ok and "现在没有网络" in open_page_offline.text()
    phone.reload()
    phone.wait_for_function("() => navigator.serviceWorker.controller !== null")
    phone.context.set_offline(True)
    phone.goto(app_url + "/me")
    expect(phone.get_by_role("heading", name="现在没有网络")).to_be_visible()
    assert_accessible(phone)
    phone.context.set_offline(False)


SPEECH_SPY = """
window.__spoken = [];
const fakeSynth = {
  speaking: false,
  speak(u) { window.__spoken.push({ text: u.text, lang: u.lang }); this.speaking = true; },
  cancel() { this.speaking = false; },
};
Object.defineProperty(window, 'speechSynthesis', { get: () => fakeSynth });
"""


def test_read_aloud_speaks_the_text_in_chinese_and_stops(app_url, phone):
    phone.add_init_script(SPEECH_SPY)
    open_page(phone, app_url + "/join")
    button = phone.get_by_role("button", name="朗读")
    button.click()
    spoken = phone.evaluate("window.__spoken")
    assert len(spoken) == 1 and spoken[0]["lang"] == "zh-CN"
    assert "组织关系在外地" in spoken[0]["text"]
    stop = phone.locator("#say-join-intro")
    expect(stop).to_have_attribute("aria-pressed", "true")
    expect(stop.get_by_text("停止朗读")).to_be_visible()
    stop.click()
    expect(stop).to_have_attribute("aria-pressed", "false")
    assert phone.evaluate("window.speechSynthesis.speaking") is False


# the leader's check-in page of the activity under way; its id comes from /leader (helper 5)
@pytest.mark.parametrize("width", [360, 320])
def test_the_leaders_activity_page_at_largest_text(app_url, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 740}, locale="zh-CN")
    page = context.new_page()
    open_page(page, app_url + "/")
    page.get_by_role("button", name="特大").click()
    sign_in(page, app_url, "13800000003", "135790")
    open_from_leader(page, app_url)
    check_page(page, page.url)
    context.close()


# the leader's hours page and staff's sale page; ids from the demo database (helper 6)
@pytest.mark.parametrize("width", [360, 320])
def test_the_hours_and_sale_pages_at_largest_text(app_url, browser, demo_id, width):
    pages = activity_pages(demo_id)
    for who, url in ((LEADER, pages["hours"]), (STAFF, pages["sale"])):
        context = browser.new_context(viewport={"width": width, "height": 740}, locale="zh-CN")
        page = context.new_page()
        open_page(page, app_url + "/")
        page.get_by_role("button", name="特大").click()
        sign_in(page, app_url, *who)
        check_page(page, app_url + url)
        expect(page.locator("#activity-about")).to_be_visible()  # found, not refused
        context.close()
