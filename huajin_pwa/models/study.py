"""周周讲进家庭: each week's study material, its saved versions, and who studied it how."""

from datetime import date, datetime

from sqlalchemy import Column, LargeBinary
from sqlmodel import Field, Index, SQLModel, UniqueConstraint

from huajin_pwa.models.base import utcnow


class StudyWeek(SQLModel, table=True):
    """One week's material: the week it belongs to (its Monday), when members may see it, and
    which saved version is current (the title is kept here too, for lists)."""

    __tablename__ = "study_week"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    week_of: date = Field(unique=True)  # the Monday of the week
    title: str = Field(max_length=40)
    publish_on: date = Field(index=True)
    version: int = 1  # the current StudyVersion.version
    created_by_id: int = Field(foreign_key="account.id")
    created_at: datetime = Field(default_factory=utcnow)


class StudyVersion(SQLModel, table=True):
    """One saved text of a week's material; every save adds one, so the history is kept."""

    __tablename__ = "study_version"
    __table_args__ = (UniqueConstraint("week_id", "version"), {"extend_existing": True})

    id: int | None = Field(default=None, primary_key=True)
    week_id: int = Field(foreign_key="study_week.id")
    version: int
    title: str = Field(max_length=40)
    body_markdown: str = Field(max_length=20000)
    key_points: str = Field(max_length=400)  # 3 to 5 points, one a line
    questions: str = Field(max_length=600)  # 1 to 5 questions, one a line
    edited_by_id: int = Field(foreign_key="account.id")
    edited_at: datetime = Field(default_factory=utcnow)


class StudyRecord(SQLModel, table=True):
    """A member studied a week: by themselves (self), delivered at home (home), at a night
    class (night) or at a day session of the branch (group), and which version they saw."""

    __tablename__ = "study_record"
    __table_args__ = (UniqueConstraint("member_id", "week_id"), {"extend_existing": True})

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="account.id")
    week_id: int = Field(foreign_key="study_week.id", index=True)
    studied_at: datetime = Field(default_factory=utcnow)
    how: str = Field(max_length=5)  # self, home, night, group (a day session)
    version_seen: int


class StudyImage(SQLModel, table=True):
    """A picture uploaded with a week's material, kept in the database (so backups and several
    servers need nothing else) and shown at /study/image/<id>."""

    __tablename__ = "study_image"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    content_type: str = Field(max_length=20)  # image/jpeg, image/png, image/gif, image/webp
    size: int  # bytes, at most 5 MB
    width: int
    height: int
    sha256: str = Field(max_length=64, index=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    uploaded_by_id: int = Field(foreign_key="account.id")
    created_at: datetime = Field(default_factory=utcnow)


class StudyReflection(SQLModel, table=True):
    """学习心得: what a member wrote about a week, sent to their grid branch; the secretary
    acknowledges it (acknowledged) or comments (commented); until then it is waiting."""

    __tablename__ = "study_reflection"
    __table_args__ = (
        UniqueConstraint("member_id", "week_id"),
        Index("ix_reflection_grid_status", "grid_id", "status", "created_at"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="account.id")
    week_id: int = Field(foreign_key="study_week.id", index=True)
    grid_id: int = Field(foreign_key="grid.id")  # the member's grid when written
    body: str = Field(max_length=2000)
    status: str = Field(default="waiting", max_length=12)  # waiting, acknowledged, commented
    reply: str = Field(default="", max_length=500)
    replied_by_id: int | None = Field(default=None, foreign_key="account.id")
    replied_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1


class StudySession(SQLModel, table=True):
    """A grid branch's study session (day, or a night make-up class 夜学) on one week's
    material; members check in by the secretary's tick or by scanning the session's QR code,
    whose link carries the random token."""

    __tablename__ = "study_session"
    __table_args__ = (
        Index("ix_study_session_grid_day", "grid_id", "held_on"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    grid_id: int = Field(foreign_key="grid.id")
    week_id: int = Field(foreign_key="study_week.id", index=True)
    held_on: date
    part: str = Field(max_length=5)  # day, night
    starts_at: str = Field(default="", max_length=5)  # HH:MM, local time
    place: str = Field(max_length=60)
    token: str = Field(max_length=43, unique=True)
    created_by_id: int = Field(foreign_key="account.id")
    created_at: datetime = Field(default_factory=utcnow)


class StudyAttendance(SQLModel, table=True):
    """A member was at a study session: ticked by the secretary (tick) or scanned in (scan)."""

    __tablename__ = "study_attendance"
    __table_args__ = (UniqueConstraint("session_id", "member_id"), {"extend_existing": True})

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="study_session.id", index=True)
    member_id: int = Field(foreign_key="account.id")
    via: str = Field(max_length=5)  # tick, scan
    recorded_by_id: int = Field(foreign_key="account.id")
    checked_in_at: datetime = Field(default_factory=utcnow)
