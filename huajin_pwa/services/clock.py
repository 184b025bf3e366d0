"""Today's date in the community (Asia/Shanghai). HUAJIN_TODAY=YYYY-MM-DD makes the app
pretend it is another day (for demonstrations and browser tests); unit tests patch today()."""

import os
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def today() -> date:
    """The date in Wuhan right now, or the pretended day."""
    pretend = os.environ.get("HUAJIN_TODAY", "").strip()
    if pretend:
        return date.fromisoformat(pretend)
    return datetime.now(LOCAL_TZ).date()


def monday(day: date) -> date:
    """The Monday of day's week."""
    return day - timedelta(days=day.weekday())


def month_start(day: date) -> date:
    """The first day of day's month."""
    return day.replace(day=1)


def now() -> datetime:
    """This moment as an aware UTC datetime; on a pretended day, that day at the real
    local time of day (so the demo and browser tests see a consistent clock)."""
    moment = datetime.now(LOCAL_TZ)
    pretend = os.environ.get("HUAJIN_TODAY", "").strip()
    if pretend:
        moment = datetime.combine(date.fromisoformat(pretend), moment.timetz())
    return moment.astimezone(UTC)


def as_utc(moment: datetime) -> datetime:
    """A stored moment as aware UTC (SQLite hands back naive ones, meaning UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
