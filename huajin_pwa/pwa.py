"""The installable-app shell: head tags, service-worker registration and the /offline page.

Wiring (in huajin_pwa.py)::

    app = rx.App(head_components=pwa.head_components(), api_transformer=pwa.api_app(), ...)

The files themselves live in assets/ (copied by Reflex to the site root): manifest.webmanifest,
sw.js, favicon.ico and icons/. The /offline page is served by the backend: Reflex mounts the
whole app under the api_transformer Starlette, so its /offline route answers before the
frontend's static files in ``reflex run --env prod --single-port``.
"""

from __future__ import annotations

import html

import reflex as rx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from huajin_pwa import text

THEME_COLOR = "#a3141b"  # the app's header red (assets/huajin.css --hj-red); white on it is 7.9:1
MANIFEST_URL = "/manifest.webmanifest"
SERVICE_WORKER_URL = "/sw.js"
OFFLINE_PATH = "/offline"
ICON_192 = "/icons/icon-192.png"
APPLE_TOUCH_ICON = "/icons/apple-touch-icon.png"
FAVICON = "/favicon.ico"
# The service worker keeps its own copy (precached on install); an hour in the browser's
# HTTP cache is plenty for a page that seldom changes.
OFFLINE_CACHE_CONTROL = "public, max-age=3600"

# Runs once in the prerendered <head>; plain ES5 so old phone browsers parse it.
REGISTER_SERVICE_WORKER = (
    "if ('serviceWorker' in navigator) {"
    " var huajinRegisterSw = function () {"
    f" navigator.serviceWorker.register('{SERVICE_WORKER_URL}', {{ scope: '/' }})"
    ".catch(function () {});"
    " };"
    " if (document.readyState === 'complete') { huajinRegisterSw(); }"
    " else { window.addEventListener('load', huajinRegisterSw); }"
    " }"
)


def head_components() -> list[rx.Component]:
    """Tags for every page's <head>: manifest, icons, theme colour, service worker."""
    return [
        rx.el.link(rel="manifest", href=MANIFEST_URL),
        rx.el.meta(name="theme-color", content=THEME_COLOR),
        rx.el.meta(name="application-name", content=text.APP_NAME),
        rx.el.meta(name="mobile-web-app-capable", content="yes"),
        rx.el.meta(name="apple-mobile-web-app-capable", content="yes"),
        rx.el.meta(name="apple-mobile-web-app-title", content=text.APP_SHORT_NAME),
        rx.el.meta(name="apple-mobile-web-app-status-bar-style", content="default"),
        rx.el.link(rel="icon", href=FAVICON, sizes="16x16 32x32"),
        rx.el.link(rel="icon", href=ICON_192, type="image/png", sizes="192x192"),
        rx.el.link(rel="apple-touch-icon", href=APPLE_TOUCH_ICON, sizes="180x180"),
        rx.el.script(REGISTER_SERVICE_WORKER),
    ]


# What the backend's own plain pages (/offline, /study/<week>/print) share: the text sizes of
# the app's switch, the CJK font stack, the red header.
PLAIN_CSS = """
html { font-size: 20px; -webkit-text-size-adjust: 100%; }
html[data-text-size="large"] { font-size: 25px; }
html[data-text-size="xlarge"] { font-size: 30px; }
*, *::before, *::after { box-sizing: border-box; }
body {
  margin: 0; background: #fffdf8; color: #1a1a1a; font-size: 1rem; line-height: 1.5;
  font-family: "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC",
    "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  overflow-wrap: anywhere;
}
header {
  background: #a3141b; color: #ffffff; font-weight: 700; font-size: 1.05rem;
  padding: 0.6rem 1rem; min-height: 3.2rem;
}
"""

