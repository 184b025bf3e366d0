"""SQLModel tables, one module per area. Importing this package registers every table."""

from huajin_pwa.models.account import Account, AuthSession, RoleGrant
from huajin_pwa.models.activity import Activity, ActivitySignup, CharitySale
from huajin_pwa.models.audit import AuditEntry
from huajin_pwa.models.community import Building, Grid
from huajin_pwa.models.disclosure import Disclosure, Referral
from huajin_pwa.models.message import Message
from huajin_pwa.models.pin_reset import PinReset
from huajin_pwa.models.study import (
    StudyAttendance,
    StudyImage,
    StudyRecord,
    StudyReflection,
    StudySession,
    StudyVersion,
    StudyWeek,
)
from huajin_pwa.models.team import Team, TeamMember
from huajin_pwa.models.visit import Campaign, HealthRecord, HelpRecord, Visit

__all__ = [
    "Account",
    "Activity",
    "ActivitySignup",
    "AuditEntry",
    "AuthSession",
    "Building",
    "Campaign",
    "CharitySale",
    "Disclosure",
    "Grid",
    "HealthRecord",
    "HelpRecord",
    "Message",
    "PinReset",
    "Referral",
    "RoleGrant",
    "StudyAttendance",
    "StudyImage",
    "StudyRecord",
    "StudyReflection",
    "StudySession",
    "StudyVersion",
    "StudyWeek",
    "Team",
    "TeamMember",
    "Visit",
]
