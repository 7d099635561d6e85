"""drafter: draft Chinese official speech outlines from the shapes of real speeches.

The library gives the same power as the commands; the CLI is a thin layer over it. Entry points
are imported lazily, so `import drafter` stays cheap (the CLI's start-up depends on it).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from drafter._version import __version__
from drafter.errors import DrafterError
from drafter.model import Section, Skeleton, SourceSpan, Speech

# public name -> module that defines it
_LAZY = {
    "load_file": "drafter.corpus",
    "clean_text": "drafter.corpus",
    "open_store": "drafter.corpus",
    "parse_skeleton": "drafter.structure",
    "mine_templates": "drafter.mine",
    "mine_corpus": "drafter.mine",
    "list_templates": "drafter.templates",
    "get_template": "drafter.templates",
    "load_phrasebook": "drafter.phrases",
    "build_phrasebook": "drafter.phrases",
    "rebuild_phrasebook": "drafter.phrases",
    "render_outline": "drafter.render",
    "build_outline": "drafter.outline.generate",
    "new_outline": "drafter.outline.new",
    "regen_file": "drafter.outline.files",
    "renumber_file": "drafter.outline.files",
    "check_file": "drafter.outline.files",
    "read_outline": "drafter.outline",
    "regen_section": "drafter.outline",
    "renumber": "drafter.outline",
    "check_body": "drafter.outline",
    "export_outline": "drafter.export",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'drafter' has no attribute {name!r}")


__all__ = ["DrafterError", "Section", "Skeleton", "SourceSpan", "Speech", "__version__", *_LAZY]