_OFFLINE_CSS = """
main { max-width: 40rem; margin: 0 auto; padding: 1.25rem 1rem 2rem; }
h1 { font-size: 1.5rem; line-height: 1.35; margin: 0.5rem 0 1rem; color: #7a0f14; }
h2 { font-size: 1.2rem; line-height: 1.4; margin: 2rem 0 0.75rem; }
p { margin: 0 0 1.5rem; }
a { color: #7a0f14; }
.retry {
  display: flex; align-items: center; justify-content: center; width: 100%;
  min-height: 64px; padding: 0.5rem 1rem; border-radius: 12px;
  background: #a3141b; color: #ffffff; font-size: 1.2rem; font-weight: 700;
  text-decoration: none;
}
.retry:focus-visible, a:focus-visible { outline: 4px solid #0b57d0; outline-offset: 3px; }
ul { padding: 0; margin: 0; list-style: none; }
li a {
  display: flex; align-items: center; min-height: 48px; padding: 0.5rem 0;
  font-size: 1.05rem;
}
[hidden] { display: none; }
"""

# Progressive extras (the page is complete without them): the text size chosen in the app,
# and links to large-print study pages the service worker has kept.
_OFFLINE_SCRIPT = """
(function () {
  try {
    var size = localStorage.getItem("huajin_text_size");
    if (size === "large" || size === "xlarge") document.documentElement.dataset.textSize = size;
  } catch (e) {}
  if (!window.caches || !window.Promise) return;
  var printPage = /^\\/study\\/[^\\/]+\\/print\\/?$/;
  caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("huajin-pages-") === 0;
    }).map(function (name) {
      return caches.open(name).then(function (cache) { return cache.keys(); });
    }));
  }).then(function (lists) {
    var seen = {};
    var pages = [];
    lists.forEach(function (requests) {
      requests.forEach(function (request) {
        var url = new URL(request.url);
        if (url.origin === location.origin && printPage.test(url.pathname) && !seen[url.pathname]) {
          seen[url.pathname] = true;
          pages.push(request);
        }
      });
    });
    return Promise.all(pages.map(function (request) {
      return caches.match(request).then(function (response) {
        return response ? response.text() : "";
      }).then(function (body) {
        var path = new URL(request.url).pathname;
        var title = "";
        try { title = new DOMParser().parseFromString(body, "text/html").title; } catch (e) {}
        return { href: path, title: title || path };
      });
    }));
  }).then(function (items) {
    if (!items || !items.length) return;
    var list = document.getElementById("saved-list");
    items.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.href;
      a.textContent = item.title;
      li.appendChild(a);
      list.appendChild(li);
    });
    document.getElementById("saved").hidden = false;
  }).catch(function () {});
})();
"""


def offline_html() -> str:
    """The offline page: self-contained (inline CSS, no web fonts), readable without script."""
    e = html.escape
    title = text.Pwa.PAGE_TITLE.format(title=text.Offline.TITLE, app=text.APP_NAME)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="{THEME_COLOR}">
<title>{e(title)}</title>
<link rel="icon" href="{FAVICON}" sizes="16x16 32x32">
<style>{PLAIN_CSS}{_OFFLINE_CSS}</style>
</head>
<body>
<header>{e(text.APP_NAME)}</header>
<main>
<h1>{e(text.Offline.TITLE)}</h1>
<p>{e(text.Offline.BODY)}</p>
<a class="retry" href="/">{e(text.Offline.RETRY)}</a>
<section id="saved" hidden aria-labelledby="saved-title">
<h2 id="saved-title">{e(text.Pwa.SAVED_TITLE)}</h2>
<ul id="saved-list"></ul>
</section>
</main>
<script>{_OFFLINE_SCRIPT}</script>
</body>
</html>
"""


async def offline_page(request: Request) -> HTMLResponse:
    """GET /offline: the page the service worker shows when there is no network."""
    return HTMLResponse(offline_html(), headers={"Cache-Control": OFFLINE_CACHE_CONTROL})


def api_app() -> Starlette:
    """A fresh Starlette app for rx.App(api_transformer=...); Reflex mounts itself under it."""
    from huajin_pwa import study_image_route, study_print  # the backend's own pages

    return Starlette(
        routes=[
            Route(OFFLINE_PATH, offline_page, methods=["GET"]),
            Route(study_image_route.PATH, study_image_route.study_image, methods=["GET"]),
            Route(study_print.PATH, study_print.print_page, methods=["GET"]),
        ]
    )
