"""Pieces of the service-hours and charity pages: a person's hours field (or locked hours), the
hours table that prints, and /me's 我的队伍 and 志愿服务时长 cards."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import link_button
from huajin_pwa.components.display import card, empty_state, status_tag

T = text.ServiceHours


def hours_row(row, errors: rx.Var, hint: rx.Var) -> rx.Component:
    """One person: a large number field prefilled with the default, its hint and error next to
    it; once confirmed, the locked hours in words (with a tick, never colour alone)."""
    field = row["field"].to(str)
    field_id = "f-" + field
    has_error = errors.contains(field)
    return rx.el.li(
        rx.cond(
            row["locked"] != "",
            rx.el.div(
                rx.el.p(row["name"], class_name="hj-strong"),
                rx.el.p(status_tag(row["tag"], "ok"), class_name="hj-hours-locked"),
                class_name="hj-field",
            ),
            rx.el.div(
                rx.el.label(row["label"], html_for=field_id),
                rx.el.span(hint, id=field + "-hint", class_name="hj-hint"),
                rx.cond(
                    has_error,
                    rx.el.span(
                        errors[field].to(str), id=field + "-error", class_name="hj-error-text"
                    ),
                ),
                rx.el.input(
                    type="text",
                    input_mode="decimal",
                    name=field,
                    id=field_id,
                    default_value=row["hours"],
                    max_length=12,
                    auto_complete="off",
                    class_name="hj-input hj-input-short hj-hours-input",
                    aria_describedby=rx.cond(
                        has_error, field + "-hint " + field + "-error", field + "-hint"
                    ),
                    aria_invalid=rx.cond(has_error, "true", "false"),
                ),
                class_name=rx.cond(has_error, "hj-field hj-field-error", "hj-field"),
            ),
        ),
        data_signup_id=row["id"],
        class_name="hj-hours-row",
    )


def hours_table(rows: rx.Var, **props) -> rx.Component:
    """日期 / 活动 / 队伍 / 时长; each cell carries its heading so a narrow screen can show the
    rows as blocks (the table prints as a table)."""
    heads = [T.COL_DATE, T.COL_ACTIVITY, T.COL_TEAM, T.COL_HOURS]
    return rx.el.table(
        rx.el.thead(rx.el.tr(*[rx.el.th(head, scope="col") for head in heads])),
        rx.el.tbody(
            rx.foreach(
                rows,
                lambda row: rx.el.tr(
                    rx.el.td(row["day"], data_label=T.COL_DATE),
                    rx.el.td(row["title"], data_label=T.COL_ACTIVITY),
                    rx.el.td(row["team"], data_label=T.COL_TEAM),
                    rx.el.td(row["hours"], data_label=T.COL_HOURS, class_name="hj-strong"),
                ),
            )
        ),
        class_name="hj-hours-table",
        **props,
    )


def my_teams_card(state) -> rx.Component:
    """我的队伍: each team with 队长 / 队员 / 待同意, linking to it (state: MyTeamsHoursVars)."""
    return card(
        rx.el.h2(T.TEAMS_TITLE, id="my-teams-title"),
        rx.cond(
            state.my_teams.length() > 0,
            rx.el.ul(
                rx.foreach(
                    state.my_teams,
                    lambda team: rx.el.li(
                        rx.el.a(team["name"], href="/teams/" + team["id"].to(str)),
                        "　",
                        status_tag(team["role"], team["tone"]),
                    ),
                ),
                class_name="hj-list hj-lines hj-my-teams",
                id="my-teams",
            ),
            rx.fragment(
                rx.el.p(T.TEAMS_EMPTY, class_name="hj-muted"),
                link_button(T.TEAMS_LINK, "/teams", False),
            ),
        ),
        rx.cond(state.leads_a_team, link_button(T.LEADER_LINK, "/leader", id="to-leader")),
        aria_labelledby="my-teams-title",
    )


def my_hours_card(state) -> rx.Component:
    """志愿服务时长: 共 12.5 小时 · 6 次, the last 3, 查看和打印 (state: MyTeamsHoursVars)."""
    return card(
        rx.el.h2(T.ME_TITLE, id="my-hours-title"),
        rx.el.p(state.hours_total, class_name="hj-stat", id="hours-total"),
        rx.cond(
            state.hours_recent.length() > 0,
            rx.fragment(
                rx.el.h3(T.ME_RECENT),
                rx.el.ul(
                    rx.foreach(
                        state.hours_recent,
                        lambda row: rx.el.li(
                            rx.el.span(row["title"], class_name="hj-strong"),
                            rx.el.br(),
                            row["day"],
                            " · ",
                            row["team"],
                            " · ",
                            row["hours"],
                        ),
                    ),
                    class_name="hj-list hj-lines",
                    id="hours-recent",
                ),
            ),
            empty_state(T.ME_EMPTY),
        ),
        link_button(T.ME_LINK, "/me/hours", False, id="to-my-hours"),
        aria_labelledby="my-hours-title",
    )
