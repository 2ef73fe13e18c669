"""Stage 2: the section tree of a document from Chinese official numbering.

Two grammars, chosen per document:

* **policy** — ``一、`` / ``（一）`` / ``1.`` / ``（1）`` / ``①`` in either bracket and dot width,
  labels Word generates, and heading styles. Levels follow the order in which the numbering kinds
  first appear (the way drafters nest them), not a fixed table. ``（一）`` may restart in every
  part or run straight through the parts (一、 holds （一）–（三）, 二、 holds （四）–（六）); the same
  for ``1.`` under ``（一）``. A head stands alone or opens its paragraph (``（四）强化事前公开。…``).
* **statute** — ``第一编`` / ``第一章`` / ``第一节`` / ``第一条`` (also ``第十七条之一``); the lines of an
  article are its 款, a line opening with ``（一）`` is a 项 of the preceding 款. Misprinted
  numbering words (``笫五十四条``, ``第三十－条``, full-width digits, stray spaces) are read as
  numbering, with a warning.

Numbering gaps and repeats are warned about and kept as sections of their own, never merged into
the previous one.

Title, 文号, addressees, promulgation lines, a statute's table of contents and the tail
(signature, date, ``（此件公开发布）``, attachments) are recognised and kept out of the body
sections. Text copied from a web page brings page furniture — a city switcher, a welcome line
with the site's 热门关键词 and a "…全文" heading before the title; a "你觉得这篇文章怎么样?"
widget, like counters, site links, a phone number and office hours after the body: it is set
aside into the front matter and the tail, and a warning says what was set aside. A document with
no numbering at all becomes one section per paragraph, with a warning saying so.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from core.clauses import FIRST_LEADS_HENCEFORTH, Note, build_clauses, heading_note, note_of, only_notes, with_heading_note
from core.model import Clause, Outline, Paragraph, RawDocument, Section
from core.read.layout import starts_with_numbering
from core.text import (BINDING_YING, CHINESE_NUMERAL, DOC_NUMBER, DOCUMENT_KINDS, PROVINCIAL_REGIONS, fold_width,
                       int_to_chinese, numeral_value, repair_numeral, words_only)

_N = CHINESE_NUMERAL

# Policy numbering, matched on width-folded text. Each yields (kind, numeral, rest).
_POLICY_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("han", re.compile(rf"^([{_N}]+)\s*[、,.]\s*")),
    # A dash printed for 一 ("（—）") is a misprint met in copies of PDFs.
    ("paren_han", re.compile(rf"^\(\s*([{_N}－—–‐\-]+)\s*\)\s*[、.]?\s*")),
    ("arabic", re.compile(r"^(\d{1,3})\s*[.、](?!\d)\s*")),
    ("paren_arabic", re.compile(r"^\(\s*(\d{1,2})\s*\)\s*")),
    ("circled", re.compile(r"^([\u2460-\u2473])\s*")),
)
# Decimal numbering, as 应急预案 and technical texts number their parts: 1.1 编制目的 (kind
# decimal2), 4.2.1 …; the top level 1 总则 only in a text numbered so (``_DECIMAL_DOCUMENT``).
# Not a figure (2.5亿元).
_DECIMAL_HEAD = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\s*(?=[\u4e00-\u9fff（(])(?![万亿千百元个])")
_BARE_DECIMAL_HEAD = re.compile(r"^(\d{1,2})\s*(?=[\u4e00-\u9fff])(?![个项条款次年月日号万亿元倍])")
# Whether the text being outlined numbers its parts so: set by outline_document for its run.
_DECIMAL_DOCUMENT: ContextVar[bool] = ContextVar("decimal_document", default=False)
# How many 1.1-style headings make a text decimal-numbered.
_DECIMAL_HEADINGS = 3
_POLICY_KIND_NAMES = ("part", "section", "item", "subitem", "point", "point")
# How many numbers may be missing before a number out of sequence is taken for body text.
_MAX_GAP = 3

# Statute numbering. 笫, 苐 and 弟 are misprints of 第; the numeral may carry stray spaces, full-width
# digits, and a dash printed for 一. A reference that opens a line ("第五条规定的……",
# "第三十一条的决定》") is not a heading.
_STATUTE_HEAD = re.compile(
    rf"^([第笫苐弟])\s*([{_N}\d０-９Oo－—–‐\-\s]{{1,16}}?)\s*([编章节条])"
    rf"(之\s*[{_N}]{{1,3}})?")
_STATUTE_KINDS = {"编": "book", "章": "chapter", "节": "subchapter", "条": "article"}
_NOT_A_HEADING_AFTER = re.compile(
    rf"^(?:的规定|规定(?:的|，|,|处理|以外|之外|执行|办理|了)|所列|所称|所规定|中规定|确定的|以外的|"
    rf"第[{_N}\d]+[款项]|第[（(][{_N}\d]+[）)]项|"
    r"[、和及至或]\s*(?:者)?\s*第|》|〉|的决定|之规定)")
_STATUTE_RANK = {"book": 0, "chapter": 1, "subchapter": 2, "article": 3}
_STATUTE_UNIT = {"book": "编", "chapter": "章", "subchapter": "节", "article": "条"}
_ARTICLE_TITLE = re.compile(r"^[【\[［]([^】\]］]{1,30})[】\]］]\s*")
# An article's title on its label's line without brackets: a few words, no sentence in them.
_ARTICLE_TITLE_LINE = re.compile(r"^(?!.*(?:本条例|本办法|本法|本规定|本细则|应当|起施行|适用于|不得|可以|是指))"
                                 r"[\u4e00-\u9fff][\u4e00-\u9fff、和与及]{1,11}$")
# A chapter heading printed without its label ("总 则" after a table of contents).
_BARE_CHAPTER = re.compile(r"^(?:总\s*则|附\s*则)$")
_CONTENTS = re.compile(r"^目\s*录$")

_DATE = re.compile(rf"^(?:\d{{4}}|[{_N}]{{4}})\s*年\s*[\d{_N}]{{1,3}}\s*月\s*[\d{_N}]{{1,3}}\s*日$")
_PROMULGATION = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,80}"
                           r"(?:通过|公布|施行|修正|修订|发布|修改|批准|颁布)")
_PROMULGATION_TAIL = re.compile(r"(?:通过|公布|施行|修正|修订|修改|批准|颁布|生效|实施)[）)]?$")
# A law's bracketed note of how it was made and amended, however many times (（1991年4月9日……通过
# 2007年10月28日……第一次修正 ……）, （……批准；……修改，……批准）).
_MAKING_NOTE_OPENS = re.compile(r"^[（(]\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年")
# After the last making word, a title may close the note (……通过的《中华人民共和国刑法修正案（十二）》）).
_MAKING_NOTE = re.compile(_MAKING_NOTE_OPENS.pattern + r".{0,2000}(?:通过|公布|施行|修正|修订|修改|批准|颁布)"
                          r"(?:[^（）()]|[（(][一二三四五六七八九十〇\d]{1,4}[）)]){0,40}[）)]$")
_MAKING_NOTE_LINES = 30  # the most lines a wrapped making note runs over
_SOURCE_LINE = re.compile(r"^(?:来源|发布时间|更新时间|发文机关|发布机构|成文日期|字号|作者|责任编辑)\s*[:：]")
_PUBLICATION_NOTE = re.compile(r"^[（(]\s*此件[^）)]{0,10}[）)]$")
# The 附注 naming whom to ask (（联系人：李四，电话：0851-86891234）), after the date.
_CONTACT_NOTE = re.compile(r"^[（(]?\s*(?:联系人|联系电话|联系方式)\s*[：:][^。]{0,80}?[）)]?$")
# The formula closing a letter (特此通知。), just above its signature.
_CLOSING_FORMULA = re.compile(r"^特此(?:通知|报告|函告|函复|批复|公告|通告|请示|说明|证明)[。.]?$")
# The colophon (版记) closing an official document: who else receives it (抄送：……) and who
# printed it when (西岭省人民政府办公厅  2022年9月1日印发).
_COPIED_TO = re.compile(r"^(?:抄\s*送|抄\s*报|分\s*送)\s*[：:]")
_COLOPHON = re.compile(rf"{_COPIED_TO.pattern}"
                       # The printer, on the line or the one above (本方案自……印发 is no printer).
                       rf"|^(?:[\u4e00-\u9fff（）()]{{0,38}}(?:办公厅|办公室|人民政府|委员会|秘书局|局|厅|部|处|室|中心))?"
                       rf"\s*(?:\d{{4}}|[{_N}]{{4}})\s*年\s*[\d{_N}]{{1,3}}\s*月\s*[\d{_N}]{{1,3}}\s*日\s*印\s*发$")
# How far from the end a 抄送 line may open the colophon (its list wraps onto lines of its own).
_COLOPHON_LINES = 6
# 附件, 附件：……, 附件1, 附件 重点任务分工表, 附表2: not a sentence that opens with the word
# (附件所列重点任务，各牵头单位要……), which cut the rest of the text off as an attachment.
_ATTACHMENT = re.compile(r"^附\s*件(?=\s|[\d一二三四五六七八九十:：（(]|$)"
                         # 附件 run into its name, as text copied from a page gives it (附件重点任务分工表).
                         r"|^附\s*件[^，。,；;：:\s]{1,28}(?:表|清单|方案|目录|名单|细则|办法|意见|指南|标准|计划|要点)$"
                         r"|^附\s*(?:表|录)?\s*[\d一二三四五六七八九十]*\s*(?:[:：]|$)")
# An issuer as a signature names it; a military command signs beside a government on matters of
# defence (国务院办公厅 中央军委办公厅; 云溪省人民政府办公厅 云溪省军区).
_ISSUER = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(?:人民政府|国务院|办公厅|办公室|委员会|人民代表大会常务委员会|"
                     r"部|厅|局|署|委|院|军区|警备区)$")
# Addressees named unit by unit (省发展改革委，省数据局：), as a letter (函) writes them.
_ADDRESSED_UNITS = re.compile(r"^(?:[\u4e00-\u9fff（）()]{2,20}?(?:委|局|厅|办|部|院|会|政府|部门|单位|中心|公司)[，、,]){1,10}"
                              r"[\u4e00-\u9fff（）()]{2,20}?(?:委|局|厅|办|部|院|会|政府|部门|单位|中心|公司)[：:]$")
_ADDRESSEE_HINT = re.compile(r"(?:人民政府|各部门|各委|各直属机构|各单位|各有关|各市|各区|各县|各省|有关部门)")
_TITLE_END = re.compile(rf"(?:{DOCUMENT_KINDS}|解读|安排|解答|[）)])$")
# A title line that goes on one ending as titles end (……三年行动方案 / （2023—2025年）的通知;
# ……实施方案 / 的通知): the title was cut there, and its rest became the preamble.
_TITLE_GOES_ON = re.compile(r"^(?:的(?:通知|意见|决定|批复|函|报告|公告|通告|请示)|"
                            r"[（(]\s*\d{4}\s*[—–－~-]{1,2}\s*\d{4}\s*年?\s*[）)])")
# A title opened by 关于 is not whole before the 的 that names what it is (关于加强法 / 律援助工作的决定:
# 法 ends many titles, but not this one): it goes on to a line holding that 的.
_ABOUT_UNFINISHED = re.compile(r"关于[^的]*$")
_TERMINAL = "。！？；：:;，,"
# The subheadings of a published court case, which follow its title line.
_CASE_HEADING = re.compile(r"(?:基本案情|案情回顾|裁判结果|裁判要点|裁判理由|关键词|典型意义)$")

_TITLE_MAX = 80
_HEADING_TITLE_MAX = 40
# A first sentence that binds someone (转制企业应当切实保障职工的合法权益; ……要尽量避开……)
# or says who acts how (国务院实行总理负责制; 总理召集和主持……会议; ……由……组成) is a rule, not
# a heading: headings name a task or a topic (加强人员培训, 省级年度考核).
_BINDING = re.compile(r"必须|应当|不得|严禁|禁止|(?<![需重主必纲概只提摘])要(?![求点素件])|不为")
_ACTOR_ACTS = re.compile(
    r"^(?:国务院|总理|副总理|国务委员|秘书长|省长|副省长|市长|副市长|各部|各委员会|各地区|各地|各部门|各级|"
    r"各有关|省政府|省人民政府|市政府|市人民政府|县级以上)[^，,。；]{0,20}?"
    r"(?:实行|负责|召集|主持|领导|协助|组成|接受|召开|报送)")
# ... and so is one that states a fact, which no heading does: 应 as a binding word
# (``BINDING_YING``), 可以, a definition (所称, 是指), a copula (……是……的重要措施; not 特别是,
# 还是, 是否), who holds or makes up a body, said at the end of a phrase (由会长（理事长）……担任;
# not 完善主要由市场决定价格的机制), a date of effect (自……起施行) or a case (有下列……之一的).
_STATES = re.compile(
    BINDING_YING + r"|可以|所称|是指|(?<![凡还或只但就总于若更])(?<!特别)(?<!尤其)(?<!实事求)是(?!否)"
    r"|由[^，,。；]{1,30}(?:担任|组成|负责|承担|决定|办理)(?=[，,；;]|$)"
    r"|自[^，,。；]{1,20}起(?:施行|实行)|有下列")

# --------------------------------------------------------------------------- web-page furniture
# Matched on width-folded text. Lines before the title that a site puts around a copied text.
_WEB_FRONT = re.compile(
    r"切换城市|城市切换|选择城市|更多城市|切换地区|切换站点|城市分站|"
    r"欢迎(?:您)?(?:来到|访问|光临|使用|登录)|"
    r"热门(?:关键词|关键字|搜索|标签|话题)|热搜|大家都在搜|"
    r"^(?:首页|网站首页|当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[>:：»›/]|首页\s*[>»›]|"
    r"设为首页|加入收藏|^(?:登录|注册|登录\s*[|/]?\s*注册|手机版|无障碍|English)$|"
    r"(?:字号|字体)\s*[:：]?\s*[【\[(]?\s*大\s*中\s*小|打印本页|关闭窗口|分享到|扫一扫")
# A "…全文" heading a site puts above the document's own title.
_FULL_TEXT_SUFFIX = re.compile(r"(?:全文(?:发布|公布|内容)?|原文|[【\[(]全文[】\])])$")
# Lines after the body that only a web page has; the first of them opens the furniture. A notice
# may be long; a link or a button is a short line of its own.
_WEB_TAIL_NOTICE = re.compile(
    r"你觉得这篇文章|这篇文章(?:对你|对您|怎么样|有用)|文章(?:对您|对你)有(?:帮助|用)|本文(?:对你|对您)有|"
    r"如若转载|转载请注明|版权(?:所有|声明|归)|Copyright|©|免责声明|特别(?:提示|声明)\s*[:：]|"
    r"^\d*[.、]?\s*本站|ICP备|公网安备")
_WEB_TAIL_LINK = re.compile(
    r"^相关(?:阅读|文章|推荐|链接|新闻|文档|政策|解读)|^热(?:点|门)(?:文章|新闻|推荐|阅读)|"
    r"^最新(?:新闻|文章|动态|资讯)|推荐阅读|猜你喜欢|延伸阅读|^上一篇|^下一篇|返回(?:顶部|首页)|"
    r"网站地图|联系我们|关于我们|点赞|有用\s*[(（]?\s*\d*\s*[)）]?\s*没用|收藏本文|分享到|打印本页|"
    r"关闭窗口|扫一扫|我要纠错|【打印】|【关闭】|打印\s*关闭|^收藏$|^(?:发表|网友|查看)?评论|公众号|"
    r"下载(?:APP|客户端)|^本文链接|^标签\s*[:：]")
# Lines that belong to the page rather than the text when they stand after the body.
_WEB_WEAK = re.compile(
    r"^(?:来源|作者|责任编辑|编辑|审核|校对|原标题|文章来源|稿源|出处|发布时间|发布日期|更新时间|"
    r"浏览次数|阅读量|阅读)\s*[:：]|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$|"
    r"^(?:https?://|www\.)")
# Counters a page shows under a text ("赞(12)", "36人觉得有用", a bare count); page furniture only
# next to a line that only a web page has.
_WEB_COUNTER = re.compile(r"^[赞顶踩]\s*[(（]?\s*\d+\s*[)）]?$|^(?:阅读|浏览|评论|点赞|收藏)\s*[(（:：]?\s*\d+|^\d+\s*人(?:点赞|赞过|觉得有用)|^\d{1,6}$")
_BULLET = re.compile(r"^[·•●▪◆■□◇○\-*>»]")
_LINK_BULLET = re.compile(r"^[·•●▪◆■]")
# A source-and-time line such as "学习时报 / 2022-11-01 10:08:59".
_DATETIME_LINE = re.compile(r"\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)\s*\d{1,2}:\d{2}")
# A city switcher: nothing but place names.
_PLACES = (PROVINCIAL_REGIONS + "|广州|深圳|"
           "杭州|南京|武汉|成都|西安|苏州|郑州|长沙|沈阳|青岛|济南|大连|宁波|厦门|福州|合肥|昆明|哈尔滨|"
           "长春|石家庄|太原|南昌|南宁|贵阳|兰州|海口|呼和浩特|乌鲁木齐|银川|西宁|拉萨|无锡|佛山|东莞|"
           "珠海|温州|常州|徐州|烟台|泉州|全国|更多|城市|站")
_CITY_SWITCHER = re.compile(
    rf"^(?:[\s|｜/·•,，、:：\[\]【】()（）>»]*(?:{_PLACES}))+[\s|｜/·•,，、:：\[\]【】()（）>»]*$")
_TAIL_SEARCH = 60  # how far from the end the tail furniture may start (lines)


def outline_document(raw: RawDocument) -> Outline:
    """Build the outline of a read document.

    Args:
        raw: the paragraphs from a reader.

    Returns:
        The outline: front matter, preamble (id "0"), numbered sections, tail.
    """
    lines = [_Line.from_paragraph(p) for p in raw.paragraphs]
    lines = [line for line in lines if line.text]
    decimal = sum(1 for line in lines
                  if (found := _DECIMAL_HEAD.match(fold_width(line.text))) and "." in found.group(1))
    token = _DECIMAL_DOCUMENT.set(decimal >= _DECIMAL_HEADINGS)
    try:
        return _outline_lines(raw, lines)
    finally:
        _DECIMAL_DOCUMENT.reset(token)


def _outline_lines(raw: RawDocument, lines: list[_Line]) -> Outline:
    """The outline of a document's non-empty lines (``outline_document``)."""
    warnings = list(raw.warnings)
    web_front, lines = _split_web_front(lines)
    lines, web_tail = _split_web_tail(lines)
    letter, lines = _document_before_statute(lines)
    # The number the rules were issued under (国发〔2004〕18号 of the 印发 notice) is theirs; a
    # decision's, an explanation's or a call for comments' is not.
    issuing = bool(letter) and any(_ISSUING.search(line.text) for line in letter[:3])
    if not letter:
        letter, lines = _letter_before_statute(lines)
    lines, explanation = _split_explanation(lines)
    lines, attachments = _split_attachments(lines)
    attachments = explanation + attachments
    grammar = _detect_grammar(lines)
    front = _split_front_matter(lines, grammar)
    if letter:
        front.other[:0] = [line.text for line in letter]
        kind = next((word for word in ("决定", "说明", "通知", "公告", "通告")
                     if any(line.text.endswith(word) for line in letter[:3])), "函件")
        warnings.append(f"正文前的{kind}（{len(letter)}行，{_preview([line.text for line in letter])}）"
                        "已另行列出，未计入对照。")
    if issuing:
        front.doc_number = front.doc_number or next(
            (line.text.replace(" ", "") for line in letter if DOC_NUMBER.match(line.text.replace(" ", ""))), "")
    # A drafter's notes between the articles, in a draft only (a finished text's note is its own).
    draft = bool(_DRAFT_WORD.search(front.title)) or any(_DRAFT_WORD.search(text) for text in front.other[:12])
    body = [line for line in lines[front.body_start:] if not (draft and _DRAFTING_NOTE.match(line.text))]
    notes = len(lines) - front.body_start - len(body)
    if notes:
        warnings.append(f"起草中的{notes}处说明（“{_preview_note(lines[front.body_start:])}”等）"
                        "不是条文，未计入对照。")
    contents: list[_Line] = []
    if grammar == "statute":
        contents, body = _split_contents(body)
    elif grammar == "policy":
        contents, body = _split_policy_contents(body)
    if body:
        body, tail = _split_signature(body, grammar)
    else:
        # No heading at all: the signature closes the preamble.
        kept, tail = _split_signature([_Line(t, "", False, False, None) for t in front.preamble], grammar)
        front.preamble = [line.text for line in kept]
    tail += attachments
    set_aside = _attachment_text(tail)
    attachment_warning = len(warnings)  # said here, once the sections are known
    page_lines = [line.text for line in web_front] + front.furniture
    if page_lines:
        warnings.append(f"标题前的{len(page_lines)}行网页内容已另行列出，未计入正文：{_preview(page_lines)}")
    warnings.extend(front.notes)
    if contents:
        warnings.append(f"目录（{len(contents)}行）已另行列出，未计入正文。")
    if web_tail:
        warnings.append(f"正文后的{len(web_tail)}行网页内容已另行列出，未计入正文："
                        f"{_preview([line.text for line in web_tail])}")
    if grammar == "statute":
        sections = _statute_sections(body, front.preamble, warnings)
    elif grammar == "policy":
        sections = _policy_sections(body, front.preamble, warnings)
    else:
        sections = _plain_sections(body, front.preamble)
        warnings.append("未识别到编号结构，已按自然段划分章节。")
    if set_aside:
        sections, filled = _notes_from_task_table(sections, set_aside)
        warnings.insert(attachment_warning, (
            f"附件（{len(set_aside)}行，{_preview(set_aside)}）未计入对照；"
            + (f"其中{filled}项任务的责任单位、完成时限已按附件填入正文相应任务；" if filled else "")
            + "如需对照附件内容，请将附件另存为单独的文件后打开。"))
    front_matter = [line.text for line in web_front] + front.other + [line.text for line in contents]
    return Outline(path=raw.path, format=raw.format, grammar=grammar, title=front.title,
                   doc_number=front.doc_number, addressees=front.addressees,
                   front_matter=tuple(front_matter), sections=tuple(sections),
                   tail=tuple(line.text for line in tail + web_tail), warnings=tuple(warnings))


