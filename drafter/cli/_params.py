"""Plain coercion for plain CLI parameters, so a command run never imports pydantic.

typer (0.2x) coerces every non-flag value through a pydantic TypeAdapter; importing pydantic
and building the adapters costs ~0.2 s, as much as the rest of a warm `drafter new`. Our
parameters are only str, int, float, Path and lists of them with no constraints, which
`str()`, `int()` and `Path()` coerce exactly as the adapters do. Anything else (or a typer
without these internals) keeps typer's own coercion.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args, get_origin

_SCALARS = (str, int, float, Path, bool)
_TRUE = {"1", "on", "t", "true", "y", "yes"}
_FALSE = {"", "0", "off", "f", "false", "n", "no"}
_PATH_DEFAULTS = {"exists": False, "file_okay": True, "dir_okay": True, "writable": False,
                  "readable": True, "resolve_path": False, "allow_dash": False, "path_type": None}


def _leaf(annotation: Any) -> Any | None:
    """The scalar type of `annotation` (or of its list items) when we can coerce it."""
    if get_origin(annotation) is list:
        args = get_args(annotation)
        annotation = args[0] if len(args) == 1 else None
    return annotation if annotation in _SCALARS else None


def _plain(info: Any) -> bool:
    """No parser, range, choice or path checks that only typer's adapters implement."""
    if getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None:
        return False
    if getattr(info, "min", None) is not None or getattr(info, "max", None) is not None:
        return False
    return all(getattr(info, k, v) == v for k, v in _PATH_DEFAULTS.items())


def _runtime_class() -> type | None:
    try:
        from typer._click.exceptions import BadParameter
        from typer._coercion import RuntimeParam
    except ImportError:  # another typer: keep its own coercion
        return None

    class PlainRuntimeParam(RuntimeParam):  # type: ignore[misc,valid-type]
        """str/int/float/Path (and lists of them) coerced without pydantic."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if isinstance(value, (list, tuple)):
                return [self._one(v, param, ctx) for v in value]
            return self._one(value, param, ctx)

        def _one(self, value: Any, param: Any, ctx: Any) -> Any:
            kind = _leaf(self.annotation)
            if isinstance(value, bytes):
                value = value.decode("utf-8", "replace")
            if kind is str:
                return str(value)
            if kind is bool:
                if isinstance(value, bool):
                    return value
                word = str(value).strip().lower()
                if word in _TRUE or word in _FALSE:
                    return word in _TRUE
                raise BadParameter("Input should be a valid boolean, unable to interpret input",
                                   ctx=ctx, param=param)
            if kind is Path:
                return value if isinstance(value, Path) else Path(value)
            try:
                return kind(value)  # type: ignore[misc]
            except (TypeError, ValueError):
                what = "integer" if kind is int else "number"
                raise BadParameter(
                    f"Input should be a valid {what}, unable to parse string as an {what}",
                    ctx=ctx, param=param,
                ) from None

    return PlainRuntimeParam


_CLASS: Any = None


def install(command: Any) -> None:
    """Give every plain parameter of `command` and its sub-commands the pydantic-free coercion."""
    global _CLASS
    if _CLASS is None:
        _CLASS = _runtime_class() or False
    if not _CLASS:
        return
    for param in getattr(command, "params", ()):
        _fill(param)
    help_option = getattr(command, "get_help_option", None)
    if help_option is not None and not getattr(help_option, "_drafter_plain", False):
        # -h/--help is made lazily per command; give it the plain coercion when it is made.
        def get_help_option(ctx: Any, _made: Any = help_option) -> Any:
            option = _made(ctx)
            if option is not None:
                _fill(option)
            return option

        get_help_option._drafter_plain = True  # type: ignore[attr-defined]
        command.get_help_option = get_help_option
    for sub in getattr(command, "commands", {}).values():
        install(sub)


def _fill(param: Any) -> None:
    desc = getattr(param, "type_descriptor", None)
    if (desc is None or getattr(param, "_runtime_param", 1) is not None
            or desc.file_annotation is not None or _leaf(desc.annotation) is None
            or not _plain(desc.parameter_info)):
        return
    param._runtime_param = _CLASS(parameter_info=desc.parameter_info, annotation=desc.annotation)
