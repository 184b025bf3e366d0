"""Pieces several page states share: form errors for the summary, and server-side paging."""

from typing import Any

import reflex as rx


class FormErrors(rx.State, mixin=True):
    """Errors by field name, and the [field, message] pairs the error summary lists."""

    errors: dict[str, str] = {}

    @rx.var
    def error_list(self) -> list[list[str]]:
        """[field, message] pairs for the error summary."""
        return [[name, message] for name, message in self.errors.items()]


class Paged(rx.State, mixin=True):
    """A list shown one page at a time; the state's _reload() fetches the current page."""

    page: int = 1
    pages: int = 1

    def _reload(self):
        raise NotImplementedError

    @rx.event
    def go(self, delta: Any):
        """Previous (-1) or next (1) page; anything else just reloads."""
        if delta in (-1, 1):
            self.page = max(1, self.page + delta)
        return self._reload()
