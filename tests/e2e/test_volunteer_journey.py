"""The whole volunteer journey of issue 5 on two phones: 李秀兰 (13800000004) asks to join 老红帽
with one tap; its leader approves on /leader and she is told in /messages; she signs up for the
troupe's show, checks in at the activity under way by opening the leader's QR link, and after
the leader confirms the hours of a service she was checked in at, she sees them on /me and on
her printable summary. Runs after the other team journeys (file-name order)."""

import re

from playwright.sync_api import Page, expect

from huajin_pwa.demo import activity_cast as cast
from tests.e2e.conftest import assert_accessible, open_page, sign_in

MEMBER = (cast.MEMBER_PHONE, "246810")
MEMBER_NAME = "李秀兰"
LEADER = (cast.LEADER_PHONE, "135790")
HOURS = re.compile(r"共 ([\d.]+) 小时")


def hours_total(page: Page, app_url: str) -> float:
    """The member's total service hours as /me shows them."""
    open_page(page, app_url + "/me")
    match = HOURS.search(page.locator("#hours-total").inner_text())
    assert match, page.locator("#hours-total").inner_text()
    return float(match.group(1))


def test_join_sign_up_check_in_and_hours(app_url, new_phone, demo_id):
    member, leader = new_phone(), new_phone()
    sign_in(member, app_url, *MEMBER)
    sign_in(leader, app_url, *LEADER)
    hours_before = hours_total(member, app_url)

    # one tap to ask; the leader approves; she is told
    open_page(member, f"{app_url}/teams/{demo_id('team', cast.LEADER_TEAM)}")
    member.get_by_role("button", name="申请加入").click()
    expect(member.locator("#my-status")).to_have_text("已申请，等待队长同意")
    open_page(leader, f"{app_url}/leader?team={demo_id('team', cast.LEADER_TEAM)}")
    leader.get_by_role("button", name=f"同意{MEMBER_NAME}入队", exact=True).click()
    expect(leader.get_by_text(f"已同意{MEMBER_NAME}入队")).to_be_visible()
    open_page(member, app_url + "/messages")
    expect(member.get_by_text(f"您已加入{cast.LEADER_TEAM}").first).to_be_visible()
    open_page(member, f"{app_url}/teams/{demo_id('team', cast.LEADER_TEAM)}")
    expect(member.locator("#my-status")).to_have_text("已入队")

    # she signs up for the troupe's show
    open_page(member, f"{app_url}/activities/{demo_id('activity', cast.SHOW_TITLE)}")
    member.get_by_role("button", name="报名", exact=True).click()
    expect(member.locator("#my-status")).to_have_text("已报名")

    # the QR link of the activity under way, opened on her phone
    open_page(leader, f"{app_url}/leader/activity/{demo_id('activity', cast.CHECKIN_TITLE)}")
    link = leader.locator("#checkin-link").inner_text().strip()
    open_page(member, link)
    expect(member.locator("#checkin-headline")).to_have_text("签到成功 ✓")
    row = leader.locator("#roster li").filter(has_text=MEMBER_NAME)
    expect(row).to_contain_text("扫码签到", timeout=15_000)  # the leader's page catches up

    # the leader confirms the hours of the service she was at (3 hours, the default)
    open_page(leader, f"{app_url}/leader/activity/{demo_id('activity', cast.HOURS_TITLE)}/hours")
    expect(leader.get_by_role("heading", name=cast.HOURS_TITLE)).to_be_visible()
    leader.get_by_role("button", name="确认时长").click()
    expect(leader.get_by_role("button", name="确认时长")).to_have_count(0)
    expect(leader.locator("#hours-rows")).to_contain_text("已确认 3 小时")
    assert_accessible(leader)

    # she sees them on /me and on her printable summary
    assert hours_total(member, app_url) == hours_before + 3
    assert_accessible(member)
    member.get_by_role("link", name="查看和打印").click()
    expect(member.locator("#hours-table")).to_contain_text(cast.HOURS_TITLE)
