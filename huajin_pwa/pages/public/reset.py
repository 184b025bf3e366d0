"""/login/reset (member sets a new PIN with a code) and /reset-pin (helper issues a code)."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, primary_button, secondary_button
from huajin_pwa.components.display import card
from huajin_pwa.components.fields import error_summary, new_pin_fields, text_field
from huajin_pwa.components.layout import page_frame
from huajin_pwa.components.question import question_page
from huajin_pwa.states.pin_reset import IssueResetState, RedeemResetState

R = text.Reset


def redeem_page() -> rx.Component:
    errors = RedeemResetState.errors
    return question_page(
        R.TITLE,
        text_field(
            "phone",
            text.Auth.PHONE_LABEL,
            errors,
            type="tel",
            input_mode="numeric",
            auto_complete="tel",
            max_length=20,
        ),
        text_field(
            "code",
            R.CODE_LABEL,
            errors,
            hint=R.CODE_HINT_FIELD,
            input_mode="numeric",
            auto_complete="one-time-code",
            max_length=12,
            short=True,
        ),
        new_pin_fields(errors, R.NEW_PIN, R.NEW_PIN_AGAIN),
        on_submit=RedeemResetState.redeem,
        error_list=RedeemResetState.error_list,
        back="/login",
        intro=[R.INTRO],
        submit_label=R.SUBMIT,
    )


def issued_code() -> rx.Component:
    return card(
        rx.el.h2(IssueResetState.code_for),
        rx.el.p(
            IssueResetState.code,
            id="reset-code",
            class_name="hj-stat",
            style={"letter_spacing": "0.2em", "font_size": "2.2rem"},
        ),
        rx.el.p(R.CODE_HINT),
        rx.el.p(IssueResetState.expires),
        secondary_button(R.ANOTHER, on_click=IssueResetState.another),
        role="status",
    )


def issue_page() -> rx.Component:
    form = rx.el.form(
        text_field(
            "phone",
            R.HELPER_PHONE,
            IssueResetState.errors,
            type="tel",
            input_mode="numeric",
            max_length=20,
        ),
        actions(primary_button(R.HELPER_SUBMIT)),
        on_submit=IssueResetState.issue,
        reset_on_submit=False,
        no_validate=True,
    )
    return page_frame(
        error_summary(IssueResetState.error_list),
        rx.el.h1(R.HELPER_TITLE),
        rx.el.p(R.HELPER_INTRO),
        rx.cond(IssueResetState.code != "", issued_code(), form),
        back="/",
        active="home",
    )
