"""/me/refer: 以老带新 — refer a fellow member."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button
from huajin_pwa.components.fields import text_field, textarea_field
from huajin_pwa.components.layout import page_frame
from huajin_pwa.components.question import question_page
from huajin_pwa.states.referrals import ReferState

R = text.Refer


def refer_page() -> rx.Component:
    form_page = question_page(
        R.TITLE,
        text_field("name", R.NAME_LABEL, ReferState.errors, max_length=60),
        text_field(
            "whereabouts",
            R.WHEREABOUTS_LABEL,
            ReferState.errors,
            hint=R.WHEREABOUTS_HINT,
            max_length=120,
        ),
        textarea_field(
            "how_known", R.HOW_KNOWN_LABEL, ReferState.errors, hint=R.HOW_KNOWN_HINT, max_length=400
        ),
        on_submit=ReferState.submit,
        error_list=ReferState.error_list,
        back="/me",
        intro=[R.INTRO],
        submit_label=R.SUBMIT,
    )
    return rx.cond(
        ReferState.done,
        page_frame(
            rx.el.h1(R.DONE, role="status"),
            actions(link_button(text.Join.TO_ME, "/me")),
            active="me",
        ),
        rx.cond(
            ReferState.can_refer,
            form_page,
            page_frame(rx.el.h1(R.TITLE), rx.el.p(R.ONLY_MEMBERS), back="/me", active="me"),
        ),
    )
