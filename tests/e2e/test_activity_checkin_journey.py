"""The leader of 老红帽 opens the activity under way from /leader: the QR code with its link
written out, 已报名 · 已签到 · 候补; a crew member's phone opens the link (签到成功, then
已经签到过了; a forged link is refused) and the leader's count goes up without a reload; the
leader ticks the second crew member."""

import re

from playwright.sync_api import expect

from huajin_pwa.demo import activity_cast as cast
from tests.e2e.conftest import assert_accessible, open_page, sign_in

LEADER = (cast.LEADER_PHONE, "135790")
CREW = [(phone, "246810") for phone in cast.CREW]
CREW_NAMES = ("吴建国", "程汉英")  # the demo's names for cast.CREW
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"
QR_DRAWN = """() => { const img = document.querySelector('#activity-qr');
  return img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width; }"""


def counts(page) -> dict[str, int]:
    """已报名 x · 已签到 y · 候补 z as numbers."""
    line = page.locator("#checkin-counts").inner_text()
    return {part.split()[0]: int(part.split()[1]) for part in line.split("·")}


def open_from_leader(page, app_url: str) -> str:
    """From /leader's activities, the check-in page of the activity under way."""
    open_page(page, app_url + "/leader?tab=activities")
    card = page.locator("li[data-activity-id]").filter(has_text=cast.CHECKIN_TITLE)
    if not card.count():  # the workbench opened on the other team
        page.get_by_role("link", name=cast.LEADER_TEAM, exact=False).first.click()
    card.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/leader/activity/\d+$"))
    expect(page.get_by_role("heading", name=cast.CHECKIN_TITLE)).to_be_visible()
    return page.url


def test_the_leader_sees_scans_arrive_and_ticks_a_name(app_url, new_phone):
    leader = new_phone()
    sign_in(leader, app_url, *LEADER)
    page_url = open_from_leader(leader, app_url)
    expect(leader.locator("#activity-about")).to_contain_text("老红帽")
    expect(leader.get_by_text("请大家用手机扫码签到")).to_be_visible()
    expect(leader.locator("#activity-qr")).to_be_visible()
    assert leader.evaluate(QR_DRAWN) >= 250  # large enough to scan across a table
    link = leader.locator("#checkin-link").inner_text().strip()
    assert link.startswith(app_url + "/activities/checkin/")
    expect(leader.locator("#checkin-counts")).to_contain_text("已报名")
    before = counts(leader)
    assert before["已报名"] >= 3
    assert_accessible(leader)

    crew = new_phone()
    sign_in(crew, app_url, *CREW[0])
    open_page(crew, link)
    expect(crew.locator("#checkin-headline")).to_have_text("签到成功 ✓")
    expect(crew.locator("#checkin-detail")).to_contain_text(cast.CHECKIN_TITLE)
    assert_accessible(crew)
    open_page(crew, link)
    expect(crew.locator("#checkin-headline")).to_contain_text("您已经签到过了")
    assert_accessible(crew)
    open_page(crew, app_url + "/activities/checkin/" + "forged" * 6)
    expect(crew.locator("#checkin-headline")).to_have_text("没能签到")
    expect(crew.locator("#checkin-detail")).to_contain_text("这个签到码无效")
    expect(crew.locator("#checkin-help")).to_contain_text("队长可以在签到名单上为您登记")
    assert_accessible(crew)

    # the leader's page, never reloaded, catches up by itself
    assert leader.url == page_url
    expect(leader.locator("#checkin-counts")).to_contain_text(
        f"已签到 {before['已签到'] + 1}", timeout=15_000
    )

    expect(leader.locator("#roster li").filter(has_text=CREW_NAMES[0])).to_contain_text("扫码签到")
    name = CREW_NAMES[1]
    second = leader.locator("#roster li").filter(has_text=name)
    expect(second).to_contain_text("未签到")
    second.get_by_role("checkbox").click()  # saved at once; the box follows the server
    row = leader.locator("#roster li").filter(has_text=name)
    expect(row).to_contain_text("队长登记")
    expect(row.get_by_role("checkbox")).to_be_checked()
    expect(leader.locator("#roster-notice")).to_contain_text(f"已为{name}登记签到")
    expect(leader.locator("#checkin-counts")).to_contain_text(f"已签到 {before['已签到'] + 2}")
    assert_accessible(leader)

    open_page(leader, page_url)  # after a reload the tick is still there
    expect(leader.locator("#roster li").filter(has_text=name)).to_contain_text("队长登记")


def test_the_leader_page_and_a_refusal_at_largest_text_on_a_small_phone(app_url, browser):
    context = browser.new_context(viewport={"width": 320, "height": 740}, locale="zh-CN")
    page = context.new_page()
    open_page(page, app_url + "/")
    page.get_by_role("button", name="特大").click()
    sign_in(page, app_url, *LEADER)
    open_from_leader(page, app_url)
    expect(page.locator("#activity-qr")).to_be_visible()
    assert page.evaluate(NO_SIDEWAYS_SCROLL), "the leader's page scrolls sideways"
    assert_accessible(page)
    boxes = page.locator("#roster label.hj-tick")
    assert boxes.count() > 0
    assert all(boxes.nth(i).bounding_box()["height"] >= 48 for i in range(boxes.count()))
    open_page(page, app_url + "/activities/checkin/" + "x" * 32)
    expect(page.locator("#checkin-detail")).to_contain_text("这个签到码无效")
    assert page.evaluate(NO_SIDEWAYS_SCROLL), "the scan page scrolls sideways"
    context.close()
