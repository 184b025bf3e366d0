"""A grid secretary plans a 夜学 for today, shows its QR code, ticks a member and saves; a member
opens the check-in link from the page (签到成功, then 已经签到过了); a forged link is refused."""

from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, open_page, sign_in
from tests.e2e.journeys import SECRETARY

MEMBER = ("13800000004", "246810")
MEMBER_NAME = "李秀兰"
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"
QR_DRAWN = """() => { const img = document.querySelector('#session-qr');
  return img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width; }"""


def plan_a_night_session(page, app_url: str) -> str:
    """From the list, through the form (one mistake first), to the new session's page."""
    open_page(page, app_url + "/secretary/sessions")
    expect(page.get_by_role("heading", name="集中学习和夜学")).to_be_visible()
    expect(page.get_by_role("link", name="本周学习情况")).to_have_attribute(
        "href", "/secretary/study"
    )
    assert_accessible(page)
    page.get_by_role("link", name="安排一次集中学习").click()
    expect(page.get_by_role("heading", name="安排一次集中学习")).to_be_visible()
    expect(page.get_by_role("button", name="安排学习")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("夜学", exact=True).check()
    page.get_by_label("开始时间（可不填）").fill("19:30")
    page.get_by_role("button", name="安排学习").click()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("地点请写2到60个字")
    expect(page.locator("#place-error")).to_be_visible()
    expect(page.get_by_label("开始时间（可不填）")).to_have_value("19:30")
    expect(page.get_by_label("夜学", exact=True)).to_be_checked()
    assert_accessible(page)
    page.get_by_label("地点", exact=True).fill("3栋架空层")
    page.get_by_role("button", name="安排学习").click()
    expect(page.get_by_role("heading", name="集中学习：", exact=False)).to_contain_text(
        "夜学 19:30"
    )
    expect(page.locator("#page-notice")).to_contain_text("已安排好")
    return page.url


def test_a_night_session_from_planning_to_scanning_in(app_url, new_phone):
    secretary = new_phone()
    sign_in(secretary, app_url, *SECRETARY)
    session_url = plan_a_night_session(secretary, app_url)

    expect(secretary.get_by_text("请用手机扫码签到")).to_be_visible()
    qr = secretary.locator("#session-qr")
    expect(qr).to_be_visible()
    assert secretary.evaluate(QR_DRAWN) >= 250  # large enough to scan across a table
    link = secretary.locator("#checkin-link").inner_text().strip()
    assert link.startswith(app_url + "/study/checkin/")
    assert_accessible(secretary)

    count = secretary.locator("#roster-count")
    expect(count).to_contain_text("已到 0 / 共")
    other = secretary.locator("#roster li").filter(has_not_text=MEMBER_NAME).first
    name = other.locator(".hj-tick-name").inner_text()
    other.get_by_role("checkbox").check()
    secretary.get_by_role("button", name="保存出勤").click()
    expect(secretary.locator("#page-notice")).to_contain_text("新登记 1 人")
    expect(count).to_contain_text("已到 1 / 共")
    row = secretary.locator("#roster li").filter(has_text=name)
    expect(row).to_contain_text("书记登记")
    expect(row.get_by_role("checkbox")).to_be_checked()

    member = new_phone()
    sign_in(member, app_url, *MEMBER)
    open_page(member, link)
    expect(member.locator("#checkin-headline")).to_have_text("签到成功 ✓")
    expect(member.locator("#checkin-detail")).to_contain_text("夜学")
    assert_accessible(member)
    open_page(member, link)
    expect(member.locator("#checkin-headline")).to_contain_text("您已经签到过了")
    open_page(member, app_url + "/study/checkin/" + "forged" * 6)
    expect(member.locator("#checkin-headline")).to_contain_text("这个签到码无效")
    assert_accessible(member)

    open_page(secretary, session_url)
    expect(secretary.locator("#roster li").filter(has_text=MEMBER_NAME)).to_contain_text("扫码签到")
    expect(count).to_contain_text("已到 2 / 共")


def test_signed_out_the_link_asks_to_sign_in_first_and_comes_back(app_url, phone):
    link = "/study/checkin/" + "x" * 32
    open_page(phone, app_url + link)
    expect(phone.locator("#checkin-headline")).to_have_text("请先登录")
    expect(phone.locator("#checkin-detail")).to_contain_text("登录后会回到这里")
    sign_in_link = phone.locator("#checkin-sign-in")
    expect(sign_in_link).to_have_attribute("href", "/login?next=" + link)
    assert_accessible(phone)
    sign_in_link.click()
    expect(phone.get_by_role("button", name="下一步")).to_be_visible()
    phone.get_by_label("手机号").fill(MEMBER[0])
    phone.get_by_role("button", name="下一步").click()
    for digit in MEMBER[1]:
        phone.get_by_role("button", name=f"数字 {digit}").click()
    expect(phone).to_have_url(app_url + link)
    expect(phone.locator("#checkin-headline")).to_contain_text("这个签到码无效")


def test_the_session_page_at_largest_text_on_a_small_phone(app_url, browser):
    context = browser.new_context(viewport={"width": 320, "height": 740}, locale="zh-CN")
    page = context.new_page()
    open_page(page, app_url + "/")
    page.get_by_role("button", name="特大").click()
    sign_in(page, app_url, *SECRETARY)
    open_page(page, app_url + "/secretary/sessions")
    page.locator(".hj-session-card a").first.click()
    expect(page.locator("#session-qr")).to_be_visible()
    assert page.evaluate(NO_SIDEWAYS_SCROLL), "the session page scrolls sideways"
    assert_accessible(page)
    boxes = page.locator("#roster label.hj-tick")
    assert boxes.count() > 0
    assert all(boxes.nth(i).bounding_box()["height"] >= 48 for i in range(boxes.count()))
    context.close()
