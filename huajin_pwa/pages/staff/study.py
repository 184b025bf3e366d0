"""/staff/study: every week's study material, the latest week first, with its status and
version; the way to write a new week."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import link_button
from huajin_pwa.components.display import card, empty_state, pager, status_tag
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.study_staff import StudyListState

T = text.StudyStaff
S = StudyListState


def week_card(row) -> rx.Component:
    href = "/staff/study/" + row["id"].to(str)
    return rx.el.li(
        card(
            rx.el.h3(row["title"], class_name="hj-card-title"),
            rx.el.p(row["week"]),
            rx.cond(row["publish"] != "", rx.el.p(row["publish"])),
            rx.el.p(
                status_tag(row["status"], row["tone"]),
                rx.el.span(row["version"], class_name="hj-ss-version"),
                class_name="hj-ss-meta",
            ),
            rx.el.div(
                link_button(T.EDIT, href, False, aria_label=T.EDIT + " " + row["title"].to(str)),
                rx.el.a(
                    T.HISTORY,
                    href=href + "/history",
                    class_name="hj-link hj-ss-history-link",
                    aria_label=row["title"].to(str) + " " + T.HISTORY,
                ),
                class_name="hj-ss-card-actions",
            ),
        )
    )


def study_list_page() -> rx.Component:
    return page_frame(
        rx.el.h1(T.TITLE),
        rx.el.p(T.INTRO),
        link_button(T.NEW, "/staff/study/new", id="new-week"),
        rx.el.h2(T.LIST_HEADING),
        rx.cond(
            S.rows.length() > 0,
            rx.el.div(
                rx.el.ul(rx.foreach(S.rows, week_card), class_name="hj-list", id="weeks"),
                pager(S.page, S.pages, S.go(-1), S.go(1)),
            ),
            empty_state(T.EMPTY, T.EMPTY_HINT),
        ),
        back="/staff",
        active="home",
    )
