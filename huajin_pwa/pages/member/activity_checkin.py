"""/activities/checkin/<token>: the page a phone opens from an activity's QR code: 签到成功,
已经签到过了, or why not and what to do, in large words; signed out, how to sign in first."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.activity_checkin import ActivityScanState

T = text.ActivityCheckin
S = ActivityScanState


def outcome() -> rx.Component:
    """The headline (with a symbol, never colour alone) and what it means."""
    return rx.el.div(
        rx.el.p(S.headline, class_name="hj-checkin-headline", id="checkin-headline"),
        rx.cond(S.detail != "", rx.el.p(S.detail, class_name="hj-lead", id="checkin-detail")),
        rx.cond(S.help_text != "", rx.el.p(S.help_text, id="checkin-help")),
        class_name="hj-checkin hj-checkin-" + S.outcome,
        role="status",
        id="checkin-outcome",
    )


def next_steps() -> rx.Component:
    return rx.cond(
        S.outcome == "signed_out",
        actions(link_button(T.SIGN_IN, S.sign_in_href, id="checkin-sign-in")),
        actions(
            rx.cond(
                S.activity_href != "",
                link_button(T.TO_ACTIVITY, S.activity_href, id="checkin-activity"),
                link_button(T.TO_ACTIVITIES, "/activities", id="checkin-activities"),
            ),
            link_button(T.HOME, "/", False),
        ),
    )


def activity_checkin_page() -> rx.Component:
    return page_frame(
        rx.el.h1(T.SCAN_TITLE),
        rx.cond(S.outcome != "", rx.fragment(outcome(), next_steps())),
        active="activities",
    )