# A drafter's note on a line of its own between the articles of a draft (【说明】本条根据……;
# （说明：法律援助法规定七日内审查，本条缩短为五日。）; 【立法依据】……): why the text says what it
# says, no provision of it. Not a law's note under a table (（注：本表所称……）), which is its text.
_DRAFT_WORD = re.compile(r"草案|征求意见稿|送审稿|讨论稿|修改稿|代拟稿")
_DRAFTING_NOTE = re.compile(r"^(?:【\s*(?:说\s*明|条文说明|修改说明|起草说明|立法依据|依据|理由)\s*】"
                            r"|[（(]\s*(?:说明|修改说明|条文说明|立法依据|理由)\s*[：:][^（）()]*"
                            r"(?:[（(][^（）()]*[）)][^（）()]*)*[）)]$)")


def _preview_note(lines: list[_Line]) -> str:
    """The first drafter's note among the lines, cut short."""
    text = next(line.text for line in lines if _DRAFTING_NOTE.match(line.text))
    return text if len(text) <= 20 else text[:20] + "…"


def _attachment_text(tail: list[_Line]) -> list[str]:
    """The text of the attachments set aside after the body: what follows a 附件 line, but the
    attachment list itself (附件：1. 任务清单), signatures, dates and publication notes. Only a
    text of its own counts (a task table, a list of measures), not a form to fill in."""
    start = next((i for i, line in enumerate(tail)
                  if _ATTACHMENT.match(line.text) or _explanation_heading(tail, i)), None)
    if start is None:
        return []
    lines = [line.text for line in tail[start:]
             if not (_ATTACHMENT.match(line.text) or _DATE.match(line.text)
                     or _PUBLICATION_NOTE.match(line.text) or _ISSUER.match(line.text)
                     or _BRACKETED.match(line.text))]
    # A form, a table of figures or a list of names holds no sentence; a text does, and so does
    # a table of tasks however short (each row a task with its units).
    sentences = sum(1 for text in lines if len(text) >= _ATTACHMENT_SENTENCE and "。" in text)
    if sentences >= _ATTACHMENT_SENTENCES or _explanation_heading(tail, start) or any(
            clause.responsibility for text in lines for clause in build_clauses("A", (text,))):
        return lines
    return []


