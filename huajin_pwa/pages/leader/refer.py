"""/leader/refer/<member_id>: 以老带新 from the roster: who is referred (name and team), one
question (how the leader knows), the error summary and 推荐给社区."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, primary_button
from huajin_pwa.components.fields import error_summary, textarea_field
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.leader import LeaderReferState

T = text.Leader
S = LeaderReferState


def members_href() -> rx.Var:
    return "/leader?tab=members&team=" + S.team_id


def refer_form() -> rx.Component:
    return rx.fragment(
        rx.el.p(
            T.REFER_WHO,
            S.name,
            "（",
            S.team_name,
            "）",
            class_name="hj-lead hj-strong",
            id="refer-who",
        ),
        rx.el.form(
            textarea_field(
                "how_known",
                T.HOW_KNOWN_LABEL,
                S.errors,
                S.how_known,
                hint=T.HOW_KNOWN_HINT,
                max_length=400,
            ),
            primary_button(T.REFER_SUBMIT, id="refer-submit"),
            key=S.form_key.to_string(),
            on_submit=S.submit,
            reset_on_submit=False,
            no_validate=True,
            id="refer-form",
        ),
    )


def leader_refer_page() -> rx.Component:
    return page_frame(
        error_summary(S.error_list),
        rx.el.h1(T.REFER_TITLE),
        rx.cond(
            S.done,
            rx.fragment(
                rx.el.p(S.notice, role="status", class_name="hj-notice", id="refer-done"),
                actions(link_button(T.BACK_MEMBERS, members_href(), id="refer-back")),
            ),
            rx.cond(
                S.found,
                rx.fragment(rx.el.p(T.REFER_INTRO), refer_form()),
                rx.cond(
                    S.notice != "",
                    rx.fragment(
                        rx.el.p(S.notice, role="status", class_name="hj-notice hj-notice-warn"),
                        actions(link_button(T.BACK_MEMBERS, "/leader?tab=members", False)),
                    ),
                ),
            ),
        ),
        back="/leader?tab=members",
        active="home",
    )
