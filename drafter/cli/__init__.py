"""The `drafter` command: a thin typer layer over the library.

Each command group lives in its own module and registers itself on `app`. Modules import
the library lazily inside command bodies so that `drafter --help` stays fast.
"""

from __future__ import annotations

from typing import Any, TextIO

import typer
from typer.core import TyperGroup

from drafter._version import __version__
from drafter.errors import DrafterError, DrafterWarning, os_reason


class _Group(TyperGroup):
    """Turns every DrafterError, in any sub-command, into one line on stderr and exit 1."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None,
                     **extra: Any) -> Any:
        from drafter.cli._params import install

        install(self)  # plain str/int/Path coercion: keeps pydantic out of every run
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except Exception as exc:
            _usage_error(exc)
            raise

    def invoke(self, ctx: Any) -> Any:
        import warnings

        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            warnings.simplefilter("always", DrafterWarning)
            try:
                return super().invoke(ctx)
            except DrafterError as exc:
                typer.echo(f"错误：{exc}", err=True)
                raise typer.Exit(code=1) from None
            except OSError as exc:
                # the safety net: a folder or file the library did not expect to be unusable
                where = f"{exc.filename}: " if exc.filename else ""
                typer.echo(f"错误：{where}无法读写（{os_reason(exc)}）", err=True)
                raise typer.Exit(code=1) from None
            except MemoryError:
                typer.echo("错误：内存不足，操作已中止（输入文件或模板是否过大？）", err=True)
                raise typer.Exit(code=1) from None
            except KeyboardInterrupt:
                # every write is atomic: an interrupted command leaves the old file or the new one
                typer.echo("\n已取消。", err=True)
                raise typer.Exit(code=130) from None
            except Exception as exc:
                _usage_error(exc)
                raise


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: TextIO | None = None, line: str | None = None) -> None:
    """DrafterWarnings are one line on stderr ("注意：…"); other warnings as Python shows them."""
    if issubclass(category, DrafterWarning):
        typer.echo(f"注意：{message}", err=True)
    else:
        import warnings

        typer.echo(warnings.formatwarning(message, category, filename, lineno, line).rstrip(), err=True)


def _usage_error(exc: Exception) -> None:
    """A mistyped command line (unknown option, a value that is not a number …): one Chinese
    line and a pointer to -h, exit 2. Anything else is left to propagate."""
    from drafter.cli._params import usage_message

    message = usage_message(exc)
    if message is None:
        return
    ctx = getattr(exc, "ctx", None)
    where = f"{ctx.command_path} -h" if ctx is not None else "drafter -h"
    typer.echo(f"错误：{message}（用 {where} 查看用法）", err=True)
    raise typer.Exit(code=2) from None


app = typer.Typer(
    cls=_Group,
    name="drafter",
    help="drafter：讲话稿提纲起草工具。从真实讲话稿中挖掘结构，生成同样结构的新提纲。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"drafter {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", help="显示版本号并退出。", callback=_version, is_eager=True
    ),
) -> None:
    """drafter：讲话稿提纲起草工具。"""


# Command modules register themselves on `app` when imported.
from drafter.cli import commands as _commands  # noqa: E402,F401


def main() -> None:
    """Entry point of the console script and of `python -m drafter`."""
    app(prog_name="drafter")
