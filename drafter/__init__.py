"""drafter: draft Chinese official speech outlines from the shapes of real speeches.

The library gives the same power as the commands; the CLI is a thin layer over it.
"""

from drafter._version import __version__
from drafter.errors import DrafterError
from drafter.model import Section, Skeleton, SourceSpan, Speech

__all__ = ["DrafterError", "Section", "Skeleton", "SourceSpan", "Speech", "__version__"]
