"""Harvest topic knowledge from official documents: formulations, terms and their associations.

A *formulation* (规范提法) is a short verb phrase that recurs as a field's fixed wording in
several documents (推动重大事故隐患动态清零, 持续巩固拓展脱贫攻坚成果): a clause of at most
``MAX_CHARS`` characters, found in at least ``MIN_DOCS`` different documents, that starts with an
action word and names no person, place or figure. Only such short phrases, content terms and
counts leave this module: never a document's sentences or multi-clause spans.

Each formulation carries the content terms of the sentences it was found in (its *context*), so
that a topic named at run time (any topic, not a fixed list) can find the formulations that
belong to it (drafter.topics.knowledge).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from drafter.data import read_data_lines
from drafter.text import CLAUSE_SPLIT, SENTENCE_SPLIT
from drafter.topics.wording import action_words

MAX_CHARS = 12
MIN_CHARS = 5
MIN_DOCS = 2
CONTEXT_TERMS = 20
COMPOUND_MIN_DF = 4

# Dictionary flags of a clause's first word that make it a task (what the speaker asks for).
_ACTION_TAGS = frozenset(("v", "vd", "vn", "d", "ad", "a", "vi", "vq"))
# Names and figures never enter the data: person, place and organisation names; numbers.
_NAME_TAGS = ("nr", "nrfg", "nrt", "ns", "nsf", "nt", "t", "m")
_FIGURE = re.compile(r"[0-9０-９%％一二三四五六七八九十百千万亿两]+(?:个|项|条|批|家|年|次|大|化|五|者|级|类|型|位|支|区|县|市|省|片)|[0-9０-９%％]")
# A quoted name in words is no figure (落实“四个最严”要求, 纠治“四风”), unless it is a five-year plan
# (“十四五”); one in digits is (“中国制造2025”).
_QUOTED = re.compile(r"“([^“”0-9０-９%％]{1,10})”")
_PLAN = re.compile(r"^(?:十[一二三四五六七八九]?|[一二三四五六七八九])五$")
_BAD = re.compile(r"[《》‘’\"'（）()【】\[\]<>＜＞/\\|·…—\-a-zA-Z]|本作品|我们|你们|他们|我国|我省|我市|本市|本省|全省|全市|全区|本办法|本条例|本规定|本意见")
_LEAD = re.compile(r"^(?:同时|并且|并|还要|要|必须|应当|应|着力于|以及|和|及|而且|其中|另外|此外|特别是|尤其是|重点是|"
                   r"各级人民政府|县级以上人民政府|县级以上地方人民政府|有关部门|各地区|各部门|各地)")
# Legal procedure: the voice of a regulation, not of a speech.
_LEGAL = re.compile(r"依法从事|应当|不得|可以|^(?:建设|施工)单位|保护(?:好)?(?:火灾|事故)?现场|本单位|本行政区域|本部门|本地区|本机关|移送|司法机关|依照|按照规定|有关规定|责令|罚款|处分|追究|当事人|申请人|被申请|行政机关|本法|本条例|本办法|规定的|违反|予以|吊销|"
                    r"没收|拘留|诉讼|复议|赔偿|许可证|登记|备案|审批|批准|办理|提交|申请|经营者|之日起|期限|下列|以下(?:工作|准备|几|职责|内容|措施)|如下|"
                    r"报告[^，。]*(?:机构|机关|部门|政府)$|向[^，。]*(?:机构|机关|部门|政府)报告$|"
                    # a party the regulation named before (保障其合法权益, 督促其限期改正) and what is
                    # done to one case (依法扣留机动车, 及时退还机动车, 及时告知相关单位, 依法签订劳动合同)
                    r"(?<![尤极])其(?![他中次实余])|扣留|退还|报案|告知|通知|出具|依法(?:签订|缴纳|撤销|享受|给予)|申领|"
                    r"(?:督促|报告)(?:建设|施工)单位|由[^，。]{1,8}承担")
_PROVINCES = re.compile("首都|古都|北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|"
                        "海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|长三角|京津冀|粤港澳|"
                        "成渝|黄河|长江|东北|西部|中部|东部|雄安|浦东|深圳|兵团|两岸")
_STOP = frozenset("我们 他们 以及 进一步 一批 全面 坚持 加强 推进 推动 深化 完善 健全 实施 开展 提升 提高 加快 强化 "
                  "促进 建设 工作 发展 重点 有效 重要 主要 各项 积极 持续 扎实 不断 着力 大力 深入 切实 努力 "
                  "全力 进行 实现 支持 做好 抓好 落实 工程 体系 机制 水平 能力 制度 问题 方面 领域 任务 要求 "
                  "政府 国家 全国 社会 经济 人民 群众 中国 今年 去年 一年 五年 同志 地区 城市 部门 单位 企业".split())


# A statement of what happened (未发生…, 形势持续向好, 同比下降) reports; it does not set a task.
STATEMENT = re.compile(r"^(?:未|没有|已|已经|基本|初步|顺利|成功|圆满)|取得|实现了|同比|下降|增长|明显|显著|形势|向好|不到位$|不力$|"
                       r"稳定$|好转|中$|时$|后$|前$|期间|过程|得到|成为|达到|超过|位居|位列|列入|入选|荣获|获评|获得|的$|了$|着$|等$|"
                       # a result as the subject (检查结果互认, 考核结果向社会公开): what is done with it, a
                       # noun phrase no heading can open on (推行检查结果互认 is a task)
                       r"^(?:检查|考核|评估|评价|监测|审计|巡查|督查|调查|检测|抽检|核查)结果")


# A section heading of a report or plan: 一、… (level 1) or （一）… (level 2).
_HEADING = re.compile(r"^(?:([一二三四五六七八九十]+、)|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[章节部分])")


@dataclass
class Formulation:
    """A recurring short verb phrase and where it occurs."""

    text: str
    docs: set[str] = field(default_factory=set)
    count: int = 0
    context: Counter[str] = field(default_factory=Counter)


@dataclass
class Harvest:
    """What one harvest found: formulations and the sentence frequencies of content terms."""

    formulations: dict[str, Formulation]
    term_df: Counter[str]
    sentences: int
    documents: int
    # for each content term, the terms the documents say with it most (防汛: 抗旱, 防洪, 汛期…)
    associations: dict[str, list[str]] = field(default_factory=dict)


def sentences_of(text: str) -> Iterator[str]:
    for line in text.splitlines():
        for sentence in SENTENCE_SPLIT.split(line):
            sentence = sentence.strip().strip("　 ")
            if sentence:
                yield sentence


def content_terms(words: list[str], tag_of: Callable[[str], str]) -> set[str]:
    """Content words of a cut sentence (no names), and compounds of two adjacent ones."""
    good = [len(w) >= 2 and w not in _STOP and not _FIGURE.search(w) and not _BAD.search(w)
            and not tag_of(w).startswith(_NAME_TAGS) and not _PROVINCES.search(w) for w in words]
    terms = {w for w, ok in zip(words, good) if ok}
    for i in range(len(words) - 1):
        if good[i] and good[i + 1] and len(words[i]) + len(words[i + 1]) <= 6:
            terms.add(words[i] + words[i + 1])
    return terms


def harvest(documents: Iterable[tuple[str, str]], cut: Callable[[str], list[str]],
            tag_of: Callable[[str], str]) -> Harvest:
    """Mine formulations and term associations from (document id, text) pairs."""
    candidates: dict[str, Formulation] = {}
    term_df: Counter[str] = Counter()
    n_sentences = 0
    doc_ids: set[str] = set()
    doc_texts: dict[str, str] = {}
    word_docs: dict[str, set[str]] = defaultdict(set)
    sentence_terms: list[tuple[str, ...]] = []
    said: set[tuple[str, str]] = set()
    for doc_id, text in documents:
        doc_ids.add(doc_id)
        # one document in several files (a law's versions): its text is all of them
        doc_texts[doc_id] = doc_texts[doc_id] + "\n" + text if doc_id in doc_texts else text
        headings: dict[int, set[str]] = {}  # terms of the current heading at each level
        for line in text.splitlines():
            line = line.strip().strip("　 ")
            if not line:
                continue
            m = _HEADING.match(line)
            sentences = [x for x in SENTENCE_SPLIT.split(line) if x.strip()]
            if not sentences:
                continue
            # a paragraph's lead sentence (毫不放松抓好安全生产。) names what it is about
            lead = content_terms(cut(sentences[0]), tag_of)
            if m:
                level = 1 if m.group(1) else 2
                headings = {k: v for k, v in headings.items() if k < level}
                headings[level] = lead
            about = lead.union(*headings.values())
            for sentence in sentences:
                if len(sentence) < MIN_CHARS or len(sentence) > 500:
                    continue
                terms, found = _sentence(sentence, cut, tag_of, word_docs, doc_id)
                if (doc_id, sentence) not in said:  # a law's versions repeat its sentences: once
                    said.add((doc_id, sentence))
                    sentence_terms.append(tuple(terms))
                for clause in found:
                    item = candidates.setdefault(clause, Formulation(clause))
                    item.docs.add(doc_id)
                    item.count += 1
                    item.context.update(terms)
                    item.context.update({t: 2 for t in about})
                term_df.update(terms | about)
                n_sentences += 1
    n = n_sentences
    keep_terms = {t for t, c in term_df.items() if c >= COMPOUND_MIN_DF}
    # a formulation also counts in the documents that carry it inside a longer clause
    for f in candidates.values():
        words = cut(f.text)
        docs = set.intersection(*(word_docs.get(w, set()) for w in words)) if words else set()
        f.docs |= {d for d in docs - f.docs if f.text in doc_texts[d]}
    kept = {t: f for t, f in candidates.items() if len(f.docs) >= MIN_DOCS}
    for f in kept.values():
        f.context = Counter(dict(_top_context(f.context, term_df, n, keep_terms)))
    return Harvest(kept, Counter({t: term_df[t] for t in keep_terms}), n, len(doc_ids),
                   associations(sentence_terms, (t for t in kept if not rejected(t))))


ASSOCIATES = 6  # associated terms kept per term
ASSOCIATION_MIN = 5  # sentences two terms must share to be associated
TERMS_PER_SENTENCE = 16  # the rarest terms of a long sentence are the ones that say what it is about
NAMING = 3  # formulations an associated term must name (a term drafter can find material with)


def associations(sentence_terms: list[tuple[str, ...]], texts: Iterable[str] = ()) -> dict[str, list[str]]:
    """For each content term, the terms the documents say with it most: at least ASSOCIATION_MIN
    shared sentences, ranked by shared sentences times the log of the lift (so that a frequent
    companion, 防洪 of 防汛, comes before a rare one), never a term holding the other (保障防汛
    of 防汛), and only terms that name NAMING of `texts` (the formulations) when given. Counts
    of words only, never text."""
    from itertools import combinations

    df: Counter[str] = Counter(t for terms in sentence_terms for t in set(terms))
    n = max(1, len(sentence_terms))
    usable = {t for t, c in df.items() if c >= ASSOCIATION_MIN and c <= 0.05 * n}
    texts = list(texts)
    if texts:
        joined = "\n".join(texts)
        naming = {t for t in usable if joined.count(t) >= NAMING}
    else:
        naming = usable
    pairs: Counter[tuple[str, str]] = Counter()
    for terms in sentence_terms:
        kept = sorted({t for t in terms if t in usable}, key=lambda t: (df[t], t))[:TERMS_PER_SENTENCE]
        pairs.update(combinations(sorted(kept), 2))
    scored: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for (a, b), c in pairs.items():
        if c < ASSOCIATION_MIN or a in b or b in a:
            continue
        lift = c * n / (df[a] * df[b])
        if lift > 2:
            score = c * math.log(lift)
            if b in naming:
                scored[a].append((score, b))
            if a in naming:
                scored[b].append((score, a))
    return {t: [b for _, b in sorted(found, key=lambda sb: (-sb[0], sb[1]))[:ASSOCIATES]]
            for t, found in sorted(scored.items())}


# a campaign one place named for its year or month (开展“安全环保风险管控年”活动): local, not the field's
_CAMPAIGN = re.compile(r"[年月周]”")


# a quality, not a task: a two-character word and 的 open it, so it names a thing, it does not act
# on one (巩固的国防和强大的军队, 积极的财政政策要加力提效)
_QUALITY = re.compile(r"^[\u4e00-\u9fff]{2}的")


# half of a construction the next clause completes (抓好防汛抗旱既是工作要求，也是…)
_HALF = re.compile(r"既是|既要|既有|不仅|不但|而且|也是|就是|不是|因为|所以|虽然|但是|如果|只有|才能")


# a task only the centre carries out (开展中央环境保护督察, 推进反腐败国家立法): a local speech
# takes part in it, it does not do it
_CENTRAL = re.compile(r"^(?:开展|组织)中央.*督察$|国家立法")
# one place's ambition on the national or world stage (打造国际会展之都, 打造全国算力高地)
_STAGE = re.compile(r"^打造(?:国际|全国|世界|全球)")
# a trend reported, not a task set (发展内生动力不断增强); 推动生态环境质量持续改善 sets one
_TREND = re.compile(r"^(?!推动|推进|促进|确保|实现|保持|力争|坚持|带动|使|努力).*"
                    r"(?:不断|持续|明显|日益|逐步)(?:增强|提高|提升|改善|扩大)$")
_ADVERBS = re.compile(r"^(?:着力|进一步|加快|大力|切实|积极|全力|努力|扎实|深入|全面|持续|不断)+")  # before its verb


def names_a_place(text: str) -> bool:
    """The clause names one province, region or city (保障首都生态安全): one place's task, not a field's."""
    return bool(_PROVINCES.search(text))


@lru_cache(maxsize=1)
def _political_names() -> frozenset[str]:
    return frozenset(read_data_lines("political_names.txt"))


def _political(text: str) -> bool:
    """A quoted name of politics, the state's policies or a five-year plan, not of a field
    (drafter/_data/political_names.txt): 做到“两个维护”, 实现“十四五”规划目标."""
    return any(q in _political_names() or _PLAN.match(q) for q in _QUOTED.findall(text))


def rejected(text: str) -> bool:
    """A harvested phrase drafter does not use: a report of what happened, a regulation's
    procedure, one place's campaign or ambition, half of a construction, a thing named rather
    than acted on (巩固的国防…), a task only the centre does, or a trend reported (the loader applies this to data built by older rules)."""
    return bool(STATEMENT.search(text) or _LEGAL.search(text) or _CAMPAIGN.search(text) or _political(text)
                or _HALF.search(text) or _CENTRAL.search(text) or _TREND.search(_ADVERBS.sub("", text))
                or _STAGE.search(text) or _QUALITY.match(text))


_TITLES = frozenset("同志 书记 总书记 县长 市长 省长 区长 镇长 乡长 主任 局长 总理 主席 部长 厅长 委员 代表".split())
_UNITS = frozenset("镇 乡 村 县 市 区 街道 社区 州 盟 旗".split())
_AREA_CHARS = frozenset("省市县区乡镇村街道社州盟旗城")
_NOT_A_NAME = frozenset("全 各 本 该 我 城 农 乡 市 县 区 镇 村 分管 主要 有关 相关 领导 党委 政府 支部".split())


def names_someone(words: list[str], tag_of: Callable[[str], str]) -> bool:
    """A clause naming a person, a place or an organisation of one speech (李克强总理, 张明同志,
    雍熙镇城区): the writer's facts, never drafter's material."""
    for i, w in enumerate(words):
        generic = w[:1] in "各全本该每" or all(c in _AREA_CHARS for c in w) \
            or w.endswith(("领导", "干部", "党员", "人员", "负责人", "班子"))
        if tag_of(w).startswith(("nr", "ns", "nt")) and not generic:
            return True
        after = words[i + 1] if i + 1 < len(words) else ""
        if (after in _TITLES or after in _UNITS) and len(w) >= 2 and w not in _NOT_A_NAME \
                and not generic and not tag_of(w).startswith(("v", "a", "d")):
            return True
    return False


def is_legal(clause: str) -> bool:
    """A clause in a regulation's procedural voice (责令改正, 依法移送司法机关)."""
    return bool(_LEGAL.search(clause))


