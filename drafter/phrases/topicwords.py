"""Corpus-topic vocabulary: words far commoner in the speech corpus than in general government
text, so a line carrying one belongs to the corpus's own topic (疫情防控), not to the user's.

The list is derived once by contrasting the bundled speeches with a background of public-domain
government text (../shared/corpus-extra gwr-national + cpc-congress) and shipped as package data
(data/corpus_topic_words.txt), so a build works without corpus-extra. Regenerate with
``python -m drafter.phrases.topicwords CORPUS_EXTRA_DIR`` (needs jieba and corpus-extra). Loading never imports jieba.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA_FILE = "corpus_topic_words.txt"
# Parts of speech that name a field's things and acts (nouns, verbal nouns, verbs, place/org
# words); adverbs, pronouns and particles carry the speech genre, not its topic.
_CONTENT_POS = ("n", "v", "vn", "nz", "nt", "nl", "ng", "s", "an", "j", "l", "i")
_THING_POS = ("n", "nz", "nr", "ns", "nt", "j", "l")
_CREDIT = ("# Background: Government Work Reports and CPC Congress reports from Chinese Wikisource "
           "(public domain under PRC Copyright Law Art. 5), via "
           "github.com/aldohemsn/chinese-political-corpora.")


def contrast(corpus: Counter[str], background: Counter[str], min_count: int = 1,
             min_log_ratio: float = 3.0, strong: float = 4.5, rare_in_background: int = 10
             ) -> list[tuple[str, float]]:
    """Words whose smoothed relative frequency in `corpus` is at least e^min_log_ratio (~20x)
    that in `background` and that general text rarely uses (at most `rare_in_background`
    times) unless the ratio is `strong` (~90x): 核酸, 隔离, 疫情 but not 监测, 全力, 发现,
    which are only frequent in speeches. Most specific first."""
    c_total = sum(corpus.values()) or 1
    b_total = sum(background.values()) or 1
    out = []
    for w, c in corpus.items():
        if c < min_count or len(w) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", w):
            continue
        ratio = math.log((c + 0.5) / c_total) - math.log((background[w] + 0.5) / b_total)
        if ratio >= strong or (ratio >= min_log_ratio and background[w] <= rare_in_background):
            out.append((w, ratio))
    return sorted(out, key=lambda x: (-x[1], x[0]))


def derive(corpus_texts: Iterable[str], background_texts: Iterable[str],
           genre_terms: Iterable[str] = ()) -> list[str]:
    """Content words specific to the corpus against the background (build time: uses jieba)."""
    from drafter.phrases.tokenize import Tokenizer

    background_texts = list(background_texts)
    tok = Tokenizer(genre_terms)
    corpus: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {}
    runs: Counter[str] = Counter()
    for text in corpus_texts:
        tagged = tok.pos(text)
        for w, flag in tagged:
            corpus[w] += 1
            kinds.setdefault(w, Counter())[flag] += 1
        # jieba leaves unknown field terms as runs of single characters (首|诊|负责制): the
        # run itself is a candidate word, counted in the background by plain substring
        run: list[str] = []
        for w, _ in tagged + [("", "x")]:
            if len(w) == 1 and "\u4e00" <= w <= "\u9fff":
                run.append(w)
                continue
            if 2 <= len(run) <= 4:
                runs["".join(run)] += 1
            run = []
    background: Counter[str] = Counter()
    for text in background_texts:
        background.update(tok.cut(text))
    joined = "\n".join(background_texts)
    for r, n in runs.items():
        if r not in corpus:
            corpus[r] = n
            kinds[r] = Counter({"n": n})
            background[r] = joined.count(r)
    words = []
    for w, ratio in contrast(corpus, background):
        flag = kinds[w].most_common(1)[0][0]
        # things (核酸, 病例, 校园) name a field; acts (压实, 排查) are mostly the genre's own,
        # so a verb counts only when it is very specific (隔离, 防控, 聚集)
        if flag.startswith(_THING_POS) or (flag.startswith(_CONTENT_POS) and ratio >= 4.5):
            words.append(w)
    return sorted(words)


@lru_cache(maxsize=1)
def shipped_words() -> frozenset[str]:
    """The shipped corpus-topic word list (empty when the data file is missing)."""
    try:
        text = (resources.files("drafter.phrases") / "data" / DATA_FILE).read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return frozenset()
    return frozenset(ln.strip() for ln in text.splitlines()
                     if ln.strip() and not ln.startswith("#"))


def _background(root: Path, corpus_topic: str = "") -> list[str]:
    """gwr + cpc texts without the Wikisource footer, leaving out any report that itself
    dwells on the corpus topic (the 2020-2023 reports on 疫情防控): the background must not
    contain the topic it is the background for."""
    texts = []
    for sub in ("gwr-national", "cpc-congress"):
        for path in sorted((root / sub).glob("*.txt")):
            text = path.read_text("utf-8")
            cut = re.search(r"^(本作品是中华人民共和国的|本作品来自1949年10月1日)", text, flags=re.M)
            text = text[: cut.start()] if cut else text
            if not corpus_topic or text.count(corpus_topic[:2]) < 3:
                texts.append(text)
    return texts


def main(extra: str) -> None:
    """Regenerate the shipped list from the bundled speeches and corpus-extra (its folder)."""
    from drafter.corpus import open_store
    from drafter.phrases.build import normalise
    from drafter.structure import parse_skeleton

    store = open_store()
    texts = []
    for sp in store.speeches(kind="speech"):
        sk = parse_skeleton(sp)
        parts = [sk.title or ""] + sk.opening_paragraphs + sk.closing_paragraphs
        for s in sk.walk():
            parts += [s.text] + s.body
        texts.append("\n".join(normalise(p) for p in parts))
    from drafter.phrases import load_phrasebook

    words = derive(texts, _background(Path(extra), load_phrasebook(store).topic.corpus_topic))
    out = Path(__file__).resolve().parent / "data" / DATA_FILE
    out.parent.mkdir(exist_ok=True)
    header = ["# Words specific to the bundled speech corpus (疫情防控) against general government",
              "# text: log frequency ratio >= 3.0 (and <= 10 background uses, or ratio >= 4.5),",
              "# count >= 1, content parts of speech; background without reports naming the topic.",
              "# Generated by `python -m drafter.phrases.topicwords`; do not edit by hand.",
              _CREDIT]
    out.write_text("\n".join(header + words) + "\n", "utf-8")
    print(f"{len(words)} words -> {out}")


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m drafter.phrases.topicwords CORPUS_EXTRA_DIR")
    main(sys.argv[1])
