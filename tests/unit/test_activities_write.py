"""Leaders and staff create, change and cancel activities: every rule and refusal, each refusal
leaving the database as it was; two editors at once; pictures."""

from datetime import UTC, datetime, timedelta

import pytest

from huajin_pwa import text
from huajin_pwa.services import activities, study_images
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied
from tests.conftest import make_actor
from tests.states.helpers import JUNK
from tests.unit import activity_write_support as aw
from tests.unit.activity_write_support import NOW, good, made, png, refused

T = text.ActivityForm
world = aw.world
fixed_clock = aw.fixed_clock


# --- creating --------------------------------------------------------------------------------


def test_a_leader_creates_an_activity_for_a_team_they_lead(run, world):
    activity = made(run, world)
    row = aw.load(activity.id)
    assert (row.team_id, row.kind, row.title, row.place) == (
        world.crew.id,
        "service",
        "老红帽路口引导",
        "华锦社区南门路口",
    )
    # 09:00-11:00 in Wuhan is 01:00-03:00 UTC
    assert row.starts_at.replace(tzinfo=UTC) == datetime(2026, 6, 11, 1, 0, tzinfo=UTC)
    assert row.ends_at.replace(tzinfo=UTC) == datetime(2026, 6, 11, 3, 0, tzinfo=UTC)
    assert (row.capacity, row.seats_taken, row.audience, row.status, row.version) == (
        20,
        0,
        "public",
        "open",
        1,
    )
    assert len(row.token) == 43 and row.created_by_id == world.leader.account_id
    assert row.picture_id is None
    [entry] = aw.audits("activity_created")
    assert (entry.actor_id, entry.target_id) == (world.leader.account_id, activity.id)
    assert activities.answers_of(row) == good(world.crew)


def test_each_activity_gets_its_own_token(run, world):
    first, second = made(run, world), made(run, world, title="老红帽敬老院探访")
    assert aw.load(first.id).token != aw.load(second.id).token


def test_staff_may_create_for_any_team_or_none(run, world, staff):
    other = run(activities.create, staff, good(world.other))
    community = run(activities.create, staff, good(None, audience="members"))
    assert aw.load(other.id).team_id == world.other.id
    assert (aw.load(community.id).team_id, aw.load(community.id).audience) == (None, "members")


def test_what_the_form_offers(run, world, staff):
    led = run(activities.choices, world.leader)
    assert led.teams == [[str(world.troupe.id), "华锦艺术团"], [str(world.crew.id), "老红帽"]]
    assert led.community is False
    office = run(activities.choices, staff)
    assert [name for _id, name in office.teams] == ["华锦艺术团", "老红帽", "爱之翼"]
    assert office.community is True
    refused(run, PermissionDenied, activities.choices, world.plain)
    refused(run, NotSignedIn, activities.choices, None)


def test_answers_are_trimmed_and_a_full_width_colon_accepted(run, world):
    activity = made(run, world, title="  老红帽路口引导 ", starts="09：30", capacity=" 5 ")
    row = aw.load(activity.id)
    assert (row.title, row.capacity) == ("老红帽路口引导", 5)
    assert row.starts_at.replace(tzinfo=UTC) == datetime(2026, 6, 11, 1, 30, tzinfo=UTC)


def test_an_activity_later_today_is_fine(run, world):
    activity = made(run, world, day="2026-06-10", starts="10:30", ends="11:00")
    assert aw.load(activity.id).starts_at.replace(tzinfo=UTC) == NOW + timedelta(minutes=30)


BAD_ANSWERS = [
    ({"ends": "08:00"}, {"ends": T.END_BEFORE_START}),
    ({"ends": "09:00"}, {"ends": T.END_BEFORE_START}),
    ({"day": "2026-06-10", "starts": "09:59", "ends": "11:00"}, {"starts": T.START_PAST}),
    ({"day": "2026-06-10", "starts": "10:00", "ends": "11:00"}, {"starts": T.START_PAST}),
    ({"day": "2026-06-09"}, {"day": T.DAY_PAST}),
    ({"day": "2027-06-12"}, {"day": T.DAY_FAR}),
    ({"day": "2026-02-30"}, {"day": T.DAY_INVALID}),
    ({"day": ""}, {"day": T.DAY_INVALID}),
    ({"day": "", "ends": "08:00"}, {"day": T.DAY_INVALID, "ends": T.END_BEFORE_START}),
    ({"starts": "", "ends": "08:00"}, {"starts": T.TIME_INVALID}),
    ({"starts": "25:00"}, {"starts": T.TIME_INVALID}),
    ({"starts": "9点"}, {"starts": T.TIME_INVALID}),
    ({"ends": "11:00:00"}, {"ends": T.TIME_INVALID}),
    ({"capacity": "0"}, {"capacity": T.CAPACITY_INVALID}),
    ({"capacity": "1001"}, {"capacity": T.CAPACITY_INVALID}),
    ({"capacity": "abc"}, {"capacity": T.CAPACITY_INVALID}),
    ({"capacity": "2.5"}, {"capacity": T.CAPACITY_INVALID}),
    ({"capacity": "-3"}, {"capacity": T.CAPACITY_INVALID}),
    ({"capacity": "１０"}, {"capacity": T.CAPACITY_INVALID}),
    ({"capacity": ""}, {"capacity": T.CAPACITY_INVALID}),
    ({"kind": "party"}, {"kind": T.KIND_INVALID}),
    ({"audience": "everyone"}, {"audience": T.AUDIENCE_INVALID}),
    ({"title": "引"}, {"title": T.TITLE_INVALID}),
    ({"title": "引" * 31}, {"title": T.TITLE_INVALID}),
    ({"place": "门"}, {"place": T.PLACE_INVALID}),
    ({"place": "门" * 61}, {"place": T.PLACE_INVALID}),
    ({"description": "字" * 1001}, {"description": T.DESCRIPTION_INVALID}),
    ({"team": ""}, {"team": T.TEAM_MISSING}),
    ({"team": "abc"}, {"team": T.TEAM_MISSING}),
    ({"team": "99999"}, {"team": T.TEAM_MISSING}),
    (
        {"capacity": "0", "ends": "08:00", "title": ""},
        {"title": T.TITLE_INVALID, "ends": T.END_BEFORE_START, "capacity": T.CAPACITY_INVALID},
    ),
]


