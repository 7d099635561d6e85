"""Fact slots: numbers, dates, names and places of one speech, masked in the corpus's lines.

They become visible placeholders (〔数据待补〕 …) the writer fills and `drafter check` lists;
FALLBACK_PREFIX opens the 〔待写：…〕 a render writes where it found nothing to draw.
"""

from __future__ import annotations

import re

from drafter.text import FALLBACK_PREFIX  # noqa: F401  (drafter.phrases.FALLBACK_PREFIX)

FACT_SLOTS = {
    "data": "〔数据待补〕",
    "date": "〔日期待补〕",
    "unit": "〔单位待补〕",
    "person": "〔人名待补〕",
    "place": "〔地名待补〕",
}

_NUM = r"(?:\d+(?:\.\d+)?|[〇零一二三四五六七八九十两]+)"
_DATE_RE = re.compile(
    r"(?:\d{2,4}|[〇零一二三四五六七八九]{4})年(?:\d{1,2}月(?:\d{1,2}[日号])?)?"
    r"|\d{1,2}月\d{1,2}[日号](?:\d{1,2}[时点])?|\d{1,2}月(?:上旬|中旬|下旬|份|底|初)?"
    r"|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[日号]"
    r"|\d{1,2}[日号]\d{1,2}[时点]|\d{1,2}[时点](?:\d{1,2}分)?"
)
_DATA_RE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|‰|万|亿|千|百)?(?:余|多)?(?:例|人次|人|个|家|次|名|户|支|所|台|件|吨|元"
    r"|天|小时|轮|批|处|辆|份|套|箱|万|亿|平方米|公里|米|条|项|座|张|级)?"
    r"|[一二三四五六七八九十两]+[百千万亿]+[一二三四五六七八九十]*(?:余|多)?(?:例|人|名|户|家|个|元)?"
    r"|[０-９]+"
)
# Proper names that are part of the genre itself, not facts about one speech.
KEEP_NAMES = frozenset(
    "中国 中华 中华民族 全国 国家 中央 党中央 国务院 习近平 毛泽东 邓小平 马克思 列宁 "
    "中共中央 全国人大 人大 政协 共产党 中国共产党 新时代 世界 全球 国际".split()
)
# jieba tags generic bodies (党组织, 组织部) as nt too often, so unit names are not masked by
# tag; 〔单位待补〕 is filled from the user's org variable instead.
_POS_SLOT = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place"}


def mask_numbers(text: str) -> str:
    """Replace dates, then counts and figures, with their fact slots (pure regex, no jieba)."""
    text = _DATE_RE.sub(FACT_SLOTS["date"], text)
    return _DATA_RE.sub(FACT_SLOTS["data"], text)


# jieba's name and place tags are noisy (师生/nr, 普及/ns); a tag counts only with evidence:
# a common surname for people, a place suffix or a province-level name for places.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤易常温康施文牛樊葛邢安齐庞颜倪"
)
PROVINCES = frozenset(
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 "
    "海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 武汉 深圳 广州 南京 "
    "杭州 成都 西安 美国 英国 欧洲 日本 韩国 意大利 伊朗".split()
)
_PLACE_SUFFIX = ("省", "市", "县", "区", "州", "镇", "乡", "村", "街道", "旗", "盟")


def _is_fact_name(word: str, slot: str) -> bool:
    if word in KEEP_NAMES or len(word) < 2:
        return False
    if slot == "person":
        return 2 <= len(word) <= 3 and word[0] in SURNAMES and not word.startswith(("各", "全"))
    return word in PROVINCES or (word.endswith(_PLACE_SUFFIX) and not word.startswith(("各", "全")))


def mask_names(tagged: list[tuple[str, str]]) -> list[str]:
    """Tokens with person and place names replaced; adjacent equal slots merged."""
    out: list[str] = []
    for word, flag in tagged:
        slot = _POS_SLOT.get(flag)
        if slot and _is_fact_name(word, slot):
            word = FACT_SLOTS[slot]
        if out and word == out[-1] and word in FACT_SLOTS.values():
            continue
        out.append(word)
    return out
