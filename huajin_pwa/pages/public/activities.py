"""/activities: the activity calendar, open to all: one week at a time (this week from today
on), 上一周 / 下一周, a filter by kind, the activities grouped under their days."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.display import empty_state, pager, status_tag
from huajin_pwa.components.layout import page_frame
from huajin_pwa.states.activities import CalendarState

T = text.ActivityPages
S = CalendarState


def activity_row(row, heading: str = "h3", show_day: bool = False) -> rx.Component:
    """One activity as a card: title (a link to its page), kind, time, place, team, seats and
    the statuses in words."""
    title_link = rx.el.a(row["title"], href=row["href"], class_name="hj-act-title")
    return rx.el.article(
        rx.el.h3(title_link) if heading == "h3" else rx.el.h2(title_link),
        rx.el.p(
            status_tag(row["kind"], "plain"),
            " ",
            rx.cond(show_day, row["day"].to(str) + " ", ""),
            row["time"],
            class_name="hj-act-when",
        ),
        rx.el.p(row["place"], " · ", row["team"]),
        rx.el.p(
            row["seats"],
            rx.cond(row["status"] != "", rx.fragment(" ", status_tag(row["status"], "warn"))),
            class_name="hj-act-seats",
        ),
        rx.cond(row["mine"] != "", rx.el.p(status_tag(row["mine"], row["mine_tone"]))),
        class_name=rx.cond(row["cancelled"] != "", "hj-card hj-act hj-act-off", "hj-card hj-act"),
        data_activity_id=row["id"],
    )


def calendar_row(row) -> rx.Component:
    """A row, under its day's heading when it is the day's first on the page."""
    return rx.fragment(
        rx.cond(row["heading"] != "", rx.el.h2(row["heading"], class_name="hj-act-day")),
        activity_row(row),
    )


def week_nav() -> rx.Component:
    """上一周 · the week · 下一周, 回到本周 away from this week, and this week's earlier days."""
    return rx.el.nav(
        rx.el.p(
            rx.cond(S.week_title != "", rx.el.strong(S.week_title, " ")),
            S.week_range,
            class_name="hj-act-range",
            id="week-range",
        ),
        rx.el.div(
            rx.el.a(T.PREV_WEEK, href=S.prev_href, class_name="hj-act-tab", id="prev-week"),
            rx.el.a(T.NEXT_WEEK, href=S.next_href, class_name="hj-act-tab", id="next-week"),
            rx.cond(
                ~S.is_this_week,
                rx.el.a(
                    T.BACK_THIS_WEEK, href=S.this_week_href, class_name="hj-act-tab", id="this-week"
                ),
            ),
            class_name="hj-act-tabs",
        ),
        rx.cond(
            S.earlier_href != "",
            rx.el.a(
                T.EARLIER_LINK,
                href=S.earlier_href,
                class_name="hj-link hj-target hj-act-earlier",
                id="earlier",
            ),
        ),
        aria_label=T.WEEK_NAV,
    )


def kind_filter() -> rx.Component:
    return rx.el.nav(
        rx.el.h2(T.FILTER_LABEL, class_name="hj-sr", id="kind-filter-title"),
        rx.el.div(
            rx.foreach(
                S.kinds,
                lambda kind: rx.el.a(
                    kind["label"],
                    href=kind["href"],
                    aria_current=kind["current"],
                    id=kind["id"],
                    class_name="hj-act-tab",
                ),
            ),
            class_name="hj-act-tabs",
        ),
        aria_labelledby="kind-filter-title",
        id="kind-filter",
    )


def activities_page() -> rx.Component:
    return page_frame(
        rx.el.h1(T.CALENDAR_TITLE),
        rx.el.p(T.CALENDAR_LEAD, class_name="hj-lead"),
        rx.el.nav(
            rx.el.a(T.TEAMS_LINK, href="/teams", class_name="hj-link hj-target"),
            rx.el.a(T.CHARITY_LINK, href="/charity", class_name="hj-link hj-target"),
            aria_label=T.MORE_LINKS,
            class_name="hj-link-row",
        ),
        week_nav(),
        kind_filter(),
        rx.cond(
            S.rows.length() > 0,
            rx.el.div(rx.foreach(S.rows, calendar_row), id="calendar"),
            empty_state(T.NO_ACTIVITIES, T.NO_ACTIVITIES_HINT),
        ),
        pager(S.page, S.pages, S.go(-1), S.go(1)),
        active="activities",
    )
