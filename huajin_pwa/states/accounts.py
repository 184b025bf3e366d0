"""/staff/accounts: find an account; grant or take roles; disable, enable, unlock."""

from typing import Any

import reflex as rx

from huajin_pwa import db, text
from huajin_pwa.services import accounts, community
from huajin_pwa.services.actor import ROLES, Actor
from huajin_pwa.services.errors import DomainError, FormError
from huajin_pwa.states.forms import form_dict, row_id
from huajin_pwa.states.mixins import FormErrors
from huajin_pwa.states.session import SessionState

A = text.Accounts


class AccountsState(FormErrors, SessionState):
    """One account on the staff accounts page."""

    found: bool = False
    name: str = ""
    phone: str = ""
    status: list[str] = []
    sign_in_kind: str = ""
    active: bool = True
    locked: bool = False
    role_rows: list[list[str]] = []  # [role code, role words with grid]
    role_options: list[list[str]] = []
    grid_options: list[list[str]] = []
    _account_id: int = 0

    @rx.event
    def load(self):
        """Open /staff/accounts."""
        actor = self._require("staff")
        if not isinstance(actor, Actor):
            return actor
        self.errors, self.found, self._account_id = {}, False, 0
        with db.transaction() as session:
            grids = community.grids(session)
        self.grid_options = [[str(grid.id), grid.name] for grid in grids]
        self.role_options = [
            [role, text.Me.ROLE_NAMES[role]] for role in accounts.grantable_roles(actor)
        ]

    def _show(self, actor: Actor) -> None:
        with db.transaction() as session:
            shown = accounts.view(session, actor, self._account_id)
        account = shown.account
        self.found, self.name, self.phone = True, account.name, account.phone
        self.active, self.locked = account.active, shown.locked
        self.sign_in_kind = A.SIGN_IN_KIND.get(account.secret_kind, "")
        self.status = [A.ACTIVE if account.active else A.DISABLED] + (
            [A.LOCKED] if shown.locked else []
        )
        self.role_rows = [
            [role, text.Me.ROLE_NAMES.get(role, role) + (f"（{grid}）" if grid else "")]
            for role, grid in shown.roles
        ]

    def _act(self, change) -> Any:
        """Run one change on the shown account, then show it again."""
        actor = self._require("staff")
        if not isinstance(actor, Actor):
            return actor
        try:
            with db.transaction() as session:
                change(session, actor)
            self.notice, self.errors = A.SAVED, {}
        except FormError as error:
            self.errors = error.errors
            return rx.call_script("window.huajinFocusErrors()")
        except DomainError as error:
            self.notice = error.message
        if self._account_id:
            self._show(actor)

    @rx.event
    def find(self, form: Any):
        """Look an account up by phone number."""
        actor = self._require("staff")
        if not isinstance(actor, Actor):
            return actor
        self.notice = ""
        try:
            with db.transaction() as session:
                shown = accounts.lookup(session, actor, form_dict(form).get("phone"))
        except FormError as error:
            self.errors, self.found = error.errors, False
            return rx.call_script("window.huajinFocusErrors()")
        self.errors, self._account_id = {}, shown.account.id
        self._show(actor)

    @rx.event
    def grant(self, form: Any):
        """Give the shown account a role (a secretary role names its grid)."""
        data = form_dict(form)
        role, grid = data.get("role"), row_id(data.get("grid", ""))
        if role not in ROLES:
            self.errors = {"role": A.ROLE_MISSING}
            return rx.call_script("window.huajinFocusErrors()")
        if role == "secretary" and not grid:
            self.errors = {"grid": A.GRID_MISSING}
            return rx.call_script("window.huajinFocusErrors()")
        return self._act(
            lambda session, actor: accounts.grant_role(
                session, actor, self._account_id, role, grid or None
            )
        )

    @rx.event
    def revoke(self, role: Any):
        """Take a role away."""
        return self._act(
            lambda session, actor: accounts.revoke_role(session, actor, self._account_id, role)
        )

    @rx.event
    def set_active(self, active: Any):
        """Disable or re-enable the account."""
        if not isinstance(active, bool):
            return
        return self._act(
            lambda session, actor: accounts.set_active(session, actor, self._account_id, active)
        )

    @rx.event
    def unlock(self):
        """Lift a lockout."""
        return self._act(lambda session, actor: accounts.unlock(session, actor, self._account_id))

    @rx.event
    def another(self):
        """Back to the search."""
        self.found, self._account_id, self.notice, self.errors = False, 0, "", {}
