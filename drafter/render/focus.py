"""Slots that draw only inside one section: what regen needs, at a fraction of a full render.

Every other point still counts its headings (so numbering and paths are those of a full
render) but draws no text, so it neither costs time nor uses up lines the redrawn section
could have drawn. The document's own text reaches the section through `avoid`.
"""

from __future__ import annotations

from typing import Any

from drafter.render.slots import Slots


class _SilentFraming:
    """The frame's words of a Composer that finds nothing: no task, aim or whole work."""

    def tasks(self, *args: Any, **kwargs: Any) -> list[str]:
        return []

    def field_work(self, *args: Any, **kwargs: Any) -> None:
        return None


class _SilentComposer:
    """A Composer stand-in that finds nothing (the slots then write their cheap fallback)."""

    def __init__(self, composer: Any) -> None:
        self._composer = composer
        self.framing = _SilentFraming()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._composer, name)

    def heading(self, *args: Any, **kwargs: Any) -> None:
        return None

    def body_sentence(self, *args: Any, **kwargs: Any) -> None:
        return None



class FocusedSlots(Slots):
    """Slots that draw text only for the section at `focus` ("2", "2.1") and below it."""

    focus = ""

    def _inside(self, path: str) -> bool:
        return path == self.focus or path.startswith(self.focus + ".")

    def writes(self, path: str) -> bool:
        """The point at `path` is drawn when it is the focus, inside it or holds it (2 for 2.1):
        what is set aside for a point nobody redraws would starve the one that is."""
        return self._inside(path) or self.focus.startswith(path + ".")

    def _quiet(self, inside: bool, draw: Any, *args: Any) -> str:
        if inside:
            return str(draw(*args))
        composer = self.composer
        self.composer = _SilentComposer(composer)  # type: ignore[assignment]
        try:
            return str(draw(*args))
        finally:
            self.composer = composer

    def heading(self, level: int, role: str | None = None, family: str = "cn_dun") -> str:
        level = int(level)
        above = self.counters[: level - 1]
        n = self.counters[level - 1] + 1 if len(self.counters) >= level else 1
        path = ".".join(map(str, [*above, n]))
        return self._quiet(self._inside(path), super().heading, level, role, family)

    def body(self, role: str | None = None, n: int = 1) -> str:
        return self._quiet(self._inside(self.path), super().body, role, n)

    def opening(self) -> str:
        return self._quiet(False, super().opening)

    def transition(self) -> str:
        return self._quiet(False, super().transition)

    def closing(self, n: int = 1) -> str:
        return self._quiet(False, super().closing, n)


def focused(focus: str) -> type[Slots]:
    """A Slots class drawing only inside `focus`."""
    return type("FocusedSlots", (FocusedSlots,), {"focus": focus})
