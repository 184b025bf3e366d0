"""/leader/activity/<id>/hours: after a 志愿服务 activity, one row per person checked in with a
large number field prefilled with the activity's length, and 确认时长; errors next to each
field and in a summary; confirmed rows show 已确认 2.5 小时, locked."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import primary_button
from huajin_pwa.components.display import card, empty_state, notice, pager
from huajin_pwa.components.fields import error_summary
from huajin_pwa.components.layout import back_link, page_frame
from huajin_pwa.components.service_hours import hours_row
from huajin_pwa.pages.secretary.visit import rows_list
from huajin_pwa.states.service_hours import LeaderHoursState

T = text.ServiceHours
S = LeaderHoursState


def hours_form() -> rx.Component:
    return rx.el.form(
        rx.el.ul(
            rx.foreach(S.rows, lambda row: hours_row(row, S.errors, S.hint)),
            class_name="hj-list hj-hours-rows",
            id="hours-rows",
        ),
        rx.cond(
            S.open_count > 0,
            primary_button(T.CONFIRM, id="confirm-hours"),
            rx.el.p(T.ALL_DONE, class_name="hj-strong", id="hours-all-done"),
        ),
        key=S.form_key.to_string() + "-hours",
        id="hours-form",
        aria_labelledby="hours-title",
        on_submit=S.confirm,
        reset_on_submit=False,
        no_validate=True,
    )


def hours_card() -> rx.Component:
    return card(
        rx.el.h2(T.TITLE, id="hours-title"),
        rx.el.p(S.length, class_name="hj-strong", id="hours-length"),
        rx.cond(
            ~S.ended,
            rx.el.p(T.NOT_ENDED_HINT, id="hours-not-ended"),
            rx.cond(
                S.total > 0,
                rx.fragment(
                    rx.el.p(T.LEAD),
                    hours_form(),
                    pager(S.page, S.pages, S.go(-1), S.go(1)),
                ),
                empty_state(T.NONE_CHECKED_IN),
            ),
        ),
    )


def hours_page() -> rx.Component:
    return page_frame(
        back_link(S.back_href, T.BACK),
        notice(S.notice, S.notice_warn, id="page-notice"),
        error_summary(S.error_list),
        rx.cond(
            S.found,
            rx.fragment(
                rx.el.h1(S.title),
                card(rows_list(S.about, id="activity-about")),
                hours_card(),
            ),
            rx.el.h1(T.TITLE),
        ),
        active="home",
    )
