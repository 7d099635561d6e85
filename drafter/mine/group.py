"""Group speech skeletons into template families by shape.

The first key is (top-level family, whether points have sub-points). A key held by a single
speech is folded into the nearest family: same top family, else same nesting and the same kind
of marker (inline 第一/一要 vs numbered 一、/（一）), else the same kind of marker. Each family
is represented by its medoid: the member closest in shape to all others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from drafter.mine.shape import run_count
from drafter.model import Skeleton, Speech
from drafter.structure.markers import INLINE

MIN_SOURCES = 2
SPEECH = "讲话"
# Genres mined together: the 讲话 subtypes (and speech outlines) share their structure.
GENRE_GROUP: dict[str, str] = {
    "部署讲话": SPEECH, "推进讲话": SPEECH, "总结表彰讲话": SPEECH, "动员讲话": SPEECH, "讲话": SPEECH,
    "提纲": SPEECH, "表态发言": "表态发言", "主持词": "主持词", "致辞": "致辞",
}


def genre_group(genre: str | None) -> str:
    """The group a speech genre is mined in (讲话 for its subtypes and for unknown genres)."""
    return GENRE_GROUP.get(genre or SPEECH, SPEECH)


@dataclass
class Member:
    """A source speech with its skeleton, and a stable sort key."""

    speech: Speech
    skeleton: Skeleton
    key: tuple[str, int, str]  # (source file name, start line, title)


@dataclass
class Family:
    """A group of speeches sharing a shape; `medoid` gives the template's shape."""

    top: str
    nested: bool
    members: list[Member] = field(default_factory=list)
    genre: str = SPEECH  # the genre group (讲话, 表态发言, 主持词, 致辞)

    @property
    def kind(self) -> str:
        """The members' most common genre (部署讲话, 表态发言 …): what the template is."""
        counts: dict[str, int] = {}
        for m in self.members:
            g = m.speech.genre or self.genre
            counts[g] = counts.get(g, 0) + 1
        return min(counts, key=lambda g: (-counts[g], g)) if counts else self.genre

    @property
    def medoid(self) -> Member:
        return min(self.members, key=lambda m: (sum(_distance(m, o) for o in self.members), m.key))


def fine_key(skel: Skeleton) -> tuple[str, bool]:
    """(family of the first top-level point, whether any point has sub-points)."""
    return skel.sections[0].family, any(s.children for s in skel.sections)


def _distance(a: Member, b: Member) -> float:
    sa, sb = a.skeleton.sections, b.skeleton.sections
    d = float(abs(len(sa) - len(sb)))
    for k in range(max(len(sa), len(sb))):
        ca = len(sa[k].children) if k < len(sa) else 0
        cb = len(sb[k].children) if k < len(sb) else 0
        d += abs(ca - cb)
        ra = sa[k].role if k < len(sa) else None
        rb = sb[k].role if k < len(sb) else None
        d += 0.5 if ra != rb else 0.0
    # a speech whose points restart numbering, or whose point holds a lone sub-point, makes a
    # poor template: prefer another member as the model
    d += 5.0 * (run_count(a.skeleton) - 1)
    d += 2.0 * sum(1 for s in a.skeleton.walk() if len(s.children) == 1)
    return d


def group_families(members: list[Member]) -> list[Family]:
    """Families per genre group, in a deterministic order. 讲话 families need MIN_SOURCES
    members; a rarer genre (表态发言, 主持词, 致辞) gets one family even from a single speech,
    so every kind of speech in the corpus has a template."""
    by_genre: dict[str, list[Member]] = {}
    for m in members:
        by_genre.setdefault(genre_group(m.speech.genre), []).append(m)
    families: list[Family] = []
    for genre in sorted(by_genre, key=lambda g: (g != SPEECH, g)):
        found = _group_shapes(by_genre[genre])
        if not found and genre != SPEECH:
            ms = sorted(by_genre[genre], key=lambda m: m.key)
            found = [Family(*fine_key(ms[0].skeleton), members=ms)] if ms[0].skeleton.sections else []
        for f in found:
            f.genre = genre
        families.extend(found)
    return families


def _group_shapes(members: list[Member]) -> list[Family]:
    """Families with at least MIN_SOURCES members, in a deterministic order."""
    buckets: dict[tuple[str, bool], Family] = {}
    for m in sorted(members, key=lambda m: m.key):
        key = fine_key(m.skeleton)
        buckets.setdefault(key, Family(*key)).members.append(m)
    big = {k: f for k, f in buckets.items() if len(f.members) >= MIN_SOURCES}
    for key in sorted(k for k in buckets if k not in big):
        top, nested = key
        inline = top in INLINE

        def pick(pred: Callable[[tuple[str, bool]], bool]) -> tuple[str, bool] | None:
            options = [k for k in big if pred(k)]
            return max(options, key=lambda k: (len(big[k].members), k)) if options else None

        # the predicates run at once, inside this iteration, so late binding cannot bite
        target = (
            pick(lambda k: k[0] == top)  # noqa: B023
            or pick(lambda k: k[1] == nested and (k[0] in INLINE) == inline)  # noqa: B023
            or pick(lambda k: (k[0] in INLINE) == inline)  # noqa: B023
        )
        if target is not None:
            big[target].members.extend(buckets[key].members)
    families = list(big.values())
    for f in families:
        f.members.sort(key=lambda m: m.key)
    families.sort(key=lambda f: (-len(f.members), f.top, f.nested))
    return families
