"""/: signed out, what the app is and how to start; signed in, the person's own home."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, secondary_button
from huajin_pwa.components.display import card, notice
from huajin_pwa.components.layout import page_frame
from huajin_pwa.components.study_record import this_week_card
from huajin_pwa.pages.public.activities import activity_row
from huajin_pwa.states.home import HomeState
from huajin_pwa.states.join import JoinState

H = text.Home
V = text.VisitPage
A = text.ActivityPages


def activities_card(title: str, rows, empty: str, card_id: str, show_day: bool) -> rx.Component:
    """今天的活动 / 我报名的活动: a few activities, the way to the calendar and to the teams."""
    return card(
        rx.el.h2(title, id=card_id + "-title"),
        rx.cond(
            rows.length() > 0,
            rx.el.div(rx.foreach(rows, lambda row: activity_row(row, "h3", show_day))),
            rx.el.p(empty),
        ),
        link_button(
            rx.fragment(rx.icon("calendar-days", aria_hidden="true"), A.HOME_ALL),
            "/activities",
            False,
            id=card_id + "-calendar",
        ),
        rx.el.a(A.TEAMS_LINK, href="/teams", class_name="hj-link hj-target", id=card_id + "-teams"),
        aria_labelledby=card_id + "-title",
        id=card_id,
    )


def signed_out() -> rx.Component:
    return rx.fragment(
        rx.el.h1(H.WELCOME),
        rx.el.p(H.INTRO, class_name="hj-lead"),
        actions(link_button(H.JOIN_CTA, "/join"), link_button(H.SIGN_IN_CTA, "/login", False)),
        activities_card(
            A.HOME_TODAY, HomeState.today_activities, A.HOME_TODAY_NONE, "home-today", False
        ),
    )


def visit_entry() -> rx.Component:
    """请求上门, near the top: the first of the three taps."""
    return rx.el.div(
        link_button(
            rx.fragment(rx.icon("hand-heart", size=32, aria_hidden="true"), V.REQUEST),
            "/visits/new",
            id="request-visit",
        ),
        rx.el.a(V.MY_VISITS, href="/visits", class_name="hj-link hj-target", id="my-visits"),
        class_name="hj-actions",
    )


def signed_in() -> rx.Component:
    return rx.fragment(
        rx.el.h1(H.HELLO.split("{name}")[0], HomeState.user_name, H.HELLO.split("{name}")[1]),
        rx.cond(HomeState.is_member, visit_entry()),
        rx.cond(HomeState.is_member, this_week_card(HomeState)),
        activities_card(A.HOME_MINE, HomeState.my_activities, A.HOME_MINE_NONE, "home-mine", True),
        rx.cond(
            HomeState.is_secretary,
            actions(
                link_button(
                    rx.fragment(rx.icon("clipboard-list", aria_hidden="true"), V.GRID_WORK),
                    "/secretary",
                    id="grid-work",
                )
            ),
        ),
        card(
            rx.el.h2(H.YOUR_STATUS),
            rx.el.p(
                rx.el.span(
                    HomeState.status_label, class_name="hj-tag hj-tag-" + HomeState.status_tone
                )
            ),
            link_button(text.Me.TITLE, "/me", False),
        ),
        rx.cond(
            HomeState.unread > 0,
            card(
                rx.el.p(
                    H.UNREAD.split("{count}")[0], HomeState.unread, H.UNREAD.split("{count}")[1]
                ),
                link_button(H.MESSAGES_CTA, "/messages"),
            ),
        ),
        actions(
            rx.cond(HomeState.is_office, link_button(H.STAFF_CTA, "/staff")),
            rx.cond(
                HomeState.can_fill_for_others,
                secondary_button(text.Staff.FILL_ON_BEHALF, on_click=JoinState.start_on_behalf),
            ),
            rx.cond(
                HomeState.can_fill_for_others,
                link_button(text.Reset.HELPER_TITLE, "/reset-pin", False),
            ),
            rx.cond(HomeState.is_member, link_button(H.REFER_CTA, "/me/refer", False)),
            rx.cond(HomeState.status_code == "", link_button(text.Me.START_JOIN, "/join", False)),
        ),
    )


def home_page() -> rx.Component:
    return page_frame(
        notice(HomeState.notice),
        rx.cond(HomeState.signed_in, signed_in(), signed_out()),
        rx.el.h2(H.FOUR_STEPS),
        *[card(rx.el.h3(title), rx.el.p(body)) for title, body in H.STEPS],
        active="home",
    )
