"""朗读 for long texts (study materials): read sentence by sentence with the browser's zh-CN
voice, 朗读 / 暂停 / 继续, a 慢一点 toggle, 停止, and what is happening in words.

The work is done in assets/huajin.js (window.huajinReader); the words it shows come from the
data-* attributes here, so every string stays in huajin_pwa/text. Anything inside an element
marked data-no-read (these controls, status tags) is not read."""

import reflex as rx

from huajin_pwa import text

R = text.ReadAloud


def _call(action: str, target_id: str) -> rx.event.EventSpec:
    return rx.call_script(f"window.huajinReader('{action}', '{target_id}')")


def read_aloud_controls(target_id: str) -> rx.Component:
    """The controls that read the element target_id aloud (target_id: letters, digits, -)."""
    assert target_id.replace("-", "").isalnum(), target_id
    reader = "reader-" + target_id
    return rx.el.div(
        rx.el.div(
            rx.el.button(
                rx.icon("volume-2", aria_hidden="true"),
                rx.el.span(R.PLAY, id=reader + "-label"),
                type="button",
                id=reader + "-play",
                class_name="hj-btn hj-btn-primary hj-reader-play",
                on_click=_call("toggle", target_id),
                data_play=R.PLAY,
                data_pause=R.PAUSE,
                data_resume=R.RESUME,
                data_none=R.NO_SPEECH,
            ),
            rx.el.button(
                rx.icon("turtle", aria_hidden="true"),
                R.SLOWER,
                type="button",
                id=reader + "-slow",
                aria_pressed="false",
                class_name="hj-btn hj-btn-secondary hj-reader-slow",
                on_click=_call("slow", target_id),
            ),
            rx.el.button(
                rx.icon("square", aria_hidden="true"),
                R.STOP,
                type="button",
                id=reader + "-stop",
                hidden=True,
                class_name="hj-btn hj-btn-secondary hj-reader-stop",
                on_click=_call("stop", target_id),
            ),
            class_name="hj-reader-buttons",
        ),
        rx.el.p(
            R.IDLE,
            id=reader + "-state",
            class_name="hj-reader-state",
            role="status",
            data_idle=R.IDLE,
            data_reading=R.READING,
            data_paused=R.PAUSED,
            data_done=R.DONE,
        ),
        id=reader,
        class_name="hj-reader hj-no-print",
        role="group",
        aria_label=R.CONTROLS,
        data_no_read="",
    )


def check_readers() -> str:
    """JavaScript that tells every reader on the page whether this phone can speak."""
    return "window.huajinReaderCheck && window.huajinReaderCheck()"
