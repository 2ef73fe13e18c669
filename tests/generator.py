"""Provincial variants of real national texts with known edits, and the truth about each edit.

Used by the benchmark (`make bench`) and by tests. Given a national outline and a seed it writes
a provincial text the way provinces rewrite: localised wording, full-width punctuation, sections
renumbered, merged, swapped, moved to another part or dropped, sentences dropped, paraphrased or
weakened, local sentences and sections added, 责任单位 notes appended. The truth records, for every
national clause, what was done to it; for every provincial clause, where it came from.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from core.align import Parameters
from core.leads import headed_sentences
from core.model import Outline, Section
from core.read.numerals import chinese_counting
from core.text import to_fullwidth_punctuation

LOCALISE = (("国务院各部门", "省直各部门"), ("各地区各部门", "各市（州）、省直各部门"),
            ("各地区、各部门", "各市（州）、省直各部门"), ("全国", "全省"), ("我国", "我省"),
            ("国家", "本省"), ("县级以上人民政府", "县级以上地方人民政府"))
PARAPHRASE = (("加强", "强化"), ("推进", "推动"), ("提升", "提高"), ("完善", "健全"),
              ("进一步", ""), ("积极", ""), ("不断", "持续"), ("有效", "切实"))
WEAKEN = (("全面推进", "逐步推进"), ("确保", "力争"), ("加快", "有序"), ("必须", "鼓励"),
          ("应当", "可以"), ("大力", "适度"), ("全面", "逐步"))
UNITS = ("省发展改革委", "省数据局", "省政府办公厅", "省委网信办", "省公安厅", "省财政厅",
         "省市场监管局", "省司法厅", "省政务服务中心", "各市（州）人民政府")
CITIES = ("江城", "北湖", "云岭", "青山", "南港", "西川", "东原", "临泉")
LOCAL_TOPICS = ("高原牧区便民服务站", "边境口岸通关协同", "盐湖资源监测", "河湖长制巡查",
                "茶产业溯源", "林区防火视频监控", "山区应急通信保障", "民族地区双语政务服务",
                "侨务服务专窗", "渔港船舶动态管理", "文旅消费券发放", "冰雪旅游安全预警")
LOCAL_SENTENCES = (
    "支持{city}市率先开展{topic}试点，{year}年底前形成可复制推广的做法。",
    "依托“{city}通”移动端，推出{topic}专区，实现相关事项指尖可办。",
    "设立{topic}专项资金，每年安排不少于{n}千万元用于设备更新。",
    "在{city}市建设{topic}区域中心，辐射周边{n}个县（市、区）。",
    "组建由{n}名专家组成的{topic}咨询组，每季度开展一次实地调研。",
    "将{topic}纳入省级重点民生实事项目，按月调度进展情况。",
)
# Local sentences written in the generic words of national texts (推动, 建立健全, 工作机制 …):
# they carry no national requirement, and generic words must not make them look as if they did.
GENERIC_POLICY_SENTENCES = (
    "推动{topic}数字化转型，建立健全{topic}协同工作机制，全面提升{topic}服务水平。",
    "加强{topic}数据归集共享，推进{topic}业务协同办理，构建{topic}一体化管理平台。",
    "完善{topic}工作体系，强化{topic}监督管理，切实提高{topic}治理能力和水平。",
    "统筹推进{topic}基础设施建设，加快形成{topic}标准规范体系，确保{topic}安全稳定运行。",
)
GENERIC_STATUTE_SENTENCES = (
    "县级以上地方人民政府应当加强{topic}工作的组织领导，建立健全{topic}协调机制。",
    "省人民政府有关部门应当按照各自职责，做好{topic}的监督管理和服务保障工作。",
    "对在{topic}工作中成绩突出的集体和个人，可以按照本省有关规定给予表扬和奖励。",
    "从事{topic}活动的单位和个人，应当遵守本办法的规定，接受有关部门的监督检查。",
)
LOCAL_SECTION_TITLES = ("打造示例特色数字应用", "深化省际协作", "推进县域数字化试点",
                        "强化民族地区数字服务", "建设数字口岸")


@dataclass
class Truth:
    """What the generator did, keyed the way the comparison reports.

    Attributes:
        clause_status: national clause id → "covered", "partial" (weakened) or "missing".
        weakened: ids of national clauses weakened on purpose.
        section_pairs: (national section id, provincial section id) pairs that carry each other.
        provincial_origin: provincial clause text → national clause id, or "" for an addition
            (a list per text, in order, since a text can repeat).
    """

    clause_status: dict[str, str] = field(default_factory=dict)
    weakened: set[str] = field(default_factory=set)
    section_pairs: set[tuple[str, str]] = field(default_factory=set)
    provincial_origin: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class _Unit:
    """A national section with clauses of its own, as it travels into the provincial text."""

    sections: list[Section]
    title: str
    lead: bool = False  # a part's own opening paragraph: it stays where it is
    sentences: list[tuple[str, str]] = field(default_factory=list)  # (text, national id or "")


@dataclass
class Variant:
    """A generated provincial text and its truth."""

    text: str
    truth: Truth


def make_variant(national: Outline, seed: int, *, intensity: float = 1.0) -> Variant:
    """Write a provincial variant of a national outline.

    Args:
        national: the national outline (policy or statute).
        seed: the random seed; the same seed gives the same variant.
        intensity: scales every edit probability.

    Returns:
        The provincial text (one paragraph a line) and the truth.
    """
    rng = random.Random(seed)
    statute = national.grammar == "statute"
    truth = Truth()
    # The national preamble is background, and the province writes its own: it is not judged.
    groups = _groups(national)
    edited: list[tuple[str, list[_Unit]]] = []
    for group_title, units in groups:
        kept: list[_Unit] = []
        for unit in units:
            if not unit.lead and rng.random() < 0.06 * intensity and len(units) > 1:
                for section in unit.sections:
                    for clause in section.clauses:
                        truth.clause_status[clause.id] = "missing"
                continue
            unit.sentences = _edit_sentences(unit, rng, truth, intensity, statute)
            carried = any(origin for _, origin in unit.sentences)
            if not carried and not unit.lead:
                if not unit.sentences:
                    continue  # every sentence dropped: the province drops the section
                if statute:
                    unit.sections = []  # an article of the province's own in its place
            kept.append(unit)
        kept = _merge_and_swap(kept, rng, intensity)
        edited.append((group_title, kept))
    _move_one(edited, rng, intensity)
    _add_local_sections(edited, rng, intensity, statute)
    text = _render(national, edited, rng, truth, statute)
    if not statute:
        _headings_carried_by_their_content(national, truth)
    return Variant(text=text, truth=truth)


def _headings_carried_by_their_content(national: Outline, truth: Truth) -> None:
    """A run-in heading (提升辅助决策能力。) dropped while sentences it heads are kept is no
    omission: the province kept the task it names, only not its bold opening words. So the
    blind annotators of bench/policy judged such headings, and so does the truth here. (The
    truth says covered; the engine says partial when fewer than half are kept, a difference
    this benchmark, which scores omissions, does not see. The truth finds headings with the
    engine's own ``headed_sentences``, so heading misfires show on bench/policy, not here.)"""
    clauses = national.clauses()
    for head, group in headed_sentences(clauses, Parameters().lead_chars).items():
        if (truth.clause_status.get(clauses[head].id) == "missing"
                and any(truth.clause_status.get(clauses[i].id) in ("covered", "partial")
                        for i in group)):
            truth.clause_status[clauses[head].id] = "covered"


def _groups(national: Outline) -> list[tuple[str, list[_Unit]]]:
    """Top-level parts (or chapters) with the units under them, in order."""
    groups: list[tuple[str, list[_Unit]]] = []
    for section in national.sections:
        if section.id == "0":
            continue
        if section.level == 1:
            groups.append((section.title, []))
            lead = section.clauses
            if lead:
                groups[-1][1].append(_Unit([section], section.title, lead=True))
        elif section.clauses:
            if not groups:
                groups.append(("总则", []))
            groups[-1][1].append(_Unit([section], section.title))
    return groups


def _localise(text: str) -> str:
    for national_form, provincial_form in LOCALISE:
        text = text.replace(national_form, provincial_form)
    return to_fullwidth_punctuation(text)


def _edit_sentences(unit: _Unit, rng: random.Random, truth: Truth, intensity: float,
                    statute: bool) -> list[tuple[str, str]]:
    sentences: list[tuple[str, str]] = []
    for section in unit.sections:
        for clause in section.clauses:
            text = clause.text
            roll = rng.random()
            if roll < 0.10 * intensity:
                truth.clause_status[clause.id] = "missing"
                continue
            status = "covered"
            style = ""  # how the sentence is rewritten: "", "light" or "full"
            if roll < 0.18 * intensity:
                weakened = _weaken(text, rng, hedge=not statute)
                if weakened != text:
                    text, status = weakened, "partial"
                    truth.weakened.add(clause.id)
                    style = "full" if rng.random() < 0.5 else ""
            elif roll < 0.32 * intensity:
                style = "light"
            elif roll < 0.55 * intensity:
                style = "full"
            truth.clause_status[clause.id] = status
            # A long sentence may be written as two, each half still the nation's words.
            parts = _split(text) if rng.random() < 0.08 * intensity else [text]
            for part in parts:
                if style == "light":
                    part = _paraphrase(part, rng)
                elif style == "full":  # a weakened sentence keeps the phrase that was weakened
                    part = _rewrite(part, rng, None if status == "covered" else
                                    tuple(k for k in _REWRITE if k != "condense"))
                sentences.append((_localise(part), clause.id))
            if rng.random() < 0.07 * intensity:
                sentences.append((_local_sentence(rng, statute), ""))
    if not statute and rng.random() < 0.15 * intensity and sentences:
        sentences.append((_local_sentence(rng, statute), ""))
    return sentences


# Hedges drafters put before a verb they keep (编制……路线图 → 适时编制……路线图; 开展……试点 →
# 有条件的地方可以开展……试点).
HEDGES = ("适时", "逐步", "有条件的地方可以")
_HEDGED_VERB = re.compile(r"开展|编制|实施|推行|组织|建设|制定")


def _weaken(text: str, rng: random.Random, *, hedge: bool = False) -> str:
    """The sentence with its binding force weakened (a policy's may be hedged: 适时编制)."""
    options = [(strong, weak) for strong, weak in WEAKEN if strong in text]
    verb = _HEDGED_VERB.search(text) if hedge else None
    if verb and not re.search(r"逐步|适时|有条件的", text) and rng.random() < 0.3:
        return text[:verb.start()] + rng.choice(HEDGES) + text[verb.start():]
    target = re.search(r"到20\d\d年[，,]?", text)
    if target and (not options or rng.random() < 0.3):
        return text.replace(target.group(0), "", 1)
    if options:
        strong, weak = rng.choice(options)
        return text.replace(strong, weak, 1)
    quoted = re.search(r"“[^”]{2,12}”", text)
    if quoted:
        return text.replace(quoted.group(0), "", 1)
    return text


LOCAL_FRAMES = ("结合我省实际，", "立足省情，", "在全省范围内，", "聚焦重点领域，")
_KEY = re.compile(r"[“”\d]|一网|平台|数据|安全")
# Key terms a province writes in its own, current or fuller form.
TERM_VARIANTS = (("政务数据", "政务数据资源"), ("公共数据", "公共数据资源"), ("市场主体", "经营主体"),
                 ("政务服务平台", "在线政务服务平台"), ("网络安全", "网络和数据安全"),
                 ("有关部门", "相关部门"), ("信息系统", "信息化系统"), ("企业和群众", "企业群众"),
                 ("跨部门", "跨部门跨层级"), ("国务院有关部门", "省人民政府有关部门"),
                 ("地方各级人民政府", "各级人民政府"), ("基础设施", "基础设施设备"))
# Verbs and connectives a province swaps freely.
VERB_VARIANTS = (("构建", "打造"), ("建立健全", "健全"), ("深化", "深入推进"), ("促进", "推动"),
                 ("提升", "增强"), ("实现", "推动实现"), ("充分发挥", "发挥"), ("统筹推进", "统筹推动"),
                 ("着力", "聚焦"), ("依法", "依照法律法规"), ("及时", "第一时间"), ("组织", "组织开展"))
# Local specifics a province puts into a national sentence.
LOCAL_DETAILS = ("在{city}等地先行先试", "{year}年底前基本完成", "依托省一体化政务服务平台",
                 "覆盖省、市、县、乡四级", "每年至少开展一次评估", "由{unit}牵头负责",
                 "在{city}市建设区域分中心", "纳入省级重点民生实事项目")


def _rewrite(text: str, rng: random.Random, kinds: tuple[str, ...] | None = None) -> str:
    """Rewrite a sentence the way provinces do, with two to four changes in the one sentence.

    Synonyms for generic verbs and for key terms, the members of a list or two comma phrases
    put in another order, a minor phrase dropped, a local specific (a pilot city, a deadline,
    a lead unit) inserted, or a local frame put in front. The requirement itself stays.
    ``kinds`` limits the changes to some of ``_REWRITE``'s (all when None).
    """
    for kind in rng.sample(kinds or tuple(_REWRITE), k=rng.choice((2, 3, 3, 4))):
        text = _REWRITE[kind](text, rng)
    return text


def _paraphrase(text: str, rng: random.Random) -> str:
    """A light rewrite: synonyms for generic verbs, two comma phrases swapped or a minor one
    dropped, sometimes a local frame in front."""
    text = _swap_words(PARAPHRASE, text, rng, most=3)
    roll = rng.random()
    if roll < 0.4:
        text = _reorder_phrases(text, rng)
    elif roll < 0.7:
        text = _condense(text, rng)
    if rng.random() < 0.3:
        text = _frame(text, rng)
    return text


def _swap_words(table: tuple[tuple[str, str], ...], text: str, rng: random.Random,
                most: int = 2) -> str:
    choices = [(a, b) for a, b in table if a in text]
    for original, replacement in rng.sample(choices, k=min(most, len(choices))):
        text = text.replace(original, replacement, 1)
    return text


def _phrases(text: str) -> tuple[list[str], str]:
    end = text[-1] if text and text[-1] in "。；！？" else ""
    return [p for p in re.split("[，,]", text[:-1] if end else text) if p], end


def _reorder_items(text: str, rng: random.Random) -> str:
    """Put the members of a list (集约建设、互联互通、协同联动) in another order."""
    phrases, end = _phrases(text)
    lists = [i for i, p in enumerate(phrases) if len(items := p.split("、")) >= 3
             and all(2 <= len(item) <= 8 for item in items[1:]) and len(set(items[1:])) > 1]
    if not lists:
        return text
    i = rng.choice(lists)
    head, *items = phrases[i].split("、")
    original = list(items)
    while items == original:
        rng.shuffle(items)
    phrases[i] = "、".join([head, *items])
    return "，".join(phrases) + end


def _reorder_phrases(text: str, rng: random.Random) -> str:
    phrases, end = _phrases(text)
    if len(phrases) < 3:
        return text
    i = rng.randrange(1, len(phrases) - 1)
    phrases[i], phrases[i + 1] = phrases[i + 1], phrases[i]
    return "，".join(phrases) + end


def _condense(text: str, rng: random.Random) -> str:
    phrases, end = _phrases(text)
    minor = [i for i in range(1, len(phrases)) if not _KEY.search(phrases[i])]
    if not minor or len(phrases) < 4:
        return text
    del phrases[rng.choice(minor)]
    return "，".join(phrases) + end


def _detail(text: str, rng: random.Random) -> str:
    phrases, end = _phrases(text)
    detail = rng.choice(LOCAL_DETAILS).format(city=rng.choice(CITIES), unit=rng.choice(UNITS),
                                              year=rng.choice((2024, 2025, 2026)))
    phrases.insert(rng.randrange(1, len(phrases) + 1), detail)
    return "，".join(phrases) + end


def _frame(text: str, rng: random.Random) -> str:
    return rng.choice(LOCAL_FRAMES) + text


_REWRITE = {
    "synonyms": lambda text, rng: _swap_words(PARAPHRASE + VERB_VARIANTS, text, rng),
    "terms": lambda text, rng: _swap_words(TERM_VARIANTS, text, rng),
    "reorder_items": _reorder_items,
    "reorder_phrases": _reorder_phrases,
    "condense": _condense,
    "detail": _detail,
    "frame": _frame,
}


def _split(text: str) -> list[str]:
    """A long sentence written as two, cut at the comma nearest its middle."""
    phrases, end = _phrases(text)
    if len(phrases) < 4 or len(text) < 50:
        return [text]
    cut = min(range(2, len(phrases) - 1),
              key=lambda i: abs(len("，".join(phrases[:i])) - len(text) / 2))
    return ["，".join(phrases[:cut]) + "。", "，".join(phrases[cut:]) + (end or "。")]


def _local_sentence(rng: random.Random, statute: bool = False) -> str:
    """A sentence of the province's own: half of them in the national text's generic words."""
    templates = LOCAL_SENTENCES + (GENERIC_STATUTE_SENTENCES if statute else GENERIC_POLICY_SENTENCES)
    template = rng.choice(templates)
    return template.format(city=rng.choice(CITIES), topic=rng.choice(LOCAL_TOPICS),
                           year=rng.choice((2024, 2025, 2026)), n=rng.choice("二三四五六八"))


def _merge_and_swap(units: list[_Unit], rng: random.Random, intensity: float) -> list[_Unit]:
    result: list[_Unit] = []
    index = 0
    while index < len(units):
        unit = units[index]
        following = units[index + 1] if index + 1 < len(units) else None
        roll = rng.random()
        if unit.lead or (following and following.lead):
            roll = 1.0
        if following and roll < 0.06 * intensity:
            unit.sections += following.sections
            unit.sentences += following.sentences
            result.append(unit)
            index += 2
            continue
        if following and roll < 0.12 * intensity:
            result += [following, unit]
            index += 2
            continue
        result.append(unit)
        index += 1
    return result


def _move_one(groups: list[tuple[str, list[_Unit]]], rng: random.Random, intensity: float) -> None:
    if len(groups) < 2 or rng.random() > 0.7 * intensity:
        return
    source = rng.randrange(len(groups))
    if len(groups[source][1]) < 2:
        return
    target = rng.choice([i for i in range(len(groups)) if i != source])
    movable = [i for i, u in enumerate(groups[source][1]) if not u.lead]
    if not movable:
        return
    unit = groups[source][1].pop(rng.choice(movable))
    groups[target][1].append(unit)


def _add_local_sections(groups: list[tuple[str, list[_Unit]]], rng: random.Random,
                        intensity: float, statute: bool) -> None:
    for _, units in groups:
        if rng.random() < 0.12 * intensity:
            title = rng.choice(LOCAL_SECTION_TITLES)
            local = _Unit([], title)
            local.sentences = [(_local_sentence(rng, statute), "") for _ in range(1 if statute else 2)]
            first = 1 if units and units[0].lead else 0
            units.insert(rng.randrange(first, len(units) + 1), local)


def _render(national: Outline, groups: list[tuple[str, list[_Unit]]], rng: random.Random,
            truth: Truth, statute: bool) -> str:
    lines = [f"示例省{national.title}实施办法" if statute else f"示例省关于{national.title}的实施意见"]
    if not statute:
        lines.append("各市（州）人民政府，省政府各部门：")
        lines.append(f"为贯彻落实《{national.title}》，结合我省实际，现提出如下实施意见。")
    article = 0
    for group_number, (group_title, units) in enumerate(groups, start=1):
        group_id = str(group_number)
        lines.append(f"第{chinese_counting(group_number)}章 {group_title}" if statute
                     else f"{chinese_counting(group_number)}、{group_title}")
        section_number = 0
        for unit in units:
            is_lead = unit.lead
            if is_lead:
                provincial_id = group_id
            else:
                section_number += 1
                provincial_id = f"{group_id}.{section_number}"
            carried = {origin.rsplit("-", 1)[0] for _, origin in unit.sentences if origin}
            for section in unit.sections:
                # A section is found where it went by a sentence it carried there, or, in a
                # policy text, by its heading (a merged unit keeps the first one's).
                if (is_lead or section.id in carried
                        or not statute and section is unit.sections[0]):
                    truth.section_pairs.add((section.id, provincial_id))
            for text, origin in unit.sentences:
                truth.provincial_origin.setdefault(text, []).append(origin)
            body = "".join(text for text, _ in unit.sentences)
            note_line = ""
            if not statute and body and rng.random() < 0.5:
                units_named = "、".join(rng.sample(UNITS, k=rng.choice((1, 2, 3))))
                # As drafters set it: after the task, on a line of its own, or there without
                # brackets. (A generator of its own, so the texts drawn after stay the same.)
                form = random.Random(f"{provincial_id}:{units_named}").choice(("inline", "line", "bare"))
                if form == "inline":
                    body += f"（责任单位：{units_named}）"
                else:
                    note_line = (f"（责任单位：{units_named}）" if form == "line"
                                 else f"责任单位：{units_named}")
            if is_lead:
                if body:
                    lines.append(body)
            elif statute:
                article += 1
                lines.append(f"第{chinese_counting(article)}条 {body}")
            else:
                lines.append(f"（{chinese_counting(section_number)}）{unit.title}。{body}")
            if note_line:
                lines.append(note_line)
    lines += ["示例省人民政府", "2023年3月1日"] if not statute else []
    return "\n".join(lines) + "\n"
