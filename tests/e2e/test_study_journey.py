"""周周讲进家庭 in the browser, the member's side: this week's material in large print, 朗读
sentence by sentence in zh-CN, 我已学习 counted on /me, a past week, and the print page read
with the network cut off after a first visit."""

import re
from datetime import timedelta

from playwright.sync_api import Page, expect

from huajin_pwa import text
from huajin_pwa.demo.study_material_recent import FALLS, NEIGHBOURS
from tests.e2e.conftest import TODAY, assert_accessible, open_page, sign_in

MEMBER = ("13800000004", "246810")  # studied the last three weeks, not this week (the demo)
THIS_MONDAY = (TODAY - timedelta(days=TODAY.weekday())).isoformat()
LAST_MONDAY = (TODAY - timedelta(days=TODAY.weekday() + 7)).isoformat()
P = text.StudyPage
R = text.ReadAloud

# Runs before the app's scripts: every utterance is recorded instead of spoken.
SPEECH_SPY = """
window.__spoken = [];
window.SpeechSynthesisUtterance = function (text) {
  this.text = text; this.lang = ''; this.rate = 1; this.voice = null;
};
var spy = {
  speak: function (u) { window.__spoken.push(u); },
  cancel: function () { window.__cancels = (window.__cancels || 0) + 1; },
  pause: function () {}, resume: function () {},
  getVoices: function () { return []; },
};
if (window.speechSynthesis) {
  window.speechSynthesis.speak = spy.speak;
  window.speechSynthesis.cancel = spy.cancel;
  window.speechSynthesis.getVoices = spy.getVoices;
} else {
  Object.defineProperty(window, 'speechSynthesis', { value: spy });
}
"""
SPOKEN = "window.__spoken.map(u => ({text: u.text, lang: u.lang, rate: u.rate}))"
FINISH_SENTENCE = "window.__spoken[window.__spoken.length - 1].onend()"


def weeks_studied(page: Page) -> int:
    words = page.locator("#study-weeks").inner_text()
    return int(re.search(r"\d+", words).group(0))


def read_aloud(member: Page) -> None:
    """朗读 speaks the title first, in zh-CN, then the key points, one sentence at a time, with
    the block being read marked; 暂停 / 继续, 慢一点 and 停止."""
    play = member.locator("#reader-study-text-play")
    state = member.locator("#reader-study-text-state")
    expect(state).to_have_text(R.IDLE)
    member.get_by_role("button", name=R.PLAY, exact=True).click()
    spoken = member.evaluate(SPOKEN)
    assert spoken == [{"text": FALLS.title, "lang": "zh-CN", "rate": 0.9}]
    expect(play).to_have_text(R.PAUSE)
    expect(state).to_contain_text("正在朗读：第 1 句")
    expect(member.locator("#study-title")).to_have_class(re.compile("hj-reading"))
    member.evaluate(FINISH_SENTENCE)
    member.evaluate(FINISH_SENTENCE)
    spoken = member.evaluate(SPOKEN)
    assert [s["text"] for s in spoken[1:]] == [P.POINTS, FALLS.points[0]]
    assert {s["lang"] for s in spoken} == {"zh-CN"}
    expect(member.locator(".hj-study-points li.hj-reading")).to_have_text(FALLS.points[0])
    expect(state).to_contain_text("正在朗读：第 3 句")

    member.get_by_role("button", name=R.PAUSE, exact=True).click()
    expect(play).to_have_text(R.RESUME)
    expect(state).to_have_text(R.PAUSED)
    member.get_by_role("button", name=R.RESUME, exact=True).click()
    assert member.evaluate(SPOKEN)[-1]["text"] == FALLS.points[0]  # the same sentence again
    slow = member.get_by_role("button", name=R.SLOWER)
    expect(slow).to_have_attribute("aria-pressed", "false")
    slow.click()
    expect(slow).to_have_attribute("aria-pressed", "true")
    assert member.evaluate(SPOKEN)[-1] == {"text": FALLS.points[0], "lang": "zh-CN", "rate": 0.6}
    member.get_by_role("button", name=R.STOP, exact=True).click()
    expect(play).to_have_text(R.PLAY)
    expect(state).to_have_text(R.IDLE)
    expect(member.locator(".hj-reading")).to_have_count(0)


