"""Reflex configuration: SQLite under data/ unless REFLEX_DB_URL says otherwise."""

import reflex as rx

from huajin_pwa.settings import default_db_url

config = rx.Config(
    app_name="huajin_pwa",
    db_url=default_db_url(),
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(
                appearance="light",
                accent_color="red",
                gray_color="slate",
                radius="large",
                scaling="110%",
            )
        ),
    ],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
