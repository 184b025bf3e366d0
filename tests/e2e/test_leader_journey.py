"""The leader of 老红帽 and 华锦艺术团 on /leader: approves one of two join requests and declines
the other; the approved member reads it in /messages and sees 已入队 on the team's page; the
leader refers an undisclosed troupe member (one mistake first) and staff see the referral; the
activities tab counts sign-ups and check-ins. A member who leads nothing is told so."""

import re

from playwright.sync_api import expect

from huajin_pwa.demo import activity_cast as cast
from huajin_pwa.demo.plan import build
from tests.e2e.conftest import assert_accessible, open_page, sign_in
from tests.e2e.journeys import STAFF

LEADER = (cast.LEADER_PHONE, "135790")
NAMES = {person.phone: person.name for person in build().cast}
JOINER, TURNED_DOWN = (NAMES[phone] for phone in cast.JOIN_ASKERS)
UNDISCLOSED = NAMES[cast.UNDISCLOSED]
NOTE = "排练时她说起过老家的党支部，组织关系还在外地"
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def decide_requests(leader, app_url: str) -> str:
    """Approve the first asker, decline the second; returns 老红帽's id."""
    open_page(leader, app_url + "/leader")
    expect(leader.get_by_role("heading", name="队长工作台")).to_be_visible()
    expect(leader.locator("#leader-team-now")).to_contain_text(cast.LEADER_TEAM)
    expect(leader.locator("#leader-tab-requests")).to_contain_text("2")
    requests = leader.locator("#leader-requests")
    expect(requests).to_contain_text(JOINER)
    expect(requests).to_contain_text(TURNED_DOWN)
    expect(requests).to_contain_text(f"申请加入：{cast.LEADER_TEAM}")
    assert_accessible(leader)
    approve = leader.get_by_role("button", name=f"同意{JOINER}入队", exact=True)
    assert approve.bounding_box()["height"] >= 60
    approve.click()
    expect(leader.locator("#page-notice")).to_contain_text(f"已同意{JOINER}入队")
    expect(requests).not_to_contain_text(JOINER)
    expect(leader.locator("#leader-tab-requests")).to_contain_text("1")
    leader.get_by_role("button", name=f"不同意{TURNED_DOWN}入队").click()
    expect(leader.locator("#page-notice")).to_contain_text(f"已不同意{TURNED_DOWN}入队")
    expect(leader.get_by_text("没有等您处理的入队申请")).to_be_visible()
    href = leader.locator("#leader-tab-members").get_attribute("href")
    return re.search(r"team=(\d+)", href).group(1)


def refer_undisclosed(leader, app_url: str) -> None:
    """From the troupe's roster, through the form (empty first), to 已推荐给社区."""
    open_page(leader, app_url + "/leader?tab=members")
    leader.get_by_label("选择队伍").select_option(label=cast.LEADER_TROUPE)
    leader.get_by_role("button", name="查看这支队伍").click()
    expect(leader.locator("#leader-team-now")).to_contain_text(cast.LEADER_TROUPE)
    card = leader.locator("#leader-members li", has_text=UNDISCLOSED)
    expect(card).to_contain_text("尚未亮明身份")
    expect(leader.locator("#leader-members")).to_contain_text("已亮明身份")
    expect(card.locator("a.hj-tel")).to_have_attribute("href", "tel:" + cast.UNDISCLOSED)
    assert_accessible(leader)
    assert leader.evaluate(NO_SIDEWAYS_SCROLL)
    card.get_by_role("link", name=f"把{UNDISCLOSED}推荐给社区（以老带新）").click()
    expect(leader.locator("#refer-who")).to_contain_text(UNDISCLOSED)
    expect(leader.locator("#refer-who")).to_contain_text(cast.LEADER_TROUPE)
    assert_accessible(leader)
    leader.get_by_label("您是怎么知道的？").fill("好")
    leader.get_by_role("button", name="推荐给社区").click()
    summary = leader.locator("#error-summary")
    expect(summary).to_contain_text("请写下您是怎么知道的")
    expect(leader.locator("#how_known-error")).to_be_visible()
    expect(leader.get_by_label("您是怎么知道的？")).to_have_value("好")
    assert_accessible(leader)
    expect(summary.get_by_role("link")).to_have_attribute("href", re.compile(r"#f-how_known$"))
    leader.get_by_label("您是怎么知道的？").fill(NOTE)
    leader.get_by_role("button", name="推荐给社区").click()
    expect(leader.locator("#refer-done")).to_contain_text(f"工作人员会去联系{UNDISCLOSED}")
    leader.get_by_role("link", name="回到队员名单").click()
    card = leader.locator("#leader-members li", has_text=UNDISCLOSED)
    expect(card).to_contain_text("已推荐给社区")


def test_a_leader_decides_joins_and_refers_a_member(app_url, new_phone):
    leader = new_phone()
    sign_in(leader, app_url, *LEADER)
    red_id = decide_requests(leader, app_url)

    open_page(leader, app_url + f"/leader?tab=activities&team={red_id}")
    card = leader.locator("#leader-activities li", has_text=cast.CHECKIN_TITLE)
    expect(card).to_contain_text("进行中")
    expect(card).to_contain_text(re.compile(r"已报名 \d+ / 名额 \d+"))
    expect(card).to_contain_text(re.compile(r"已签到 \d+"))
    expect(card.get_by_role("link")).to_have_attribute(
        "href", re.compile(r"^/leader/activity/\d+$")
    )
    expect(leader.get_by_role("link", name="新建活动")).to_have_attribute("href", "/activities/new")
    assert_accessible(leader)

    refer_undisclosed(leader, app_url)

    joiner = new_phone()
    sign_in(joiner, app_url, cast.JOIN_ASKERS[0], "246810")
    open_page(joiner, app_url + "/messages")
    expect(joiner.get_by_text(f"您已加入{cast.LEADER_TEAM}")).to_be_visible()
    open_page(joiner, app_url + f"/teams/{red_id}")
    expect(joiner.get_by_text("已入队").first).to_be_visible()

    staff = new_phone()
    sign_in(staff, app_url, *STAFF)
    open_page(staff, app_url + "/staff/referrals")
    expect(staff.get_by_text(NOTE)).to_be_visible()
    expect(staff.locator("main")).to_contain_text(UNDISCLOSED)


def test_who_is_not_a_leader_is_told_and_the_signed_out_sign_in_first(app_url, new_phone):
    member = new_phone()
    sign_in(member, app_url, cast.MEMBER_PHONE, "246810")
    open_page(member, app_url + "/leader")
    expect(member.get_by_role("heading", name="您还不是队长")).to_be_visible()
    assert_accessible(member)

    stranger = new_phone()
    open_page(stranger, app_url + "/leader?tab=members")
    expect(stranger).to_have_url(re.compile(r"/login\?next=/leader%3Ftab%3Dmembers$"))
    stranger.get_by_label("手机号").fill(LEADER[0])
    stranger.get_by_role("button", name="下一步").click()
    for digit in LEADER[1]:
        stranger.get_by_role("button", name=f"数字 {digit}").click()
    expect(stranger).to_have_url(re.compile(r"/leader\?tab=members$"))
    expect(stranger.locator("#leader-members")).to_be_visible()
