"""/secretary/home-study: 送学上门, the frail members who have not studied this week; each card
opens a small form to record the delivery, after which the member leaves the list."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import primary_button, small_button
from huajin_pwa.components.display import empty_state, pager
from huajin_pwa.components.fields import error_summary, text_field
from huajin_pwa.components.member_line import member_facts
from huajin_pwa.pages.secretary.study import branch_frame
from huajin_pwa.pages.secretary.visit_fields import date_field
from huajin_pwa.states.study_branch import HomeStudyState

T = text.StudyBranch
S = HomeStudyState


def delivery_form(row) -> rx.Component:
    """哪天送的, 备注, 保存 / 先不登记: the form on the open card."""
    title_id = "home-form-title"
    return rx.el.form(
        rx.el.h3(T.FORM_TITLE.format(name=""), row["name"], id=title_id),
        date_field(
            S, "visited_on", T.VISITED_ON, S.visited_min, S.visited_max, hint=T.VISITED_ON_HINT
        ),
        text_field(
            "note", T.NOTE, S.errors, S.answers["note"].to(str), hint=T.NOTE_HINT, max_length=200
        ),
        primary_button(T.SUBMIT, id="home-submit"),
        small_button(T.CANCEL, on_click=S.close_form),
        key=S.form_key.to_string() + "-home",
        id="home-form",
        aria_labelledby=title_id,
        on_submit=S.record,
        reset_on_submit=False,
        no_validate=True,
        class_name="hj-sb-form",
    )


def home_card(row) -> rx.Component:
    """A frail member: home, phone, when study was last taken to them, and 登记送学上门."""
    name = row["name"].to(str)
    return rx.el.li(
        rx.el.h2(row["name"], class_name="hj-card-title"),
        member_facts(row),
        rx.el.p(row["last_home"]),
        rx.cond(
            S.open_id == row["member_id"],
            delivery_form(row),
            primary_button(
                T.RECORD,
                type="button",
                on_click=S.open_form(row["member_id"]),
                aria_label=T.RECORD + " " + name,
            ),
        ),
        class_name="hj-card",
        data_member_name=row["name"],
        data_member_id=row["member_id"],
    )


def home_study_page() -> rx.Component:
    return branch_frame(
        S,
        T.HOME_TITLE,
        rx.cond(
            S.has_week,
            rx.fragment(
                rx.el.p(S.week_line, class_name="hj-lead hj-strong", id="study-week"),
                rx.el.p(T.HOME_LEAD),
                rx.el.p(
                    rx.el.a(
                        T.PRINT, href=S.print_href, class_name="hj-link hj-target", id="print-link"
                    ),
                ),
                rx.cond(
                    S.rows.length() > 0,
                    rx.fragment(
                        rx.el.ul(
                            rx.foreach(S.rows, home_card), class_name="hj-list", id="home-list"
                        ),
                        pager(S.page, S.pages, S.go(-1), S.go(1)),
                    ),
                    empty_state(T.HOME_EMPTY),
                ),
            ),
            empty_state(T.NOTHING_PUBLISHED),
        ),
        flash_warn=S.flash_warn,
        back=("/secretary/study", T.BACK),
        top=(error_summary(S.error_list),),
    )
