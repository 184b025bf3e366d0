"""GET /study/<week>/print: a published week as plain large-print HTML (escaped, no script from
the material), 404 in Chinese for unknown, unpublished and malformed weeks; A4 print rules."""

import re
import warnings

import pytest

from huajin_pwa import present, pwa, study_print, text
from huajin_pwa.services import study
from tests.unit import study_support as ss
from tests.unit.study_support import MONDAY, TODAY, week, write

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

fixed_day = ss.fixed_day
pytestmark = pytest.mark.usefixtures("fixed_day")

EVIL_BODY = (
    "# 标题\n\n正文<script>alert('x')</script>第二句。\n\n"
    '<img src=x onerror="alert(1)">\n\n'
    "[点我](javascript:alert(1)) 和 ![图](data:image/png;base64,AAAA)\n\n"
    "<iframe src='https://evil.example'></iframe>"
)


@pytest.fixture
def client(engine):
    with TestClient(pwa.api_app()) as client:
        yield client


def test_a_published_week_is_a_large_print_page(client, run, staff):
    write(run, staff, MONDAY, title="学习新时代老党员的担当")
    response = client.get(f"/study/{MONDAY.isoformat()}/print")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == study_print.CACHE_CONTROL
    body = response.text
    assert '<html lang="zh-CN">' in body
    assert "<h1>学习新时代老党员的担当</h1>" in body
    assert present.date_label(MONDAY) in body
    assert "<li>从身边小事做起</li>" in body and "<li>您在社区里帮过谁？</li>" in body
    assert "<strong>从身边小事做起</strong>" in body  # the Markdown body, rendered
    assert text.StudyPage.POINTS in body and text.StudyPage.QUESTIONS in body
    assert f'href="/study/{MONDAY.isoformat()}"' in body  # 返回
    assert "huajin_text_size" in body  # the app's text size
    assert "/_event" not in body and "websocket" not in body.lower()


def test_everything_from_the_database_is_escaped(client, run, staff):
    write(
        run,
        staff,
        MONDAY,
        title="<b>标题</b>&amp;",
        body=EVIL_BODY,
        key_points="<script>alert(1)</script>\n要点二\n要点三",
        questions='"><img src=x onerror=alert(1)>',
    )
    body = client.get(f"/study/{MONDAY.isoformat()}/print").text
    assert body.count("<script") == 1  # the page's own text-size script, nothing else
    assert "<script>alert" not in body and "<iframe" not in body and "<img src=x" not in body
    assert 'href="javascript:' not in body and 'src="data:' not in body  # left as plain text
    assert "&lt;b&gt;标题&lt;/b&gt;&amp;amp;" in body
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>" in body
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in body


def test_the_only_script_is_allowed_by_its_hash(client, run, staff):
    write(run, staff, MONDAY)
    response = client.get(f"/study/{MONDAY.isoformat()}/print")
    policy = response.headers["content-security-policy"]
    assert f"script-src 'sha256-{study_print._SCRIPT_HASH}'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "address",
    [
        f"/study/{week(-1).isoformat()}/print",  # no material that week
        "/study/2026-06-3/print",
        "/study/2026-13-01/print",
        "/study/abc/print",
        "/study/%3Cscript%3E/print",
        "/study/２０２６-０６-０８/print",
        "/study/" + "9" * 200 + "/print",
    ],
)
def test_unknown_and_malformed_weeks_are_a_chinese_404(client, run, staff, address):
    write(run, staff, MONDAY)
    response = client.get(address)
    assert response.status_code == 404
    assert text.PrintPage.NOT_FOUND_TITLE in response.text
    assert '<html lang="zh-CN">' in response.text
    assert response.headers["cache-control"] == "no-store"
    assert "<script>alert" not in response.text


def test_a_week_not_yet_published_is_not_shown(client, run, staff, fixed_day):
    write(run, staff, week(1), publish_on=TODAY + ss.timedelta(days=3))
    address = f"/study/{week(1).isoformat()}/print"
    assert client.get(address).status_code == 404
    fixed_day(TODAY + ss.timedelta(days=3))
    assert client.get(address).status_code == 200


def test_the_latest_correction_is_printed(client, run, staff):
    written = write(run, staff, MONDAY)
    run(study.edit_week, staff, written.id, 1, {**ss.form(), "title": "改过的标题"})
    assert "<h1>改过的标题</h1>" in client.get(f"/study/{MONDAY.isoformat()}/print").text


def test_large_type_on_screen_and_on_a4():
    css = pwa.PLAIN_CSS + study_print._CSS  # what the page carries
    assert "html { font-size: 20px;" in css
    assert float(re.search(r"\nh1 \{ font-size: ([\d.]+)rem", css).group(1)) * 20 >= 28
    assert float(re.search(r"\nh2 \{ font-size: ([\d.]+)rem", css).group(1)) * 20 >= 28
    printed = css.split("@media print")[1]
    assert "@page { size: A4;" in css
    base = float(re.search(r"font-size: ([\d.]+)pt", printed).group(1))
    assert base >= 16
    assert base * float(re.search(r"h1 \{ font-size: ([\d.]+)rem", printed).group(1)) >= 20
    assert base * float(re.search(r"h2, h3[^{]*\{ font-size: ([\d.]+)rem", printed).group(1)) >= 20
    assert re.search(r"header, \.back, \.saved \{ display: none; \}", printed)


def test_the_service_worker_keeps_print_pages():
    worker = (ss.__file__.rsplit("/tests/", 1)[0]) + "/assets/sw.js"
    with open(worker, encoding="utf-8") as source:
        assert re.search(r"PRINT_PAGE = /\^\\/study\\/\[\^/\]\+\\/print", source.read())
    assert re.fullmatch(r"/study/\{week\}/print", study_print.PATH)
