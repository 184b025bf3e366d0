"""The demo community as plain data, drawn from random.Random(2019): the same every time.

Nothing here touches the database; load.py writes a Plan. Times are offsets in days before
"now", so the demo always looks recent.
"""

import random
from dataclasses import replace

from huajin_pwa import text
from huajin_pwa.demo import data
from huajin_pwa.demo.activity_cast import NEW_LEADER, UNDISCLOSED
from huajin_pwa.demo.records import (
    BUILDINGS_PER_GRID,
    CAST_PHONES,
    DEMO_PIN,
    DIFFICULTY_PER_GRID,
    DRAFT_STEPS,
    GRID_BUILDINGS,
    OFFICES,
    SEED,
    SIGN_IN_PHONES,
    STATUS_COUNTS,
    Block,
    Person,
    Plan,
)
from huajin_pwa.demo.referrals import draw_tips


def build(seed: int = SEED) -> Plan:
    """The whole demo community, drawn from one seeded generator."""
    rng = random.Random(seed)
    blocks = _blocks(rng)
    names = _Names(rng)
    people = _signed_in_members(rng, blocks, names)
    statuses = [status for status, n in STATUS_COUNTS.items() for _ in range(n)]
    for status in ("approved",) * len(people):
        statuses.remove(status)
    rng.shuffle(statuses)
    phones = _phones(rng, len(statuses))
    used_homes = {(p.building, p.unit, p.room) for p in people}
    for phone, status in zip(phones, statuses, strict=True):
        people.append(_person(rng, blocks, names, used_homes, phone, status))
    people = _in_difficulty(people)
    tips = draw_tips(rng, people, names)
    cast = _cast(random.Random(seed * 10 + 7), blocks, people)
    return Plan(offices=list(OFFICES), blocks=blocks, people=people, tips=tips, cast=cast)


def _cast(rng: random.Random, blocks: list[Block], people: list[Person]) -> list[Person]:
    """13800000011-23 of activity_cast.py, in grids 2 to 6, from their own generator (so
    everyone else stays as drawn): approved members, except UNDISCLOSED (pending)."""
    names = _Names(rng)
    names.used |= {p.name for p in people}
    used_homes = {(p.building, p.unit, p.room) for p in people}
    cast = []
    for index, phone in enumerate(CAST_PHONES):
        answers = _answers(rng, blocks, used_homes, 2 + index % 5)
        answers |= {"mobility_limited": False, "family_difficulty": False}
        if phone in (UNDISCLOSED, NEW_LEADER):
            answers["gender"] = "female"
        submitted = round(rng.uniform(6, 9), 3)  # after the holiday campaign began
        person = Person(
            phone=phone,
            name=names.take(answers["gender"]),
            status="approved",
            consent=True,
            roles=("member",),
            created_ago=round(submitted + 0.3, 3),
            submitted_ago=submitted,
            reviewed_ago=round(submitted - rng.uniform(0.5, 3), 3),
            **answers,
        )
        if phone == UNDISCLOSED:
            person = replace(
                person,
                status="pending",
                roles=(),
                submitted_ago=2.5,
                created_ago=2.8,
                reviewed_ago=None,
            )
        cast.append(person)
    return cast


def _in_difficulty(people: list[Person]) -> list[Person]:
    """Enough members in difficulty for every grid's monthly duty list (DIFFICULTY_PER_GRID):
    the oldest approved members not yet flagged, disclosed at least 20 days ago. Chosen
    without the generator, so nothing else drawn changes."""
    flagged: dict[int, int] = {}
    for person in people:
        if person.status == "approved" and person.family_difficulty:
            flagged[person.grid] = flagged.get(person.grid, 0) + 1
    candidates = sorted(
        (
            p
            for p in people
            if p.status == "approved"
            and not p.family_difficulty
            and p.phone not in SIGN_IN_PHONES
            and p.reviewed_ago >= 20
        ),
        key=lambda p: (p.birth_year, p.phone),
    )
    chosen = set()
    for person in candidates:
        wanted = DIFFICULTY_PER_GRID.get(person.grid, 0)
        if flagged.get(person.grid, 0) < wanted:
            flagged[person.grid] = flagged.get(person.grid, 0) + 1
            chosen.add(person.phone)
    return [replace(p, family_difficulty=True) if p.phone in chosen else p for p in people]


