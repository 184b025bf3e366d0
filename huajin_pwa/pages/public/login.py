"""/login: mobile number, then the PIN keypad (members) or a password (staff)."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, primary_button, secondary_button
from huajin_pwa.components.display import notice
from huajin_pwa.components.fields import error_summary, text_field
from huajin_pwa.components.keypad import keypad, pin_dots
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.login import LoginState


def phone_step() -> rx.Component:
    return rx.el.form(
        text_field(
            "phone",
            text.Auth.PHONE_LABEL,
            LoginState.errors,
            default=LoginState.phone,
            hint=text.Auth.PHONE_HINT,
            type="tel",
            input_mode="numeric",
            auto_complete="tel",
            max_length=20,
        ),
        primary_button(text.Auth.NEXT),
        on_submit=LoginState.submit_phone,
        reset_on_submit=False,
        no_validate=True,
    )


def pin_step() -> rx.Component:
    return rx.el.div(
        rx.el.p(text.Auth.PHONE_LABEL, "：", LoginState.phone),
        rx.el.div(
            rx.el.span(text.Auth.PIN_LABEL, class_name="hj-legend", id="pin-label"),
            rx.el.span(text.Auth.PIN_HINT, class_name="hj-hint"),
            rx.cond(
                LoginState.errors.contains("pin"),
                rx.el.span(LoginState.errors["pin"], id="pin-error", class_name="hj-error-text"),
            ),
            rx.el.div(pin_dots(LoginState.pin_length), id="f-pin", tab_index=-1),
            class_name=rx.cond(LoginState.errors.contains("pin"), "hj-field-error", ""),
        ),
        keypad(LoginState.press_digit, LoginState.delete_digit, LoginState.clear_pin),
        secondary_button(text.Auth.USE_OTHER_PHONE, on_click=LoginState.change_phone),
    )


def password_step() -> rx.Component:
    return rx.el.form(
        rx.el.p(text.Auth.PHONE_LABEL, "：", LoginState.phone),
        text_field(
            "password",
            text.Auth.PASSWORD_LABEL,
            LoginState.errors,
            hint=text.Auth.PASSWORD_HINT,
            type="password",
            auto_complete="current-password",
            max_length=128,
        ),
        actions(
            primary_button(text.Auth.SIGN_IN),
            secondary_button(text.Auth.USE_OTHER_PHONE, on_click=LoginState.change_phone),
        ),
        on_submit=LoginState.submit_password,
        reset_on_submit=True,
        no_validate=True,
    )


def login_page() -> rx.Component:
    return page_frame(
        notice(LoginState.notice),
        error_summary(LoginState.error_list),
        rx.el.h1(text.Auth.TITLE),
        rx.match(
            LoginState.step,
            ("pin", pin_step()),
            ("password", password_step()),
            phone_step(),
        ),
        rx.el.h2(text.Auth.NO_ACCOUNT),
        link_button(text.Auth.JOIN_LINK, "/join", primary=False),
        rx.el.h2(text.Auth.FORGOT_TITLE),
        rx.el.p(text.Auth.FORGOT),
        link_button(text.Reset.LINK, "/login/reset", primary=False),
        active="me",
    )
