"""Staff find a pending disclosure by part of the name or the phone; approval fixes the name."""

from huajin_pwa import db
from huajin_pwa.models import Disclosure
from huajin_pwa.services import approval


def names(page) -> list[str]:
    return [row.name for row, _grid in page.rows]


def test_search_by_name_part_or_phone(session, staff, join, fast_hashing):
    join.submitted("13700000101", name="张桂英")
    join.submitted("13700000102", name="李桂兰")
    join.submitted("13700000103", name="王建国")
    assert names(approval.pending_queue(session, staff, search="桂")) == ["张桂英", "李桂兰"]
    assert names(approval.pending_queue(session, staff, search="137 0000 0103")) == ["王建国"]
    assert names(approval.pending_queue(session, staff, search="  ")) == [
        "张桂英",
        "李桂兰",
        "王建国",
    ]


def test_search_is_text_not_a_pattern(session, staff, join, fast_hashing):
    join.submitted("13700000104", name="张桂英")
    for pattern in ("%", "_", "张%", "' OR 1=1 --", 5):
        assert names(approval.pending_queue(session, staff, search=pattern)) == []
    # Something that is no text at all is no search: the whole queue.
    assert names(approval.pending_queue(session, staff, search={"x": 1})) == ["张桂英"]


def test_approval_makes_the_account_show_the_verified_name(session, staff, join, fast_hashing):
    person = join.submitted("13700000105", name="张桂英")
    assert person.actor().name == "张桂英"
    with db.transaction() as change:
        draft = change.get(Disclosure, person.disclosure_id)
        draft.name = "张桂瑛"  # corrected during review of the paper record
        change.add(draft)
    with db.transaction() as review:
        approval.approve(review, staff, person.disclosure_id)
    assert person.actor().name == "张桂瑛"
