"""Completion as a list of labelled progress bars, each with its numbers in words (the rows
states.study_branch.bar_row makes)."""

import reflex as rx

from huajin_pwa.components.progress import progress_bar


def bar_item(row) -> rx.Component:
    """One labelled progress bar, its numbers in words (never the bar alone)."""
    return rx.el.li(
        rx.el.p(row["label"], class_name="hj-strong hj-sb-bar-label"),
        progress_bar(row["done"], row["total"], row["width"], row["words"], row["bar_label"]),
        class_name="hj-progress-item",
    )


def bar_list(rows, list_id: str) -> rx.Component:
    return rx.el.ul(rx.foreach(rows, bar_item), class_name="hj-list", id=list_id)
