"""/staff/teams (every team with 新建队伍), /staff/teams/new and /staff/teams/<id>: the team's
details, its leaders (取消队长 confirmed inline), a new leader by mobile number, 停止活动."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import (
    actions,
    link_button,
    primary_button,
    secondary_button,
    small_button,
)
from huajin_pwa.components.display import card, empty_state, notice, pager, status_tag
from huajin_pwa.components.fields import choice_group, error_summary, text_field, textarea_field
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.staff_teams import StaffTeamsState, StaffTeamState

T = text.StaffTeams
L = StaffTeamsState
S = StaffTeamState


def team_row(row) -> rx.Component:
    return card(
        rx.el.div(
            rx.el.h2(row["name"], style={"margin": "0"}),
            status_tag(row["kind"], "plain"),
            rx.cond(row["stopped"] != "", status_tag(row["stopped"], "warn")),
            class_name="hj-row",
        ),
        rx.el.p(row["members"], " · ", row["leaders"]),
        link_button(
            T.OPEN,
            "/staff/teams/" + row["id"],
            False,
            aria_label=T.OPEN + " " + row["name"].to(str),
        ),
    )


def staff_teams_page() -> rx.Component:
    return page_frame(
        rx.el.h1(T.LIST_TITLE),
        rx.el.p(T.LIST_INTRO),
        actions(link_button(T.NEW, "/staff/teams/new", id="new-team")),
        rx.cond(
            L.rows.length() > 0,
            rx.el.div(
                rx.foreach(L.rows, team_row),
                pager(L.page, L.pages, L.go(-1), L.go(1)),
                id="team-list",
            ),
            empty_state(T.EMPTY),
        ),
        back="/staff",
        active="home",
    )


def team_form() -> rx.Component:
    answers = S.answers
    return rx.el.form(
        text_field("name", T.NAME, S.errors, answers["name"].to(str), T.NAME_HINT, max_length=40),
        choice_group("kind", T.KIND, S.errors, text.TeamWords.TEAM_KINDS, answers["kind"].to(str)),
        textarea_field(
            "summary", T.SUMMARY, S.errors, answers["summary"].to(str), T.SUMMARY_HINT, rows=4
        ),
        text_field(
            "meets_when",
            T.MEETS_WHEN,
            S.errors,
            answers["meets_when"].to(str),
            T.MEETS_WHEN_HINT,
            max_length=80,
        ),
        text_field(
            "meets_where",
            T.MEETS_WHERE,
            S.errors,
            answers["meets_where"].to(str),
            T.MEETS_WHERE_HINT,
            max_length=80,
        ),
        primary_button(rx.cond(S.editing, T.SAVE, T.CREATE), id="save-team"),
        key=S.form_key,
        id="team-form",
        on_submit=S.save,
        reset_on_submit=False,
        no_validate=True,
    )


def leader_row(row) -> rx.Component:
    return rx.el.li(
        rx.el.p(row["line"], class_name="hj-strong"),
        rx.cond(
            S.confirm_remove == row["id"],
            rx.el.div(
                rx.el.p(row["ask"], class_name="hj-notice hj-notice-warn"),
                actions(
                    primary_button(
                        T.REMOVE_YES, type="button", on_click=S.remove_leader, id="remove-yes"
                    ),
                    secondary_button(T.REMOVE_NO, on_click=S.keep_leader),
                ),
            ),
            rx.cond(
                S.active,
                small_button(
                    T.REMOVE,
                    on_click=S.ask_remove(row["id"]),
                    aria_label=T.REMOVE + " " + row["name"].to(str),
                ),
            ),
        ),
        class_name="hj-card",
    )


def leaders_part() -> rx.Component:
    return rx.el.section(
        rx.el.h2(T.LEADERS_TITLE, id="leaders-heading"),
        rx.cond(
            S.leaders.length() > 0,
            rx.el.ul(rx.foreach(S.leaders, leader_row), class_name="hj-list", id="leaders"),
            empty_state(T.NO_LEADER),
        ),
        rx.cond(
            S.active,
            rx.el.form(
                text_field(
                    "phone",
                    T.LEADER_PHONE,
                    S.errors,
                    hint=T.LEADER_PHONE_HINT,
                    type="tel",
                    input_mode="numeric",
                    max_length=20,
                    auto_complete="off",
                ),
                primary_button(T.ADD_LEADER, id="add-leader"),
                key=S.leader_key,
                on_submit=S.add_leader,
                reset_on_submit=False,
                no_validate=True,
                id="leader-form",
            ),
        ),
        aria_labelledby="leaders-heading",
    )


def stop_part() -> rx.Component:
    return rx.cond(
        S.confirm_stop,
        card(
            rx.el.p(S.stop_ask, class_name="hj-strong"),
            actions(
                primary_button(T.STOP_YES, type="button", on_click=S.stop, id="stop-yes"),
                secondary_button(T.STOP_NO, on_click=S.keep_going),
            ),
            id="stop-confirm",
            style={"margin_top": "1.5rem"},
        ),
        actions(secondary_button(T.STOP, on_click=S.ask_stop, id="stop-team")),
    )


def team_parts() -> rx.Component:
    """Editing: the team's facts, form, leaders and stop; new: the form alone."""
    return rx.cond(
        S.editing,
        rx.fragment(
            rx.el.p(S.members_line, class_name="hj-lead", id="members-line"),
            rx.cond(
                S.active,
                rx.fragment(team_form(), leaders_part(), stop_part()),
                rx.fragment(
                    rx.el.p(T.STOPPED_NOTE, class_name="hj-notice hj-notice-warn"),
                    leaders_part(),
                ),
            ),
        ),
        team_form(),
    )


def staff_team_page() -> rx.Component:
    return page_frame(
        notice(S.notice, S.notice_warn, id="page-notice"),
        error_summary(S.error_list),
        rx.el.h1(rx.cond(S.editing, S.team_name, T.NEW_TITLE)),
        rx.cond(
            S.ready,
            team_parts(),
            rx.cond(S.notice == "", rx.el.p(text.Kit.LOADING, role="status")),
        ),
        actions(link_button(T.BACK_TO_LIST, "/staff/teams", False)),
        back="/staff/teams",
        active="home",
    )
