"""Structure: numbering markers, heading levels, skeleton trees and section roles."""

from drafter.structure.markers import FAMILIES, format_marker, match_marker
from drafter.structure.parse import parse_skeleton
from drafter.structure.roles import ROLES, role_of

__all__ = ["FAMILIES", "ROLES", "format_marker", "match_marker", "parse_skeleton", "role_of"]
