"""/secretary/member/<id>: one member's care record: who they are, the health record, help
given, completed visits, and logging a visit nobody asked for."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import primary_button
from huajin_pwa.components.display import card, empty_state, pager
from huajin_pwa.components.fields import choice_group, error_summary, text_field
from huajin_pwa.components.layout import back_link, page_frame
from huajin_pwa.pages.secretary.visit import page_notice, person_card
from huajin_pwa.pages.secretary.visit_fields import date_field, form_card, page_form, visit_fields
from huajin_pwa.states.secretary_member import SecretaryMemberState

T = text.SecretaryVisitPage
S = SecretaryMemberState


def health_choices() -> rx.Component:
    """已建档 / 没有建档 as big radio buttons; choosing one shows or hides 建档日期."""
    errors = S.errors
    items = [
        rx.el.label(
            rx.el.input(
                type="radio",
                name="has_record",
                value=code,
                id="f-has_record" if index == 0 else f"f-has_record-{code}",
                default_checked=S.answers["has_record"].to(str) == code,
                on_change=S.choose_health,
            ),
            label,
            class_name="hj-choice",
        )
        for index, (code, label) in enumerate(T.HEALTH_CHOICES.items())
    ]
    return rx.el.fieldset(
        rx.el.legend(T.HEALTH_Q, class_name="hj-legend"),
        rx.cond(
            errors.contains("has_record"),
            rx.el.span(
                errors["has_record"].to(str), id="has_record-error", class_name="hj-error-text"
            ),
        ),
        *items,
        class_name=rx.cond(
            errors.contains("has_record"), "hj-fieldset hj-field-error", "hj-fieldset"
        ),
        aria_describedby=rx.cond(errors.contains("has_record"), "has_record-error", ""),
    )


def health_card() -> rx.Component:
    return form_card(
        T.HEALTH,
        rx.el.p(S.health_status, id="health-status"),
        health_choices(),
        rx.cond(
            S.health_choice == "yes",
            date_field(S, "since", T.SINCE_LABEL, S.earliest_iso, S.today_iso, hint=T.SINCE_HINT),
        ),
        primary_button(T.HEALTH_SUBMIT, id="health-submit"),
        key=S.health_key,
        kind="health",
        on_submit=S.set_health,
        id="health",
    )


def help_item(row) -> rx.Component:
    return rx.el.li(rx.el.strong(row["what"]), rx.el.br(), row["when"], class_name="hj-card")


def helps_card() -> rx.Component:
    return card(
        rx.el.h2(T.HELPS, id="helps-title"),
        rx.cond(
            S.help_total > 0,
            rx.fragment(
                rx.el.p(S.help_total_label, class_name="hj-muted"),
                rx.el.ul(rx.foreach(S.helps, help_item), class_name="hj-list", id="help-list"),
                pager(S.help_page, S.help_pages, S.helps_go(-1), S.helps_go(1)),
            ),
            empty_state(T.HELPS_EMPTY),
        ),
        rx.el.h3(T.ADD_HELP, id="help-form-title"),
        page_form(
            text_field(
                "what",
                T.HELP_WHAT,
                S.errors,
                S.answers["what"].to(str),
                hint=T.HELP_WHAT_HINT,
                max_length=100,
            ),
            date_field(S, "given_on", T.HELP_ON, S.earliest_iso, S.today_iso),
            text_field(
                "given_by",
                T.HELP_BY,
                S.errors,
                S.answers["given_by"].to(str),
                hint=T.HELP_BY_HINT,
                max_length=30,
            ),
            primary_button(T.HELP_SUBMIT, id="help-submit"),
            key=S.help_key,
            kind="help",
            title_id="help-form-title",
            on_submit=S.add_help,
        ),
        id="helps",
    )


def visit_item(row) -> rx.Component:
    return rx.el.li(
        rx.el.strong(row["when"]),
        " ",
        row["what"],
        rx.cond(row["who"] != "", rx.el.p(row["who"], class_name="hj-muted")),
        rx.el.p(row["outcome"]),
        rx.cond(row["follow_ups"] != "", rx.el.p(row["follow_ups"], class_name="hj-muted")),
        class_name="hj-card",
    )


def visits_card() -> rx.Component:
    return card(
        rx.el.h2(T.VISITS),
        rx.cond(
            S.visit_total > 0,
            rx.fragment(
                rx.el.p(S.visit_total_label, class_name="hj-muted"),
                rx.el.ul(rx.foreach(S.visits, visit_item), class_name="hj-list", id="visit-list"),
                pager(S.visit_page, S.visit_pages, S.visits_go(-1), S.visits_go(1)),
            ),
            empty_state(T.VISITS_EMPTY),
        ),
        id="visits",
    )


def log_card() -> rx.Component:
    return form_card(
        T.LOG,
        rx.el.p(T.LOG_INTRO),
        choice_group(
            "reason", T.LOG_REASON, S.errors, text.Visit.REASONS, S.answers["reason"].to(str)
        ),
        *visit_fields(S, S.today_iso),
        primary_button(T.LOG_SUBMIT, id="log-submit"),
        key=S.log_key,
        kind="log",
        on_submit=S.log_visit,
        id="log",
    )


def member_page() -> rx.Component:
    return page_frame(
        back_link("/secretary/members", T.BACK_MEMBERS),
        page_notice(S),
        error_summary(S.error_list),
        rx.cond(
            S.found,
            rx.fragment(
                rx.el.h1(T.MEMBER_TITLE, "：", S.person["name"]),
                person_card(S, T.ABOUT_PERSON, False),
                health_card(),
                helps_card(),
                visits_card(),
                log_card(),
            ),
            rx.el.h1(T.MEMBER_TITLE),
        ),
        active="home",
    )
