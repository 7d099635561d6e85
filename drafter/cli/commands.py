"""Imports every command module so that each registers its commands on the app."""
from drafter.cli import export  # noqa: F401
from drafter.cli import new  # noqa: F401
from drafter.cli import edit  # noqa: F401
from drafter.cli import structure  # noqa: F401
from drafter.cli import corpus  # noqa: F401
