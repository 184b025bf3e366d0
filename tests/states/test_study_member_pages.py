"""StudyReadingState (/study, /study/<week>): reading a week, 我已学习, the list of weeks; and the
study record on /me (MeState) and the 本周学习 card on the home page (HomeState)."""

import pytest
from sqlmodel import select

from huajin_pwa import db, present, text
from huajin_pwa.models import StudyRecord
from huajin_pwa.services import study, study_member
from huajin_pwa.states.home import HomeState
from huajin_pwa.states.me import MeState
from huajin_pwa.states.study_reading import StudyReadingState
from tests.unit import study_support as ss
from tests.unit.study_support import MONDAY, TODAY, count_queries, week, write

from .helpers import JUNK, script, send, snapshot

fixed_day = ss.fixed_day
pytestmark = pytest.mark.usefixtures("fixed_day")

P = text.StudyPage
S = text.Study


def records() -> list[tuple[int, int, str]]:
    with db.transaction() as session:
        rows = session.exec(select(StudyRecord).order_by(StudyRecord.id)).all()
    return [(r.member_id, r.week_id, r.how) for r in rows]


def study_page(client, who) -> tuple[StudyReadingState, object]:
    state = client(StudyReadingState, who, path="/study")
    return state, send(state, "load")


def week_page(client, who, key: str) -> tuple[StudyReadingState, object]:
    state = client(
        StudyReadingState, who, path=f"/study/{key}", route="/study/[week]", params={"week": key}
    )
    return state, send(state, "load_week")


@pytest.fixture
def weeks(run, staff):
    """This week (本周的材料), two past weeks, and next week written ahead (not published)."""
    return {
        0: write(run, staff, MONDAY, title="本周的材料"),
        -1: write(run, staff, week(-1), title="上周的材料"),
        -2: write(run, staff, week(-2), title="两周前的材料"),
        1: write(run, staff, week(1), title="下周的材料"),
    }


# --- reading ---------------------------------------------------------------------------------


def test_study_shows_this_weeks_material_first_in_full(client, member, weeks):
    state, result = study_page(client, member)
    assert (state.ready, state.blocked, state.found, state.missing) == (True, "", True, "")
    assert state.title == "本周的材料" and state.this_week
    assert state.kicker == f"{P.THIS_WEEK} · {P.WEEK_OF.format(day=present.date_label(MONDAY))}"
    assert state.points == ["从身边小事做起", "关心困难邻居", "按时参加组织生活"]
    assert state.questions == ["您在社区里帮过谁？", "您愿意参加哪支志愿队？"]
    assert "<strong>从身边小事做起</strong>" in state.body_html
    assert (state.studied, state.changed) == ("", False)
    assert state.print_href == f"/study/{MONDAY.isoformat()}/print"
    assert state.reflect_href == f"/study/{MONDAY.isoformat()}/reflect"
    js = script(result)  # the print page fetched for the service worker; readers checked
    assert f"('/study/{MONDAY.isoformat()}/print')" in js and "huajinReaderCheck" in js
    assert [(row["title"], row["this_week"], row["status"]) for row in state.weeks] == [
        ("本周的材料", "1", P.NOT_STUDIED),
        ("上周的材料", "", P.NOT_STUDIED),
        ("两周前的材料", "", P.NOT_STUDIED),
    ]


def test_a_past_week_is_read_at_its_address(client, member, weeks):
    key = week(-1).isoformat()
    state, result = week_page(client, member, key)
    assert state.found and state.title == "上周的材料" and not state.this_week
    assert state.kicker.startswith(P.PAST_WEEK) and state.week_key == key
    assert state.weeks == []  # the list is on /study only
    assert f"('/study/{key}/print')" in script(result)


@pytest.mark.parametrize(
    "key",
    ["2026-06-01x", "2026-6-1", "2026-02-30", "abc", "", "0" * 300, "２０２６-０６-０１"]
    + [str(value) for value in JUNK],
)
def test_junk_week_addresses_say_so_kindly(client, member, weeks, key):
    state, result = week_page(client, member, key)
    assert (state.found, state.missing, state.week_key) == (False, S.UNKNOWN_WEEK, "")
    assert result is None
    assert state.title == "" and state.points == [] and state.body_html == ""


def test_unknown_and_unpublished_weeks_are_alike(client, run, staff, member, weeks):
    write(run, staff, week(2), publish_on=TODAY + ss.timedelta(days=20))
    for key in (week(-5).isoformat(), week(2).isoformat()):
        state, _ = week_page(client, member, key)
        assert (state.found, state.missing) == (False, S.UNKNOWN_WEEK)


def test_without_any_material_study_says_nothing_is_published(client, member):
    state, result = study_page(client, member)
    assert (state.found, state.missing, state.weeks) == (False, P.NOTHING_YET, [])
    assert result is None


# --- 我已学习 ----------------------------------------------------------------------------------


def test_marking_studied_twice_records_once_and_says_already(client, member, weeks):
    state, _ = study_page(client, member)
    send(state, "mark")
    assert (state.told, state.told_warn) == (S.MARKED.format(title="本周的材料"), False)
    assert state.studied == P.STUDIED_HOW.format(how="自学")
    assert state.weeks[0]["status"] == P.STUDIED_HOW.format(how="自学")
    assert records() == [(member.account_id, weeks[0].id, "self")]
    before = snapshot()
    send(state, "mark")
    assert (state.told, state.told_warn) == (S.ALREADY.format(title="本周的材料"), False)
    assert snapshot() == before


