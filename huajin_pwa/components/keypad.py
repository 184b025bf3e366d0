"""The big numeric keypad for a 6-digit PIN, with dots that show how many digits are in."""

import reflex as rx

from huajin_pwa import text

PIN_LENGTH = 6


def pin_dots(count: rx.Var) -> rx.Component:
    """Six dots, filled as digits are entered; screen readers hear the count."""
    return rx.el.div(
        *[rx.el.span(class_name=rx.cond(count > i, "hj-filled", "")) for i in range(PIN_LENGTH)],
        rx.el.span(
            text.Auth.PIN_ENTERED.split("{count}")[0],
            count,
            text.Auth.PIN_ENTERED.split("{count}")[1],
            class_name="hj-sr",
        ),
        class_name="hj-pin-dots",
        role="status",
        aria_live="polite",
    )


def keypad(on_digit, on_delete, on_clear) -> rx.Component:
    """1–9, 清空, 0, 删除, as 72 px keys."""

    def key(digit: str) -> rx.Component:
        return rx.el.button(
            digit,
            type="button",
            aria_label=text.Auth.KEY_DIGIT.format(digit=digit),
            on_click=on_digit(digit),
        )

    fn = "hj-key-fn"
    return rx.el.div(
        *[key(str(d)) for d in range(1, 10)],
        rx.el.button(text.Auth.KEY_CLEAR, type="button", class_name=fn, on_click=on_clear),
        key("0"),
        rx.el.button(text.Auth.KEY_DELETE, type="button", class_name=fn, on_click=on_delete),
        class_name="hj-keypad",
    )
