"""The large-print UI kit: every page is built from these."""