def _notes_from_task_table(sections: list[Section], lines: list[str]) -> tuple[list[Section], int]:
    """The sections with the units and deadlines an attached table of tasks (重点任务分工表, read
    row by row: 任务。（牵头单位：……；完成时限：……）) gives the tasks of the text that name neither:
    a row is a task of the text when its words, punctuation aside, are those of a sentence of the
    text, in full or cut short (推进涉企审批减环节、减材料 for ……减材料、减时限、减费用。), or a
    section's title (then it is every sentence under that title). How many rows found a task.

    A plan whose body names no 责任单位 often gives them only there; set aside as an attachment,
    they never reached the checklist."""
    rows = [(key, note_of(clause))
            for line in lines for clause in build_clauses("A", (line,))
            if clause.responsibility and len(key := words_only(clause.text)) >= _TASK_KEY_MIN]
    if not rows:
        return sections, 0
    # Section id → clause position → (row, its note): the first row that names the sentence.
    found: dict[str, dict[int, tuple[int, Note]]] = {}
    for number, (key, row_note) in enumerate(rows):
        for section in sections:
            title = words_only(section.title)
            if title and key == title:  # the row names a section: every sentence under it
                for under in sections:
                    if under.id == section.id or under.id.startswith(section.id + "."):
                        for position in range(len(under.clauses)):
                            found.setdefault(under.id, {}).setdefault(position, (number, row_note))
                continue
            words = [words_only(clause.text) for clause in section.clauses]
            for position, clause_words in enumerate(words):
                for spanned in ([position] if key in clause_words else _sentences_spanned(key, words, position)):
                    found.setdefault(section.id, {}).setdefault(spanned, (number, row_note))
    filled: set[int] = set()
    updated = []
    for section in sections:
        clauses = list(section.clauses)
        for position, (number, note) in found.get(section.id, {}).items():
            # A task that names its units or deadline in the text keeps what it says, whole.
            if not (clauses[position].responsibility or clauses[position].deadline):
                clauses[position] = with_heading_note((clauses[position],), note)[0]
                filled.add(number)
        updated.append(replace(section, clauses=tuple(clauses)))
    return updated, len(filled)


_TASK_KEY_MIN = 6  # characters a row's task must have to be looked for in the text


def _sentences_spanned(key: str, words: list[str], start: int) -> list[int]:
    """The positions of the sentences, from ``start`` on, whose words a row's task runs through
    one after the other — the last may be cut short — when it runs through two or more: a row
    that merges two sentences of the text (加强经济数据整合、汇聚、治理，建设全省经济治理基础数据库
    for 加强……治理。建设……数据库。) names both. [] otherwise."""
    if len(words[start]) < _TASK_KEY_MIN or not key.startswith(words[start]):
        return []
    rest, spanned = key[len(words[start]):], [start]
    for position in range(start + 1, len(words)):
        if not rest:
            break
        if words[position] and rest.startswith(words[position]):
            rest = rest[len(words[position]):]
        elif len(rest) >= _TASK_KEY_MIN and words[position].startswith(rest):
            rest = ""
        else:
            break
        spanned.append(position)
    return spanned if not rest and len(spanned) > 1 else []


# A note of its own line (（本文有删减）).
_BRACKETED = re.compile(r"^[（(][^（）()]*[）)]$")
# An attachment counts as text when this many of its lines are sentences this long.
_ATTACHMENT_SENTENCE = 12
_ATTACHMENT_SENTENCES = 3


def _preview(texts: list[str]) -> str:
    first = texts[0] if len(texts[0]) <= 20 else texts[0][:20] + "…"
    return f"“{first}”" + ("等" if len(texts) > 1 else "")


@dataclass(frozen=True)
class _Line:
    """A paragraph as the outline sees it: printed text (label included) and its formatting."""

    text: str
    numbering: str
    centered: bool
    bold: bool
    outline_level: int | None

    @classmethod
    def from_paragraph(cls, paragraph: Paragraph) -> _Line:
        text, numbering = paragraph.text.strip(), paragraph.numbering.strip()
        if numbering and _statute_marker(f"{numbering}\u3000{text}") is not None:
            # Word's own 第一条 / 第一章 numbering is read as the typed one: as a label apart,
            # the draft was a policy text of no article.
            text, numbering = f"{numbering}\u3000{text}", ""
        return cls(text=text, numbering=numbering, centered=paragraph.centered, bold=paragraph.bold,
                   outline_level=paragraph.outline_level)

    @property
    def printed(self) -> str:
        """Text as a reader sees it on paper, with a Word-generated label in front."""
        return f"{self.numbering}{self.text}" if self.numbering else self.text


class _Marker(NamedTuple):
    """A numbering label found at the start of a line."""

    kind: str
    number: int
    label: str
    rest: str
    printed: str = ""  # the label as printed, when a misprint was repaired


# --------------------------------------------------------------------------- markers


def _policy_marker(text: str) -> _Marker | None:
    """The policy numbering the text opens with, if any."""
    folded = fold_width(text)
    for kind, pattern in _POLICY_MARKERS:
        match = pattern.match(folded)
        if not match:
            continue
        numeral = match.group(1)
        try:
            number = (ord(numeral) - 0x245F) if kind == "circled" else numeral_value(numeral)
        except ValueError:
            continue
        # The folded text has the same length as the original, so offsets carry over.
        label = text[:match.end()].strip()
        if kind == "paren_han" and repair_numeral(numeral) != numeral:
            printed = label
            label = label.replace(numeral, repair_numeral(numeral))
            return _Marker(kind, number, label, text[match.end():].strip(), printed)
        return _Marker(kind, number, label, text[match.end():].strip())
    return _decimal_marker(text, folded)


def _decimal_marker(text: str, folded: str) -> _Marker | None:
    """1.1 编制目的 anywhere; 1 总则 in a text whose parts are numbered 1.1, 1.2, ……"""
    match = _DECIMAL_HEAD.match(folded)
    if match:
        parts = match.group(1).split(".")
        return _Marker(f"decimal{len(parts)}", int(parts[-1]), text[:match.end()].strip(),
                       text[match.end():].strip())
    match = _BARE_DECIMAL_HEAD.match(folded) if _DECIMAL_DOCUMENT.get() else None
    if match:
        rest = text[match.end():].strip()
        if len(rest) <= _HEADING_TITLE_MAX and not re.search(r"[。；，]", rest):
            return _Marker("decimal1", int(match.group(1)), text[:match.end()].strip(), rest)
    return None


def _statute_marker(text: str) -> _Marker | None:
    """The statute numbering (编/章/节/条) the text opens with, misprints repaired."""
    match = _STATUTE_HEAD.match(text)
    if not match:
        return None
    kind = _STATUTE_KINDS[match.group(3)]
    rest = text[match.end():]
    if _NOT_A_HEADING_AFTER.match(rest):
        return None
    if kind == "article" and match.group(4) is None and rest.startswith("之"):
        return None
    try:
        number = numeral_value(match.group(2))
    except ValueError:
        return None
    if number <= 0:
        return None
    suffix = re.sub(r"\s+", "", match.group(4) or "")
    label = f"第{repair_numeral(match.group(2))}{match.group(3)}{suffix}"
    printed = re.sub(r"[\s\u3000]+", "", text[:match.end()])
    misprint = printed if fold_width(printed) != label else ""
    return _Marker(kind, number, label, rest.strip(), misprint)


def _detect_grammar(lines: list[_Line]) -> str:
    numbers = []
    chapters = 0
    for line in lines:
        marker = _statute_marker(line.text)
        if marker and marker.kind == "article":
            numbers.append(marker.number)
        elif marker:
            chapters += 1
    articles = len(numbers)
    # Articles that follow one another: a report citing 第十二条 and 第五十五条 is not a statute.
    running = sum(1 for a, b in zip(numbers, numbers[1:]) if b in (a, a + 1))
    markers = [line.numbering or _policy_marker(line.text) for line in lines]
    policy = sum(1 for marker in markers if marker)
    parts = sum(1 for m in markers if m and (isinstance(m, str) or m.kind == "han"))
    chinese_heads = sum(1 for m in markers if m and (isinstance(m, str) or m.kind in ("han", "paren_han")))
    # Articles decide unless the text is built of 一、 parts: a statute's （一） lines are its 项.
    if articles >= 2 and articles >= parts / 2 and \
            (running >= (articles - 1) / 2 or chapters >= 2 or numbers[0] == 1):
        return "statute"
    # ... and so do chapters of articles numbered straight through from 第一条, whatever the
    # 一、 lines inside them (older rules number their 项 so: 第四条 ……：一、……；二、……).
    if articles >= 5 and chapters >= 2 and numbers[0] == 1 and running >= 0.9 * (articles - 1):
        return "statute"
    if numbers == [1] and policy == 0:
        return "statute"
    if policy >= 2 or chinese_heads or any(line.outline_level is not None for line in lines):
        return "policy"
    return "plain"


