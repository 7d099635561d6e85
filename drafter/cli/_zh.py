"""click in Chinese: help pages, value types and usage-error texts of the `drafter` command.

click's own words (Usage:, Options:, "Show this message and exit.", its error messages) are
English; everything here goes through click's public hooks (Context.formatter_class, the
format_* and get_help_record methods, ParamType.fail) so that a user sees only Chinese.
Works with click 8.1 and later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import click
from click import exceptions as errors

HELP_TEXT = "显示帮助并退出。"


class Formatter(click.HelpFormatter):
    """Headings end in a full-width colon; the usage line starts with 用法："""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """click's definition list, its first column measured as a terminal shows it (a Chinese
        character is two columns wide: -o, --output <路径>)."""
        rows = list(rows)
        first_col = min(max((_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if _width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - _width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = click.wrap_text(second, max(self.width - first_col - 2, 10),
                                    preserve_paragraphs=True).splitlines() or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


def _width(text: str) -> int:
    """Columns `text` takes in a terminal: wide (CJK) characters two, others one."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class Context(click.Context):
    formatter_class = Formatter


class Command(click.Command):
    """A command whose help page is Chinese: 用法 / 参数 / 选项, -h 显示帮助并退出。"""

    context_class = Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except errors.UsageError as exc:
            # the parser raises some (a missing option value) without a context: name this
            # command's -h in the message rather than the top one
            if exc.ctx is None:
                exc.ctx = ctx
            raise

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        self.format_arguments(ctx, formatter)
        self.format_options(ctx, formatter)
        self.format_epilog(ctx, formatter)

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [p.get_help_record(ctx) for p in self.get_params(ctx) if isinstance(p, Argument)]
        _section(formatter, "参数", rows)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [p.get_help_record(ctx) for p in self.get_params(ctx)
                if not isinstance(p, click.Argument)]
        _section(formatter, "选项", rows)


class Group(Command, click.Group):
    """A group with the Chinese help page; sub-commands are listed as they were added, the
    commands first and then the groups; no arguments shows the help on stderr, exit 2."""

    command_class = Command
    group_class = type  # sub-groups are of this class too

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        names = list(self.commands)
        return sorted(names, key=lambda n: isinstance(self.commands[n], click.Group))

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            click.echo(ctx.get_help(), err=True)  # as click >= 8.2 does, on every click
            ctx.exit(2)
        return super().parse_args(ctx, args)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = [(name, cmd) for name in self.list_commands(ctx)
                    if (cmd := self.get_command(ctx, name)) is not None and not cmd.hidden]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            _section(formatter, "命令", [(name, cmd.get_short_help_str(limit))
                                       for name, cmd in commands])


def _section(formatter: click.HelpFormatter, heading: str,
             rows: Sequence[tuple[str, str] | None]) -> None:
    shown = [row for row in rows if row is not None]
    if shown:
        with formatter.section(heading):
            formatter.write_dl(shown)


# -- parameters -----------------------------------------------------------------------------
class Integer(click.ParamType):
    """An int, refused in Chinese."""

    name = "integer"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return int(value)
        except (TypeError, ValueError):
            self.fail(f"“{value}”不是整数", param, ctx)


INT = Integer()
# no checks: whether a file exists or can be read is the library's to say, in its own words
PATH = click.Path(path_type=Path, readable=False)

# what a value looks like in the help, one value and several: -j, --jobs <整数>
_SHOWN = {"text": ("文本", "文本…"), "integer": ("整数", "整数…"), "path": ("路径", "路径…")}


def _shown_type(param: click.Parameter) -> str:
    one, several = _SHOWN.get(param.type.name, ("值", "值…"))
    return several if param.multiple or param.nargs != 1 else one


class Option(click.Option):
    """An option whose help row reads `-o, --output <path>  输出文件…  [默认：…]`."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        if self.hidden:
            return None
        names = sorted(self.opts, key=lambda o: len(o) - len(o.lstrip("-")))  # -o before --output
        spec = ", ".join(names) + ("" if self.is_flag else f" <{_shown_type(self)}>")
        extra = []
        if self.show_default is True and self.default is not None:
            extra.append(f"默认：{self.default}")
        if self.required:
            extra.append("必填")
        return spec, _with_extra(self.help or "", extra)


class Argument(click.Argument):
    """A positional argument with help text, listed under 参数; `{file}` in the usage line."""

    def __init__(self, param_decls: Sequence[str], help: str | None = None, **attrs: Any) -> None:
        super().__init__(param_decls, **attrs)  # click < 8.5 takes no help for an argument
        self.help = help

    def _label(self) -> str:
        return (self.metavar or self.name or "") + ("..." if self.nargs != 1 else "")

    def get_usage_pieces(self, ctx: click.Context) -> list[str]:
        return ["{" + (self.metavar or self.name or "") + "}" + ("..." if self.nargs != 1 else "")]

    def get_help_record(self, ctx: click.Context) -> tuple[str, str]:
        return (f"{self._label()} <{_shown_type(self)}>",
                _with_extra(self.help or "", ["必填"] if self.required else []))


def _with_extra(text: str, extra: list[str]) -> str:
    if not extra:
        return text
    return f"{text}  [{'；'.join(extra)}]" if text else f"[{'；'.join(extra)}]"


option: Callable[..., Any] = partial(click.option, cls=Option)
argument: Callable[..., Any] = partial(click.argument, cls=Argument)


# -- usage errors ---------------------------------------------------------------------------
def usage_message(exc: BaseException) -> str | None:
    """The Chinese text of a command-line usage error, or None when `exc` is not one."""
    if not isinstance(exc, errors.UsageError):
        return None
    if isinstance(exc, errors.NoSuchOption):
        return f"没有选项 {exc.option_name}" + _did_you_mean(exc)
    if isinstance(exc, errors.MissingParameter):
        return f"缺少{_hint(exc)}"
    if isinstance(exc, errors.BadParameter):
        text = exc.message
        if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
            text = f"“{text}”"
        return f"{_hint(exc)} 的值无效：{text}"
    if isinstance(exc, errors.BadOptionUsage) and "requires" in exc.message:
        return f"选项 {exc.option_name} 缺少值"
    if isinstance(exc, errors.BadOptionUsage) and "does not take a value" in exc.message:
        return f"选项 {exc.option_name} 不带值"
    if "No such command" in exc.message:  # click >= 8.4 raises NoSuchCommand, older a UsageError
        name = getattr(exc, "command_name", None)
        if name is None:
            name = exc.message.split("'")[1] if "'" in exc.message else exc.message
        return f"没有这个命令：{name}" + _did_you_mean(exc)
    if "Got unexpected extra argument" in exc.message:
        return f"多余的参数：{exc.message.split('(')[-1].rstrip(')')}"
    if exc.message == "Missing command.":
        return "缺少命令"
    return exc.message


def _did_you_mean(exc: Any) -> str:
    close = "、".join(getattr(exc, "possibilities", None) or [])
    return f"，是不是 {close}？" if close else ""


def _hint(exc: Any) -> str:
    param = getattr(exc, "param", None)
    if param is None:
        return "参数"
    if param.param_type_name == "option":
        return f"选项 {'/'.join(param.opts or [param.name])}"
    return f"参数 {param.name}"
