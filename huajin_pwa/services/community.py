"""Grids and buildings: where a home is, and which grid branch it belongs to."""

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from huajin_pwa import text
from huajin_pwa.models import Building, Grid
from huajin_pwa.services import validate
from huajin_pwa.services.errors import FormError


@dataclass(frozen=True)
class Home:
    """A checked address."""

    building: Building
    unit: int
    room: str


def grids(session: Session) -> list[Grid]:
    """All grids, by number."""
    return list(session.exec(select(Grid).order_by(Grid.number)).all())


def buildings(session: Session) -> list[Building]:
    """All buildings, by number."""
    return list(session.exec(select(Building).order_by(Building.number)).all())


def locate(session: Session, building_value: Any, unit_value: Any, room_value: Any) -> Home:
    """Check that building, unit and room exist; FormError naming the wrong field otherwise."""
    errors: dict[str, str] = {}
    building = None
    raw_building = validate.as_text(building_value)
    if not raw_building:
        errors["building"] = text.Field.BUILDING_MISSING
    elif raw_building.isascii() and raw_building.isdigit() and len(raw_building) <= 4:
        building = session.exec(
            select(Building).where(Building.number == int(raw_building))
        ).first()
    if building is None and "building" not in errors:
        errors["building"] = text.Field.BUILDING_UNKNOWN
    if building is None:
        raise FormError(errors)
    try:
        unit = validate.small_int(
            unit_value, 1, building.units, text.Field.UNIT_INVALID.format(units=building.units)
        )
    except ValueError as error:
        errors["unit"] = str(error)
        unit = 0
    room = validate.as_text(room_value)
    if not (3 <= len(room) <= 4 and room.isascii() and room.isdigit()):
        errors["room"] = text.Field.ROOM_INVALID
    else:
        floor, number = int(room[:-2]), int(room[-2:])
        if not (1 <= floor <= building.floors and 1 <= number <= building.rooms_per_floor):
            errors["room"] = text.Field.ROOM_UNKNOWN.format(
                floors=building.floors, rooms=building.rooms_per_floor
            )
        else:
            room = f"{floor}{number:02d}"  # one spelling per home: "0502" is "502"
    if errors:
        raise FormError(errors)
    return Home(building=building, unit=unit, room=room)
