"""我的学习记录 on /me, and the 本周学习 card on the home page."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import link_button
from huajin_pwa.components.display import card, status_tag

T = text.StudyRecordText


def study_record_card(state) -> rx.Component:
    """Weeks studied, the streak, weeks by how, the last few weeks (state: StudyRecordVars)."""
    return rx.cond(
        state.study_shown,
        card(
            rx.el.h2(T.TITLE, id="study-record-title"),
            rx.el.div(
                rx.el.p(state.study_weeks, class_name="hj-stat", id="study-weeks"),
                rx.el.p(state.study_streak, class_name="hj-stat", id="study-streak"),
                class_name="hj-stats hj-study-stats",
            ),
            rx.el.h3(T.BY_HOW, style={"margin_top": "1rem"}),
            rx.el.ul(
                rx.foreach(state.study_by_how, lambda line: rx.el.li(line)),
                class_name="hj-list hj-study-how",
                id="study-by-how",
            ),
            rx.el.h3(T.RECENT, style={"margin_top": "1rem"}),
            rx.cond(
                state.study_recent.length() > 0,
                rx.el.ul(
                    rx.foreach(
                        state.study_recent,
                        lambda row: rx.el.li(
                            rx.el.a(row["title"], href="/study/" + row["key"].to(str)),
                            rx.el.br(),
                            row["day"],
                            "　",
                            status_tag(row["how"], "ok"),
                            rx.cond(row["changed"] != "", status_tag(row["changed"], "warn")),
                        ),
                    ),
                    class_name="hj-list hj-lines hj-study-recent",
                    id="study-recent",
                ),
                rx.el.p(T.EMPTY, class_name="hj-muted"),
            ),
            link_button(T.TO_STUDY, "/study", False),
            aria_labelledby="study-record-title",
        ),
    )


def this_week_card(state) -> rx.Component:
    """本周学习: the title and whether it is studied, linking to /study (state: ThisWeekVars)."""
    return card(
        rx.el.h2(T.HOME_TITLE),
        rx.cond(
            state.study_title != "",
            rx.fragment(
                rx.el.p(state.study_title, class_name="hj-strong"),
                rx.el.p(status_tag(state.study_status, rx.cond(state.study_done, "ok", "plain"))),
            ),
            rx.el.p(T.HOME_NONE),
        ),
        link_button(
            rx.fragment(rx.icon("book-open", aria_hidden="true"), T.TO_STUDY),
            "/study",
            False,
            id="home-study",
        ),
        id="home-study-card",
    )
