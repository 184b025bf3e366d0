"""请求上门 in three taps: /visits/new (a reason), /visits/new/when (尽快 or a day), and
/visits/new/note (the choices, an optional note, 提交)."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, primary_button
from huajin_pwa.components.display import answers_list
from huajin_pwa.components.fields import error_summary, textarea_field
from huajin_pwa.components.layout import back_link, page_frame
from huajin_pwa.pages.member.visits import loading, not_yet
from huajin_pwa.states.visit_request import SOON, VisitRequestState

P = text.VisitPage
S = VisitRequestState
ICONS = {
    "chat": "message-circle",
    "help": "hand-helping",
    "study": "book-open",
    "health": "heart-pulse",
    "other": "ellipsis",
}


def step(number: int) -> rx.Component:
    return rx.el.p(P.STEP.format(step=number), class_name="hj-step")


def problem() -> rx.Component:
    """What is wrong with the address's choices (or the refusal), and the way back to the start."""
    return rx.el.div(
        rx.el.p(S.problem),
        link_button(P.START_AGAIN, "/visits/new", False, id="visit-start-again"),
        class_name="hj-notice hj-notice-warn",
        role="alert",
        id="visit-problem",
        tab_index=-1,
    )


def when_ready(body: rx.Component) -> rx.Component:
    """The page body once the state has read the address: or why the member cannot ask yet."""
    return rx.cond(
        S.ready,
        rx.cond(S.blocked_to != "", not_yet(S.blocked_to), body),
        loading(),
    )


def reason_choice(code: str, label: str) -> rx.Component:
    """A big icon button to the next step, or, when already asked, the way to see it."""
    icon = rx.icon(ICONS[code], size=36, aria_hidden="true")
    return rx.cond(
        S.open_reasons.contains(code),
        rx.el.div(
            icon,
            rx.el.div(
                rx.el.strong(label),
                rx.el.br(),
                rx.el.span(P.ALREADY_ASKED),
                class_name="hj-grow",
            ),
            rx.el.a(
                P.SEE_PROGRESS,
                rx.el.span(f"（{label}）", class_name="hj-sr"),
                href="/visits",
                class_name="hj-btn hj-btn-secondary hj-btn-small",
            ),
            class_name="hj-reason-open",
            id=f"reason-{code}-open",
        ),
        rx.el.a(
            icon,
            rx.el.span(label),
            href=f"/visits/new/when?reason={code}",
            class_name="hj-btn hj-btn-secondary hj-reason",
            id=f"reason-{code}",
        ),
    )


def reason_page() -> rx.Component:
    return page_frame(
        step(1),
        rx.el.h1(P.REASON_TITLE),
        when_ready(
            rx.fragment(
                rx.el.p(P.REASON_HINT),
                rx.el.div(
                    *[reason_choice(code, label) for code, label in text.Visit.REASONS.items()],
                    class_name="hj-reasons",
                ),
            )
        ),
        active="visits",
        back="/visits",
    )


def part_choice() -> rx.Component:
    """上午 / 下午 / 晚上 / 全天都行: which part of the chosen day the day buttons ask for."""
    options = {**text.Visit.PARTS, "any": text.Visit.ANY_PART}
    return rx.el.fieldset(
        rx.el.legend(P.PART_LEGEND, class_name="hj-legend"),
        rx.el.div(
            *[
                rx.el.label(
                    rx.el.input(
                        type="radio",
                        name="part",
                        value=code,
                        id=f"part-{code}",
                        checked=S.part == code,
                        on_change=S.set_part(code),
                    ),
                    label,
                    class_name="hj-choice",
                )
                for code, label in options.items()
            ],
            class_name="hj-parts",
        ),
        class_name="hj-fieldset",
    )


def day_button(day: rx.Var) -> rx.Component:
    return rx.el.a(
        rx.el.span(day["label"]),
        rx.cond(day["near"] != "", rx.el.span(day["near"], class_name="hj-near")),
        href=f"/visits/new/note?reason={S.reason}&day={day['iso']}&part={S.part}",
        class_name="hj-btn hj-btn-secondary hj-day",
        id="day-" + day["iso"].to(str),
    )


def when_page() -> rx.Component:
    soon = rx.el.a(
        rx.el.span(text.Visit.SOON, class_name="hj-big"),
        rx.el.span(P.SOON_HINT, class_name="hj-near"),
        href=f"/visits/new/note?reason={S.reason}&day={SOON}&part=any",
        class_name="hj-btn hj-btn-primary hj-day",
        id="when-soon",
    )
    choices = rx.fragment(
        rx.el.p(P.ASKED_FOR, "：", rx.el.strong(S.reason_label)),
        actions(soon),
        rx.el.h2(P.OR_DAY),
        part_choice(),
        rx.el.div(rx.foreach(S.days, day_button), class_name="hj-days"),
    )
    return page_frame(
        step(2),
        rx.el.h1(P.WHEN_TITLE),
        when_ready(rx.cond(S.problem != "", problem(), choices)),
        active="visits",
        back="/visits/new",
    )


def note_page() -> rx.Component:
    form = rx.el.form(
        textarea_field(
            "note",
            P.NOTE_LABEL,
            S.errors,
            default=S.note,
            hint=P.NOTE_HINT,
            on_blur=S.set_note,
        ),
        primary_button(P.SUBMIT, id="visit-submit"),
        on_submit=S.submit,
        reset_on_submit=False,
        no_validate=True,
    )
    chosen = rx.fragment(
        error_summary(S.error_list),
        rx.el.h1(P.NOTE_TITLE),
        answers_list(S.summary),
        form,
    )
    return page_frame(
        back_link(S.when_href),
        step(3),
        when_ready(
            rx.cond(S.problem != "", rx.fragment(rx.el.h1(P.NOTE_TITLE), problem()), chosen)
        ),
        active="visits",
    )
