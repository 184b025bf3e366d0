"""The domain: plain functions taking a session and the actor; every rule lives here."""
