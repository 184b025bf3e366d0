"""The installable-app shell: manifest, icons, service worker, head tags and /offline."""

import json
import re
import shutil
import struct
import subprocess
import warnings
from pathlib import Path

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from huajin_pwa import pwa, text

with warnings.catch_warnings():
    # Starlette 1.x nudges towards its httpx2 fork; the httpx the project installs works.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets"
MANIFEST = ASSETS / "manifest.webmanifest"
SERVICE_WORKER = ASSETS / "sw.js"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    assert head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


def asset_for(url: str) -> Path:
    """assets/ is served at the site root."""
    assert url.startswith("/")
    return ASSETS / url.lstrip("/")


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sw_source() -> str:
    return SERVICE_WORKER.read_text(encoding="utf-8")


def test_manifest_has_every_field_installability_needs(manifest):
    assert manifest["name"] == text.APP_NAME
    assert manifest["short_name"] == text.APP_SHORT_NAME
    assert manifest["description"] == text.APP_DESCRIPTION
    assert manifest["start_url"] == "/"
    assert manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["lang"] == "zh-CN"
    for key in ("background_color", "theme_color"):
        assert re.fullmatch(r"#[0-9a-fA-F]{6}", manifest[key]), key
    assert manifest["theme_color"].lower() == pwa.THEME_COLOR.lower()


def test_manifest_icons_exist_with_their_stated_sizes(manifest):
    seen = set()
    for icon in manifest["icons"]:
        path = asset_for(icon["src"])
        assert path.is_file(), icon["src"]
        assert icon["type"] == "image/png"
        width, height = (int(n) for n in icon["sizes"].split("x"))
        assert png_size(path) == (width, height), icon["src"]
        for purpose in icon.get("purpose", "any").split():
            seen.add((width, purpose))
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= seen


def test_apple_touch_icon_and_favicon():
    assert png_size(asset_for(pwa.APPLE_TOUCH_ICON)) == (180, 180)
    assert png_size(asset_for(pwa.ICON_192)) == (192, 192)
    ico = asset_for(pwa.FAVICON).read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 1


def test_head_points_at_files_that_exist():
    rendered = "".join(str(component) for component in pwa.head_components())
    for url in (
        pwa.MANIFEST_URL,
        pwa.SERVICE_WORKER_URL,
        pwa.APPLE_TOUCH_ICON,
        pwa.ICON_192,
        pwa.FAVICON,
    ):
        assert url in rendered
        assert asset_for(url).is_file(), url
    for needle in (
        'rel:"manifest"',
        'rel:"apple-touch-icon"',
        'name:"theme-color"',
        'name:"mobile-web-app-capable"',
        'name:"apple-mobile-web-app-capable"',
    ):
        assert needle in rendered
    assert "'serviceWorker' in navigator" in rendered
    assert "scope: '/'" in rendered


def test_head_components_compile_into_the_document_root():
    from reflex.compiler.utils import create_document_root

    root = str(create_document_root(pwa.head_components(), html_lang="zh-CN"))
    assert 'jsx("link",{href:"/manifest.webmanifest",rel:"manifest"},)' in root
    assert "navigator.serviceWorker.register('/sw.js'" in root


def test_service_worker_precaches_offline_page_and_icons(sw_source):
    precache = re.search(r"PRECACHE_URLS = \[(.*?)\];", sw_source, re.S)
    assert precache
    assert "OFFLINE_URL" in precache.group(1)
    assert re.search(r'const OFFLINE_URL = "/offline";', sw_source)
    for url in re.findall(r'"(/icons/[^"]+)"', precache.group(1)):
        assert asset_for(url).is_file(), url
    assert len(re.findall(r'"/icons/[^"]+"', precache.group(1))) == 4
    assert "skipWaiting()" in sw_source
    assert "clients.claim()" in sw_source
    assert re.search(r"const VERSION = \"v\d+\";", sw_source)
    assert "caches.delete(name)" in sw_source


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
def test_service_worker_is_valid_javascript():
    result = subprocess.run(
        ["node", "--check", str(SERVICE_WORKER)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_service_worker_leaves_the_backend_and_non_get_alone(sw_source):
    bypass = re.search(r"const BYPASS_PATHS = \[(.*?)\];", sw_source, re.S)
    assert bypass
    paths = set(re.findall(r'"([^"]+)"', bypass.group(1)))
    assert {"/_event", "/_upload", "/ping", "/_health"} <= paths
    # The bypass check runs before any respondWith, and covers method, websocket and origin.
    fetch_handler = sw_source[sw_source.index('addEventListener("fetch"') :]
    assert fetch_handler.index("isBypassed(") < fetch_handler.index("respondWith")
    assert 'request.method !== "GET"' in sw_source
    assert '=== "websocket"' in sw_source
    assert "url.origin !== self.location.origin" in sw_source


def test_service_worker_strategies(sw_source):
    # Vite writes hashed files to .web/build/client/assets/, served at /assets/.
    assert 'const HASHED_ASSETS = "/assets/";' in sw_source
    print_page = re.search(r"const PRINT_PAGE = /(.*)/;", sw_source)
    assert print_page
    pattern = re.compile(print_page.group(1).replace("\\/", "/"))
    assert pattern.match("/study/2026-w48/print")
    assert pattern.match("/study/12/print/")
    assert not pattern.match("/study/12")
    assert not pattern.match("/study/12/print/extra")
    assert 'request.mode === "navigate"' in sw_source


@pytest.fixture
def client():
    with TestClient(pwa.api_app()) as client:
        yield client


def test_offline_page_is_served(client):
    response = client.get("/offline")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "max-age" in response.headers["cache-control"]
    assert "no-store" not in response.headers["cache-control"]
    body = response.text
    assert '<html lang="zh-CN">' in body
    assert f"<h1>{text.Offline.TITLE}</h1>" in body
    assert text.Offline.BODY in body
    assert re.search(rf'<a class="retry" href="/">{text.Offline.RETRY}</a>', body)
    assert "Noto Sans CJK SC" in body
    # Self-contained: nothing to fetch that might not be there without a network.
    assert not re.search(r'<link[^>]+rel="stylesheet"', body)
    assert not re.search(r"<script[^>]+src=", body)


def test_offline_page_sizes_meet_the_elder_rules():
    body = pwa.offline_html()
    assert "html { font-size: 20px;" in body  # body text 1rem = 20px
    h1_size = float(re.search(r"h1 \{ font-size: ([\d.]+)rem", body).group(1))
    assert h1_size * 20 >= 28
    assert re.search(r"\.retry \{[^}]*min-height: (6[0-9]|[7-9][0-9])px", body)


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize(
    ("foreground", "background"),
    [("#1a1a1a", "#fffdf8"), ("#ffffff", "#a3141b"), ("#7a0f14", "#fffdf8")],
)
def test_offline_page_colours_have_seven_to_one_contrast(foreground, background):
    body = pwa.offline_html()
    assert foreground in body and background in body
    assert _contrast(foreground, background) >= 7


def test_offline_page_escapes_its_strings(monkeypatch):
    monkeypatch.setattr(text.Offline, "TITLE", "<b>&</b>")
    body = pwa.offline_html()
    assert "<h1>&lt;b&gt;&amp;&lt;/b&gt;</h1>" in body


def test_only_get_and_head_reach_the_offline_route(client):
    assert client.head("/offline").status_code == 200
    assert client.post("/offline").status_code == 405
    assert client.get("/somewhere-else").status_code == 404
