"""学习心得 in the browser: a member writes a reflection on this week's material (an empty one
is refused first), the grid secretary replies on /secretary/reflections, and the member reads
the reply in /messages and on the reflection page."""

from playwright.sync_api import expect

from huajin_pwa.services import clock
from tests.e2e.conftest import TODAY, assert_accessible, open_page, sign_in
from tests.e2e.journeys import SECRETARY

MEMBER = ("13800000004", "246810")
MEMBER_NAME = "李秀兰"
THIS_WEEK = clock.monday(TODAY).isoformat()
REFLECTION = "读了这周的材料，想起刚退休时不知道该做什么。现在跟着支部去看望独居老人，心里踏实。"
COMMENT = "写得真实在，下周支部学习时请您给大家讲讲。"


def test_member_writes_secretary_replies_member_reads_it(app_url, new_phone):
    member = new_phone()
    sign_in(member, app_url, *MEMBER)
    page_url = f"{app_url}/study/{THIS_WEEK}/reflect"
    open_page(member, page_url)
    expect(member.get_by_role("heading", name="学习心得", exact=True)).to_be_visible()
    box = member.get_by_label("写下您的学习心得")
    expect(box).to_have_attribute("lang", "zh-CN")
    expect(box).to_have_attribute("autocomplete", "off")
    expect(member.locator("#body-hint")).to_contain_text("语音输入")
    expect(member.locator("#body-count")).to_have_text("已写 0 / 2000 字")
    assert_accessible(member)

    member.locator("#reflect-submit").click()
    expect(member.locator("#error-summary")).to_contain_text("请写下您的学习心得")
    expect(member.locator("#body-error")).to_have_text("请写下您的学习心得")
    assert_accessible(member)

    box.fill(REFLECTION)
    expect(member.locator("#body-count")).to_have_text(f"已写 {len(REFLECTION)} / 2000 字")
    member.locator("#reflect-submit").click()
    expect(member.locator("#reflect-told")).to_contain_text("已提交给支部")
    expect(member.locator("#reflect-status")).to_have_text("等待书记回复")
    expect(member.locator("#reflect-body")).to_have_text(REFLECTION)
    expect(member.locator("#reflect-edit")).to_be_visible()
    assert_accessible(member)

    secretary = new_phone()
    sign_in(secretary, app_url, *SECRETARY)
    open_page(secretary, app_url + "/secretary/reflections")
    card = secretary.locator(".hj-reflect-card", has_text=REFLECTION)
    expect(card).to_contain_text(MEMBER_NAME)
    expect(card).to_contain_text("等待书记回复")
    expect(card.locator("a[href^='tel:']")).to_have_attribute("href", "tel:" + MEMBER[0])
    assert_accessible(secretary)
    card.get_by_label("回复内容").fill(COMMENT)
    card.get_by_role("button", name=f"回复 {MEMBER_NAME}").click()
    expect(card).to_contain_text("回复：" + COMMENT)
    expect(card).to_contain_text("书记已回复")
    expect(card.get_by_label("回复内容")).to_have_count(0)
    assert_accessible(secretary)

    open_page(member, app_url + "/messages")
    message = member.locator(".hj-card", has_text=COMMENT).first
    expect(message).to_contain_text("书记回复了您的学习心得")
    message.get_by_role("link", name="去看看").click()
    expect(member).to_have_url(page_url)
    expect(member.locator("#reflect-status")).to_have_text("书记已回复")
    expect(member.locator("#reflect-reply")).to_contain_text(COMMENT)
    expect(member.locator("#reflect-edit")).to_have_count(0)
    assert_accessible(member)
