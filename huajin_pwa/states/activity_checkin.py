"""/leader/activity/<id>: the leader's check-in page (QR code, live counts, tick boxes), and
/activities/checkin/<token>: what a phone opens from the QR code.

The counts and the roster refresh every few seconds while the page is open: a background
event started when the counts mount, which stops when the page is left (unmount, another
page, a newer watch) or the browser's socket is gone."""

import asyncio
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import reflex as rx
from reflex_base.registry import RegistrationContext

from huajin_pwa import db, present, text
from huajin_pwa.services import activity_calendar, activity_checkin, clock
from huajin_pwa.services.activity_checkin import Roster
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.errors import DomainError
from huajin_pwa.states.forms import row_id
from huajin_pwa.states.session import SessionState

T = text.ActivityCheckin
W = text.TeamWords
REFRESH_SECONDS = 4
MAX_WATCH = timedelta(hours=12) // timedelta(seconds=REFRESH_SECONDS)  # a safety net
PAGE_PREFIX = "/leader/activity/"


def client_connected(token: str) -> bool:
    """Whether this browser's socket is still open (as Reflex's docs check in a background
    task); with no app running (a test) there is no socket to lose."""
    try:
        namespace = RegistrationContext.get().app.event_namespace
    except (LookupError, RuntimeError):
        return True
    return namespace is None or token in namespace.token_to_sid


