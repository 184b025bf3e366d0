"""/staff/referrals: 以老带新 referrals to follow up and link."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import primary_button, small_button
from huajin_pwa.components.display import card, empty_state, notice, pager, status_tag
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.referrals import StaffReferralState

T = text.Staff
R = text.StaffReferral
S = StaffReferralState


def referral_card(row) -> rx.Component:
    rid = row["id"].to(str)
    return card(
        rx.el.div(
            rx.el.h2(row["name"], style={"margin": "0"}),
            status_tag(row["status"], row["tone"]),
            class_name="hj-row",
        ),
        rx.el.p(row["referrer"], " · ", row["when"]),
        rx.el.p(R.WHEREABOUTS.split("{text}")[0], row["whereabouts"]),
        rx.el.p(R.HOW_KNOWN.split("{text}")[0], row["how_known"]),
        rx.cond(row["note"] != "", rx.el.p(R.NOTE.split("{text}")[0], row["note"])),
        rx.cond(
            S.row_errors.contains(rid),
            rx.el.p(S.row_errors[rid], class_name="hj-error-text", role="alert"),
        ),
        rx.el.form(
            rx.el.input(type="hidden", name="referral_id", value=rid),
            rx.el.fieldset(
                rx.el.legend(R.STATUS_LABEL, class_name="hj-legend"),
                *[
                    rx.el.label(
                        rx.el.input(
                            type="radio",
                            name="status",
                            value=code,
                            default_checked=code == "following",
                        ),
                        label,
                        class_name="hj-choice",
                    )
                    for code, label in R.STATUSES.items()
                ],
                class_name="hj-fieldset",
            ),
            rx.el.label(T.STAFF_NOTE, html_for="note-" + rid),
            rx.el.input(name="note", id="note-" + rid, class_name="hj-input", max_length=400),
            rx.el.div(primary_button(R.SAVE), style={"margin_top": "0.75rem"}),
            on_submit=S.follow_up,
        ),
        rx.el.form(
            rx.el.input(type="hidden", name="referral_id", value=rid),
            rx.el.label(T.LINK_PHONE, html_for="phone-" + rid, style={"margin_top": "1rem"}),
            rx.el.span(T.LINK_PHONE_HINT, class_name="hj-hint"),
            rx.el.input(
                name="phone",
                id="phone-" + rid,
                type="tel",
                input_mode="numeric",
                class_name="hj-input",
                max_length=20,
            ),
            rx.el.div(primary_button(T.LINK), style={"margin_top": "0.75rem"}),
            on_submit=S.link,
        ),
    )


def staff_referrals_page() -> rx.Component:
    return page_frame(
        notice(S.notice),
        rx.el.h1(T.REFERRAL_LIST),
        small_button(rx.cond(S.open_only, R.SHOW_ALL, R.SHOW_OPEN), on_click=S.toggle_open_only),
        rx.cond(
            S.rows.length() > 0,
            rx.el.div(
                rx.foreach(S.rows, referral_card),
                pager(S.page, S.pages, S.go(-1), S.go(1)),
                style={"margin_top": "1rem"},
            ),
            empty_state(T.REFERRAL_EMPTY),
        ),
        back="/staff",
        active="home",
    )
