"""The one Jinja environment factory: sandboxed, StrictUndefined, every slot registered here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

SLOT_NAMES = ("title", "salutation", "opening", "transition", "heading", "body", "closing")


def make_environment(slots: Mapping[str, Callable[..., str]], variables: Mapping[str, Any]
                     ) -> ImmutableSandboxedEnvironment:
    """A sandboxed environment: templates from anyone can call slots, never run code."""
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.clear()  # no range/dict/lipsum/cycler: a template needs only slots and values
    env.globals.update(variables)
    env.globals.update({name: slots[name] for name in SLOT_NAMES})
    return env
