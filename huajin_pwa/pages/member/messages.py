"""/messages: the inbox with unread marks."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import small_button
from huajin_pwa.components.display import card, empty_state, pager, read_aloud
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.inbox import InboxState

INBOX = text.Inbox


def message_card(row) -> rx.Component:
    return card(
        rx.el.div(
            rx.el.h2(row["title"], style={"margin": "0"}),
            rx.cond(row["unread"] != "", rx.el.span(INBOX.UNREAD, class_name="hj-tag hj-tag-warn")),
            class_name="hj-row",
        ),
        rx.el.p(row["when"], class_name="hj-muted"),
        rx.el.p(row["body"], id="message-" + row["id"].to(str)),
        read_aloud("message-" + row["id"].to(str)),
        rx.el.div(
            rx.cond(
                row["link"] != "", rx.el.a(INBOX.OPEN_LINK, href=row["link"], class_name="hj-link")
            ),
            rx.cond(
                row["unread"] != "",
                small_button(INBOX.MARK_READ, on_click=InboxState.mark_read(row["id"])),
            ),
            class_name="hj-row",
        ),
    )


def messages_page() -> rx.Component:
    return page_frame(
        rx.el.h1(INBOX.TITLE),
        rx.cond(
            InboxState.rows.length() > 0,
            rx.fragment(
                rx.cond(
                    InboxState.unread > 0,
                    small_button(INBOX.MARK_ALL_READ, on_click=InboxState.mark_all_read),
                ),
                rx.el.div(rx.foreach(InboxState.rows, message_card), style={"margin_top": "1rem"}),
                pager(InboxState.page, InboxState.pages, InboxState.go(-1), InboxState.go(1)),
            ),
            empty_state(INBOX.EMPTY, INBOX.EMPTY_HINT),
        ),
        active="me",
    )
