"""/leader/activity/<id>/sale: after a 义卖 starts, the leader records the amount (yuan) and what
it is for; saving again corrects it. Errors next to each field and in a summary."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import link_button, primary_button
from huajin_pwa.components.display import card, notice
from huajin_pwa.components.fields import error_summary, text_field
from huajin_pwa.components.layout import back_link, page_frame
from huajin_pwa.pages.secretary.visit import rows_list
from huajin_pwa.states.charity import LeaderSaleState

C = text.Charity
S = LeaderSaleState


def sale_form() -> rx.Component:
    return rx.el.form(
        text_field(
            "amount",
            C.AMOUNT,
            S.errors,
            default=S.answers["amount"].to(str),
            hint=C.AMOUNT_HINT,
            short=True,
            input_mode="decimal",
            max_length=20,
            auto_complete="off",
        ),
        text_field(
            "purpose",
            C.PURPOSE,
            S.errors,
            default=S.answers["purpose"].to(str),
            hint=C.PURPOSE_HINT,
            max_length=100,
        ),
        primary_button(rx.cond(S.recorded != "", C.CORRECT, C.SAVE), id="save-sale"),
        key=S.form_key.to_string() + "-sale",
        id="sale-form",
        aria_labelledby="sale-title",
        on_submit=S.save,
        reset_on_submit=False,
        no_validate=True,
    )


def sale_card() -> rx.Component:
    return card(
        rx.el.h2(C.TITLE, id="sale-title"),
        rx.cond(S.recorded != "", rx.el.p(S.recorded, class_name="hj-strong", id="sale-recorded")),
        rx.cond(
            S.started,
            rx.fragment(rx.el.p(C.LEAD), sale_form()),
            rx.el.p(C.NOT_STARTED_HINT, id="sale-not-started"),
        ),
    )


def sale_page() -> rx.Component:
    return page_frame(
        back_link(S.back_href, text.ServiceHours.BACK),
        notice(S.notice, S.notice_warn, id="page-notice"),
        error_summary(S.error_list),
        rx.cond(
            S.found,
            rx.fragment(
                rx.el.h1(S.title),
                card(rows_list(S.about, id="activity-about")),
                sale_card(),
                link_button(C.TO_PUBLIC, "/charity", False, id="to-charity"),
            ),
            rx.el.h1(C.TITLE),
        ),
        active="home",
    )
