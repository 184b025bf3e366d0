"""节日慰问: staff start a holiday-care campaign, one task per member it covers; progress by
grid; the tasks left unfinished."""

from datetime import timedelta

import pytest

from huajin_pwa import present, text
from huajin_pwa.models import Campaign, Visit
from huajin_pwa.models.base import utcnow
from huajin_pwa.services import campaigns, visit_work
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied
from tests.unit import visit_support as vs
from tests.unit.visit_support import JUNK, TODAY, days, field_errors, refused

world = vs.world

FORM = {"name": "端午慰问", "starts_on": days(0), "ends_on": days(20), "audience": "all"}


@pytest.fixture
def people(world):
    """Who each audience covers: account ids by name (pending and rejected disclosures too)."""
    found = {
        "周凤兰": world.member,
        "刘玉珍": world.neighbour,
        "马兰芳": vs.add_member("马兰芳", difficulty=True),
        "钱五": vs.add_member("钱五", mobility=True),
        "冯九": vs.add_member("冯九", grid=2, difficulty=True, mobility=True),
        "吴七": vs.add_member("吴七", difficulty=True, mobility=True, status="pending"),
        "郑八": vs.add_member("郑八", difficulty=True, mobility=True, status="rejected"),
    }
    return {name: actor.account_id for name, actor in found.items()}


def start(run, actor, **changes) -> Campaign:
    return run(campaigns.create_campaign, actor, {**FORM, **changes})


def tasks(campaign_id: int) -> list[Visit]:
    return [visit for visit in vs.rows(Visit) if visit.campaign_id == campaign_id]


AUDIENCES = {
    "all": ({"周凤兰", "马兰芳", "钱五"}, {"刘玉珍", "冯九"}),
    "difficulty": ({"马兰芳"}, {"冯九"}),
    "mobility": ({"钱五"}, {"冯九"}),
    "grid": ({"周凤兰", "马兰芳", "钱五"}, set()),
}


@pytest.mark.parametrize("audience", AUDIENCES)
def test_a_campaign_makes_one_task_per_covered_member(run, world, people, audience):
    made = start(run, world.staff, name=" 端午慰问 ", audience=audience, grid=str(world.grid1))
    grid1, grid2 = AUDIENCES[audience]
    expected = {(people[name], world.grid1) for name in grid1} | {
        (people[name], world.grid2) for name in grid2
    }
    found = tasks(made.id)
    assert {(task.member_id, task.grid_id) for task in found} == expected
    assert len(found) == len(expected) == vs.load(Campaign, made.id).task_count
    for task in found:
        assert (task.source, task.reason, task.status, task.version) == (
            "campaign",
            "holiday",
            "received",
            1,
        )
        assert (task.created_by_id, task.visitor_id, task.wish_day) == (
            world.staff.account_id,
            None,
            None,
        )
        assert abs(task.created_at - utcnow()) < timedelta(minutes=5)
    row = vs.load(Campaign, made.id)
    assert (row.name, row.starts_on, row.ends_on, row.audience) == (
        "端午慰问",
        TODAY,
        TODAY + timedelta(days=20),
        audience,
    )
    assert row.audience_grid_id == (world.grid1 if audience == "grid" else None)
    title = text.Campaign.TASKS_TITLE.format(name="端午慰问")
    for secretary, names in ((world.secretary, grid1), (world.colleague, grid1),
                             (world.other_secretary, grid2)):  # fmt: skip
        told = vs.messages_to(secretary.account_id, title)
        assert [message.body for message in told] == [
            text.Campaign.TASKS_BODY.format(
                name="端午慰问",
                count=len(names),
                end=present.date_label(TODAY + timedelta(days=20)),
            )
        ][: 1 if names else 0]
    [entry] = vs.audits("campaign_created")
    assert (entry.actor_id, entry.target_id, entry.detail) == (
        world.staff.account_id,
        made.id,
        "端午慰问",
    )


def test_a_campaign_may_start_up_to_90_days_back_and_last_90_days(run, world, people, admin):
    start(run, world.staff, starts_on=days(-90), ends_on=days(0))
    start(run, admin, starts_on=days(365), ends_on=days(455))
    assert [row.task_count for row in vs.rows(Campaign)] == [5, 5]


BAD = [
    ({"name": ""}, {"name": text.Campaign.NAME_INVALID}),
    ({"name": "慰"}, {"name": text.Campaign.NAME_INVALID}),
    ({"name": "慰" * 31}, {"name": text.Campaign.NAME_INVALID}),
    ({"starts_on": ""}, {"starts_on": text.Campaign.START_INVALID}),
    ({"starts_on": "春节"}, {"starts_on": text.Campaign.START_INVALID}),
    ({"starts_on": days(366), "ends_on": days(370)}, {"starts_on": text.Campaign.START_RANGE}),
    ({"starts_on": days(-91)}, {"starts_on": text.Campaign.START_RANGE}),
    ({"ends_on": days(-1)}, {"ends_on": text.Campaign.END_INVALID}),
    ({"ends_on": None}, {"ends_on": text.Campaign.END_INVALID}),
    ({"starts_on": days(10), "ends_on": days(9)}, {"ends_on": text.Campaign.END_INVALID}),
    ({"ends_on": days(91)}, {"ends_on": text.Campaign.SPAN_LONG}),
    ({"audience": "everyone"}, {"audience": text.Campaign.AUDIENCE_INVALID}),
    ({"audience": ["all"]}, {"audience": text.Campaign.AUDIENCE_INVALID}),
    ({"audience": "grid"}, {"grid": text.Campaign.GRID_MISSING}),
    *[({"audience": "grid", "grid": grid}, {"grid": text.Campaign.GRID_MISSING})
      for grid in ("999", "abc", "-1", "１", "1.0", "", [], 2**40)],
]  # fmt: skip


