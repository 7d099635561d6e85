"""The Outline part: read/write outline files, redraw a section, renumber, check.

An outline is Markdown with a front matter block recording how it was generated (template,
seed, variables, drafter version, a fingerprint per section), so that regen can redraw one
section and tell whether the user has edited it.
"""


from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafter.outline.check import Problem, check_body
    from drafter.outline.fmt import renumber
    from drafter.outline.io import read_outline, write_atomic
    from drafter.outline.model import Outline, parse_outline, section_tree
    from drafter.outline.regen import RegenResult, regen_section

# public name -> module: imported on first use, so `drafter new` does not load check or fmt
_WHERE = {
    "Outline": "model", "parse_outline": "model", "section_tree": "model",
    "Problem": "check", "check_body": "check", "renumber": "fmt",
    "read_outline": "io", "write_atomic": "io", "RegenResult": "regen", "regen_section": "regen",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"drafter.outline.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'drafter.outline' has no attribute {name!r}")


__all__ = [
    "Outline",
    "Problem",
    "RegenResult",
    "check_body",
    "parse_outline",
    "read_outline",
    "regen_section",
    "renumber",
    "section_tree",
    "write_atomic",
]
