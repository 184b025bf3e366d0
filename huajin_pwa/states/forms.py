"""Turning submitted form data (from an untrusted client) into plain values."""

from typing import Any

from reflex_base.utils.form import FormData

# Ids are 32-bit integer columns: a larger number is no row, and the database refuses it.
MAX_ROW_ID = 2**31 - 1


def form_dict(form: Any, list_fields: tuple[str, ...] = ()) -> dict[str, Any]:
    """Submitted fields as a dict; list_fields keep every value; anything odd becomes {}."""
    if isinstance(form, FormData):
        data = dict(form)
        for name in list_fields:
            values = form.getlist(name)
            # A plain mapping wrapped as FormData holds the whole list as one value.
            if len(values) == 1 and isinstance(values[0], list):
                values = values[0]
            data[name] = list(values)
        return data
    if isinstance(form, dict):
        return dict(form)
    return {}


def row_id(value: Any) -> int:
    """A database id from untrusted text or number: a positive id, or 0 for anything else."""
    raw = value if isinstance(value, str) else str(value) if type(value) is int else ""
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 10):
        return 0
    number = int(raw)
    return number if number <= MAX_ROW_ID else 0
