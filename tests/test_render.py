"""render_outline: structure, numbering, determinism, section seeds, errors, sandbox."""

from __future__ import annotations

import re

import pytest
from phrases_support import LEAK_WORDS, TEMPLATE, load_skeletons, load_template

from drafter.errors import TemplateError
from drafter.phrases import PhraseBook, build_phrasebook
from drafter.render import render_outline

VARS = {"meeting": "全县安全生产工作会议", "org": "某县", "topic": "安全生产", "speaker": "", "date": ""}


@pytest.fixture(scope="session")
def book() -> PhraseBook:
    return build_phrasebook(load_skeletons())


def render(book: PhraseBook, seed: int = 1, variables: dict | None = None, **kw) -> str:  # type: ignore[no-untyped-def]
    return render_outline(load_template(), variables or VARS, seed, book=book, **kw)


def sections(text: str) -> dict[str, str]:
    """Markdown split at level-1 headings: {"0": frame, "1": ..., "2": ...}."""
    parts = re.split(r"^## ", text, flags=re.M)
    return {str(i): p for i, p in enumerate(parts)}


def test_structure_and_numbering(book: PhraseBook) -> None:
    text = render(book)
    assert text.startswith("# 在全县安全生产工作会议上的讲话\n")
    assert "\n同志们：\n" in text
    h1 = re.findall(r"^## (\S{2})", text, flags=re.M)
    h2 = re.findall(r"^### (（.）)", text, flags=re.M)
    assert h1 == ["一、", "二、", "三、"]
    assert h2 == ["（一）", "（二）", "（一）", "（二）", "（三）"]  # restarts under a new parent
    assert "---" not in text.splitlines()[0]


def test_deterministic_and_seed_sensitive(book: PhraseBook) -> None:
    assert render(book, 7) == render(book, 7)
    assert render(book, 7) != render(book, 8)


def test_section_seed_redraws_only_that_section(book: PhraseBook) -> None:
    base = sections(render(book, 4))
    redrawn = sections(render(book, 4, section_seeds={"2": 99}))
    assert redrawn["2"] != base["2"]
    assert redrawn["0"] == base["0"] and redrawn["1"] == base["1"]


def test_topic_and_variables_fill_the_outline(book: PhraseBook) -> None:
    text = render(book, 2)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    # the meeting the writer named is the title; the organisation goes only where real
    # speeches name it (the meeting's name when the writer gave none), not into the points
    assert lines[0] == "# 在全县安全生产工作会议上的讲话"
    assert "某县" not in text
    unnamed = render_outline(load_template(), {**VARS, "meeting": ""}, 2, book=book)
    assert unnamed.splitlines()[0] == "# 在某县安全生产工作会议上的讲话"
    leaked = [ln for ln in lines if any(w in ln for w in LEAK_WORDS)]
    assert len(leaked) <= 0.05 * len(lines) + 1, leaked


def test_fallback_is_visible(book: PhraseBook) -> None:
    """A topic nothing knows gets visible 〔待写：…〕 points, not another topic's content."""
    tiny = build_phrasebook(load_skeletons(1))
    text = render_outline(load_template(), {**VARS, "topic": "航天器在轨维修"}, 1, book=tiny)
    heads = [ln for ln in text.splitlines() if ln.startswith("## ")]
    # the stock first and last points (认识, 保障) stand; every task between is left to write
    assert len(heads) >= 3 and all("〔待写：" in h for h in heads[1:-1]), heads
    assert "航天器在轨维修" in heads[0] and "航天器在轨维修" in heads[-1]


def test_body_outside_any_point_is_a_visible_fallback(book: PhraseBook) -> None:
    text = render_outline(load_template(text="# {{ title() }}\n\n{{ body() }}\n"), VARS, 1, book=book)
    assert text == "# 在全县安全生产工作会议上的讲话\n\n〔待写：正文〕\n"


def test_unknown_slot_names_file_and_line(book: PhraseBook) -> None:
    src = "# {{ title() }}\n\n{{ headline(1) }}\n"
    with pytest.raises(TemplateError) as err:
        render_outline(load_template(text=src), VARS, 1, book=book)
    assert err.value.line == 3 and str(TEMPLATE) in str(err.value)


