"""Pictures for the study materials: staff upload them (checked to really be a JPEG, PNG, GIF
or WEBP picture of at most 5 MB), they are kept in the database and served at
/study/image/<id>, and the material's Markdown points at them."""

import hashlib
import warnings
from io import BytesIO
from typing import Any

from PIL import Image
from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import StudyImage
from huajin_pwa.services import audit, records
from huajin_pwa.services.actor import STAFF, Actor, require_role
from huajin_pwa.services.errors import FormError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 50_000_000  # a 48-megapixel phone photo passes; a "pixel bomb" does not
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
FIELD = "image"  # the form field the messages belong to
URL = "/study/image/{id}"


def _picture(data: bytes) -> tuple[str, int, int]:
    """(content type, width, height) of a real picture, or ValueError."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data), formats=list(FORMATS)) as image:
                image.verify()
            with Image.open(BytesIO(data), formats=list(FORMATS)) as image:
                kind, (width, height) = image.format, image.size
                if width * height > MAX_PIXELS:
                    raise ValueError("too many pixels")
                image.load()  # a cut-off file fails here
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Warning) as error:
        raise ValueError(str(error)) from None
    if kind not in FORMATS or width < 1 or height < 1:
        raise ValueError("not a picture we show")
    return FORMATS[kind], width, height


def upload_image(session: Session, actor: Actor | None, filename: Any, data: Any) -> StudyImage:
    """Keep a picture staff uploaded with a material; the same picture twice is kept once.
    filename is only for the audit log; the bytes decide what the file is."""
    return store_image(session, require_role(actor, STAFF), filename, data)


def store_image(
    session: Session,
    actor: Actor,
    filename: Any,
    data: Any,
    action: str = "study_image_uploaded",
) -> StudyImage:
    """upload_image for a caller that has already checked the actor may upload (a team
    leader's activity picture); audited as action."""
    if not isinstance(data, (bytes, bytearray)) or not data:
        raise FormError({FIELD: text.StudyStaff.IMAGE_NOT_PICTURE})
    if len(data) > MAX_BYTES:
        raise FormError({FIELD: text.StudyStaff.IMAGE_TOO_BIG})
    data = bytes(data)
    try:
        content_type, width, height = _picture(data)
    except ValueError:
        raise FormError({FIELD: text.StudyStaff.IMAGE_NOT_PICTURE}) from None
    digest = hashlib.sha256(data).hexdigest()
    existing = session.exec(select(StudyImage).where(StudyImage.sha256 == digest)).first()
    if existing is not None:
        return existing
    image = StudyImage(
        content_type=content_type,
        size=len(data),
        width=width,
        height=height,
        sha256=digest,
        data=data,
        uploaded_by_id=actor.account_id,
    )
    session.add(image)
    session.flush()
    name = filename if isinstance(filename, str) else ""
    audit.record(session, actor.account_id, action, "study_image", image.id, name)
    return image


def image_for_serving(session: Session, image_id: Any) -> StudyImage | None:
    """The picture to send for GET /study/image/<id>, or None for an unknown or bad id."""
    return records.fetch(session, StudyImage, image_id)


def markdown_for(image: StudyImage) -> str:
    """The Markdown line that shows the picture in a material (staff replace 图片说明)."""
    return f"![{text.StudyStaff.IMAGE_ALT}]({URL.format(id=image.id)})"
