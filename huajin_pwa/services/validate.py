"""Field rules shared by every form. Each returns the clean value or raises ValueError(message)."""

import re
from datetime import date
from itertools import pairwise
from typing import Any

from huajin_pwa import text
from huajin_pwa.services.errors import FormError

PHONE_RE = re.compile(r"^1[0-9]{10}$")  # ASCII digits only: \d matches any script
# Han characters, including the rare ones in some people's names (extensions B and later).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
NAME_RE = re.compile(rf"^[{HAN}A-Za-z·•\s]+$")
NAME_LETTER_RE = re.compile(rf"[{HAN}A-Za-z]")  # a name is more than dots and spaces
WEAK_PINS = {"123123", "112233", "121212", "520520", "147258", "159357", "258369"}


def as_text(value: Any) -> str:
    """Untrusted input as a stripped string (None and non-strings become text or empty)."""
    if value is None or isinstance(value, (dict, list, tuple, set)):
        return ""
    return str(value).strip()


def phone(value: Any) -> str:
    """An 11-digit mobile number starting with 1 (spaces and dashes are ignored)."""
    raw = as_text(value)
    if len(raw) > 20:
        raise ValueError(text.Field.PHONE_INVALID)
    digits = re.sub(r"[\s-]", "", raw)
    if not PHONE_RE.match(digits):
        raise ValueError(text.Field.PHONE_INVALID)
    return digits


def pin(value: Any) -> str:
    """A 6-digit PIN that is not trivially guessed."""
    raw = as_text(value)
    if len(raw) != 6 or not raw.isascii() or not raw.isdigit():
        raise ValueError(text.Field.PIN_INVALID)
    steps = {int(b) - int(a) for a, b in pairwise(raw)}
    if len(set(raw)) == 1 or steps in ({1}, {-1}) or raw in WEAK_PINS:
        raise ValueError(text.Field.PIN_WEAK)
    return raw


def password(value: Any) -> str:
    """A password of 10 to 128 characters."""
    raw = value if isinstance(value, str) else ""
    if len(raw) < 10:
        raise ValueError(text.Field.PASSWORD_SHORT)
    if len(raw) > 128:
        raise ValueError(text.Field.PASSWORD_LONG)
    return raw


def person_name(value: Any) -> str:
    """A name of up to 30 characters: Chinese characters, letters, the middle dot, spaces."""
    raw = re.sub(r"\s+", " ", as_text(value))
    if not raw:
        raise ValueError(text.Field.NAME_EMPTY)
    if len(raw) > 30:
        raise ValueError(text.Field.NAME_LONG)
    if not NAME_RE.match(raw) or not NAME_LETTER_RE.search(raw):
        raise ValueError(text.Field.NAME_CHARS)
    return raw


def year(value: Any, low: int, high: int, invalid: str, out_of_range: str) -> int:
    """A four-digit year between low and high."""
    raw = as_text(value)
    if not (len(raw) == 4 and raw.isascii() and raw.isdigit()):
        raise ValueError(invalid)
    number = int(raw)
    if not low <= number <= high:
        raise ValueError(out_of_range)
    return number


def small_int(value: Any, low: int, high: int, message: str) -> int:
    """A whole number between low and high."""
    raw = as_text(value)
    if not (0 < len(raw) <= 4 and raw.isascii() and raw.isdigit()):
        raise ValueError(message)
    number = int(raw)
    if not low <= number <= high:
        raise ValueError(message)
    return number


def free_text(value: Any, low: int, high: int, message: str) -> str:
    """Any text (stored as text, shown escaped) of low..high characters."""
    raw = as_text(value)
    if not low <= len(raw) <= high:
        raise ValueError(message)
    return raw


def day(value: Any, low: date, high: date, invalid: str, out_of_range: str) -> date:
    """A date written YYYY-MM-DD (as a date input sends it) between low and high."""
    raw = as_text(value)
    if len(raw) != 10 or not raw.isascii():
        raise ValueError(invalid)
    try:
        parsed = date.fromisoformat(raw)
    except ValueError:
        raise ValueError(invalid) from None
    if not low <= parsed <= high:
        raise ValueError(out_of_range)
    return parsed


def choices(value: Any, allowed: dict[str, str]) -> list[str]:
    """A list of codes, each one of allowed (a single code or comma-separated text works too)."""
    if isinstance(value, str):
        items = [item for item in value.split(",") if item]
    elif isinstance(value, (list, tuple)):
        items = [as_text(item) for item in value]
    elif value is None:
        items = []
    else:
        raise ValueError(text.Field.CHOICE_INVALID)
    if len(items) > len(allowed) or any(item not in allowed for item in items):
        raise ValueError(text.Field.CHOICE_INVALID)
    return [code for code in allowed if code in items]


def one_of(value: Any, allowed: dict[str, str], message: str) -> str:
    """One code from allowed."""
    raw = as_text(value)
    if raw not in allowed:
        raise ValueError(message)
    return raw


def yes_no_unknown(value: Any) -> bool | None:
    """'yes' -> True, 'no' -> False, anything else (not answered) -> None."""
    raw = as_text(value)
    if raw not in ("yes", "no", "unknown", ""):
        raise ValueError(text.Field.CHOICE_INVALID)
    return {"yes": True, "no": False}.get(raw)


def collect(form: Any, rules: dict[str, Any]) -> dict[str, Any]:
    """Apply rules (field -> function of the raw value) to form; raise FormError on any failure."""
    data = form if isinstance(form, dict) else {}
    clean: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, rule in rules.items():
        try:
            clean[name] = rule(data.get(name))
        except ValueError as error:
            errors[name] = str(error)
    if errors:
        raise FormError(errors)
    return clean


def row_id(value: Any) -> int | None:
    """A database id from untrusted input: a real int in the 32-bit id range, else None."""
    if type(value) is int and 0 < value < 2**31:
        return value
    return None
