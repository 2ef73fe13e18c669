"""Generate the bundled sample pair: the national guideline and a fictional provincial opinion.

Run ``python samples/make_samples.py`` (optionally ``--corpus DIR --out DIR``). It writes

* ``national-guideline-sample.docx`` -- 国发〔2022〕14号 typeset from the corpus text;
* ``provincial-opinion-sample.docx`` -- 示例省's 实施意见, a sample written for Duizhao;
* ``provincial-opinion-sample.truth.json`` -- what the provincial text deliberately changes.

Output is deterministic: fixed core-property dates and fixed zip entry timestamps, so running
the script twice gives byte-identical files with the same python-docx and zlib.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

SAMPLES_DIR = Path(__file__).resolve().parent
REPO_DIR = SAMPLES_DIR.parent
DEFAULT_CORPUS = REPO_DIR.parent / "shared" / "corpus"
NATIONAL_CORPUS_FILE = "national-guideline-digital-government-2022.txt"

NATIONAL_DOCX = "national-guideline-sample.docx"
PROVINCIAL_DOCX = "provincial-opinion-sample.docx"
TRUTH_JSON = "provincial-opinion-sample.truth.json"

# Fonts after GB/T 9704: the names Chinese government PCs have. Word and WPS honour the
# East Asian name (w:eastAsia); the Latin name only affects digits and ASCII letters.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"

BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
PAGE_NUMBER_SIZE = Pt(14)  # 四号
LINE_PITCH = Pt(28)  # fixed line spacing of the body
TITLE_LINE_PITCH = Pt(36)

# Core properties and zip timestamps are pinned so regeneration does not churn the files.
FIXED_TIME = dt.datetime(2023, 3, 1, 9, 0, 0)
ZIP_TIME = (2023, 3, 1, 9, 0, 0)

CN_NUMERALS = "一二三四五六七八九十"
PART_RE = re.compile(rf"^([{CN_NUMERALS}]+)、")
SECTION_RE = re.compile(rf"^（([{CN_NUMERALS}]+)）")
ITEM_RE = re.compile(r"^(\d+)\.")
SENTENCE_RE = re.compile(r"[^。！？；]+[。！？；]?")
# A responsibility note closing a task paragraph: （责任单位：…） or （牵头单位：…；配合单位：…）.
NOTE_RE = re.compile(r"（(?:责任|牵头)单位：[^）]*）$")
CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’"


# --------------------------------------------------------------------------------------------
# Text


def to_official_punctuation(line: str) -> str:
    """Turn a web-republished line into the full-width punctuation an official document uses.

    Only punctuation changes: ``(一)`` → ``（一）``, ``,`` ``;`` ``:`` ``?`` ``!`` next to
    Chinese text → full width. The ``1.`` of an item keeps its ASCII dot, and the space a
    website put after it is dropped, as a typeset document has none.
    """
    line = re.sub(r"^(\d+)\.\s+", r"\1.", line.strip())
    line = line.replace("(", "（").replace(")", "）")
    for half, full in ((",", "，"), (";", "；"), (":", "："), ("?", "？"), ("!", "！")):
        line = re.sub(rf"(?<=[{CJK}]){re.escape(half)}|{re.escape(half)}(?=[{CJK}])", full, line)
    return line


def split_sentences(text: str) -> list[str]:
    """Split text after 。！？ and ； the way the clauses stage does."""
    return [s for s in (m.group(0).strip() for m in SENTENCE_RE.finditer(text)) if s]


def line_kind(line: str) -> str:
    """Classify a body line by its typed label: part, section, item or body."""
    if PART_RE.match(line):
        return "part"
    if SECTION_RE.match(line):
        return "section"
    if ITEM_RE.match(line):
        return "item"
    return "body"


@dataclass(frozen=True)
class OfficialText:
    """An official document as plain lines before typesetting."""

    title: str
    doc_number: str
    addressee: str
    body: tuple[str, ...]
    issuer: str
    date: str
    publication_note: str = "（此件公开发布）"


@dataclass(frozen=True)
class SectionRef:
    """Where a numbered heading sits: its typed label path and the design's dotted id."""

    label: str  # "二、（三）", "一、（二）2."; "" for the preamble
    id: str  # "2.3", "1.2.2"; "0" for the preamble
    title: str


def outline(body: tuple[str, ...]) -> tuple[dict[str, SectionRef], dict[str, list[str]]]:
    """Index the numbered headings of a body and the sentences under each.

    Returns (label → SectionRef, label → sentences of that heading's own text, without the
    responsibility notes), the preamble under label "".
    """
    refs = {"": SectionRef("", "0", "")}
    sentences: dict[str, list[str]] = {"": []}
    counters = [0, 0, 0]
    labels = ["", "", ""]
    current = ""
    for line in body:
        kind = line_kind(line)
        if kind == "body":
            sentences[current].extend(split_sentences(NOTE_RE.sub("", line)))
            continue
        depth = {"part": 0, "section": 1, "item": 2}[kind]
        counters[depth] += 1
        for deeper in range(depth + 1, 3):
            counters[deeper] = 0
            labels[deeper] = ""
        match = {"part": PART_RE, "section": SECTION_RE, "item": ITEM_RE}[kind].match(line)
        labels[depth] = match.group(0)
        current = "".join(labels[: depth + 1])
        refs[current] = SectionRef(
            current,
            ".".join(str(n) for n in counters[: depth + 1]),
            line[match.end():].rstrip("。"),
        )
        sentences[current] = []
    return refs, sentences


