"""A team's card in the list and a coming activity's card on a team's page. Rows are the dicts
states.teams.team_row and activity_row make (every value a ready string)."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.display import card, status_tag

T = text.TeamPages


def team_card(row) -> rx.Component:
    """Name (a link to the team), kind in words, what it does, when and where, leaders, size."""
    return rx.el.li(
        card(
            rx.el.h2(
                rx.el.a(row["name"], href=row["href"], class_name="hj-link hj-target"),
                class_name="hj-card-title",
            ),
            rx.el.p(status_tag(row["kind"], "plain"), " ", row["members"]),
            rx.el.p(row["summary"]),
            rx.el.p(rx.el.span(T.WHEN, class_name="hj-strong"), row["when"]),
            rx.el.p(rx.el.span(T.WHERE, class_name="hj-strong"), row["where"]),
            rx.el.p(row["leaders"]),
        ),
    )


def activity_card(row) -> rx.Component:
    """Title (a link to the activity), kind, when, where and who may come."""
    return rx.el.li(
        card(
            rx.el.h3(
                rx.el.a(row["title"], href=row["href"], class_name="hj-link hj-target"),
                class_name="hj-card-title",
            ),
            rx.el.p(status_tag(row["kind"], "plain"), " ", row["audience"]),
            rx.el.p(rx.el.span(T.WHEN, class_name="hj-strong"), row["when"]),
            rx.el.p(rx.el.span(T.WHERE, class_name="hj-strong"), row["place"]),
        ),
    )
