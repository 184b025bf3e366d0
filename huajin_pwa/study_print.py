"""GET /study/<week>/print: a week's material as a plain large-print page, served by the backend
(no websocket, no app script), which the service worker keeps for reading without a network
(assets/sw.js) and which prints on A4 in large type for 送学上门. Wired into pwa.api_app().

Everything from the database is escaped; the body is the safe HTML of services.study.render."""

from __future__ import annotations

import base64
import hashlib
import html

from starlette.requests import Request
from starlette.responses import HTMLResponse

from huajin_pwa import db, present, pwa, text
from huajin_pwa.services import study_member
from huajin_pwa.services.errors import DomainError

P = text.PrintPage
S = text.StudyPage
PATH = "/study/{week}/print"
# Network first in the service worker, so a browser copy must be checked each time: a corrected
# week shows at once; the worker's own copy is what works offline.
CACHE_CONTROL = "no-cache"
THEME_COLOR = "#a3141b"

_CSS = """
body { line-height: 1.6; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem 1rem 2rem; }
a { color: #7a0f14; }
a:focus-visible { outline: 4px solid #0b57d0; outline-offset: 3px; }
.back {
  display: inline-flex; align-items: center; min-height: 48px; font-weight: 700;
  font-size: 1.05rem;
}
.week { font-weight: 700; color: #3d3d3d; margin: 0.5rem 0 0; }
h1 { font-size: 1.5rem; line-height: 1.35; margin: 0.25rem 0 1rem; color: #7a0f14; }
h2 { font-size: 1.4rem; line-height: 1.4; margin: 1.5rem 0 0.5rem; }
h3, h4, h5, h6 { font-size: 1.4rem; line-height: 1.4; margin: 1.25rem 0 0.5rem; }
.body h1 { font-size: 1.4rem; color: #1a1a1a; }
p { margin: 0 0 1rem; }
ol, ul { margin: 0 0 1rem; padding-left: 1.4em; }
li { margin-bottom: 0.4rem; }
img { max-width: 100%; height: auto; }
blockquote { margin: 0 0 1rem; padding-left: 1rem; border-left: 4px solid #6b6b6b; }
.points {
  border: 3px solid #a3141b; border-left-width: 8px; border-radius: 10px;
  background: #fff6d8; padding: 8px 12px 4px; margin: 0 0 1.5rem;
}
.points h2 { margin-top: 0.25rem; }
.saved { color: #3d3d3d; border-top: 2px solid #c9c2b6; padding-top: 1rem; }
footer {
  max-width: 40rem; margin: 0 auto; padding: 1rem 1rem 2rem; color: #3d3d3d;
  font-size: 1rem; border-top: 2px solid #c9c2b6;
}
@page { size: A4; margin: 16mm 15mm; }
@media print {
  html, html[data-text-size] { font-size: 17pt; }
  body { background: #ffffff; color: #000000; line-height: 1.55; }
  header, .back, .saved { display: none; }
  main, footer { max-width: none; padding: 0; }
  h1 { font-size: 1.5rem; color: #000000; }
  h2, h3, h4, h5, h6 { font-size: 1.25rem; break-after: avoid; }
  .points { background: #ffffff; border-color: #000000; break-inside: avoid; }
  li, p, blockquote { break-inside: avoid; }
  a { color: #000000; text-decoration: none; }
  footer { margin-top: 1.5rem; padding-top: 0.5rem; font-size: 0.8rem; }
}
"""

# The text size chosen in the app (the page is complete without it).
_SCRIPT = (
    "try { var s = localStorage.getItem('huajin_text_size');"
    " if (s === 'large' || s === 'xlarge') document.documentElement.dataset.textSize = s;"
    " } catch (e) {}"
)
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
# Defence in depth on top of the safe renderer: no script runs but the one above.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        f"default-src 'self'; script-src 'sha256-{_SCRIPT_HASH}'; style-src 'unsafe-inline';"
        " img-src 'self' https: http:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
}


def _document(title: str, main: str, footer: str) -> str:
    e = html.escape
    page_title = text.Pwa.PAGE_TITLE.format(title=title, app=text.APP_NAME)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="{THEME_COLOR}">
<title>{e(page_title)}</title>
<link rel="icon" href="/favicon.ico" sizes="16x16 32x32">
<style>{pwa.PLAIN_CSS}{_CSS}</style>
<script>{_SCRIPT}</script>
</head>
<body>
<header>{e(text.APP_NAME)}</header>
<main>
{main}
</main>
<footer>{footer}</footer>
</body>
</html>
"""


def _items(lines: list[str]) -> str:
    return "".join(f"<li>{html.escape(line)}</li>" for line in lines)


def reading_html(reading: study_member.Reading) -> str:
    """The large-print page of one published week."""
    e = html.escape
    version = reading.version
    key = reading.week.week_of.isoformat()
    day = S.WEEK_OF.format(day=present.date_label(reading.week.week_of))
    main = f"""<a class="back" href="/study/{e(key)}">‹ {e(P.BACK)}</a>
<p class="week">{e(S.TITLE)} · {e(day)}</p>
<h1>{e(version.title)}</h1>
<section class="points" aria-labelledby="points-title">
<h2 id="points-title">{e(S.POINTS)}</h2>
<ol>{_items(reading.points)}</ol>
</section>
<div class="body">
{reading.html}
</div>
<section aria-labelledby="questions-title">
<h2 id="questions-title">{e(S.QUESTIONS)}</h2>
<ol>{_items(reading.questions)}</ol>
</section>
<p class="saved">{e(P.SAVED)}</p>"""
    demo = text.DEMO_MARK in version.title + version.body_markdown
    footer = e(f"{P.FOOTER} · {text.APP_NAME}")
    if demo:
        footer += f"<br>{e(P.DEMO)}"
    return _document(f"{version.title} · {S.TITLE}", main, footer)


def not_found_html() -> str:
    """What an unknown or unpublished week's print address shows."""
    e = html.escape
    main = f"""<a class="back" href="/study">‹ {e(P.BACK)}</a>
<h1>{e(P.NOT_FOUND_TITLE)}</h1>
<p>{e(P.NOT_FOUND_BODY)}</p>"""
    return _document(P.NOT_FOUND_TITLE, main, e(f"{P.FOOTER} · {text.APP_NAME}"))


def print_page(request: Request) -> HTMLResponse:
    """GET /study/<week>/print (anyone with the link; only published weeks)."""
    try:
        with db.transaction() as session:
            page = reading_html(study_member.printable(session, request.path_params["week"]))
    except DomainError:
        headers = {"Cache-Control": "no-store", **SECURITY_HEADERS}
        return HTMLResponse(not_found_html(), status_code=404, headers=headers)
    return HTMLResponse(page, headers={"Cache-Control": CACHE_CONTROL, **SECURITY_HEADERS})
