"""Staff manage teams in the browser: the 参与情况 figures on /staff, 队伍管理, a new team with an
empty name first (told at the top and by the field), then 银龄书法社; NEW_LEADER made its leader
opens /leader; the team shows on /teams until staff stop it (confirmed inline), which leaves
the demo's list of teams as it was for the journeys that follow. Only NEW_LEADER's rows of
activity_cast.py change."""

import re

from playwright.sync_api import Page, expect

from huajin_pwa import text
from huajin_pwa.demo import activity_cast as cast
from tests.e2e.conftest import assert_accessible, open_page, sign_in
from tests.e2e.journeys import STAFF

T = text.StaffTeams
NAME = "银龄书法社"
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def fill_team(page: Page, name: str) -> None:
    page.get_by_label(T.NAME, exact=True).fill(name)
    page.get_by_label("文艺队", exact=True).check()
    page.get_by_label(T.SUMMARY, exact=True).fill("一起练毛笔字，过年写春联送给邻居")
    page.get_by_label(T.MEETS_WHEN, exact=True).fill("每周三上午9点")
    page.get_by_label(T.MEETS_WHERE, exact=True).fill("党群服务中心二楼书画室")


def test_staff_create_a_team_set_its_leader_and_stop_it(app_url, phone, new_phone):
    sign_in(phone, app_url, *STAFF)
    open_page(phone, app_url + "/staff")
    figures = phone.locator("section[aria-labelledby='participation-heading']")
    expect(figures.get_by_role("heading", name=T.PART_HEADING)).to_be_visible()
    expect(phone.locator("#part-in-teams")).to_contain_text(re.compile(r"\d+ / \d+ 人（\d+%）"))
    expect(phone.locator("#part-activities")).to_contain_text(re.compile(r"\d+ 场"))
    expect(phone.locator("#part-attendance")).to_contain_text(T.PART_ATTENDANCE)
    expect(phone.locator("#part-hours-total")).to_contain_text("小时")
    expect(phone.locator("#part-hours li").first).to_contain_text("小时")
    expect(phone.locator("#part-hours-rest")).to_contain_text("支队伍合计")
    assert_accessible(phone)

    phone.locator("#to-staff-teams").click()
    expect(phone.get_by_role("heading", name=T.LIST_TITLE, exact=True)).to_be_visible()
    expect(phone.locator("#team-list")).to_contain_text("队长：")
    assert_accessible(phone)

    # an empty name: told at the top and by the field, the rest kept
    phone.get_by_role("link", name=T.NEW, exact=True).click()
    expect(phone.get_by_role("heading", name=T.NEW_TITLE, exact=True)).to_be_visible()
    fill_team(phone, "")
    phone.get_by_role("button", name=T.CREATE).click()
    expect(phone.locator("#error-summary")).to_contain_text(T.NAME_INVALID)
    expect(phone.locator("#name-error")).to_have_text(T.NAME_INVALID)
    expect(phone.get_by_label(T.MEETS_WHEN, exact=True)).to_have_value("每周三上午9点")
    assert phone.evaluate(NO_SIDEWAYS_SCROLL)
    assert_accessible(phone)

    fill_team(phone, NAME)
    phone.get_by_role("button", name=T.CREATE).click()
    expect(phone).to_have_url(re.compile(r"/staff/teams/\d+\?created=1$"))
    expect(phone.locator("#page-notice")).to_have_text(T.CREATED.format(name=NAME))
    team_url = phone.url.split("?")[0]

    # NEW_LEADER becomes its leader (a number with no account first: told, the number kept)
    phone.get_by_label(T.LEADER_PHONE).fill("13977770000")
    phone.get_by_role("button", name=T.ADD_LEADER).click()
    expect(phone.locator("#phone-error")).to_have_text(text.Field.PHONE_UNKNOWN)
    expect(phone.get_by_label(T.LEADER_PHONE)).to_have_value("13977770000")
    phone.get_by_label(T.LEADER_PHONE).fill(cast.NEW_LEADER)
    phone.get_by_role("button", name=T.ADD_LEADER).click()
    expect(phone.locator("#leaders")).to_contain_text(cast.NEW_LEADER)
    expect(phone.locator("#page-notice")).to_contain_text("已通知本人")
    expect(phone.get_by_label(T.LEADER_PHONE)).to_have_value("")
    phone.get_by_role("button", name=re.compile("^" + T.REMOVE)).click()
    expect(phone.get_by_role("button", name=T.REMOVE_YES)).to_be_visible()
    assert_accessible(phone)
    phone.get_by_role("button", name=T.REMOVE_NO).click()
    expect(phone.get_by_role("button", name=T.REMOVE_YES)).to_have_count(0)
    expect(phone.locator("#leaders li")).to_have_count(1)

    # the team is open to all on /teams
    visitor = new_phone()
    open_page(visitor, app_url + "/teams?kind=troupe")
    expect(visitor.get_by_role("link", name=NAME, exact=True)).to_be_visible()

    # the new leader has a leader's desk
    leader = new_phone()
    sign_in(leader, app_url, cast.NEW_LEADER, "246810")
    open_page(leader, app_url + "/leader")
    expect(leader.get_by_role("heading", name="队长工作台")).to_be_visible()
    expect(leader.locator("#leader-team-now")).to_contain_text(NAME)

    # stopping asks first, then the team leaves the public list
    open_page(phone, team_url)
    phone.get_by_role("button", name=T.STOP, exact=True).click()
    expect(phone.locator("#stop-confirm")).to_contain_text(T.STOP_ASK.format(name=NAME))
    assert_accessible(phone)
    phone.get_by_role("button", name=T.STOP_YES).click()
    expect(phone.locator("#page-notice")).to_contain_text(T.STOPPED_DONE.format(name=NAME))
    expect(phone.get_by_text(T.STOPPED_NOTE)).to_be_visible()
    open_page(visitor, app_url + "/teams?kind=troupe")
    expect(visitor.get_by_role("heading", level=1)).to_be_visible()
    expect(visitor.get_by_role("link", name=NAME, exact=True)).to_have_count(0)
