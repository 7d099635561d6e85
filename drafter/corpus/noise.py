"""Page noise: decide, line by line, what a scraped page wraps around the text.

Every rule is generic (site chrome, metadata, spam, pay-walls, related-article lists,
image tags, collection notices, forum chrome, editor's blurbs); every dropped line is
returned with its reason so the store can explain each decision.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Reasons, as shown to users by `drafter corpus show`.
NAV, META, SPAM, PAYWALL, RELATED = "导航", "元数据", "垃圾广告", "付费下载提示", "相关文章列表"
IMAGE, NOTICE, FORUM, BLURB, NOTEXT = "图片", "收集声明", "论坛界面", "编者导语", "无文字"
CAPTION, REPLY, TAIL, LICENCE, SITE = "图片说明", "论坛回帖", "页尾标签", "版权声明", "站点标题"
BYLINE, PAGER, LINK, CHROME = "署名日期", "分页导航", "链接", "页面按钮"
INSERTED, REPEAT = "页面插入", "重复内容"

_CJK = re.compile("[\u3400-\u9fff]")
_NAV = re.compile(r"^(当前位置|您的位置|你的位置|您现在的位置|你现在的位置|所在位置)[：:]|>>|»|＞＞|( > .*){2}")
_META = re.compile(
    r"(上传|发布|更新|发表|添加)(日期|时间)[：:]?\s*\d{2,4}|^(时间|日期)[：:]\s*\d{4}[-/年.]\d{1,2}"
    r"|^格式[：:]\s*(doc|docx|pdf|txt|wps)|^简介[：:]|^发表于\s*\d{4}|^(查看|浏览|阅读)[：:]\s*\d+"
    r"|回复[：:]\s*\d+|(浏览|阅读|点击|访问)(次数|量|数)?[：:]\s*\d+|^字数[：:]|^(来源|出处|责任编辑|责编|编辑|作者|小编)[：:]\S{0,30}$"
    r"|(作者|小编|来源|编辑)[：:]\s*\S{1,20}\s*$",
    re.IGNORECASE,
)
_SPAM_WORDS = (
    "毛片", "无码", "成人", "人妻", "色情", "自慰", "裸聊", "约炮", "少妇", "偷拍", "黄片", "三级片",
    "av", "一本道", "博彩", "赌场", "六合彩", "彩票", "真人娱乐", "棋牌", "欧美", "日韩", "亚洲色",
    "精品视频", "免费视频", "免看", "在线观看", "色大片", "麻豆", "黄色网站", "永久免费",
)
_PAYWALL = re.compile(
    r"下载此文档|下载本文|全文阅读已结束|点击下载|立即下载|免费下载|下载文档|付费|扫码支付|已付款"
    r"|联系客服|复制权限|包月|特价[：:]|开通会员|vip|查看全文|阅读全文|展开全文|剩余.{0,8}未读"
    r"|登录后(查看|下载|复制)|不限量复制|预览结束|试读结束|免费获取全文|定制代笔|联系老师|扫码联系"
    r"|需要先登[陆录]|请先登录|请【(登录|注册|刷新)|点此注册|刷新页面|加入会员|正式会员|站内会员|会员权益"
    r"|全文共\d+字|当前(只)?显示\d+字|仅展示\d+字|省略\d+字|侵权投诉|我要(投稿|留言)|精选留言|赏赞|打赏"
    r"|赞赏鼓励|微信订阅号|扫一扫|qq群|欢迎访问|欢迎咨询|客服|投稿人|围观\s*[:：]|^\d+\s*页$|^海报$"
    r"|^(版权声明|关于本文|摘要[：:]?|内容预览[：:]?|分享[：:]?|标签[：:].*|本文标题[：:].*)$|不允许二次传播"
    r"|提示信息[)）]?$|范文网\S{0,3}$|素材网$",
    re.IGNORECASE,
)
# Chrome a site inserts inside a line of text: "……（某网省略257字，正式会员可完整阅读）……",
# "（未完，全文共1662字，当前显示422字）", "仅展示665字，全文共3348字".
_INSERTED = re.compile(
    r"[…\.]*[（(][^（）()]{0,60}(?:省略\d+字|全文共\d+字|当前(?:只)?显示\d+字|未完[，,）)]|已省略)[^（）()]{0,80}[）)][…\.]*"
    r"|仅展示\d+字[，,]?全文共\d+字|[（(]请(认真)?阅读下面的?提示信息[。]?[）)]"
)
_RELATED_HEAD = re.compile(
    r"^(相关(范文|文章|阅读|推荐|文档|内容|资料)\S{0,6}|你可能(还)?感兴趣的?\S{0,4}|猜你喜欢"
    r"|热门(文档|文章|推荐|范文)|推荐(阅读|文章|范文)|延伸阅读|最新(文章|范文)|精选(文章|范文)"
    r"|更多相关\S{0,6}|上一篇[：:].*|下一篇[：:].*)$"
)
_RELATED_ITEM = re.compile(r"^\s+\S|^[-•·*]\s|整理了《|^\d{4}-\d{2}-\d{2}")
_IMAGE_TAG = re.compile(
    r"<image>.*?</image>|<img\b[^>]*>|!\[[^\]]*\]\([^)]*\)|data:image/\S+|\[图片\]|【图片】", re.I
)
_NOTICE = re.compile(
    r"本文(档)?由.{0,30}(收集|整理|提供|上传)|更多.{0,12}(请移步|尽在|请访问|请关注)|转载请注明"
    r"|版权归.{0,10}所有|免责声明|文库(小编|为您整理)|为您整理了《|(本站|本网)(整理|发布|所有)"
)
_FORUM_TOKENS = frozenset(
    "回复 支持 反对 登录 注册 注 册 使用道具 举报 找回密码 QQ登录 微信登录 快速开始 只需一步，快速开始 "
    "[复制链接] 复制链接 显示全部楼层 阅读模式 本版积分规则 小黑屋 手机版 Archiver 手机客户端 快速回复 "
    "返回顶部 返回列表 收藏 分享 楼主 沙发 板凳 只看该作者 电梯直达 倒序浏览 上一主题 下一主题 发帖 回帖 "
    "点评 评分 打印 楼层".split(" ")
)
_FORUM = re.compile(
    r"powered by|copyright|©|icp备|gmt[+-]\d|您需要登录后才可以|^\[复制链接\]|显示全部楼层|积分规则"
    r"|^(楼主|沙发|板凳|地板)\s*$",
    re.IGNORECASE,
)
_POST_HEAD = re.compile(r"^发表于\s*\d{4}")
_BLURB = re.compile(
    r"以下是.{0,12}(为大家|为你|为您|给大家|帮大家).{0,8}(搜集|收集|整理|分享|带来|准备|推荐)"
    r"|小编(为|给)(大家|你|您)|(仅供|以供)(大家)?参考.{0,6}(一起来看看|希望|欢迎)|一起来看看吧"
    r"|欢迎(大家)?(阅读|借鉴|参考|收藏|分享)[。！]?$|(下面|以下)是.{0,40}(供大家|仅供)参考"
    r"|本站为你精心整理|为您提供大量|由会员分享|可在线阅读|请在.{0,12}上搜索|本文内容由.{0,12}(用户|网友)"
)
_CAPTION = re.compile(r"(记者|摄影|图片)\s*\S{0,10}\s*/?\s*摄[）)]?\s*[。]?$|^图[为片]?[：:]|^[（(]图片来源")
_PAGER = re.compile(r"^(上一页|下一页|首页|尾页|末页|第\s*\d+\s*页|共\s*\d+\s*页|\d+|[\s/|])+$")
_LINK = re.compile(r"https?://|www\.[a-z0-9-]+\.|^(原文|本文)?(链接|地址|网址)[：:]", re.IGNORECASE)
_CHROME = re.compile(
    r"^([\[【（(]?\s*(打印(本页|此页)?|关闭(窗口|本页)?|收藏(本站|本页)?|分享到[：:]?|字[号体][：:]?\s*[大中小\s]*"
    r"|返回(顶部|首页|列表)|设为首页|加入收藏|扫一扫|关注(微信)?公众号|扫码关注|长按识别二维码|大|中|小)\s*[\]】）)]?[\s|｜]*)+$"
)
_LICENCE = re.compile(r"^本作品(是|来自|在|采用|依据|属于)")
_SITE = re.compile(r"网站|分站|论坛|社区|首页|频道|门户|文库|网$")
_TERMINAL = "。！？!?"
# A dateline "（2022年10月16日）" or a spaced-out speaker name "习 近 平" on its own line.
_BYLINE = re.compile(r"^[（(](?:\d{4}|\d{2}[xX×]{2}|[xX×]{4})年[\dxX×]{1,2}月([\dxX×]{1,2}日)?[）)]$|^[\u4e00-\u9fff]( [\u4e00-\u9fff]){1,3}$")


@dataclass(frozen=True)
class Dropped:
    """One line (or trailing fragment) removed as noise, with why."""

    line: int
    text: str
    reason: str


_SPAM_RE = re.compile("|".join(map(re.escape, _SPAM_WORDS)))


def _spam(text: str) -> bool:
    hits = len(set(_SPAM_RE.findall(text.lower())))
    if not hits:
        return False
    parts = len(re.split(r"[_,，|｜]", text))
    return hits >= 3 or (hits >= 1 and parts >= 5 and "。" not in text)


def _forum_chrome(text: str) -> bool:
    if _FORUM.search(text):
        return True
    tokens = [t for t in re.split(r"[\s|｜]+", text) if t]
    return bool(tokens) and all(t in _FORUM_TOKENS for t in tokens) or text in _FORUM_TOKENS


def _site_title(text: str) -> bool:
    return ("|" in text or "｜" in text) and len(text) <= 40 and not re.search("[。，]", text) and bool(
        _SITE.search(text)
    )


def line_reason(text: str) -> str | None:
    """Why a cleaned line is noise, or None when it is content (context-free rules only)."""
    if not _CJK.search(text):
        return NOTEXT
    short = len(text) <= 80
    if _NAV.search(text) and (short or text.startswith(("当前位置", "您的位置"))):
        return NAV
    if _spam(text):
        return SPAM
    if short and _META.search(text):
        return META
    if short and _PAYWALL.search(text):
        return PAYWALL
    if _NOTICE.search(text) and len(text) <= 160:
        return NOTICE
    if short and (_forum_chrome(text) or _site_title(text)):
        return FORUM
    if _BLURB.search(text) and len(text) <= 300:
        return BLURB
    if len(text) <= 200 and _CAPTION.search(text):
        return CAPTION
    if len(text) <= 20 and _BYLINE.search(text):
        return BYLINE
    if len(text) <= 40 and _PAGER.search(text) and re.search("页", text):
        return PAGER
    if len(text) <= 40 and _CHROME.search(text):
        return CHROME
    if short and "。" not in text and _LINK.search(text):
        return LINK
    return None


def trailing_tags(lines: list[str]) -> set[str]:
    """Tags a site glues after the last sentence of several lines (e.g. "…材料最新")."""
    tails: Counter[str] = Counter()
    for text in lines:
        cut = max(text.rfind(m) for m in _TERMINAL)
        if cut < 0:
            continue
        tail = text[cut + 1 :]
        if 6 <= len(tail) <= 30 and not re.search(r"[，、；：“”（）\s\d]", tail) and _CJK.search(tail):
            tails[tail] += 1
    return {t for t, n in tails.items() if n >= 2}


_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」）)]*|[^。！？!?]+$")
_SALUTE = re.compile(r"(?=(?:各位领导、)?同志们[：:]|尊敬的[^：:。]{1,40}[：:])")
_CUTTABLE = {BLURB, NOTICE, PAYWALL, META, LINK}


_SPEECH_CUES = re.compile(r"同志们|会议|召开|讲话|部署|贯彻|落实|工作|领导|发展|我们要|各级")
_WRITING = re.compile(r"范文|文章|写作|作文|文档|模板|素材")


def _speech_like(text: str) -> bool:
    """Text left after a blurb is cut: the speech (同志们：…) or the site's own prose."""
    if SALUTATION_START.match(text):
        return True
    return len(set(_SPEECH_CUES.findall(text))) >= 2 and not _WRITING.search(text)