def _blocks(rng: random.Random) -> list[Block]:
    shapes = [(3, (6, 7), 2), (2, (11,), 4), (2, (18, 26), 4), (4, (6,), 2), (2, (33,), 6)]
    blocks = []
    for number in range(1, GRID_BUILDINGS + 1):
        units, floors, rooms = rng.choice(shapes)
        units = min(4, units + rng.choice((0, 0, 1)))
        blocks.append(
            Block(number, (number - 1) // BUILDINGS_PER_GRID + 1, units, rng.choice(floors), rooms)
        )
    return blocks


class _Names:
    """Unique invented names, never one from the report."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used = set(data.ARTICLE_NAMES) | {office.name for office in OFFICES}

    def take(self, gender: str) -> str:
        pool = data.MALE_GIVEN if gender == "male" else data.FEMALE_GIVEN
        while True:
            name = self.rng.choice(data.SURNAMES) + self.rng.choice(pool)
            if name not in self.used:
                self.used.add(name)
                return name

    def reserve(self, name: str) -> str:
        self.used.add(name)
        return name


def _phones(rng: random.Random, count: int) -> list[str]:
    prefixes = ("133", "135", "136", "137", "139", "150", "152", "158", "159", "186", "189")
    phones: list[str] = []
    while len(phones) < count:
        phone = rng.choice(prefixes) + f"{rng.randrange(10**8):08d}"
        if phone not in phones:
            phones.append(phone)
    return phones


def _home(rng: random.Random, blocks: list[Block], used: set, grid: int | None = None):
    choices = [b for b in blocks if grid is None or b.grid == grid]
    while True:
        block = rng.choice(choices)
        unit = rng.randint(1, block.units)
        room = f"{rng.randint(1, block.floors)}{rng.randint(1, block.rooms_per_floor):02d}"
        if (block.number, unit, room) not in used:
            used.add((block.number, unit, room))
            return block, unit, room


def _codes(rng: random.Random, options: dict[str, str], most: int) -> str:
    picked = set(rng.sample(list(options), rng.randint(0, most)))
    return ",".join(code for code in options if code in picked)


def _answers(rng: random.Random, blocks, used_homes, grid: int | None = None) -> dict:
    """A complete set of disclosure answers for someone born 1940-1965."""
    gender = rng.choice(("male", "female"))
    birth = rng.randint(1940, 1965)
    block, unit, room = _home(rng, blocks, used_homes, grid)
    place, org = rng.choice(data.ORGANISATIONS)
    needs = rng.random()
    return {
        "gender": gender,
        "birth_year": birth,
        "building": block.number,
        "unit": unit,
        "room": room,
        "grid": block.grid,
        "org_name": org + text.Demo.SUFFIX,
        "org_place": place,
        "party_year": min(2005, birth + rng.randint(19, 40)),
        "moved_in_year": rng.randint(2012, 2024),
        "moved_in_month": rng.choice((None, *range(1, 13))),
        "mobility_limited": True if needs < 0.15 else (None if needs > 0.85 else False),
        "family_difficulty": True if 0.1 < needs < 0.22 else (None if needs > 0.9 else False),
        "hobbies": _codes(rng, text.Join.HOBBIES, 3),
        "wishes": _codes(rng, text.Join.WISHES, 2),
    }


def _person(rng, blocks, names, used_homes, phone: str, status: str) -> Person:
    answers = _answers(rng, blocks, used_homes)
    name = names.take(answers["gender"])
    on_behalf = answers["grid"] == 1 and rng.random() < 0.4
    if status == "pending":
        submitted = round(rng.uniform(0.1, 20), 3)
    else:
        submitted = round(rng.uniform(1.5, 60), 3)
    person = Person(
        phone=phone,
        name=name,
        status=status,
        consent=True,
        on_behalf=on_behalf,
        created_ago=round(submitted + rng.uniform(0.01, 1.5), 3),
        submitted_ago=submitted,
        reviewed_ago=round(max(0.05, submitted - rng.uniform(0.1, 5)), 3),
        reason=rng.choice(data.REJECT_REASONS) if status == "rejected" else "",
        roles=("member",) if status == "approved" else (),
        **answers,
    )
    if status in ("pending", "withdrawn"):
        person = replace(person, reviewed_ago=None)
    if status == "draft":
        person = _unfinished(rng, person)
    return person


def _unfinished(rng: random.Random, person: Person) -> Person:
    """A draft answered up to some question page, the rest left empty."""
    blank: dict = {"consent": False, "submitted_ago": None, "reviewed_ago": None}
    answered = rng.randint(0, len(DRAFT_STEPS))
    later = DRAFT_STEPS[answered:]
    if "basic" in later:
        blank |= {"gender": "", "birth_year": None}
    if "address" in later:
        blank |= {"building": None, "unit": None, "room": "", "grid": None}
    if "org" in later:
        blank |= {"org_name": "", "org_place": "", "party_year": None}
    if "moved_in" in later:
        blank |= {"moved_in_year": None, "moved_in_month": None}
    if "needs" in later:
        blank |= {"mobility_limited": None, "family_difficulty": None}
    if "hobbies" in later:
        blank |= {"hobbies": "", "wishes": ""}
    return replace(person, created_ago=round(rng.uniform(0.1, 30), 3), **blank)


def _signed_in_members(rng: random.Random, blocks, names: _Names) -> list[Person]:
    """13800000003-05 of DESIGN §10: a troupe and team leader, and two grid-1 members."""
    used: set = set()
    specs = [
        ("13800000003", "张国华", "135790", 2, ("member", "leader"), {}),
        ("13800000004", "李秀兰", DEMO_PIN, 1, ("member",), {}),
        (
            "13800000005",
            "赵德明",
            DEMO_PIN,
            1,
            ("member",),
            {"mobility_limited": True, "family_difficulty": True},
        ),
    ]
    people = []
    for phone, name, pin, grid, roles, overrides in specs:
        answers = _answers(rng, blocks, used, grid) | overrides
        answers["gender"] = "female" if name == "李秀兰" else "male"
        if phone == "13800000003":
            answers |= {"hobbies": "sing,instrument", "wishes": "arts,teaching"}
        submitted = round(rng.uniform(30, 55), 3)
        people.append(
            Person(
                phone=phone,
                name=names.reserve(name),
                status="approved",
                consent=True,
                pin=pin,
                roles=roles,
                created_ago=submitted + 0.2,
                submitted_ago=submitted,
                reviewed_ago=round(submitted - rng.uniform(0.5, 3), 3),
                **answers,
            )
        )
    return people
