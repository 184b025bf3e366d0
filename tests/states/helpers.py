"""State tests: a page state as Reflex holds it for one browser, events sent as the client sends
them, and what a handler hands back (a redirect, a script) read as plain values."""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import reflex as rx
from reflex.istate.data import RouterData
from reflex_base.event import EventSpec
from reflex_base.event.processor.base_state_processor import _prepare_event_payload
from reflex_base.utils.form import FORM_DATA_ENTRIES_KEY
from sqlmodel import SQLModel

from huajin_pwa import db

ORIGIN = "http://localhost:3000"
FOCUS_ERRORS = "window.huajinFocusErrors()"

# Argument values a crafted client may send instead of a form or an id.
JUNK = ["x", None, 5, -1, 3.5, True, [], ["a", "b"], {"nested": {"a": 1}}, "9" * 40, "²", "١٢"]


def state_of(cls: type[rx.State], token: str = "", **route: Any) -> rx.State:
    """A fresh client's instance of a page state, as Reflex builds it (the whole tree under the
    root State, so inherited vars such as the LocalStorage token are shared the way they are in
    the app), holding token and, given route keywords, on that page (see open_page)."""
    root = rx.State(_reflex_internal_init=True)
    state = root.get_substate(cls.get_full_name().split("."))
    state.token = token
    if route:
        open_page(state, **route)
    return state


def open_page(
    state: rx.State, path: str, route: str = "", params: dict[str, str] | None = None
) -> None:
    """Put the client on a page: path as the browser shows it (query string and all), route the
    page's pattern (e.g. /staff/disclosures/[disclosure_id]), params the dynamic route parts."""
    query = dict(params or {})
    if "?" in path:
        query.update(pair.split("=", 1) for pair in path.split("?", 1)[1].split("&") if "=" in pair)
    router_data = {
        "pathname": route or path.split("?", 1)[0],
        "asPath": path,
        "query": query,
        "headers": {"origin": ORIGIN},
    }
    state._get_root_state().router = RouterData.from_router_data(router_data)


def run_async(coroutine) -> Any:
    """Run an async handler's coroutine to its end on a loop of its own, in a worker thread (the
    browser tests' Playwright keeps an event loop running in this one)."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()


def send(state: rx.State, handler: str, /, **payload: Any) -> Any:
    """Run one event the way Reflex's event processor does: only a registered event handler of
    the state, the payload turned into arguments for the handler's annotations, then the
    handler called with the payload as keywords. Returns what the handler returns."""
    event_handler = type(state).event_handlers[handler]
    return event_handler.fn(state, **_prepare_event_payload(event_handler, payload))


def form(*pairs: tuple[str, Any], **fields: Any) -> dict[str, Any]:
    """A submitted form as the browser puts it on the wire: every [name, value] entry in order
    (pairs may repeat a name, as checked checkboxes do), then the keyword fields."""
    entries = [[name, value] for name, value in (*pairs, *fields.items())]
    return {FORM_DATA_ENTRIES_KEY: entries}


def _events(result: Any) -> list[EventSpec]:
    if result is None:
        return []
    items = result if isinstance(result, (list, tuple)) else [result]
    assert all(isinstance(item, EventSpec) for item in items), items
    return list(items)


def _args(spec: EventSpec) -> dict[str, Any]:
    return {name._js_expr: value._var_value for name, value in spec.args}


def redirect_path(result: Any) -> str | None:
    """The path a handler's result redirects the browser to, or None when it does not."""
    for spec in _events(result):
        if spec.handler.fn.__qualname__ == "_redirect":
            return _args(spec)["path"]
    return None


def script(result: Any) -> str | None:
    """The JavaScript a handler's result runs in the browser, or None."""
    for spec in _events(result):
        if spec.handler.fn.__qualname__ == "_call_script":
            return _args(spec)["javascript_code"]
    return None


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order: compare two to prove nothing changed."""
    with db.get_engine().connect() as connection:
        return {
            table.name: [
                tuple(row)
                for row in connection.execute(table.select().order_by(*table.primary_key))
            ]
            for table in SQLModel.metadata.sorted_tables
        }
