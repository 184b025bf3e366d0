"""/secretary/sessions (the grid's study sessions, coming ones first) and
/secretary/sessions/new (planning one: material, day, 白天 or 夜学, time, place)."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import link_button, primary_button
from huajin_pwa.components.display import empty_state, notice, status_tag
from huajin_pwa.components.fields import choice_group, error_summary, select_field, text_field
from huajin_pwa.components.layout import back_link, page_frame
from huajin_pwa.pages.secretary.section import section_page
from huajin_pwa.pages.secretary.visit_fields import date_field
from huajin_pwa.states.study_sessions import NewStudySessionState, StudySessionsState

T = text.StudySessions
S = StudySessionsState
N = NewStudySessionState


def session_card(row) -> rx.Component:
    """One session: when, whether it is to come, where, which material, how many came."""
    return rx.el.li(
        rx.el.div(
            rx.el.h2(row["when"], class_name="hj-card-title"),
            status_tag(row["status"], row["tone"]),
            class_name="hj-row",
        ),
        rx.cond(row["grid"] != "", rx.el.p(row["grid"], class_name="hj-strong")),
        rx.el.p(row["place"]),
        rx.el.p(row["week"]),
        rx.el.p(row["attended"], class_name="hj-strong"),
        link_button(
            T.OPEN,
            "/secretary/session/" + row["id"].to(str),
            False,
            aria_label=row["open_label"],
        ),
        class_name="hj-card hj-session-card",
        data_session_id=row["id"],
    )


def lead() -> rx.Component:
    return rx.fragment(
        rx.el.p(T.LIST_LEAD),
        link_button(T.NEW, "/secretary/sessions/new", id="new-session"),
        rx.el.p(
            rx.el.a(T.TO_PROGRESS, href="/secretary/study", class_name="hj-link hj-target"),
        ),
    )


def sessions_page() -> rx.Component:
    return section_page(
        S,
        "",
        T.LIST_TITLE,
        lead(),
        rx.el.ul(rx.foreach(S.rows, session_card), class_name="hj-list", id="session-list"),
        empty_state(T.LIST_EMPTY, T.LIST_EMPTY_HINT),
    )


def session_form() -> rx.Component:
    """学习材料, 网格 (when there is a choice), 学习日期, 白天还是夜学, 开始时间, 地点."""
    return rx.el.form(
        rx.cond(
            N.grid_options.length() > 1,
            select_field("grid", T.GRID, N.errors, N.grid_options, N.answers["grid"].to(str)),
        ),
        select_field(
            "week",
            T.WEEK_LABEL,
            N.errors,
            N.week_options,
            N.answers["week"].to(str),
            hint=T.WEEK_HINT,
        ),
        date_field(N, "held_on", T.DAY_LABEL, N.day_min, N.day_max),
        choice_group("part", T.PART_LABEL, N.errors, T.PARTS, N.answers["part"].to(str)),
        text_field(
            "starts_at",
            T.TIME_LABEL,
            N.errors,
            N.answers["starts_at"].to(str),
            hint=T.TIME_HINT,
            short=True,
            max_length=5,
            input_mode="numeric",
            auto_complete="off",
        ),
        text_field(
            "place",
            T.PLACE_LABEL,
            N.errors,
            N.answers["place"].to(str),
            hint=T.PLACE_HINT,
            max_length=60,
        ),
        primary_button(T.SUBMIT, id="session-submit"),
        key=N.form_key.to_string() + "-session",
        id="session-form",
        on_submit=N.submit,
        reset_on_submit=False,
        no_validate=True,
    )


def new_session_page() -> rx.Component:
    return page_frame(
        back_link("/secretary/sessions", T.BACK_LIST),
        notice(N.notice, N.notice_warn, id="page-notice"),
        error_summary(N.error_list),
        rx.el.h1(T.NEW_TITLE),
        rx.cond(
            N.allowed,
            rx.fragment(
                rx.el.p(T.NEW_LEAD),
                rx.cond(
                    N.week_options.length() > 0,
                    session_form(),
                    empty_state(T.NO_WEEKS),
                ),
            ),
        ),
        active="home",
    )
