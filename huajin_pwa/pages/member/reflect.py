"""/study/<week>/reflect: the week's questions, a big text box for the member's 学习心得 (the
phone's voice keyboard works in it) with a live count, and the reflection as it stands."""

import json

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, primary_button, secondary_button
from huajin_pwa.components.display import card, notice, status_tag
from huajin_pwa.components.fields import error_summary
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.reflection_member import BODY_MAX, ReflectState

T = text.Reflection
S = ReflectState

# Counts the text as the server does (stripped, in characters), in the browser, as it is typed.
COUNT_SCRIPT = (
    "(function () { var box = document.getElementById('f-body');"
    " var out = document.getElementById('body-count'); if (!box || !out) return;"
    " var n = Array.from(box.value.trim()).length;"
    f" var line = n > {BODY_MAX} ? {json.dumps(T.COUNT_OVER)} : {json.dumps(T.COUNT)};"
    f" out.textContent = line.replace('{{count}}', n).replace('{{over}}', n - {BODY_MAX}); }})()"
)


def not_yet() -> rx.Component:
    """For someone whose disclosure is not approved: why, and where to go."""
    return rx.fragment(
        rx.el.p(T.NOT_DISCLOSED, class_name="hj-lead", id="reflect-not-member"),
        actions(
            rx.cond(
                S.blocked_to == "me", link_button(T.TO_ME, "/me"), link_button(T.TO_JOIN, "/join")
            )
        ),
    )


def no_week() -> rx.Component:
    """An unknown or not yet published week."""
    return rx.fragment(
        notice(S.problem, True, id="reflect-problem"),
        actions(link_button(T.BACK_STUDY, "/study", False)),
    )


def questions() -> rx.Component:
    """想一想: the week's questions to reflect on."""
    return rx.cond(
        S.questions.length() > 0,
        card(
            rx.el.h2(T.QUESTIONS),
            rx.el.p(T.QUESTIONS_HINT, class_name="hj-muted"),
            rx.el.ol(rx.foreach(S.questions, lambda q: rx.el.li(q)), class_name="hj-reflect-qs"),
            id="reflect-questions",
        ),
    )


def reply_block() -> rx.Component:
    """书记的回复：… (or who acknowledged it), once the branch has answered."""
    return rx.cond(
        ~S.can_edit,
        rx.el.div(
            rx.cond(
                S.reply != "",
                rx.el.p(rx.el.strong(T.REPLY_HEADING, "："), S.reply, id="reflect-reply"),
            ),
            rx.el.p(S.reply_by, class_name="hj-muted", id="reflect-reply-by"),
            class_name="hj-reflect-reply",
        ),
    )


def mine() -> rx.Component:
    """The reflection as saved: how it stands in words, the text, the reply."""
    return card(
        rx.el.h2(T.MINE),
        rx.el.p(status_tag(S.status_label, S.status_tone), id="reflect-status"),
        rx.el.p(S.body, class_name="hj-reflect-body", id="reflect-body", lang="zh-CN"),
        rx.el.p(S.written_on, class_name="hj-muted"),
        reply_block(),
        rx.cond(
            S.can_edit,
            rx.fragment(
                rx.el.p(T.EDIT_HINT),
                secondary_button(T.EDIT, on_click=S.start_edit, id="reflect-edit"),
            ),
            rx.el.p(T.LOCKED_HINT, class_name="hj-muted"),
        ),
        id="reflect-mine",
    )


def body_field() -> rx.Component:
    """The big text box, its hint, its error and the count."""
    has_error = S.errors.contains("body")
    return rx.el.div(
        rx.el.label(T.LABEL, html_for="f-body"),
        rx.el.span(
            rx.icon("mic", size=24, aria_hidden="true", class_name="hj-reflect-mic"),
            T.HINT,
            id="body-hint",
            class_name="hj-hint",
        ),
        rx.cond(
            has_error,
            rx.el.span(S.errors["body"].to(str), id="body-error", class_name="hj-error-text"),
        ),
        rx.el.textarea(
            id="f-body",
            name="body",
            rows=10,
            lang="zh-CN",
            auto_complete="off",
            spell_check=False,
            default_value=S.draft,
            class_name="hj-textarea hj-reflect-text",
            aria_describedby=rx.cond(
                has_error, "body-hint body-count body-error", "body-hint body-count"
            ),
            aria_invalid=rx.cond(has_error, "true", "false"),
            on_change=rx.call_script(COUNT_SCRIPT),
        ),
        rx.el.p(S.count_text, id="body-count", class_name="hj-reflect-count"),
        class_name=rx.cond(has_error, "hj-field hj-field-error", "hj-field"),
    )


def write_form() -> rx.Component:
    return rx.el.form(
        body_field(),
        actions(
            primary_button(rx.cond(S.has_mine, T.SAVE, T.SUBMIT), id="reflect-submit"),
            rx.cond(
                S.editing, secondary_button(T.CANCEL_EDIT, on_click=S.stop_edit, id="reflect-keep")
            ),
        ),
        key=S.form_key,
        on_submit=S.submit,
        reset_on_submit=False,
        no_validate=True,
        id="reflect-form",
    )


def the_week() -> rx.Component:
    return rx.fragment(
        rx.el.p(S.week_line, class_name="hj-lead", id="reflect-week"),
        rx.cond(S.has_mine & ~S.editing, mine()),
        questions(),
        rx.cond(S.show_form, write_form()),
    )


def reflect_page() -> rx.Component:
    return page_frame(
        rx.el.a(
            "‹ ", rx.cond(S.found, T.BACK, T.BACK_STUDY), href=S.back_href, class_name="hj-back"
        ),
        notice(S.told, S.told_warn, id="reflect-told", tab_index=-1),
        error_summary(S.error_list),
        rx.el.h1(T.TITLE),
        rx.cond(
            S.ready,
            rx.cond(S.blocked_to != "", not_yet(), rx.cond(S.found, the_week(), no_week())),
            rx.el.p(text.Kit.LOADING, role="status"),
        ),
        active="study",
    )
