"""/staff/campaigns/<id>: one campaign's progress by grid, and the tasks not done yet."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button
from huajin_pwa.components.display import card, empty_state, notice, pager, status_tag
from huajin_pwa.components.layout import page_frame
from huajin_pwa.components.progress import progress_bar
from huajin_pwa.states.campaigns import CampaignState

C = text.CampaignPage
S = CampaignState


def bar(row) -> rx.Component:
    return progress_bar(row["done"], row["total"], row["width"], row["words"], row["name"])


def grid_progress(row) -> rx.Component:
    return rx.el.li(rx.el.h3(row["label"]), bar(row), class_name="hj-progress-item")


def todo_row(row) -> rx.Component:
    return rx.el.li(
        rx.el.div(
            rx.el.strong(row["name"]),
            status_tag(row["status"], "warn"),
            class_name="hj-row",
        ),
        rx.el.p(row["grid"], rx.cond(row["when"] != "", rx.fragment(" · ", row["when"]))),
        rx.el.a(
            row["phone"],
            href="tel:" + row["phone"].to(str),
            class_name="hj-tel",
            aria_label=C.CALL.split("{name}")[0] + row["name"].to(str) + " " + row["phone"].to(str),
        ),
        class_name="hj-card",
    )


def unfinished() -> rx.Component:
    return rx.fragment(
        rx.cond(
            S.ended,
            rx.el.h2(C.ENDED_STATEMENT, id="unfinished", class_name="hj-ended"),
            rx.el.h2(C.UNFINISHED, id="unfinished"),
        ),
        rx.cond(
            S.todo.length() > 0,
            rx.el.div(
                rx.el.ul(rx.foreach(S.todo, todo_row), class_name="hj-list"),
                pager(S.page, S.pages, S.go(-1), S.go(1)),
            ),
            empty_state(C.ALL_DONE),
        ),
    )


def campaign_page() -> rx.Component:
    return page_frame(
        notice(S.made),
        notice(S.notice, warn=True),
        rx.cond(
            S.found,
            rx.fragment(
                rx.el.h1(S.name),
                rx.el.p(status_tag(S.stage, S.stage_tone)),
                rx.el.p(S.dates),
                rx.el.p(S.audience),
                card(rx.el.h2(C.TOTAL), bar(S.total), id="total"),
                rx.el.h2(C.BY_GRID),
                rx.el.ul(rx.foreach(S.by_grid, grid_progress), class_name="hj-list", id="by-grid"),
                unfinished(),
            ),
            rx.el.h1(C.DETAIL),
        ),
        actions(link_button(C.BACK, "/staff/campaigns", False)),
        back="/staff/campaigns",
        active="home",
    )
