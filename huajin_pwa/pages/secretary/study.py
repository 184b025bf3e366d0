"""/secretary/study: this week's material and the grid's members who have not (or have)
studied it, with the number to call; the last 12 weeks' completion below."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button
from huajin_pwa.components.display import empty_state, notice, pager, status_tag
from huajin_pwa.components.layout import back_link, page_frame
from huajin_pwa.components.member_line import member_facts
from huajin_pwa.components.study_bars import bar_list
from huajin_pwa.pages.secretary.section import grid_filter, section_nav
from huajin_pwa.states.secretary import SecretaryState
from huajin_pwa.states.study_branch import BranchStudyState

T = text.StudyBranch
S = BranchStudyState


def branch_frame(
    state,
    title,
    *content: rx.Component,
    flash_warn=False,
    back: tuple[str, str] = ("/", text.Nav.BACK),
    top=(),
) -> rx.Component:
    """The section's navigation (本周未学 current), the page's message (top: more of it, such
    as an error summary) and title, then content once the actor is allowed, after the grid
    line and filter."""
    return page_frame(
        back_link(*back),
        section_nav("study"),
        notice(SecretaryState.flash, flash_warn, id="page-notice"),
        *top,
        rx.el.h1(title),
        rx.cond(
            state.allowed,
            rx.fragment(
                rx.el.p(SecretaryState.grid_label, class_name="hj-muted", id="grid-label"),
                grid_filter(state),
                *content,
            ),
        ),
        active="home",
    )


def tab(label, href: str, current) -> rx.Component:
    return rx.el.a(
        label,
        href=href,
        aria_current=rx.cond(current, "page", "false"),
        class_name="hj-sb-tab",
    )


def tabs() -> rx.Component:
    """未学习 n 人 / 已学习 n 人, as links (the address names the tab)."""
    return rx.el.nav(
        tab(S.tab_not, "/secretary/study", S.show == "not"),
        tab(S.tab_done, "/secretary/study?show=done", S.show == "done"),
        class_name="hj-sb-tabs",
        aria_label=T.TABS_LABEL,
    )


def member_item(row) -> rx.Component:
    """A member: name and whether (and how) they studied, home, flags, the number to call."""
    return rx.el.li(
        rx.el.div(
            rx.el.h3(row["name"], class_name="hj-card-title"),
            status_tag(row["status"], row["tone"]),
            class_name="hj-row",
        ),
        member_facts(row),
        class_name="hj-card",
        data_member_name=row["name"],
        data_member_id=row["member_id"],
    )


def weeks_section() -> rx.Component:
    """近12周完成情况."""
    return rx.el.section(
        rx.el.h2(T.WEEKS, id="weeks-title"),
        rx.el.p(T.WEEKS_LEAD, class_name="hj-muted"),
        rx.cond(
            S.weeks.length() > 0,
            bar_list(S.weeks, "study-weeks"),
            empty_state(T.WEEKS_EMPTY),
        ),
        aria_labelledby="weeks-title",
    )


def study_page() -> rx.Component:
    return branch_frame(
        S,
        T.TITLE,
        rx.cond(
            S.has_week,
            rx.fragment(
                rx.el.p(S.week_line, class_name="hj-lead hj-strong", id="study-week"),
                tabs(),
                rx.el.p(T.CALL_HINT),
                rx.cond(
                    S.rows.length() > 0,
                    rx.fragment(
                        rx.el.ul(
                            rx.foreach(S.rows, member_item),
                            class_name="hj-list",
                            id="study-members",
                        ),
                        pager(S.page, S.pages, S.go(-1), S.go(1)),
                    ),
                    empty_state(rx.cond(S.show == "done", T.DONE_EMPTY, T.NOT_EMPTY)),
                ),
                actions(
                    link_button(T.TO_HOME, "/secretary/home-study", id="to-home-study"),
                    link_button(T.TO_SESSIONS, "/secretary/sessions", False),
                ),
                weeks_section(),
            ),
            empty_state(T.NOTHING_PUBLISHED),
        ),
    )