def _sentence(sentence: str, cut: Callable[[str], list[str]], tag_of: Callable[[str], str],
              word_docs: dict[str, set[str]], doc_id: str) -> tuple[set[str], list[str]]:
    """The content terms of a sentence and the formulations among its clauses."""
    terms: set[str] = set()
    found: list[str] = []
    for raw in CLAUSE_SPLIT.split(sentence):
        clause = _LEAD.sub("", raw.strip().strip("　 "))
        if not clause:
            continue
        words = cut(clause)
        terms |= content_terms(words, tag_of)
        for w in words:
            word_docs[w].add(doc_id)
        # the clause, and the clause without its leading adverbs (深入推进… -> 推进…)
        found.extend(_stripped(clause, words, tag_of))
    return terms, found


def _stripped(clause: str, words: list[str], tag_of: Callable[[str], str]) -> list[str]:
    """The clause and the clause without each leading adverb, those that are formulations."""
    found = []
    while words:
        if _is_formulation(clause, words, tag_of):
            found.append(clause)
        if len(words) < 3 or not tag_of(words[0]).startswith(("d", "ad")):
            break
        clause, words = clause[len(words[0]):], words[1:]
    return found


def _is_formulation(clause: str, words: list[str], tag_of: Callable[[str], str]) -> bool:
    return is_phrase(clause, words, tag_of, MAX_CHARS)


def is_phrase(clause: str, words: list[str], tag_of: Callable[[str], str], max_chars: int,
              facts: bool = False) -> bool:
    """A clause that states a task: short, opened by an action word, no figure (unless `facts`),
    no person or place, not in a regulation's procedural voice."""
    if not MIN_CHARS <= len(clause) <= max_chars or not words:
        return False
    if (not facts and (_FIGURE.search(_QUOTED.sub("", clause)) or names_a_place(clause))) or _BAD.search(clause) \
            or rejected(clause) or not _quoted_whole(clause):
        return False
    return len(words) >= 2 and words[0] in action_words()


def _quoted_whole(clause: str) -> bool:
    """Quotation marks, where there are any, close what they open (深化“放管服”改革)."""
    depth = 0
    for ch in clause:
        depth += {"“": 1, "”": -1}.get(ch, 0)
        if depth not in (0, 1):
            return False
    return depth == 0


def _top_context(context: Counter[str], df: Counter[str], n: int,
                 keep: set[str]) -> list[tuple[str, int]]:
    scored = sorted(((t, c) for t, c in context.items() if t in keep),
                    key=lambda kv: (-kv[1] * math.log(n / (1 + df[kv[0]])), kv[0]))
    return scored[:CONTEXT_TERMS]
