"""What the secretary's visit page and member page forms share: a date input, the fields of a
visit that happened (day, outcome and the follow-ups) and the frame of a form on the page."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.display import card
from huajin_pwa.components.fields import text_field, textarea_field

T = text.SecretaryVisitPage
# a date input keeps its whole date visible at 320 px and the largest text size
DATE_STYLE = {"padding_left": "0.4rem", "padding_right": "0.25rem"}


def date_field(state, name: str, label: str, low, high, hint: str = "") -> rx.Component:
    """A date input between low and high, keeping the answer given."""
    return text_field(
        name,
        label,
        state.errors,
        state.answers[name].to(str),
        hint=hint,
        type="date",
        style=DATE_STYLE,
        min=low,
        max=high,
    )


def page_form(*children: rx.Component, key, kind: str, title_id: str, on_submit) -> rx.Component:
    """One form on the page: id "<kind>-form", drawn afresh when key changes (the state bumps
    it to start the form again), answers kept on error, no browser pop-ups."""
    return rx.el.form(
        *children,
        key=key.to_string() + f"-{kind}",
        id=f"{kind}-form",
        aria_labelledby=title_id,
        on_submit=on_submit,
        reset_on_submit=False,
        no_validate=True,
    )


def form_card(
    heading, intro: rx.Component, *children: rx.Component, key, kind: str, on_submit, **props
) -> rx.Component:
    """A card holding one form: its heading (id "<kind>-title", naming the form), a line of
    introduction, then the form."""
    return card(
        rx.el.h2(heading, id=f"{kind}-title"),
        intro,
        page_form(*children, key=key, kind=kind, title_id=f"{kind}-title", on_submit=on_submit),
        **props,
    )


def visit_fields(state, visited_max) -> tuple[rx.Component, ...]:
    """看望日期, 看望情况 and the follow-ups of a visit that happened (登记已看望, 登记一次看望)."""
    return (
        date_field(
            state,
            "visited_on",
            T.VISITED_ON_LABEL,
            state.visited_min,
            visited_max,
            hint=T.VISITED_ON_HINT,
        ),
        textarea_field(
            "outcome",
            T.OUTCOME_LABEL,
            state.errors,
            state.answers["outcome"].to(str),
            hint=T.OUTCOME_HINT,
            max_length=500,
        ),
        follow_up_fields(state),
    )


def follow_up_fields(state) -> rx.Component:
    """帮扶需求, 健康情况 and 送学上门, under their own heading."""
    return rx.el.fieldset(
        rx.el.legend(T.FOLLOW_UPS, class_name="hj-legend"),
        text_field(
            "help_need",
            T.HELP_NEED_LABEL,
            state.errors,
            state.answers["help_need"].to(str),
            hint=T.HELP_NEED_HINT,
            max_length=200,
        ),
        text_field(
            "health_concern",
            T.HEALTH_LABEL,
            state.errors,
            state.answers["health_concern"].to(str),
            hint=T.HEALTH_HINT,
            max_length=200,
        ),
        rx.el.label(
            rx.el.input(
                type="checkbox",
                name="study_at_home",
                value="on",
                id="f-study_at_home",
                default_checked=state.answers["study_at_home"].to(str) == "on",
            ),
            T.STUDY_LABEL,
            class_name="hj-choice",
        ),
        class_name="hj-fieldset",
    )