def test_marking_on_a_past_weeks_page_marks_that_week(client, member, weeks):
    state, _ = week_page(client, member, week(-2).isoformat())
    send(state, "mark")
    assert records() == [(member.account_id, weeks[-2].id, "self")]
    assert state.studied and state.title == "两周前的材料"


def test_marking_before_a_week_is_shown_changes_nothing(client, member, weeks):
    state = client(StudyReadingState, member, path="/study")
    before = snapshot()
    send(state, "mark")
    assert (state.told, state.told_warn) == (S.UNKNOWN_WEEK, True)
    assert snapshot() == before


def test_a_correction_after_studying_is_flagged(client, run, staff, member, weeks):
    state, _ = study_page(client, member)
    send(state, "mark")
    run(study.edit_week, staff, weeks[0].id, 1, {**ss.form(), "title": "本周的材料（修订）"})
    state, _ = study_page(client, member)
    assert state.changed and state.title == "本周的材料（修订）"
    assert state.weeks[0]["changed"] == "1" and state.weeks[1]["changed"] == ""


# --- who may ---------------------------------------------------------------------------------


def test_signed_out_visitors_are_told_to_sign_in_and_cannot_mark(client, weeks):
    state, result = study_page(client, None)
    assert (state.ready, state.blocked, state.found, result) == (True, "signin", False, None)
    assert state.title == "" and state.weeks == []
    before = snapshot()
    send(state, "mark")
    assert (state.told, state.told_warn) == (text.Err.NOT_SIGNED_IN, True)
    assert snapshot() == before


def test_a_pending_member_is_sent_to_me_and_a_resident_to_join(client, pending, resident, weeks):
    for who, where in ((pending.actor(), "me"), (resident.actor(), "join")):
        state, result = study_page(client, who)
        assert (state.blocked, state.found, state.title, result) == (where, False, "", None)
        state, _ = week_page(client, who, MONDAY.isoformat())
        assert (state.blocked, state.found) == (where, False)
        before = snapshot()
        send(state, "mark")
        assert (state.told, state.told_warn) == (S.MEMBER_ONLY, True)
        assert snapshot() == before


def test_a_forged_token_is_a_signed_out_visitor(client, weeks):
    state, _ = study_page(client, "forged-token")
    assert (state.blocked, state.found) == ("signin", False)


# --- the list of weeks -------------------------------------------------------------------------


def test_the_weeks_are_paged_on_the_server(client, run, staff, member):
    for n in range(12):
        write(run, staff, week(-n), title=f"第{n}周的材料")
    state, _ = study_page(client, member)
    assert (state.page, state.pages, len(state.weeks)) == (1, 2, 10)
    send(state, "go", delta=1)
    assert (state.page, [row["title"] for row in state.weeks]) == (
        2,
        ["第10周的材料", "第11周的材料"],
    )
    assert state.title == "第0周的材料"  # the material stays
    for junk in [value for value in JUNK if value not in (-1, 1)]:
        send(state, "go", delta=junk)
        assert state.page == 2
    send(state, "go", delta=-1)
    assert state.page == 1


def test_the_study_page_costs_the_same_queries_for_2_or_30_weeks(
    client, engine, run, staff, member
):
    def cost() -> int:
        state = client(StudyReadingState, member, path="/study")
        return count_queries(engine, lambda: send(state, "load"))[0]

    for n in range(2):
        write(run, staff, week(-n))
    few = cost()
    for n in range(2, 30):
        write(run, staff, week(-n))
    assert cost() == few


# --- /me and home ------------------------------------------------------------------------------


def test_the_study_record_on_me_counts_weeks_streak_and_how(client, run, member, weeks):
    with db.transaction() as session:
        study_member.record_study(session, member.account_id, weeks[-2], "home")
        study_member.record_study(session, member.account_id, weeks[-1], "night")
    state = client(MeState, member)
    send(state, "load")
    assert state.study_shown
    assert state.study_weeks == text.StudyRecordText.WEEKS.format(count=2)
    assert state.study_streak == text.StudyRecordText.STREAK.format(count=2)
    assert state.study_by_how == [
        "自学：0 周",
        "送学上门：1 周",
        "夜学补课：1 周",
        "支部集中学习：0 周",
    ]
    assert [(r["title"], r["how"]) for r in state.study_recent] == [
        ("上周的材料", "夜学补课"),
        ("两周前的材料", "送学上门"),
    ]
    page, _ = study_page(client, member)
    send(page, "mark")
    send(state, "load")
    assert state.study_weeks == text.StudyRecordText.WEEKS.format(count=3)
    assert state.study_recent[0]["how"] == "自学"


def test_me_shows_no_study_record_to_someone_not_yet_a_member(client, pending, weeks):
    state = client(MeState, pending.actor())
    send(state, "load")
    assert not state.study_shown and state.study_recent == []


def test_home_shows_whether_this_week_is_studied(client, member, pending, weeks):
    home = client(HomeState, member)
    send(home, "load")
    assert (home.study_title, home.study_status, home.study_done) == (
        "本周的材料",
        P.NOT_STUDIED,
        False,
    )
    page, _ = study_page(client, member)
    send(page, "mark")
    send(home, "load")
    assert (home.study_status, home.study_done) == (P.STUDIED_HOW.format(how="自学"), True)
    other = client(HomeState, pending.actor())
    send(other, "load")
    assert (other.study_title, other.study_status) == ("", "")
