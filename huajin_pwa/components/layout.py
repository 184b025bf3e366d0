"""The page frame: header with the inbox, main content, text-size switch, bottom navigation."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.states.session import SessionState

NAV_ITEMS = [
    ("home", "/", "house", text.Nav.HOME),
    ("study", "/study", "book-open", text.Nav.STUDY),
    ("activities", "/activities", "calendar-days", text.Nav.ACTIVITIES),
    ("visits", "/visits", "hand-heart", text.Nav.VISITS),
    ("me", "/me", "user-round", text.Nav.ME),
]


def header() -> rx.Component:
    """App name, and the inbox with its unread count when signed in."""
    return rx.el.header(
        rx.el.a(text.APP_NAME, href="/", class_name="hj-brand"),
        rx.cond(
            SessionState.signed_in,
            rx.el.a(
                rx.icon("mail", size=26, aria_hidden="true"),
                text.Nav.MESSAGES,
                rx.cond(
                    SessionState.unread > 0,
                    rx.el.span(
                        SessionState.unread,
                        class_name="hj-count",
                        aria_label=SessionState.unread.to_string() + "条未读",
                    ),
                ),
                href="/messages",
                id="inbox-link",
                class_name="hj-inbox-link",
            ),
            rx.el.a(text.Nav.SIGN_IN, href="/login", class_name="hj-inbox-link"),
        ),
        class_name="hj-header",
    )


def bottom_nav(active: str) -> rx.Component:
    """首页 · 学习 · 活动 · 上门 · 我的, with icon and word."""
    links = []
    for key, href, icon, label in NAV_ITEMS:
        current = {"aria_current": "page"} if key == active else {}
        links.append(
            rx.el.a(rx.icon(icon, aria_hidden="true"), rx.el.span(label), href=href, **current)
        )
    return rx.el.nav(*links, class_name="hj-nav", aria_label=text.Nav.MAIN_LABEL)


def text_size_switch() -> rx.Component:
    """标准 / 大 / 特大, remembered on the device."""
    buttons = [
        rx.el.button(
            label,
            type="button",
            class_name="hj-btn hj-btn-secondary hj-btn-small",
            aria_pressed=rx.cond(SessionState.text_size == size, "true", "false"),
            on_click=SessionState.set_text_size(size),
        )
        for size, label in text.Kit.TEXT_SIZES.items()
    ]
    return rx.el.div(
        rx.el.span(text.Kit.TEXT_SIZE, class_name="hj-legend", id="text-size-label"),
        *buttons,
        class_name="hj-sizes",
        role="group",
        aria_labelledby="text-size-label",
    )


def back_link(href: str, label: str = text.Nav.BACK) -> rx.Component:
    """A plain back link at the top of a page."""
    return rx.el.a("‹ " + label, href=href, class_name="hj-back")


def page_frame(*children: rx.Component, active: str = "", back: str | None = None) -> rx.Component:
    """Every page: skip link, header, main, text-size switch, bottom navigation."""
    return rx.el.div(
        rx.el.a(text.Nav.SKIP, href="#main", class_name="hj-skip"),
        header(),
        rx.el.main(
            back_link(back) if back else rx.fragment(),
            *children,
            text_size_switch(),
            id="main",
            class_name="hj-main",
        ),
        bottom_nav(active),
        data_hydrated=rx.State.is_hydrated.to_string(),
    )