def read_national(corpus: Path) -> OfficialText:
    """Read the national guideline from the corpus and give it official punctuation."""
    lines = [
        to_official_punctuation(line)
        for line in (corpus / NATIONAL_CORPUS_FILE).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return OfficialText(
        title=lines[0],
        doc_number="国发〔2022〕14号",
        addressee="各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        body=tuple(lines[1:]),
        issuer="国务院",
        date="2022年6月6日",
    )


# --------------------------------------------------------------------------------------------
# The provincial sample. 示例省 is fictional; the text follows how provinces rewrite a national
# guideline: 全国→全省, responsibility notes, condensed general requirements, local additions.

PROVINCIAL_BODY = """
近年来，我省数字政府建设取得积极成效，一体化政务服务和监管效能持续提升，但仍存在统筹协调不够有力、数据壁垒依然存在、基层应用能力不强等问题。为深入贯彻落实《国务院关于加强数字政府建设的指导意见》（国发〔2022〕14号），加快推进我省数字政府建设，结合我省实际，现提出如下实施意见。
一、总体要求
（一）指导思想。
坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入贯彻习近平总书记关于网络强国的重要思想，完整、准确、全面贯彻新发展理念，将数字技术广泛应用于政府管理服务，构建数字化、智能化的政府运行新形态，为推进示例省治理体系和治理能力现代化提供有力支撑。
（二）基本原则。
坚持党的全面领导，确保数字政府建设正确方向。坚持以人民为中心，让数字政府建设成果更多更公平惠及全省人民。坚持数据赋能，促进数据依法有序流动。坚持整体协同，统筹推进技术融合、业务融合、数据融合。坚持安全可控，切实守住网络安全底线。
（三）工作目标。
到2025年，全省数字政府顶层设计更加完善、统筹协调机制更加健全，数字政府体系框架基本形成，政府决策科学化、社会治理精准化、公共服务高效化取得重要进展。在此基础上，逐步建成整体协同、敏捷高效、智能精准、开放透明、公平普惠的数字政府。
二、全面提升政府数字化履职能力
稳步推进政府履职和政务运行数字化转型，统筹推进各行业各领域政务应用系统集约建设、互联互通、协同联动。
（一）强化经济运行监测分析，提升经济调节能力。
将数字技术广泛应用于宏观调控决策、经济社会发展分析、投资监督管理、财政预算管理等方面。加强经济数据整合、汇聚、治理，全面构建全省经济治理基础数据库。运用大数据强化经济监测预警，强化经济趋势研判。提升经济政策精准性和协调性，依托省级规划综合管理信息平台促进各领域经济政策有效衔接。（责任单位：省发展改革委、省统计局、省数据局，各市〔州〕人民政府）
（二）大力推行智慧监管，提升市场监管能力。
充分运用数字技术支撑构建新型监管机制，实现事前事中事后全链条全领域监管。以数字化手段提升监管精准化水平，运用多源数据为市场主体精准“画像”，强化风险研判与预测预警。加强“双随机、一公开”监管工作平台建设，根据企业信用实施差异化监管。以一体化在线监管提升监管协同化水平，完善省级一体化在线监管平台，推动跨地区、跨部门、跨层级协同监管。以新型监管技术提升监管智能化水平，充分运用非现场、物联感知、掌上移动、穿透式等新型监管手段。强化以网管网，逐步提升对新业态、新模式的监管能力。（责任单位：省市场监管局、省委网信办，各市〔州〕人民政府；长期坚持）
（三）积极推动数字化治理模式创新，提升社会管理能力。
推动社会治理模式从单向管理转向双向互动、从线下转向线上线下融合。提升社会矛盾化解能力，坚持和发展新时代“枫桥经验”，提升网上行政复议、网上信访、网上调解等水平。推进省、市、县、乡、村五级综治中心规范化建设，2024年底前实现综治中心实体化运行全覆盖。推进智慧应急建设，优化完善全省应急指挥通信网络。提高基层社会治理精准化水平，实施“互联网+基层治理”行动，推进智慧社区建设。（责任单位：省委政法委、省司法厅、省信访局、省应急厅、省民政厅，各市〔州〕人民政府）
（四）持续优化利企便民数字化服务，提升公共服务能力。
持续优化省一体化政务服务平台功能，全面提升公共服务数字化、智能化水平。打造泛在可及的服务体系，发挥省一体化政务服务平台枢纽作用，推动政务服务线上线下标准统一、全面融合、服务同质，构建全时在线、渠道多元、全省通办的一体化政务服务体系。提升智慧便捷的服务能力，推行政务服务事项集成化办理，推广“免申即享”、“民生直达”等服务方式。（责任单位：省政务服务中心、省数据局，各市〔州〕人民政府）
建设全省统一的“示例政务通”移动端，整合各市（州）、省直各部门已建政务服务移动应用，实现企业和群众办事“一个入口、一次登录、全省通用”。推进示例省与周边省份“跨省通办”协作，逐步扩大“跨省通办”事项范围。全面推行政务服务“好差评”制度，差评事项整改率达到100%。（责任单位：省数据局、省政务服务中心，各市〔州〕人民政府；2024年底前完成）
提供优质便利的涉企服务，以数字技术助推深化“证照分离”改革，推进涉企审批减环节、减材料。强化企业全生命周期服务，推动惠企政策精准推送。拓展公平普惠的民生服务，推进基本公共服务数字化应用。围绕老年人、残疾人等特殊群体需求，推进信息无障碍建设。（责任单位：省发展改革委、省市场监管局、省民政厅，各市〔州〕人民政府）
（五）提升12345政务服务便民热线服务质效。
深化全省12345政务服务便民热线归并整合，推动12345热线与110、119、120等紧急热线高效联动，实现企业和群众诉求“一号响应”。建立热线工单分办、督办、回访闭环机制，对群众反映集中的问题开展专项督办。按月汇总分析热线诉求数据，形成热线运行分析报告报送省政府。（责任单位：省政府办公厅、省公安厅，各市〔州〕人民政府；2023年底前完成）
（六）强化动态感知和立体防控，提升生态环境保护能力。
全面推动生态环境保护数字化转型。提升生态环保协同治理能力，建立一体化生态环境智能感知体系，打造全省生态环境综合管理信息化平台，推进重点流域区域协同治理。提高自然资源利用效率，完善自然资源三维立体“一张图”和国土空间基础信息平台。推动绿色低碳转型，适时构建碳排放智能监测和动态核算体系。（责任单位：省生态环境厅、省自然资源厅、省发展改革委，各市〔州〕人民政府）
（七）加快推进数字机关建设，提升政务运行效能。
提升辅助决策能力，建立健全大数据辅助科学决策机制，拓展动态监测、统计分析、趋势研判、效果评估、风险防控等应用场景。提升行政执行能力，创新行政执行方式，切实提高政府执行力。加快全省一体化协同办公体系建设，推动机关内部服务事项线上集成化办理。提升行政监督水平，推动行政审批、行政执法、公共资源交易等全流程数字化运行、管理和监督。优化完善“互联网+督查”机制，保障政令畅通。（责任单位：省政府办公厅、省机关事务管理局，省直各部门；2024年底前完成）
（八）推进公开平台智能集约发展，提升政务公开水平。
紧贴群众需求畅通互动渠道，以政府网站集约化平台统一知识问答库为支撑，及时回应群众关切。优化政策信息数字化发布，建设分类分级、集中统一、共享共用、动态更新的政策文件库。加快构建以网上发布为主、其他发布渠道为辅的政策发布新格局。优化政策智能推送服务，变“人找政策”为“政策找人”。发挥政务新媒体优势做好政策传播，积极构建政务新媒体矩阵体系，开发多样化政策解读产品。依托政务新媒体做好突发公共事件信息发布和政务舆情回应工作。（责任单位：省政府办公厅、省委网信办，各市〔州〕人民政府；长期坚持）
三、构建数字政府全方位安全保障体系
全面强化数字政府安全管理责任，落实安全管理制度，切实筑牢数字政府建设安全防线。
（一）强化安全管理责任。
各市（州）、省直各部门按照职责分工，统筹做好数字政府建设安全和保密工作，落实主体责任和监督责任。建立数字政府安全评估、责任落实和重大事件处置机制，加强对参与政府信息化建设、运营企业的规范管理，力争政务系统和数据安全管理边界清晰、职责明确、责任落实。（责任单位：省委网信办、省国家保密局，各市〔州〕人民政府，省直各部门；长期坚持）
（二）落实安全制度要求。
建立健全数据分类分级保护、风险评估、检测认证等制度，加强数据全生命周期安全管理和技术防护。加强关键信息基础设施安全保护和网络安全等级保护，定期开展网络安全、保密和密码应用检查。（责任单位：省委网信办、省公安厅、省国家保密局、省密码管理局）
（三）提升安全保障能力。
建立健全动态监控、主动防御、协同响应的数字政府安全技术保障体系。强化日常监测、通报预警、应急处置，拓展网络安全态势感知监测范围。每年组织开展全省数字政府网络安全实战攻防演练。（牵头单位：省委网信办；配合单位：省公安厅、省数据局）
四、构建科学规范的数字政府建设制度规则体系
以数字化改革促进制度创新，保障数字政府建设和运行整体协同、智能高效、平稳有序。
（一）以数字化改革助力政府职能转变。
推动政府履职更加协同高效，优化业务流程，创新协同方式，推进体制机制改革与数字技术应用深度融合。助力优化营商环境，依托全国行政许可管理等信息系统，推动各类行政权力事项网上运行、动态管理。强化审管协同，打通审批和监管业务信息系统。（责任单位：省委编办、省司法厅、省市场监管局，各市〔州〕人民政府）
（二）创新数字政府建设管理机制。
明确运用新技术进行行政管理的制度规则。鼓励和规范政产学研用等多方力量参与数字政府建设。健全完善政务信息化建设管理会商机制，探索建立综合论证、联合审批、绿色通道等项目建设管理新模式。统筹利用现有资金渠道，建立多渠道投入的资金保障机制。依法加强审计监督，强化项目绩效评估，避免分散建设、重复建设。（责任单位：省发展改革委、省财政厅、省审计厅、省数据局）
（三）完善地方性法规和标准规范。
全面建设数字法治政府，依法依规推进技术应用、流程优化和制度创新，保障个人隐私。及时清理我省地方性法规、政府规章中与数字政府建设不相适应的条款，将行之有效的做法及时上升为制度规范。推进数据开发利用、系统整合共享、共性办公应用、关键政务应用等地方标准制定，以标准化促进数字政府建设规范化。（责任单位：省司法厅、省市场监管局、省数据局）
（四）开展试点示范。
坚持全面部署和试点带动相促进，围绕重点领域、关键环节、共性需求等有序开展试点示范，鼓励各市（州）、省直各部门开展应用创新、服务创新和模式创新，推动创新成果在全省复制推广。科学把握时序、节奏和步骤，推动创新试点工作总体可控、走深走实。（责任单位：省数据局，各市〔州〕人民政府）
五、构建开放共享的数据资源体系
加快推进全省一体化政务大数据体系建设，依法依规促进数据高效共享和有序开发利用，确保各类数据和个人信息安全。
（一）创新数据管理机制。
强化政府部门数据管理职责，明确数据归集、共享、开放、应用、安全、存储、归档等责任。在省直各部门和各市（州）推行首席数据官制度。优化完善各类基础数据库、业务资源数据库和相关专题库。加强对政务数据、公共数据和社会数据的统筹管理。加强数据治理和全生命周期质量管理，确保政务数据真实、准确、完整。制定数据分类分级标准，提升数据治理水平和管理能力。（责任单位：省数据局，省直各部门，各市〔州〕人民政府；2024年底前完成）
（二）深化数据高效共享。
充分发挥政务数据共享协调机制作用。建立全省标准统一、动态管理的政务数据目录，实行“一数一源一标准”。持续提升省数据共享交换平台支撑保障能力，推动政府信息系统与党委、人大、政协、法院、检察院等信息系统互联互通和数据按需共享。积极争取国务院部门垂直管理业务系统数据回流，推动与省级数据平台双向共享。以应用场景为牵引，建立健全政务数据供需对接机制。（责任单位：省数据局，省直各部门，各市〔州〕人民政府）
（三）促进数据有序开发利用。
编制全省公共数据开放目录及相关责任清单，依托省公共数据开放平台分类分级开放公共数据。推进公共数据、社会数据融合应用，促进数据流通利用。（责任单位：省数据局、省发展改革委）
六、构建智能集约的平台支撑体系
充分利用现有政务信息平台，整合构建结构合理、智能集约的平台支撑体系。
（一）强化政务云平台支撑能力。
统筹整合全省现有政务云资源，纳入全国一体化政务云平台体系。按照省级统筹原则开展省、市两级政务云建设，集约提供政务云服务。探索建立政务云资源统一调度机制。（责任单位：省数据局、省财政厅，各市〔州〕人民政府）
（二）提升网络平台支撑能力。
强化电子政务网络统筹建设管理，推动骨干网扩容升级。提高电子政务外网移动接入能力，推动电子政务外网向乡镇（街道）、村（社区）延伸。统筹建立安全高效的跨网数据传输机制，鼓励非涉密业务专网向电子政务外网整合迁移。（责任单位：省数据局、省通信管理局，各市〔州〕人民政府）
推进全省电子政务外网IPv6规模部署和应用改造。（责任单位：省数据局、省通信管理局；2025年底前完成）
（三）加强重点共性应用支撑能力。
推进数字化共性应用集约建设。依托国家人口基础信息库、国家法人单位信息资源库等认证资源，有序完善全省统一身份认证体系。持续完善电子证照共享服务体系，推动电子证照扩大应用领域和全国互通互认。完善电子印章制发、管理和使用规范，推动全省电子印章统一管理。建设数字档案资源体系，提升电子文件（档案）管理和应用水平。推动非税收入收缴电子化全覆盖。完善信用信息公共服务平台功能。（责任单位：省数据局、省公安厅、省档案局、省财政厅，各市〔州〕人民政府；2024年底前完成）
（四）提高自主可控水平。
加强自主创新，加快数字政府建设领域关键核心技术攻关，强化安全可靠技术和产品应用，切实提高自主可控水平。强化关键信息基础设施保护，落实运营者主体责任。开展对新技术新应用的安全评估，建立健全对算法的审核、运用、监督等管理制度和技术措施。（责任单位：省委网信办、省工业和信息化厅、省科技厅）
七、以数字政府建设全面引领驱动数字化发展
持续增强数字政府效能，更好激发数字经济活力，优化数字社会环境。
（一）助推数字经济发展。
以数字政府建设为牵引，培育经济发展新动能。打造主动式、多层次创新服务场景，精准匹配公共服务资源。完善数字经济治理体系，创新基于新技术手段的监管模式。（责任单位：省发展改革委、省工业和信息化厅、省数据局）
（二）引领数字社会建设。
推动数字技术和传统公共服务融合。推进智慧城市建设，推动城市公共基础设施数字转型、智能升级，探索推进城市运行管理数字化，提升城市治理科学化、精细化、智能化水平。推进数字乡村建设，加快补齐乡村信息基础设施短板。（责任单位：省住房城乡建设厅、省农业农村厅，各市〔州〕人民政府）
八、加强组织保障
始终把党的全面领导作为加强数字政府建设的根本保证，确保数字政府建设重大决策部署贯彻落实。
（一）加强组织领导。
坚持党对数字政府建设工作的全面领导。各级党委要切实履行领导责任。各级政府要在党委统一领导下，履行数字政府建设主体责任，主动向党委报告数字政府建设推进中的重大问题。各级政府及有关职能部门要将数字政府建设工作纳入重要议事日程。
（二）健全推进机制。
省数字政府建设工作领导小组统筹指导协调全省数字政府建设，领导小组办公室设在省政府办公厅，具体负责组织推进落实。各市（州）、省直各部门可结合实际建立健全数字政府建设领导协调机制，明确职责分工，抓好督促落实。（责任单位：省政府办公厅、省数据局，各市〔州〕人民政府，省直各部门；长期坚持）
（三）提升数字素养。
搭建数字化终身学习教育平台，构建全民数字素养和技能培育体系。把提高领导干部数字治理能力作为各级党校（行政学院）的重要教学培训内容，创新数字政府建设人才引进培养使用机制。成立省数字政府建设专家咨询委员会，引导省内高校和科研机构设置数字政府相关专业。（责任单位：省委组织部、省委党校、省人力资源社会保障厅）
（四）强化考核评估。
将数字政府建设工作作为政府绩效考核的重要内容。建立完善数字政府建设评估指标体系，重点考核统筹管理、项目建设、数据共享开放、安全保障、应用成效等方面情况。加强跟踪分析和督促指导，重大事项及时向省委、省政府请示报告。（责任单位：省委组织部、省政府办公厅、省数据局）
"""


def provincial_text() -> OfficialText:
    """The fictional 示例省 implementation opinion."""
    return OfficialText(
        title="示例省人民政府关于加强数字政府建设的实施意见（示例文本）",
        doc_number="示政发〔2023〕1号",
        addressee="各市（州）人民政府，省政府各部门：",
        body=tuple(line.strip() for line in PROVINCIAL_BODY.strip().splitlines() if line.strip()),
        issuer="示例省人民政府",
        date="2023年3月1日",
    )


# --------------------------------------------------------------------------------------------
# Ground truth of the provincial edits. Section keys are typed label paths ("二、（三）");
# ids after DESIGN.md ("2.3") are added when the file is written. National texts are quoted
# exactly as sentences of the national sample.

SCOPE_NOTE = (
    "Deliberate edits of the provincial sample against the national guideline. Every national "
    "sentence of parts 二 to 八 that has no provincial counterpart is listed in 'omitted'; all "
    "others were carried over, often shortened (modifiers and list members dropped) or localised "
    "(全国→全省, 各地区各部门→各市（州）、省直各部门), and a comparison may fairly call a shortened "
    "one partial. A national sentence whose requirement stands inside a provincial sentence that "
    "joins two (六、（一）: 政务云纳入全国一体化政务云平台体系) counts as carried. Part 一 was condensed "
    "('condensed'). Provincial texts are quoted without their responsibility notes."
)

OMITTED = [
    ("一、（二）2.", "坚持改革引领。"),
    ("一、（二）2.", "围绕经济社会发展迫切需要，着力强化改革思维，注重顶层设计和基层探索有机结合、技术创新和制度创新双轮驱动，以数字化改革助力政府职能转变，促进政府治理各方面改革创新，推动政府治理法治化与数字化深度融合。"),
    ("二、（二）", "加强重点领域的全主体、全品种、全链条数字化追溯监管。"),
    ("二、（三）", "推进社会治安防控体系智能化。"),
    ("二、（三）", "加强“雪亮工程”和公安大数据平台建设，深化数字化手段在国家安全、社会稳定、打击犯罪、治安联动等方面的应用，提高预测预警预防各类风险的能力。"),
    ("二、（七）", "顺应数字化发展趋势，完善政府信息公开保密审查制度，严格审查标准，消除安全隐患。"),
    ("三、（二）", "加大对涉及国家秘密、工作秘密、商业秘密、个人隐私和个人信息等数据的保护力度，完善相应问责机制，依法加强重要数据出境安全管理。"),
    ("四、（一）", "健全完善与数字化发展相适应的政府职责体系，强化数字经济、数字社会、数字和网络空间等治理能力。"),
    ("四、（一）", "充分发挥全国一体化政务服务平台作用，促进政务服务标准化、规范化、便利化水平持续提升。"),
    ("四、（二）", "推动数字普惠，加大对欠发达地区数字政府建设的支持力度，加强对农村地区资金、技术、人才等方面的支持，扩大数字基础设施覆盖范围，优化数字公共产品供给，加快消除区域间“数字鸿沟”。"),
    ("四、（三）", "持续抓好现行法律法规贯彻落实，细化完善配套措施，确保相关规定落到实处、取得实效。"),
    ("四、（四）", "研究设立全国数字政府标准化技术组织，统筹推进数字政府标准化工作。"),
    ("四、（五）", "立足服务党和国家工作大局，聚焦基础性和具有重大牵引作用的改革举措，探索开展综合性改革试点，为国家战略实施创造良好条件。"),
    ("五、（三）", "推进社会数据“统采共用”，实现数据跨地区、跨部门、跨层级共享共用，提升数据资源使用效益。"),
    ("六、（三）", "发挥全国统一的财政电子票据政务服务平台作用，实现全国财政电子票据一站式查验，推动财政电子票据跨省报销。"),
    ("六、（三）", "推进地理信息协同共享，提升公共服务能力，更好发挥地理信息的基础性支撑作用。"),
    ("七、（一）", "壮大数据服务产业，推动数字技术在数据汇聚、流通、交易中的应用，进一步释放数据红利。"),
    ("七、（三）", "建立健全数据要素市场规则，完善数据要素治理体系，加快建立数据资源产权等制度，强化数据资源全生命周期安全保护，推动数据跨境安全有序流动。"),
    ("七、（三）", "完善数据产权交易机制，规范培育数据交易市场主体。"),
    ("七、（三）", "规范数字经济发展，健全市场准入制度、公平竞争审查制度、公平竞争监管制度，营造规范有序的政策环境。"),
    ("七、（三）", "不断夯实数字政府网络安全基础，加强对关键信息基础设施、重要数据的安全保护，提升全社会网络安全水平，为数字化发展营造安全可靠环境。"),
    ("七、（三）", "积极参与数字化发展国际规则制定，促进跨境信息共享和数字技术合作。"),
    ("八、（二）", "发挥我国社会主义制度集中力量办大事的政治优势，建立健全全国一盘棋的统筹推进机制，最大程度凝聚发展合力，更好服务党和国家重大战略，更好服务经济社会发展大局。"),
    ("八、（三）", "深入研究数字政府建设中的全局性、战略性、前瞻性问题，推进实践基础上的理论创新。"),
]

OMITTED_SECTIONS = ["七、（三）"]

# (national section, provincial section, kind, national sentence, provincial sentence, what changed)
WEAKENED = [
    ("二、", "二、", "binding",
     "全面推进政府履职和政务运行数字化转型，统筹推进各行业各领域政务应用系统集约建设、互联互通、协同联动，创新行政管理和服务方式，全面提升政府履职效能。",
     "稳步推进政府履职和政务运行数字化转型，统筹推进各行业各领域政务应用系统集约建设、互联互通、协同联动。",
     "全面推进 → 稳步推进"),
    ("二、（二）", "二、（二）", "binding",
     "强化以网管网，加强平台经济等重点领域监管执法，全面提升对新技术、新产业、新业态、新模式的监管能力。",
     "强化以网管网，逐步提升对新业态、新模式的监管能力。",
     "全面提升 → 逐步提升; 新技术、新产业 and 平台经济监管执法 dropped"),
    ("二、（四）", "二、（四）", "term",
     "充分发挥全国一体化政务服务平台“一网通办”枢纽作用，推动政务服务线上线下标准统一、全面融合、服务同质，构建全时在线、渠道多元、全国通办的一体化政务服务体系。",
     "打造泛在可及的服务体系，发挥省一体化政务服务平台枢纽作用，推动政务服务线上线下标准统一、全面融合、服务同质，构建全时在线、渠道多元、全省通办的一体化政务服务体系。",
     "“一网通办” dropped; 充分发挥 → 发挥"),
    ("二、（五）", "二、（六）", "binding",
     "加快构建碳排放智能监测和动态核算体系，推动形成集约节约、循环高效、普惠共享的绿色低碳发展新格局，服务保障碳达峰、碳中和目标顺利实现。",
     "推动绿色低碳转型，适时构建碳排放智能监测和动态核算体系。",
     "加快 → 适时"),
    ("三、（一）", "三、（一）", "binding",
     "建立数字政府安全评估、责任落实和重大事件处置机制，加强对参与政府信息化建设、运营企业的规范管理，确保政务系统和数据安全管理边界清晰、职责明确、责任落实。",
     "建立数字政府安全评估、责任落实和重大事件处置机制，加强对参与政府信息化建设、运营企业的规范管理，力争政务系统和数据安全管理边界清晰、职责明确、责任落实。",
     "确保 → 力争"),
    ("六、（二）", "六、（二）", "binding",
     "统筹建立安全高效的跨网数据传输机制，有序推进非涉密业务专网向电子政务外网整合迁移，各地区各部门原则上不再新建业务专网。",
     "统筹建立安全高效的跨网数据传输机制，鼓励非涉密业务专网向电子政务外网整合迁移。",
     "有序推进 → 鼓励; 原则上不再新建业务专网 dropped"),
    ("六、（三）", "六、（三）", "binding",
     "依托身份认证国家基础设施、国家人口基础信息库、国家法人单位信息资源库等认证资源，加快完善线上线下一体化统一身份认证体系。",
     "依托国家人口基础信息库、国家法人单位信息资源库等认证资源，有序完善全省统一身份认证体系。",
     "加快完善 → 有序完善; 线上线下一体化 dropped"),
    ("七、（二）", "七、（二）", "term",
     "推进智慧城市建设，推动城市公共基础设施数字转型、智能升级、融合创新，构建城市数据资源体系，加快推进城市运行“一网统管”，探索城市信息模型、数字孪生等新技术运用，提升城市治理科学化、精细化、智能化水平。",
     "推进智慧城市建设，推动城市公共基础设施数字转型、智能升级，探索推进城市运行管理数字化，提升城市治理科学化、精细化、智能化水平。",
     "加快推进城市运行“一网统管” → 探索推进城市运行管理数字化"),
    ("八、（二）", "八、（二）", "binding",
     "各地区各部门要建立健全数字政府建设领导协调机制，强化统筹规划，明确职责分工，抓好督促落实，保障数字政府建设有序推进。",
     "各市（州）、省直各部门可结合实际建立健全数字政府建设领导协调机制，明确职责分工，抓好督促落实。",
     "要 → 可结合实际"),
    ("一、（二）3.", "一、（三）", "deadline",
     "到2035年，与国家治理体系和治理能力现代化相适应的数字政府体系框架更加成熟完备，整体协同、敏捷高效、智能精准、开放透明、公平普惠的数字政府基本建成，为基本实现社会主义现代化提供有力支撑。",
     "在此基础上，逐步建成整体协同、敏捷高效、智能精准、开放透明、公平普惠的数字政府。",
     "到2035年 target year dropped; 基本建成 → 逐步建成"),
    ("四、（五）", "四、（四）", "term",
     "围绕重点领域、关键环节、共性需求等有序开展试点示范，鼓励各地区各部门开展应用创新、服务创新和模式创新，实现“国家统筹、一地创新、各地复用”。",
     "坚持全面部署和试点带动相促进，围绕重点领域、关键环节、共性需求等有序开展试点示范，鼓励各市（州）、省直各部门开展应用创新、服务创新和模式创新，推动创新成果在全省复制推广。",
     "“国家统筹、一地创新、各地复用” dropped"),
]

MERGED = [(("四、（三）", "四、（四）"), "四、（三）")]

MOVED = [("三、（四）", "六、（四）")]

ADDED = [
    ("二、（三）", "推进省、市、县、乡、村五级综治中心规范化建设，2024年底前实现综治中心实体化运行全覆盖。"),
    ("二、（四）", "建设全省统一的“示例政务通”移动端，整合各市（州）、省直各部门已建政务服务移动应用，实现企业和群众办事“一个入口、一次登录、全省通用”。"),
    ("二、（四）", "推进示例省与周边省份“跨省通办”协作，逐步扩大“跨省通办”事项范围。"),
    ("二、（四）", "全面推行政务服务“好差评”制度，差评事项整改率达到100%。"),
    ("三、（三）", "每年组织开展全省数字政府网络安全实战攻防演练。"),
    ("五、（一）", "在省直各部门和各市（州）推行首席数据官制度。"),
    ("六、（二）", "推进全省电子政务外网IPv6规模部署和应用改造。"),
]

ADDED_SECTIONS = ["二、（五）"]

# Sentences whose order inside a provincial section differs from the national order.
REORDERED = [("二、（七）", "二、（八）", "紧贴群众需求畅通互动渠道 moved from last to first")]

CONDENSED = [
    ("", "", "the national opening statement dropped; the preamble cites the national guideline"),
    ("一、（一）", "", "发展现状 reduced to one sentence on the province's situation in the preamble"),
    ("一、（二）1.", "一、（一）", "指导思想 shortened; 党的十九大和十九届历次全会精神 → 党的二十大精神"),
    ("一、（二）2.", "一、（二）", "six principles, each a heading sentence and an explanation, cut to five one-line principles; 坚持改革引领 dropped"),
    ("一、（二）3.", "一、（三）", "主要目标 renamed 工作目标; 2025 goal shortened, 2035 goal loosened"),
]

# National heading → provincial headings carrying its content ([] = not carried).
SECTION_MAP = {
    "": [""],
    "一、": ["一、"], "一、（一）": [""], "一、（二）": ["一、"],
    "一、（二）1.": ["一、（一）"], "一、（二）2.": ["一、（二）"], "一、（二）3.": ["一、（三）"],
    "二、": ["二、"], "二、（一）": ["二、（一）"], "二、（二）": ["二、（二）"], "二、（三）": ["二、（三）"],
    "二、（四）": ["二、（四）"], "二、（五）": ["二、（六）"], "二、（六）": ["二、（七）"],
    "二、（七）": ["二、（八）"],
    "三、": ["三、"], "三、（一）": ["三、（一）"], "三、（二）": ["三、（二）"], "三、（三）": ["三、（三）"],
    "三、（四）": ["六、（四）"],
    "四、": ["四、"], "四、（一）": ["四、（一）"], "四、（二）": ["四、（二）"], "四、（三）": ["四、（三）"],
    "四、（四）": ["四、（三）"], "四、（五）": ["四、（四）"],
    "五、": ["五、"], "五、（一）": ["五、（一）"], "五、（二）": ["五、（二）"], "五、（三）": ["五、（三）"],
    "六、": ["六、"], "六、（一）": ["六、（一）"], "六、（二）": ["六、（二）"], "六、（三）": ["六、（三）"],
    "七、": ["七、"], "七、（一）": ["七、（一）"], "七、（二）": ["七、（二）"], "七、（三）": [],
    "八、": ["八、"], "八、（一）": ["八、（一）"], "八、（二）": ["八、（二）"], "八、（三）": ["八、（三）"],
    "八、（四）": ["八、（四）"],
}


def build_truth(national: OfficialText, provincial: OfficialText) -> dict:
    """Assemble the truth file and check every quoted text against both documents.

    Raises:
        ValueError: a quoted text or a section label does not match the documents.
    """
    n_refs, n_sentences = outline(national.body)
    p_refs, p_sentences = outline(provincial.body)
    p_text = "\n".join(provincial.body)
    n_text = "\n".join(national.body)
    errors: list[str] = []

    def n_ref(label: str) -> SectionRef:
        if label not in n_refs:
            errors.append(f"no national section {label!r}")
            return SectionRef(label, "?", "")
        return n_refs[label]

    def p_ref(label: str) -> SectionRef:
        if label not in p_refs:
            errors.append(f"no provincial section {label!r}")
            return SectionRef(label, "?", "")
        return p_refs[label]

    def national_sentence(label: str, text: str) -> None:
        if text not in n_sentences.get(label, []):
            errors.append(f"not a sentence of national {label}: {text}")

    def provincial_sentence(label: str, text: str) -> None:
        if not any(text in sentence for sentence in p_sentences.get(label, [])):
            errors.append(f"not a sentence of provincial {label}: {text}")

    omitted = []
    for label, text in OMITTED:
        national_sentence(label, text)
        if text in p_text:
            errors.append(f"omitted text is in the provincial document: {text}")
        ref = n_ref(label)
        omitted.append({"national_section": label, "national_id": ref.id, "text": text,
                        "whole_section": label in OMITTED_SECTIONS})
    for label in OMITTED_SECTIONS:
        quoted = [text for section, text in OMITTED if section == label]
        if quoted != n_sentences[label]:
            errors.append(f"dropped section {label} is not omitted sentence by sentence")

    weakened = []
    for n_label, p_label, kind, n_sentence, p_sentence, change in WEAKENED:
        national_sentence(n_label, n_sentence)
        provincial_sentence(p_label, p_sentence)
        weakened.append({"national_section": n_label, "national_id": n_ref(n_label).id,
                         "provincial_section": p_label, "provincial_id": p_ref(p_label).id,
                         "kind": kind, "national_text": n_sentence, "provincial_text": p_sentence,
                         "change": change})

    added = []
    for label, text in ADDED:
        provincial_sentence(label, text)
        if text in n_text:
            errors.append(f"added text is in the national document: {text}")
        added.append({"provincial_section": label, "provincial_id": p_ref(label).id, "text": text})
    added_sections = []
    for label in ADDED_SECTIONS:
        ref = p_ref(label)
        added_sections.append({"provincial_section": label, "provincial_id": ref.id,
                               "title": ref.title, "texts": p_sentences[label]})

    merged = [{"national_sections": list(n_labels),
               "national_ids": [n_ref(label).id for label in n_labels],
               "provincial_section": p_label, "provincial_id": p_ref(p_label).id,
               "provincial_title": p_ref(p_label).title} for n_labels, p_label in MERGED]
    moved = [{"national_section": n_label, "national_id": n_ref(n_label).id,
              "title": n_ref(n_label).title,
              "provincial_section": p_label, "provincial_id": p_ref(p_label).id}
             for n_label, p_label in MOVED]
    reordered = [{"national_section": n_label, "provincial_section": p_label,
                  "provincial_id": p_ref(p_label).id, "note": note}
                 for n_label, p_label, note in REORDERED]
    condensed = [{"national_section": n_label, "national_id": n_ref(n_label).id,
                  "provincial_section": p_label, "provincial_id": p_ref(p_label).id, "note": note}
                 for n_label, p_label, note in CONDENSED]

    if set(SECTION_MAP) != set(n_refs):
        errors.append(f"section map does not cover the national outline: "
                      f"{sorted(set(n_refs) ^ set(SECTION_MAP))}")
    section_map = [{"national_section": label, "national_id": ref.id, "title": ref.title,
                    "provincial_sections": SECTION_MAP.get(label, []),
                    "provincial_ids": [p_ref(p).id for p in SECTION_MAP.get(label, [])]}
                   for label, ref in n_refs.items()]

    if errors:
        raise ValueError("truth does not match the documents:\n" + "\n".join(errors))
    return {
        "schema": "duizhao.sample-truth/1",
        "national": {"file": NATIONAL_DOCX, "title": national.title},
        "provincial": {"file": PROVINCIAL_DOCX, "title": provincial.title},
        "note": SCOPE_NOTE,
        "omitted": omitted,
        "omitted_sections": [{"national_section": label, "national_id": n_ref(label).id,
                              "title": n_ref(label).title} for label in OMITTED_SECTIONS],
        "weakened": weakened,
        "merged": merged,
        "moved": moved,
        "added": added,
        "added_sections": added_sections,
        "reordered": reordered,
        "condensed": condensed,
        "section_map": section_map,
    }


# --------------------------------------------------------------------------------------------
# Word output


def set_run_fonts(rpr, east_asian: str, latin: str = LATIN_FONT) -> None:
    """Name the fonts on an rPr explicitly; theme fonts would override explicit names."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")


def set_first_line_chars(ppr, chars: int, size: Pt) -> None:
    """Indent the first line by whole characters, as Word's 首行缩进 N 字符 does.

    Word reads firstLineChars; the twips value is there for readers that do not.
    """
    ind = ppr.get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(int(chars * size.pt * 20)))


# The tail of w:pPr's schema sequence, from the on/off flags this script sets onwards.
PPR_SEQUENCE_TAIL = ("w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                     "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                     "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                     "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                     "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def switch_off(ppr, tag: str) -> None:
    """Set an on/off paragraph property (w:autoSpaceDE, w:snapToGrid …) to off."""
    element = ppr.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        ppr.insert_element_before(element, *PPR_SEQUENCE_TAIL[PPR_SEQUENCE_TAIL.index(tag) + 1:])
    element.set(qn("w:val"), "0")


def reset_style(style) -> None:
    """Drop a built-in style's own formatting (theme fonts, colours, borders, spacing)."""
    element = style.element
    for tag in ("w:pPr", "w:rPr", "w:link"):
        for child in element.findall(qn(tag)):
            element.remove(child)


def configure_styles(document) -> None:
    """Set up the GB/T 9704-like styles: body, title and three heading levels with outline levels."""
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_run_fonts(rpr_default, BODY_FONT)
    lang = rpr_default.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    ppr_default = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr_default.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")

    def style_with(name, font, size, *, bold=False, centered=False, indent=True,
                   line=LINE_PITCH, outline_level=None, keep_with_next=False):
        style = document.styles[name]
        reset_style(style)
        style.font.size = size
        style.font.bold = bold
        set_run_fonts(style.element.get_or_add_rPr(), font)
        fmt = style.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = line
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if centered else WD_ALIGN_PARAGRAPH.JUSTIFY
        ppr = style.element.get_or_add_pPr()
        set_first_line_chars(ppr, 2 if indent else 0, size)
        if keep_with_next:
            fmt.keep_with_next = True
        if outline_level is not None:
            ppr.get_or_add_outlineLvl().set(qn("w:val"), str(outline_level))
        return style

    normal = style_with("Normal", BODY_FONT, BODY_SIZE)
    # No extra gap between Chinese and digits ("2023年", not "2023 年"), as typeset documents have.
    switch_off(normal.element.get_or_add_pPr(), "w:autoSpaceDE")
    switch_off(normal.element.get_or_add_pPr(), "w:autoSpaceDN")
    title = style_with("Title", TITLE_FONT, TITLE_SIZE, centered=True, indent=False,
                       line=TITLE_LINE_PITCH)
    # Title lines are taller than the body grid; snapping would double the gap of a wrapped title.
    switch_off(title.element.get_or_add_pPr(), "w:snapToGrid")
    style_with("Heading 1", HEADING1_FONT, BODY_SIZE, outline_level=0, keep_with_next=True)
    style_with("Heading 2", HEADING2_FONT, BODY_SIZE, outline_level=1, keep_with_next=True)
    style_with("Heading 3", BODY_FONT, BODY_SIZE, bold=True, outline_level=2, keep_with_next=True)


def add_paragraph(document, text: str, style: str, *, font: str, size=BODY_SIZE, bold=False,
                  align=None, first_line_chars=None, right_indent=None, space_before=None):
    """Add one single-run paragraph whose run names its East Asian font explicitly."""
    paragraph = document.add_paragraph(style=style)
    run = paragraph.add_run(text)
    run.font.size = size
    if bold:
        run.font.bold = True
    set_run_fonts(run._element.get_or_add_rPr(), font)
    fmt = paragraph.paragraph_format
    if align is not None:
        fmt.alignment = align
    if first_line_chars is not None:
        set_first_line_chars(paragraph._element.get_or_add_pPr(), first_line_chars, size)
    if right_indent is not None:
        fmt.right_indent = right_indent
    if space_before is not None:
        fmt.space_before = space_before
    return paragraph


def add_page_number_footer(section) -> None:
    """Footer "— N —" in 四号宋体, as official documents number their pages."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pieces = [("text", "— "), ("begin", None), ("instr", " PAGE "), ("separate", None),
              ("text", "1"), ("end", None), ("text", " —")]
    for kind, value in pieces:
        run = paragraph.add_run()
        run.font.size = PAGE_NUMBER_SIZE
        set_run_fonts(run._element.get_or_add_rPr(), PAGE_NUMBER_FONT)
        if kind == "text":
            run.text = value
        elif kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = value
            run._element.append(instr)
        else:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._element.append(field)


def typeset(text: OfficialText, *, author: str) -> WordDocument:
    """Lay an official text out as a Word document after GB/T 9704."""
    document = Document()
    configure_styles(document)

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Cm(21)
    section.page_height = Cm(29.7)
    section.top_margin = Cm(3.7)
    section.bottom_margin = Cm(3.5)
    section.left_margin = Cm(2.8)
    section.right_margin = Cm(2.6)
    section.header_distance = Cm(1.5)
    section.footer_distance = Cm(2.5)
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(int(LINE_PITCH.pt * 20)))
    add_page_number_footer(section)

    add_paragraph(document, text.title, "Title", font=TITLE_FONT, size=TITLE_SIZE)
    add_paragraph(document, text.doc_number, "Normal", font=BODY_FONT,
                  align=WD_ALIGN_PARAGRAPH.CENTER, first_line_chars=0, space_before=LINE_PITCH)
    add_paragraph(document, text.addressee, "Normal", font=BODY_FONT, first_line_chars=0,
                  space_before=LINE_PITCH)
    for line in text.body:
        kind = line_kind(line)
        if kind == "part":
            add_paragraph(document, line, "Heading 1", font=HEADING1_FONT)
        elif kind == "section":
            add_paragraph(document, line, "Heading 2", font=HEADING2_FONT)
        elif kind == "item":
            add_paragraph(document, line, "Heading 3", font=BODY_FONT, bold=True)
        else:
            add_paragraph(document, line, "Normal", font=BODY_FONT)

    # Issuer centred over the date, the date 右空四字 (four characters from the right margin).
    date_width = sum(0.5 if ch.isdigit() else 1 for ch in text.date)
    issuer_indent = 4 + (date_width - len(text.issuer)) / 2
    add_paragraph(document, text.issuer, "Normal", font=BODY_FONT, align=WD_ALIGN_PARAGRAPH.RIGHT,
                  first_line_chars=0, right_indent=Pt(issuer_indent * BODY_SIZE.pt),
                  space_before=Pt(2 * LINE_PITCH.pt))
    add_paragraph(document, text.date, "Normal", font=BODY_FONT, align=WD_ALIGN_PARAGRAPH.RIGHT,
                  first_line_chars=0, right_indent=Pt(4 * BODY_SIZE.pt))
    add_paragraph(document, text.publication_note, "Normal", font=BODY_FONT)

    props = document.core_properties
    props.title = text.title
    props.subject = text.doc_number
    props.author = author
    props.last_modified_by = author
    props.keywords = "数字政府"
    props.comments = "Duizhao sample, generated by samples/make_samples.py"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1
    return document


def save_deterministic(document: WordDocument, path: Path) -> None:
    """Save a .docx whose bytes do not depend on the clock (zip entries carry a fixed time)."""
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    path.write_bytes(out.getvalue())


def generate(corpus: Path, out_dir: Path) -> list[Path]:
    """Write the two sample documents and the truth file into out_dir; return their paths."""
    national = read_national(corpus)
    provincial = provincial_text()
    truth = build_truth(national, provincial)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / NATIONAL_DOCX, out_dir / PROVINCIAL_DOCX, out_dir / TRUTH_JSON]
    save_deterministic(typeset(national, author="国务院"), paths[0])
    save_deterministic(typeset(provincial, author="示例省人民政府"), paths[1])
    paths[2].write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"folder holding {NATIONAL_CORPUS_FILE} (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR,
                        help="where to write the samples (default: %(default)s)")
    args = parser.parse_args(argv)
    if not (args.corpus / NATIONAL_CORPUS_FILE).is_file():
        parser.error(f"{NATIONAL_CORPUS_FILE} not found in {args.corpus}")
    for path in generate(args.corpus, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
