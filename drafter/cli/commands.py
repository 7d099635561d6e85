"""Imports every command module so that each registers its commands on the app."""
from drafter.cli import (
    corpus,  # noqa: F401
    edit,  # noqa: F401
    export,  # noqa: F401
    new,  # noqa: F401
    structure,  # noqa: F401
)
