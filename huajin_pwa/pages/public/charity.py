"""/charity 义卖善款: the running total in large type, by team, and the recent sales with what
the money was for; open to everyone."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.display import card, empty_state, pager
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.charity import CharityState

C = text.Charity
S = CharityState


def total_card() -> rx.Component:
    return card(
        rx.el.h2(C.TOTAL_LABEL, id="charity-total-title"),
        rx.el.p(S.total, class_name="hj-charity-total", id="charity-total"),
        rx.el.p(S.count, id="charity-count"),
        aria_labelledby="charity-total-title",
    )


def teams_card() -> rx.Component:
    return rx.cond(
        S.teams.length() > 0,
        card(
            rx.el.h2(C.BY_TEAM, id="charity-teams-title"),
            rx.el.ul(
                rx.foreach(
                    S.teams,
                    lambda team: rx.el.li(
                        rx.el.span(team["name"], class_name="hj-strong"),
                        "：",
                        team["line"],
                    ),
                ),
                class_name="hj-list hj-lines",
                id="charity-teams",
            ),
            aria_labelledby="charity-teams-title",
        ),
    )


def sales_card() -> rx.Component:
    return card(
        rx.el.h2(C.RECENT, id="charity-sales-title"),
        rx.cond(
            S.rows.length() > 0,
            rx.el.ul(
                rx.foreach(
                    S.rows,
                    lambda row: rx.el.li(
                        rx.el.p(row["title"], class_name="hj-strong"),
                        rx.el.p(row["day"], " · ", row["team"]),
                        rx.el.p(row["amount"], class_name="hj-stat"),
                        rx.el.p(row["purpose"]),
                    ),
                ),
                class_name="hj-list hj-lines hj-charity-sales",
                id="charity-sales",
            ),
            empty_state(C.EMPTY),
        ),
        pager(S.page, S.pages, S.go(-1), S.go(1)),
        aria_labelledby="charity-sales-title",
    )


def charity_page() -> rx.Component:
    return page_frame(
        rx.el.h1(C.PUBLIC_TITLE),
        rx.el.p(C.PUBLIC_LEAD, class_name="hj-lead"),
        total_card(),
        teams_card(),
        sales_card(),
        active="activities",
    )
