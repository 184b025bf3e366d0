"""/staff/audit: the audit log."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.display import card, empty_state, pager
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.audit_log import AuditLogState

S = AuditLogState


def entry(row) -> rx.Component:
    return card(
        rx.el.p(row["when"], class_name="hj-muted"),
        rx.el.p(rx.el.strong(row["who"]), " · ", row["what"], " · ", row["whom"]),
        rx.cond(row["detail"] != "", rx.el.p(row["detail"])),
    )


def audit_log_page() -> rx.Component:
    return page_frame(
        rx.el.h1(text.AuditLog.TITLE),
        rx.el.p(text.AuditLog.INTRO),
        rx.cond(
            S.rows.length() > 0,
            rx.el.div(rx.foreach(S.rows, entry), pager(S.page, S.pages, S.go(-1), S.go(1))),
            empty_state(text.AuditLog.EMPTY),
        ),
        back="/staff",
        active="home",
    )
