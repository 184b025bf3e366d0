"""/secretary/duty: 每月必访, members in difficulty and whether they were visited this month;
from day 20 the unvisited are flagged in words and a symbol, not colour alone."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import link_button
from huajin_pwa.components.display import empty_state, status_tag
from huajin_pwa.components.member_line import member_facts
from huajin_pwa.pages.secretary.section import section_page
from huajin_pwa.states.secretary import DutyState

T = text.SecretaryPage
S = DutyState


def duty_row(row) -> rx.Component:
    overdue = row["overdue"] != ""
    name = row["name"].to(str)
    href = "/secretary/member/" + row["member_id"].to(str)
    return rx.el.li(
        rx.el.div(
            rx.el.h2(row["name"], class_name="hj-card-title"),
            status_tag(row["status"], row["tone"]),
            class_name="hj-row",
        ),
        member_facts(row),
        rx.el.p(row["last_visit"]),
        rx.cond(
            row["tone"] == "ok",
            link_button(T.LOG_VISIT, href, False, aria_label=T.LOG_VISIT + " " + name),
            link_button(T.LOG_VISIT, href, aria_label=T.LOG_VISIT + " " + name),
        ),
        class_name=rx.cond(overdue, "hj-card hj-overdue", "hj-card"),
        data_member_name=row["name"],
    )


def duty_lead() -> rx.Component:
    return rx.fragment(
        rx.el.p(T.DUTY_LEAD),
        rx.cond(
            S.alert_line != "",
            rx.el.p(S.alert_line, class_name="hj-notice hj-notice-alert", id="duty-alert"),
        ),
        rx.cond(S.left_line != "", rx.el.p(S.left_line, class_name="hj-lead hj-strong")),
    )


def duty_page() -> rx.Component:
    return section_page(
        S,
        "duty",
        S.title,
        duty_lead(),
        rx.el.ul(rx.foreach(S.rows, duty_row), class_name="hj-list", id="duty-list"),
        empty_state(T.DUTY_EMPTY),
    )
