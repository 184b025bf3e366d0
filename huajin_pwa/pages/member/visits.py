"""/visits: 请求上门, the member's visits with how each stands, cancelling one inline, and their
health and help record; /visits/history: the completed visits."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button, primary_button, secondary_button
from huajin_pwa.components.display import card, empty_state, notice, pager, status_tag
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.visits import VisitHistoryState, VisitsState

P = text.VisitPage
S = VisitsState


def not_yet(blocked_to: rx.Var) -> rx.Component:
    """For someone whose disclosure is not approved: why, and where to go."""
    return rx.fragment(
        rx.el.p(text.Visit.NOT_DISCLOSED, class_name="hj-lead", id="visits-not-disclosed"),
        actions(
            rx.cond(
                blocked_to == "me", link_button(P.TO_ME, "/me"), link_button(P.TO_JOIN, "/join")
            )
        ),
    )


def loading() -> rx.Component:
    return rx.el.p(text.Kit.LOADING, role="status")


def line(value: rx.Var, **props) -> rx.Component:
    """A line of the card, when there is something to say."""
    return rx.cond(value != "", rx.el.p(value, **props))


def progress(step: rx.Var) -> rx.Component:
    """已收到 → 已安排 → 已完成, with the steps passed ticked and the current one marked."""
    items = []
    for number, label in enumerate(P.STEPS, start=1):
        at = str(number)
        items.append(
            rx.el.li(
                rx.cond((step > at) | (step == "3"), "✔ " + label, label),
                class_name=rx.cond(step == at, "hj-now", rx.cond(step > at, "hj-passed", "")),
                aria_current=rx.cond(step == at, "step", "false"),
            )
        )
    return rx.cond(
        step != "",
        rx.el.ol(*items, class_name="hj-visit-steps", aria_label=P.PROGRESS),
    )


def cancel_area(row: rx.Var) -> rx.Component:
    """取消这次上门 → 确定取消？ [是的，取消] [不取消], all inside the card."""
    visit_id = row["id"].to(str)
    return rx.cond(
        row["can_cancel"] != "",
        rx.cond(
            S.asking == visit_id,
            rx.el.div(
                rx.el.p(
                    P.CANCEL_ASK,
                    class_name="hj-notice hj-notice-warn",
                    id="cancel-ask-" + visit_id,
                    tab_index=-1,
                ),
                actions(
                    primary_button(
                        P.CANCEL_YES,
                        type="button",
                        id="cancel-yes-" + visit_id,
                        on_click=S.cancel(visit_id),
                    ),
                    secondary_button(
                        P.CANCEL_NO, id="cancel-no-" + visit_id, on_click=S.keep_visit
                    ),
                ),
            ),
            secondary_button(P.CANCEL, id="cancel-" + visit_id, on_click=S.ask_cancel(visit_id)),
        ),
    )


def visit_card(row: rx.Var) -> rx.Component:
    return card(
        rx.el.div(
            rx.el.h3(row["reason"], style={"margin": "0"}),
            status_tag(row["status"], row["tone"]),
            class_name="hj-row",
        ),
        line(row["source"], class_name="hj-muted"),
        progress(row["step"].to(str)),
        line(row["asked"]),
        line(row["wish"]),
        line(row["scheduled"], class_name="hj-strong"),
        line(row["visitor"], class_name="hj-strong"),
        line(row["done"]),
        line(row["outcome"]),
        line(row["declined"]),
        line(row["note"], class_name="hj-muted"),
        cancel_area(row),
        id="visit-" + row["id"].to(str),
    )


def care_section() -> rx.Component:
    """我的健康档案与帮扶: the health record, the latest help, the visit history."""
    return rx.fragment(
        rx.el.h2(P.CARE_TITLE, id="care"),
        card(
            rx.el.h3(P.HEALTH),
            rx.el.p(status_tag(S.health, S.health_tone)),
            line(S.health_since),
            rx.el.h3(P.HELPS, style={"margin_top": "1rem"}),
            rx.cond(
                S.helps.length() > 0,
                rx.el.ul(
                    rx.foreach(
                        S.helps,
                        lambda h: rx.el.li(
                            rx.el.strong(h["what"]),
                            rx.el.br(),
                            h["day"],
                            "　",
                            h["by"],
                        ),
                    ),
                    class_name="hj-list hj-lines",
                ),
                rx.el.p(P.HELPS_EMPTY, class_name="hj-muted"),
            ),
            rx.el.h3(P.HISTORY, style={"margin_top": "1rem"}),
            rx.el.p(
                P.HISTORY_COUNT.split("{count}")[0],
                S.history_count,
                P.HISTORY_COUNT.split("{count}")[1],
            ),
            link_button(P.HISTORY_LINK, "/visits/history", False, id="visit-history-link"),
        ),
    )


def mine() -> rx.Component:
    return rx.fragment(
        rx.el.p(P.INTRO, class_name="hj-lead"),
        actions(link_button(P.REQUEST, "/visits/new", id="request-visit")),
        rx.el.h2(P.MINE),
        rx.cond(
            S.rows.length() > 0,
            rx.fragment(
                rx.el.div(rx.foreach(S.rows, visit_card)),
                pager(S.page, S.pages, S.go(-1), S.go(1)),
            ),
            empty_state(P.EMPTY, P.EMPTY_HINT),
        ),
        care_section(),
    )


def visits_page() -> rx.Component:
    return page_frame(
        notice(S.told, S.told_warn, id="visits-told", tab_index=-1),
        rx.el.h1(P.TITLE),
        rx.cond(S.ready, rx.cond(S.blocked_to != "", not_yet(S.blocked_to), mine()), loading()),
        active="visits",
    )


def history_card(row: rx.Var) -> rx.Component:
    return card(
        rx.el.div(
            rx.el.h3(row["day"], style={"margin": "0"}),
            rx.el.span(row["reason"], class_name="hj-tag hj-tag-plain"),
            class_name="hj-row",
        ),
        line(row["visitor"]),
        line(row["outcome"]),
        id="history-" + row["id"].to(str),
    )


def history_page() -> rx.Component:
    H = VisitHistoryState
    return page_frame(
        rx.el.h1(P.HISTORY),
        rx.cond(
            H.ready,
            rx.cond(
                H.blocked_to != "",
                not_yet(H.blocked_to),
                rx.cond(
                    H.rows.length() > 0,
                    rx.fragment(
                        rx.el.p(
                            P.HISTORY_COUNT.split("{count}")[0],
                            H.total,
                            P.HISTORY_COUNT.split("{count}")[1],
                        ),
                        rx.el.div(rx.foreach(H.rows, history_card)),
                        pager(H.page, H.pages, H.go(-1), H.go(1)),
                    ),
                    empty_state(P.HISTORY_EMPTY),
                ),
            ),
            loading(),
        ),
        actions(link_button(P.TO_VISITS, "/visits", False)),
        active="visits",
        back="/visits",
    )
