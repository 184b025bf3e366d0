"""亮明身份 end to end: a newcomer discloses, staff approve or reject, the member sees it."""

from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, open_page, sign_in
from tests.e2e.journeys import STAFF, answer_questions, on_question, open_in_queue


def test_disclose_approve_and_see_badge(app_url, new_phone):
    member = new_phone()
    open_page(member, app_url + "/join")
    assert_accessible(member)
    answer_questions(member, "刘桂兰", "13911112222", "258013")
    expect(member.get_by_text("1栋1单元201室")).to_be_visible()
    expect(member.get_by_text("第一网格")).to_be_visible()
    assert_accessible(member)
    member.get_by_role("button", name="确认提交").click()
    expect(member.get_by_role("heading", name="已提交，谢谢您！")).to_be_visible()

    staff = new_phone()
    sign_in(staff, app_url, *STAFF)
    open_page(staff, app_url + "/staff")
    assert_accessible(staff)
    pending_before = int(staff.locator("#staff-counts .hj-stat").nth(1).inner_text())
    open_in_queue(staff, "刘桂兰")
    expect(staff.get_by_role("heading", name="身份信息：刘桂兰")).to_be_visible()
    assert_accessible(staff)
    staff.get_by_role("button", name="核实通过").click()
    expect(staff.get_by_text("已核实通过，已通知本人。")).to_be_visible()
    open_page(staff, app_url + "/staff")
    expect(staff.locator("#staff-counts .hj-stat").nth(1)).to_have_text(str(pending_before - 1))

    open_page(member, app_url + "/me")
    expect(member.locator("#badge")).to_have_text("已亮明身份")
    assert_accessible(member)
    open_page(member, app_url + "/messages")
    expect(member.get_by_role("heading", name="您已亮明身份")).to_be_visible()
    assert_accessible(member)


def test_bad_answers_are_explained_and_kept(app_url, phone):
    open_page(phone, app_url + "/join/name")
    on_question(phone, "您叫什么名字？").get_by_label("您叫什么名字？").fill(
        "<script>alert(1)</script>"
    )
    phone.get_by_role("button", name="继续").click()
    summary = phone.locator("#error-summary")
    expect(summary).to_contain_text("姓名只能用汉字、字母和间隔号")
    expect(phone.get_by_label("您叫什么名字？")).to_have_value("<script>alert(1)</script>")
    assert_accessible(phone)
    phone.get_by_label("您叫什么名字？").fill("赵国平")
    phone.get_by_role("button", name="继续").click()
    on_question(phone, "您的手机号和登录密码").get_by_label("手机号").fill("2391111")
    phone.get_by_label("设一个6位数字密码").fill("123456")
    phone.get_by_label("再输入一次密码").fill("123456")
    phone.get_by_role("button", name="继续").click()
    expect(summary).to_contain_text("请输入11位手机号码")
    expect(summary).to_contain_text("这个密码太容易被猜到")
    expect(phone.get_by_label("手机号")).to_have_value("2391111")


def test_progress_survives_a_reload(app_url, phone):
    open_page(phone, app_url + "/join/name")
    on_question(phone, "您叫什么名字？").get_by_label("您叫什么名字？").fill("钱玉珍")
    phone.get_by_role("button", name="继续").click()
    on_question(phone, "您的手机号和登录密码")
    phone.reload()
    on_question(phone, "您的手机号和登录密码").get_by_label("手机号").fill("13944445555")
    phone.get_by_label("设一个6位数字密码").fill("604817")
    phone.get_by_label("再输入一次密码").fill("604817")
    phone.get_by_role("button", name="继续").click()
    on_question(phone, "性别和出生年份").get_by_label("男").check()
    phone.get_by_label("出生年份").fill("1949")
    phone.get_by_role("button", name="继续").click()
    on_question(phone, "您住在社区哪里？")
    phone.reload()
    open_page(phone, app_url + "/join/basic")
    on_question(phone, "性别和出生年份")
    expect(phone.get_by_label("出生年份")).to_have_value("1949")
    expect(phone.get_by_label("男")).to_be_checked()
    open_page(phone, app_url + "/join/name")
    expect(on_question(phone, "您叫什么名字？").get_by_label("您叫什么名字？")).to_have_value(
        "钱玉珍"
    )
