"""The `drafter` command: a thin click layer over the library.

Each command group lives in its own module and registers itself on `app`. Modules import
the library lazily inside command bodies so that `drafter --help` stays fast.
"""

from __future__ import annotations

from typing import Any, TextIO

import click
from click import exceptions as errors

from drafter._version import __version__
from drafter.cli._zh import Group, option, usage_message
from drafter.errors import DrafterError, DrafterWarning, os_reason


class _Root(Group):
    """Turns every DrafterError, in any sub-command, into one line on stderr and exit 1."""

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except Exception as exc:
            _usage_error(exc)
            raise

    def invoke(self, ctx: click.Context) -> Any:
        import warnings

        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            warnings.simplefilter("always", DrafterWarning)
            try:
                return super().invoke(ctx)
            except DrafterError as exc:
                click.echo(f"错误：{exc}", err=True)
                raise errors.Exit(1) from None
            except OSError as exc:
                # the safety net: a folder or file the library did not expect to be unusable
                where = f"{exc.filename}: " if exc.filename else ""
                click.echo(f"错误：{where}无法读写（{os_reason(exc)}）", err=True)
                raise errors.Exit(1) from None
            except MemoryError:
                click.echo("错误：内存不足，操作已中止（输入文件或模板是否过大？）", err=True)
                raise errors.Exit(1) from None
            except KeyboardInterrupt:
                # every write is atomic: an interrupted command leaves the old file or the new one
                click.echo("\n已取消。", err=True)
                raise errors.Exit(130) from None
            except Exception as exc:
                _usage_error(exc)
                raise


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: TextIO | None = None, line: str | None = None) -> None:
    """DrafterWarnings are one line on stderr ("注意：…"); other warnings as Python shows them."""
    if issubclass(category, DrafterWarning):
        click.echo(f"注意：{message}", err=True)
    else:
        import warnings

        click.echo(warnings.formatwarning(message, category, filename, lineno, line).rstrip(), err=True)


def _usage_error(exc: Exception) -> None:
    """A mistyped command line (unknown option, a value that is not a number …): one Chinese
    line and a pointer to -h, exit 2. Anything else is left to propagate."""
    message = usage_message(exc)
    if message is None:
        return
    ctx = getattr(exc, "ctx", None)
    where = f"{ctx.command_path} -h" if ctx is not None else "drafter -h"
    click.echo(f"错误：{message}（用 {where} 查看用法）", err=True)
    raise errors.Exit(2) from None


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"drafter {__version__}")
        ctx.exit()


@click.group(
    "drafter",
    cls=_Root,
    help="drafter：讲话稿提纲起草工具。从真实讲话稿中挖掘结构，生成同样结构的新提纲。",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
        help="显示版本号并退出。")
def app() -> None:
    """drafter：讲话稿提纲起草工具。"""


# Command modules register themselves on `app` when imported.
from drafter.cli import commands as _commands  # noqa: E402,F401


def main() -> None:
    """Entry point of the console script and of `python -m drafter`."""
    app(prog_name="drafter")
