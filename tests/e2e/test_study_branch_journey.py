"""Branch progress and 送学上门 in the browser: the secretary sees 赵德明 (行动不便) has not
studied this week; records a home delivery for another frail member on the 送学上门 list (赵德明
is left unvisited for the visit journey's duty list) and finds them studied (送学上门) and the
visit in their visit history; staff see the 学习 figures on /staff."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_accessible, open_page, sign_in
from tests.e2e.journeys import SECRETARY, STAFF

FRAIL_NAME = "赵德明"  # 13800000005: 行动不便, has not studied this week in the demo
FRAIL_PHONE = "13800000005"


def card_of(page: Page, name: str):
    """The member's card, paging through the list until it shows."""
    card = page.locator(f"li[data-member-name='{name}']")
    position = page.locator(".hj-pager span")
    while not card.count() and position.count():
        before = position.inner_text()
        next_page = page.get_by_role("button", name="下一页")
        if next_page.is_disabled():
            break
        next_page.click()
        expect(position).not_to_have_text(before)
    return card


def test_secretary_takes_study_home_and_sees_it_counted(app_url, phone):
    sign_in(phone, app_url, *SECRETARY)
    open_page(phone, app_url + "/secretary/study")
    expect(phone.locator("#study-week")).to_contain_text("本周学习：")
    expect(phone.get_by_role("link", name="未学习", exact=False)).to_have_attribute(
        "aria-current", "page"
    )
    card = card_of(phone, FRAIL_NAME)
    expect(card).to_contain_text("未学习")
    expect(card).to_contain_text("行动不便")
    call = card.locator(f"a[href='tel:{FRAIL_PHONE}']")
    expect(call).to_have_text(FRAIL_PHONE)
    expect(phone.locator("#study-weeks li").first).to_contain_text("已学习")
    expect(phone.locator("#study-weeks [role='progressbar']").first).to_have_attribute(
        "aria-valuetext", re.compile(r"已学习 \d+ / \d+ 人")
    )
    assert_accessible(phone)

    phone.locator("#to-home-study").click()
    expect(phone).to_have_url(app_url + "/secretary/home-study")
    expect(phone.locator("#print-link")).to_have_attribute(
        "href", re.compile(r"^/study/\d{4}-\d{2}-\d{2}/print$")
    )
    expect(card_of(phone, FRAIL_NAME)).to_be_visible()
    card = phone.locator("#home-list li[data-member-name]").filter(has_not_text=FRAIL_NAME).first
    name = card.get_attribute("data-member-name")
    member_id = card.get_attribute("data-member-id")
    assert_accessible(phone)
    card.get_by_role("button", name=f"登记送学上门 {name}").click()
    form = phone.locator("#home-form")
    expect(form).to_be_visible()
    form.get_by_label("备注（可不填）").fill("一起读了本周要点，老人很高兴")
    assert_accessible(phone)
    phone.locator("#home-submit").click()
    expect(phone.locator("#page-notice")).to_contain_text(f"已登记：{name}")
    expect(phone.locator(f"li[data-member-id='{member_id}']")).to_have_count(0)

    open_page(phone, app_url + "/secretary/study?show=done")
    done = card_of(phone, name)
    expect(done).to_contain_text("已学习（送学上门）")
    assert_accessible(phone)

    open_page(phone, app_url + f"/secretary/member/{member_id}")
    visit = phone.locator("#visit-list li", has_text="一起读了本周要点，老人很高兴")
    expect(visit).to_contain_text("送学上门（主动看望）")
    expect(visit).to_contain_text("已送学上门")


def test_a_bad_date_is_explained_at_the_field_and_at_the_top(app_url, phone):
    sign_in(phone, app_url, *SECRETARY)
    open_page(phone, app_url + "/secretary/home-study")
    phone.locator("#home-list li button.hj-btn-primary").first.click()
    phone.locator("#f-visited_on").fill("2020-01-01")
    phone.locator("#home-submit").click()
    expect(phone.locator("#error-summary")).to_contain_text("送学日期只能在7天以内")
    expect(phone.locator("#visited_on-error")).to_be_visible()
    assert_accessible(phone)


def test_staff_see_the_study_figures(app_url, phone):
    sign_in(phone, app_url, *STAFF)
    open_page(phone, app_url + "/staff")
    expect(phone.get_by_role("heading", name="学习", exact=True)).to_be_visible()
    expect(phone.locator("#study-by-grid li")).to_have_count(6)
    expect(phone.locator("#study-by-grid li").first).to_contain_text("已学习")
    expect(phone.locator("#study-by-week li").first).to_be_visible()
    expect(phone.locator("#study-awaiting li").first).to_contain_text("篇")
    expect(phone.locator("#to-study-materials")).to_have_attribute("href", "/staff/study")
    assert_accessible(phone)
