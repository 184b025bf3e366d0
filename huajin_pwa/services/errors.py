"""The errors services raise; their messages are shown to users as they are."""


class DomainError(Exception):
    """A refusal with a clear Chinese message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class FormError(DomainError):
    """Bad answers on a form: one message per field name."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("；".join(errors.values()))
        self.errors = errors


class PermissionDenied(DomainError):
    """The actor may not do this."""


class NotSignedIn(PermissionDenied):
    """Nobody is signed in, or the sign-in has ended."""