@pytest.mark.parametrize(("changes", "errors"), BAD)
def test_a_bad_campaign_is_refused_with_no_campaign_and_no_tasks(
    run, world, people, changes, errors
):
    assert field_errors(run, campaigns.create_campaign, world.staff, {**FORM, **changes}) == errors


def test_a_crafted_campaign_form_is_refused(run, world, people):
    for junk in JUNK:
        refused(FormError, run, campaigns.create_campaign, world.staff, junk)


def test_a_campaign_covering_nobody_saves_nothing(run, world):
    error = refused(DomainError, run, campaigns.create_campaign, world.staff,
                    {**FORM, "audience": "difficulty"})  # fmt: skip
    assert error.message == text.Campaign.NOBODY


def test_only_staff_start_campaigns(run, world, people):
    for actor in (world.secretary, world.member):
        error = refused(PermissionDenied, run, campaigns.create_campaign, actor, FORM)
        assert error.message == text.Err.NO_PERMISSION
    refused(NotSignedIn, run, campaigns.create_campaign, None, FORM)


# --- progress, unfinished, the list ----------------------------------------------------------


@pytest.fixture
def halfway(run, world, people) -> int:
    """A campaign for everyone: two grid-1 tasks done, one planned, one grid-2 task declined."""
    made = start(run, world.staff)
    task_of = {task.member_id: task.id for task in tasks(made.id)}
    for task_id in task_of.values():
        vs.set_created(task_id, TODAY)
    for name in ("周凤兰", "马兰芳"):
        form = {"visited_on": days(0), "outcome": "送去粽子和慰问信"}
        run(visit_work.record_done, world.secretary, task_of[people[name]], 1, form)
    form = {"day": days(3), "part": "am", "visitor": ""}
    run(visit_work.schedule, world.colleague, task_of[people["钱五"]], 1, form)
    run(visit_work.decline, world.other_secretary, task_of[people["冯九"]], 1, "本人住院")
    return made.id


def test_a_task_of_a_campaign_started_earlier_records_visits_from_its_start(run, world, people):
    made = start(run, world.staff, starts_on=days(-10))
    task = next(task for task in tasks(made.id) if task.member_id == people["周凤兰"])
    vs.set_created(task.id, TODAY)  # set up today, for a campaign that began ten days ago
    form = {"visited_on": days(-11), "outcome": "送去月饼"}
    errors = field_errors(run, visit_work.record_done, world.secretary, task.id, 1, form)
    assert errors == {"visited_on": text.VisitWork.VISITED_BEFORE_REQUEST}
    run(visit_work.record_done, world.secretary, task.id, 1, {**form, "visited_on": days(-10)})
    assert vs.load(Visit, task.id).visited_on == TODAY - timedelta(days=10)


def test_progress_by_grid(run, world, halfway):
    found = run(campaigns.progress, world.staff, halfway)
    assert found.by_grid == [("第一网格", 2, 3), ("第二网格", 0, 2)]
    assert (found.done, found.total, found.ended, found.campaign.id) == (2, 5, False, halfway)


def test_a_campaign_has_ended_after_its_last_day(run, world, halfway):
    world.move(TODAY + timedelta(days=20))
    assert run(campaigns.progress, world.staff, halfway).ended is False
    world.move(TODAY + timedelta(days=21))
    assert run(campaigns.progress, world.staff, halfway).ended is True


def test_unfinished_lists_only_open_tasks(run, world, people, halfway):
    page = run(campaigns.unfinished, world.staff, halfway)
    assert [(visit.member_id, name, grid) for visit, name, _phone, grid in page.rows] == [
        (people["钱五"], "钱五", "第一网格"),
        (people["刘玉珍"], "刘玉珍", "第二网格"),
    ]
    assert page.rows[1][2] == world.neighbour.phone
    assert page.total == 2


def test_campaigns_newest_first_with_tasks_done(run, world, halfway):
    later = start(run, world.staff, name="中秋慰问", starts_on=days(30), ends_on=days(40))
    page = run(campaigns.campaign_list, world.staff)
    assert [(campaign.id, done) for campaign, done in page.rows] == [(later.id, 0), (halfway, 2)]


def test_campaign_pages_are_staffs_only(run, world, halfway):
    for service, args in ((campaigns.campaign_list, ()), (campaigns.progress, (halfway,)),
                          (campaigns.unfinished, (halfway,))):  # fmt: skip
        for actor in (world.secretary, world.member):
            refused(PermissionDenied, run, service, actor, *args)
        refused(NotSignedIn, run, service, None, *args)


@pytest.mark.parametrize("service", [campaigns.progress, campaigns.unfinished])
def test_a_crafted_campaign_id_is_not_found(run, world, halfway, service):
    for junk in (*JUNK, 0, 999_999):
        assert refused(DomainError, run, service, world.staff, junk).message == text.Err.NOT_FOUND
