"""/activities until its features arrive: what will be here, where to go now."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import actions, link_button
from huajin_pwa.components.layout import page_frame


def soon_page(section: str):
    """A page for a navigation section that opens in a later release."""

    def page() -> rx.Component:
        return page_frame(
            rx.el.h1(text.Soon.TITLES[section]),
            rx.el.p(text.Soon.BODY[section], class_name="hj-lead"),
            actions(link_button(text.Soon.BACK_HOME, "/", False)),
            active=section,
        )

    return page