# --------------------------------------------------------------------------- web-page furniture


def _is_web_front(lines: list[_Line], index: int) -> bool:
    text = fold_width(lines[index].text)
    if len(text) > 160 or text.endswith("。") or _PROMULGATION.match(text):
        return False
    if _WEB_FRONT.search(text) or _CITY_SWITCHER.match(text) or _is_menu(text):
        return True
    # "国务院关于……的指导意见全文" or a headline "国务院印发《关于……的指导意见》" above the
    # document's own title "国务院关于……的指导意见".
    stripped = _FULL_TEXT_SUFFIX.sub("", text).strip()
    quoted = re.findall(r"《([^》]{6,})》", text)
    if (stripped != text and len(stripped) >= 4) or (quoted and not _TITLE_END.search(text)):
        for later in lines[index + 1:index + 4]:
            other = fold_width(later.text)
            if not other or not _TITLE_END.search(other) or other.endswith("。"):
                continue
            if stripped != text and (other in stripped or stripped in other):
                return True
            if any(name in other for name in quoted):
                return True
    return False


def _is_menu(text: str) -> bool:
    """A site's menu bar: four or more short entries between bars ("首页 | 政务公开 | …")."""
    entries = [e.strip() for e in re.split(r"[|｜]", text)]
    return len(entries) >= 4 and all(0 < len(e) <= 8 for e in entries)


