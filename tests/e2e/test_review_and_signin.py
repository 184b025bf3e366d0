"""Rejection and resubmission, filling on a member's behalf, and the PIN lockout."""

from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, open_page, sign_in
from tests.e2e.journeys import (
    SECRETARY,
    STAFF,
    answer_questions,
    disclose,
    find_in_queue,
    next_page,
    on_question,
)

QUESTIONS = [
    "您叫什么名字？",
    "性别和出生年份",
    "您住在社区哪里？",
    "您的组织关系在哪里？",
    "您是什么时候搬来华锦社区的？",
    "生活上需要照顾吗？",
    "您喜欢什么，想参加什么？",
]


def test_rejected_with_reason_then_resubmitted(app_url, new_phone):
    member = new_phone()
    disclose(member, app_url, "周淑芬", "13922223333", "371946")

    staff = new_phone()
    sign_in(staff, app_url, *STAFF)
    open_page(staff, app_url + "/staff")
    find_in_queue(staff, "周淑芬")
    staff.get_by_role("button", name="不通过").click()
    expect(staff.locator("#error-summary")).to_contain_text("请写明不通过的原因")
    assert_accessible(staff)
    staff.get_by_label("不通过的原因").fill("党组织名称请写全称，例如 荆州市粮食局机关退休党支部")
    staff.get_by_role("button", name="不通过").click()
    expect(staff.get_by_text("已退回，已通知本人。")).to_be_visible()

    open_page(member, app_url + "/me")
    expect(member.get_by_text("未通过，请修改后重新提交")).to_be_visible()
    expect(member.get_by_text("党组织名称请写全称")).to_be_visible()
    open_page(member, app_url + "/messages")
    expect(member.get_by_role("heading", name="身份信息需要修改")).to_be_visible()

    open_page(member, app_url + "/me")
    member.get_by_role("link", name="修改后重新提交").click()
    member.get_by_role("link", name="继续填写").click()
    for question in QUESTIONS:
        on_question(member, question)
        if question == "您叫什么名字？":
            expect(member.get_by_label(question)).to_have_value("周淑芬")
        if question == "您的组织关系在哪里？":
            member.get_by_label("党组织名称").fill("荆州市粮食局机关退休党支部")
        next_page(member)
    on_question(member, "个人信息怎么使用").get_by_label("我已阅读并同意以上说明").check()
    next_page(member)
    expect(member.get_by_text("荆州市粮食局机关退休党支部")).to_be_visible()
    member.get_by_role("button", name="确认提交").click()
    expect(member.get_by_role("heading", name="已提交，谢谢您！")).to_be_visible()
    open_page(member, app_url + "/me")
    expect(member.get_by_text("等待社区核实")).to_be_visible()
    member.get_by_role("button", name="撤回申请").click()
    expect(member.get_by_text("确定要撤回吗？")).to_be_visible()
    assert_accessible(member)
    member.get_by_role("button", name="确定撤回").click()
    expect(member.get_by_text("已撤回。需要时可以重新提交。")).to_be_visible()
    expect(member.get_by_role("link", name="亮明身份", exact=True)).to_be_visible()


def test_secretary_fills_on_behalf(app_url, new_phone):
    secretary = new_phone()
    sign_in(secretary, app_url, *SECRETARY)
    open_page(secretary, app_url + "/")
    secretary.get_by_role("button", name="为党员代填亮明身份").click()
    on_question(secretary, "您叫什么名字？")
    expect(secretary.get_by_text("您正在为其他党员代填")).to_be_visible()
    answer_questions(secretary, "孙德明", "13933334444", "582039", start=False)
    assert_accessible(secretary)
    secretary.get_by_role("button", name="确认提交").click()
    expect(secretary.get_by_text("代填已提交")).to_be_visible()

    member = new_phone()
    sign_in(member, app_url, "13933334444", "582039")
    open_page(member, app_url + "/me")
    expect(member.get_by_text("等待社区核实")).to_be_visible()
    expect(member.get_by_text("代填")).to_be_visible()

    staff = new_phone()
    sign_in(staff, app_url, *STAFF)
    open_page(staff, app_url + "/staff")
    find_in_queue(staff, "孙德明")
    expect(staff.get_by_role("definition").filter(has_text="代填")).to_have_count(0)
    expect(staff.locator("dl")).to_contain_text("代填人")


def test_five_wrong_pins_lock_the_account(app_url, phone):
    open_page(phone, app_url + "/login")
    assert_accessible(phone)
    phone.get_by_label("手机号").fill("13800000012")  # no browser test signs in as 012
    phone.get_by_role("button", name="下一步").click()
    expect(phone.get_by_role("button", name="数字 1")).to_be_visible()
    assert_accessible(phone)
    for attempt in range(5):
        for digit in "975318":
            phone.get_by_role("button", name=f"数字 {digit}").click()
        expected = "账户已锁定" if attempt == 4 else f"还可以再试 {4 - attempt} 次"
        expect(phone.locator("#error-summary")).to_contain_text(expected)
    for digit in "246810":  # the right PIN, refused while locked
        phone.get_by_role("button", name=f"数字 {digit}").click()
    expect(phone.locator("#error-summary")).to_contain_text("账户已锁定")
    expect(phone.locator("#inbox-link")).to_have_count(0)


def test_forgotten_pin_reset_in_person(app_url, new_phone):
    secretary = new_phone()
    sign_in(secretary, app_url, *SECRETARY)
    open_page(secretary, app_url + "/")
    secretary.get_by_role("link", name="帮党员重置密码").click()
    expect(secretary.get_by_role("heading", name="帮党员重置密码")).to_be_visible()
    secretary.get_by_label("党员的手机号").fill("13800000005")
    secretary.get_by_role("button", name="生成重置码").click()
    code = secretary.locator("#reset-code")
    expect(code).to_be_visible()
    assert_accessible(secretary)
    code_text = code.inner_text()
    assert len(code_text) == 8 and code_text.isdigit()

    member = new_phone()
    open_page(member, app_url + "/login")
    member.get_by_role("link", name="忘记密码？用重置码设新密码").click()
    expect(member.get_by_role("heading", name="用重置码设新密码")).to_be_visible()
    assert_accessible(member)
    member.get_by_label("手机号").fill("13800000005")
    member.get_by_label("重置码").fill("00000000" if code_text != "00000000" else "11111111")
    member.get_by_label("新的6位数字密码").fill("918273")
    member.get_by_label("再输入一次新密码").fill("918273")
    member.get_by_role("button", name="设新密码并登录").click()
    expect(member.locator("#error-summary")).to_contain_text("重置码不对或已过期")
    member.get_by_label("重置码").fill(code_text)
    member.get_by_label("新的6位数字密码").fill("918273")
    member.get_by_label("再输入一次新密码").fill("918273")
    member.get_by_role("button", name="设新密码并登录").click()
    expect(member.get_by_text("新密码已设好，您已登录。")).to_be_visible()
    expect(member.locator("#inbox-link")).to_be_visible()

    again = new_phone()
    sign_in(again, app_url, "13800000005", "918273")

    staff = new_phone()
    sign_in(staff, app_url, *STAFF)
    open_page(staff, app_url + "/staff/audit")
    expect(staff.get_by_text("生成密码重置码").first).to_be_visible()
    assert_accessible(staff)
