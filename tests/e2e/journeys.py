"""Steps shared by the browser journeys."""

from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_page

STAFF = ("13800000001", "huajin-staff-demo")
SECRETARY = ("13800000002", "huajin-grid-demo")


def on_question(page: Page, heading: str) -> Page:
    """Wait until the question page with this heading has loaded its answers."""
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="继续")).to_be_visible()
    return page


def next_page(page: Page) -> None:
    page.get_by_role("button", name="继续").click()


def answer_questions(
    page: Page, name: str, phone_number: str | None, pin: str = "", start: bool = True
) -> None:
    """Walk the question pages from /join to the check page (no account page when signed in)."""
    if start:
        page.get_by_role("link", name="开始填写").click()
    on_question(page, "您叫什么名字？").get_by_label("您叫什么名字？").fill(name)
    next_page(page)
    if phone_number:
        on_question(page, "您的手机号和登录密码").get_by_label("手机号").fill(phone_number)
        page.get_by_label("设一个6位数字密码").fill(pin)
        page.get_by_label("再输入一次密码").fill(pin)
        next_page(page)
    on_question(page, "性别和出生年份").get_by_label("女").check()
    page.get_by_label("出生年份").fill("1953")
    next_page(page)
    on_question(page, "您住在社区哪里？").get_by_label("楼栋").select_option("1")
    page.get_by_label("单元", exact=True).fill("1")
    page.get_by_label("门牌号").fill("201")
    next_page(page)
    on_question(page, "您的组织关系在哪里？").get_by_label("党组织名称").fill(
        "荆州市粮食局退休党支部"
    )
    page.get_by_label("所在省市").fill("湖北省荆州市")
    page.get_by_label("入党年份").fill("1976")
    next_page(page)
    on_question(page, "您是什么时候搬来华锦社区的？").get_by_label("年份", exact=True).fill("2017")
    next_page(page)
    on_question(page, "生活上需要照顾吗？")
    next_page(page)
    on_question(page, "您喜欢什么，想参加什么？").get_by_label("唱歌").check()
    page.get_by_label("参加文艺团队").check()
    next_page(page)
    on_question(page, "个人信息怎么使用").get_by_label("我已阅读并同意以上说明").check()
    next_page(page)
    expect(page.get_by_role("heading", name="请核对您填写的内容")).to_be_visible()


def find_in_queue(staff: Page, name: str) -> None:
    """Search the pending queue for the person's name and open their disclosure."""
    staff.get_by_label("姓名或手机号（可不填）").fill(name)
    staff.get_by_role("button", name="筛选").click()
    staff.get_by_role("link", name=f"查看 {name}").click()


def open_in_queue(staff: Page, name: str) -> None:
    """Page through the pending queue (oldest first) to the person's disclosure and open it."""
    link = staff.get_by_role("link", name=f"查看 {name}")
    position = staff.locator(".hj-pager span")
    expect(staff.get_by_role("link", name="查看", exact=False).first).to_be_visible()
    while not link.count():
        before = position.inner_text()
        staff.get_by_role("button", name="下一页").click()
        expect(position).not_to_have_text(before)
    link.click()


def disclose(page: Page, app_url: str, name: str, phone_number: str, pin: str) -> None:
    """A newcomer answers every question on /join and submits."""
    open_page(page, app_url + "/join")
    answer_questions(page, name, phone_number, pin)
    page.get_by_role("button", name="确认提交").click()
    expect(page.get_by_role("heading", name="已提交，谢谢您！")).to_be_visible()