def test_syntax_error_names_file_and_line(book: PhraseBook) -> None:
    src = "# {{ title() }}\n\n{% if %}\n"
    with pytest.raises(TemplateError) as err:
        render_outline(load_template(text=src), VARS, 1, book=book)
    assert err.value.line == 3


@pytest.mark.parametrize(
    "src",
    [
        "{{ title.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ heading.__self__.composer.material.__class__ }}",
        "{% set x = [] %}{{ x.append(1) }}",
        "{{ range(10) }}",
    ],
)
def test_sandbox_blocks_code(book: PhraseBook, src: str) -> None:
    with pytest.raises(TemplateError):
        render_outline(load_template(text=src), VARS, 1, book=book)


def test_siblings_are_parallel(book: PhraseBook) -> None:
    """Siblings share their clause count; lengths stay within ±30% of the group's mean."""
    groups = 0
    within = 0
    for seed in range(6):
        text = render(book, seed)
        for block in re.split(r"^## ", text, flags=re.M)[1:]:
            kids = [re.sub(r"^（.）", "", h) for h in re.findall(r"^### (.+)$", block, flags=re.M)]
            kids = [k for k in kids if "〔待写" not in k]
            if len(kids) < 2:
                continue
            groups += 1
            assert len({len(re.split("[，；]", k)) for k in kids}) == 1, kids
            mean = sum(map(len, kids)) / len(kids)
            within += all(abs(len(k) - mean) <= 0.3 * mean for k in kids)
    assert groups >= 6 and within >= 0.8 * groups


@pytest.mark.parametrize(
    ("src", "words"),
    [
        ("{% for i in 'x' * 100000 %}{% for j in 'y' * 100000 %}{% endfor %}{% endfor %}", "次数超过上限"),
        ("{{ 9 ** 999999999 }}", "数值过大"),
        ("{{ 'x' * 4000000000 }}", "过长"),
        ("{{ (['x' * 100000] * 1000) | join }}", "过长"),
        ("{{ (['x' * 100000] * 1000) | map('string') | join }}", "过长"),
        ("{{ '{0:{1}}'.format('x', '999999999') }}", "格式宽度过大"),
        ("{{ ('x' * 100000).replace('x', 'yyyyyyyyyyyy') }}", "过长"),
        ("{{ 'x' | center(1000000000) }}", "数值过大"),
        ("{{ '{:>999999999}'.format(1) }}", "格式宽度过大"),
        ("{{ '%-999999999s' | format('x') }}", "格式宽度过大"),
        ("{% macro d(s, n) %}{{ d(s ~ s, n - 1) if n else s }}{% endmacro %}{{ d('x', 60) }}", "过长"),
        ("{% macro m() %}{% for i in 'x' * 10000 %}{{ 'y' * 10000 }}{% endfor %}{% endmacro %}{{ m() }}", "输出超过上限"),
        ("{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}", "次数超过上限"),
        ("{{ 1 / 0 }}", "division by zero"),
    ],
)
def test_templates_cannot_hang_or_exhaust_memory(book: PhraseBook, src: str, words: str) -> None:
    import time

    start = time.monotonic()
    with pytest.raises(TemplateError, match=words) as err:
        render_outline(load_template(text=src), VARS, 1, book=book)
    assert err.value.path == str(TEMPLATE)
    assert time.monotonic() - start < 8


def test_time_budget_stops_a_slow_template(book: PhraseBook) -> None:
    from drafter.render.env import LimitError, make_environment

    env = make_environment({n: (lambda *a: "") for n in ("title", "salutation", "opening", "transition",
                                                         "heading", "body", "closing")}, {}, time_budget=0.0)
    tpl = env.from_string("{% for i in 'x' * 5000 %}{{ i }}{% endfor %}")
    env.start()
    with pytest.raises(LimitError, match="秒"):
        tpl.render()


def test_macros_with_parameters_and_loop_variables_render(book: PhraseBook) -> None:
    src = ("# {{ title() }}\n{% macro point(role, n) %}## {{ heading(1, role, 'cn_dun') }}\n\n"
           "{{ body(role, n) }}\n{% endmacro %}{{ point('形势认识', 1) }}{{ point('任务措施', 2) }}"
           "{% for k in ['a', 'b'] %}{{ loop.index }}{% endfor %}\n")
    text = render_outline(load_template(text=src), VARS, 1, book=book)
    assert text.count("\n## ") == 2 and "\n## 二、" in text and text.rstrip().endswith("12")