def test_member_reads_this_week_listens_marks_it_studied_and_reads_offline(app_url, phone):
    phone.add_init_script(SPEECH_SPY)
    sign_in(phone, app_url, *MEMBER)
    open_page(phone, app_url + "/me")
    before = weeks_studied(phone)

    open_page(phone, app_url + "/study")
    expect(phone.locator("#study-title")).to_have_text(FALLS.title)
    points = phone.locator(".hj-study-points li")
    expect(points).to_have_text(list(FALLS.points))
    expect(phone.get_by_text(P.NOT_STUDIED).first).to_be_visible()
    expect(phone.locator(f"#week-{LAST_MONDAY}")).to_contain_text(P.STUDIED)
    assert_accessible(phone)
    read_aloud(phone)

    phone.get_by_role("button", name=P.MARK).click()
    expect(phone.locator("#study-told")).to_have_text(text.Study.MARKED.format(title=FALLS.title))
    expect(phone.locator("#study-done")).to_have_text(P.STUDIED_HOW.format(how="自学"))
    expect(phone.get_by_role("button", name=P.MARK)).to_have_count(0)
    expect(phone.locator("#study-reflect")).to_have_attribute(
        "href", f"/study/{THIS_MONDAY}/reflect"
    )
    # Leaving the page while it reads stops the reading.
    phone.get_by_role("button", name=R.PLAY, exact=True).click()
    cancels = phone.evaluate("window.__cancels || 0")
    phone.get_by_role("navigation", name=text.Nav.MAIN_LABEL).get_by_role(
        "link", name="我的"
    ).click()
    expect(phone).to_have_url(app_url + "/me")
    assert phone.evaluate("window.__cancels") > cancels
    open_page(phone, app_url + "/me")
    expect(phone.locator("#study-weeks")).to_have_text(
        text.StudyRecordText.WEEKS.format(count=before + 1)
    )
    expect(phone.locator("#study-recent li").first).to_contain_text(FALLS.title)
    expect(phone.locator("#study-recent li").first).to_contain_text("自学")
    assert_accessible(phone)

    # The print page is kept by the service worker when the week is opened ...
    open_page(phone, app_url + f"/study/{THIS_MONDAY}")
    phone.wait_for_function("() => navigator.serviceWorker.controller !== null")
    phone.wait_for_function(
        f"() => caches.match('/study/{THIS_MONDAY}/print').then(found => !!found)"
    )
    # ... so it opens with no network at all.
    phone.context.set_offline(True)
    try:
        phone.goto(app_url + f"/study/{THIS_MONDAY}/print")
        expect(phone.get_by_role("heading", level=1)).to_have_text(FALLS.title)
        expect(phone.locator(".points li")).to_have_text(list(FALLS.points))
        assert_accessible(phone)
    finally:
        phone.context.set_offline(False)


def test_a_past_week_and_its_print_page(app_url, phone):
    sign_in(phone, app_url, *MEMBER)
    open_page(phone, app_url + f"/study/{LAST_MONDAY}")
    expect(phone.locator("#study-title")).to_have_text(NEIGHBOURS.title)
    expect(phone.locator(".hj-study-kicker")).to_contain_text(P.PAST_WEEK)
    expect(phone.locator("#study-status")).to_contain_text(P.STUDIED)
    print_link = phone.locator("#study-print")
    expect(print_link).to_have_attribute("href", f"/study/{LAST_MONDAY}/print")
    assert_accessible(phone)
    print_link.click()
    expect(phone).to_have_url(app_url + f"/study/{LAST_MONDAY}/print")
    expect(phone.get_by_role("heading", level=1)).to_have_text(NEIGHBOURS.title)
    assert phone.locator("html").get_attribute("lang") == "zh-CN"
    assert_accessible(phone)
    phone.get_by_role("link", name=text.PrintPage.BACK).click()
    expect(phone.locator("#study-title")).to_have_text(NEIGHBOURS.title)


def test_an_unknown_week_is_explained(app_url, phone):
    sign_in(phone, app_url, *MEMBER)
    open_page(phone, app_url + "/study/2020-01-06")
    expect(phone.locator("#study-missing")).to_contain_text(text.Study.UNKNOWN_WEEK)
    expect(phone.get_by_role("link", name=P.TO_STUDY)).to_be_visible()
    response = phone.request.get(app_url + "/study/2020-01-06/print")
    assert response.status == 404 and text.PrintPage.NOT_FOUND_TITLE in response.text()


def test_a_phone_without_speech_says_it_cannot_read_aloud(app_url, phone):
    phone.add_init_script("Object.defineProperty(window, 'speechSynthesis', { value: undefined });")
    sign_in(phone, app_url, *MEMBER)
    open_page(phone, app_url + "/study")
    play = phone.locator("#reader-study-text-play")
    expect(play).to_have_text(R.NO_SPEECH)
    expect(play).to_have_attribute("aria-disabled", "true")
    expect(phone.get_by_role("button", name=R.SLOWER)).to_be_hidden()
    play.click(force=True)  # nothing breaks: it still says so
    expect(play).to_have_text(R.NO_SPEECH)
    expect(phone.locator("#study-title")).to_have_text(FALLS.title)