SALUTATION_START = re.compile(r"^(?:各位领导、)?同志们[：:，,]|^尊敬的[^：:。]{1,40}[：:]|^各位[^，,。：:]{1,20}[：:]")


def cut_inline(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A line with the chrome inside it cut out, and each fragment cut with its reason.

    Site inserts ("（…省略257字…）") go wherever they are; a blurb or notice sentence that shares
    its line with the speech ("下面是小编为大家整理的…，供大家参考。同志们：…") goes, and the
    speech stays. A line that is noise through and through comes back unchanged.
    """
    cuts: list[tuple[str, str]] = []
    for m in list(_INSERTED.finditer(text)):
        cuts.append((m.group(0), INSERTED))
    if cuts:
        text = _INSERTED.sub("", text).strip()
    if len(text) <= 30 or line_reason(text) is None and not _BLURB.search(text):
        return text, cuts
    parts = [p for chunk in _SALUTE.split(text) for p in _SENTENCE.findall(chunk) if p.strip()]
    if len(parts) < 2:
        return text, cuts
    keep: list[str] = []
    for part in parts:
        reason = line_reason(part.strip())
        if reason in _CUTTABLE or (reason is None and _BLURB.search(part)):
            cuts.append((part.strip(), reason or BLURB))
        else:
            keep.append(part)
    rest = "".join(keep).strip()
    if len(_CJK.findall(rest)) < 15 or len(keep) == len(parts) or not _speech_like(rest):
        return text, cuts[: len(cuts) - (len(parts) - len(keep))]
    return rest, cuts


_KEY = 12


def _repeats(kept: list[tuple[int, str]]) -> set[int]:
    """Rows whose whole text already stands in a longer row (a summary repeated by the page).

    Rows are found through the 12 characters at each sentence start, so a file of thousands
    of speeches costs a look-up per row, not a scan of the file."""
    starts: dict[str, list[int]] = {}
    for j, (_, other) in enumerate(kept):
        for m in re.finditer(r"(?:^|(?<=[。！？!?：:]))(?=\S)", other):
            key = other[m.start() : m.start() + _KEY]
            if len(key) == _KEY:
                bucket = starts.setdefault(key, [])
                if len(bucket) < 50:
                    bucket.append(j)
    out: set[int] = set()
    for k, (_, text) in enumerate(kept):
        core = text.rstrip("….。 ")
        if len(core) < (4 if k - 1 in out else 30):
            continue  # short rows repeat legitimately (headings); not right after a repeat
        if len(core) < _KEY:
            near = [j for j in (k - 3, k - 2, k - 1) if j >= 0]
        else:
            near = starts.get(core[:_KEY], [])
        if any(j != k and len(kept[j][1]) > len(text) and core in kept[j][1] for j in near):
            out.add(k)
    return out


@dataclass
class Filtered:
    """Lines kept (1-based number in the original file, clean text), what was dropped, and
    the line numbers after which a new piece must start (a trailing site tag ended a piece)."""

    kept: list[tuple[int, str]]
    dropped: list[Dropped]
    breaks: set[int]


def filter_noise(raw: list[str], clean: list[str]) -> Filtered:
    """Apply every noise rule to a page; `raw` and `clean` are parallel lists of lines."""
    kept: list[tuple[int, str]] = []
    dropped: list[Dropped] = []
    breaks: set[int] = set()
    tags = trailing_tags(clean)
    in_related = False
    posts = 0
    in_reply = False
    licence = False
    for no, (raw_line, text) in enumerate(zip(raw, clean), start=1):
        if not text:
            continue
        if licence:
            dropped.append(Dropped(no, text, LICENCE))
            continue
        if _LICENCE.search(text):
            licence = True
            dropped.append(Dropped(no, text, LICENCE))
            continue
        if _IMAGE_TAG.search(text):
            rest = _IMAGE_TAG.sub("", text).strip()
            if not rest or not _CJK.search(rest):
                dropped.append(Dropped(no, text, IMAGE))
                continue
            text = rest
        text = re.sub(r"^#{1,6}\s+", "", text)  # Markdown headings of converted pages
        text, cuts = cut_inline(text)
        dropped.extend(Dropped(no, frag, why) for frag, why in cuts)
        if not text:
            continue
        if in_related:
            if _RELATED_ITEM.search(raw_line) or _RELATED_ITEM.search(text) or line_reason(text):
                dropped.append(Dropped(no, text, RELATED))
                continue
            in_related = False
        if len(text) <= 20 and _RELATED_HEAD.search(text):
            in_related = True
            dropped.append(Dropped(no, text, RELATED))
            continue
        reason = line_reason(text)
        if _POST_HEAD.search(text):
            posts += 1
            in_reply = posts >= 2
        if reason is None and in_reply:
            reason = REPLY
        if reason is not None:
            dropped.append(Dropped(no, text, reason))
            continue
        for tag in tags:
            if text.endswith(tag) and len(text) > len(tag):
                text = text[: -len(tag)]
                dropped.append(Dropped(no, tag, TAIL))
                breaks.add(no)
                break
        if kept and kept[-1][1] == text:  # a thread header repeated as the post title
            prev_no, prev_text = kept.pop()
            dropped.append(Dropped(prev_no, prev_text, "重复行"))
        kept.append((no, text))
    repeats = _repeats(kept)
    dropped.extend(Dropped(no, text, REPEAT) for k, (no, text) in enumerate(kept) if k in repeats)
    kept = [row for k, row in enumerate(kept) if k not in repeats]
    return Filtered(kept, dropped, breaks)
