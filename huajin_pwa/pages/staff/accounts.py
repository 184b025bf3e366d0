"""/staff/accounts: find an account by phone; roles, disable, enable, unlock."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, primary_button, secondary_button, small_button
from huajin_pwa.components.display import card, notice, status_tag
from huajin_pwa.components.fields import error_summary, select_field, text_field
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.accounts import AccountsState

A = text.Accounts
S = AccountsState


def role_row(row) -> rx.Component:
    return rx.el.li(
        status_tag(row[1], "plain"),
        small_button(
            A.REVOKE, on_click=S.revoke(row[0]), aria_label=A.REVOKE + " " + row[1].to(str)
        ),
        class_name="hj-row",
        style={"margin_bottom": "0.5rem"},
    )


def account_card() -> rx.Component:
    return rx.fragment(
        card(
            rx.el.h2(S.name, "（", S.phone, "）"),
            rx.el.p(S.sign_in_kind),
            rx.el.p(A.STATE, "：", rx.foreach(S.status, lambda s: status_tag(s, "plain"))),
            rx.el.h3(A.ROLES),
            rx.cond(
                S.role_rows.length() > 0,
                rx.el.ul(rx.foreach(S.role_rows, role_row), class_name="hj-list"),
                rx.el.p(A.NO_ROLES),
            ),
            id="account",
        ),
        card(
            rx.el.h2(A.GRANT),
            rx.el.form(
                select_field("role", A.ROLE, S.errors, S.role_options, placeholder=A.ROLE_CHOOSE),
                select_field("grid", A.GRID, S.errors, S.grid_options, placeholder=A.GRID_CHOOSE),
                primary_button(A.GRANT),
                on_submit=S.grant,
                reset_on_submit=True,
            ),
        ),
        actions(
            rx.cond(S.locked, secondary_button(A.UNLOCK, on_click=S.unlock)),
            rx.cond(
                S.active,
                secondary_button(A.DISABLE, on_click=S.set_active(False)),
                secondary_button(A.ENABLE, on_click=S.set_active(True)),
            ),
            secondary_button(A.OTHER, on_click=S.another),
        ),
    )


def find_form() -> rx.Component:
    return rx.el.form(
        text_field("phone", A.PHONE, S.errors, type="tel", input_mode="numeric", max_length=20),
        primary_button(A.FIND),
        on_submit=S.find,
        reset_on_submit=False,
        no_validate=True,
    )


def accounts_page() -> rx.Component:
    return page_frame(
        notice(S.notice),
        error_summary(S.error_list),
        rx.el.h1(A.TITLE),
        rx.el.p(A.INTRO),
        rx.cond(S.found, account_card(), find_form()),
        back="/staff",
        active="home",
    )
