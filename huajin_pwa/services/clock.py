"""Today's date in the community (Asia/Shanghai); tests move it by patching today()."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def today() -> date:
    """The date in Wuhan right now."""
    return datetime.now(LOCAL_TZ).date()


def month_start(day: date) -> date:
    """The first day of day's month."""
    return day.replace(day=1)
