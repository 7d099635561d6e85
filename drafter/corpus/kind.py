"""Classify a piece: speech, plan, notice, report or other.

The title decides when it names a genre and is the piece's own; otherwise the body does,
by weighted cues (the declaration in the opening counts most: "现将…方案印发", "加以总结").
"""

from __future__ import annotations

import re

# The genre noun a title ends with, nearest the end wins.
_TITLE_GENRES: list[tuple[str, str]] = [
    ("speech", r"讲话|讲话提纲|发言|主持词|致辞|讲稿|动员讲话|党课|报告会上"),
    ("plan", r"方案|预案|演练|指南|计划|工作要点|实施办法|实施细则"),
    ("notice", r"通知|通告|公告|通报|决定|决议|函$"),
    ("report", r"报道|总结|汇报|剖析|对照检查|检视|调研报告|述职|心得|体会|工作报告|会议纪要|纪实"),
    ("other", r"事迹|简介|故事|感言|倡议书"),
]
# (kind, pattern, weight) applied to the body; counts are capped per cue.
_BODY_CUES: list[tuple[str, str, float]] = [
    ("speech", r"同志们|^各位(代表|委员|来宾|领导)", 3),
    ("speech", r"我(再)?讲|讲(几|三|两|四|五)点|几点意见|我就讲这些|我再强调|下面，我|我们要|大家要|希望大家", 2),
    ("speech", r"^[一二三四五六七八九十]要|^第[一二三四五六七八九十]，|刚才", 1),
    ("plan", r"^(组长|副组长|成员|组 长)[：:]|工作原则|组织机构|指导思想|工作目标|实施步骤|保障措施", 2),
    ("plan", r"特制定|制定本(方案|预案)|现将《[^》]*(方案|预案|指南|办法)》|演练|预案|方案", 2),
    ("plan", r"职责|注意事项|^(时间|地点)[：:]|步骤[：:]", 1),
    ("notice", r"特此通知|通知如下|现就.{0,20}通知|请遵照执行|请认真贯彻执行", 4),
    ("report", r"加以总结|总结如下|现将.{0,20}情况(汇报|总结|报告)|剖析如下|对照检查|查摆|个人剖析", 4),
    ("report", r"会议指出|会议要求|会议强调|会议召开|主持会议|出席会议|视频会议召开|(指出|强调)，(?!要)", 2),
    ("report", r"存在的问题|整改|还需(加强|提高)|不够|开展情况|取得了|成立了|完成了", 1),
    ("other", r"主动请缨|挺身而出|逆行|事迹|默默奉献|冲在一线", 2),
]
_COMPILED = [(k, re.compile(p, re.M), w) for k, p, w in _BODY_CUES]
_TITLE_RE = [(k, re.compile(p)) for k, p in _TITLE_GENRES]


def title_kind(title: str | None) -> str | None:
    """The genre a title names (the genre word nearest its end), or None."""
    if not title:
        return None
    best: tuple[int, str] | None = None
    for kind, rx in _TITLE_RE:
        for m in rx.finditer(title):
            if best is None or m.end() > best[0]:
                best = (m.end(), kind)
    return best[1] if best else None


def body_scores(paragraphs: list[str]) -> dict[str, float]:
    """Weighted cue counts per kind, per 1,000 characters plus a floor for short texts."""
    text = "\n".join(paragraphs)
    scores = {"speech": 0.0, "plan": 0.0, "notice": 0.0, "report": 0.0, "other": 0.0}
    for kind, rx, weight in _COMPILED:
        scores[kind] += weight * min(len(rx.findall(text)), 5)
    return scores


_DECLARED: list[tuple[str, re.Pattern[str]]] = [
    ("report", re.compile(r"加以总结|总结如下|现将.{0,20}情况(汇报|总结|报告)如下|(剖析|查摆|检查)如下")),
    ("plan", re.compile(r"现将《[^》]*(方案|预案|指南|办法)》|特制定本|制定本(方案|预案)|制定如下(方案|预案)")),
    ("notice", re.compile(r"特此通知|通知如下")),
]


def declared_kind(paragraphs: list[str]) -> str | None:
    """The genre a piece declares about itself in its opening ("现将…方案印发", "加以总结")."""
    head = "\n".join(paragraphs[:3])
    for kind, rx in _DECLARED:
        if rx.search(head):
            return kind
    return None


