"""The activity form's state (ActivityFormState): new and edit pages, saving, answers kept on
errors, pictures, a stale edit reloading the newest, cancelling after a confirmation; signed-out,
wrong-role and junk clients change nothing."""

from io import BytesIO
from pathlib import Path

import pytest
import reflex as rx
from sqlmodel import select

from huajin_pwa import db, text
from huajin_pwa.models import Activity
from huajin_pwa.services import activities
from huajin_pwa.states.activity_form import ActivityFormState
from tests.conftest import make_actor
from tests.unit import activity_write_support as aw
from tests.unit.activity_write_support import good, png

from .helpers import FOCUS_ERRORS, JUNK, form, redirect_path, run_async, script, send, snapshot

T = text.ActivityForm
world = aw.world
fixed_clock = aw.fixed_clock
EDIT_ROUTE = "/activities/[activity_id]/edit"


def new_form(client, who, query: str = "") -> ActivityFormState:
    state = client(ActivityFormState, who, path="/activities/new" + query)
    return state, send(state, "load_new")


def edit_form(client, who, activity_id) -> ActivityFormState:
    state = client(
        ActivityFormState,
        who,
        path=f"/activities/{activity_id}/edit",
        route=EDIT_ROUTE,
        params={"activity_id": str(activity_id)},
    )
    send(state, "load_edit")
    return state


def submit(state, **fields):
    return send(state, "submit", form=form(**fields))


def upload(state, *files: tuple[str, bytes]):
    handler = type(state).event_handlers["upload_picture"]
    chosen = [rx.UploadFile(file=BytesIO(data), path=Path(name)) for name, data in files]
    return run_async(handler.fn(state, files=chosen))


def rows() -> list[Activity]:
    with db.transaction() as session:
        return list(session.exec(select(Activity).order_by(Activity.id)).all())


# --- the new form ----------------------------------------------------------------------------


def test_a_leader_sees_the_teams_they_lead(client, world):
    state, result = new_form(client, world.leader)
    assert result is None and state.ready and not state.editing
    assert state.team_options == [
        [str(world.troupe.id), "华锦艺术团"],
        [str(world.crew.id), "老红帽"],
    ]
    assert not state.community and state.answers["team"] == ""
    assert state.answers["audience"] == "public" and state.day_min == "2026-06-10"


def test_the_team_in_the_address_is_chosen_when_the_leader_leads_it(client, world):
    state, _ = new_form(client, world.leader, f"?team={world.crew.id}")
    assert state.answers["team"] == str(world.crew.id)
    for query in (f"?team={world.other.id}", "?team=abc", "?team=-1", "?team=" + "9" * 30):
        state, _ = new_form(client, world.leader, query)
        assert state.ready and state.answers["team"] == ""


def test_staff_may_choose_any_team_or_none(client, world, staff):
    state, _ = new_form(client, staff)
    assert state.community and len(state.team_options) == 3


def test_who_may_not_open_the_form(client, world, member):
    state, result = new_form(client, None)
    assert redirect_path(result) == "/login" and not state.ready
    state, result = new_form(client, member)
    assert redirect_path(result) == "/" and not state.ready
    with db.transaction() as session:
        nobody = make_actor(session, "13900000009", "孙丽华", roles=["member", "leader"])
    state, result = new_form(client, nobody)  # holds the role, leads no active team
    assert result is None and not state.ready
    assert (state.notice, state.notice_warn) == (T.NOT_ORGANISER, True)


def test_saving_opens_the_activity_page(client, world):
    state, _ = new_form(client, world.leader)
    result = submit(state, **good(world.crew))
    [row] = rows()
    assert redirect_path(result) == f"/activities/{row.id}"
    assert (row.title, row.team_id, row.created_by_id) == (
        "老红帽路口引导",
        world.crew.id,
        world.leader.account_id,
    )


def test_errors_are_shown_by_their_fields_and_the_answers_kept(client, world):
    state, _ = new_form(client, world.leader)
    before = snapshot()
    answers = good(world.crew, ends="08:00", capacity="0")
    result = submit(state, **answers)
    assert script(result) == FOCUS_ERRORS
    assert state.errors == {"ends": T.END_BEFORE_START, "capacity": T.CAPACITY_INVALID}
    assert state.error_list == [["ends", T.END_BEFORE_START], ["capacity", T.CAPACITY_INVALID]]
    assert state.answers == answers
    assert snapshot() == before
    result = submit(state, **good(world.crew))  # fixed: saved
    assert redirect_path(result) == f"/activities/{rows()[0].id}" and state.errors == {}


def test_junk_forms_change_nothing(client, world):
    state, _ = new_form(client, world.leader)
    before = snapshot()
    for junk in JUNK:
        send(state, "submit", form=junk)
        assert state.errors
        submit(state, **{name: junk for name in activities.FIELDS})
        assert state.errors
    assert snapshot() == before


def test_signed_out_and_not_loaded_clients_save_nothing(client, world):
    state, _ = new_form(client, world.leader)
    state.token = ""
    fresh = client(ActivityFormState, world.leader, path="/activities/new")
    before = snapshot()
    assert redirect_path(submit(state, **good(world.crew))) == "/login"
    assert submit(fresh, **good(world.crew)) is None  # the form was never opened
    assert snapshot() == before


# --- pictures --------------------------------------------------------------------------------


def test_a_picture_is_shown_then_saved_with_the_activity(client, world):
    state, _ = new_form(client, world.leader)
    assert upload(state, ("花.png", png())) is None
    assert state.picture_url.startswith("/study/image/") and state.picture_note == T.PICTURE_ADDED
    submit(state, **good(world.crew))
    [row] = rows()
    assert state.picture_url == f"/study/image/{row.picture_id}"


