"""Big buttons and button-like links (60 px tall for primary actions)."""

import reflex as rx


def primary_button(label, **props) -> rx.Component:
    """The page's main action; a submit button unless told otherwise."""
    props.setdefault("type", "submit")
    return rx.el.button(label, class_name="hj-btn hj-btn-primary", **props)


def secondary_button(label, **props) -> rx.Component:
    """A second, quieter action."""
    props.setdefault("type", "button")
    return rx.el.button(label, class_name="hj-btn hj-btn-secondary", **props)


def small_button(label, **props) -> rx.Component:
    """A minor action inside a card or a row (48 px tall)."""
    props.setdefault("type", "button")
    return rx.el.button(label, class_name="hj-btn hj-btn-secondary hj-btn-small", **props)


def link_button(label, href, primary: bool = True, **props) -> rx.Component:
    """A link that looks like a big button."""
    kind = "hj-btn-primary" if primary else "hj-btn-secondary"
    return rx.el.a(label, href=href, class_name=f"hj-btn {kind}", **props)


def actions(*children: rx.Component) -> rx.Component:
    """A column of buttons."""
    return rx.el.div(*children, class_name="hj-actions")
