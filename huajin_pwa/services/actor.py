"""Who is asking: the signed-in account and its roles, and the permission checks."""

from dataclasses import dataclass, field

from huajin_pwa import text
from huajin_pwa.services.errors import NotSignedIn, PermissionDenied

MEMBER = "member"
LEADER = "leader"
SECRETARY = "secretary"
STAFF = "staff"
ADMIN = "admin"
ROLES = (MEMBER, LEADER, SECRETARY, STAFF, ADMIN)
OFFICE_ROLES = (STAFF, ADMIN)


@dataclass(frozen=True)
class Actor:
    """A signed-in account as it is right now in the database."""

    account_id: int
    name: str
    phone: str
    roles: frozenset[str] = field(default_factory=frozenset)
    secretary_grids: frozenset[int] = field(default_factory=frozenset)

    def has(self, *roles: str) -> bool:
        """Whether the actor holds any of roles."""
        return any(role in self.roles for role in roles)

    @property
    def is_office(self) -> bool:
        """Staff or admin."""
        return self.has(*OFFICE_ROLES)


def require_signed_in(actor: Actor | None) -> Actor:
    """The actor, or NotSignedIn."""
    if actor is None:
        raise NotSignedIn(text.Err.NOT_SIGNED_IN)
    return actor


def require_role(actor: Actor | None, *roles: str) -> Actor:
    """The actor if it holds one of roles (admin holds them all), else a refusal."""
    actor = require_signed_in(actor)
    if not actor.has(ADMIN, *roles):
        raise PermissionDenied(text.Err.NO_PERMISSION)
    return actor