@pytest.mark.parametrize(("changes", "errors"), BAD_ANSWERS)
def test_bad_answers_are_refused_by_their_field(run, world, changes, errors):
    error = refused(run, FormError, activities.create, world.leader, good(world.crew, **changes))
    assert error.errors == errors
    assert list(error.errors) == list(errors)  # in the order of the form


def test_capacity_of_1_and_1000_and_1000_characters_are_fine(run, world):
    for capacity in ("1", "1000"):
        made(run, world, capacity=capacity, description="字" * 1000)


def test_a_leader_may_not_choose_a_team_they_do_not_lead(run, world):
    for team in (world.other, world.stopped):
        error = refused(run, FormError, activities.create, world.leader, good(team))
        assert error.errors["team"] in (T.NOT_YOUR_TEAM, T.TEAM_MISSING)
    error = refused(run, FormError, activities.create, world.leader, good(world.other))
    assert error.errors == {"team": T.NOT_YOUR_TEAM}


def test_people_who_lead_nothing_may_not_create(run, world, member, secretary):
    for who in (world.plain, member, secretary):
        error = refused(run, PermissionDenied, activities.create, who, good(world.crew))
        assert error.message == T.NOT_ORGANISER
    refused(run, NotSignedIn, activities.create, None, good(world.crew))


def test_a_leader_of_a_stopped_team_only_leads_nothing(run, world, session):
    former = make_actor(session, "13900000007", "郑国华", roles=["member", "leader"])
    from huajin_pwa.models import TeamMember

    session.add(
        TeamMember(
            team_id=world.stopped.id, account_id=former.account_id, status="active", role="leader"
        )
    )
    session.commit()
    refused(run, PermissionDenied, activities.create, former, good(world.stopped))


@pytest.mark.parametrize("junk", JUNK)
def test_junk_instead_of_a_form(run, world, junk):
    refused(run, FormError, activities.create, world.leader, junk)


def test_junk_inside_a_form(run, world):
    for junk in JUNK:
        form = {name: junk for name in activities.FIELDS}
        refused(run, FormError, activities.create, world.leader, form)


# --- pictures ----------------------------------------------------------------------------------


def test_a_leader_uploads_a_picture_and_the_activity_shows_it(run, world):
    image = run(activities.upload_picture, world.leader, "花.png", png())
    activity = run(activities.create, world.leader, good(world.crew), image.id)
    assert aw.load(activity.id).picture_id == image.id
    assert activities.picture_url(image.id) == f"/study/image/{image.id}"
    [entry] = aw.audits("activity_picture_uploaded")
    assert entry.actor_id == world.leader.account_id


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("不是图片的文字".encode(), text.StudyStaff.IMAGE_NOT_PICTURE),
        (png() + b"\0" * (5 * 1024 * 1024), text.StudyStaff.IMAGE_TOO_BIG),
        (b"", text.StudyStaff.IMAGE_NOT_PICTURE),
        (png()[:30], text.StudyStaff.IMAGE_NOT_PICTURE),
        ("a string", text.StudyStaff.IMAGE_NOT_PICTURE),
    ],
)
def test_bad_pictures_are_refused(run, world, data, message):
    error = refused(run, FormError, activities.upload_picture, world.leader, "a.png", data)
    assert error.errors == {"image": message}


def test_only_leaders_and_staff_upload_activity_pictures(run, world, staff):
    refused(run, PermissionDenied, activities.upload_picture, world.plain, "a.png", png())
    refused(run, NotSignedIn, activities.upload_picture, None, "a.png", png())
    assert run(activities.upload_picture, staff, "a.png", png()).id
    # the study pictures stay staff-only
    refused(run, PermissionDenied, study_images.upload_image, world.leader, "a.png", png())


