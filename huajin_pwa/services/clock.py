"""Today's date in the community (Asia/Shanghai). HUAJIN_TODAY=YYYY-MM-DD makes the app
pretend it is another day (for demonstrations and browser tests); unit tests patch today()."""

import os
from datetime import date, datetime, timedelta
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
