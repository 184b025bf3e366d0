"""Pictures on the staff study form (StudyFormState.upload_image): stored once, their Markdown
line added to the body, refusals explained by the field, non-staff and junk refused."""

import json

import pytest
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import StudyImage, StudyVersion
from huajin_pwa.services import study_images
from huajin_pwa.states.study_staff_form import StudyFormState
from tests.unit import study_support as ss

from .helpers import JUNK, redirect_path, run_async, script, send, snapshot
from .study_staff_support import new_form, png, upload

T = text.StudyStaff
fixed_day = ss.fixed_day
pytestmark = pytest.mark.usefixtures("fixed_day")


# --- pictures -------------------------------------------------------------------------------


def test_a_picture_is_stored_and_its_line_added_to_the_body(client, staff):
    state = new_form(client, staff)
    result = upload(state, ("花.png", png()))
    with db.transaction() as session:
        [image] = session.exec(select(StudyImage)).all()
    assert state.image_note == T.IMAGE_ADDED and "image" not in state.errors
    assert json.dumps(f"![图片说明](/study/image/{image.id})") in script(result)
    assert "f-body" in script(result)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([("a.jpg", "不是图片的文字".encode())], T.IMAGE_NOT_PICTURE),
        ([("a.png", png() + b"\0" * (5 * 1024 * 1024))], T.IMAGE_TOO_BIG),
        ([("a.png", png()), ("b.png", png((1, 2, 3)))], T.IMAGE_ONE),
    ],
)
def test_refused_pictures_are_explained_by_the_field(client, staff, files, message):
    state = new_form(client, staff)
    before = snapshot()
    assert upload(state, *files) is None
    assert state.errors == {"image": message} and state.image_note == ""
    assert snapshot() == before


def test_no_file_changes_nothing(client, staff):
    """The browser refused the file itself (upload_refused explains): nothing to do here."""
    state = new_form(client, staff)
    send(state, "upload_refused", codes=[])
    before = snapshot()
    assert upload(state) is None
    assert state.errors == {"image": T.IMAGE_NOT_PICTURE} and snapshot() == before


def test_junk_instead_of_files(client, staff):
    state = new_form(client, staff)
    handler = type(state).event_handlers["upload_image"]
    before = snapshot()
    for junk in JUNK:
        run_async(handler.fn(state, files=junk))
        assert state.errors["image"] in (T.IMAGE_ONE, T.IMAGE_NOT_PICTURE)
    assert snapshot() == before


def test_only_staff_upload_pictures(client, member):
    state = client(StudyFormState, member, path="/staff/study/new")
    before = snapshot()
    assert redirect_path(upload(state, ("a.png", png()))) == "/"
    assert snapshot() == before


def test_the_phone_refusing_a_file_is_explained(client, staff):
    state = new_form(client, staff)
    send(state, "upload_refused", codes=["file-too-large"])
    assert state.errors == {"image": T.IMAGE_TOO_BIG}
    send(state, "upload_refused", codes=["file-invalid-type"])
    assert state.errors == {"image": T.IMAGE_NOT_PICTURE}
    send(state, "upload_refused", codes=["too-many-files", "file-too-large"])
    assert state.errors == {"image": T.IMAGE_ONE}
    for junk in [*JUNK, [{"errors": 5}], [5, None]]:
        send(state, "upload_refused", codes=junk)
        assert state.errors == {"image": T.IMAGE_NOT_PICTURE}


def test_markdown_for_matches_the_route(run, staff):
    image = run(study_images.upload_image, staff, "a.png", png())
    assert study_images.markdown_for(image).endswith(f"(/study/image/{image.id})")
    with db.transaction() as session:
        assert session.exec(select(StudyVersion)).all() == []
