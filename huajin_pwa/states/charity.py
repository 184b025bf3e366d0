"""/leader/activity/<id>/sale (the leader records what a 义卖 raised) and /charity (the public
running total, by team, and the sales)."""

from typing import Any

import reflex as rx

from huajin_pwa import db, present, text
from huajin_pwa.services import charity, validate
from huajin_pwa.services.actor import Actor
from huajin_pwa.services.charity import SaleSheet, yuan
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors, Paged
from huajin_pwa.states.service_hours import ROLES, activity_about
from huajin_pwa.states.session import SessionState

C = text.Charity
FIELDS = ("amount", "purpose")
ANSWER_LIMIT = 120  # what is kept of a typed answer to show it again


class LeaderSaleState(FormErrors, SessionState):
    """/leader/activity/<id>/sale: the amount and what it is for; saving again corrects it."""

    found: bool = False
    notice_warn: bool = False
    back_href: str = "/leader"
    title: str = ""
    about: list[list[str]] = []
    started: bool = False
    recorded: str = ""
    answers: dict[str, str] = {}
    form_key: int = 0
    _activity_id: int = 0

    @rx.event
    def load(self):
        """Open the page of the activity the address names."""
        self.notice, self.notice_warn, self.errors = "", False, {}
        self._activity_id = row_id(self.router.page.params.get("activity_id", ""))
        return self._reload()

    def _forget(self) -> None:
        self.found, self.title, self.about, self.started, self.recorded = False, "", [], False, ""
        self.answers = {}

    def _reload(self, typed: dict[str, str] | None = None):
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        try:
            with db.transaction() as session:
                found = charity.sale_sheet(session, actor, self._activity_id)
        except DomainError as error:
            self._forget()
            self.notice, self.notice_warn = error.message, True
            return None
        self._show(found, typed)
        return None

    def _show(self, found: SaleSheet, typed: dict[str, str] | None) -> None:
        sale = found.sale
        self.found, self.title, self.started = True, found.activity.title, found.started
        self.back_href = f"/leader/activity/{found.activity.id}"
        self.about = activity_about(found.activity, found.team_name)
        self.recorded = (
            C.NOW_RECORDED.format(
                amount=yuan(sale.amount_fen),
                purpose=sale.purpose,
                who=found.recorded_by,
                when=present.day_time(sale.recorded_at),
            )
            if sale
            else ""
        )
        saved = (
            {"amount": yuan(sale.amount_fen).replace(",", ""), "purpose": sale.purpose}
            if sale
            else {"amount": "", "purpose": ""}
        )
        self.answers = typed or saved
        self.form_key += 1

    @rx.event
    def save(self, form: Any):
        """保存善款 (or 更正善款): record it, or show what to fix with the answers kept."""
        actor = self._require(*ROLES)
        if not isinstance(actor, Actor):
            self._forget()
            return actor
        data = form_dict(form)
        try:
            with db.transaction() as session:
                sale, corrected = charity.record(session, actor, self._activity_id, data)
                words = (C.CORRECTED if corrected else C.RECORDED).format(
                    amount=yuan(sale.amount_fen), purpose=sale.purpose
                )
        except FormError as error:
            self.errors = error.errors
            self._reload({name: validate.as_text(data.get(name))[:ANSWER_LIMIT] for name in FIELDS})
            self.notice, self.notice_warn = "", False
            return rx.call_script("window.huajinFocusErrors()")
        except DomainError as error:
            self.errors = {}
            self._reload()
            self.notice, self.notice_warn = error.message, True
            return None
        self.errors = {}
        self._reload()
        self.notice, self.notice_warn = words, False
        return None


class CharityState(Paged, SessionState):
    """/charity: open to everyone."""

    total: str = ""
    count: str = ""
    teams: list[dict[str, str]] = []
    rows: list[dict[str, str]] = []

    @rx.event
    def load(self):
        """Open /charity on its first page."""
        self.page = 1
        return self._reload()

    def _reload(self):
        actor = self._actor()
        if actor is None and self.token:
            self.token = ""
        self._show_actor(actor)
        with db.transaction() as session:
            fen, count = charity.running_total(session)
            teams = charity.by_team(session)
            found = charity.sales(session, self.page)
        self.total = C.TOTAL.format(amount=yuan(fen))
        self.count = C.SALES_COUNT.format(count=count)
        self.teams = [
            {"name": name, "line": C.TEAM_LINE.format(amount=yuan(team_fen), count=n)}
            for name, team_fen, n in teams
        ]
        self.page, self.pages = found.page, found.pages
        self.rows = [
            {
                "title": line.title,
                "day": present.day(line.starts_at),
                "team": line.team_name,
                "amount": C.YUAN.format(amount=yuan(line.fen)),
                "purpose": C.FOR.format(purpose=line.purpose),
            }
            for line in found.rows
        ]
        return None
