"""/leader/activity/<id>: one activity for its leader: what it is, the QR code (large, with
its link written out), 已报名 · 已签到 · 候补 updated live while the page is open, the roster
with a big tick box for each person (a tap saves at once), and links to edit the activity,
confirm service hours or record a charity sale."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button
from huajin_pwa.components.display import card, empty_state, notice
from huajin_pwa.components.layout import back_link, page_frame
from huajin_pwa.pages.secretary.visit import rows_list
from huajin_pwa.states.activity_checkin import LeaderActivityState

T = text.ActivityCheckin
S = LeaderActivityState


def qr_card() -> rx.Component:
    """The code, large, with the words to say and the link for those who cannot scan."""
    return rx.el.section(
        rx.el.h2(T.QR_TITLE, id="qr-title"),
        rx.el.p(T.QR_SCAN, class_name="hj-qr-say"),
        rx.el.img(src=S.qr_uri, alt=T.QR_ALT, class_name="hj-qr", id="activity-qr"),
        rx.el.p(T.QR_LINK),
        rx.el.p(S.checkin_url, class_name="hj-qr-link", id="checkin-link"),
        rx.el.p(T.QR_WINDOW, class_name="hj-muted"),
        class_name="hj-card hj-qr-card",
        aria_labelledby="qr-title",
    )


def counts_card() -> rx.Component:
    """The three numbers; mounting starts the live refresh, leaving the page stops it."""
    return rx.el.section(
        rx.el.h2(T.COUNTS_TITLE, id="counts-title"),
        rx.el.p(S.count_line, class_name="hj-counts", id="checkin-counts", aria_live="polite"),
        rx.el.p(T.LIVE, class_name="hj-muted"),
        class_name="hj-card",
        aria_labelledby="counts-title",
        on_mount=S.watch,
        on_unmount=S.stop_watching,
    )


def person_tick(row) -> rx.Component:
    """One person: a big tick box with the name, and how they came in words."""
    box_id = "tick-" + row["id"].to(str)
    return rx.el.li(
        rx.el.label(
            rx.el.input(
                type="checkbox",
                id=box_id,
                checked=row["via"] != "",
                disabled=row["locked"] != "",
                on_change=S.set_present(row["id"], row["via"] == ""),
                aria_describedby=box_id + "-how",
            ),
            rx.el.span(row["name"], class_name="hj-tick-name"),
            rx.el.span(
                row["how"],
                id=box_id + "-how",
                class_name=rx.cond(row["via"] != "", "hj-tick-how hj-tick-yes", "hj-tick-how"),
            ),
            class_name="hj-choice hj-tick",
            html_for=box_id,
        ),
        data_signup_id=row["id"],
    )


def roster_card() -> rx.Component:
    return card(
        rx.el.h2(T.ROSTER_TITLE, id="roster-title"),
        notice(S.roster_notice, S.roster_warn, id="roster-notice"),
        rx.cond(
            S.people.length() > 0,
            rx.fragment(
                rx.el.p(rx.cond(S.can_tick, T.ROSTER_LEAD, T.ROSTER_NOT_YET)),
                rx.el.ul(
                    rx.foreach(S.people, person_tick),
                    class_name="hj-ticks",
                    id="roster",
                    aria_labelledby="roster-title",
                ),
            ),
            empty_state(T.ROSTER_EMPTY),
        ),
    )


def next_links() -> rx.Component:
    base = "/leader/activity/" + S.activity_id
    return actions(
        rx.cond(S.show_hours, link_button(T.HOURS, base + "/hours", id="to-hours")),
        rx.cond(S.show_sale, link_button(T.SALE, base + "/sale", id="to-sale")),
        rx.cond(
            S.show_edit,
            link_button(T.EDIT, "/activities/" + S.activity_id + "/edit", False, id="to-edit"),
        ),
        link_button(T.BACK, "/leader", False),
    )


def activity_page() -> rx.Component:
    return page_frame(
        back_link("/leader", T.BACK),
        notice(S.notice, S.notice_warn, id="page-notice"),
        rx.cond(
            S.found,
            rx.fragment(
                rx.el.h1(S.title, id="activity-title"),
                card(rx.el.h2(T.ABOUT), rows_list(S.about, id="activity-about")),
                rx.cond(
                    S.cancelled,
                    rx.el.p(T.QR_CANCELLED, class_name="hj-notice hj-notice-warn"),
                    qr_card(),
                ),
                counts_card(),
                roster_card(),
                next_links(),
            ),
            rx.el.h1(T.TITLE),
        ),
        active="activities",
    )
