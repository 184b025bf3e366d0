"""Staff write a week's study material in the browser: bad answers, a picture, the preview as a
member sees it (script and javascript: links made harmless), save, correct, the history."""

import os
import re
from datetime import timedelta

from PIL import Image
from playwright.sync_api import expect

from tests.e2e.conftest import TODAY, assert_accessible, open_page, sign_in
from tests.e2e.journeys import STAFF

TITLE = "在家门口学党史"
BODY = (
    "## 第一部分\n\n<script>window.__hacked = true; alert('x')</script>"
    "老党员在社区里发挥作用，**从身边小事做起**。\n\n- 关心邻居\n- 参加志愿服务\n\n"
    "[点这里](javascript:alert(1))"
)
POINTS = "从身边小事做起\n关心困难邻居\n按时参加组织生活"
QUESTIONS = "您在社区里帮过谁？"
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def a_monday_ahead() -> str:
    """A week far enough ahead that the demo material does not hold it."""
    return (TODAY - timedelta(days=TODAY.weekday()) + timedelta(weeks=40)).isoformat()


def test_staff_write_preview_save_correct_and_read_the_history(app_url, phone, tmp_path):
    picture = tmp_path / "社区.png"
    Image.new("RGB", (120, 80), (200, 40, 40)).save(picture)
    dialogs: list[str] = []
    phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(phone, app_url, *STAFF)

    open_page(phone, app_url + "/staff/study")
    expect(phone.get_by_role("heading", name="学习材料", exact=True)).to_be_visible()
    assert_accessible(phone)
    phone.get_by_role("link", name="写新一周的材料").click()
    expect(phone.get_by_role("heading", name="写新一周的材料")).to_be_visible()
    expect(phone.get_by_label("属于哪一周")).not_to_have_value("")
    assert_accessible(phone)

    # bad answers: told by each field and at the top, what was typed stays
    phone.get_by_label("属于哪一周").fill(a_monday_ahead())
    phone.get_by_label("标题", exact=True).fill(TITLE)
    phone.get_by_label("正文").fill("太短")
    phone.locator("#save-button").click()
    summary = phone.locator("#error-summary")
    expect(summary).to_contain_text("正文请写20到20000个字")
    expect(summary).to_contain_text("学习要点请写3到5条，每行一条")
    expect(phone.locator("#body-error")).to_have_text("正文请写20到20000个字")
    expect(phone.get_by_label("标题", exact=True)).to_have_value(TITLE)
    assert_accessible(phone)

    # a picture: uploaded at once, its line added to the body
    phone.get_by_label("正文").fill(BODY)
    phone.get_by_label("学习要点").fill(POINTS)
    phone.get_by_label("思考题").fill(QUESTIONS)
    phone.locator("#f-image input[type=file]").set_input_files(str(picture))
    expect(phone.locator("#image-note")).to_have_text("图片已上传，已加到正文最后。")
    expect(phone.get_by_label("正文")).to_have_value(
        re.compile(r"!\[图片说明\]\(/study/image/\d+\)")
    )

    # the preview, as a member sees it on a phone
    phone.get_by_role("button", name="预览").click()
    preview = phone.locator("#preview")
    expect(preview.get_by_role("heading", name=TITLE)).to_be_visible()
    body = preview.locator(".hj-study-body")
    expect(body).to_contain_text("<script>window.__hacked = true; alert('x')</script>")
    expect(body).to_contain_text("[点这里](javascript:alert(1))")
    assert body.locator("script").count() == 0
    assert preview.locator("a").count() == 0
    expect(body.locator("strong")).to_have_text("从身边小事做起")
    expect(preview.locator(".hj-study-points li")).to_have_count(3)
    image = body.locator("img[alt='图片说明']")
    expect(image).to_be_visible()
    phone.wait_for_function(
        "() => { const i = document.querySelector('#preview img'); "
        "return i && i.complete && i.naturalWidth === 120; }"
    )
    assert_accessible(phone)

    # save: the week's page opens with the saved text
    preview.get_by_role("button", name="保存").click()
    expect(phone).to_have_url(re.compile(r"/staff/study/\d+\?saved=1$"))
    expect(phone.locator("#page-notice")).to_have_text(f"已保存“{TITLE}”（第1版）。")
    expect(phone.get_by_label("正文")).to_have_value(re.compile("^## 第一部分"))
    assert_accessible(phone)

    # correct it: version 2
    phone.get_by_label("标题", exact=True).fill(TITLE + "（修订）")
    phone.locator("#save-button").click()
    expect(phone.locator("#page-notice")).to_have_text("已保存为第2版。")
    expect(phone.locator("#editing-note")).to_contain_text("第2版")

    # the history: both versions, the first one readable as it was
    phone.get_by_role("link", name="历次版本").click()
    expect(phone.get_by_role("heading", name="历次版本")).to_be_visible()
    versions = phone.locator("#versions > li")
    expect(versions).to_have_count(2)
    expect(versions.nth(0)).to_contain_text("第2版")
    expect(versions.nth(0)).to_contain_text("当前版本")
    first = versions.nth(1)
    first.get_by_text("查看第1版的内容").click()
    expect(first.get_by_role("heading", name=TITLE, exact=True)).to_be_visible()
    assert_accessible(phone)

    # the list shows it, with its status and version
    open_page(phone, app_url + "/staff/study")
    card = phone.locator("#weeks li", has_text=TITLE + "（修订）")
    expect(card).to_contain_text("第2版")
    expect(card).to_contain_text("定于")
    assert dialogs == [] and phone.evaluate("window.__hacked === undefined")


