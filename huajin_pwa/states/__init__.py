"""Reflex State classes: thin adapters that resolve the actor and call services."""
