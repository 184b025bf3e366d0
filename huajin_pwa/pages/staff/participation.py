"""The 参与情况 section of /staff: members in a team, this month's activities, attendance,
and this year's service hours by team (labelled bars with their hours written out)."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.display import empty_state
from huajin_pwa.components.study_bars import bar_list
from huajin_pwa.states.staff import StaffState

T = text.StaffTeams
S = StaffState


def figure(label: str, value, words, figure_id: str) -> rx.Component:
    """One figure: the number large, what it is, and the numbers behind it in words."""
    return rx.el.div(
        rx.el.div(value, class_name="hj-stat"),
        rx.el.div(label, class_name="hj-strong"),
        rx.el.div(words),
        class_name="hj-card",
        id=figure_id,
    )


def participation_figures() -> rx.Component:
    """参与情况: four figures in words and numbers, then the hours by team."""
    return rx.el.section(
        rx.el.h2(T.PART_HEADING, id="participation-heading"),
        rx.el.div(
            figure(T.PART_IN_TEAMS, S.part_in_teams_share, S.part_in_teams, "part-in-teams"),
            figure(
                T.PART_ACTIVITIES, S.part_activities, S.part_activities_words, "part-activities"
            ),
            figure(
                T.PART_ATTENDANCE, S.part_attendance, S.part_attendance_words, "part-attendance"
            ),
            class_name="hj-stats",
        ),
        rx.el.h3(T.PART_HOURS, style={"margin_top": "1rem"}),
        rx.el.p(S.part_hours_total, class_name="hj-lead hj-strong", id="part-hours-total"),
        rx.cond(
            S.part_hours.length() > 0,
            bar_list(S.part_hours, "part-hours"),
            empty_state(T.PART_HOURS_EMPTY),
        ),
        rx.cond(
            S.part_hours_rest != "",
            rx.el.p(S.part_hours_rest, class_name="hj-strong", id="part-hours-rest"),
        ),
        aria_labelledby="participation-heading",
    )
