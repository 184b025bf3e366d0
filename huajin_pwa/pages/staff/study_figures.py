"""The 学习 section of /staff: this week's completion by grid, the last 12 weeks across the
community, and the reflections waiting for a reply, by grid."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import link_button
from huajin_pwa.components.display import card, empty_state
from huajin_pwa.components.study_bars import bar_list
from huajin_pwa.states.staff import StaffState

T = text.StudyBranch
S = StaffState


def awaiting_row(row) -> rx.Component:
    return rx.el.li(rx.el.strong(row["grid"]), rx.el.br(), row["words"])


def study_figures() -> rx.Component:
    """学习: completion by grid and by week (bars with their numbers), reflections waiting."""
    return rx.el.section(
        rx.el.h2(T.STAFF_HEADING, id="study-heading"),
        rx.el.p(S.study_week, class_name="hj-lead hj-strong", id="study-week"),
        rx.el.h3(T.BY_GRID),
        bar_list(S.study_by_grid, "study-by-grid"),
        rx.el.h3(T.AWAITING),
        card(
            rx.cond(
                S.study_awaiting.length() > 0,
                rx.el.ul(
                    rx.foreach(S.study_awaiting, awaiting_row),
                    class_name="hj-list hj-lines",
                    id="study-awaiting",
                ),
                empty_state(T.AWAITING_NONE),
            )
        ),
        rx.el.h3(T.BY_WEEK),
        rx.cond(
            S.study_by_week.length() > 0,
            bar_list(S.study_by_week, "study-by-week"),
            empty_state(T.WEEKS_EMPTY),
        ),
        link_button(T.TO_MATERIALS, "/staff/study", False, id="to-study-materials"),
        aria_labelledby="study-heading",
        class_name="hj-sb-figures",
    )
