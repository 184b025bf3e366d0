"""The shapes the demo plan is made of, and its fixed sizes and sign-ins."""

from dataclasses import dataclass, field

SEED = 2019
GRID_NAMES = ("第一网格", "第二网格", "第三网格", "第四网格", "第五网格", "第六网格")
BUILDINGS_PER_GRID = 5
GRID_BUILDINGS = len(GRID_NAMES) * BUILDINGS_PER_GRID
STATUS_COUNTS = {"approved": 62, "pending": 24, "draft": 14, "rejected": 10, "withdrawn": 10}
REFERRAL_COUNTS = {"new": 5, "following": 4, "disclosed": 4, "closed": 3}
DRAFT_STEPS = ("basic", "address", "org", "moved_in", "needs", "hobbies")
DEMO_PIN = "246810"
SIGN_IN_PHONES = frozenset(f"1380000000{n}" for n in range(6))
# The fixed phones of activity_cast.py (PIN 246810), in grids 2 to 6.
CAST_PHONES = tuple(f"138000000{n}" for n in range(11, 24))
# At least this many approved members in difficulty per grid (the monthly duty list).
DIFFICULTY_PER_GRID = {1: 3, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2}


@dataclass(frozen=True)
class Office:
    """A staff, admin or secretary sign-in (password)."""

    phone: str
    name: str
    password: str
    role: str
    grid: int | None = None


@dataclass(frozen=True)
class Block:
    """A building: its number, grid number and shape."""

    number: int
    grid: int
    units: int
    floors: int
    rooms_per_floor: int


@dataclass(frozen=True)
class Person:
    """A member and their latest disclosure; draft answers not yet given are empty."""

    phone: str
    name: str
    status: str
    gender: str = ""
    birth_year: int | None = None
    building: int | None = None
    unit: int | None = None
    room: str = ""
    grid: int | None = None
    org_name: str = ""
    org_place: str = ""
    party_year: int | None = None
    moved_in_year: int | None = None
    moved_in_month: int | None = None
    mobility_limited: bool | None = None
    family_difficulty: bool | None = None
    hobbies: str = ""
    wishes: str = ""
    consent: bool = False
    on_behalf: bool = False
    reason: str = ""
    pin: str = DEMO_PIN
    roles: tuple[str, ...] = ()
    created_ago: float = 0.0
    submitted_ago: float | None = None
    reviewed_ago: float | None = None


@dataclass(frozen=True)
class Tip:
    """A referral (以老带新) from one member about another person."""

    referrer_phone: str
    name: str
    whereabouts: str
    how_known: str
    status: str
    staff_note: str = ""
    disclosed_phone: str | None = None
    days_ago: float = 0.0
    handled_ago: float | None = None


@dataclass(frozen=True)
class Plan:
    """Everything the demo loads."""

    offices: list[Office]
    blocks: list[Block]
    people: list[Person]
    tips: list[Tip] = field(default_factory=list)
    # The people of the teams-and-activities walkthroughs (activity_cast.py), written after
    # the visit and study demo, so those stay as they are.
    cast: list[Person] = field(default_factory=list)

    @property
    def everyone(self) -> list[Person]:
        return [*self.people, *self.cast]


OFFICES = [
    Office("13800000000", "陈志远", "huajin-admin-demo", "admin"),
    Office("13800000001", "王晓燕", "huajin-staff-demo", "staff"),
    Office("13800000002", "刘桂珍", "huajin-grid-demo", "secretary", grid=1),
]
