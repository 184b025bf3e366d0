"""Pictures for the study materials: only real JPEG/PNG/GIF/WEBP pictures of at most 5 MB, by
staff, kept once; served by GET /study/image/<id>. Every refusal leaves the database as it was."""

import hashlib
import struct
import zlib
from io import BytesIO

import pytest
from PIL import Image
from sqlmodel import select
from starlette.testclient import TestClient

from huajin_pwa import db, pwa, text
from huajin_pwa.models import AuditEntry, StudyImage
from huajin_pwa.services import study_images
from huajin_pwa.services.errors import FormError, NotSignedIn, PermissionDenied
from tests.conftest import make_actor
from tests.states.helpers import snapshot

T = text.StudyStaff


def picture(kind: str = "PNG", size=(4, 3), colour=(200, 20, 30)) -> bytes:
    """A real little picture made with Pillow."""
    out = BytesIO()
    mode = "P" if kind == "GIF" else "RGB"
    Image.new("RGB", size, colour).convert(mode).save(out, format=kind)
    return out.getvalue()


def big_png(width: int, height: int) -> bytes:
    """A valid PNG header (and a tiny compressed body) claiming width x height pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    body = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


def refused(run, who, data, message, filename="a.jpg"):
    before = snapshot()
    with pytest.raises(FormError) as caught:
        run(study_images.upload_image, who, filename, data)
    assert caught.value.errors == {"image": message}
    assert snapshot() == before


@pytest.mark.parametrize(
    ("kind", "content_type"),
    [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("GIF", "image/gif"), ("WEBP", "image/webp")],
)
def test_staff_upload_a_picture(run, staff, kind, content_type):
    data = picture(kind, (5, 7))
    image = run(study_images.upload_image, staff, "照片.img", data)
    with db.transaction() as session:
        row = session.get(StudyImage, image.id)
        audit = session.exec(select(AuditEntry)).all()
    assert (row.content_type, row.width, row.height, row.size) == (content_type, 5, 7, len(data))
    assert row.data == data and row.sha256 == hashlib.sha256(data).hexdigest()
    assert row.uploaded_by_id == staff.account_id
    assert [(a.action, a.target_id, a.actor_id, a.detail) for a in audit] == [
        ("study_image_uploaded", image.id, staff.account_id, "照片.img")
    ]
    assert study_images.markdown_for(row) == f"![图片说明](/study/image/{image.id})"


def test_an_admin_may_upload_too(run, admin):
    assert run(study_images.upload_image, admin, "a.png", picture()).id


def test_the_same_picture_twice_is_kept_once(run, staff, session):
    first = run(study_images.upload_image, staff, "a.png", picture())
    before = snapshot()
    again = run(study_images.upload_image, staff, "copy.png", picture())
    assert again.id == first.id
    assert snapshot() == before  # no second row, no second audit entry
    other = run(study_images.upload_image, staff, "b.png", picture(colour=(0, 0, 0)))
    assert other.id != first.id


def test_a_text_file_named_jpg_is_refused(run, staff):
    refused(run, staff, "这不是图片，是一段文字。".encode(), T.IMAGE_NOT_PICTURE)


def test_a_cut_off_picture_is_refused(run, staff):
    whole = picture("JPEG", (64, 64))
    refused(run, staff, whole[: len(whole) // 2], T.IMAGE_NOT_PICTURE)
    png = picture("PNG", (64, 64))
    refused(run, staff, png[: len(png) - 20], T.IMAGE_NOT_PICTURE, "a.png")


def test_an_svg_is_refused(run, staff):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    refused(run, staff, svg, T.IMAGE_NOT_PICTURE, "a.svg")


def test_other_picture_formats_are_refused(run, staff):
    refused(run, staff, picture("BMP"), T.IMAGE_NOT_PICTURE, "a.bmp")
    refused(run, staff, picture("TIFF"), T.IMAGE_NOT_PICTURE, "a.tif")


def test_a_picture_over_5_mb_is_refused(run, staff):
    refused(run, staff, picture() + b"\x00" * (5 * 1024 * 1024), T.IMAGE_TOO_BIG)


def test_exactly_5_mb_is_allowed(run, staff):
    data = picture("PNG", (8, 8))
    padded = data + b"\x00" * (study_images.MAX_BYTES - len(data))  # after IEND: ignored
    assert run(study_images.upload_image, staff, "a.png", padded).size == study_images.MAX_BYTES


def test_a_decompression_bomb_is_refused(run, staff):
    refused(run, staff, big_png(100_000, 100_000), T.IMAGE_NOT_PICTURE, "bomb.png")
    refused(run, staff, big_png(8000, 8000), T.IMAGE_NOT_PICTURE, "big.png")  # over MAX_PIXELS


@pytest.mark.parametrize("junk", [None, "", b"", "文字", 5, ["a"], {"a": 1}])
def test_junk_data_is_refused(run, staff, junk):
    refused(run, staff, junk, T.IMAGE_NOT_PICTURE)


def test_only_staff_upload(run, session, staff, secretary, member):
    before = snapshot()
    for who in (secretary, member):
        with pytest.raises(PermissionDenied):
            run(study_images.upload_image, who, "a.png", picture())
    with pytest.raises(NotSignedIn):
        run(study_images.upload_image, None, "a.png", picture())
    assert snapshot() == before


def test_the_permission_is_checked_before_the_file(run, community, session):
    leader = make_actor(session, "13900000009", "周强", roles=["leader"])
    with pytest.raises(PermissionDenied):
        run(study_images.upload_image, leader, "a.txt", b"not a picture")


# --- the route ------------------------------------------------------------------------------


@pytest.fixture
def client(engine):
    with TestClient(pwa.api_app()) as client:
        yield client


def test_the_route_serves_the_bytes(run, staff, client):
    data = picture("JPEG", (10, 10))
    image = run(study_images.upload_image, staff, "a.jpg", data)
    response = client.get(f"/study/image/{image.id}")
    assert response.status_code == 200 and response.content == data
    assert response.headers["content-type"] == "image/jpeg"
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path", ["99", "0", "-1", "abc", "1.5", "9" * 40, "%D9%A1", "1%20", "1/extra"]
)
def test_the_route_answers_404_for_unknown_or_bad_ids(run, staff, client, path):
    run(study_images.upload_image, staff, "a.png", picture())
    assert client.get(f"/study/image/{path}").status_code == 404


def test_the_route_only_reads(run, staff, client):
    image = run(study_images.upload_image, staff, "a.png", picture())
    assert client.post(f"/study/image/{image.id}").status_code == 405
    assert client.delete(f"/study/image/{image.id}").status_code == 405
