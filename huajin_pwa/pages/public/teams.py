"""/teams: the troupes and volunteer teams in large print, by kind, a page at a time, one's own
teams on top; /teams/<id>: one team, its coming activities and one big button to join."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, primary_button, secondary_button
from huajin_pwa.components.display import card, empty_state, notice, pager, status_tag
from huajin_pwa.components.layout import page_frame
from huajin_pwa.components.team_card import activity_card, team_card
from huajin_pwa.states.teams import TeamsState, TeamState

T = text.TeamPages
L = TeamsState
S = TeamState


def kind_tabs() -> rx.Component:
    """全部 · 文艺队 · 志愿服务队: links, the chosen one marked (never colour alone)."""
    links = []
    for kind, label in T.TABS.items():
        href = "/teams" if kind == "all" else f"/teams?kind={kind}"
        links.append(
            rx.el.a(
                rx.el.span(label),
                href=href,
                id=f"kind-{kind}",
                aria_current=rx.cond(L.kind == kind, "page", "false"),
            )
        )
    return rx.el.nav(*links, class_name="hj-secnav", aria_label=T.TABS_LABEL)


def my_teams() -> rx.Component:
    """我的队伍, for a signed-in person in (or asking to join) a team."""
    return rx.cond(
        L.mine.length() > 0,
        card(
            rx.el.h2(T.MY_TEAMS, class_name="hj-card-title"),
            rx.el.ul(
                rx.foreach(
                    L.mine,
                    lambda row: rx.el.li(
                        rx.el.a(row["name"], href=row["href"], class_name="hj-link hj-target")
                    ),
                ),
                class_name="hj-list",
            ),
            id="my-teams",
        ),
    )


def teams_page() -> rx.Component:
    return page_frame(
        rx.el.h1(T.LIST_TITLE),
        rx.el.p(T.LIST_INTRO, class_name="hj-lead"),
        my_teams(),
        kind_tabs(),
        rx.el.p(T.COUNT.split("{total}")[0], L.total, T.COUNT.split("{total}")[1], id="team-count"),
        rx.cond(
            L.rows.length() > 0,
            rx.el.ul(rx.foreach(L.rows, team_card), class_name="hj-list", id="team-list"),
            empty_state(T.EMPTY, T.EMPTY_HINT),
        ),
        pager(L.page, L.pages, L.go(-1), L.go(1)),
    )


def leave_part() -> rx.Component:
    """已入队, and 退出队伍 confirmed inline (no pop-up)."""
    return rx.fragment(
        rx.el.p(status_tag(T.IN_TEAM, "ok"), id="my-status"),
        rx.cond(
            S.confirming,
            rx.el.div(
                rx.el.p(T.LEAVE_CONFIRM, class_name="hj-notice hj-notice-warn", role="alert"),
                actions(
                    primary_button(T.LEAVE_YES, type="button", on_click=S.leave),
                    secondary_button(T.LEAVE_NO, on_click=S.confirm_leave(False)),
                ),
            ),
            actions(secondary_button(T.LEAVE, on_click=S.confirm_leave(True))),
        ),
    )


def join_part() -> rx.Component:
    """申请加入 (with a word about an earlier ask that ended)."""
    return rx.fragment(
        rx.cond(S.status == "declined", rx.el.p(T.DECLINED_BEFORE)),
        rx.cond(S.status == "left", rx.el.p(T.LEFT_BEFORE)),
        actions(primary_button(T.JOIN, type="button", on_click=S.ask, id="join-team")),
    )


def my_place() -> rx.Component:
    """The one big button, as the viewer stands: signed out, outside, asked, in, leading."""
    signed_in = rx.cond(
        S.leads,
        rx.fragment(
            rx.el.p(status_tag(T.YOU_LEAD, "ok"), id="my-status"),
            actions(link_button(T.TO_LEADER, "/leader")),
        ),
        rx.match(
            S.status,
            ("active", leave_part()),
            (
                "pending",
                rx.fragment(
                    rx.el.p(status_tag(T.PENDING, "warn"), id="my-status"),
                    rx.el.p(T.PENDING_HINT),
                    actions(secondary_button(T.WITHDRAW, on_click=S.withdraw)),
                ),
            ),
            join_part(),
        ),
    )
    signed_out = rx.fragment(
        rx.el.p(T.SIGN_IN_HINT),
        actions(link_button(T.SIGN_IN_TO_JOIN, S.sign_in_href, id="join-team")),
    )
    return rx.el.div(
        notice(S.notice, S.notice_warn, id="team-notice"),
        rx.cond(S.signed_in, signed_in, signed_out),
        id="my-place",
    )


def about_team() -> rx.Component:
    return rx.fragment(
        rx.el.h1(S.name),
        rx.el.p(status_tag(S.kind, "plain"), " ", S.members, class_name="hj-lead"),
        my_place(),
        card(rx.el.h2(T.ABOUT), rx.el.p(S.summary)),
        card(
            rx.el.h2(T.MEETS),
            rx.el.p(rx.el.span(T.WHEN, class_name="hj-strong"), S.meets_when),
            rx.el.p(rx.el.span(T.WHERE, class_name="hj-strong"), S.meets_where),
        ),
        card(rx.el.h2(T.LEADER_HEADING), rx.el.p(S.leaders, id="team-leaders")),
        rx.el.h2(T.UPCOMING),
        rx.cond(
            S.activities.length() > 0,
            rx.el.ul(rx.foreach(S.activities, activity_card), class_name="hj-list"),
            empty_state(T.NO_UPCOMING),
        ),
    )


def not_found() -> rx.Component:
    return rx.fragment(
        rx.el.h1(T.NOT_FOUND_TITLE),
        rx.el.p(S.missing, class_name="hj-lead"),
        rx.el.p(T.NOT_FOUND_HINT),
        actions(link_button(T.BACK_TO_LIST, "/teams")),
    )


def team_page() -> rx.Component:
    return page_frame(
        rx.cond(S.found, about_team(), rx.cond(S.missing != "", not_found())),
        back="/teams",
    )
