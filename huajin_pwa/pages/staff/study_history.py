"""/staff/study/<id>/history: every saved version of a week's material, the newest first, each
opened to read as members saw it."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button
from huajin_pwa.components.display import card, notice, status_tag
from huajin_pwa.components.layout import page_frame
from huajin_pwa.pages.staff.study_parts import material_view
from huajin_pwa.states.study_staff import StudyHistoryState

T = text.StudyStaff
S = StudyHistoryState


def version_card(row) -> rx.Component:
    return rx.el.li(
        card(
            rx.el.div(
                rx.el.h2(row.label, class_name="hj-card-title"),
                rx.cond(row.current, status_tag(T.CURRENT, "ok")),
                class_name="hj-row",
            ),
            rx.el.p(row.by),
            rx.el.details(
                rx.el.summary(row.view, class_name="hj-ss-summary"),
                material_view(row.material),
            ),
        ),
        class_name="hj-ss-version-item",
    )


def study_history_page() -> rx.Component:
    return page_frame(
        notice(S.notice, warn=True),
        rx.el.h1(T.HISTORY_TITLE),
        rx.cond(
            S.found,
            rx.fragment(
                rx.el.p(rx.el.strong(S.title), class_name="hj-lead"),
                rx.el.p(S.week),
                rx.el.p(T.HISTORY_INTRO, class_name="hj-muted"),
                rx.el.ul(rx.foreach(S.versions, version_card), class_name="hj-list", id="versions"),
                actions(
                    link_button(T.BACK_EDIT, "/staff/study/" + S.week_id, False, id="edit-link")
                ),
            ),
        ),
        actions(link_button(T.BACK_LIST, "/staff/study", False)),
        back="/staff/study",
        active="home",
    )
