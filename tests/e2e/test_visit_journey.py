"""上门看望 in the browser: a member asks in three taps, the secretary confirms and records the
visit, the member follows it; the monthly duty list flags a member nobody has visited."""

import re
from datetime import timedelta

from playwright.sync_api import Page, expect

from huajin_pwa import present
from tests.e2e.conftest import TODAY, assert_accessible, open_page, sign_in
from tests.e2e.journeys import SECRETARY, STAFF

MEMBER = ("13800000004", "246810")
MEMBER_NAME = "李秀兰"
FRAIL_MEMBER_NAME = "赵德明"  # 13800000005: in difficulty, not visited yet this month


def visit_id_of(card) -> str:
    return card.get_attribute("id").removeprefix("visit-")


def request_in_three_taps(member: Page, app_url: str) -> str:
    """请求上门, then reason, day, 提交: returns the new visit's id."""
    open_page(member, app_url + "/")
    member.locator("#request-visit").click()
    expect(member).to_have_url(app_url + "/visits/new")
    assert_accessible(member)
    tomorrow = TODAY + timedelta(days=1)
    member.get_by_role("link", name="健康关怀", exact=True).click()  # tap 1
    expect(member.locator("#when-soon")).to_be_visible()
    assert_accessible(member)
    member.locator(f"#day-{tomorrow.isoformat()}").click()  # tap 2
    expect(member.locator("#visit-submit")).to_be_visible()
    assert_accessible(member)
    member.locator("#visit-submit").click()  # tap 3
    expect(member).to_have_url(app_url + "/visits")
    card = member.locator(".hj-card[id^='visit-']", has_text="健康关怀").first
    expect(card).to_contain_text("已收到")
    expect(card).to_contain_text(present.date_label(tomorrow))
    assert_accessible(member)
    return visit_id_of(card)


def test_member_asks_secretary_confirms_and_records_member_sees_it(app_url, new_phone):
    member = new_phone()
    sign_in(member, app_url, *MEMBER)
    visit_id = request_in_three_taps(member, app_url)

    secretary = new_phone()
    sign_in(secretary, app_url, *SECRETARY)
    open_page(secretary, app_url + "/messages")
    expect(secretary.get_by_text("新的上门请求").first).to_be_visible()
    open_page(secretary, app_url + f"/secretary/visit/{visit_id}")
    expect(secretary.locator("#member-card")).to_contain_text(MEMBER_NAME)
    assert_accessible(secretary)
    visit_day = TODAY + timedelta(days=2)
    schedule = secretary.locator("#schedule-form")
    schedule.locator("#f-day").fill(visit_day.isoformat())
    schedule.get_by_label("下午").check()
    secretary.locator("#schedule-submit").click()
    expect(secretary.locator("#visit-status")).to_contain_text("已安排")

    open_page(member, app_url + "/visits")
    card = member.locator(f"#visit-{visit_id}")
    expect(card).to_contain_text("已安排")
    expect(card).to_contain_text(f"{present.date_label(visit_day)}")
    expect(card).to_contain_text("下午")
    expect(card).to_contain_text("刘桂珍")  # the secretary goes herself

    done = secretary.locator("#done-form")
    done.locator("#f-visited_on").fill(TODAY.isoformat())
    done.locator("#f-outcome").fill("量了血压，聊了家常，身体不错")
    secretary.locator("#done-submit").click()
    expect(secretary.locator("#visit-status")).to_contain_text("已完成")
    expect(secretary.locator("#visit-closed")).to_be_visible()

    open_page(member, app_url + "/visits")
    expect(member.locator(f"#visit-{visit_id}")).to_contain_text("已完成")
    open_page(member, app_url + "/visits/history")
    entry = member.locator(f"#history-{visit_id}")
    expect(entry).to_contain_text("量了血压")
    expect(entry).to_contain_text(present.date_label(TODAY))
    assert_accessible(member)
    open_page(member, app_url + "/messages")
    expect(member.get_by_text("上门看望已完成").first).to_be_visible()


def test_a_second_request_for_the_same_reason_meets_the_open_one(app_url, phone):
    sign_in(phone, app_url, *MEMBER)
    open_page(phone, app_url + "/visits/new")
    free = phone.locator("a[id^='reason-']:not([id$='-open'])").first
    reason_id = free.get_attribute("id")
    free.click()
    phone.locator("#when-soon").click()
    phone.locator("#visit-submit").click()
    expect(phone).to_have_url(app_url + "/visits")
    open_page(phone, app_url + "/visits/new")
    expect(phone.locator(f"#{reason_id}-open")).to_be_visible()
    expect(phone.locator(f"#{reason_id}")).to_have_count(0)


def test_duty_list_flags_a_member_in_difficulty_nobody_visited(app_url, phone):
    sign_in(phone, app_url, *SECRETARY)
    open_page(phone, app_url + "/secretary/duty")
    flagged = phone.locator(f"li.hj-overdue[data-member-name='{FRAIL_MEMBER_NAME}']")
    expect(flagged).to_be_visible()
    expect(flagged).to_contain_text("已到20日仍未看望")
    assert_accessible(phone)

    flagged.get_by_role("link", name=re.compile("登记看望")).click()
    log = phone.locator("#log-form")
    expect(log).to_be_visible()
    assert_accessible(phone)
    log.get_by_label("看望聊天").check()
    log.locator("#f-visited_on").fill(TODAY.isoformat())
    log.locator("#f-outcome").fill("送去米和油，帮忙联系了社区医生")
    phone.locator("#log-submit").click()
    expect(phone.locator("#visit-list")).to_contain_text("送去米和油")

    open_page(phone, app_url + "/secretary/duty")
    row = phone.locator(f"li[data-member-name='{FRAIL_MEMBER_NAME}']")
    expect(row).to_contain_text("本月已看望")
    expect(row).not_to_have_class(re.compile("hj-overdue"))


def test_visit_pages_for_secretary_and_staff(app_url, new_phone):
    secretary = new_phone()
    sign_in(secretary, app_url, *SECRETARY)
    for url in ("/secretary", "/secretary/tasks", "/secretary/members"):
        open_page(secretary, app_url + url)
        assert_accessible(secretary)
    staff = new_phone()
    sign_in(staff, app_url, *STAFF)
    open_page(staff, app_url + "/staff/campaigns")
    assert_accessible(staff)
    staff.locator("main a[href^='/staff/campaigns/']").first.click()
    expect(staff.get_by_role("progressbar").first).to_be_visible()
    assert_accessible(staff)
