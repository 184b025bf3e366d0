"""/activities/new and /activities/<id>/edit: plan an activity or change it, one big labelled
field after another; 取消活动 with a confirmation on the page."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, primary_button, secondary_button
from huajin_pwa.components.display import notice
from huajin_pwa.components.fields import (
    choice_group,
    error_summary,
    select_field,
    text_field,
    textarea_field,
)
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.activity_form import ActivityFormState

T = text.ActivityForm
W = text.TeamWords
S = ActivityFormState
IMAGE_TYPES = {"image/jpeg": [], "image/png": [], "image/gif": [], "image/webp": []}
DATE_STYLE = {"padding_left": "0.4rem", "padding_right": "0.25rem"}


def _answer(name: str) -> rx.Var:
    return S.answers[name].to(str)


def _reasons(refused: rx.Var) -> rx.Var:
    """Only the reasons the browser refused the files (never the files themselves)."""
    return rx.Var(f"({refused!s}).flatMap((r) => (r.errors || []).map((e) => String(e.code)))").to(
        list[str]
    )


def _labelled_upload(upload: rx.Component) -> rx.Component:
    """Name the dropzone's hidden file input after the field's label, hint and error."""
    file_input = upload.children[0].children[0]
    file_input.custom_attrs.update(
        {"aria-labelledby": "image-label", "aria-describedby": "image-hint image-error"}
    )
    return upload


def picture_field() -> rx.Component:
    """图片 (optional): chosen and checked at once; shown until the form is saved."""
    has_error = S.errors.contains("image")
    upload = rx.upload.root(
        rx.el.span(
            rx.icon("image-plus", aria_hidden="true"),
            T.PICTURE_CHOOSE,
            class_name="hj-btn hj-btn-secondary",
        ),
        id="f-image",
        multiple=False,
        max_files=1,
        max_size=5 * 1024 * 1024,
        accept=IMAGE_TYPES,
        on_drop=S.upload_picture(rx.upload_files(upload_id="f-image")),
        on_drop_rejected=lambda refused: S.upload_refused(_reasons(refused)),
        class_name="hj-ss-upload",
    )
    return rx.el.div(
        rx.el.span(T.PICTURE, id="image-label", class_name="hj-legend"),
        rx.el.span(T.PICTURE_HINT, id="image-hint", class_name="hj-hint"),
        rx.el.span(
            rx.cond(has_error, S.errors["image"].to(str), ""),
            id="image-error",
            class_name=rx.cond(has_error, "hj-error-text", "hj-sr"),
        ),
        rx.cond(
            S.picture_url != "",
            rx.el.figure(
                rx.el.img(src=S.picture_url, alt=T.PICTURE_ALT, class_name="hj-af-picture"),
                rx.el.figcaption(T.PICTURE_CURRENT),
                secondary_button(T.PICTURE_REMOVE, on_click=S.remove_picture, id="picture-remove"),
                class_name="hj-af-figure",
            ),
        ),
        _labelled_upload(upload),
        notice(S.picture_note, id="picture-note"),
        class_name=rx.cond(has_error, "hj-field hj-field-error", "hj-field"),
    )


def when_fields() -> rx.Component:
    """日期, 开始时间, 结束时间."""
    return rx.fragment(
        text_field(
            "day",
            T.DAY,
            S.errors,
            _answer("day"),
            hint=T.DAY_HINT,
            type="date",
            style=DATE_STYLE,
            min=S.day_min,
            max=S.day_max,
        ),
        text_field(
            "starts",
            T.STARTS,
            S.errors,
            _answer("starts"),
            hint=T.TIME_HINT,
            type="time",
            short=True,
        ),
        text_field(
            "ends", T.ENDS, S.errors, _answer("ends"), hint=T.TIME_HINT, type="time", short=True
        ),
    )


def activity_form() -> rx.Component:
    return rx.el.form(
        text_field("title", T.TITLE, S.errors, _answer("title"), hint=T.TITLE_HINT, max_length=30),
        select_field(
            "team",
            T.TEAM,
            S.errors,
            S.team_options,
            _answer("team"),
            hint=T.TEAM_HINT,
            placeholder=rx.cond(S.community, T.TEAM_NONE, T.TEAM_PICK),
        ),
        rx.el.div(
            choice_group("kind", T.KIND, S.errors, W.ACTIVITY_KINDS, _answer("kind")),
            class_name="hj-af-kinds",
        ),
        when_fields(),
        text_field("place", T.PLACE, S.errors, _answer("place"), hint=T.PLACE_HINT, max_length=60),
        text_field(
            "capacity",
            T.CAPACITY,
            S.errors,
            _answer("capacity"),
            hint=T.CAPACITY_HINT,
            short=True,
            input_mode="numeric",
            max_length=4,
            auto_complete="off",
        ),
        choice_group("audience", T.AUDIENCE, S.errors, W.AUDIENCES, _answer("audience")),
        textarea_field(
            "description",
            T.DESCRIPTION,
            S.errors,
            _answer("description"),
            hint=T.DESCRIPTION_HINT,
            rows=5,
            max_length=1000,
        ),
        picture_field(),
        primary_button(T.SAVE, id="activity-save"),
        key=S.form_key.to_string() + "-activity",
        id="activity-form",
        on_submit=S.submit,
        reset_on_submit=False,
        no_validate=True,
    )


def cancel_section() -> rx.Component:
    """取消活动, then 确定取消活动 / 不取消 in place (no pop-up)."""
    return rx.el.section(
        rx.el.h2(T.CANCEL_SECTION, id="cancel-title"),
        rx.el.p(T.CANCEL_LEAD),
        rx.cond(
            S.confirming,
            rx.el.div(
                rx.el.p(
                    S.cancel_question, id="cancel-question", class_name="hj-lead", tab_index=-1
                ),
                actions(
                    primary_button(
                        T.CANCEL_YES, type="button", on_click=S.confirm_cancel, id="cancel-yes"
                    ),
                    secondary_button(T.CANCEL_NO, on_click=S.keep, id="cancel-no"),
                ),
                class_name="hj-notice hj-notice-warn",
                role="group",
                aria_labelledby="cancel-question",
            ),
            actions(secondary_button(T.CANCEL, on_click=S.ask_cancel, id="cancel-ask")),
        ),
        class_name="hj-card",
        aria_labelledby="cancel-title",
    )


def activity_form_page() -> rx.Component:
    back = rx.cond(S.activity_id != "", "/activities/" + S.activity_id, "/activities")
    return page_frame(
        rx.el.a(
            "‹ ",
            rx.cond(S.activity_id != "", T.BACK, T.BACK_ALL),
            href=back,
            class_name="hj-back",
            id="back-link",
        ),
        notice(S.notice, S.notice_warn, id="page-notice"),
        error_summary(S.error_list),
        rx.el.h1(rx.cond(S.editing, T.EDIT_TITLE, T.NEW_TITLE)),
        rx.cond(
            S.ready,
            rx.fragment(
                rx.el.p(rx.cond(S.editing, T.EDIT_LEAD, T.NEW_LEAD)),
                activity_form(),
                rx.cond(S.editing, cancel_section()),
            ),
            rx.cond(S.notice == "", rx.el.p(text.Kit.LOADING, role="status")),
        ),
        active="activities",
    )
