"""The leader of 老红帽 confirms the service hours of 老红帽助老理发 (one mistake first: 9 hours
for a 2-hour activity), the rows lock; a crew member sees the hours on /me and on the printable
/me/hours. Staff record what 巧姐姐串珠义卖 raised (-5 refused first); /charity, signed out,
shows the total including it. Only CREW_HOURS_TITLE's hours and SALE_TITLE's sale change."""

import pytest
from playwright.sync_api import Page, expect

from huajin_pwa.demo import activity_cast as cast
from tests.e2e.conftest import assert_accessible, open_page, sign_in
from tests.e2e.journeys import STAFF

LEADER = (cast.LEADER_PHONE, "135790")
CREW = [(phone, "246810") for phone in cast.CREW]
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def activity_pages(demo_id) -> dict[str, str]:
    """The hours page of CREW_HOURS_TITLE and the sale page of SALE_TITLE."""
    crew_hours = demo_id("activity", cast.CREW_HOURS_TITLE)
    sale = demo_id("activity", cast.SALE_TITLE)
    return {
        "hours": f"/leader/activity/{crew_hours}/hours",
        "sale": f"/leader/activity/{sale}/sale",
    }


@pytest.fixture
def paths(demo_id) -> dict[str, str]:
    return activity_pages(demo_id)


def fine(page: Page) -> None:
    assert_accessible(page)
    assert page.evaluate(NO_SIDEWAYS_SCROLL)


def test_hours_confirmed_then_shown_to_the_member(app_url, new_phone, paths):
    member = new_phone()
    sign_in(member, app_url, *CREW[0])
    open_page(member, app_url + "/me")
    name = member.locator("main h1").first.inner_text().strip()
    expect(member.locator("#my-teams")).to_contain_text(cast.LEADER_TEAM)
    expect(member.get_by_role("link", name="队长工作台")).to_have_count(0)

    leader = new_phone()
    sign_in(leader, app_url, *LEADER)
    open_page(leader, app_url + paths["hours"])
    expect(leader.get_by_role("heading", name=cast.CREW_HOURS_TITLE)).to_be_visible()
    expect(leader.locator("#hours-length")).to_contain_text("2 小时")
    rows = leader.locator("#hours-rows > li")
    expect(rows).to_have_count(2)
    mine = rows.filter(has_text=name)  # CREW[0]: the default
    other = rows.filter(has_not_text=name)  # CREW[1]: 1.5
    mine_box, other_box = mine.get_by_role("textbox"), other.get_by_role("textbox")
    expect(mine_box).to_have_value("2")
    fine(leader)

    other_box.fill("9")
    leader.get_by_role("button", name="确认时长").click()
    summary = leader.locator("#error-summary")
    expect(summary).to_contain_text("不能超过活动时长 2 小时")
    expect(other.locator(".hj-error-text")).to_contain_text("不能超过活动时长 2 小时")
    expect(other_box).to_have_value("9")
    expect(mine_box).to_have_value("2")
    expect(leader.locator("#hours-rows input")).to_have_count(2)  # nothing saved
    fine(leader)
    leader.screenshot(path="/tmp/h6-hours-error.png", full_page=True)

    other_box.fill("1.5")
    leader.get_by_role("button", name="确认时长").click()
    expect(leader.locator("#page-notice")).to_contain_text("已确认 2 人的服务时长")
    expect(summary).to_have_count(0)
    expect(mine).to_contain_text("已确认 2 小时")
    expect(other).to_contain_text("已确认 1.5 小时")
    expect(leader.locator("#hours-rows input")).to_have_count(0)
    expect(leader.get_by_role("button", name="确认时长")).to_have_count(0)
    fine(leader)
    leader.screenshot(path="/tmp/h6-hours-locked.png", full_page=True)

    open_page(member, app_url + "/me")
    expect(member.locator("#hours-total")).to_contain_text("共 2 小时 · 1 次")
    expect(member.locator("#hours-recent")).to_contain_text(cast.CREW_HOURS_TITLE)
    fine(member)
    member.get_by_role("link", name="查看和打印").click()
    expect(member.get_by_role("heading", name="志愿服务时长记录")).to_be_visible()
    expect(member.locator("#hours-summary")).to_contain_text(name)
    expect(member.locator("#hours-summary")).to_contain_text("2 小时")
    expect(member.locator("#hours-table")).to_contain_text(cast.CREW_HOURS_TITLE)
    expect(member.locator("#printed-on")).to_contain_text("打印日期：")
    expect(member.get_by_role("button", name="打印")).to_be_visible()
    fine(member)
    member.emulate_media(media="print")
    expect(member.get_by_role("button", name="打印")).to_be_hidden()
    expect(member.locator("nav.hj-nav")).to_be_hidden()
    expect(member.locator("#hours-table")).to_be_visible()
    member.emulate_media(media="screen")

    # the leader's /me links to the workbench
    open_page(leader, app_url + "/me")
    expect(leader.get_by_role("link", name="队长工作台")).to_have_attribute("href", "/leader")


def test_a_sale_recorded_and_the_public_total(app_url, new_phone, paths):
    visitor = new_phone()
    open_page(visitor, app_url + "/charity")
    before = visitor.locator("#charity-total").inner_text()
    fine(visitor)

    staff = new_phone()
    sign_in(staff, app_url, *STAFF)
    open_page(staff, app_url + paths["sale"])
    expect(staff.get_by_role("heading", name=cast.SALE_TITLE)).to_be_visible()
    staff.get_by_label("善款金额（元）").fill("-5")
    staff.get_by_label("善款用途").fill("困难家庭慰问")
    staff.get_by_role("button", name="保存善款").click()
    expect(staff.locator("#error-summary")).to_contain_text("金额不能是负数")
    expect(staff.locator("#amount-error")).to_contain_text("金额不能是负数")
    expect(staff.get_by_label("善款用途")).to_have_value("困难家庭慰问")
    fine(staff)
    staff.get_by_label("善款金额（元）").fill("860.50")
    staff.get_by_role("button", name="保存善款").click()
    expect(staff.locator("#page-notice")).to_contain_text("已记下：860.50 元，用于困难家庭慰问")
    expect(staff.locator("#sale-recorded")).to_contain_text("860.50 元")
    expect(staff.get_by_role("button", name="更正善款")).to_be_visible()
    fine(staff)

    open_page(visitor, app_url + "/charity")
    expect(visitor.locator("#charity-total")).not_to_have_text(before)
    total = float(visitor.locator("#charity-total").inner_text().split()[0].replace(",", ""))
    assert total == pytest.approx(float(before.split()[0].replace(",", "")) + 860.50)
    sale = visitor.locator("#charity-sales li").filter(has_text=cast.SALE_TITLE)
    expect(sale).to_contain_text("860.50 元")
    expect(sale).to_contain_text("用途：困难家庭慰问")
    fine(visitor)
