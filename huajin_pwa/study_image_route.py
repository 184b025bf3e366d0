"""GET /study/image/<id>: a picture of a study material, served by the backend from the database.

The bytes were checked to be a JPEG, PNG, GIF or WEBP picture when staff uploaded them, and are
sent with that type only (nosniff), so a browser never treats them as a page or a script. A
picture never changes under its id, so browsers and the service worker may keep it for good.
"""

from starlette.requests import Request
from starlette.responses import Response

from huajin_pwa import db
from huajin_pwa.services import study_images

PATH = "/study/image/{image_id}"
CACHE_FOREVER = "public, max-age=31536000, immutable"


def study_image(request: Request) -> Response:
    """The picture's bytes with its type, or 404 for an unknown or malformed id (a plain function:
    Starlette runs it in a worker thread, so the database read does not hold up the server)."""
    raw = request.path_params.get("image_id", "")
    image_id = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 10 else None
    with db.transaction() as session:
        image = study_images.image_for_serving(session, image_id)
    if image is None:
        return Response(status_code=404, headers={"X-Content-Type-Options": "nosniff"})
    return Response(
        image.data,
        media_type=image.content_type,
        headers={
            "Cache-Control": CACHE_FOREVER,
            "X-Content-Type-Options": "nosniff",
            "Content-Disposition": "inline",
        },
    )
