"""Grids and buildings: listing them, and checking that a home exists."""

import pytest

from huajin_pwa import text
from huajin_pwa.models import Building, Grid
from huajin_pwa.services import community as places
from huajin_pwa.services.errors import FormError

# Building 1: 3 units, 18 floors, 4 rooms a floor (grid 1); building 5: grid 2.
UNIT_1 = text.Field.UNIT_INVALID.format(units=3)
ROOM_1 = text.Field.ROOM_UNKNOWN.format(floors=18, rooms=4)


def locate_errors(run, building, unit, room) -> dict[str, str]:
    with pytest.raises(FormError) as caught:
        run(places.locate, building, unit, room)
    return caught.value.errors


def test_grids_and_buildings_in_number_order(run, session, community):
    session.add(Grid(number=0, name="零号网格"))
    session.flush()
    session.add(Building(number=3, grid_id=community[1].id, units=1, floors=6, rooms_per_floor=2))
    session.commit()
    assert [g.number for g in run(places.grids)] == [0, 1, 2]
    assert [b.number for b in run(places.buildings)] == [1, 2, 3, 5, 6]


def test_locate_a_home(run, community):
    home = run(places.locate, "1", "3", "1804")
    assert (home.building.number, home.building.grid_id, home.unit, home.room) == (
        1,
        community[0].id,
        3,
        "1804",
    )


def test_locate_accepts_numbers_and_spaces(run, community):
    home = run(places.locate, 5, 2, 1104)
    assert (home.building.number, home.unit, home.room) == (5, 2, "1104")
    home = run(places.locate, " 01 ", " 1 ", " 101 ")
    assert (home.building.number, home.unit, home.room) == (1, 1, "101")


@pytest.mark.parametrize(("typed", "kept"), [("0101", "101"), ("0904", "904"), ("1001", "1001")])
def test_a_room_has_one_spelling(run, community, typed, kept):
    assert run(places.locate, "1", "1", typed).room == kept


@pytest.mark.parametrize("building", ["", "   ", None, {"b": 1}, []])
def test_building_missing(run, community, building):
    errors = locate_errors(run, building, "1", "101")
    assert errors == {"building": text.Field.BUILDING_MISSING}


@pytest.mark.parametrize(
    "building", ["9", "3", "abc", "1栋", "１", "-1", "1.0", "99999", "9" * 10_000]
)
def test_building_unknown(run, community, building):
    errors = locate_errors(run, building, "99", "xx")
    assert errors == {"building": text.Field.BUILDING_UNKNOWN}


@pytest.mark.parametrize("unit", ["0", "4", "", None, "a", "1.5", "-1", "１"])
def test_unit_not_in_building(run, community, unit):
    assert locate_errors(run, "1", unit, "101") == {"unit": UNIT_1}


@pytest.mark.parametrize("room", ["", "12", "12345", "abcd", "15-2", "１５０２", None, "10 1"])
def test_room_malformed(run, community, room):
    assert locate_errors(run, "1", "1", room) == {"room": text.Field.ROOM_INVALID}


@pytest.mark.parametrize("room", ["1901", "1505", "1500", "001", "0001", "100"])
def test_room_not_in_building(run, community, room):
    assert locate_errors(run, "1", "1", room) == {"room": ROOM_1}


def test_room_limits_follow_the_building(run, community):
    assert run(places.locate, "2", "2", "602").room == "602"
    errors = locate_errors(run, "2", "3", "603")
    assert errors == {
        "unit": text.Field.UNIT_INVALID.format(units=2),
        "room": text.Field.ROOM_UNKNOWN.format(floors=6, rooms=2),
    }
