"""What the staff study pages share: a material drawn as a member sees it on a phone, and the
picture upload field."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.display import notice

T = text.StudyStaff
P = text.StudyPage
IMAGE_TYPES = {"image/jpeg": [], "image/png": [], "image/gif": [], "image/webp": []}


def numbered(items: rx.Var, **props) -> rx.Component:
    return rx.el.ol(rx.foreach(items, lambda item: rx.el.li(item)), **props)


def material_view(material) -> rx.Component:
    """The material in a phone-width box, drawn as the member's /study page draws it (the same
    words and styles): the week, the title, the key points on top, the body (the safe HTML of
    study.render), then the questions to think about."""
    return rx.el.article(
        rx.el.p(P.THIS_WEEK, " · ", material.week, class_name="hj-study-kicker"),
        rx.el.h3(material.title, class_name="hj-ss-title"),
        rx.el.section(
            rx.el.h4(P.POINTS),
            numbered(material.points),
            class_name="hj-study-points",
        ),
        rx.html(material.html, class_name="hj-study-body"),
        rx.cond(
            material.questions.length() > 0,
            rx.el.section(
                rx.el.h4(P.QUESTIONS),
                numbered(material.questions),
                class_name="hj-study-questions",
            ),
        ),
        class_name="hj-ss-phone",
        aria_label=T.PREVIEW_BOX,
    )


def _file_input_labelled(upload: rx.Component) -> rx.Component:
    """Name the dropzone's hidden file input after the field's label, hint and error."""
    zone = upload.children[0]
    file_input = zone.children[0]
    file_input.custom_attrs.update(
        {"aria-labelledby": "image-label", "aria-describedby": "image-hint image-error"}
    )
    return upload


def _reasons(refused: rx.Var) -> rx.Var:
    """Only the reasons the browser refused the files (never the files themselves, which are
    too large to send over the websocket)."""
    return rx.Var(f"({refused!s}).flatMap((r) => (r.errors || []).map((e) => String(e.code)))").to(
        list[str]
    )


def image_field(state) -> rx.Component:
    """添加图片: choose a picture; it is uploaded at once and its line added to the body."""
    has_error = state.errors.contains("image")
    upload = rx.upload.root(
        rx.el.span(
            rx.icon("image-plus", aria_hidden="true"),
            T.IMAGE_CHOOSE,
            class_name="hj-btn hj-btn-secondary",
        ),
        id="f-image",
        multiple=False,
        max_files=1,
        max_size=5 * 1024 * 1024,
        accept=IMAGE_TYPES,
        on_drop=state.upload_image(rx.upload_files(upload_id="f-image")),
        on_drop_rejected=lambda refused: state.upload_refused(_reasons(refused)),
        class_name="hj-ss-upload",
    )
    return rx.el.div(
        rx.el.span(T.IMAGE, id="image-label", class_name="hj-legend"),
        rx.el.span(T.IMAGE_HINT, id="image-hint", class_name="hj-hint"),
        rx.el.span(
            rx.cond(has_error, state.errors["image"].to(str), ""),
            id="image-error",
            class_name=rx.cond(has_error, "hj-error-text", "hj-sr"),
        ),
        _file_input_labelled(upload),
        notice(state.image_note, id="image-note"),
        class_name=rx.cond(has_error, "hj-field hj-field-error", "hj-field"),
    )
