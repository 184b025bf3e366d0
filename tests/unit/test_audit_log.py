"""The audit log as staff read it: newest first, with names, a fixed number of queries."""

import re
from pathlib import Path

import pytest
from sqlalchemy import event

from huajin_pwa import services, text
from huajin_pwa.services import audit, reflections
from huajin_pwa.services.errors import NotSignedIn, PermissionDenied
from tests.conftest import make_actor


def test_recent_lists_newest_first_with_names(session, staff, secretary):
    audit.record(session, staff.account_id, "role_granted", "account", secretary.account_id)
    audit.record(session, None, "account_locked", "account", staff.account_id)
    session.commit()
    page = audit.recent(session, staff)
    entries = [entry for entry, _who in page.rows]
    assert [e.action for e in entries] == ["account_locked", "role_granted"]
    assert [who for _entry, who in page.rows] == [None, staff.name]
    names = audit.target_names(session, entries)
    assert names == {
        ("account", staff.account_id): staff.name,
        ("account", secretary.account_id): secretary.name,
    }


def test_target_names_cost_one_query_per_kind(session, engine, staff):
    for _ in range(25):
        audit.record(session, staff.account_id, "role_granted", "account", staff.account_id)
    session.commit()
    entries = [entry for entry, _who in audit.recent(session, staff).rows]
    statements = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    audit.target_names(session, entries)
    assert len(statements) == 1


def test_only_staff_read_the_log(session, community, secretary):
    member = make_actor(session, "13900000009", "吴桂芳", roles=["member"])
    for actor in (member, secretary):
        with pytest.raises(PermissionDenied):
            audit.recent(session, actor)
    with pytest.raises(NotSignedIn):
        audit.recent(session, None)


def _audited_actions() -> set[str]:
    """Every action code the services write to the audit log (a literal, or one the reflection
    reply builds from its two outcomes)."""
    found: set[str] = set()
    for path in Path(services.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'audit\.record\(\s*session,\s*[^,]+,\s*"([a-z_]+)"', source))
        for line in re.findall(r"action = .*", source):
            found |= set(re.findall(r'"([a-z]+_[a-z_]+)"', line))
    return found | {f"reflection_{outcome}" for outcome in reflections.ACTIONS.values()}


def test_every_audited_action_has_a_chinese_name():
    actions = _audited_actions()
    assert {"visit_done", "study_home", "reflection_commented"} <= actions
    assert actions - set(text.Audit.ACTIONS) == set()
