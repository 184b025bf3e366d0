"""/secretary/visit/<id>: one visit; arrange it, move it, decline it or record it, each as a
form on the page; a closed visit is shown as it ended."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import link_button, primary_button, secondary_button
from huajin_pwa.components.display import card, notice, status_tag
from huajin_pwa.components.fields import choice_group, error_summary, text_field, textarea_field
from huajin_pwa.components.layout import back_link, page_frame
from huajin_pwa.pages.secretary.visit_fields import date_field, form_card, visit_fields
from huajin_pwa.states.secretary_visit import SecretaryVisitState

T = text.SecretaryVisitPage
S = SecretaryVisitState


def page_notice(state) -> rx.Component:
    """The page's message: a warning (someone acted first, a refusal) or a confirmation."""
    return notice(state.notice, state.notice_warn, id="page-notice")


def rows_list(rows: rx.Var, **props) -> rx.Component:
    """[label, value] rows as a description list."""
    return rx.el.dl(
        rx.foreach(rows, lambda row: rx.el.div(rx.el.dt(row[0]), rx.el.dd(row[1]))),
        class_name="hj-answers",
        **props,
    )


def call_link(state) -> rx.Component:
    """The member's phone number, tap to call (a 48 px target)."""
    return rx.el.a(
        rx.icon("phone", aria_hidden="true"),
        state.person["phone"],
        href="tel:" + state.person["phone"].to(str),
        aria_label=state.person["call"].to(str) + " " + state.person["phone"].to(str),
        class_name="hj-btn hj-btn-secondary hj-btn-small",
        style={"max_width": "100%", "flex_wrap": "wrap", "padding": "0.4rem 0.6rem"},
        id="call-member",
    )


def person_card(state, heading: str, record_link: bool) -> rx.Component:
    """Who the member is: name, address, age, phone, flags, last visit."""
    person = state.person
    return card(
        rx.el.h2(heading),
        rx.el.p(rx.el.strong(person["name"]), class_name="hj-lead"),
        rx.cond(
            state.person_tags.length() > 0,
            rx.el.p(
                rx.foreach(state.person_tags, lambda tag: status_tag(tag, "warn")),
                class_name="hj-row",
                style={"justify_content": "flex-start"},
            ),
        ),
        rx.el.dl(
            rx.cond(
                person["address"] != "",
                rx.el.div(rx.el.dt(T.ADDRESS), rx.el.dd(person["address"])),
            ),
            rx.cond(person["age"] != "", rx.el.div(rx.el.dt(T.AGE), rx.el.dd(person["age"]))),
            rx.cond(
                person.contains("grid"),
                rx.el.div(rx.el.dt(T.GRID), rx.el.dd(person["grid"])),
            ),
            rx.el.div(rx.el.dt(T.PHONE), rx.el.dd(call_link(state))),
            rx.el.div(rx.el.dt(T.LAST_VISIT), rx.el.dd(person["last_visit"], id="last-visit")),
            class_name="hj-answers",
        ),
        link_button(
            T.MEMBER_RECORD,
            "/secretary/member/" + person["member"].to(str),
            False,
            id="member-record-link",
        )
        if record_link
        else rx.fragment(),
        id="member-card",
    )


def part_choices() -> rx.Component:
    return choice_group("part", T.PART, S.errors, text.Visit.PARTS, S.answers["part"].to(str))


def schedule_form() -> rx.Component:
    """安排上门 (or 改期 once arranged)."""
    scheduled = S.status == "scheduled"
    return form_card(
        rx.cond(scheduled, T.RESCHEDULE, T.SCHEDULE),
        rx.cond(scheduled, rx.el.p(T.RESCHEDULE_INTRO)),
        date_field(S, "day", T.DAY, S.day_min, S.day_max, hint=T.DAY_HINT),
        part_choices(),
        text_field(
            "visitor",
            T.VISITOR_PHONE,
            S.errors,
            S.answers["visitor"].to(str),
            hint=T.VISITOR_HINT,
            type="tel",
            input_mode="numeric",
            max_length=20,
            auto_complete="off",
        ),
        primary_button(
            rx.cond(scheduled, T.RESCHEDULE_SUBMIT, T.SCHEDULE_SUBMIT), id="schedule-submit"
        ),
        key=S.form_key,
        kind="schedule",
        on_submit=S.schedule,
    )


def record_form() -> rx.Component:
    """登记已看望: the day, a short outcome and any follow-up."""
    return form_card(
        T.RECORD,
        rx.el.p(T.RECORD_INTRO),
        *visit_fields(S, S.visited_max),
        primary_button(T.RECORD_SUBMIT, id="done-submit"),
        key=S.form_key,
        kind="done",
        on_submit=S.record_done,
    )


def decline_form() -> rx.Component:
    """不能安排, with the reason the member will read."""
    return form_card(
        T.DECLINE,
        rx.el.p(T.DECLINE_INTRO),
        textarea_field(
            "reason",
            T.DECLINE_REASON,
            S.errors,
            S.answers["reason"].to(str),
            hint=T.DECLINE_HINT,
            max_length=200,
        ),
        secondary_button(T.DECLINE_SUBMIT, type="submit", id="decline-submit"),
        key=S.form_key,
        kind="decline",
        on_submit=S.decline,
    )


def visit_details() -> rx.Component:
    return rx.fragment(
        rx.el.h1(T.TITLE, "：", S.person["name"]),
        rx.el.p(status_tag(S.status_label, S.status_tone), id="visit-status"),
        rx.cond(~S.is_open, rx.el.p(T.CLOSED, class_name="hj-muted", id="visit-closed")),
        person_card(S, T.ABOUT_MEMBER, True),
        card(rx.el.h2(T.ABOUT_VISIT), rows_list(S.about)),
        card(rx.el.h2(T.PROGRESS), rows_list(S.progress, id="visit-progress")),
        rx.cond(S.is_open, rx.fragment(schedule_form(), record_form(), decline_form())),
    )


def visit_page() -> rx.Component:
    return page_frame(
        rx.cond(
            S.is_campaign,
            back_link("/secretary/tasks", T.BACK_TASKS),
            back_link("/secretary", T.BACK),
        ),
        page_notice(S),
        error_summary(S.error_list),
        rx.cond(S.found, visit_details(), rx.el.h1(T.TITLE)),
        active="home",
    )