@pytest.mark.parametrize("picture", [99999, "abc", -1, 2.5, [1], {"a": 1}, "9" * 40])
def test_an_unknown_picture_is_refused(run, world, picture):
    error = refused(run, FormError, activities.create, world.leader, good(world.crew), picture)
    assert error.errors == {"image": T.PICTURE_MISSING}


# --- changing --------------------------------------------------------------------------------


def test_the_leader_changes_the_place_and_the_version_moves_on(run, world):
    activity = made(run, world)
    image = run(activities.upload_picture, world.leader, "a.png", png())
    changed = run(
        activities.edit,
        world.leader,
        activity.id,
        1,
        good(world.troupe, place="社区活动室", ends="11:30"),
        image.id,
    )
    row = aw.load(activity.id)
    assert changed.version == row.version == 2
    assert (row.place, row.team_id, row.picture_id) == ("社区活动室", world.troupe.id, image.id)
    assert row.ends_at.replace(tzinfo=UTC) == datetime(2026, 6, 11, 3, 30, tzinfo=UTC)
    assert row.token == activity.token
    [entry] = aw.audits("activity_edited")
    assert (entry.actor_id, entry.target_id, entry.detail) == (
        world.leader.account_id,
        activity.id,
        "v2",
    )
    run(activities.edit, world.leader, activity.id, 2, good(world.troupe))  # picture removed
    assert aw.load(activity.id).picture_id is None


def test_staff_change_any_activity(run, world, staff):
    activity = made(run, world)
    run(activities.edit, staff, activity.id, 1, good(None, place="社区活动室"))
    assert (aw.load(activity.id).team_id, aw.load(activity.id).place) == (None, "社区活动室")


def test_a_stale_edit_is_refused_and_says_who_changed_it(run, world, staff):
    activity = made(run, world)
    run(activities.edit, staff, activity.id, 1, good(world.crew, place="社区活动室"))
    error = refused(
        run, DomainError, activities.edit, world.leader, activity.id, 1, good(world.crew)
    )
    assert error.message == T.STALE.format(name=staff.name)


@pytest.mark.parametrize("version", [None, "1", 1.0, True, 0, [1]])
def test_a_junk_version_is_stale(run, world, version):
    activity = made(run, world)
    error = refused(
        run, DomainError, activities.edit, world.leader, activity.id, version, good(world.crew)
    )
    assert error.message == T.STALE.format(name=world.leader.name)


@pytest.mark.parametrize("junk", [*JUNK, 99999, "99999"])
def test_junk_activity_ids_are_refused(run, world, junk):
    made(run, world)
    for service, args in [
        (activities.edit, (1, good(world.crew))),
        (activities.cancel, ()),
        (activities.for_edit, ()),
    ]:
        refused(run, DomainError, service, world.leader, junk, *args)


def test_only_the_teams_leader_or_staff_change_or_cancel(run, world, staff, session):
    activity = run(activities.create, staff, good(world.other))
    community = run(activities.create, staff, good(None))
    for found in (activity, community):
        for who in (world.leader, world.plain):
            refused(run, PermissionDenied, activities.edit, who, found.id, 1, good(world.crew))
            refused(run, PermissionDenied, activities.cancel, who, found.id)
        refused(run, NotSignedIn, activities.edit, None, found.id, 1, good(world.crew))
        refused(run, NotSignedIn, activities.cancel, None, found.id)


def test_bad_answers_on_an_edit_change_nothing(run, world):
    activity = made(run, world)
    for changes, errors in BAD_ANSWERS:
        error = refused(
            run,
            FormError,
            activities.edit,
            world.leader,
            activity.id,
            1,
            good(world.crew, **changes),
        )
        assert error.errors == errors
    error = refused(
        run, FormError, activities.edit, world.leader, activity.id, 1, good(world.other)
    )
    assert error.errors == {"team": T.NOT_YOUR_TEAM}


def test_nothing_changes_after_the_start(run, world, fixed_clock):
    activity = made(run, world)
    fixed_clock(datetime(2026, 6, 11, 1, 0, tzinfo=UTC))  # 09:00 tomorrow: it begins
    form = good(world.crew, day="2026-06-12")
    error = refused(run, DomainError, activities.edit, world.leader, activity.id, 1, form)
    assert error.message == T.STARTED
    assert refused(run, DomainError, activities.cancel, world.leader, activity.id).message == (
        T.STARTED
    )
    assert refused(run, DomainError, activities.for_edit, world.leader, activity.id).message == (
        T.STARTED
    )


def test_capacity_may_not_drop_below_the_seats_taken(run, world, member, staff):
    activity = made(run, world)
    for who in (world.plain, member, staff):
        aw.sign(activity, who)
    error = refused(
        run,
        FormError,
        activities.edit,
        world.leader,
        activity.id,
        1,
        good(world.crew, capacity="2"),
    )
    assert error.errors == {"capacity": T.CAPACITY_BELOW_TAKEN.format(count=3)}
    run(activities.edit, world.leader, activity.id, 1, good(world.crew, capacity="3"))
    assert aw.load(activity.id).capacity == 3
