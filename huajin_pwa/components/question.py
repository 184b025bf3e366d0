"""The question-page pattern: one question, a back link, the error summary, 继续."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import primary_button
from huajin_pwa.components.display import read_aloud
from huajin_pwa.components.fields import error_summary
from huajin_pwa.components.layout import page_frame

FOCUS_ERRORS = rx.call_script("window.huajinFocusErrors()")


def question_page(
    title: str,
    *fields: rx.Component,
    on_submit,
    error_list: rx.Var,
    back: str,
    step: str = "",
    intro: list[str] | None = None,
    submit_label: str = text.Kit.CONTINUE,
    ready: rx.Var | bool = True,
    active: str = "me",
    speak_intro: bool = False,
) -> rx.Component:
    """A page asking one question; fields render once ready so defaults fill them."""
    form = rx.el.form(
        *fields,
        primary_button(submit_label),
        on_submit=on_submit,
        reset_on_submit=False,
        no_validate=True,
    )
    return page_frame(
        rx.el.p(step, class_name="hj-step") if step else rx.fragment(),
        error_summary(error_list),
        rx.el.h1(title),
        read_aloud("question-intro") if speak_intro else rx.fragment(),
        rx.el.div(*[rx.el.p(line) for line in intro or []], id="question-intro"),
        rx.cond(ready, form, rx.el.p(text.Kit.LOADING, role="status")),
        active=active,
        back=back,
    )
