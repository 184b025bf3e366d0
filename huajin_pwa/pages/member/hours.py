"""/me/hours: the member's service hours on one page, to show or print: name, total hours,
number of activities, a table of date / activity / team / hours, and the printing date. Printing
hides the navigation and the buttons."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, primary_button
from huajin_pwa.components.display import empty_state
from huajin_pwa.components.layout import page_frame
from huajin_pwa.components.service_hours import hours_table
from huajin_pwa.states.service_hours import MyHoursState

T = text.ServiceHours
S = MyHoursState


def totals() -> rx.Component:
    rows = [(T.PRINT_NAME, S.name), (T.PRINT_TOTAL, S.total), (T.PRINT_COUNT, S.count)]
    return rx.el.dl(
        *[rx.el.div(rx.el.dt(label), rx.el.dd(value)) for label, value in rows],
        class_name="hj-answers hj-hours-totals",
        id="hours-summary",
    )


def my_hours_page() -> rx.Component:
    return page_frame(
        rx.el.div(
            rx.el.h1(T.PRINT_TITLE),
            totals(),
            rx.cond(
                S.rows.length() > 0,
                hours_table(S.rows, id="hours-table"),
                empty_state(T.ME_EMPTY),
            ),
            rx.cond(S.more != "", rx.el.p(S.more, class_name="hj-muted")),
            rx.el.p(S.printed_on, id="printed-on"),
            class_name="hj-hours-sheet",
        ),
        rx.el.div(
            actions(
                primary_button(
                    T.PRINT,
                    type="button",
                    id="print-hours",
                    on_click=rx.call_script("window.print()"),
                ),
                link_button(T.BACK_ME, "/me", False),
            ),
            class_name="hj-no-print",
        ),
        active="me",
        back="/me",
    )
