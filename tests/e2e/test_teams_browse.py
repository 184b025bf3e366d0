"""Teams in the browser: signed out, browse the troupes and volunteer teams by kind and page and
open one; a newcomer asks to join 巧姐姐 with one tap (after signing in from the team's page)
and withdraws; a member leaves 巧姐姐 with the inline question. Only the NEWCOMER's and the
LEAVER's rows of activity_cast.py change."""

import re

from playwright.sync_api import Page, expect

from huajin_pwa.demo import activity_cast as cast
from huajin_pwa.demo.team_data import TROUPES, VOLUNTEER_TEAMS
from tests.e2e.conftest import assert_accessible, open_page, sign_in

PIN = "246810"
QIAO = "巧姐姐"


def team_path(name: str) -> str:
    """A demo team's page: the demo writes the troupes, then the volunteer teams, in the order
    of team_data.py into an empty database (test_team_paths_follow_the_demo checks it)."""
    names = [spec[0] for spec in (*TROUPES, *VOLUNTEER_TEAMS)]
    return f"/teams/{names.index(name) + 1}"


QIAO_PATH = team_path(QIAO)  # also on test_elder_first.py's lists
TROUPE_PATH = team_path(cast.LEADER_TROUPE)


def status_of(page: Page):
    return page.locator("#my-status")


def test_team_paths_follow_the_demo(app_url, phone):
    for name, path in ((QIAO, QIAO_PATH), (cast.LEADER_TROUPE, TROUPE_PATH)):
        open_page(phone, app_url + path)
        expect(phone.get_by_role("heading", name=name, exact=True)).to_be_visible()


def test_browsing_the_teams_signed_out(app_url, phone):
    open_page(phone, app_url + "/teams")
    expect(phone.get_by_role("heading", name="文艺队和志愿服务队")).to_be_visible()
    expect(phone.locator("#team-count")).to_have_text(
        f"共 {len(TROUPES) + len(VOLUNTEER_TEAMS)} 支队伍"
    )
    expect(phone.locator("#kind-all")).to_have_attribute("aria-current", "page")
    expect(phone.locator("#my-teams")).to_have_count(0)
    assert_accessible(phone)

    phone.get_by_role("link", name="志愿服务队", exact=True).click()
    expect(phone).to_have_url(re.compile(r"/teams\?kind=volunteer$"))
    expect(phone.locator("#team-count")).to_have_text("共 29 支队伍")
    expect(phone.locator("#kind-volunteer")).to_have_attribute("aria-current", "page")
    cards = phone.locator("#team-list > li")
    expect(cards).to_have_count(10)
    for name in (QIAO, cast.LEADER_TEAM):
        expect(phone.get_by_role("link", name=name, exact=True)).to_be_visible()
    first = cards.filter(has=phone.get_by_role("link", name=cast.LEADER_TEAM, exact=True))
    expect(first).to_contain_text("志愿服务队")
    expect(first).to_contain_text("名队员")
    expect(first).to_contain_text("队长：")
    assert_accessible(phone)
    phone.get_by_role("button", name="下一页").click()
    expect(phone.get_by_text("第 2 页，共 3 页")).to_be_visible()
    phone.get_by_role("button", name="下一页").click()
    expect(phone.get_by_text("第 3 页，共 3 页")).to_be_visible()
    expect(cards).to_have_count(9)
    expect(phone.get_by_role("link", name=VOLUNTEER_TEAMS[-1][0], exact=True)).to_be_visible()
    expect(phone.get_by_role("link", name=QIAO, exact=True)).to_have_count(0)

    phone.get_by_role("link", name="文艺队", exact=True).click()
    expect(phone.locator("#team-count")).to_have_text(f"共 {len(TROUPES)} 支队伍")
    expect(phone.get_by_role("link", name=cast.LEADER_TROUPE, exact=True)).to_be_visible()

    phone.get_by_role("link", name="志愿服务队", exact=True).click()
    phone.get_by_role("link", name=QIAO, exact=True).click()
    expect(phone.get_by_role("heading", name=QIAO, exact=True)).to_be_visible()
    expect(phone).to_have_url(app_url + QIAO_PATH)
    join = phone.get_by_role("link", name="登录后申请")
    expect(join).to_have_attribute("href", "/login?next=" + QIAO_PATH)
    expect(phone.get_by_role("heading", name="近期活动")).to_be_visible()
    expect(phone.get_by_role("heading", name="这支队伍做什么")).to_be_visible()
    assert_accessible(phone)

    open_page(phone, app_url + "/teams/999999")
    expect(phone.get_by_role("heading", name="没有找到这支队伍")).to_be_visible()
    expect(phone.get_by_text("没有找到这支队伍，它可能已经停止活动。")).to_be_visible()
    assert_accessible(phone)


def test_a_newcomer_asks_to_join_with_one_tap_and_withdraws(app_url, phone):
    open_page(phone, app_url + QIAO_PATH)
    phone.get_by_role("link", name="登录后申请").click()
    phone.get_by_label("手机号").fill(cast.NEWCOMER)
    phone.get_by_role("button", name="下一步").click()
    for digit in PIN:
        phone.get_by_role("button", name=f"数字 {digit}").click()
    expect(phone).to_have_url(app_url + QIAO_PATH)
    expect(phone.get_by_role("heading", name=QIAO, exact=True)).to_be_visible()

    phone.get_by_role("button", name="申请加入").click()
    expect(status_of(phone)).to_have_text("已申请，等待队长同意")
    expect(phone.locator("#team-notice")).to_have_text("已申请加入巧姐姐，等待队长同意。")
    expect(phone.get_by_role("button", name="申请加入")).to_have_count(0)
    assert_accessible(phone)

    open_page(phone, app_url + "/teams")
    expect(phone.locator("#my-teams")).to_contain_text("巧姐姐（待队长同意）")
    phone.locator("#my-teams").get_by_role("link").click()
    expect(status_of(phone)).to_have_text("已申请，等待队长同意")
    phone.get_by_role("button", name="撤回申请").click()
    expect(phone.locator("#team-notice")).to_have_text("已撤回加入巧姐姐的申请。")
    expect(phone.get_by_role("button", name="申请加入")).to_be_visible()
    expect(status_of(phone)).to_have_count(0)


def test_a_member_leaves_with_an_inline_question(app_url, phone):
    sign_in(phone, app_url, cast.LEAVER, PIN)
    open_page(phone, app_url + "/teams")
    expect(phone.locator("#my-teams")).to_contain_text("巧姐姐（已入队）")
    phone.locator("#my-teams").get_by_role("link", name=re.compile(QIAO)).click()
    expect(status_of(phone)).to_have_text("已入队")
    phone.get_by_role("button", name="退出队伍").click()
    question = phone.get_by_text("确定要退出这支队伍吗？", exact=False)
    expect(question).to_be_visible()
    assert_accessible(phone)
    phone.get_by_role("button", name="不退出").click()
    expect(question).to_have_count(0)
    expect(status_of(phone)).to_have_text("已入队")
    phone.get_by_role("button", name="退出队伍").click()
    phone.get_by_role("button", name="确定退出").click()
    expect(phone.locator("#team-notice")).to_have_text("您已退出巧姐姐。")
    expect(phone.get_by_role("button", name="申请加入")).to_be_visible()
    expect(phone.get_by_text("您以前在这支队伍里，想回来可以再申请。")).to_be_visible()
    open_page(phone, app_url + "/teams")
    expect(phone.locator("#my-teams")).to_have_count(0)
