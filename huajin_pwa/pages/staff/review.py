"""/staff/disclosures/<id>: one disclosure; approve, or reject with a reason."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, primary_button
from huajin_pwa.components.display import card, notice, status_tag
from huajin_pwa.components.fields import error_summary, textarea_field
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.review import ReviewState

T = text.Staff


def decision() -> rx.Component:
    return rx.cond(
        ReviewState.status == "pending",
        rx.fragment(
            rx.el.form(primary_button(T.APPROVE), on_submit=ReviewState.approve),
            rx.el.h2(T.REJECT),
            rx.el.form(
                textarea_field(
                    "reason",
                    T.REJECT_REASON,
                    ReviewState.errors,
                    hint=T.REJECT_REASON_HINT,
                    max_length=400,
                ),
                primary_button(T.REJECT),
                on_submit=ReviewState.reject,
                reset_on_submit=False,
                no_validate=True,
            ),
        ),
    )


def review_page() -> rx.Component:
    return page_frame(
        notice(ReviewState.notice),
        error_summary(ReviewState.error_list),
        rx.cond(
            ReviewState.found,
            rx.fragment(
                rx.el.h1(T.DETAIL, "：", ReviewState.name),
                rx.el.p(status_tag(ReviewState.status_label, "plain")),
                card(
                    rx.el.dl(
                        rx.foreach(
                            ReviewState.rows,
                            lambda r: rx.el.div(rx.el.dt(r[0]), rx.el.dd(r[1])),
                        ),
                        class_name="hj-answers",
                    ),
                ),
                decision(),
            ),
            rx.el.h1(T.DETAIL),
        ),
        actions(link_button(T.BACK_TO_QUEUE, "/staff", False)),
        back="/staff",
        active="home",
    )