def test_files_that_are_not_pictures_or_too_big_are_refused_by_the_field(app_url, phone, tmp_path):
    fake = tmp_path / "照片.png"
    fake.write_text("这不是图片，只是改了名字的文字。", encoding="utf-8")
    sign_in(phone, app_url, *STAFF)
    open_page(phone, app_url + "/staff/study/new")
    phone.get_by_label("标题", exact=True).fill("保留的标题")
    phone.locator("#f-image input[type=file]").set_input_files(str(fake))
    expect(phone.locator("#image-error")).to_have_text(
        "这个文件不是图片，请选择 JPG、PNG、GIF 或 WEBP 图片"
    )
    expect(phone.get_by_label("标题", exact=True)).to_have_value("保留的标题")
    expect(phone.get_by_label("正文")).to_have_value("")
    assert_accessible(phone)
    huge = tmp_path / "大照片.png"
    Image.frombytes("RGB", (1400, 1400), os.urandom(1400 * 1400 * 3)).save(huge)
    assert huge.stat().st_size > 5 * 1024 * 1024
    phone.locator("#f-image input[type=file]").set_input_files(str(huge))
    expect(phone.locator("#image-error")).to_have_text("图片不能超过5MB")
    expect(phone.locator("#error-summary")).to_contain_text("图片不能超过5MB")


def test_the_pages_of_a_week_fit_a_narrow_phone_at_the_largest_text(app_url, browser):
    context = browser.new_context(viewport={"width": 320, "height": 740}, locale="zh-CN")
    page = context.new_page()
    page.add_init_script("localStorage.setItem('huajin_text_size', 'xlarge')")
    sign_in(page, app_url, *STAFF)
    open_page(page, app_url + "/staff/study")
    page.locator("#weeks a", has_text="修改").first.click()
    expect(page.get_by_role("heading", name="修改学习材料")).to_be_visible()
    expect(page.get_by_label("正文")).not_to_have_value("")
    edit_url = page.url
    page.get_by_role("button", name="预览").click()
    expect(page.locator("#preview .hj-ss-phone")).to_be_visible()
    for url in (edit_url, edit_url + "/history"):
        if url != edit_url:
            open_page(page, url)
            page.locator("summary").first.click()
        assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{url} scrolls sideways"
        assert_accessible(page)
    context.close()
