"""/staff: live figures and the queue of disclosures to verify."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, primary_button, secondary_button
from huajin_pwa.components.display import card, empty_state, pager, status_tag
from huajin_pwa.components.fields import select_field, text_field
from huajin_pwa.components.layout import page_frame
from huajin_pwa.pages.staff.participation import participation_figures
from huajin_pwa.pages.staff.study_figures import study_figures
from huajin_pwa.states.join import JoinState
from huajin_pwa.states.staff import StaffState

T = text.Staff
C = text.CampaignPage


def stat(label: str, value) -> rx.Component:
    return rx.el.div(rx.el.div(value, class_name="hj-stat"), rx.el.div(label), class_name="hj-card")


def difficulty_row(row) -> rx.Component:
    return rx.el.li(
        rx.el.div(
            rx.el.strong(row["grid"]),
            status_tag(row["mark"], row["tone"]),
            class_name="hj-row",
        ),
        rx.el.div(row["figures"]),
        class_name="hj-card",
    )


def age_row(age) -> rx.Component:
    return rx.el.li(
        rx.el.span(age[0]),
        rx.el.strong(age[1]),
        class_name="hj-row",
        style={"padding": "0.4rem 0", "border_bottom": "2px solid #ddd6ca"},
    )


def visit_figures() -> rx.Component:
    """上门看望: visits this month, open requests by age, difficulty by grid."""
    return rx.el.section(
        rx.el.h2(C.VISITS_HEADING, id="visits-heading"),
        rx.el.div(
            stat(C.VISITS_THIS_MONTH, StaffState.visits_this_month),
            class_name="hj-stats",
            id="visits-this-month",
        ),
        rx.el.h3(C.OPEN_HEADING, style={"margin_top": "1rem"}),
        card(
            rx.el.ul(
                rx.foreach(StaffState.open_by_age, age_row), class_name="hj-list", id="open-by-age"
            ),
        ),
        rx.el.h3(C.DIFFICULTY_HEADING, style={"margin_top": "1rem"}),
        rx.el.ul(
            rx.foreach(StaffState.difficulty, difficulty_row),
            class_name="hj-list",
            id="difficulty-by-grid",
        ),
        link_button(C.TO_CAMPAIGNS, "/staff/campaigns", False),
        aria_labelledby="visits-heading",
    )


def queue_row(row) -> rx.Component:
    return card(
        rx.el.div(
            rx.el.h3(row["name"], style={"margin": "0"}),
            rx.cond(row["behalf"] != "", status_tag(row["behalf"], "plain")),
            class_name="hj-row",
        ),
        rx.el.p(row["grid"], " · ", row["submitted"]),
        link_button(
            T.OPEN,
            "/staff/disclosures/" + row["id"],
            False,
            aria_label=T.OPEN + " " + row["name"].to(str),
        ),
    )


def staff_page() -> rx.Component:
    return page_frame(
        rx.el.h1(T.TITLE),
        rx.el.h2(T.COUNTS),
        rx.el.div(
            stat(T.DISCLOSED, StaffState.disclosed),
            stat(T.PENDING, StaffState.pending),
            stat(T.REFERRALS_OPEN, StaffState.referrals_open),
            class_name="hj-stats",
            id="staff-counts",
        ),
        rx.el.h2(T.BY_GRID),
        rx.el.ul(
            rx.foreach(StaffState.by_grid, lambda g: rx.el.li(g[0], "：", g[1])), id="by-grid"
        ),
        visit_figures(),
        study_figures(),
        participation_figures(),
        actions(
            link_button(T.REFERRAL_LIST, "/staff/referrals", False),
            link_button(text.StaffTeams.LIST_TITLE, "/staff/teams", False, id="to-staff-teams"),
            secondary_button(T.FILL_ON_BEHALF, on_click=JoinState.start_on_behalf),
            link_button(text.Reset.HELPER_TITLE, "/reset-pin", False),
            link_button(text.Accounts.TITLE, "/staff/accounts", False),
            link_button(text.AuditLog.TITLE, "/staff/audit", False),
        ),
        rx.el.h2(T.QUEUE, id="queue"),
        rx.el.form(
            select_field(
                "grid",
                T.FILTER_GRID,
                rx.Var.create({}),
                StaffState.grid_options,
                StaffState.grid_filter,
                placeholder=T.ALL_GRIDS,
            ),
            text_field("search", T.SEARCH, rx.Var.create({}), StaffState.search, max_length=30),
            primary_button(T.FILTER),
            on_submit=StaffState.filter_grid,
            reset_on_submit=False,
        ),
        rx.cond(
            StaffState.queue.length() > 0,
            rx.el.div(
                rx.foreach(StaffState.queue, queue_row),
                pager(StaffState.page, StaffState.pages, StaffState.go(-1), StaffState.go(1)),
            ),
            empty_state(T.QUEUE_EMPTY),
        ),
        active="home",
    )
