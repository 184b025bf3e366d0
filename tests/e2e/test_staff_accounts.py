"""Staff manage an account: a role granted, then the account disabled: refused at once."""

from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, open_page, sign_in
from tests.e2e.journeys import STAFF, disclose


def test_staff_grant_a_role_and_disable_an_account(app_url, new_phone):
    member = new_phone()
    disclose(member, app_url, "冯丽华", "13955556666", "630517")

    staff = new_phone()
    sign_in(staff, app_url, *STAFF)
    open_page(staff, app_url + "/staff/accounts")
    staff.get_by_label("手机号").fill("13955556666")
    staff.get_by_role("button", name="查找账户").click()
    account = staff.locator("#account")
    expect(account).to_contain_text("冯丽华")
    expect(account).to_contain_text("还没有角色")
    staff.get_by_label("角色", exact=True).select_option(label="队长")
    staff.get_by_role("button", name="授予角色").click()
    expect(account).to_contain_text("队长")
    assert_accessible(staff)

    open_page(member, app_url + "/me")
    expect(member.get_by_text("队长", exact=True)).to_be_visible()

    staff.get_by_role("button", name="停用账户").click()
    expect(account).to_contain_text("已停用")
    open_page(member, app_url + "/me")
    expect(member).to_have_url(app_url + "/login")
    expect(member.locator("#inbox-link")).to_have_count(0)

    staff.get_by_role("button", name="重新启用账户").click()
    expect(account).to_contain_text("正常")
    open_page(staff, app_url + "/staff/audit")
    expect(staff.get_by_text("停用账户").first).to_be_visible()
