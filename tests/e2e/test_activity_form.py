"""A team leader plans an activity for 老红帽 on a phone: mistakes explained with the answers
kept, a picture, saved; then changes the place and cancels it (the page asks first)."""

import re
from datetime import timedelta

from PIL import Image
from playwright.sync_api import Page, expect

from huajin_pwa.demo.activity_cast import LEADER_PHONE, LEADER_TEAM
from tests.e2e.conftest import TODAY, assert_accessible, open_page, sign_in

TITLE = "老红帽社区义诊引导"
PLACE = "华锦社区卫生服务站门口"
NEW_PLACE = "华锦社区党群服务中心一楼"
TOMORROW = (TODAY + timedelta(days=1)).isoformat()
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def fill_form(phone: Page, starts: str, ends: str, capacity: str) -> None:
    phone.get_by_label("活动名称").fill(TITLE)
    phone.get_by_label("所属队伍").select_option(label=LEADER_TEAM)
    phone.get_by_role("radio", name="志愿服务").check()
    phone.get_by_label("日期").fill(TOMORROW)
    phone.get_by_label("开始时间").fill(starts)
    phone.get_by_label("结束时间").fill(ends)
    phone.get_by_label("地点").fill(PLACE)
    phone.get_by_label("名额").fill(capacity)
    phone.get_by_role("radio", name="居民都可参加").check()
    phone.get_by_label("活动介绍（可不填）").fill("帮助老人排队、取号，八点五十集合。")


def test_a_leader_plans_changes_and_cancels_an_activity(app_url, phone, tmp_path):
    sign_in(phone, app_url, LEADER_PHONE, "135790")
    open_page(phone, app_url + "/activities/new")
    expect(phone.get_by_role("heading", name="发起活动", level=1)).to_be_visible()
    assert_accessible(phone)

    # mistakes: it ends before it starts, and no places
    fill_form(phone, "11:00", "09:00", "0")
    phone.get_by_role("button", name="保存").click()
    summary = phone.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("结束时间要晚于开始时间")
    expect(summary).to_contain_text("名额请填 1 到 1000 之间的整数")
    expect(phone.locator("#ends-error")).to_have_text("结束时间要晚于开始时间")
    expect(phone.locator("#capacity-error")).to_have_text("名额请填 1 到 1000 之间的整数")
    expect(phone.get_by_label("活动名称")).to_have_value(TITLE)
    expect(phone.get_by_label("地点")).to_have_value(PLACE)
    expect(phone.get_by_label("所属队伍")).to_have_value(re.compile(r"^\d+$"))
    expect(phone.get_by_role("radio", name="志愿服务")).to_be_checked()
    assert phone.evaluate(NO_SIDEWAYS_SCROLL)
    assert_accessible(phone)
    summary.get_by_role("link", name="名额请填 1 到 1000 之间的整数").click()
    expect(phone.get_by_label("名额")).to_be_in_viewport()

    # put right, with a picture
    picture = tmp_path / "义诊.png"
    Image.new("RGB", (40, 30), (180, 30, 40)).save(picture)
    phone.get_by_label("开始时间").fill("09:00")
    phone.get_by_label("结束时间").fill("11:00")
    phone.get_by_label("名额").fill("20")
    phone.locator("#f-image input[type=file]").set_input_files(str(picture))
    expect(phone.locator("#picture-note")).to_have_text("图片已上传，保存后会显示在活动页面。")
    expect(phone.get_by_role("img", name="活动图片")).to_be_visible()
    phone.get_by_role("button", name="保存").click()
    expect(phone).to_have_url(re.compile(r"/activities/\d+$"))
    activity_url = phone.url
    expect(phone.get_by_text(TITLE).first).to_be_visible()

    # change the place: the form opens with what was saved
    open_page(phone, activity_url + "/edit")
    expect(phone.get_by_role("heading", name="修改活动", level=1)).to_be_visible()
    expect(phone.get_by_label("活动名称")).to_have_value(TITLE)
    expect(phone.get_by_label("日期")).to_have_value(TOMORROW)
    expect(phone.get_by_label("开始时间")).to_have_value("09:00")
    expect(phone.get_by_label("结束时间")).to_have_value("11:00")
    expect(phone.get_by_label("名额")).to_have_value("20")
    expect(phone.get_by_role("img", name="活动图片")).to_be_visible()
    assert_accessible(phone)
    phone.set_viewport_size({"width": 320, "height": 740})  # the narrowest phone, 特大
    phone.get_by_role("button", name="特大").click()
    expect(phone.locator("html")).to_have_attribute("data-text-size", "xlarge")
    assert phone.evaluate(NO_SIDEWAYS_SCROLL)
    assert_accessible(phone)
    phone.get_by_role("button", name="标准").click()
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.get_by_label("地点").fill(NEW_PLACE)
    phone.get_by_role("button", name="保存").click()
    expect(phone).to_have_url(activity_url)
    open_page(phone, activity_url + "/edit")
    expect(phone.get_by_label("地点")).to_have_value(NEW_PLACE)

    # cancel: asked first on the page, then told
    phone.get_by_role("button", name="取消活动").click()
    question = phone.locator("#cancel-question")
    expect(question).to_contain_text(f"确定要取消“{TITLE}”吗？")
    expect(question).to_be_focused()
    assert_accessible(phone)
    phone.get_by_role("button", name="不取消").click()
    expect(question).to_have_count(0)
    phone.get_by_role("button", name="取消活动").click()
    phone.get_by_role("button", name="确定取消活动").click()
    expect(phone.locator("#page-notice")).to_have_text(f"活动“{TITLE}”已取消，已通知 0 人。")
    expect(phone.locator("#activity-form")).to_have_count(0)
    open_page(phone, activity_url + "/edit")
    expect(phone.locator("#page-notice")).to_have_text("这个活动已经取消了。")


def test_the_form_with_errors_fits_a_narrow_phone_at_the_largest_text(app_url, browser):
    context = browser.new_context(viewport={"width": 320, "height": 740}, locale="zh-CN")
    page = context.new_page()
    page.add_init_script("localStorage.setItem('huajin_text_size', 'xlarge')")
    sign_in(page, app_url, LEADER_PHONE, "135790")
    open_page(page, app_url + "/activities/new")
    page.get_by_role("button", name="保存").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert_accessible(page)
    context.close()
