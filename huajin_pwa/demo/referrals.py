"""以老带新 in the demo: referrals from approved members, in every state."""

import random

from huajin_pwa import text
from huajin_pwa.demo import data
from huajin_pwa.demo.records import GRID_BUILDINGS, REFERRAL_COUNTS, SIGN_IN_PHONES, Person, Tip


def draw_tips(rng: random.Random, people: list[Person], names) -> list[Tip]:
    """以老带新 referrals from approved members, some linked to a later disclosure."""
    approved = [p for p in people if p.status == "approved"]
    recent = [
        p for p in people if p.status in ("pending", "approved") and p.phone not in SIGN_IN_PHONES
    ]
    disclosed = rng.sample(recent, REFERRAL_COUNTS["disclosed"])
    tips = []
    for status, count in REFERRAL_COUNTS.items():
        for index in range(count):
            referrer = approved[0] if index == 0 else rng.choice(approved)
            target = disclosed[index] if status == "disclosed" else None
            if target is not None and target.phone == referrer.phone:
                referrer = approved[1]
            name = target.name if target else names.take(rng.choice(("male", "female")))
            block = (target and target.building) or rng.randint(1, GRID_BUILDINGS)
            note = ""
            if status == "following":
                note = rng.choice(data.FOLLOWING_NOTES)
            elif status == "closed":
                note = rng.choice(data.CLOSED_NOTES)
            if target is not None:
                days = target.submitted_ago + rng.uniform(2, 10)
                handled = max(0.05, target.submitted_ago - rng.uniform(0.2, 1))
            else:
                days = rng.uniform(1, 40)
                handled = max(0.05, days - rng.uniform(0.5, 5))
            tips.append(
                Tip(
                    referrer_phone=referrer.phone,
                    name=name,
                    whereabouts=f"住{block}栋{text.Demo.SUFFIX}",
                    how_known=rng.choice(data.HOW_KNOWN),
                    status=status,
                    staff_note=note,
                    disclosed_phone=target.phone if target else None,
                    days_ago=round(days, 3),
                    handled_ago=None if status == "new" else round(handled, 3),
                )
            )
    return tips
