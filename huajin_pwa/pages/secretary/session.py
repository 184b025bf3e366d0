"""/secretary/session/<id>: one study session: what it is, the QR code to scan (with its link
written out), and the roster with a big tick box for each member and 保存出勤."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import primary_button
from huajin_pwa.components.display import card, empty_state, notice
from huajin_pwa.components.layout import back_link, page_frame
from huajin_pwa.pages.secretary.visit import rows_list
from huajin_pwa.states.study_session import StudySessionState

T = text.StudySessions
S = StudySessionState


def qr_card() -> rx.Component:
    """The code, large, with the words to say and the link for those who cannot scan."""
    return rx.el.section(
        rx.el.h2(T.QR_TITLE, id="qr-title"),
        rx.el.p(T.QR_SCAN, class_name="hj-qr-say"),
        rx.el.img(src=S.qr_uri, alt=T.QR_ALT, class_name="hj-qr", id="session-qr"),
        rx.el.p(T.QR_LINK),
        rx.el.p(S.checkin_url, class_name="hj-qr-link", id="checkin-link"),
        class_name="hj-card hj-qr-card",
        aria_labelledby="qr-title",
    )


def member_tick(row) -> rx.Component:
    """One member: a big tick box with the name, and how they came in words."""
    box_id = "tick-" + row["id"].to(str)
    return rx.el.li(
        rx.el.label(
            rx.el.input(
                type="checkbox",
                name="present",
                value=row["id"],
                id=box_id,
                default_checked=row["via"] != "",
                disabled=row["locked"] != "",
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
        data_member_id=row["id"],
    )


def roster_card() -> rx.Component:
    return card(
        rx.el.h2(T.ROSTER_TITLE, id="roster-title"),
        rx.el.p(S.count_line, class_name="hj-lead hj-strong", id="roster-count"),
        rx.cond(
            S.total > 0,
            rx.el.form(
                rx.cond(
                    S.can_tick,
                    rx.fragment(
                        rx.el.p(T.ROSTER_LEAD),
                        rx.cond(~S.same_day, rx.el.p(T.LOCKED_HINT, id="roster-locked")),
                    ),
                    rx.el.p(T.NOT_YET_HINT),
                ),
                rx.el.ul(rx.foreach(S.members, member_tick), class_name="hj-ticks", id="roster"),
                rx.cond(S.can_tick, primary_button(T.SAVE, id="save-attendance")),
                key=S.form_key.to_string() + "-roster",
                id="roster-form",
                aria_labelledby="roster-title",
                on_submit=S.save,
                reset_on_submit=False,
                no_validate=True,
            ),
            empty_state(T.NO_MEMBERS),
        ),
    )


def session_page() -> rx.Component:
    return page_frame(
        back_link("/secretary/sessions", T.BACK_LIST),
        notice(S.notice, S.notice_warn, id="page-notice"),
        rx.cond(
            S.found,
            rx.fragment(
                rx.el.h1(T.TITLE, "：", S.title),
                card(rx.el.h2(T.ABOUT), rows_list(S.about, id="session-about")),
                qr_card(),
                roster_card(),
            ),
            rx.el.h1(T.TITLE),
        ),
        active="home",
    )
