"""/leader: the team leader's workbench in large print: a team chooser (for those who lead
several), the tabs 入队申请 (n) · 队员 · 活动, and one list a tab, paged."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import link_button, primary_button, secondary_button
from huajin_pwa.components.display import empty_state, notice, pager, status_tag
from huajin_pwa.components.fields import select_field
from huajin_pwa.components.layout import page_frame
from huajin_pwa.components.member_line import tel_link
from huajin_pwa.states.leader import LeaderState

T = text.Leader
S = LeaderState


def tab_nav() -> rx.Component:
    """入队申请 (n) · 队员 · 活动: links to the tabs of the team in view."""
    links = []
    for key, label in T.TABS.items():
        current = {"aria_current": rx.cond(S.tab == key, "page", "false")}
        count = (
            [
                rx.el.span(S.n_requests, class_name="hj-secnav-count"),
                rx.el.span(T.COUNT_SUFFIX, class_name="hj-sr"),
            ]
            if key == "requests"
            else []
        )
        links.append(
            rx.el.a(
                rx.el.span(label),
                *count,
                href=f"/leader?tab={key}&team=" + S.team_id,
                id=f"leader-tab-{key}",
                **current,
            )
        )
    return rx.el.nav(*links, class_name="hj-secnav hj-leader-tabs", aria_label=T.NAV_LABEL)


def team_chooser() -> rx.Component:
    """Which team to look at, for those who lead more than one."""
    return rx.cond(
        S.team_options.length() > 1,
        rx.el.form(
            select_field("team", T.TEAM_LABEL, rx.Var.create({}), S.team_options, S.team_id),
            secondary_button(T.TEAM_SHOW, type="submit", id="leader-team-show"),
            key=S.team_id,
            on_submit=S.choose_team,
            reset_on_submit=False,
            class_name="hj-grid-filter",
            id="leader-team-form",
        ),
    )


def request_card(row) -> rx.Component:
    """Who asks, to join which team, since when; 同意 and 不同意."""
    return rx.el.li(
        rx.el.h2(row["name"], class_name="hj-card-title"),
        rx.el.p(row["team"]),
        rx.el.p(row["asked"]),
        rx.el.div(
            primary_button(
                T.APPROVE,
                type="button",
                on_click=S.approve(row["id"], row["version"]),
                aria_label=row["approve_label"],
            ),
            secondary_button(
                T.DECLINE,
                on_click=S.decline(row["id"], row["version"]),
                aria_label=row["decline_label"],
            ),
            class_name="hj-actions hj-leader-decide",
        ),
        class_name="hj-card",
        data_request_id=row["id"],
    )


def member_card(row) -> rx.Component:
    """Name, tap-to-call phone, whether they have disclosed, and 以老带新 for those who have not."""
    return rx.el.li(
        rx.el.div(
            rx.el.h2(row["name"], class_name="hj-card-title"),
            rx.cond(row["leader"] != "", status_tag(row["leader"], "plain")),
            class_name="hj-row",
        ),
        rx.el.p(tel_link(row["name"], row["phone"])),
        rx.el.p(status_tag(row["status"], row["tone"])),
        rx.cond(
            row["disclosed"] == "",
            rx.cond(
                row["referred"] != "",
                rx.el.p(T.REFERRED, class_name="hj-strong"),
                link_button(
                    T.REFER,
                    "/leader/refer/" + row["id"].to(str),
                    False,
                    aria_label=row["refer_label"],
                ),
            ),
        ),
        class_name="hj-card",
        data_member_id=row["id"],
    )


def activity_card(row) -> rx.Component:
    """Title, kind and status, when, sign-ups against seats, check-ins; opens the activity."""
    return rx.el.li(
        rx.el.div(
            rx.el.h2(row["title"], class_name="hj-card-title"),
            status_tag(row["status"], row["tone"]),
            class_name="hj-row",
        ),
        rx.el.p(row["kind"], " · ", row["when"]),
        rx.el.p(row["signed"], class_name="hj-strong"),
        rx.el.p(row["checked"], class_name="hj-strong"),
        link_button(
            T.OPEN,
            "/leader/activity/" + row["id"].to(str),
            False,
            aria_label=row["open_label"],
        ),
        class_name="hj-card",
        data_activity_id=row["id"],
    )


def listing(rows, card_of, list_id: str, empty: rx.Component) -> rx.Component:
    return rx.cond(
        rows.length() > 0,
        rx.fragment(
            rx.el.ul(rx.foreach(rows, card_of), class_name="hj-list", id=list_id),
            pager(S.page, S.pages, S.go(-1), S.go(1)),
        ),
        empty,
    )


def tab_body() -> rx.Component:
    requests = rx.fragment(
        rx.el.p(T.REQUESTS_LEAD),
        listing(
            S.requests,
            request_card,
            "leader-requests",
            empty_state(T.REQUESTS_EMPTY, T.REQUESTS_EMPTY_HINT),
        ),
    )
    members = rx.fragment(
        rx.el.p(T.MEMBERS_LEAD),
        listing(S.members, member_card, "leader-members", empty_state(T.MEMBERS_EMPTY)),
    )
    activities = rx.fragment(
        rx.el.p(T.ACTIVITIES_LEAD),
        link_button(T.NEW_ACTIVITY, "/activities/new", id="leader-new-activity"),
        listing(
            S.activities,
            activity_card,
            "leader-activities",
            empty_state(T.ACTIVITIES_EMPTY, T.ACTIVITIES_EMPTY_HINT),
        ),
    )
    return rx.match(S.tab, ("members", members), ("activities", activities), requests)


def not_leader() -> rx.Component:
    return rx.el.div(
        rx.el.h1(T.NOT_LEADER_TITLE),
        rx.el.p(T.NOT_LEADER_BODY),
        link_button(T.TO_TEAMS, "/teams", False),
        id="leader-none",
    )


def leader_page() -> rx.Component:
    return page_frame(
        notice(S.notice, S.notice_warn, id="page-notice"),
        rx.cond(
            S.leads_nothing,
            not_leader(),
            rx.fragment(
                rx.el.h1(T.TITLE),
                rx.cond(
                    S.allowed,
                    rx.fragment(
                        team_chooser(),
                        rx.el.p(T.TEAM_NOW, S.team_name, id="leader-team-now"),
                        tab_nav(),
                        tab_body(),
                    ),
                ),
            ),
        ),
        back="/",
        active="home",
    )
