"""Shared by the staff study state tests: a good material form, the form and edit pages
opened for a client, submitting, the weeks written, and a picture upload."""

from io import BytesIO
from pathlib import Path

import reflex as rx
from PIL import Image
from sqlmodel import select

from huajin_pwa import db
from huajin_pwa.models import StudyWeek
from huajin_pwa.states.study_staff_form import StudyFormState
from tests.unit import study_support as ss
from tests.unit.study_support import week

from .helpers import form, run_async, send

EDIT_ROUTE = "/staff/study/[week_id]"


def good(**changes) -> dict[str, str]:
    return {**ss.form(week(1)), **changes}


def new_form(client, who) -> StudyFormState:
    state = client(StudyFormState, who, path="/staff/study/new")
    send(state, "load_new")
    return state


def edit_form(client, who, week_id, query: str = "") -> StudyFormState:
    state = client(
        StudyFormState,
        who,
        path=f"/staff/study/{week_id}{query}",
        route=EDIT_ROUTE,
        params={"week_id": str(week_id)},
    )
    send(state, "load_edit")
    return state


def submit(state, intent: str, **fields):
    return send(state, "submit", form=form(**fields), intent=intent)


def weeks() -> list[StudyWeek]:
    with db.transaction() as session:
        return list(session.exec(select(StudyWeek).order_by(StudyWeek.id)).all())


def png(colour=(10, 120, 30)) -> bytes:
    out = BytesIO()
    Image.new("RGB", (6, 4), colour).save(out, format="PNG")
    return out.getvalue()


def upload(state, *files: tuple[str, bytes]):
    handler = type(state).event_handlers["upload_image"]
    chosen = [rx.UploadFile(file=BytesIO(data), path=Path(name)) for name, data in files]
    return run_async(handler.fn(state, files=chosen))
