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

    class PlainRuntimeParam(RuntimeParam):
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
                raise BadParameter(f"“{value}”不是 true 或 false", ctx=ctx, param=param)
            if kind is Path:
                return value if isinstance(value, Path) else Path(value)
            try:
                return kind(value)  # type: ignore[misc]
            except (TypeError, ValueError):
                what = "整数" if kind is int else "数字"
                raise BadParameter(f"“{value}”不是{what}", ctx=ctx, param=param) from None

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


def usage_message(exc: BaseException) -> str | None:
    """The Chinese text of a command-line usage error, or None when `exc` is not one.

    typer's help-on-no-arguments is a usage error too; it is not a mistake and is left alone.
    """
    try:
        from typer._click import exceptions as errors
    except ImportError:  # another typer: click's own classes
        from click import exceptions as errors  # type: ignore[no-redef]
    if not isinstance(exc, errors.UsageError) or type(exc).__name__ == "NoArgsIsHelpError":
        return None
    if isinstance(exc, errors.NoSuchOption):
        close = "、".join(getattr(exc, "possibilities", None) or [])
        return f"没有选项 {exc.option_name}" + (f"，是不是 {close}？" if close else "")
    if isinstance(exc, errors.MissingParameter):
        return f"缺少{_hint(exc)}"
    if isinstance(exc, errors.BadParameter):
        text = exc.message
        if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
            text = f"“{text}”"
        return f"{_hint(exc)} 的值无效：{text}"
    if type(exc).__name__ == "NoSuchCommand" or "No such command" in exc.message:
        return f"没有这个命令：{exc.message.split(chr(39))[1] if chr(39) in exc.message else exc.message}"
    if "Got unexpected extra argument" in exc.message:
        return f"多余的参数：{exc.message.split('(')[-1].rstrip(')')}"
    return exc.message


def _hint(exc: Any) -> str:
    param = getattr(exc, "param", None)
    if param is None:
        return "参数"
    if getattr(param, "param_type_name", "") == "option":
        return f"选项 {'/'.join(getattr(param, 'opts', None) or [param.name])}"
    return f"参数 {getattr(param, 'human_readable_name', None) or param.name}"
