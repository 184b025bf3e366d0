"""A progress bar that says its number in words too (never the bar alone)."""

import reflex as rx


def progress_bar(done: rx.Var, total: rx.Var, width: rx.Var, words: rx.Var, label: rx.Var):
    """已完成 x / y (words) above a bar named label, which carries the words as its value.

    done/total are numbers, width a CSS width such as "30%" (see present.percent()), words the
    number in words ("已完成 12 / 40") and label what the bar measures."""
    return rx.el.div(
        rx.el.p(words, class_name="hj-progress-words"),
        rx.el.div(
            rx.el.div(class_name="hj-progress-fill", style={"width": width}),
            role="progressbar",
            aria_valuemin=0,
            aria_valuemax=total,
            aria_valuenow=done,
            aria_valuetext=words,
            aria_label=label,
            class_name="hj-progress",
        ),
        class_name="hj-progress-block",
    )
