"""The signed-in session: the token on the device, who it is, and what the frame shows."""

from typing import Any

import reflex as rx

from huajin_pwa import db, text
from huajin_pwa.services import auth, inbox
from huajin_pwa.services.actor import Actor

TEXT_SIZES = ("normal", "large", "xlarge")


class SessionState(rx.State):
    """Base of every page state: re-reads the actor from the database on each action."""

    token: str = rx.LocalStorage("", name="huajin_token")
    text_size: str = rx.LocalStorage("normal", name="huajin_text_size")
    signed_in: bool = False
    user_name: str = ""
    roles: list[str] = []
    unread: int = 0
    notice: str = ""

    def _actor(self) -> Actor | None:
        """The actor behind this device's token, fresh from the database."""
        with db.transaction() as session:
            return auth.actor_from_token(session, self.token)

    def _show_actor(self, actor: Actor | None) -> None:
        """Copy what the page frame shows about the actor."""
        self.signed_in = actor is not None
        self.user_name = actor.name if actor else ""
        self.roles = sorted(actor.roles) if actor else []
        if actor is None:
            self.unread = 0
            return
        with db.transaction() as session:
            self.unread = inbox.unread_count(session, actor)

    def _require(self, *roles: str) -> Actor | rx.event.EventSpec:
        """The actor, or a redirect: to /login when signed out, to / without the role."""
        actor = self._actor()
        self._show_actor(actor)
        if actor is None:
            return rx.redirect("/login")
        if roles and not actor.has("admin", *roles):
            return rx.redirect("/")
        return actor

    @rx.event
    def refresh(self):
        """Page load: who is signed in, and the unread count."""
        actor = self._actor()
        if actor is None and self.token:
            self.token = ""
        self._show_actor(actor)

    @rx.event
    def sign_out(self):
        """End this device's session."""
        with db.transaction() as session:
            auth.sign_out(session, self.token)
        self.token = ""
        self._show_actor(None)
        self.notice = text.Auth.SIGNED_OUT
        return rx.redirect("/login")

    @rx.event
    def set_text_size(self, size: Any):
        """Remember the text size on this device and apply it at once."""
        size = size if size in TEXT_SIZES else "normal"
        self.text_size = size
        return rx.call_script(f"window.huajinSetTextSize('{size}')")

    @rx.event
    def clear_notice(self):
        """Forget a one-off notice once shown."""
        self.notice = ""
