"""What the secretary's list pages share: the section navigation with its counts, the grid
filter (staff, or a secretary of several grids), and the frame around a list."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import primary_button
from huajin_pwa.components.display import notice, pager
from huajin_pwa.components.fields import select_field
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.secretary import SecretaryState

T = text.SecretaryPage
S = SecretaryState

SECTIONS = [
    ("requests", "/secretary", S.n_requests),
    ("tasks", "/secretary/tasks", S.n_tasks),
    ("duty", "/secretary/duty", S.n_unvisited),
    ("members", "/secretary/members", S.n_members),
    ("study", "/secretary/study", S.n_unstudied),
    ("reflections", "/secretary/reflections", S.n_reflections),
]


def section_nav(active: str) -> rx.Component:
    """上门请求 · 节日慰问 · 每月必访 · 本网格党员 · 本周学习 · 学习心得, each with a count."""
    links = []
    for key, href, count in SECTIONS:
        current = {"aria_current": "page"} if key == active else {}
        links.append(
            rx.el.a(
                rx.el.span(T.NAV[key]),
                rx.el.span(count, class_name="hj-secnav-count"),
                rx.el.span(T.COUNT_SUFFIX, class_name="hj-sr"),
                href=href,
                id=f"secnav-{key}",
                **current,
            )
        )
    return rx.el.nav(*links, class_name="hj-secnav", aria_label=T.NAV_LABEL)


def grid_filter(state) -> rx.Component:
    """Which grid to look at, for those who work in more than one."""
    return rx.cond(
        S.grid_options.length() > 1,
        rx.el.form(
            select_field(
                "grid",
                T.GRID_FILTER,
                rx.Var.create({}),
                S.grid_options,
                S.grid_filter,
                placeholder=T.ALL_GRIDS,
            ),
            primary_button(T.FILTER),
            on_submit=state.filter_grid,
            reset_on_submit=False,
            class_name="hj-grid-filter",
        ),
    )


def section_page(
    state, active: str, title, lead, body: rx.Component, empty: rx.Component
) -> rx.Component:
    """The frame of one list page: navigation, title, grid, the list (or what an empty one
    says) and the pager."""
    return page_frame(
        section_nav(active),
        notice(S.flash, S.flash_warn),
        rx.el.h1(title),
        rx.cond(
            S.allowed,
            rx.fragment(
                rx.el.p(S.grid_label, class_name="hj-muted", id="grid-label"),
                rx.el.p(lead) if isinstance(lead, str) else lead,
                grid_filter(state),
                rx.cond(
                    state.rows.length() > 0,
                    rx.fragment(
                        body,
                        pager(state.page, state.pages, state.go(-1), state.go(1)),
                    ),
                    empty,
                ),
            ),
        ),
        back="/",
        active="home",
    )
