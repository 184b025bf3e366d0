"""/study: this week's material in large print (key points on top, the text, questions), 朗读,
我已学习, links to write a reflection and to the print page, then every week; /study/<week>:
one past week the same way."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, primary_button
from huajin_pwa.components.display import empty_state, notice, pager, status_tag
from huajin_pwa.components.layout import page_frame
from huajin_pwa.components.read_aloud import read_aloud_controls
from huajin_pwa.states.study_reading import StudyReadingState

P = text.StudyPage
S = StudyReadingState


def not_yet() -> rx.Component:
    """For visitors who are not members (yet): why, and where to go."""
    return rx.match(
        S.blocked,
        (
            "signin",
            rx.fragment(
                rx.el.p(P.SIGN_IN_FIRST, class_name="hj-lead", id="study-blocked"),
                actions(link_button(P.SIGN_IN, "/login"), link_button(P.JOIN, "/join", False)),
            ),
        ),
        (
            "me",
            rx.fragment(
                rx.el.p(P.WAIT_FIRST, class_name="hj-lead", id="study-blocked"),
                actions(link_button(P.TO_ME, "/me")),
            ),
        ),
        rx.fragment(
            rx.el.p(P.JOIN_FIRST, class_name="hj-lead", id="study-blocked"),
            actions(link_button(P.JOIN, "/join")),
        ),
    )


def numbered(items: rx.Var, **props) -> rx.Component:
    return rx.el.ol(rx.foreach(items, lambda item: rx.el.li(item)), **props)


def status_line() -> rx.Component:
    """已学习（自学） with a tick, or 未学习; 有修改 when the material changed since."""
    return rx.el.p(
        rx.cond(S.studied != "", status_tag(S.studied, "ok"), status_tag(P.NOT_STUDIED, "plain")),
        rx.cond(S.changed, status_tag(P.CHANGED_TAG, "warn")),
        class_name="hj-flags",
        id="study-status",
        data_no_read="",
    )


def material() -> rx.Component:
    """The week's text, read aloud as one: title, key points, body, questions."""
    return rx.el.article(
        rx.el.p(S.kicker, class_name="hj-study-kicker", data_no_read=""),
        rx.el.h1(S.title, id="study-title"),
        status_line(),
        rx.cond(
            S.changed,
            rx.el.p(text.Study.CHANGED, class_name="hj-notice hj-notice-warn", data_no_read=""),
        ),
        read_aloud_controls("study-text"),
        rx.el.section(
            rx.el.h2(P.POINTS, id="points-title"),
            numbered(S.points),
            class_name="hj-study-points",
            aria_labelledby="points-title",
        ),
        rx.el.section(
            rx.el.h2(P.BODY, class_name="hj-sr", id="body-title"),
            rx.html(S.body_html, class_name="hj-study-body"),
            aria_labelledby="body-title",
        ),
        rx.el.section(
            rx.el.h2(P.QUESTIONS, id="questions-title"),
            numbered(S.questions),
            class_name="hj-study-questions",
            aria_labelledby="questions-title",
        ),
        id="study-text",
    )


def after_reading() -> rx.Component:
    """我已学习 (or how it was studied), then 写学习心得 and the print page."""
    return rx.fragment(
        notice(S.told, S.told_warn, id="study-told", tab_index=-1),
        rx.cond(
            S.studied != "",
            rx.el.p(status_tag(S.studied, "ok"), class_name="hj-study-done", id="study-done"),
            actions(primary_button(P.MARK, type="button", id="study-mark", on_click=S.mark)),
        ),
        actions(
            link_button(
                rx.fragment(rx.icon("pen-line", aria_hidden="true"), P.REFLECT),
                S.reflect_href,
                False,
                id="study-reflect",
            ),
            link_button(
                rx.fragment(rx.icon("printer", aria_hidden="true"), P.PRINT),
                S.print_href,
                False,
                id="study-print",
                reload_document=True,  # a page of the backend, not of the app's router
                aria_describedby="study-print-hint",
            ),
        ),
        rx.el.p(P.PRINT_HINT, class_name="hj-muted", id="study-print-hint"),
    )


def week_card(row: rx.Var) -> rx.Component:
    return rx.el.li(
        rx.el.a(row["title"], href="/study/" + row["key"].to(str), class_name="hj-study-link"),
        rx.el.p(row["day"], class_name="hj-muted"),
        rx.el.p(
            rx.cond(row["this_week"] != "", status_tag(P.THIS_WEEK_TAG, "plain")),
            status_tag(row["status"], row["tone"]),
            rx.cond(row["changed"] != "", status_tag(P.CHANGED_TAG, "warn")),
            class_name="hj-flags",
        ),
        class_name="hj-card",
        id="week-" + row["key"].to(str),
    )


def all_weeks() -> rx.Component:
    return rx.el.section(
        rx.el.h2(P.ALL_WEEKS, id="weeks-title"),
        rx.cond(
            S.weeks.length() > 0,
            rx.fragment(
                rx.el.ul(rx.foreach(S.weeks, week_card), class_name="hj-list"),
                pager(S.page, S.pages, S.go(-1), S.go(1)),
            ),
            empty_state(P.ALL_WEEKS_EMPTY),
        ),
        aria_labelledby="weeks-title",
    )


def nothing() -> rx.Component:
    """No material to show: none published yet (/study) or an unknown week (/study/<week>)."""
    return rx.fragment(
        rx.el.h1(P.TITLE),
        rx.el.div(
            rx.el.p(S.missing),
            rx.el.p(rx.cond(S.listing, P.NOTHING_YET_HINT, P.UNKNOWN_HINT), class_name="hj-muted"),
            class_name="hj-empty",
            id="study-missing",
        ),
    )


def reading_page(listing: bool):
    """/study (listing the weeks) or /study/<week>."""

    def page() -> rx.Component:
        shown = rx.cond(
            S.found,
            rx.fragment(material(), after_reading()),
            rx.fragment(
                nothing(),
                rx.cond(~S.listing, actions(link_button(P.TO_STUDY, "/study", False))),
            ),
        )
        body = rx.fragment(shown, all_weeks()) if listing else shown
        return page_frame(
            rx.cond(
                S.ready,
                rx.cond(
                    S.blocked != "",
                    rx.fragment(rx.el.h1(P.TITLE), not_yet()),
                    body,
                ),
                rx.el.p(text.Kit.LOADING, role="status"),
            ),
            active="study",
            back=None if listing else "/study",
        )

    return page


study_page = reading_page(listing=True)
week_page = reading_page(listing=False)
