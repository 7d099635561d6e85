"""Structure: numbering markers, heading levels, skeleton trees and section roles."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafter.structure.markers import FAMILIES, format_marker, match_marker
    from drafter.structure.parse import parse_skeleton
    from drafter.structure.roles import ROLES, role_of

# public name -> module: imported on first use, so a module that only needs the markers
# (outline editing) does not compile the parser's patterns
_WHERE = {"FAMILIES": "markers", "format_marker": "markers", "match_marker": "markers",
          "parse_skeleton": "parse", "ROLES": "roles", "role_of": "roles"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"drafter.structure.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'drafter.structure' has no attribute {name!r}")


__all__ = ["FAMILIES", "ROLES", "format_marker", "match_marker", "parse_skeleton", "role_of"]
