"""周周讲进家庭: each week's study material, its saved versions, and who studied it how."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel, UniqueConstraint

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
    """A member studied a week: by themselves (self), delivered at home (home) or at a night
    class (night), and which version they saw."""

    __tablename__ = "study_record"
    __table_args__ = (UniqueConstraint("member_id", "week_id"), {"extend_existing": True})

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="account.id")
    week_id: int = Field(foreign_key="study_week.id", index=True)
    studied_at: datetime = Field(default_factory=utcnow)
    how: str = Field(max_length=5)  # self, home, night
    version_seen: int