_OPENS_WITH_SALUTATION = re.compile(r"^(各位领导、)?同志们[：:，,！!]|^尊敬的.{1,40}[：:]|^各位[^，,。：:]{1,20}[：:]")


def classify(title: str | None, paragraphs: list[str]) -> str:
    """The kind of a piece: the genre its title names, unless the body clearly says
    otherwise (titles of compilation pages often name the page, not the piece)."""
    named = title_kind(title)
    scores = body_scores(paragraphs)
    best = max(scores, key=lambda k: scores[k])
    declared = declared_kind(paragraphs)
    if named is not None:
        if best != named and scores[best] >= 2 * scores[named] + 4:
            return declared or best
        return named
    if declared is not None:
        return declared
    if paragraphs and _OPENS_WITH_SALUTATION.match(paragraphs[0]):
        return "speech"  # a piece that addresses its audience first is a speech
    if scores[best] < 2:
        return "other"
    return best


# -- genres of speech: which kind of speech a piece is -------------------------------------
GENRES: tuple[str, ...] = (
    "部署讲话", "推进讲话", "总结表彰讲话", "动员讲话", "讲话", "表态发言", "主持词", "致辞", "提纲", "方案",
)
# Title cues, in order of precedence (the first that matches wins).
_GENRE_TITLE: list[tuple[str, re.Pattern[str]]] = [
    ("主持词", re.compile(r"主持词|串词|主持稿")),
    ("表态发言", re.compile(r"表态")),
    ("致辞", re.compile(r"致辞|致词|贺词|欢迎词|答谢词|祝酒词")),
    ("提纲", re.compile(r"提纲")),
    ("总结表彰讲话", re.compile(r"表彰|总结大会|总结会|颁奖")),
    ("动员讲话", re.compile(r"动员|誓师|启动(会|大会|仪式)")),
    ("推进讲话", re.compile(r"推进|调度|观摩|现场会|督办|约谈|点评|讲评|培训|座谈|调研")),
    ("部署讲话", re.compile(r"部署|工作会议?|专题会|电视电话会|视频会|大会|会议|警示教育")),
]
# Body cues of the genres a title may not name: (genre, pattern, needed hits).
_GENRE_BODY: list[tuple[str, re.Pattern[str], int]] = [
    ("主持词", re.compile(r"(会议|大会)?进行(会议的?)?第[一二三四五六七八九十]+项|下面(进行|请)|请.{1,24}(讲话|发言|致辞|作报告)"
                         r"|大家欢迎|现在开会|会议议程|议程有|散会|待毕"), 3),
    ("表态发言", re.compile(r"表态|我们(将|一定|坚决)|我代表|请.{0,8}放心|立下军令状|决不辜负|郑重承诺"), 3),
    ("致辞", re.compile(r"尊敬的|女士们、先生们|来宾|(热烈|衷心)的?(祝贺|欢迎|感谢)|圆满成功|致以"), 3),
]
_SPEECH_POINTS = re.compile(r"讲(几|两|三|四|五|六)点|几点意见|强调(几|两|三|四)点")


def genre_of(title: str | None, paragraphs: list[str], kind: str) -> str | None:
    """The genre of a speech piece (部署讲话, 表态发言, 主持词, 致辞, 提纲 …), 方案 for a plan,
    None for other kinds. The title decides when it names one; otherwise the body's cues."""
    if kind == "plan":
        return "方案"
    if kind != "speech":
        return None
    head = "\n".join(paragraphs[:6])[:3000]
    t = title or ""
    for genre, rx in _GENRE_TITLE[:4]:
        if rx.search(t):
            if genre == "主持词" or not (genre == "表态发言" and "主持" in t):
                return genre
    if "主持" in t and len(_GENRE_BODY[0][1].findall(head)) >= 2:
        return "主持词"
    for genre, rx, need in _GENRE_BODY:
        hits = len(rx.findall(head))
        if hits >= need and not (genre != "主持词" and _SPEECH_POINTS.search(head)):
            return genre
    for genre, rx in _GENRE_TITLE[4:]:
        if rx.search(t):
            return genre
    for genre, rx in _GENRE_TITLE[4:7]:
        if rx.search(head[:300]):
            return genre
    return "讲话"
