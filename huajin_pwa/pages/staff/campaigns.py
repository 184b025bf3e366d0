"""/staff/campaigns: 节日慰问 campaigns with their progress, and the form that starts one."""

import reflex as rx

from huajin_pwa import text
from huajin_pwa.components.buttons import link_button, primary_button
from huajin_pwa.components.display import card, empty_state, notice, pager, status_tag
from huajin_pwa.components.fields import choice_group, error_summary, select_field, text_field
from huajin_pwa.components.layout import page_frame
from huajin_pwa.components.progress import progress_bar
from huajin_pwa.states.campaigns import CampaignsState

C = text.CampaignPage
S = CampaignsState


def campaign_card(row) -> rx.Component:
    return card(
        rx.el.div(
            rx.el.h3(row["label"], style={"margin": "0"}),
            status_tag(row["stage"], row["tone"]),
            class_name="hj-row",
        ),
        rx.el.p(row["dates"]),
        rx.el.p(row["audience"]),
        progress_bar(row["done"], row["total"], row["width"], row["words"], row["name"]),
        link_button(
            C.OPEN,
            "/staff/campaigns/" + row["id"].to(str),
            False,
            aria_label=C.OPEN + " " + row["label"].to(str),
        ),
    )


def new_campaign_form() -> rx.Component:
    answers = S.answers
    return rx.el.form(
        text_field("name", C.NAME, S.errors, answers["name"], hint=C.NAME_HINT, max_length=30),
        text_field("starts_on", C.STARTS_ON, S.errors, answers["starts_on"], type="date"),
        text_field(
            "ends_on",
            C.ENDS_ON,
            S.errors,
            answers["ends_on"],
            hint=C.ENDS_ON_HINT,
            type="date",
        ),
        choice_group(
            "audience",
            C.AUDIENCE_LEGEND,
            S.errors,
            text.Campaign.AUDIENCES,
            answers["audience"],
        ),
        rx.el.div(
            select_field(
                "grid",
                C.GRID,
                S.errors,
                S.grid_options,
                answers["grid"],
                placeholder=C.GRID_CHOOSE,
            ),
            class_name="hj-reveal-grid",
        ),
        primary_button(C.CREATE),
        on_submit=S.create,
        reset_on_submit=False,
        no_validate=True,
        key=S.form_key,
        class_name="hj-campaign-form",
        id="new-campaign",
    )


def campaigns_page() -> rx.Component:
    return page_frame(
        notice(S.notice, warn=True),
        error_summary(S.error_list),
        rx.el.h1(C.TITLE),
        rx.el.p(C.INTRO),
        link_button(C.NEW_HEADING, "#new-heading", False),
        rx.el.h2(C.LIST_HEADING),
        rx.cond(
            S.rows.length() > 0,
            rx.el.div(
                rx.foreach(S.rows, campaign_card),
                pager(S.page, S.pages, S.go(-1), S.go(1)),
                id="campaigns",
            ),
            empty_state(C.LIST_EMPTY, C.LIST_EMPTY_HINT),
        ),
        rx.el.h2(C.NEW_HEADING, id="new-heading"),
        rx.cond(S.ready, new_campaign_form(), rx.el.p(text.Kit.LOADING, role="status")),
        back="/staff",
        active="home",
    )
