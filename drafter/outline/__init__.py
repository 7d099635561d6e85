"""The Outline part: read/write outline files, redraw a section, renumber, check.

An outline is Markdown with a front matter block recording how it was generated (template,
seed, variables, drafter version, a fingerprint per section), so that regen can redraw one
section and tell whether the user has edited it.
"""

from drafter.outline.check import Problem, check_body
from drafter.outline.fmt import renumber
from drafter.outline.io import read_outline, write_atomic
from drafter.outline.model import Outline, parse_outline, section_tree
from drafter.outline.regen import RegenResult, regen_section

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
