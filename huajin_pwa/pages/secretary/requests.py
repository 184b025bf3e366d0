"""/secretary (open home-visit requests) and /secretary/tasks (open holiday-care tasks)."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import link_button
from huajin_pwa.components.display import empty_state, status_tag
from huajin_pwa.components.member_line import member_facts
from huajin_pwa.pages.secretary.section import section_page
from huajin_pwa.states.secretary import RequestsState, TasksState

T = text.SecretaryPage


def visit_card(row, holiday: bool) -> rx.Component:
    """One open visit: who, where, why, when they would like it, how it stands, and 处理."""
    name = row["name"].to(str)
    if holiday:
        what = rx.fragment(rx.el.p(row["campaign"]), rx.el.p(row["deadline"]))
    else:
        what = rx.fragment(
            rx.el.p(row["reason"]),
            rx.el.p(row["wish"]),
            rx.el.p(row["asked"]),
            rx.cond(row["note"] != "", rx.el.p(row["note"])),
        )
    return rx.el.section(
        rx.el.div(
            rx.el.h2(row["name"], class_name="hj-card-title"),
            status_tag(row["status"], row["tone"]),
            class_name="hj-row",
        ),
        rx.cond(row["plan"] != "", rx.el.p(row["plan"], class_name="hj-strong")),
        member_facts(row),
        what,
        rx.el.p(row["last_visit"]),
        link_button(
            T.HANDLE,
            "/secretary/visit/" + row["id"].to(str),
            aria_label=T.HANDLE + " " + name,
        ),
        rx.el.a(
            T.RECORD,
            href="/secretary/member/" + row["member_id"].to(str),
            class_name="hj-link hj-target",
            aria_label=T.RECORD + " " + name,
        ),
        class_name="hj-card hj-visit-card",
        data_visit_id=row["id"],
    )


def open_visits_page(state, active: str, holiday: bool, title: str, lead: str, empty: str):
    """A list page of open visits: requests, or holiday tasks."""
    return section_page(
        state,
        active,
        title,
        lead,
        rx.el.div(rx.foreach(state.rows, lambda row: visit_card(row, holiday))),
        empty_state(empty),
    )


def requests_page() -> rx.Component:
    return open_visits_page(
        RequestsState, "requests", False, T.REQUESTS_TITLE, T.REQUESTS_LEAD, T.REQUESTS_EMPTY
    )


def tasks_page() -> rx.Component:
    return open_visits_page(TasksState, "tasks", True, T.TASKS_TITLE, T.TASKS_LEAD, T.TASKS_EMPTY)