def _split_web_front(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """Page furniture standing before the title, and the lines from the title on."""
    index = 0
    while index < min(len(lines) - 1, 12) and _is_web_front(lines, index):
        index += 1
    return lines[:index], lines[index:]


def _is_web_tail(text: str) -> bool:
    """A line only a web page has: a site notice, or a link or button standing alone."""
    if _WEB_TAIL_NOTICE.search(text):
        return True
    return len(text) <= 30 and not text.endswith("。") and bool(_WEB_TAIL_LINK.search(text))


def _bullet_run(lines: list[_Line], index: int) -> bool:
    """A line of a bulleted list of links ("· 关于……的通知"), with another such line beside it."""
    def bullet(i: int) -> bool:
        return 0 <= i < len(lines) and bool(_LINK_BULLET.match(lines[i].text)) and len(lines[i].text) <= 80
    return bullet(index) and (bullet(index - 1) or bullet(index + 1))


def _tail_compatible(line: _Line) -> bool:
    """A line that may stand among page furniture: short, a link, a counter, a notice."""
    text = fold_width(line.text)
    if _statute_marker(line.text):
        return False
    if _is_web_tail(text) or _WEB_WEAK.search(text) or _WEB_COUNTER.match(text) or \
            _BULLET.match(text):
        return len(text) <= 200
    return len(text) <= 40 or (len(text) <= 80 and not text.endswith(tuple("。！？")))


def _split_web_tail(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """The lines up to the end of the body, and the page furniture after it."""
    count = len(lines)
    start = count
    # Scan back from the end while every line could be furniture; the earliest line that only
    # a web page has opens the furniture.
    index = count - 1
    while index >= max(1, count - _TAIL_SEARCH) and _tail_compatible(lines[index]):
        if _is_web_tail(fold_width(lines[index].text)) or _bullet_run(lines, index):
            start = index
        index -= 1
    if start == count:
        # No widget: only source and author lines left at the very end are set aside.
        while start > 1 and _WEB_WEAK.search(fold_width(lines[start - 1].text)) and \
                not _DATE.match(lines[start - 1].text):
            start -= 1
        return lines[:start], lines[start:]
    # Source, author and date lines just before the widget go with it.
    while start > 1 and _WEB_WEAK.search(fold_width(lines[start - 1].text)) and \
            not _DATE.match(lines[start - 1].text):
        start -= 1
    return lines[:start], lines[start:]


# --------------------------------------------------------------------------- front matter


@dataclass
class _Front:
    title: str = ""
    doc_number: str = ""
    addressees: str = ""
    other: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)  # page furniture among the front lines
    notes: list[str] = field(default_factory=list)  # warnings about the front lines
    preamble: list[str] = field(default_factory=list)
    body_start: int = 0


def _is_heading_line(line: _Line, grammar: str) -> bool:
    if grammar == "statute":
        return _statute_marker(line.text) is not None
    if grammar == "policy":
        if line.numbering or line.outline_level is not None or _policy_marker(line.text):
            return True
        marker = _statute_marker(line.text)
        return marker is not None and marker.kind != "article"
    return False


# What an official document (公文, GB/T 9704) prints above its title, its 版头: the copy number
# (000123), secrecy (机密★5年), urgency (特急), the issuer's mark (西岭省人民政府文件; jointly, an
# issuer a line and 文件; a letter, the issuer alone), the 发文字号 and, on a report, 签发人：张三.
# One line may hold several (秘密★1年 特急, run together where a reader drops the space).
_MARKS_LINE = re.compile(r"^(?:(?:[0-9０-９]{4,8}"  # copy number
                         r"|(?:绝密|机密|秘密)(?:\s*[★☆*]\s*(?:[\d一二三四五六七八九十]+\s*年|长期))?"  # secrecy
                         r"|特急|加急|特提|平急)\s*)+$")  # urgency
_MASTHEAD = re.compile(r"^[\u4e00-\u9fff（）()\s]{0,60}文\s*件$")
# ... said by an issuer (西岭省人民政府文件, 国务院文件; 文件 alone under joint issuers), not a
# title that ends in 文件 (西岭省第一批保留的行政规范性文件).
_ISSUER_MARK = re.compile(r"(?:^|国务院|人民政府|办公厅|办公室|委员会|常务委员会|党委|部|厅|局|委|院|署)$")
# What marks a draft, above or below its title: （征求意见稿）, 草案, 送审稿.
_DRAFT_MARK = re.compile(r"^[（(【]?\s*(?:(?:修订|修正)?草案)?(?:征求意见稿|公开征求意见稿|草案|送审稿|讨论稿|代拟稿|修改稿)"
                         r"\s*[）)】]?$")
# The mark of an attachment above a title (附件, 附件1, 附件：): a draft sent out for comment is
# the attachment of a letter.
_ATTACHMENT_MARK = re.compile(r"^附\s*件\s*[\d一二三四五六七八九十]*\s*[:：]?$")
_SIGNER = re.compile(r"签\s*发\s*人\s*[：:]\s*[\u4e00-\u9fff·\s]{2,30}$")
_DOC_NUMBER_HEAD = re.compile(DOC_NUMBER.pattern.rstrip("$"))
_MASTHEAD_LINES = 10  # the most lines a 版头 runs over


def _masthead(lines: list[_Line], front: _Front) -> int:
    """How many lines from the top are the 版头 of an official document (``_MARKS_LINE``…): set
    aside as front lines, its 发文字号 the document's. Read as text, the first of them was the
    title (《000123》, 《西岭省人民政府文件》), the real title and 主送 were lost in the preamble,
    and the province was not known from the title."""
    index = 0
    marked = False  # a line only a 版头 holds: the issuer's mark, copy number, secrecy, urgency
    while index < min(len(lines), _MASTHEAD_LINES):
        text = lines[index].text.strip()
        number = _DOC_NUMBER_HEAD.match(text)
        if _MARKS_LINE.match(text) or _DRAFT_MARK.match(text) or _ATTACHMENT_MARK.match(text):
            marked = True
        elif _MASTHEAD.match(text) and _ISSUER_MARK.search(re.sub(r"\s", "", text)[:-2]):
            marked = True
        elif _ISSUER.match(text.replace(" ", "")) and _masthead_follows(lines, index + 1):
            pass  # one issuer of a joint 版头, or a letter's (西岭省人民政府 over its 发文字号)
        elif number and (not text[number.end():].strip() or _SIGNER.match(text[number.end():].strip())):
            # The 发文字号 closes the 版头 (the red line is under it), 签发人 beside it or not.
            front.doc_number = number.group(0).replace(" ", "")
            front.other.append(text)
            index += 1
            if index < len(lines) and _SIGNER.match(lines[index].text.strip()):
                front.other.append(lines[index].text)
                index += 1
            return index
        elif _SIGNER.match(text) and marked:
            pass
        else:
            break
        front.other.append(text)
        index += 1
    if marked:
        return index
    front.other.clear()
    return 0


# The page a statute is published under: its 公告 or 令 (西岭省人民代表大会常务委员会公告, 西岭省人民
# 政府令, 中华人民共和国主席令), its number, 《……》已……通过，现予公布，自……起施行。, who signs it and when.
_COVER_TITLE = re.compile(r"^[\u4e00-\u9fff（）()\s]{0,40}(?:公\s*告|令)$")
_PUBLISHED = re.compile(r"现予(?:公布|发布|公告)")
_COVER_LINES = 8  # the most lines a cover runs to before its 现予公布 sentence


def _cover(lines: list[_Line], start: int, front: _Front) -> int:
    """Where the text starts after the 公告/令 a statute is published under, when it opens with
    one (``_COVER_TITLE``), set aside as front lines; ``start`` otherwise. Read as text, the
    cover was the document: its title headed the checklist, its 现予公布 sentence was compared
    (主席令 against 公告), and the statute's own title and making note went to the preamble."""
    def cover_title(index: int) -> bool:
        return index < len(lines) and _COVER_TITLE.match(lines[index].text.strip()) is not None

    # Its title on one line, or the issuer over 公告.
    if not (cover_title(start) or (start < len(lines) and _ISSUER.match(lines[start].text.replace(" ", ""))
                                   and cover_title(start + 1))):
        return start
    published = next((index for index in range(start + 1, min(start + _COVER_LINES, len(lines)))
                      if _PUBLISHED.search(lines[index].text)), None)
    if published is None:
        return start
    for index in range(published + 1, min(published + _COVER_LINES, len(lines))):
        if _DATE.match(lines[index].text.strip().replace(" ", "")):
            if index + 1 < len(lines) and _looks_like_title(lines[index + 1].text):
                front.other.extend(line.text for line in lines[start:index + 1])
                return index + 1
            break
    return start


def _masthead_follows(lines: list[_Line], start: int) -> bool:
    """Whether, after issuers' names, the issuer's mark (文件) or a 发文字号 comes next."""
    for line in lines[start:start + _MASTHEAD_LINES]:
        text = line.text.strip()
        if _MASTHEAD.match(text) or _DOC_NUMBER_HEAD.match(text):
            return True
        if not _ISSUER.match(text.replace(" ", "")):
            return False
    return False


def _split_front_matter(lines: list[_Line], grammar: str) -> _Front:
    """Title, 文号, addressees and other front lines; the preamble; where the body starts."""
    front = _Front()
    count = len(lines)
    index = _cover(lines, _masthead(lines, front), front)
    # The title: the first line, joined with the following title fragments (a title broken over
    # two centred lines, as gov.cn pages and some PDFs give it).
    first = index
    if index < count and not _is_heading_line(lines[first], grammar) and _looks_like_title(lines[first].text):
        title = lines[first].text
        index = first + 1
        while (index < count and not title.endswith(tuple("。！？")) and
               (not _TITLE_END.search(title) or _TITLE_GOES_ON.match(lines[index].text)
                or (_ABOUT_UNFINISHED.search(title) and "的" in lines[index].text))
               and _is_title_fragment(lines[index], lines[first], grammar)
               and len(title) + len(lines[index].text) <= _TITLE_MAX):
            title += lines[index].text
            index += 1
        if index > first + 1 and (not _TITLE_END.search(title) or _CASE_HEADING.search(title)):
            # Only a title that comes out whole was broken over lines; otherwise the next line
            # is a subheading ("基本案情") or a broken promulgation line, not the title's end.
            title, index = lines[first].text, first + 1
        front.title = title
    # Front lines until the first heading; the addressee line ends the front matter proper.
    # Whether a heading comes later: a signature before it closes a covering letter whose
    # attachment is the body; without one it closes the text and goes to the tail.
    body_follows = any(_is_heading_line(line, grammar) for line in lines[index:])
    chapters = grammar == "statute" and any(
        (m := _statute_marker(line.text)) and m.kind in ("book", "chapter") for line in lines)
    while index < count and not _is_heading_line(lines[index], grammar):
        text = lines[index].text
        if chapters and re.sub(r"\s+", "", text) == "总则" and index + 1 < count and \
                (m := _statute_marker(lines[index + 1].text)) and m.kind == "article":
            break  # the first chapter printed without its label
        if grammar == "statute" and chapters and _BARE_CHAPTER.match(text):
            front.other.append(text)  # the name of the 编 an excerpt comes from ("民法典" / "总则")
            index += 1
            continue
        if grammar == "statute" and not chapters and _BARE_CHAPTER.match(text):
            # A chapter title left alone where the copy lost every other chapter heading.
            front.other.append(text)
            name = re.sub(r"\s+", "", text)
            front.notes.append(f"文中只有一个没有编号的章标题“{name}”，已另行列出，条文按不分章处理。")
            index += 1
            continue
        wrapped = _wrapped_making_note(lines, index) if not front.preamble else 0
        if wrapped:
            # A note of how a law was made, wrapped over lines as a PDF sets it: every line of it.
            front.other.extend(line.text for line in lines[index:index + wrapped])
            index += wrapped
            continue
        folded = fold_width(text)
        compact = text.replace(" ", "").replace("\u3000", "")
        number = _DOC_NUMBER_HEAD.match(compact)
        if not front.doc_number and number and (number.end() == len(compact)
                                                or _SIGNER.match(compact[number.end():])):
            front.doc_number = number.group(0)  # 签发人 beside it or not
        elif front.doc_number and not front.preamble and _SIGNER.match(text.strip()):
            front.other.append(text)  # 签发人 on a line (a table cell) of its own
        elif (not front.addressees and not front.preamble and folded.endswith(":")
              and len(text) <= 120 and (_ADDRESSEE_HINT.search(text) or _ADDRESSED_UNITS.match(text) or
                                        (len(text) <= 30 and not re.search(r"[，。,]", text)))):
            front.addressees = text
        elif not front.preamble and len(folded) <= 80 and not folded.endswith("。") and \
                _WEB_FRONT.search(folded):
            front.other.append(text)
            front.furniture.append(text)
        elif _PROMULGATION.match(text) or _SOURCE_LINE.match(folded) or _CONTENTS.match(text) or \
                (not front.preamble and _DRAFT_MARK.match(text)) or \
                (not front.preamble and _DATE.match(text)) or \
                (body_follows and (_DATE.match(text) or _PUBLICATION_NOTE.match(text) or
                                   (_ATTACHMENT.match(text) and len(text) <= 60) or
                                   (grammar != "statute" and front.preamble and _ISSUER.match(text)))) or \
                (not front.preamble and len(text) <= 80 and _DATETIME_LINE.search(folded)) or \
                (not front.preamble and _MAKING_NOTE.match(text)) or \
                (not front.preamble and len(text) <= 120 and not text.endswith("。") and
                 (re.match(r"^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月", text) or _PROMULGATION_TAIL.search(text))):
            # Also: a promulgation line broken over two lines ("2018年9月3日…第1747次会议" /
            # "通过", and as a PDF wraps a bracketed note: "（2008年7月17日经……第6次部务会" /
            # "议通过）"), and the signature, date and attachment list of a covering letter whose
            # attachment is the body.
            front.other.append(text)
        else:
            front.preamble.append(text)
        index += 1
    front.body_start = index
    return front


def _wrapped_making_note(lines: list[_Line], start: int) -> int:
    """How many lines from ``start`` a bracketed note of how a law was made runs over, when it
    opens there and wraps (（1991年4月9日……通过 / ……第一次修正 / …… / 第五次修正）), else 0.
    Read line by line, a wrapped line that began with neither a date nor ended with a making
    word (〈中华人民共和国行政诉讼法〉的决定》第三次修正2021年……的决) was the preamble's
    first line, and the rest of the note a section before 第一条."""
    if not _MAKING_NOTE_OPENS.match(lines[start].text):
        return 0
    depth = 0
    for stop in range(start, min(start + _MAKING_NOTE_LINES, len(lines))):
        text = lines[stop].text
        depth += sum(text.count(c) for c in "（(") - sum(text.count(c) for c in "）)")
        if depth <= 0:
            joined = "".join(line.text for line in lines[start:stop + 1])
            return stop + 1 - start if stop > start and _MAKING_NOTE.match(joined) else 0
    return 0


def _looks_like_title(text: str) -> bool:
    return len(text) <= _TITLE_MAX and not text.endswith(tuple("。！？；")) \
        and not _SOURCE_LINE.match(fold_width(text)) and not DOC_NUMBER.match(text)


def _is_title_fragment(line: _Line, first: _Line, grammar: str) -> bool:
    text = line.text
    if _is_heading_line(line, grammar) or DOC_NUMBER.match(text.replace(" ", "")):
        return False
    if _DATE.match(text) or _PROMULGATION.match(text) or _SOURCE_LINE.match(fold_width(text)):
        return False
    if _DATETIME_LINE.search(fold_width(text)) or _CONTENTS.match(text) or \
            re.match(r"^\d{4}\s*年", text) or first.text.startswith(text[:8]):
        return False
    if first.centered and not line.centered:
        return False
    return len(text) <= 30 and not any(ch in _TERMINAL for ch in text)


def _split_contents(body: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """A statute's table of contents: a run of 编/章/节 headings with no article among them,
    whose first heading comes again where the text starts."""
    first = _statute_marker(body[0].text) if body else None
    if first is None or first.kind == "article":
        return [], body
    run = 1
    while run < len(body):
        marker = _statute_marker(body[run].text)
        if marker is None and _contents_rest(body, run):
            run += 1
            continue
        if marker is None or marker.kind == "article" or \
                (marker.kind, marker.number) == (first.kind, first.number):
            break
        run += 1
    if run < 2 and not re.search(rf"第[{_N}]+[编章节]", first.rest):
        return [], body
    again = next((i for i in range(run, len(body))
                  if (m := _statute_marker(body[i].text)) and m.kind == first.kind
                  and m.number == first.number), None)
    if again is not None and again > run:
        # The headings came again after the run only when the text between is bare.
        between = body[run:again]
        if not all(_BARE_CHAPTER.match(line.text) for line in between):
            return [], body
    if again is None:
        # Some copies print the first chapter of the text without its label ("总 则").
        if run < len(body) and _BARE_CHAPTER.match(body[run].text) and \
                any(_statute_marker(line.text) for line in body[run + 1:run + 3]):
            return body[:run], body[run:]
        return [], body
    return body[:run], body[run:]


def _contents_rest(body: list[_Line], index: int) -> bool:
    """Whether a line without a label belongs to a statute's table of contents: an unnumbered
    附则 among its entries, or the rest of an entry a PDF wrapped (第二章　认定公民无民事行为能力、
    限制民事行为能力 / 案件) — short, no sentence, after an entry and before another entry."""
    text = re.sub(r"\s+", "", body[index].text)
    following = _statute_marker(body[index + 1].text) if index + 1 < len(body) else None
    if text == "附则":
        # Not a bare 总则: that is where the text itself starts, its label lost.
        return following is not None
    return (len(text) <= 20 and not re.search(r"[。；：，]", text)
            and _statute_marker(body[index - 1].text) is not None
            and following is not None and following.kind != "article")


def _split_policy_contents(body: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """A table of contents before a numbered text (1 总则 / 1.1 编制目的及依据 / …): a run of
    short headings whose first comes again, word for word, where the text starts."""
    if len(body) < 3 or _policy_marker(body[0].text) is None:
        return [], body
    first = _toc_entry(body[0].text)
    # The text's heading may carry Word's own numbering (一、 generated, 总体要求 typed).
    again = next((i for i in range(1, len(body)) if _toc_entry(body[i].printed) == first), None)
    if again is None or again < 2:
        return [], body
    run = next((i for i, line in enumerate(body[:again]) if not _toc_line(line.text)), again)
    if run == again:
        return body[:again], body[again:]
    # A preamble between the contents and the text (Word's 目录, each entry with its page).
    if run >= 2 and all(_TOC_PAGE.search(line.text) for line in body[:run]):
        return body[:run], body[run:]
    return [], body


# The page number closing an entry of a table of contents (一、总体要求  1; 1.1 编制目的……3).
_TOC_PAGE = re.compile(r"(?:\s+|[.·…]+\s*)\d{1,4}$")


def _toc_line(text: str) -> bool:
    """Whether a line may be an entry of a table of contents: a short numbered heading, or any
    numbered heading or attachment (附件  12) followed by its page number."""
    paged = _TOC_PAGE.search(text) is not None
    if _policy_marker(text) is not None:
        return paged or len(_toc_entry(text)) <= _HEADING_TITLE_MAX
    return paged and _ATTACHMENT.match(text) is not None


def _toc_entry(text: str) -> str:
    """An entry of a table of contents without its page number."""
    return _TOC_PAGE.sub("", text).strip()


def _letter_before_statute(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """The letter a statute is sent out with (a call for comments: 关于公开征求《……（征求意见稿）》
    意见的公告, its text, 附件：……, signature and date) and the statute after it; ([], lines)
    when the text is no statute sent so. Read as one, the letter's numbered lines (1.通过电子邮件……)
    made it a policy text and the draft an attachment left out of the comparison."""
    for index, line in enumerate(lines):
        if index >= 1 and _ATTACHMENT.match(line.text) and len(line.text) <= 60 and not _TOC_PAGE.search(line.text):
            before, after = lines[:index], lines[index:]
            if not _LETTER_TITLE.search(before[0].text) or _detect_grammar(before) == "statute" \
                    or _detect_grammar(after) != "statute":
                return [], lines
            for start in range(1, min(len(after), _LETTER_CLOSE_LINES)):
                text = after[start].text
                if (_looks_like_title(text) and not (_ISSUER.match(text) or _DATE.match(text)
                                                     or _DRAFT_MARK.match(text) or _ATTACHMENT.match(text))
                        and any(_statute_marker(later.text) for later in after[start + 1:start + 8])):
                    return before + after[:start], after[start:]
            return [], lines
    return [], lines


def _document_before_statute(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """A document printed before the statute it names (关于修改《……条例》的决定 before the text
    published again as amended; 关于《……条例（草案）》的起草说明 before the draft; 关于印发《……办法》
    的通知 before the rules) and the statute, from its title on; ([], lines) when the text opens
    with no such document. The statute is found by its name: a line, or two lines of a wrapped
    title, giving one of the names the first line quotes (a 草案 or 征求意见稿 mark aside), with
    articles or chapters soon after, and no article before it. Read as one, the document's title
    headed the checklist and its text came before the articles as requirements."""
    # The first line, or the title wrapped over two or three lines (a PDF's large title).
    heads = ["".join(line.text for line in lines[:count]) for count in (1, 2, 3)]
    head = next((count for count, text in enumerate(heads, 1) if _DOCUMENT_NAMING.search(text)), None)
    if len(lines) < 4 or head is None:
        return [], lines
    names = {_bare_title(name) for name in _QUOTED_TITLE.findall(heads[head - 1])}
    issued = _ISSUING.search(heads[head - 1])
    # Named without 《》 (关于印发法律援助实施办法的通知), the rules' own title may add the issuer's
    # place (西岭省法律援助实施办法).
    short = _bare_title(issued.group(1).strip("《》")) if issued else ""

    def named(text: str) -> bool:
        bare = _bare_title(text)
        return not _ATTACHMENT.match(text) and (
            bare in names or (len(short) >= 4 and bare.endswith(short)))

    for index in range(head + 1, len(lines)):
        marker = _statute_marker(lines[index].text)
        if marker is not None and marker.kind in ("article", "chapter"):
            return [], lines
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        # The name on the line, or wrapped over it and the next (not the next line's alone).
        if ((named(lines[index].text) or (named(lines[index].text + following) and not named(following)))
                and any(_statute_marker(later.text) for later in lines[index + 1:index + 8])):
            return lines[:index], lines[index:]
    return [], lines


# A first line naming a statute in another document's title (关于修改《……》的决定, ……的起草说明,
# 关于印发《……》的通知).
_DOCUMENT_NAMING = re.compile(r"《[^《》]{2,60}》.{0,20}(?:决定|说明|通知|公告|通告|报告|议案|请示|函)$"
                              r"|关于(?:印发|公布|发布)[^《》]{2,60}的(?:通知|决定|公告)$")
_ISSUING = re.compile(r"关于(?:印发|公布|发布)(.{2,60})的(?:通知|决定|公告)$")
_QUOTED_TITLE = re.compile(r"《([^《》]{2,60})》")


def _bare_title(text: str) -> str:
    """A statute's name as a document quotes it: without spaces and without a closing 草案 or
    征求意见稿 mark (西岭省法律援助条例（草案） → 西岭省法律援助条例)."""
    text = re.sub(r"\s+", "", text)
    bracket = re.search(r"[（(][^（）()]{2,12}[）)]$", text)
    if bracket and _DRAFT_MARK.match(bracket.group()):
        text = text[:bracket.start()]
    return text


_LETTER_CLOSE_LINES = 8  # the most lines from the letter's 附件 line to the statute's title
# What a letter sending a statute out calls itself (not a decision or a rule of its own).
_LETTER_TITLE = re.compile(r"征求|印发|公布|发布|转发|报送|提请|(?:通知|公告|通告|函|请示|报告|议案)$")
# A statute draft's explanation (关于《……（草案）》的起草说明, 修改说明) or table of changes
# (《……》修改对照表) after its articles: no articles of the draft.
_EXPLANATION = re.compile(r"^(?![（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])"
                          r"(?:(?:关于)?[^。；，]{0,80}?(?:起草|修改|修订|制定|审查|》的)(?:情况的)?说明"
                          r"|[^。；，]{0,80}?(?:修改|修订)(?:前后)?对照表)$")


def _explanation_heading(lines: list[_Line], index: int) -> bool:
    """Whether the line opens an explanation (``_EXPLANATION``), on its own or with the next
    (a PDF may wrap it: 关于《……（草案）》的起 / 草说明)."""
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    return any(_EXPLANATION.match(text.replace(" ", "")) for text in (lines[index].text, lines[index].text + following))


def _split_explanation(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """A draft statute and the explanation or table of changes appended after its articles.
    Read as the draft's, the explanation became part of its last article (施行日期) or new
    chapters and articles (第一章“总则”共五条……), and the old text of the table carried national
    articles."""
    seen_article = False
    for index, line in enumerate(lines):
        marker = _statute_marker(line.text)
        if marker is not None and marker.kind == "article":
            seen_article = True
        elif seen_article and not starts_with_numbering(line.text) and _explanation_heading(lines, index):
            return lines[:index], lines[index:]
    return lines, []


def _split_attachments(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """An attachment list ("附件：1. 任务清单") and everything after it are not the body."""
    for index, line in enumerate(lines):
        # Not an entry of a table of contents (附件  12).
        if index >= 2 and _ATTACHMENT.match(line.text) and len(line.text) <= 60 and \
                not _TOC_PAGE.search(line.text):
            main, attachments = lines[:index], lines[index:]
            if _detect_grammar(main) == "plain" and _detect_grammar(attachments) != "plain":
                # A covering letter (批复, 印发 notice) whose substance is its attachment.
                return lines, []
            return main, attachments
    return lines, []


def _split_signature(body: list[_Line], grammar: str) -> tuple[list[_Line], list[_Line]]:
    """Separate signature, date, publication note and a further attachment from the body."""
    attachments: list[_Line] = []
    for index, line in enumerate(body):
        if index > 0 and _ATTACHMENT.match(line.text) and len(line.text) <= 60:
            body, attachments = body[:index], body[index:]
            break
    end = len(body)
    copied = [index for index in range(max(1, end - _COLOPHON_LINES), end) if _COPIED_TO.match(body[index].text)]
    if copied:
        end = copied[0]  # the 抄送 list and whatever closes the colophon after it
    while end > 0:
        text = body[end - 1].text
        if _PUBLICATION_NOTE.match(text) or _DATE.match(text) or _COLOPHON.match(text) or \
                _CONTACT_NOTE.match(text) or (_ISSUER.match(text) and grammar != "statute"):
            end -= 1
            continue
        break
    if end > 0 and end < len(body) and _CLOSING_FORMULA.match(body[end - 1].text):
        end -= 1  # 特此通知。 before the signature closes the letter, and is no requirement
    return body[:end], body[end:] + attachments


# --------------------------------------------------------------------------- section builders


@dataclass
class _Draft:
    """A section while it is being built; frozen into a Section at the end."""

    label: str
    title: str
    level: int
    kind: str
    number: int
    parent: _Draft | None
    paragraphs: list[str] = field(default_factory=list)
    id: str = ""
    line: str = ""  # the heading line's text after the label, as printed


def _assign_ids(drafts: list[_Draft]) -> None:
    counters: dict[int, int] = {}
    for draft in drafts:
        key = id(draft.parent) if draft.parent else 0
        counters[key] = counters.get(key, 0) + 1
        prefix = f"{draft.parent.id}." if draft.parent else ""
        draft.id = f"{prefix}{counters[key]}"


def _freeze(drafts: list[_Draft], preamble: list[str], *, statute: bool) -> list[Section]:
    _assign_ids(drafts)
    sections: list[Section] = []
    if preamble:
        sections.append(Section(id="0", label="", title="", level=0, kind="preamble",
                                paragraphs=tuple(preamble),
                                clauses=build_clauses("0", tuple(preamble),
                                                      skip=_furniture(preamble))))
    # A policy heading whose body is only a note (一、…… / （责任单位：省数据局）) names who
    # answers for the tasks under it; it was dropped, and those tasks had no 责任单位.
    inherited: dict[int, Note | None] = {}
    for draft in drafts:
        paragraphs = tuple(draft.paragraphs)
        note = inherited.get(id(draft.parent)) if draft.parent else None
        if not statute:
            own = heading_note(paragraphs)
            if own is not None:
                # What a heading's own note leaves unsaid, the note above it says (a deadline
                # under （一） does not take away the part's 责任单位).
                note = own if note is None else own.or_else(note)
            inherited[id(draft)] = note
        clauses = build_clauses(draft.id, paragraphs, statute=statute and draft.kind == "article")
        sections.append(Section(
            id=draft.id, label=draft.label, title=draft.title, level=draft.level,
            kind=draft.kind, number=draft.number,
            parent=draft.parent.id if draft.parent else "", paragraphs=paragraphs,
            clauses=with_heading_note(clauses, note)))
    return _first_leads_henceforth(sections)


def _first_leads_henceforth(sections: list[Section]) -> list[Section]:
    """The sections with the lead of every note after the one that says how to read them all
    (（工业和信息化部、科技部等负责。列第一位者为牵头单位，下同）): the first unit a note names,
    where it names two or more and no part itself."""
    start = next((index for index, section in enumerate(sections)
                  if any(FIRST_LEADS_HENCEFORTH.search(text)
                         for text in (section.title, *section.paragraphs))), None)
    if start is None:
        return sections
    section = sections[start]
    said = next((number for number, text in enumerate(section.paragraphs, start=1)
                 if FIRST_LEADS_HENCEFORTH.search(text)), 0)
    # In its own section, only the clauses after the note's own (those of its paragraph that
    # took its lead, or all when the heading says it).
    own = [position for position, clause in enumerate(section.clauses)
           if clause.paragraph == said and clause.lead_units]
    after = own[-1] + 1 if own else 0

    def led(clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
        return tuple(replace(clause, lead_units=clause.responsibility[:1])
                     if len(clause.responsibility) > 1 and not (clause.lead_units or clause.support_units)
                     else clause for clause in clauses)

    first = replace(section, clauses=section.clauses[:after] + led(section.clauses[after:]))
    return sections[:start] + [first] + [replace(s, clauses=led(s.clauses)) for s in sections[start + 1:]]


# An editor's mark (（本文有删减）), and a note of who made an embedded text and when
# (（民政部一九九七年一月二十八日）; （二○○四年六月十六日国务院第54次常务会议修订通过）).
_EDITORIAL = re.compile(r"^[（(](?:本文|此文|原文)?有?删(?:减|节)[）)]$")
_MADE_NOTE = re.compile(rf"^[（(][^（）()]{{0,20}}?(?:\d{{4}}|[{_N}]{{4}})\s*年[^（）()]{{0,60}}[）)]$")


def _furniture(preamble: list[str]) -> frozenset[int]:
    """Positions of the preamble lines that state nothing: what a transmittal (印发/转发……的
    通知) prints between its own text and the text it transmits — its signature and date, the
    embedded text's title (on one line or two), its addressee (国务院：) and the note of who made
    it when — and an editor's mark (（本文有删减）)."""
    skip: set[int] = set()
    lines = [re.sub(r"[\s\u3000]|&[a-z]+;", "", line) for line in preamble]
    for index, line in enumerate(lines):
        if _EDITORIAL.match(line) or _DATE.match(line):
            skip.add(index)
        elif _ISSUER.match(line) or (len(line) <= 30 and line.endswith(("：", ":"))
                                      and (_ISSUER.match(line[:-1]) or _ADDRESSEE_HINT.search(line))):
            skip.add(index)
    # A note split over lines (（二○○四年六月十六日国务院 / 第54次常务会议修订通过）).
    index = 0
    while index < len(lines):
        if lines[index].startswith(("（", "(")):
            end = index
            while end + 1 < len(lines) and end - index < 2 and not lines[end].endswith(("）", ")")):
                end += 1
            if _MADE_NOTE.match("".join(lines[index:end + 1])):
                skip.update(range(index, end + 1))
                index = end + 1
                continue
        index += 1
    # The embedded text's title: short lines with no sentence mark, next to furniture, that
    # read together as a title (关于1997年地震趋势和 / 加强防震减灾工作意见的报告).
    index = 0
    while index < len(lines):
        end = index
        while (end < len(lines) and lines[end] and end not in skip and len(lines[end]) <= _TITLE_MAX
               and not lines[end].endswith(tuple(_TERMINAL)) and end - index < 3):
            end += 1
        run = "".join(lines[index:end])
        # Next to furniture, right before the first heading, or named earlier (《……方案》已经
        # 国务院同意，现印发给你们).
        beside = (index - 1 in skip) or (end in skip) or end == len(lines) or \
            f"《{run}》" in "".join(lines[:index])
        if end > index and beside and (_TITLE_END.search(run) or run.endswith(("请示", "预案"))) \
                and not re.search(r"[。！？]", run):
            skip.update(range(index, end))
            index = end
        else:
            index = max(end, index + 1)
    return frozenset(skip)


def _split_heading(rest: str) -> tuple[str, str]:
    """Split "加强人员培训。各地区……" into a heading title and the body that follows it.

    A first sentence longer than a heading can be is body text, and so are an item of a list
    ("船舶碰撞损害责任纠纷案件；"), a sentence that states something ("清明节：4月5日至7日放假
    调休，共3天。"; 保护海底电缆是加强海防建设的重要措施。) and a rule (……应当……; 总理召集和
    主持……会议; ……由会长（理事长）……担任): the title stays empty.
    """
    match = re.search(r"[。！？]", rest)
    if match is None:
        if len(rest) <= _HEADING_TITLE_MAX and not rest.endswith(("；", ";", "，", ",")):
            return rest, ""
        return "", rest
    first = rest[:match.start()]
    if _BINDING.search(first) or _ACTOR_ACTS.search(first) or _STATES.search(first):
        return "", rest
    if len(first) <= _HEADING_TITLE_MAX and not re.search(r"[：:]", first):
        return first.strip(), rest[match.end():].strip()
    return "", rest


def _sequence(number: int, local: int, running: int) -> str:
    """How a number stands to the numbers before it of its kind.

    Args:
        number: the number of the label found.
        local: the last number of this kind under the same parent (0: none yet).
        running: the last number of this kind anywhere before (numbering that runs straight
            through the parts continues from it).

    Returns:
        "next", "gap", "repeat" or "" when the label is not a heading (body text that happens to
        open with a number).
    """
    if number == 0 or number == local + 1 or number == 1:
        return "next"
    if local:
        if local + 1 < number <= local + 1 + _MAX_GAP:
            return "gap"
        if number == local:
            return "repeat"
        return ""
    if running:
        if number == running + 1:
            return "next"
        if running + 1 < number <= running + 1 + _MAX_GAP:
            return "gap"
    return ""


def _policy_sections(body: list[_Line], preamble: list[str], warnings: list[str]) -> list[Section]:
    drafts: list[_Draft] = []
    stack: list[tuple[str, _Draft]] = []  # (numbering kind, open section) from the top level down
    last_number: dict[tuple[int, str], tuple[int, str]] = {}  # (parent, kind) → (number, label)
    running: dict[str, tuple[int, str]] = {}  # kind → (number, label) of the last anywhere
    current: _Draft | None = None
    for line in body:
        marker = _policy_marker(line.printed)
        heading = _statute_marker(line.text) if marker is None and not line.numbering else None
        if heading is not None and heading.kind != "article":
            # 第一章 / 第一节 above the 一、 parts, as 规划 and 工作规则 have them.
            marker = heading
        if marker is None and line.outline_level is not None and len(line.text) <= _HEADING_TITLE_MAX:
            marker = _Marker(f"outline{line.outline_level}", 0, "", line.text)
        if marker is not None:
            kind, number, label, rest, misprint = marker
            if kind in _STATUTE_RANK:
                depth = sum(1 for k, _ in stack if k in _STATUTE_RANK and _STATUTE_RANK[k] < _STATUTE_RANK[kind])
            else:
                depth = next((i for i, (k, _) in enumerate(stack) if k == kind), len(stack))
            parent = stack[depth - 1][1] if depth else None
            local, local_label = last_number.get((id(parent), kind), (0, ""))
            previous, previous_label = running.get(kind, (0, ""))
            relation = _sequence(number, local, previous)
            if relation:
                before = local_label or previous_label
                named = label + (_split_heading(rest)[0] or rest[:20])
                if relation == "gap":
                    warnings.append(f"编号不连续：{named}（前一项为{before}）")
                elif relation == "repeat":
                    warnings.append(f"编号重复：{named}（前一项也是{before}）")
                if misprint:
                    warnings.append(f"编号疑似误印：“{misprint}”按“{label}”读取。")
                del stack[depth:]
                if kind in _STATUTE_RANK:
                    title, first_body, name = rest, "", kind
                else:
                    title, first_body = _split_heading(rest)
                    name = _POLICY_KIND_NAMES[min(depth, len(_POLICY_KIND_NAMES) - 1)]
                level = depth + 1
                draft = _Draft(label=label, title=title, level=level, kind=name,
                               number=number, parent=parent, line=rest)
                if first_body:
                    draft.paragraphs.append(first_body)
                drafts.append(draft)
                stack.append((kind, draft))
                if number:
                    last_number[(id(parent), kind)] = (number, label)
                    running[kind] = (number, label)
                current = draft
                continue
        if current is None:
            preamble.append(line.printed)
        else:
            current.paragraphs.append(line.printed)
    # A numbered sentence with nothing under it states something ("九、本修正案自公布之日起施行。"):
    # its text is the section's body, to be compared, not a title. So is a task of a plan
    # followed only by its notes ("2.深化数字技术应用，……。（责任单位：省政府办公厅）").
    parents = {id(d.parent) for d in drafts if d.parent is not None}
    for draft in drafts:
        if not draft.title or id(draft) in parents or draft.kind in _STATUTE_RANK:
            continue
        if not draft.paragraphs and draft.line.endswith(("。", "！", "？")):
            draft.title, draft.paragraphs = "", [draft.line]
        elif draft.paragraphs and all(only_notes(p) for p in draft.paragraphs):
            # The notes stay lines of their own, read as notes on the task before them
            # (core.clauses.build_clauses), bracketed or not (责任单位：省政府办公厅).
            notes = [p for p in draft.paragraphs if p not in draft.line]
            draft.title, draft.paragraphs = "", [draft.line, *notes]
    _items_written_alike(drafts, parents)
    return _freeze(drafts, preamble, statute=False)


def _items_written_alike(drafts: list[_Draft], parents: set[int]) -> None:
    """The items of a list are written alike: where as many items run straight into their text
    (1.支持省内高校加强……，培养……人才。引导……), the first sentence of one that ran on after it
    (2.实施新型职业农民培育工程，加大对……扶持力度。大力遴选……) — a sentence of two phrases — is a
    task like theirs, not its heading, and stays its text. Items whose title stands alone on its
    line say nothing either way. In place."""
    siblings: dict[tuple[int, str], list[_Draft]] = {}
    for draft in drafts:
        if id(draft) not in parents and draft.kind not in _STATUTE_RANK and draft.number:
            siblings.setdefault((id(draft.parent), draft.kind), []).append(draft)
    for items in siblings.values():
        run_in = [d for d in items if d.title and d.paragraphs and d.line != d.title
                  and d.line.endswith(d.paragraphs[0])]
        untitled = [d for d in items if not d.title and d.line]
        if not untitled or len(untitled) < len(run_in):
            continue
        for draft in run_in:
            # A short heading (完善法人治理结构。) is one still: only a sentence of two phrases
            # reads as the items' kind of task.
            if re.search(r"[，,]", draft.title):
                draft.title, draft.paragraphs[0] = "", draft.line


def _statute_sections(body: list[_Line], preamble: list[str], warnings: list[str]) -> list[Section]:
    drafts: list[_Draft] = []
    open_by_rank: dict[int, _Draft] = {}
    current: _Draft | None = None
    last_article: tuple[int, str] = (0, "")
    last_heading: dict[tuple[int, str], int] = {}  # (parent, kind) → last number of 编/章/节
    running: dict[str, int] = {}
    articles_before_chapters = 0
    markers = [_statute_marker(line.text) for line in body]
    labelled = {m.kind for m in markers if m}
    unlabelled = _unlabelled_chapters(body, markers)
    for index, line in enumerate(body):
        marker = markers[index]
        if marker is None and index in unlabelled and current is not None \
                and current.kind == "article":
            # 农产品产地 …… 农产品生产 …… 法律责任: a copy that lost the labels of its chapters
            # (and often its 第一章 总则 line) keeps their titles on lines of their own.
            name = re.sub(r"\s+", "", line.text)
            before = current.paragraphs[-1] if current.paragraphs else ""
            if before == body[index - 1].text and not before.rstrip().endswith("。"):
                # Its first line, when the title is broken over two (听取和审议人民政府、人民法院和
                # / 人民检察院的专项工作报告), is no sentence of the article before it.
                current.paragraphs.pop()
                name = re.sub(r"\s+", "", before) + name
            marker = _Marker("chapter", unlabelled[index], "", name)
            warnings.append(f"章标题“{name}”没有编号，按{_ordinal(unlabelled[index], '章')}读取。")
        if marker is None and current is not None and current.kind == "article" and \
                _missing_chapter(body, markers, index, running.get("chapter", 0)):
            # 第一章 …… 农业技术推广体系 …… 第三章: the heading of 第二章 printed without its label.
            name = re.sub(r"\s+", "", line.text)
            before = current.paragraphs[-1] if current.paragraphs else ""
            if before == body[index - 1].text and _TITLE_START.match(before):
                # A title broken over two lines (审查工作报告、审查国民经济 / 和社会发展计划……):
                # its first line is no sentence of the article before it.
                current.paragraphs.pop()
                name = re.sub(r"\s+", "", before) + name
            number = running["chapter"] + 1
            marker = _Marker("chapter", number, "", name)
            warnings.append(f"章标题“{name}”没有编号，按{_ordinal(number, '章')}读取。")
        if marker is None and current is not None and current.kind in ("book", "chapter", "subchapter") \
                and current.title and not current.paragraphs \
                and re.sub(r"\s+", "", current.title).endswith(_JOINING) \
                and _TITLE_REST.match(line.text.strip()) is not None \
                and index + 1 < len(body) and markers[index + 1] is not None:
            # A labelled title broken over two lines (第二章 听取和审议人民政府、人民法院和 /
            # 人民检察院的专项工作报告): its second line is no sentence of the chapter.
            current.title = re.sub(r"\s+", "", current.title) + re.sub(r"\s+", "", line.text)
            continue
        if marker is None and _BARE_CHAPTER.match(line.text):
            name = re.sub(r"\s+", "", line.text)
            following = _statute_marker(body[index + 1].text) if index + 1 < len(body) else None
            if current is not None and current.kind == "chapter" and not current.title \
                    and not current.paragraphs:
                current.title = name  # "第一章" and "总则" printed on two lines
                continue
            # Read as a heading only among labelled ones and when an article follows: a code's
            # 附则 after its last 编 is a 编 of its own.
            kind = "book" if "book" in labelled else "chapter"
            if kind in labelled and following is not None and following.kind == "article":
                number = running.get(kind, 0) + 1
                marker = _Marker(kind, number, "", name)
                warnings.append(f"{_STATUTE_UNIT[kind]}标题“{name}”没有编号，"
                                f"按{_ordinal(number, _STATUTE_UNIT[kind])}读取。")
        if marker is None:
            if current is None:
                preamble.append(line.text)
            else:
                current.paragraphs.append(line.text)
            continue
        kind, number, label, rest, misprint = marker
        if misprint:
            warnings.append(f"编号疑似误印：“{misprint}”按“{label}”读取。")
        rank = _STATUTE_RANK[kind]
        # The parent is the nearest open heading of a higher rank.
        parent = next((open_by_rank[r] for r in range(rank - 1, -1, -1) if r in open_by_rank), None)
        for r in [r for r in open_by_rank if r >= rank]:
            del open_by_rank[r]
        if kind == "article":
            _check_article(number, label, last_article, warnings)
            last_article = (number, label)
            if not any(d.kind in ("book", "chapter") for d in drafts):
                articles_before_chapters += 1
            title_match = _ARTICLE_TITLE.match(rest)
            title = title_match.group(1) if title_match else ""
            first_body = rest[title_match.end():] if title_match else rest
            text_below = index + 1 < len(body) and markers[index + 1] is None
            if not title and text_below and _ARTICLE_TITLE_LINE.match(rest):
                # 第一条　立法目的 / 为了……: the article's title on its label's line, its text on
                # the next; read as a sentence, it was listed as 本省新增 and moved every 款 on.
                title, first_body = rest, ""
        else:
            # A chapter read without its label is checked by the number it was given: the
            # articles before the first one (its 总则 lost too) are in no chapter.
            _check_heading(kind, number, label or _ordinal(number, _STATUTE_UNIT[kind]),
                           last_heading.get((id(parent), kind), 0), running.get(kind, 0),
                           articles_before_chapters, warnings)
            last_heading[(id(parent), kind)] = number
            running[kind] = number
            title, first_body = rest, ""
        draft = _Draft(label=label, title=title, level=(parent.level + 1) if parent else 1,
                       kind=kind, number=number, parent=parent)
        if first_body:
            draft.paragraphs.append(first_body)
        drafts.append(draft)
        open_by_rank[rank] = draft
        current = draft
    return _freeze(drafts, preamble, statute=True)


# The first line of a chapter title broken over two lines: short, with no sentence end.
_TITLE_START = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff、\s]{1,19}$")
# A line that can be a heading: short, with no sentence punctuation and no numbering of its own.
_HEADING_LIKE = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff\s]{1,19}$")


def _unlabelled_chapters(body: list[_Line], markers: list[_Marker | None]) -> dict[int, int]:
    """Lines that are chapter titles printed without their labels, with the number each chapter
    takes: a short line with no sentence end between two articles, after a finished sentence
    (……。 / 农产品产地 / 第九条 ……), or such a title broken over two lines. Only where at least
    two such lines stand between articles — one alone may be an article's unfinished line
    (``_missing_chapter`` reads one between labelled chapters whose numbers leave room for it) —
    and where they are not the titles of nearly every article (立法目的 / 第一条 …… 适用范围 /
    第二条 ……). None where 节 are in play: a labelled 节, or a title right above another that
    does not run on into it (旅游新业态培育 / 文化旅游: a chapter and its first 节). Numbered back
    from the next labelled chapter when there is one (…… 法律责任 / 第七章 附则: 法律责任 is
    第六章), else on from the last labelled one before (第一章 总则 …… 不可移动文物: 第二章) or, with
    none, from 第二章: the articles before the first are the 总则 whose line was lost too."""
    lines = [at for at in range(len(body)) if _bare_between_articles(body, markers, at)]
    if len(lines) < 2 or any(m is not None and m.kind == "subchapter" for m in markers) or any(
            _title_above_title(body, markers, at) for at in range(len(body))):
        return {}
    articles_after = sum(1 for m in markers[lines[0]:] if m is not None and m.kind == "article")
    if len(lines) >= _ARTICLE_TITLES_SHARE * articles_after:
        return {}
    chapters = [(at, m.number) for at, m in enumerate(markers) if m and m.kind == "chapter"]
    numbers: dict[int, int] = {}
    for at in lines:
        before = [(k, number) for k, number in chapters if k < at]
        start, previous = before[-1] if before else (-1, 1)
        later = next(((k, number) for k, number in chapters if k > at), None)
        if later is not None:
            numbers[at] = later[1] - sum(1 for line in lines if at <= line < later[0])
        else:
            numbers[at] = previous + sum(1 for line in lines if start < line <= at)
        if numbers[at] <= previous:
            # More such lines than the labelled chapters leave room for: some are the titles
            # of 节 that lost their labels too (放射性污染防治 / 民用核设施营运 …… 第四章).
            return {}
    return numbers


# Titles before this share of the articles after the first are the articles' own titles.
_ARTICLE_TITLES_SHARE = 0.8
# A title a copy printed without its label: short, with no sentence end (审查和批准决算，听取和
# 审议预算执行 / 情况的报告，听取和审议审计工作报告 has commas); not a part numbered 二、.
_UNLABELLED_TITLE = re.compile(rf"^(?![{_N}]+、)[\u4e00-\u9fff][\u4e00-\u9fff、，\s]{{1,19}}$")
# How the first line of a title broken over two ends when it runs on: a word that joins
# (听取和审议人民政府、人民法院和 / 人民检察院的专项工作报告) or, unlabelled, a full line.
_JOINING = tuple("和与及、，的或")
_RUNS_ON = re.compile(rf"(?:[{''.join(_JOINING)}]|.{{12,}})$")
# The rest of a labelled title on the next line (第三章 审查和批准决算，听取和审议国民经济和 /
# 社会发展计划、预算的执行情况报告，听取和审议审计工作报告).
_TITLE_REST = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff、，\s]{1,29}$")


def _bare_between_articles(body: list[_Line], markers: list[_Marker | None], at: int) -> bool:
    """Whether line ``at`` is a short title line that an article follows and an article's
    finished sentence precedes — directly, or before the first line of a title broken over
    two."""
    if not _title_before_article(body, markers, at):
        return False
    before = body[at - 1].text.rstrip()
    return before.endswith("。") or (
        _title_line_after_sentence(body, markers, at - 1)
        and _RUNS_ON.search(re.sub(r"\s+", "", before)) is not None)


def _title_above_title(body: list[_Line], markers: list[_Marker | None], at: int) -> bool:
    """Whether line ``at`` is a title right below another that does not run on into it: a
    chapter's title and its first 节's (大气污染防治措施 / 燃煤和其他能源污染防治)."""
    return (_title_before_article(body, markers, at)
            and _title_line_after_sentence(body, markers, at - 1)
            and _RUNS_ON.search(re.sub(r"\s+", "", body[at - 1].text)) is None)


def _title_before_article(body: list[_Line], markers: list[_Marker | None], at: int) -> bool:
    following = markers[at + 1] if at + 1 < len(body) else None
    return (at > 0 and markers[at] is None and following is not None
            and following.kind == "article"
            and _UNLABELLED_TITLE.match(body[at].text.strip()) is not None
            and any(m is not None and m.kind == "article" for m in markers[:at]))


def _title_line_after_sentence(body: list[_Line], markers: list[_Marker | None], at: int) -> bool:
    return (at > 0 and markers[at] is None
            and _UNLABELLED_TITLE.match(body[at].text.strip()) is not None
            and body[at - 1].text.rstrip().endswith("。"))


def _missing_chapter(body: list[_Line], markers: list[_Marker | None], index: int,
                     chapter: int) -> bool:
    """Whether a bare line between articles is the heading of a chapter printed without its
    label: the chapters around it are labelled, an article follows the line, and the next
    labelled chapter is numbered on by one more than such lines before it (第一章 …… 第三章)."""
    def bare_heading(at: int) -> bool:
        following = markers[at + 1] if at + 1 < len(body) else None
        return (markers[at] is None and _HEADING_LIKE.match(body[at].text.strip()) is not None
                and following is not None and following.kind == "article")

    if not chapter or not bare_heading(index):
        return False
    later = next(((at, marker) for at in range(index + 1, len(body))
                  if (marker := markers[at]) is not None and marker.kind == "chapter"), None)
    if later is None:
        return False
    # As many such lines up to the next labelled chapter as chapters are missing before it
    # (第一章 …… 规划 …… 建设 …… 第四章).
    at, marker = later
    bare = sum(1 for line in range(index, at) if bare_heading(line))
    return marker.number == chapter + 1 + bare


def _ordinal(number: int, unit: str) -> str:
    return f"第{int_to_chinese(number)}{unit}"


def _check_article(number: int, label: str, last: tuple[int, str], warnings: list[str]) -> None:
    previous, previous_label = last
    if "之" in label and number == previous:
        return  # 第十七条之一 follows 第十七条
    if number == previous + 1:
        return
    if not previous:
        warnings.append(f"条文编号从{label}开始，前面的条文不在本文中。")
    elif number > previous + 1:
        missing = _ordinal(previous + 1, "条") + ("" if number == previous + 2 else
                                                  f"至{_ordinal(number - 1, '条')}")
        warnings.append(f"条文编号不连续：{label}（前一条为{previous_label}，缺{missing}）")
    elif number == previous:
        warnings.append(f"条文编号重复：{label}（前一条也是{previous_label}）")
    else:
        warnings.append(f"条文编号倒退：{label}（前一条为{previous_label}）")


def _check_heading(kind: str, number: int, label: str, local: int, running: int,
                   articles_before: int, warnings: list[str]) -> None:
    unit = _STATUTE_UNIT[kind]
    if number == local + 1 or (not local and running and number == running + 1) or \
            (number == 1 and not local):
        return
    if kind == "chapter" and not running and articles_before:
        warnings.append(f"文中没有“第一{unit}”标题，{label}之前的{articles_before}条不属于任何一{unit}。")
    elif number == local:
        warnings.append(f"{unit}编号重复：{label}（前一{unit}也是{label}）")
    elif local:
        warnings.append(f"{unit}编号不连续：{label}（前一{unit}为{_ordinal(local, unit)}）")
    else:
        warnings.append(f"{unit}编号不连续：{label}（前面没有{_ordinal(1, unit)}）")


def _plain_sections(body: list[_Line], preamble: list[str]) -> list[Section]:
    # Without headings nothing tells the preamble from the body: every paragraph is a section.
    texts = preamble + [line.text for line in body]
    drafts = [_Draft(label="", title="", level=1, kind="paragraph", number=n, parent=None,
                     paragraphs=[text]) for n, text in enumerate(texts, start=1)]
    return _freeze(drafts, [], statute=False)
