"""Labelled fields with a hint and an error, and the error summary that links to them."""

import reflex as rx

from huajin_pwa import text


def _error(errors: rx.Var, name: str) -> rx.Var:
    return errors[name].to(str)


def _described_by(errors: rx.Var, name: str, hint: str) -> rx.Var | str:
    hint_id = f"{name}-hint " if hint else ""
    return rx.cond(errors.contains(name), f"{hint_id}{name}-error", hint_id.strip())


def _hint_and_error(errors: rx.Var, name: str, hint: str) -> list[rx.Component]:
    parts = [rx.el.span(hint, id=f"{name}-hint", class_name="hj-hint")] if hint else []
    parts.append(
        rx.cond(
            errors.contains(name),
            rx.el.span(_error(errors, name), id=f"{name}-error", class_name="hj-error-text"),
        )
    )
    return parts


def _field_class(errors: rx.Var, name: str) -> rx.Var:
    return rx.cond(errors.contains(name), "hj-field hj-field-error", "hj-field")


def _labelled(
    element, name: str, label: str, errors: rx.Var, hint: str, *children, **props
) -> rx.Component:
    """Label, hint, error and the control (element), wired together for screen readers."""
    return rx.el.div(
        rx.el.label(label, html_for=f"f-{name}"),
        *_hint_and_error(errors, name, hint),
        element(
            *children,
            id=f"f-{name}",
            name=name,
            aria_describedby=_described_by(errors, name, hint),
            aria_invalid=rx.cond(errors.contains(name), "true", "false"),
            **props,
        ),
        class_name=_field_class(errors, name),
    )


def text_field(
    name: str,
    label: str,
    errors: rx.Var,
    default: rx.Var | str = "",
    hint: str = "",
    short: bool = False,
    **input_props,
) -> rx.Component:
    """A labelled text input; input_props go to the <input> (type, input_mode, max_length...)."""
    input_props.setdefault("type", "text")
    kind = "hj-input hj-input-short" if short else "hj-input"
    return _labelled(
        rx.el.input,
        name,
        label,
        errors,
        hint,
        default_value=default,
        class_name=kind,
        **input_props,
    )


def textarea_field(
    name: str, label: str, errors: rx.Var, default: rx.Var | str = "", hint: str = "", **props
) -> rx.Component:
    """A labelled big text box."""
    return _labelled(
        rx.el.textarea,
        name,
        label,
        errors,
        hint,
        default_value=default,
        class_name="hj-textarea",
        **props,
    )


def new_pin_fields(errors: rx.Var, label: str, again_label: str) -> rx.Component:
    """A new 6-digit PIN, typed twice (pin, pin_again)."""
    pin = {"type": "password", "input_mode": "numeric", "auto_complete": "new-password"}
    return rx.fragment(
        text_field("pin", label, errors, hint=text.Join.PIN_HINT, max_length=6, short=True, **pin),
        text_field("pin_again", again_label, errors, max_length=6, short=True, **pin),
    )


def select_field(
    name: str,
    label: str,
    errors: rx.Var,
    options: rx.Var,
    default: rx.Var | str = "",
    hint: str = "",
    placeholder: str = "",
) -> rx.Component:
    """A labelled drop-down; options is a Var of [value, label] pairs."""
    return _labelled(
        rx.el.select,
        name,
        label,
        errors,
        hint,
        rx.el.option(placeholder, value=""),
        rx.foreach(options, lambda option: rx.el.option(option[1], value=option[0])),
        default_value=default,
        class_name="hj-select",
    )


def choice_group(
    name: str,
    legend: str,
    errors: rx.Var,
    options: dict[str, str],
    checked: rx.Var,
    multiple: bool = False,
    hint: str = "",
) -> rx.Component:
    """Big radio buttons (or checkboxes) in a fieldset; checked is a Var of the chosen code(s)."""
    kind = "checkbox" if multiple else "radio"
    items = [
        rx.el.label(
            rx.el.input(
                type=kind,
                name=name,
                value=code,
                id=f"f-{name}" if index == 0 else f"f-{name}-{code}",
                default_checked=checked.contains(code) if multiple else checked == code,
            ),
            label,
            class_name="hj-choice",
        )
        for index, (code, label) in enumerate(options.items())
    ]
    return rx.el.fieldset(
        rx.el.legend(legend, class_name="hj-legend"),
        *_hint_and_error(errors, name, hint),
        *items,
        class_name=rx.cond(errors.contains(name), "hj-fieldset hj-field-error", "hj-fieldset"),
        aria_describedby=_described_by(errors, name, hint),
    )


def error_summary(error_list: rx.Var) -> rx.Component:
    """At the top of a form: every problem, each a link to its field."""
    return rx.cond(
        error_list.length() > 0,
        rx.el.div(
            rx.el.h2(text.Kit.ERROR_SUMMARY_TITLE, id="error-summary-title"),
            rx.el.ul(
                rx.foreach(
                    error_list,
                    lambda item: rx.el.li(rx.el.a(item[1], href="#f-" + item[0])),
                )
            ),
            class_name="hj-summary",
            role="alert",
            aria_labelledby="error-summary-title",
            tab_index=-1,
            id="error-summary",
        ),
    )
