"""/activities (a week of activities, today first, by kind) and /activities/<id> (one activity:
报名, 取消报名 with an inline confirmation, 排队候补, 退出候补)."""

from datetime import timedelta
from typing import Any
from urllib.parse import quote, urlencode

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.services import activity_calendar as calendar
from huajin_pwa.services import clock, signups
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError, NotSignedIn
from huajin_pwa.states.forms import row_id
from huajin_pwa.states.mixins import Paged
from huajin_pwa.states.session import SessionState

T = text.ActivityPages
W = text.TeamWords


def time_words(activity) -> str:
    """14:00–16:00 (Shanghai)."""
    start = present.local(clock.as_utc(activity.starts_at))
    end = present.local(clock.as_utc(activity.ends_at))
    return T.TIME.format(start=f"{start:%H:%M}", end=f"{end:%H:%M}")


def status_words(activity) -> str:
    """已取消 / 已满，可候补 / "" for an activity in a list."""
    if activity.status == "cancelled":
        return T.CANCELLED
    if activity.seats_taken >= activity.capacity:
        return T.FULL
    return ""


def row_of(activity, team_name: str, my_status: str = "", heading: str = "") -> dict[str, str]:
    """An activity as a list row (every value a string)."""
    return {
        "id": str(activity.id),
        "href": f"/activities/{activity.id}",
        "heading": heading,
        "day": present.day(clock.as_utc(activity.starts_at)),
        "title": activity.title,
        "kind": W.ACTIVITY_KINDS.get(activity.kind, ""),
        "time": time_words(activity),
        "place": activity.place,
        "team": team_name,
        "seats": T.SEATS.format(taken=activity.seats_taken, capacity=activity.capacity),
        "status": status_words(activity),
        "cancelled": "yes" if activity.status == "cancelled" else "",
        "mine": T.MY_STATUS.format(status=W.SIGNUP_STATUS[my_status])
        if my_status in W.SIGNUP_STATUS
        else "",
        "mine_tone": {"signed": "ok", "waiting": "warn"}.get(my_status, "plain"),
    }


def calendar_href(week: str = "", kind: str = "", earlier: bool = False) -> str:
    """/activities with the chosen week and kind (and this week's earlier days)."""
    pairs = (("week", week), ("kind", kind), ("earlier", "1" if earlier else ""))
    query = urlencode({key: value for key, value in pairs if value})
    return "/activities" + (f"?{query}" if query else "")


class CalendarState(Paged, SessionState):
    """A week of activities the viewer may see, grouped by day (one page at a time)."""

    week_title: str = ""
    week_range: str = ""
    is_this_week: bool = True
    prev_href: str = ""
    next_href: str = ""
    this_week_href: str = "/activities"
    earlier_href: str = ""  # this week's days before today, when there are any
    kind: str = ""
    kinds: list[dict[str, str]] = []
    rows: list[dict[str, str]] = []
    _week: str = ""
    _earlier: bool = False

    @rx.event
    def load(self):
        """Open /activities: ?week= (a Monday) and ?kind= choose what is shown."""
        params = self.router.url.query_parameters
        self._week, self.kind = str(params.get("week", "")), calendar.kind_of(params.get("kind"))
        self._earlier = params.get("earlier") == "1"
        self.page = 1
        return self._reload()

    def _reload(self):
        actor = self._actor()
        self._show_actor(actor)
        with db.transaction() as session:
            found = calendar.week(session, actor, self._week, self.kind, self.page, self._earlier)
        self._show(found)

    def _show(self, found: calendar.CalendarWeek) -> None:
        monday, kind = found.monday, found.kind
        self.is_this_week = found.is_this_week and not found.earlier
        self.week_title = T.EARLIER_DAYS if found.earlier else ""
        self.week_title = self.week_title or (T.THIS_WEEK if found.is_this_week else "")
        first, last = present.date_label(found.first_day), present.date_label(found.last_day)
        self.week_range = first if first == last else T.WEEK_OF.format(start=first, end=last)
        self.prev_href = calendar_href((monday - timedelta(days=7)).isoformat(), kind)
        self.next_href = calendar_href((monday + timedelta(days=7)).isoformat(), kind)
        self.this_week_href = calendar_href("", kind)
        self.earlier_href = (
            calendar_href(monday.isoformat(), kind, True) if found.has_earlier else ""
        )
        week = "" if self.is_this_week else monday.isoformat()
        self.kinds = [
            {
                "label": label,
                "href": calendar_href(week, code, found.earlier),
                "current": "page" if code == kind else "false",
                "id": f"kind-{code or 'all'}",
            }
            for code, label in [("", T.ALL_KINDS), *W.ACTIVITY_KINDS.items()]
        ]
        self.rows = [
            row_of(
                row.activity,
                row.team_name,
                row.my_status,
                present.date_label(group.day) if i == 0 else "",
            )
            for group in found.days
            for i, row in enumerate(group.rows)
        ]
        self.page, self.pages = found.page, found.pages


