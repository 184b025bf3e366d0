"""The activity calendar signed out (today first, 下一周, the 演出 filter, members-only hidden),
an activity's page (登录后报名), a newcomer signing up and cancelling, and the waiting list
moving up when a seated person cancels (with a message to the one moved up)."""

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from huajin_pwa import present
from huajin_pwa.demo import activity_cast as cast
from tests.e2e.conftest import TODAY, assert_accessible, open_page, sign_in

PIN = "246810"
SEATS = re.compile(r"已报名 (\d+) / 名额 (\d+)")
SHOW_DAY = TODAY + timedelta(days=3)  # the demo's 演出 (activity_cast.SHOW_TITLE)


def monday(day: date) -> str:
    return (day - timedelta(days=day.weekday())).isoformat()


def activity_path(page: Page, app_url: str, title: str, day: date, kind: str) -> str:
    """The address of the titled activity, found on its week's calendar (page by page)."""
    open_page(page, f"{app_url}/activities?week={monday(day)}&kind={kind}")
    link = page.locator("#calendar").get_by_role("link", name=title, exact=True)
    while not link.count():
        page.get_by_role("button", name="下一页").click()
        expect(page.locator("#calendar")).to_be_visible()
    return link.get_attribute("href")


def seats(page: Page) -> int:
    match = SEATS.search(page.locator("#seats").inner_text())
    assert match, page.locator("#seats").inner_text()
    return int(match.group(1))


def test_the_calendar_signed_out(app_url, phone):
    open_page(phone, app_url + "/activities")
    expect(phone.get_by_role("heading", name="活动日历")).to_be_visible()
    today = present.date_label(TODAY).removeprefix(f"{TODAY.year}年")
    expect(phone.locator("#week-range")).to_contain_text("本周 " + today)
    expect(phone.locator(".hj-act-day").first).to_have_text(today)  # today first
    assert_accessible(phone)

    phone.get_by_role("link", name="下一周").click()
    expect(phone).to_have_url(re.compile(r"/activities\?week=" + monday(TODAY + timedelta(7))))
    expect(phone.locator("#week-range")).not_to_contain_text("本周")
    expect(phone.get_by_role("link", name="回到本周")).to_be_visible()

    show_week = monday(TODAY + timedelta(days=3))
    open_page(phone, f"{app_url}/activities?week={show_week}")
    rows = phone.locator("#calendar article")
    expect(rows.first).to_be_visible()
    assert rows.filter(has_not_text="演出").count() > 0  # other kinds before filtering
    phone.locator("#kind-show").click()
    expect(phone).to_have_url(re.compile("kind=show"))
    expect(phone.locator("#kind-show")).to_have_attribute("aria-current", "page")
    expect(phone.get_by_role("link", name=cast.SHOW_TITLE, exact=True)).to_be_visible()
    expect(rows.filter(has_not_text="演出")).to_have_count(0)
    assert_accessible(phone)

    members_week = monday(TODAY + timedelta(days=2))
    open_page(phone, f"{app_url}/activities?week={members_week}&kind=study")
    expect(phone.get_by_role("heading", name="活动日历")).to_be_visible()
    expect(phone.get_by_role("link", name=cast.MEMBERS_ONLY_TITLE)).to_have_count(0)


def test_the_show_page_signed_out(app_url, phone):
    path = activity_path(phone, app_url, cast.SHOW_TITLE, SHOW_DAY, "show")
    open_page(phone, app_url + path)
    expect(phone.get_by_role("heading", name=cast.SHOW_TITLE, level=1)).to_be_visible()
    expect(phone.get_by_role("link", name=cast.LEADER_TROUPE)).to_have_attribute(
        "href", re.compile(r"^/teams/\d+$")
    )
    expect(phone.get_by_role("link", name="登录后报名")).to_have_attribute(
        "href", "/login?next=" + path
    )
    expect(phone.locator("#share-link")).to_have_text(app_url + path)
    expect(phone.get_by_role("button", name="复制链接")).to_be_visible()
    assert_accessible(phone)


def test_a_newcomer_signs_up_and_cancels(app_url, phone):
    sign_in(phone, app_url, cast.NEWCOMER, PIN)
    path = activity_path(phone, app_url, cast.SHOW_TITLE, SHOW_DAY, "show")
    open_page(phone, app_url + path)
    expect(phone.locator("#my-status")).to_have_text("还没有报名")
    before = seats(phone)
    phone.get_by_role("button", name="报名", exact=True).click()
    expect(phone.locator("#page-notice")).to_have_text("报名成功，请按时参加。")
    expect(phone.locator("#my-status")).to_have_text("已报名")
    expect(phone.locator("#seats")).to_contain_text(f"已报名 {before + 1} / 名额 200")
    assert_accessible(phone)

    phone.get_by_role("button", name="取消报名").click()
    expect(phone.locator("#cancel-ask")).to_be_visible()
    assert_accessible(phone)
    phone.get_by_role("button", name="不取消").click()
    expect(phone.locator("#my-status")).to_have_text("已报名")
    phone.get_by_role("button", name="取消报名").click()
    phone.get_by_role("button", name="确定取消").click()
    expect(phone.locator("#page-notice")).to_have_text("已取消报名。")
    expect(phone.locator("#seats")).to_contain_text(f"已报名 {before} / 名额 200")
    expect(phone.get_by_role("button", name="报名", exact=True)).to_be_visible()


def test_the_waiting_list_moves_up(app_url, new_phone):
    seated = new_phone()
    sign_in(seated, app_url, cast.SEATED[2], PIN)
    day = TODAY + timedelta(days=5)
    path = activity_path(seated, app_url, cast.WAITING_TITLE, day, "service")
    open_page(seated, app_url + path)
    expect(seated.locator("#seats")).to_contain_text("已报名 3 / 名额 3，候补 2 人")
    expect(seated.locator("#my-status")).to_have_text("已报名")
    seated.get_by_role("button", name="取消报名").click()
    seated.get_by_role("button", name="确定取消").click()
    expect(seated.locator("#page-notice")).to_have_text("已取消报名。")
    expect(seated.locator("#seats")).to_contain_text("已报名 3 / 名额 3，候补 1 人")
    expect(seated.get_by_role("button", name="名额已满：排队候补")).to_be_visible()

    first = new_phone()
    sign_in(first, app_url, cast.WAITING[0], PIN)
    open_page(first, app_url + path)
    expect(first.locator("#my-status")).to_have_text("已报名")
    open_page(first, app_url + "/messages")
    expect(first.get_by_text("候补成功：" + cast.WAITING_TITLE)).to_be_visible()
    assert_accessible(first)

    second = new_phone()
    sign_in(second, app_url, cast.WAITING[1], PIN)
    open_page(second, app_url + path)
    expect(second.locator("#my-status")).to_have_text("候补第 1 位")
    expect(second.get_by_role("button", name="退出候补（第 1 位）")).to_be_visible()
    assert_accessible(second)


def test_home_shows_todays_activities_signed_out(app_url, phone):
    open_page(phone, app_url + "/")
    card = phone.locator("#home-today")
    expect(card.get_by_role("heading", name="今天的活动")).to_be_visible()
    expect(card.locator("article").first).to_be_visible()
    assert card.locator("article").count() <= 5
    expect(card.get_by_role("link", name="查看活动日历")).to_have_attribute("href", "/activities")
