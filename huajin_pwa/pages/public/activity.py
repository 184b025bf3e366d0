"""/activities/<id>: one activity, shareable: what, when, where, who may come, the seats and
the waiting list in words, the viewer's status and one big button; the link written out to
share; links for the people who run it."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, primary_button, secondary_button
from huajin_pwa.components.display import card, notice, status_tag
from huajin_pwa.components.layout import back_link, page_frame
from huajin_pwa.pages.secretary.visit import rows_list
from huajin_pwa.states.activities import ActivityState

T = text.ActivityPages
S = ActivityState


def copy_script() -> str:
    """Copy the written link when the phone can; say so in the line beside the button."""
    return (
        "(function(){var l=document.getElementById('share-link').textContent;"
        "var s=document.getElementById('share-copied');"
        "if(navigator.clipboard){navigator.clipboard.writeText(l).then(function(){"
        f"s.textContent='{T.COPIED}';}});}}}})()"
    )


def confirm_cancel() -> rx.Component:
    """The inline confirmation: the question, 确定取消 and 不取消."""
    return rx.el.div(
        rx.el.p(T.CANCEL_ASK, class_name="hj-strong", id="cancel-ask"),
        actions(
            primary_button(T.CANCEL_YES, type="button", on_click=S.cancel, id="cancel-yes"),
            secondary_button(T.CANCEL_NO, on_click=S.keep, id="cancel-no"),
        ),
        role="group",
        aria_labelledby="cancel-ask",
    )


def the_button() -> rx.Component:
    """报名 / 取消报名 / 名额已满：排队候补 / 退出候补 (第 n 位) / 登录后报名, or why not."""
    return rx.cond(
        S.phase != "open",
        rx.el.p(S.phase_words, class_name="hj-lead hj-strong", id="signup-closed"),
        rx.cond(
            ~S.signed_in,
            actions(link_button(T.SIGN_IN_TO_JOIN, S.sign_in_href, id="sign-in-to-join")),
            rx.match(
                S.my_status,
                (
                    "signed",
                    rx.cond(
                        S.confirming,
                        confirm_cancel(),
                        actions(secondary_button(T.CANCEL, on_click=S.ask_cancel, id="cancel")),
                    ),
                ),
                (
                    "waiting",
                    actions(secondary_button(S.leave_label, on_click=S.cancel, id="leave-waiting")),
                ),
                rx.cond(
                    S.full,
                    actions(
                        primary_button(
                            T.JOIN_WAITING,
                            type="button",
                            on_click=S.join_waiting,
                            id="join-waiting",
                        )
                    ),
                    actions(
                        primary_button(T.SIGN_UP, type="button", on_click=S.sign_up, id="sign-up")
                    ),
                ),
            ),
        ),
    )


def signup_card() -> rx.Component:
    return card(
        rx.el.h2(T.SIGNUP_TITLE, id="signup-title"),
        rx.el.p(S.seats_line, "，", S.waiting_line, class_name="hj-lead", id="seats"),
        rx.cond(
            S.signed_in,
            rx.el.p(
                status_tag(S.my_status_words, S.my_status_tone),
                id="my-status",
            ),
        ),
        the_button(),
        aria_labelledby="signup-title",
        id="signup",
    )


def share_card() -> rx.Component:
    return card(
        rx.el.h2(T.SHARE_TITLE),
        rx.el.p(T.SHARE_LEAD),
        rx.el.p(S.share_url, class_name="hj-qr-link", id="share-link"),
        rx.el.div(
            secondary_button(T.COPY_LINK, on_click=rx.call_script(copy_script()), id="copy-link"),
            rx.el.p("", id="share-copied", role="status", class_name="hj-strong"),
            class_name="hj-actions",
        ),
    )


def manage_card() -> rx.Component:
    return card(
        rx.el.h2(T.MANAGE_TITLE),
        actions(
            link_button(T.MANAGE_ROSTER, S.roster_href, id="manage-roster"),
            link_button(T.MANAGE_EDIT, S.edit_href, False, id="manage-edit"),
        ),
    )


def details() -> rx.Component:
    return rx.fragment(
        rx.el.h1(S.title, id="activity-title"),
        rx.el.p(
            status_tag(S.kind, "plain"),
            " ",
            rx.cond(
                S.team_href != "",
                rx.el.a(
                    S.team_name, href=S.team_href, class_name="hj-link hj-target", id="team-link"
                ),
                rx.el.span(S.team_name),
            ),
            class_name="hj-lead",
        ),
        rx.cond(
            S.picture_src != "",
            rx.el.img(src=S.picture_src, alt=S.picture_alt, class_name="hj-act-picture"),
        ),
        card(rows_list(S.about, id="activity-about")),
        rx.cond(
            S.description != "",
            card(rx.el.h2(T.ROW_ABOUT), rx.el.p(S.description, class_name="hj-reflect-body")),
        ),
        signup_card(),
        rx.cond(S.sale_line != "", card(rx.el.h2(T.SALE_TITLE), rx.el.p(S.sale_line, id="sale"))),
        share_card(),
        rx.cond(S.can_manage, manage_card()),
    )


def activity_page() -> rx.Component:
    return page_frame(
        back_link("/activities", T.BACK_CALENDAR),
        notice(S.note, S.note_warn, id="page-notice"),
        rx.cond(S.found, details(), rx.el.h1(T.DETAIL_TITLE)),
        active="activities",
    )