class ActivityState(SessionState):
    """One activity and the viewer's sign-up; the big button changes with the status."""

    found: bool = False
    note: str = ""  # what the last tap did, or why not (kept to this page)
    note_warn: bool = False
    activity_id: str = ""
    title: str = ""
    kind: str = ""
    team_name: str = ""
    team_href: str = ""
    about: list[list[str]] = []
    description: str = ""
    picture_src: str = ""
    picture_alt: str = ""
    seats_line: str = ""
    waiting_line: str = ""
    phase: str = ""  # open, started, ended, cancelled
    phase_words: str = ""
    my_status: str = ""  # signed, waiting, "" (cancelled counts as "")
    my_status_words: str = ""
    my_status_tone: str = "plain"
    my_place: int = 0
    full: bool = False  # every seat taken: the button offers the waiting list
    confirming: bool = False
    sale_line: str = ""
    share_url: str = ""
    sign_in_href: str = "/login"
    can_manage: bool = False
    roster_href: str = ""
    edit_href: str = ""

    @rx.var
    def leave_label(self) -> str:
        """退出候补（第 n 位）."""
        return T.LEAVE_WAITING.format(n=self.my_place)

    @rx.event
    def load(self):
        """Open /activities/<id>."""
        self.note, self.note_warn, self.confirming = "", False, False
        actor = self._actor()
        self._show_actor(actor)
        self._reload(actor)

    def _id(self) -> int:
        return row_id(self.router.page.params.get("activity_id", ""))

    def _reload(self, actor: Actor | None) -> None:
        try:
            with db.transaction() as session:
                view = calendar.detail(session, actor, self._id())
        except DomainError as error:
            self._forget(error.message)
            return
        self._show(view)

    def _forget(self, message: str) -> None:
        self.found, self.activity_id, self.title, self.about = False, "", "", []
        self.my_status, self.can_manage, self.confirming = "", False, False
        self.note, self.note_warn = message, True

    def _show(self, view: calendar.ActivityView) -> None:
        activity = view.activity
        self.found, self.activity_id = True, str(activity.id)
        self.title, self.kind = activity.title, W.ACTIVITY_KINDS.get(activity.kind, "")
        self.team_name = view.team_name
        self.team_href = f"/teams/{activity.team_id}" if activity.team_id else ""
        starts = clock.as_utc(activity.starts_at)
        self.about = [
            [T.ROW_WHEN, f"{present.day(starts)} {time_words(activity)}"],
            [T.ROW_KIND, self.kind],
            [T.ROW_PLACE, activity.place],
            [T.ROW_WHO, W.AUDIENCES.get(activity.audience, "")],
        ]
        self.description = activity.description
        self.picture_src = f"/study/image/{activity.picture_id}" if activity.picture_id else ""
        self.picture_alt = T.PICTURE_ALT.format(title=activity.title)
        self.full = activity.seats_taken >= activity.capacity
        self.seats_line = T.SEATS.format(taken=activity.seats_taken, capacity=activity.capacity)
        self.waiting_line = T.WAITING_COUNT.format(n=view.waiting) if view.waiting else T.NO_WAITING
        self.phase = view.phase
        self.phase_words = {
            "started": T.STARTED,
            "ended": T.ENDED,
            "cancelled": T.NO_SIGNUP_CANCELLED,
        }.get(view.phase, "")
        status = view.mine.status if view.mine else ""
        self.my_status = status if status in ("signed", "waiting") else ""
        self.my_place = view.my_place
        self.my_status_tone = {"signed": "ok", "waiting": "warn"}.get(self.my_status, "plain")
        if self.my_status == "waiting":
            self.my_status_words = T.WAITING_PLACE.format(n=view.my_place)
        else:
            self.my_status_words = W.SIGNUP_STATUS.get(self.my_status, T.NOT_SIGNED)
        self.sale_line = (
            T.SALE_RAISED.format(
                amount=f"{view.sale.amount_fen / 100:,.2f}", purpose=view.sale.purpose
            )
            if view.sale
            else ""
        )
        path = f"/activities/{activity.id}"
        self.share_url = (self.router.headers.origin or "") + path
        self.sign_in_href = "/login?next=" + quote(path, safe="/")
        self.can_manage = view.can_manage
        self.roster_href = f"/leader/activity/{activity.id}"
        self.edit_href = f"/activities/{activity.id}/edit"

    def _act(self, service, done: str):
        actor = self._actor()
        self._show_actor(actor)
        self.confirming = False
        if actor is None:
            return rx.redirect(self.sign_in_href if self.found else "/login")
        try:
            with db.transaction() as session:
                service(session, actor, self._id())
        except NotSignedIn:
            return rx.redirect("/login")
        except DomainError as error:
            self._reload(actor)
            if self.found:
                self.note, self.note_warn = error.message, True
            return None
        self._reload(actor)
        self.note, self.note_warn = done.format(n=self.my_place), False
        return None

    @rx.event
    def sign_up(self):
        """报名."""
        return self._act(signups.sign_up, T.SIGNED_UP)

    @rx.event
    def join_waiting(self):
        """名额已满：排队候补."""
        return self._act(signups.join_waiting_list, T.WAITING_JOINED)

    @rx.event
    def ask_cancel(self):
        """取消报名: ask first, on the page itself."""
        self.confirming = self.my_status == "signed"

    @rx.event
    def keep(self):
        """不取消."""
        self.confirming = False

    @rx.event
    def cancel(self):
        """确定取消 / 退出候补."""
        done = T.WAITING_LEFT if self.my_status == "waiting" else T.CANCEL_DONE
        return self._act(signups.cancel, done)


def upcoming_rows(session, actor: Actor | None, limit: int = 3) -> list[dict[str, Any]]:
    """The actor's next sign-ups as list rows (for the home page)."""
    return [
        row_of(mine.activity, mine.team_name, mine.status)
        for mine in signups.my_upcoming(session, actor, limit)
    ]


def today_rows(session, actor: Actor | None) -> list[dict[str, Any]]:
    """Today's activities as list rows (for the home page)."""
    return [
        row_of(row.activity, row.team_name) for row in calendar.today_activities(session, actor)
    ]
