"""Shared by the 亮明身份 service tests: the standard answers and small database helpers."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func
from sqlmodel import select

from huajin_pwa import db
from huajin_pwa.models import Account, AuditEntry, AuthSession, Disclosure, Message
from huajin_pwa.services import disclosure
from huajin_pwa.services.errors import FormError

PHONE = "13700000001"
GOOD_FORM = {"name": "张桂英", "phone": PHONE, "pin": "135790", "pin_again": "135790"}
NOW = datetime(2026, 6, 15, 8, 0, tzinfo=UTC)


def count(model) -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def counts() -> dict[str, int]:
    return {m.__name__: count(m) for m in (Account, Disclosure, AuthSession, AuditEntry, Message)}


def load(disclosure_id: int) -> Disclosure:
    with db.transaction() as session:
        return session.get(Disclosure, disclosure_id)


def messages_to(account_id: int) -> list[Message]:
    with db.transaction() as session:
        return list(session.exec(select(Message).where(Message.account_id == account_id)).all())


def start_refused(run, actor, form) -> dict[str, str]:
    """Start with a bad form: the field errors, after checking nothing was saved."""
    before = counts()
    with pytest.raises(FormError) as caught:
        run(disclosure.start, actor, form)
    assert counts() == before
    return caught.value.errors


def save(run, actor, disclosure_id, step, form) -> Disclosure:
    run(disclosure.save_step, actor, disclosure_id, step, form)
    return load(disclosure_id)


def refused(run, actor, disclosure_id, step, form) -> dict[str, str]:
    """Save a step with bad answers: the field errors, after checking the draft is unchanged."""
    before = load(disclosure_id).model_dump()
    with pytest.raises(FormError) as caught:
        run(disclosure.save_step, actor, disclosure_id, step, form)
    assert load(disclosure_id).model_dump() == before
    return caught.value.errors
