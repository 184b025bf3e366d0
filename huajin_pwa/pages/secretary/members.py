"""/secretary/members: the grid's disclosed members, found by name or phone."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import link_button, primary_button, small_button
from huajin_pwa.components.display import empty_state
from huajin_pwa.components.fields import text_field
from huajin_pwa.components.member_line import member_line
from huajin_pwa.pages.secretary.section import section_page
from huajin_pwa.states.secretary import MembersState

T = text.SecretaryPage
S = MembersState


def member_row(row) -> rx.Component:
    return rx.el.li(
        member_line(row),
        link_button(
            T.RECORD,
            "/secretary/member/" + row["member_id"].to(str),
            False,
            aria_label=T.RECORD + " " + row["name"].to(str),
        ),
        class_name="hj-card",
    )


def search_form() -> rx.Component:
    return rx.fragment(
        rx.el.form(
            text_field(
                "search",
                T.SEARCH_LABEL,
                rx.Var.create({}),
                S.search,
                hint=T.SEARCH_HINT,
                max_length=30,
                type="search",
                enter_key_hint="search",
            ),
            primary_button(T.SEARCH),
            on_submit=S.find,
            reset_on_submit=False,
            role="search",
        ),
        rx.el.p(S.count_line, class_name="hj-lead hj-strong hj-count-line", id="members-count"),
        rx.cond(S.search != "", small_button(T.SEARCH_CLEAR, on_click=S.show_all)),
    )


def members_page() -> rx.Component:
    return section_page(
        S,
        "members",
        T.MEMBERS_TITLE,
        search_form(),
        rx.el.ul(rx.foreach(S.rows, member_row), class_name="hj-list", id="member-list"),
        rx.cond(
            S.search != "",
            empty_state(T.MEMBERS_EMPTY, T.MEMBERS_EMPTY_HINT),
            empty_state(T.NO_MEMBERS),
        ),
    )
