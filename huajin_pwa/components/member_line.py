"""A member as a grid secretary needs to see them: name, home, age, flags, phone, last visit.
Rows are the dicts states.secretary.member_row makes (every value a string, "" when unknown)."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.display import status_tag

T = text.SecretaryPage


def tel_link(name, phone) -> rx.Component:
    """The phone number as a 48 px tap-to-call link."""
    return rx.el.a(
        rx.icon("phone", size=24, aria_hidden="true"),
        phone,
        href="tel:" + phone.to(str),
        class_name="hj-tel",
        aria_label=T.CALL + " " + name.to(str) + " " + phone.to(str),
    )


def member_flags(row) -> rx.Component:
    """行动不便 / 家庭困难 as tags in words."""
    return rx.cond(
        (row["mobility"] != "") | (row["difficulty"] != ""),
        rx.el.p(
            rx.cond(row["mobility"] != "", status_tag(row["mobility"], "flag")),
            rx.cond(row["difficulty"] != "", status_tag(row["difficulty"], "flag")),
            class_name="hj-flags",
        ),
    )


def member_facts(row) -> rx.Component:
    """Home and age, flags, phone: the lines under the member's name."""
    return rx.fragment(
        rx.el.p(
            row["address"],
            rx.cond(row["age"] != "", rx.el.span(" · ", row["age"])),
        ),
        member_flags(row),
        rx.cond(row["phone"] != "", rx.el.p(tel_link(row["name"], row["phone"]))),
    )


def member_line(row, heading: str = "h2") -> rx.Component:
    """Name as a heading, then the facts and the last visit."""
    title = rx.el.h3 if heading == "h3" else rx.el.h2
    return rx.fragment(
        title(row["name"], class_name="hj-card-title"),
        member_facts(row),
        rx.el.p(row["last_visit"]),
    )