def test_a_removed_picture_is_not_saved(client, world):
    state, _ = new_form(client, world.leader)
    upload(state, ("花.png", png()))
    send(state, "remove_picture")
    assert state.picture_url == ""
    submit(state, **good(world.crew))
    assert rows()[0].picture_id is None


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([("a.jpg", "不是图片的文字".encode())], text.StudyStaff.IMAGE_NOT_PICTURE),
        ([("a.png", png() + b"\0" * (5 * 1024 * 1024))], text.StudyStaff.IMAGE_TOO_BIG),
        ([("a.png", png()), ("b.png", png((1, 2, 3)))], text.StudyStaff.IMAGE_ONE),
    ],
)
def test_a_bad_picture_is_explained_by_the_field_and_in_the_summary(client, world, files, message):
    state, _ = new_form(client, world.leader)
    submit(state, **good(world.crew, ends="08:00"))
    before = snapshot()
    assert upload(state, *files) is None
    assert state.errors == {"ends": T.END_BEFORE_START, "image": message}
    assert ["image", message] in state.error_list and state.picture_url == ""
    assert state.answers["ends"] == "08:00"  # the other answers are kept
    assert snapshot() == before


def test_junk_instead_of_files_and_refusals_by_the_phone(client, world):
    state, _ = new_form(client, world.leader)
    handler = type(state).event_handlers["upload_picture"]
    before = snapshot()
    for junk in JUNK:
        run_async(handler.fn(state, files=junk))
        assert state.errors["image"] in (
            text.StudyStaff.IMAGE_ONE,
            text.StudyStaff.IMAGE_NOT_PICTURE,
        )
    send(state, "upload_refused", codes=["file-too-large"])
    assert state.errors["image"] == text.StudyStaff.IMAGE_TOO_BIG
    for junk in JUNK:
        send(state, "upload_refused", codes=junk)
        assert state.errors["image"] == text.StudyStaff.IMAGE_NOT_PICTURE
    assert snapshot() == before


def test_members_leading_nothing_upload_nothing(client, world, member):
    state = client(ActivityFormState, member, path="/activities/new")
    before = snapshot()
    assert redirect_path(upload(state, ("a.png", png()))) == "/"
    assert snapshot() == before


# --- editing and cancelling ------------------------------------------------------------------


def test_the_edit_form_shows_the_activity_and_saves_a_change(client, world, run):
    activity = aw.made(run, world)
    state = edit_form(client, world.leader, activity.id)
    assert state.ready and state.editing and state.activity_id == str(activity.id)
    assert state.answers == good(world.crew)
    result = submit(state, **good(world.crew, place="社区活动室"))
    assert redirect_path(result) == f"/activities/{activity.id}"
    assert (aw.load(activity.id).place, aw.load(activity.id).version) == ("社区活动室", 2)


def test_a_stale_edit_reloads_the_newest(client, world, run, staff):
    activity = aw.made(run, world)
    state = edit_form(client, world.leader, activity.id)
    run(activities.edit, staff, activity.id, 1, good(world.crew, place="南湖公园"))
    before = snapshot()
    assert submit(state, **good(world.crew, place="社区活动室")) is None
    assert state.notice == T.STALE.format(name=staff.name) and state.notice_warn
    assert state.answers["place"] == "南湖公园" and snapshot() == before
    submit(state, **good(world.crew, place="社区活动室"))  # now on the newest: saved
    assert aw.load(activity.id).place == "社区活动室"


@pytest.mark.parametrize("junk", ["x", "0", "-1", "99999", "9" * 40, "²", ""])
def test_junk_addresses_show_a_refusal(client, world, run, junk):
    aw.made(run, world)
    state = edit_form(client, world.leader, junk)
    assert not state.ready and state.notice == text.TeamWords.NO_ACTIVITY
    before = snapshot()
    assert submit(state, **good(world.crew)) is None
    send(state, "ask_cancel")
    send(state, "confirm_cancel")
    assert snapshot() == before


def test_another_teams_leader_may_not_edit(client, world, run, staff):
    activity = run(activities.create, staff, good(world.other))
    state = edit_form(client, world.leader, activity.id)
    assert not state.ready and state.notice == text.TeamWords.NOT_LEADER


def test_cancelling_needs_the_confirmation(client, world, run, member):
    activity = aw.made(run, world)
    aw.sign(activity, member)
    state = edit_form(client, world.leader, activity.id)
    before = snapshot()
    assert send(state, "confirm_cancel") is None and snapshot() == before  # not asked yet
    assert "cancel-question" in script(send(state, "ask_cancel"))
    assert state.confirming
    assert state.cancel_question == T.CANCEL_CONFIRM.format(title="老红帽路口引导", count=1)
    send(state, "keep")
    assert not state.confirming and snapshot() == before
    send(state, "ask_cancel")
    send(state, "confirm_cancel")
    assert aw.load(activity.id).status == "cancelled"
    assert state.notice == T.CANCELLED.format(title="老红帽路口引导", count=1)
    assert not state.ready and state.activity_id == str(activity.id)
    assert len(aw.messages()) == 1


def test_an_activity_that_began_cannot_be_edited(client, world, run, fixed_clock):
    activity = aw.made(run, world)
    state = edit_form(client, world.leader, activity.id)
    fixed_clock(aw.NOW.replace(day=11, hour=1))
    before = snapshot()
    assert submit(state, **good(world.crew, day="2026-06-12")) is None
    assert state.notice == T.STARTED and not state.ready
    assert snapshot() == before
