"""The one Jinja environment factory: sandboxed, StrictUndefined, every slot registered here.

The sandbox also bounds what a template can cost, so a template from anyone can neither run
code nor hang or exhaust memory: every string or list a template builds stays under
MAX_TEXT characters (checked before the operation: `*`, `**`, `+`, `~`, `%`, join, replace,
padding), the rendered text under MAX_OUTPUT, loop iterations and calls under MAX_STEPS,
and the whole render under a time budget. Going over raises LimitError.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

SLOT_NAMES = ("title", "salutation", "opening", "transition", "heading", "body", "closing")

MAX_TEXT = 1_000_000  # characters (or items) of any one value a template builds
MAX_OUTPUT = 2_000_000  # characters a render may output, counted at every {{ }} and text
MAX_STEPS = 200_000  # loop iterations + calls
MAX_INT_ARG = 10_000  # widths and counts passed to filters and methods
MAX_INT_BITS = 4096  # integers a template computes
TIME_BUDGET = 10.0  # seconds
_BIG_WIDTH = re.compile(r"\d{5,}")  # a width or precision of 10,000 or more in a format string


class LimitError(SecurityError):
    """A template went over one of the sandbox's limits (time, output, size, steps)."""


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple)) else 0


class _LimitedCodeGenerator(CodeGenerator):
    """Routes every piece of output and every `~` through the environment's counters."""

    def _output_const_repr(self, group: Iterable[Any]) -> str:
        return f"environment.count_output({super()._output_const_repr(group)})"

    def _output_child_pre(self, node: nodes.Expr, frame: Any, finalize: Any) -> None:
        self.write("environment.count_output(")
        super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Any, finalize: Any) -> None:
        super()._output_child_post(node, frame, finalize)
        self.write(")")

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        self.write("environment.concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """An immutable sandbox with bounded time, output, value sizes and steps."""

    code_generator_class = _LimitedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%", "//", "/"})

    def __init__(self, *args: Any, time_budget: float = TIME_BUDGET, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.time_budget = time_budget
        self.start()

    # -- budget --------------------------------------------------------------------------
    def start(self) -> None:
        """Reset the counters: call before each render."""
        self._deadline = time.monotonic() + self.time_budget
        self._steps = 0
        self._output = 0

    def tick(self, n: int = 1) -> None:
        self._steps += n
        if self._steps > MAX_STEPS:
            raise LimitError(f"模板循环或调用次数超过上限（{MAX_STEPS} 次）")
        if self._steps % 512 == 0 and time.monotonic() > self._deadline:
            raise LimitError(f"模板渲染超过 {self.time_budget:g} 秒，已中止（是否有过大的循环？）")

    def count_output(self, text: str) -> str:
        self._output += len(text)
        if self._output > MAX_OUTPUT:
            raise LimitError(f"模板输出超过上限（{MAX_OUTPUT} 字）")
        self.tick()
        return text

    def concat(self, parts: Iterable[str]) -> str:
        strings = [str(p) for p in parts]
        _check_size(sum(map(len, strings)))
        return "".join(strings)

    def loop_items(self, iterable: Any) -> Iterator[Any]:
        """What a {% for %} iterates over: the same items, one step each."""
        for item in iterable:
            self.tick()
            yield item

    # -- sandbox hooks -------------------------------------------------------------------
    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and _is_int(left) and _is_int(right):
            if right > 0 and abs(left) > 1 and right * math.log2(abs(left)) > MAX_INT_BITS:
                raise LimitError(f"模板中的数值过大：{left} ** {right}")
        elif operator == "*":
            if _is_int(left) and _is_int(right):
                if left.bit_length() + right.bit_length() > MAX_INT_BITS:
                    raise LimitError("模板中的数值过大")
            elif _is_int(right) and _size(left):
                _check_size(_size(left) * max(right, 0))
            elif _is_int(left) and _size(right):
                _check_size(_size(right) * max(left, 0))
        elif operator == "+":
            _check_size(_size(left) + _size(right))
        elif operator == "%" and isinstance(left, str) and _BIG_WIDTH.search(left):
            raise LimitError("模板中的格式宽度过大")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.tick()
        args = _materialize(__obj, args)
        _check_call(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        ast = super()._parse(source, name, filename)
        for loop in ast.find_all(nodes.For):  # every loop counts its iterations
            loop.iter = nodes.Call(nodes.EnvironmentAttribute("loop_items"), [loop.iter], [], None, None,
                                   lineno=loop.lineno)
        return ast


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_size(n: int) -> None:
    if n > MAX_TEXT:
        raise LimitError(f"模板生成的文字或列表过长（超过 {MAX_TEXT} 字）")


def _materialize(func: Any, args: tuple[Any, ...]) -> tuple[Any, ...]:
    """Joins of a generator (`x|map(...)|join`) become joins of a list, so their size can be
    checked before the join runs."""
    if getattr(func, "__name__", "") not in ("join", "do_join"):
        return args
    return tuple(list(a) if isinstance(a, Iterator) else a for a in args)


def _check_call(func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a call (filter or method) whose result would be huge, before it runs."""
    from jinja2 import Environment
    from jinja2.nodes import EvalContext
    from jinja2.runtime import Context

    args = tuple(a for a in args if not isinstance(a, (EvalContext, Context, Environment)))
    values = list(args) + list(kwargs.values())
    for v in values:
        if _is_int(v) and abs(v) > MAX_INT_ARG:
            raise LimitError(f"模板中的数值过大：{v}")
    name = getattr(func, "__name__", "")
    owner = getattr(func, "__self__", getattr(getattr(func, "__wrapped__", None), "__self__", None))
    if isinstance(owner, str):  # a str method: the string is the first argument
        args = (owner, *args)
    elif name.startswith("do_"):  # a filter: do_join -> join
        name = name[3:]
    else:
        return
    text = args[0] if args else ""
    if name == "join" and len(args) >= 1:
        items, sep = (args[1], text) if isinstance(owner, str) else (text, args[1] if len(args) > 1 else "")
        if isinstance(items, (list, tuple)):
            _check_size(sum(len(str(x)) for x in items) + len(str(sep)) * len(items))
    elif name == "replace" and len(args) >= 3 and isinstance(text, str) and isinstance(args[1], str):
        count = text.count(args[1]) if args[1] else len(text) + 1
        _check_size(len(text) + count * _size(args[2]))
    elif name in ("format", "format_map") and isinstance(text, str):
        widths = [text] + [v for v in values if isinstance(v, str) and v.isdigit()]  # '{0:{1}}'
        if any(_BIG_WIDTH.search(w) for w in widths):
            raise LimitError("模板中的格式宽度过大")
    elif name in ("expandtabs", "indent", "center", "wordwrap", "ljust", "rjust", "zfill") and isinstance(text, str):
        width = next((v for v in values if _is_int(v)), 8)
        _check_size((text.count("\t") + text.count("\n") + 1) * max(width, 0) + len(text))


def _limited_filter(func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses oversized work before it runs (filters bypass `call`)."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        args = _materialize(func, args)
        _check_call(func, args, kwargs)
        return func(*args, **kwargs)

    return wrapper


def make_environment(slots: Mapping[str, Callable[..., str]], variables: Mapping[str, Any],
                     time_budget: float = TIME_BUDGET) -> LimitedSandbox:
    """A sandboxed environment: templates from anyone can call slots, never run code."""
    env = LimitedSandbox(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        time_budget=time_budget,
    )
    env.filters = {name: _limited_filter(f) for name, f in env.filters.items()}
    env.globals.clear()  # no range/dict/lipsum/cycler: a template needs only slots and values
    env.globals.update(variables)
    env.globals.update({name: slots[name] for name in SLOT_NAMES})
    return env
