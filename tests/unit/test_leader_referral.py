"""以老带新 from the roster: a leader refers an undisclosed member of their team to staff, once
while the referral is open; people who disclosed, other teams' people and bad notes refused."""

import pytest
from sqlmodel import select

from huajin_pwa import text
from huajin_pwa.models import AuditEntry, Building, Disclosure, Referral
from huajin_pwa.services import leader, leader_referral, referral
from huajin_pwa.services.errors import DomainError, FormError, NotSignedIn, PermissionDenied
from tests.states.helpers import JUNK, snapshot
from tests.unit import test_leader
from tests.unit.team_support import add_member
from tests.unit.test_leader import person

T = text.Leader
teams = test_leader.teams
NOTE = "排练时她说起过老家的党支部"


@pytest.fixture
def resident(session, teams):
    """周凤兰: an account with no member role, active in 华锦艺术团; her TeamMember row."""
    return add_member(session, teams.troupe, person(session, "周凤兰").id)


def disclose(session, account_id: int, status: str = "pending", **home) -> Disclosure:
    row = Disclosure(account_id=account_id, status=status, name="周凤兰", **home)
    session.add(row)
    session.commit()
    return row


def test_a_leader_refers_an_undisclosed_team_member_with_their_home(
    run, session, teams, resident, community
):
    building = session.exec(select(Building).where(Building.number == 2)).one()
    disclose(session, resident.account_id, "draft")
    disclose(session, resident.account_id, building_id=building.id, unit=1, room="301")
    made = run(leader_referral.refer, teams.leader, resident.id, {"how_known": f"  {NOTE} "})
    assert (made.referrer_id, made.name, made.whereabouts, made.how_known, made.status) == (
        teams.leader.account_id,
        "周凤兰",
        "2栋1单元301室",
        NOTE,
        "new",
    )
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "leader_referral")).one()
    assert (entry.actor_id, entry.target_type, entry.target_id) == (
        teams.leader.account_id,
        "referral",
        made.id,
    )
    assert made.account_id == resident.account_id
    [line] = [r for r in run(leader.roster, teams.leader, teams.troupe.id).rows if not r.disclosed]
    assert line.referred is True
    [(listed, referrer)] = run(referral.staff_list, teams.staff).rows
    assert (listed.id, referrer) == (made.id, "张国华")


def test_without_a_home_on_file_the_team_says_where_to_find_them(run, teams, resident):
    made = run(leader_referral.refer, teams.leader, resident.id, {"how_known": NOTE})
    assert made.whereabouts == "华锦艺术团队员"


def test_the_candidate_is_named_with_their_team(run, teams, resident):
    found = run(leader_referral.candidate, teams.leader, resident.id)
    assert (found.name, found.team.name, found.member.id) == ("周凤兰", "华锦艺术团", resident.id)


def refused(run, actor, member_id, form, error=DomainError, message=None):
    before = snapshot()
    with pytest.raises(error) as caught:
        run(leader_referral.refer, actor, member_id, form)
    assert snapshot() == before
    if message is not None:
        assert caught.value.message == message
    return caught.value


def test_someone_who_has_disclosed_is_not_referred(run, session, teams):
    row = add_member(session, teams.troupe, teams.member.account_id)
    refused(run, teams.leader, row.id, {"how_known": NOTE}, message=T.ALREADY_MEMBER)


def test_people_outside_the_leaders_teams_are_refused(run, session, teams):
    elsewhere = add_member(session, teams.wings, person(session).id)
    refused(run, teams.leader, elsewhere.id, {"how_known": NOTE}, PermissionDenied)
    for status in ("pending", "left", "declined"):
        row = add_member(session, teams.red, person(session).id, status)
        refused(run, teams.leader, row.id, {"how_known": NOTE}, message=T.NOT_IN_TEAM)


def test_a_member_who_leads_nothing_or_nobody_signed_in_is_refused(run, teams, resident):
    refused(run, teams.member, resident.id, {"how_known": NOTE}, PermissionDenied)
    refused(run, None, resident.id, {"how_known": NOTE}, NotSignedIn)


@pytest.mark.parametrize("junk", [j for j in JUNK if type(j) is not int] + [0, -1, 10**6])
def test_junk_ids_are_refused(run, teams, resident, junk):
    refused(run, teams.leader, junk, {"how_known": NOTE}, message=T.NOT_IN_TEAM)


@pytest.mark.parametrize("note", ["", " 好 ", "长" * 201, None, ["a"], {"x": 1}])
def test_the_note_must_say_how_in_2_to_200_characters(run, teams, resident, note):
    error = refused(run, teams.leader, resident.id, {"how_known": note}, FormError)
    assert error.errors == {"how_known": T.HOW_KNOWN_INVALID}


def test_a_junk_form_is_a_form_error(run, teams, resident):
    for form in JUNK:
        refused(run, teams.leader, resident.id, form, FormError)


def test_one_open_referral_per_person(run, teams, resident):
    first = run(leader_referral.refer, teams.leader, resident.id, {"how_known": NOTE})
    refused(run, teams.leader, resident.id, {"how_known": NOTE}, message=T.ALREADY_REFERRED)
    with pytest.raises(DomainError, match=T.ALREADY_REFERRED):
        run(leader_referral.candidate, teams.leader, resident.id)
    # Staff are following her up already: nobody refers her again until that referral closes.
    refused(run, teams.staff, resident.id, {"how_known": NOTE}, message=T.ALREADY_REFERRED)
    run(referral.follow_up, teams.staff, first.id, "closed", "联系不上")
    again = run(leader_referral.refer, teams.leader, resident.id, {"how_known": NOTE})
    assert again.id != first.id


def test_a_referral_not_made_from_the_roster_does_not_block(run, session, teams, resident):
    session.add(
        Referral(
            referrer_id=teams.leader.account_id, name="周凤兰", whereabouts="2栋", how_known=NOTE
        )
    )
    session.commit()
    assert run(leader_referral.refer, teams.leader, resident.id, {"how_known": NOTE}).id
