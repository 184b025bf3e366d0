"""/staff/study/new and /staff/study/<id>: write or correct a week's material, preview it as a
member sees it on a phone, add pictures, save."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, primary_button, secondary_button
from huajin_pwa.components.display import notice
from huajin_pwa.components.fields import error_summary, text_field, textarea_field
from huajin_pwa.components.layout import page_frame
from huajin_pwa.pages.staff.study_parts import image_field, material_view
from huajin_pwa.states.study_staff_form import StudyFormState

T = text.StudyStaff
S = StudyFormState
# the button pressed is sent with the form: 预览 or 保存
SUBMITTER = rx.Var("(ev?.nativeEvent?.submitter?.value ?? '')").to(str)
DATE_STYLE = {"padding_left": "0.4rem", "padding_right": "0.25rem"}


def date_field(name: str, label: str, hint: str) -> rx.Component:
    return text_field(
        name,
        label,
        S.errors,
        S.answers[name].to(str),
        hint=hint,
        type="date",
        style=DATE_STYLE,
        min=S.day_min,
        max=S.day_max,
    )


def material_fields() -> rx.Component:
    answers = S.answers
    return rx.fragment(
        text_field(
            "title", T.TITLE_LABEL, S.errors, answers["title"].to(str), T.TITLE_HINT, max_length=40
        ),
        rx.el.div(
            textarea_field(
                "body", T.BODY, S.errors, answers["body"].to(str), T.BODY_HINT, max_length=20000
            ),
            class_name="hj-ss-bodyfield",
        ),
        image_field(S),
        textarea_field(
            "key_points",
            T.POINTS,
            S.errors,
            answers["key_points"].to(str),
            T.POINTS_HINT,
            rows=5,
        ),
        textarea_field(
            "questions",
            T.QUESTIONS,
            S.errors,
            answers["questions"].to(str),
            T.QUESTIONS_HINT,
            rows=5,
        ),
        date_field("publish_on", T.PUBLISH, T.PUBLISH_HINT),
    )


def study_form() -> rx.Component:
    return rx.el.form(
        rx.cond(~S.editing, date_field("week_of", T.WEEK, T.WEEK_HINT)),
        material_fields(),
        actions(
            secondary_button(T.PREVIEW, type="submit", value="preview", id="preview-button"),
            primary_button(T.SAVE, value="save", id="save-button"),
        ),
        key=S.form_key,
        id="study-form",
        on_submit=lambda form_data: S.submit(form_data, SUBMITTER),
        reset_on_submit=False,
        no_validate=True,
    )


def preview() -> rx.Component:
    """The text as it stands in the form, drawn as a member sees it; saving is one tap away."""
    return rx.cond(
        S.previewing,
        rx.el.section(
            rx.el.h2(T.PREVIEW_TITLE, id="preview-title", tab_index=-1),
            rx.el.p(T.PREVIEW_NOTE, class_name="hj-muted"),
            material_view(S.preview),
            primary_button(T.SAVE, form="study-form", value="save", id="save-after-preview"),
            id="preview",
            aria_labelledby="preview-title",
        ),
    )


def edit_notes() -> rx.Component:
    """Editing: which week and version, what members will notice, the history; new: how."""
    return rx.cond(
        S.editing,
        rx.el.div(
            rx.el.p(S.week_text, class_name="hj-lead", id="week-fixed"),
            rx.el.p(S.editing_note, id="editing-note"),
            rx.el.p(
                rx.cond(S.published, T.CHANGED_NOTE, T.NOT_YET_NOTE),
                class_name="hj-notice hj-notice-warn",
                id="changed-note",
            ),
            actions(
                link_button(
                    T.HISTORY, "/staff/study/" + S.week_id + "/history", False, id="history-link"
                )
            ),
            class_name="hj-ss-edit-facts",
        ),
        rx.el.p(T.NEW_INTRO),
    )


def study_form_page() -> rx.Component:
    return page_frame(
        notice(S.notice, S.notice_warn, id="page-notice"),
        error_summary(S.error_list),
        rx.el.h1(rx.cond(S.editing, T.EDIT_TITLE, T.NEW_TITLE)),
        rx.cond(
            S.ready,
            rx.fragment(edit_notes(), study_form(), preview()),
            rx.cond(S.notice == "", rx.el.p(text.Kit.LOADING, role="status")),
        ),
        actions(link_button(T.BACK_LIST, "/staff/study", False)),
        back="/staff/study",
        active="home",
    )
