"""/join: 亮明身份, one question per page."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, primary_button
from huajin_pwa.components.display import answers_list, notice, read_aloud
from huajin_pwa.components.fields import (
    choice_group,
    error_summary,
    new_pin_fields,
    select_field,
    text_field,
)
from huajin_pwa.components.layout import page_frame
from huajin_pwa.components.question import question_page
from huajin_pwa.states.join import ROUTES, JoinState

T = text.Join
S = JoinState
TOTAL = 10


def _step(number: int) -> str:
    return text.Kit.STEP_OF.format(step=number, total=TOTAL)


def _behalf_note() -> rx.Component:
    return rx.cond(S.on_behalf, rx.el.p(T.ON_BEHALF_NOTE, class_name="hj-notice hj-notice-warn"))


def _question(title, *fields, on_submit, back, number, intro=None, speak_intro=False):
    return question_page(
        title,
        _behalf_note(),
        *fields,
        on_submit=on_submit,
        error_list=S.error_list,
        back=back,
        step=_step(number),
        intro=intro,
        speak_intro=speak_intro,
        ready=S.ready,
    )


def intro_page() -> rx.Component:
    return page_frame(
        notice(S.notice, warn=True),
        rx.el.h1(T.INTRO_TITLE),
        read_aloud("join-intro"),
        rx.el.div(*[rx.el.p(line) for line in T.INTRO], id="join-intro"),
        _behalf_note(),
        actions(
            link_button(rx.cond(S.has_draft, T.RESUME, T.START), ROUTES["name"]),
        ),
        active="me",
    )


def name_page() -> rx.Component:
    return _question(
        T.NAME_Q,
        text_field(
            "name",
            T.NAME_Q,
            S.errors,
            S.answers["name"],
            hint=T.NAME_HINT,
            auto_complete="name",
            max_length=60,
        ),
        on_submit=S.save_name,
        back="/join",
        number=1,
    )


def account_page() -> rx.Component:
    return _question(
        T.ACCOUNT_Q,
        text_field(
            "phone",
            T.PHONE_LABEL,
            S.errors,
            hint=text.Auth.PHONE_HINT,
            type="tel",
            input_mode="numeric",
            auto_complete="tel",
            max_length=20,
        ),
        new_pin_fields(S.errors, T.PIN_LABEL, T.PIN_AGAIN_LABEL),
        on_submit=S.save_account,
        back=ROUTES["name"],
        number=2,
        intro=[T.ACCOUNT_HINT],
    )


def basic_page() -> rx.Component:
    return _question(
        T.BASIC_Q,
        choice_group("gender", T.GENDER_LABEL, S.errors, T.GENDERS, S.answers["gender"]),
        text_field(
            "birth_year",
            T.BIRTH_YEAR_LABEL,
            S.errors,
            S.answers["birth_year"],
            hint=T.BIRTH_YEAR_HINT,
            input_mode="numeric",
            max_length=4,
            short=True,
        ),
        on_submit=S.save_basic,
        back=ROUTES["name"],
        number=3,
    )


def address_page() -> rx.Component:
    return _question(
        T.ADDRESS_Q,
        select_field(
            "building",
            T.BUILDING_LABEL,
            S.errors,
            S.building_options,
            S.answers["building"],
            placeholder=T.BUILDING_CHOOSE,
        ),
        text_field(
            "unit",
            T.UNIT_LABEL,
            S.errors,
            S.answers["unit"],
            hint=T.UNIT_HINT,
            input_mode="numeric",
            max_length=2,
            short=True,
        ),
        text_field(
            "room",
            T.ROOM_LABEL,
            S.errors,
            S.answers["room"],
            hint=T.ROOM_HINT,
            input_mode="numeric",
            max_length=4,
            short=True,
        ),
        on_submit=S.save_address,
        back=ROUTES["basic"],
        number=4,
        intro=[T.ADDRESS_HINT],
    )


def org_page() -> rx.Component:
    return _question(
        T.ORG_Q,
        text_field(
            "org_name",
            T.ORG_NAME_LABEL,
            S.errors,
            S.answers["org_name"],
            hint=T.ORG_NAME_HINT,
            max_length=120,
        ),
        text_field(
            "org_place",
            T.ORG_PLACE_LABEL,
            S.errors,
            S.answers["org_place"],
            hint=T.ORG_PLACE_HINT,
            max_length=60,
        ),
        text_field(
            "party_year",
            T.PARTY_YEAR_LABEL,
            S.errors,
            S.answers["party_year"],
            hint=T.PARTY_YEAR_HINT,
            input_mode="numeric",
            max_length=4,
            short=True,
        ),
        on_submit=S.save_org,
        back=ROUTES["address"],
        number=5,
        intro=[T.ORG_HINT],
    )


def moved_in_page() -> rx.Component:
    return _question(
        T.MOVED_IN_Q,
        text_field(
            "moved_in_year",
            T.MOVED_IN_YEAR_LABEL,
            S.errors,
            S.answers["moved_in_year"],
            hint=T.MOVED_IN_YEAR_HINT,
            input_mode="numeric",
            max_length=4,
            short=True,
        ),
        text_field(
            "moved_in_month",
            T.MOVED_IN_MONTH_LABEL + text.Kit.OPTIONAL,
            S.errors,
            S.answers["moved_in_month"],
            hint=T.MOVED_IN_MONTH_HINT,
            input_mode="numeric",
            max_length=2,
            short=True,
        ),
        on_submit=S.save_moved_in,
        back=ROUTES["org"],
        number=6,
    )


def needs_page() -> rx.Component:
    options = {"yes": text.Kit.YES, "no": text.Kit.NO, "unknown": T.PREFER_NOT}
    return _question(
        T.NEEDS_Q,
        choice_group(
            "mobility_limited", T.MOBILITY_LABEL, S.errors, options, S.answers["mobility_limited"]
        ),
        choice_group(
            "family_difficulty",
            T.DIFFICULTY_LABEL,
            S.errors,
            options,
            S.answers["family_difficulty"],
        ),
        on_submit=S.save_needs,
        back=ROUTES["moved_in"],
        number=7,
        intro=[T.NEEDS_WHY],
    )


def hobbies_page() -> rx.Component:
    return _question(
        T.HOBBIES_Q,
        choice_group("hobbies", T.HOBBIES_LABEL, S.errors, T.HOBBIES, S.hobby_codes, multiple=True),
        choice_group("wishes", T.WISHES_LABEL, S.errors, T.WISHES, S.wish_codes, multiple=True),
        on_submit=S.save_hobbies,
        back=ROUTES["needs"],
        number=8,
        intro=[T.HOBBIES_HINT],
    )


def consent_page() -> rx.Component:
    return _question(
        T.CONSENT_Q,
        choice_group(
            "consent",
            T.CONSENT_Q,
            S.errors,
            {"on": T.CONSENT_LABEL},
            S.answers["consent"],
            multiple=True,
        ),
        on_submit=S.save_consent,
        back=ROUTES["hobbies"],
        number=9,
        intro=T.CONSENT_TEXT,
        speak_intro=True,
    )


def check_page() -> rx.Component:
    return page_frame(
        rx.el.p(_step(10), class_name="hj-step"),
        error_summary(S.error_list),
        rx.el.h1(T.CHECK_Q, id="f-summary", tab_index=-1),
        _behalf_note(),
        rx.el.p(T.CHECK_HINT),
        rx.cond(
            S.ready,
            rx.el.div(
                answers_list(S.summary),
                rx.el.form(
                    primary_button(T.SUBMIT),
                    on_submit=S.submit,
                    no_validate=True,
                ),
            ),
            rx.el.p(text.Kit.LOADING, role="status"),
        ),
        back=ROUTES["consent"],
        active="me",
    )


def done_page() -> rx.Component:
    return page_frame(
        rx.el.h1(T.DONE_TITLE),
        rx.cond(
            S.finished_on_behalf,
            rx.el.p(T.DONE_ON_BEHALF, class_name="hj-notice"),
            rx.el.ul(*[rx.el.li(line) for line in T.DONE_NEXT]),
        ),
        actions(
            rx.cond(
                S.finished_on_behalf,
                link_button(T.TO_HOME, "/"),
                link_button(T.TO_ME, "/me"),
            ),
        ),
        active="me",
    )
