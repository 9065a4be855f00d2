"""Bench-only MkDocs hook: logs how long each build took, numbered.

bench/build_speed.py adds it to the copy of the project it serves, so a rebuild under
`mkdocs serve` and a plain build are timed by the same clock, from the first `on_config` to the
last `on_post_build`. MkDocs's own "Documentation built in N seconds" cannot serve: its logger
drops a message identical to an earlier one, so the line goes missing whenever two builds take
as long to the hundredth of a second.
"""

from __future__ import annotations

import logging
import time

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.build_timer")
_started = 0.0
_builds = 0


@event_priority(100)  # before every other plugin and hook
def on_config(config):
    global _started
    _started = time.perf_counter()
    return config


@event_priority(-100)  # after every other plugin and hook
def on_post_build(config):
    global _builds
    _builds += 1
    log.info(f"build_timer: build {_builds} took {time.perf_counter() - _started:.4f} s")  # unique text: never dropped
