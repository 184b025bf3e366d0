"""/secretary/reflections: members' 学习心得 in the secretary's grids, waiting first; each card
has the whole text, the member's phone, and 已阅 or a comment to reply in place."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import primary_button, secondary_button
from huajin_pwa.components.display import empty_state, status_tag
from huajin_pwa.components.fields import error_summary
from huajin_pwa.components.member_line import tel_link
from huajin_pwa.pages.secretary.section import section_page
from huajin_pwa.states.reflections import ReflectionsState

T = text.Reflection
S = ReflectionsState
BASE = "/secretary/reflections"


def show_filter() -> rx.Component:
    """待回复 / 全部, as two links (the choice lives in the address)."""
    links = []
    for key, label, href in (
        ("waiting", T.SHOW_WAITING, BASE),
        ("all", T.SHOW_ALL, f"{BASE}?show=all"),
    ):
        links.append(
            rx.el.a(
                label,
                href=href,
                id=f"show-{key}",
                aria_current=rx.cond(S.show == key, "page", "false"),
                class_name="hj-btn hj-btn-secondary hj-btn-small",
            )
        )
    return rx.el.nav(*links, class_name="hj-reflect-filter", aria_label=T.FILTER_LABEL)


def lead() -> rx.Component:
    return rx.fragment(rx.el.p(T.LIST_LEAD), show_filter(), error_summary(S.error_list))


def comment_field(row) -> rx.Component:
    """The comment box of one card, with its hint and error."""
    key = "comment-" + row["id"].to(str)
    field_id = "f-" + key
    has_error = S.errors.contains(key)
    return rx.el.div(
        rx.el.label(T.COMMENT_LABEL, html_for=field_id),
        rx.el.span(T.COMMENT_HINT, id=key + "-hint", class_name="hj-hint"),
        rx.cond(
            has_error,
            rx.el.span(S.errors[key].to(str), id=key + "-error", class_name="hj-error-text"),
        ),
        rx.el.textarea(
            id=field_id,
            name="comment",
            rows=3,
            lang="zh-CN",
            auto_complete="off",
            class_name="hj-textarea hj-reflect-comment",
            aria_describedby=rx.cond(has_error, key + "-hint " + key + "-error", key + "-hint"),
            aria_invalid=rx.cond(has_error, "true", "false"),
        ),
        class_name=rx.cond(has_error, "hj-field hj-field-error", "hj-field"),
    )


def reply_form(row) -> rx.Component:
    """已阅 at once, or a comment and 回复."""
    name = row["name"].to(str)
    return rx.el.form(
        rx.el.input(type="hidden", name="id", value=row["id"]),
        comment_field(row),
        rx.el.div(
            primary_button(
                T.REPLY, aria_label=T.REPLY + " " + name, id="reply-" + row["id"].to(str)
            ),
            secondary_button(
                T.ACK,
                on_click=S.acknowledge(row["id"]),
                aria_label=T.ACK + " " + name,
                id="ack-" + row["id"].to(str),
            ),
            class_name="hj-actions",
        ),
        on_submit=S.comment,
        reset_on_submit=False,
        no_validate=True,
    )


def reflection_card(row) -> rx.Component:
    return rx.el.section(
        rx.el.div(
            rx.el.h2(row["name"], class_name="hj-card-title"),
            status_tag(row["status"], row["tone"]),
            class_name="hj-row",
        ),
        rx.el.p(tel_link(row["name"], row["phone"])),
        rx.el.p(row["week"]),
        rx.el.p(row["written"], class_name="hj-muted"),
        rx.el.p(row["body"], class_name="hj-reflect-body hj-reflect-quote", lang="zh-CN"),
        rx.cond(
            row["waiting"] != "",
            reply_form(row),
            rx.el.div(
                rx.cond(row["reply"] != "", rx.el.p(row["reply"])),
                rx.el.p(row["replied"], class_name="hj-muted"),
                class_name="hj-reflect-reply",
            ),
        ),
        class_name="hj-card hj-reflect-card",
        id="reflection-" + row["id"].to(str),
    )


def reflections_page() -> rx.Component:
    return section_page(
        S,
        "reflections",
        T.LIST_TITLE,
        lead(),
        rx.el.div(rx.foreach(S.rows, reflection_card)),
        rx.cond(S.show == "all", empty_state(T.EMPTY_ALL), empty_state(T.EMPTY_WAITING)),
    )
