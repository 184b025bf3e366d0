"""/me: 我的 — disclosure status and badge, roles, teams, service hours, study record,
referrals, sign out."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import (
    actions,
    link_button,
    primary_button,
    secondary_button,
)
from huajin_pwa.components.display import card, notice, status_tag
from huajin_pwa.components.layout import page_frame
from huajin_pwa.components.service_hours import my_hours_card, my_teams_card
from huajin_pwa.components.study_record import study_record_card
from huajin_pwa.states.me import MeState

M = text.Me


def withdraw_question() -> rx.Component:
    """撤回申请, confirmed inline: no pop-up."""
    return rx.cond(
        MeState.asking_withdraw,
        rx.el.div(
            rx.el.p(M.WITHDRAW_ASK, class_name="hj-notice hj-notice-warn", role="alert"),
            actions(
                primary_button(M.WITHDRAW_YES, type="button", on_click=MeState.withdraw),
                secondary_button(M.WITHDRAW_NO, on_click=MeState.ask_withdraw(False)),
            ),
        ),
        secondary_button(M.WITHDRAW, on_click=MeState.ask_withdraw(True)),
    )


def status_card() -> rx.Component:
    return card(
        rx.el.h2(M.STATUS),
        rx.cond(
            MeState.approved,
            rx.el.p(M.BADGE, class_name="hj-tag hj-tag-ok hj-badge", id="badge"),
            rx.el.p(status_tag(MeState.status_label, MeState.status_tone)),
        ),
        rx.cond(
            MeState.reason != "", rx.el.p(MeState.reason, class_name="hj-notice hj-notice-warn")
        ),
        rx.cond(MeState.submitted_on != "", rx.el.p(MeState.submitted_on)),
        rx.cond(MeState.filled_by != "", rx.el.p(MeState.filled_by)),
        rx.cond(MeState.grid_name != "", rx.el.p(M.GRID, "：", MeState.grid_name)),
        rx.match(
            MeState.status,
            ("rejected", link_button(M.FIX_AND_RESUBMIT, "/join")),
            ("withdrawn", link_button(M.START_JOIN, "/join")),
            ("draft", link_button(M.CONTINUE_DRAFT, "/join")),
            ("pending", withdraw_question()),
            ("approved", rx.fragment()),
            link_button(M.START_JOIN, "/join"),
        ),
    )


def me_page() -> rx.Component:
    return page_frame(
        notice(MeState.notice),
        rx.el.h1(MeState.user_name),
        rx.el.p(text.Auth.PHONE_LABEL, "：", MeState.phone),
        status_card(),
        rx.cond(
            MeState.role_names.length() > 0,
            card(
                rx.el.h2(M.ROLES),
                rx.el.p(
                    rx.foreach(MeState.role_names, lambda r: status_tag(r, "plain")),
                    style={"display": "flex", "gap": "0.5rem", "flex_wrap": "wrap"},
                ),
            ),
        ),
        my_teams_card(MeState),
        my_hours_card(MeState),
        study_record_card(MeState),
        card(
            rx.el.h2(M.REFERRALS),
            rx.el.p(
                M.REFERRAL_CREDIT.split("{total}")[0],
                MeState.referrals_made,
                M.REFERRAL_CREDIT.split("{total}")[1].split("{disclosed}")[0],
                MeState.referrals_disclosed,
                M.REFERRAL_CREDIT.split("{disclosed}")[1],
                id="referral-credit",
            ),
            rx.cond(MeState.approved, link_button(M.REFER, "/me/refer", False)),
        ),
        actions(secondary_button(text.Auth.SIGN_OUT, on_click=MeState.sign_out)),
        active="me",
    )
