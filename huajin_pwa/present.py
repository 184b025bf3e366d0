"""Showing stored values to people: Shanghai dates in the 11月30日 周一 style, answers in words."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from huajin_pwa import text
from huajin_pwa.services import clock

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def local(moment: datetime) -> datetime:
    """A stored UTC moment in Shanghai time."""
    return moment.astimezone(LOCAL_TZ)


def day(moment: datetime | None) -> str:
    """11月30日 周一 (with the year when it is not this year)."""
    if moment is None:
        return ""
    return date_label(local(moment).date())


def date_label(value: date | None) -> str:
    """A calendar date as 11月30日 周一 (with the year when it is not this year)."""
    if value is None:
        return ""
    prefix = "" if value.year == clock.today().year else f"{value.year}年"
    return f"{prefix}{value.month}月{value.day}日 {text.WEEKDAYS[value.weekday()]}"


def day_time(moment: datetime | None) -> str:
    """11月30日 周一 14:05."""
    if moment is None:
        return ""
    return f"{day(moment)} {local(moment):%H:%M}"


def codes(value: str, names: dict[str, str]) -> str:
    """Comma-separated codes as words, or 未填写."""
    words = [names[code] for code in value.split(",") if code in names]
    return "、".join(words) or text.Kit.NOT_ANSWERED


def yes_no(value: bool | None) -> str:
    """是 / 否 / 不想回答."""
    if value is None:
        return text.Join.PREFER_NOT
    return text.Kit.YES if value else text.Kit.NO


STATUS_TONES = {"approved": "ok", "pending": "warn", "rejected": "bad", "draft": "plain"}


def status_tone(status: str) -> str:
    """Which tag style a disclosure status gets."""
    return STATUS_TONES.get(status, "plain")


def percent(done: int, total: int) -> str:
    """How far done is of total, as a CSS width (0% when there is nothing to do)."""
    if total <= 0:
        return "0%"
    return f"{min(100, max(0, round(100 * done / total)))}%"
