"""Cards, status tags, notices, empty states, answer lists, pagers."""

import reflex as rx

from huajin_pwa import text


def card(*children: rx.Component, **props) -> rx.Component:
    """A bordered block of related content."""
    return rx.el.section(*children, class_name="hj-card", **props)


def status_tag(label, tone) -> rx.Component:
    """A status in words with a symbol (never colour alone); tone is ok/warn/bad/plain."""
    return rx.el.span(label, class_name="hj-tag hj-tag-" + tone)


def notice(message: rx.Var, warn: bool | rx.Var = False, **props) -> rx.Component:
    """A one-line confirmation or warning, shown when message is not empty; warn may be a
    state var (a warning or a confirmation, decided as the page runs)."""
    if isinstance(warn, rx.Var):
        kind = rx.cond(warn, "hj-notice hj-notice-warn", "hj-notice")
    else:
        kind = "hj-notice hj-notice-warn" if warn else "hj-notice"
    return rx.cond(message != "", rx.el.p(message, class_name=kind, role="status", **props))


def empty_state(title: str, hint: str = "") -> rx.Component:
    """What an empty list says instead."""
    return rx.el.div(
        rx.el.p(title),
        rx.el.p(hint, class_name="hj-muted") if hint else rx.fragment(),
        class_name="hj-empty",
    )


def answers_list(rows: rx.Var, change_label: str = text.Kit.CHANGE) -> rx.Component:
    """Check-your-answers: rows are [label, value, href]; href empty means no change link."""
    return rx.el.dl(
        rx.foreach(
            rows,
            lambda row: rx.el.div(
                rx.el.dt(row[0]),
                rx.el.dd(row[1]),
                rx.cond(
                    row[2] != "",
                    rx.el.dd(
                        rx.el.a(
                            change_label,
                            rx.el.span(" " + row[0].to(str), class_name="hj-sr"),
                            href=row[2],
                        )
                    ),
                ),
            ),
        ),
        class_name="hj-answers",
    )


def pager(page: rx.Var, pages: rx.Var, on_prev, on_next) -> rx.Component:
    """上一页 / 第 n 页，共 m 页 / 下一页."""
    return rx.cond(
        pages > 1,
        rx.el.nav(
            rx.el.button(
                text.Kit.PREV_PAGE,
                type="button",
                on_click=on_prev,
                disabled=page <= 1,
                class_name="hj-btn hj-btn-secondary hj-btn-small",
            ),
            rx.el.span(
                text.Kit.PAGE_BEFORE, page, text.Kit.PAGE_MIDDLE, pages, text.Kit.PAGE_AFTER
            ),
            rx.el.button(
                text.Kit.NEXT_PAGE,
                type="button",
                on_click=on_next,
                disabled=page >= pages,
                class_name="hj-btn hj-btn-secondary hj-btn-small",
            ),
            class_name="hj-pager",
            aria_label=text.Kit.PAGER,
        ),
    )


def read_aloud(target_id: str | rx.Var) -> rx.Component:
    """朗读 / 停止朗读: reads the element target_id aloud with the browser's zh-CN voice."""
    button_id = "say-" + target_id
    script = "window.huajinToggleReading('" + target_id + "', '" + button_id + "')"
    return rx.el.button(
        rx.icon("volume-2", aria_hidden="true"),
        rx.el.span(text.Kit.READ_ALOUD, class_name="hj-say-play"),
        rx.el.span(text.Kit.STOP_READING, class_name="hj-say-stop"),
        type="button",
        id=button_id,
        aria_pressed="false",
        class_name="hj-btn hj-btn-secondary hj-btn-small hj-say hj-no-print",
        on_click=rx.call_script(script),
    )
