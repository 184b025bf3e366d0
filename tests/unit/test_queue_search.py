"""Staff find a pending disclosure in the queue by part of the name or by the phone number."""

from huajin_pwa.services import disclosure


def names(page) -> list[str]:
    return [row.name for row, _grid in page.rows]


def test_search_by_name_part_or_phone(session, staff, join, fast_hashing):
    join.submitted("13700000101", name="张桂英")
    join.submitted("13700000102", name="李桂兰")
    join.submitted("13700000103", name="王建国")
    assert names(disclosure.pending_queue(session, staff, search="桂")) == ["张桂英", "李桂兰"]
    assert names(disclosure.pending_queue(session, staff, search="137 0000 0103")) == ["王建国"]
    assert names(disclosure.pending_queue(session, staff, search="  ")) == [
        "张桂英",
        "李桂兰",
        "王建国",
    ]


def test_search_is_text_not_a_pattern(session, staff, join, fast_hashing):
    join.submitted("13700000104", name="张桂英")
    for pattern in ("%", "_", "张%", "' OR 1=1 --", 5):
        assert names(disclosure.pending_queue(session, staff, search=pattern)) == []
    # Something that is no text at all is no search: the whole queue.
    assert names(disclosure.pending_queue(session, staff, search={"x": 1})) == ["张桂英"]
