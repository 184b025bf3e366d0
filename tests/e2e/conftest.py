"""Browser tests: the app served as a newcomer runs it (prod, single port), driven by Chromium."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect, sync_playwright

from huajin_pwa.services.visit_lists import DUTY_ALERT_DAY

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, log: Path, seconds: int = 240) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app stopped:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the app did not answer in {seconds} s:\n{log.read_text()[-3000:]}")


def duty_alert_day() -> date:
    """The day the browser tests pretend it is: today, or the 20th of this month when today is
    earlier, so the monthly duty list flags the unvisited whatever day the suite runs."""
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    return today if today.day >= DUTY_ALERT_DAY else today.replace(day=DUTY_ALERT_DAY)


TODAY = duty_alert_day()


@pytest.fixture(scope="session")
def app_folder(tmp_path_factory) -> Path:
    """Where the served app keeps its database and log."""
    return tmp_path_factory.mktemp("app")


@pytest.fixture(scope="session")
def demo_id(app_url, app_folder):
    """The id of a demo row found by its name (activity title, team name), read only from the
    served database: for addresses such as /leader/activity/<id> the journeys open."""

    def find(table: str, name: str) -> int:
        column = {"activity": "title", "team": "name"}[table]
        with sqlite3.connect(f"file:{app_folder / 'e2e.db'}?mode=ro", uri=True) as connection:
            row = connection.execute(
                f"SELECT id FROM {table} WHERE {column} = ?", (name,)
            ).fetchone()
        assert row, name
        return row[0]

    return find


@pytest.fixture(scope="session")
def app_url(app_folder):
    """Migrate a fresh SQLite database, load the demo community and serve the app."""
    folder = app_folder
    env = {
        **os.environ,
        "HUAJIN_TODAY": TODAY.isoformat(),
        "REFLEX_DB_URL": f"sqlite:///{folder / 'e2e.db'}",
        "PATH": f"{ROOT / '.tools' / 'node_modules' / '.bin'}:{os.environ['PATH']}",
    }
    env.pop("REFLEX_REDIS_URL", None)
    run = {"cwd": ROOT, "env": env, "check": True}
    subprocess.run([sys.executable, "-m", "huajin_pwa", "migrate"], **run)
    subprocess.run([sys.executable, "-m", "huajin_pwa", "seed-demo"], **run)
    port = _free_port()
    log = folder / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reflex",
                "run",
                "--env",
                "prod",
                "--single-port",
                "--frontend-port",
                str(port),
                "--backend-port",
                str(port),
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url + "/ping", process, log)
        _wait_for(url + "/", process, log)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_phone(browser):
    """Open a fresh phone-sized browser context (own LocalStorage); closed after the test."""
    contexts = []

    def make() -> Page:
        context = browser.new_context(
            viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def phone(new_phone) -> Page:
    """A fresh phone-sized page."""
    return new_phone()


def open_page(page: Page, url: str) -> None:
    """Go to url and wait until the app is connected and the page's data has loaded."""
    page.goto(url)
    expect(page.locator('[data-hydrated="true"]')).to_have_count(1, timeout=20_000)


SMALLEST_MAIN_TEXT = """() => Math.min(...[...document.querySelectorAll(
  'main p, main li, main label, main dt, main dd, main legend, main a, main button, main input'
)].filter(e => e.offsetParent !== null && e.innerText !== '')
 .map(e => parseFloat(getComputedStyle(e).fontSize)))"""


def assert_accessible(page: Page) -> None:
    """axe-core: no serious or critical violations; body text >= 20 px."""
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, results.generate_report()
    smallest = page.evaluate(SMALLEST_MAIN_TEXT)
    assert smallest >= 20, f"text smaller than 20 px in <main>: {smallest}"


def sign_in(page: Page, base: str, phone_number: str, secret: str) -> None:
    """Sign in through /login: PIN on the keypad or a password."""
    open_page(page, base + "/login")
    page.get_by_label("手机号").fill(phone_number)
    page.get_by_role("button", name="下一步").click()
    if secret.isdigit() and len(secret) == 6:
        expect(page.get_by_role("button", name="数字 1")).to_be_visible()
        for digit in secret:
            page.get_by_role("button", name=f"数字 {digit}").click()
    else:
        page.get_by_label("密码").fill(secret)
        page.get_by_role("button", name="登录", exact=True).click()
    expect(page.locator("#inbox-link")).to_be_visible()