class LeaderActivityState(SessionState):
    """One activity for its leader (or staff): what it is, its QR code, the counts and the
    roster with a tick box for each person signed up."""

    found: bool = False
    notice_warn: bool = False
    roster_notice: str = ""  # what the last tap did, shown by the roster
    roster_warn: bool = False
    activity_id: str = ""
    title: str = ""
    about: list[list[str]] = []
    cancelled: bool = False
    qr_uri: str = ""
    checkin_url: str = ""
    signed: int = 0
    checked_in: int = 0
    waiting: int = 0
    can_tick: bool = False
    people: list[dict[str, str]] = []
    show_hours: bool = False  # 志愿服务 after the end
    show_sale: bool = False  # 义卖
    show_edit: bool = False  # open and not started yet (changes stop at the start)
    _activity: int = 0
    _watch: int = 0  # the running watch's number; a new one (or leaving) ends the old

    @rx.var
    def count_line(self) -> str:
        """已报名 x · 已签到 y · 候补 z."""
        return T.COUNTS.format(signed=self.signed, present=self.checked_in, waiting=self.waiting)

    @rx.event
    def load(self):
        """Open the page: the activity, its code, the counts and the roster."""
        self.notice, self.notice_warn = "", False
        self.roster_notice, self.roster_warn = "", False
        self._watch += 1
        actor = self._require()
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        self._reload(actor, row_id(self.router.page.params.get("activity_id", "")))

    def _forget(self) -> None:
        self.found, self._activity, self.activity_id, self.title = False, 0, "", ""
        self.about, self.people, self.qr_uri, self.checkin_url = [], [], "", ""
        self.signed = self.checked_in = self.waiting = 0
        self.can_tick = self.cancelled = self.show_hours = self.show_sale = False
        self.show_edit = False

    def _reload(self, actor: Actor, activity_id: int) -> bool:
        try:
            with db.transaction() as session:
                found = activity_checkin.roster(session, actor, activity_id)
        except DomainError as error:
            self._forget()
            self.notice, self.notice_warn = error.message, True
            return False
        self._show(found)
        return True

    def _show(self, found: Roster) -> None:
        row = found.activity
        starts, ends = clock.as_utc(row.starts_at), clock.as_utc(row.ends_at)
        self.found, self._activity, self.activity_id = True, row.id, str(row.id)
        self.title, self.cancelled = row.title, row.status != "open"
        when = T.WHEN.format(
            day=present.day(starts),
            start=f"{present.local(starts):%H:%M}",
            end=f"{present.local(ends):%H:%M}",
        )
        self.about = [
            [T.TIME_ROW, when],
            [T.PLACE_ROW, row.place],
            [T.KIND_ROW, W.ACTIVITY_KINDS.get(row.kind, row.kind)],
            [T.TEAM_ROW, found.team_name or W.COMMUNITY_ACTIVITY],
            [T.STATUS_ROW, W.ACTIVITY_PHASES[activity_calendar.phase(row)]],
        ]
        origin = self.router.headers.origin or ""
        self.checkin_url = origin + activity_checkin.checkin_path(row.token)
        self.qr_uri = activity_checkin.qr_svg(self.checkin_url)
        now = clock.now()
        ended, self.show_edit = now > ends, now < starts and not self.cancelled
        self.show_hours = row.kind == "service" and ended and not self.cancelled
        self.show_sale = row.kind == "sale" and not self.cancelled
        self.can_tick = found.can_tick
        people = [
            {
                "id": str(line.signup_id),
                "name": line.name,
                "via": line.via,
                "how": T.VIA.get(line.via, T.ABSENT)
                + (f" · {T.HOURS_DONE}" if line.locked else ""),
                "locked": "yes" if line.locked or not found.can_tick else "",
            }
            for line in found.lines
        ]
        if people != self.people:  # the refresh sends the roster only when it changed
            self.people = people
        self.signed, self.checked_in = found.counts.signed, found.counts.present
        self.waiting = found.counts.waiting

    @rx.event
    def set_present(self, signup_id: Any, checked: Any):
        """A tap on a tick box: check the person in (checked true) or take it back."""
        actor = self._require()
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        name = next((p["name"] for p in self.people if p["id"] == str(signup_id)), "")
        service = activity_checkin.tick if checked is True else activity_checkin.untick
        try:
            with db.transaction() as session:
                service(session, actor, self._activity, [signup_id])
        except DomainError as error:
            if self._reload(actor, self._activity):
                self.roster_notice, self.roster_warn = error.message, True
            return
        if self._reload(actor, self._activity):
            words = T.TICKED if checked is True else T.UNTICKED
            self.roster_notice, self.roster_warn = words.format(name=name), False

    @rx.event
    def stop_watching(self):
        """The page is left: the running watch ends at its next turn."""
        self._watch += 1

    def _still_here(self, mine: int) -> bool:
        """Whether the watch numbered mine should go on: no newer watch, still on the page."""
        path = self.router.url.path or ""
        return mine == self._watch and self.found and path.startswith(PAGE_PREFIX)

    @rx.event(background=True)
    async def watch(self):
        """While the page is open: the counts and roster again every few seconds."""
        async with self:
            self._watch += 1
            mine = self._watch
            client = self.router.session.client_token
        for _turn in range(MAX_WATCH):
            await asyncio.sleep(REFRESH_SECONDS)
            async with self:
                if not self._still_here(mine) or not client_connected(client):
                    return
                actor = self._actor()
                if actor is None or not self._reload(actor, self._activity):
                    return


class ActivityScanState(SessionState):
    """The outcome of opening a check-in link: ok (签到成功), again (已经签到), refused or
    signed_out."""

    outcome: str = ""
    headline: str = ""
    detail: str = ""
    help_text: str = ""  # a refusal: who can help
    activity_href: str = ""
    sign_in_href: str = "/login"  # back to this link after signing in

    @rx.event
    def load(self):
        """Check the signed-in person in with the link's code."""
        self.outcome, self.headline, self.detail, self.help_text = "", "", "", ""
        self.activity_href = ""
        actor = self._actor()
        self._show_actor(actor)
        if actor is None:
            self.token = ""
            self.sign_in_href = "/login?next=" + quote(self.router.url.path, safe="/")
            self.outcome, self.headline, self.detail = "signed_out", T.SIGN_IN_FIRST, T.SIGN_IN_HOW
            return
        code = self.router.page.params.get("token", "")
        try:
            with db.transaction() as session:
                result = activity_checkin.check_in(session, actor, code)
        except DomainError as error:
            self.outcome, self.headline, self.detail = "refused", T.REFUSED, error.message
            self.help_text = T.REFUSED_HELP
            return
        self.outcome = "ok" if result.created else "again"
        self.headline, self.detail = result.title, result.message
        self.activity_href = f"/activities/{result.activity_id}"
