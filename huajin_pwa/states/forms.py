"""Turning submitted form data (from an untrusted client) into a plain dict."""

from typing import Any

from reflex_base.utils.form import FormData


def form_dict(form: Any, list_fields: tuple[str, ...] = ()) -> dict[str, Any]:
    """Submitted fields as a dict; list_fields keep every value; anything odd becomes {}."""
    if isinstance(form, FormData):
        data = dict(form)
        for name in list_fields:
            data[name] = list(form.getlist(name))
        return data
    if isinstance(form, dict):
        return dict(form)
    return {}
