"""The community's grids and the buildings in each."""

from sqlmodel import Field, SQLModel


class Grid(SQLModel, table=True):
    """A grid (网格) with its own party branch."""

    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    number: int = Field(unique=True)
    name: str = Field(max_length=30)


class Building(SQLModel, table=True):
    """A residential building: which grid it is in and which rooms exist."""

    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    number: int = Field(unique=True)  # 1 means 1栋
    grid_id: int = Field(foreign_key="grid.id", index=True)
    units: int  # units 1..units
    floors: int  # floors 1..floors
    rooms_per_floor: int  # rooms 01..rooms_per_floor on each floor
