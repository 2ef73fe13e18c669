"""Text helpers shared by the stages: width folding and Chinese numerals."""

from __future__ import annotations

import re

# Full-width ASCII variants (！ to ～) sit at a fixed offset from their half-width forms.
_FULLWIDTH_OFFSET = 0xFEE0
_FOLD_TABLE = {code: code - _FULLWIDTH_OFFSET for code in range(0xFF01, 0xFF5F)}
_FOLD_TABLE[0x3000] = 0x20  # ideographic space

# Half-width punctuation to the full-width form Chinese official text uses.
_TO_FULLWIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）",
                               "!": "！", "?": "？"})

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}，。、；：！？（）“”])[ \t\u3000]+(?=[{_CJK}，。、；：！？（）“”])")


# The kinds of document a title ends in (……的通知, ……条例, ……实施方案): the outline's title and a
# web page's title above its text read them.
DOCUMENT_KINDS = ("意见|通知|条例|办法|规定|决定|方案|规划|法|细则|纲要|报告|函|批复|公告|通告|规则|措施|计划|要点|"
                  "答复|命令|章程|准则|标准|决议|指引|指南|清单")
# A 发文字号 on a line of its own (国办发〔2019〕3号, 西政发〔2023〕 5 号).
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*\d+\s*号$")

# A statute's 项 opens with its number in brackets: （一）, (二).
ITEM_LABEL = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
# 应 as a binding word (对……人员，应给予……), not inside a word: 应急, 应用, 应对, 应变, 应届,
# 应诉, 应征, 应答, 应聘, 应季; 供应, 反应, 回应, 响应, 适应, 相应, 对应, 效应, 顺应, 因应, 呼应,
# 感应; nor a pledge's 应保尽保, 应收尽收.
BINDING_YING = (r"(?<![供反回响适相对效顺因呼感])应(?![急用对变届诉征援答聘季])"
                r"(?!(?P<pledged>[\u4e00-\u9fff])尽(?P=pledged))")


def book_title(name: str) -> str:
    """A title in book-title marks, a title inside it in the inner marks:
    北京市实施《中华人民共和国教师法》办法 → 《北京市实施〈中华人民共和国教师法〉办法》."""
    return "《" + name.replace("《", "〈").replace("》", "〉") + "》"


def fold_width(text: str) -> str:
    """Map full-width ASCII letters, digits and punctuation to half-width (for pattern matching)."""
    return text.translate(_FOLD_TABLE)


# Punctuation, brackets and spaces of either width: what two texts may differ in and still say the
# same words.
PUNCTUATION = re.compile(r"[\s\u3000。，、；：！？“”‘’（）()《》〈〉【】〔〕\[\]{}<>「」『』…—\-·.,;:!?\"'/\\|%％+＋]")


def words_only(text: str) -> str:
    """A text's characters with width folded and punctuation and spaces dropped."""
    return PUNCTUATION.sub("", fold_width(text))


def to_fullwidth_punctuation(text: str) -> str:
    """Map half-width , ; : ( ) ! ? to their full-width forms; leaves dots and digits alone."""
    return text.translate(_TO_FULLWIDTH)


def squeeze_cjk_spaces(text: str) -> str:
    """Remove spaces sitting between two CJK characters or CJK punctuation."""
    return _SPACE_BETWEEN_CJK.sub("", text)


_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}

CHINESE_NUMERAL = "零〇○一二两三四五六七八九十百千"

# The provincial-level regions, by the short names their own organs and places bear (上海市……,
# 河北省邢台市……, 内蒙古自治区……).
PROVINCIAL_REGIONS = ("北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|"
                      "湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|香港|"
                      "澳门|台湾")
# Those with a sea coast, and those with a land border: what a national text lays on the
# governments of 沿海 or 边境 places is not laid on the others.
COASTAL_REGIONS = frozenset("天津 河北 辽宁 上海 江苏 浙江 福建 山东 广东 广西 海南 香港 澳门 台湾".split())
BORDER_REGIONS = frozenset("辽宁 吉林 黑龙江 内蒙古 甘肃 新疆 西藏 云南 广西".split())
# Those with ethnic autonomous areas (民族自治地方: an autonomous region, prefecture or county):
# all but 北京 天津 上海 山西 江苏 安徽 福建 江西 山东 河南 陕西.
AUTONOMOUS_AREA_REGIONS = frozenset(
    "河北 辽宁 吉林 黑龙江 浙江 湖北 湖南 广东 广西 海南 重庆 四川 贵州 云南 西藏 甘肃 青海 宁夏 新疆 "
    "内蒙古".split())


def issuing_region(title: str) -> str:
    """The provincial-level region a text's title names as its issuer ("北京" for
    北京市实施《中华人民共和国防洪法》办法 or 北京市人民政府关于……的实施意见); "" when the title
    names none before the national text it implements."""
    head = re.split(r"关于|《|实施", title, maxsplit=1)[0]
    # Joint issuers name the region after the Party committee (中共浙江省委 浙江省人民政府).
    found = re.search(rf"(?:^|\s|中共)({PROVINCIAL_REGIONS})", head.strip())
    return found.group(1) if found else ""


def chinese_to_int(numeral: str) -> int:
    """Value of a Chinese numeral such as "三", "十二", "二十一", "一百零五", or one written digit
    by digit ("二〇二二"); digits pass through.

    Raises:
        ValueError: when the string is not a numeral.
    """
    numeral = fold_width(numeral.strip())
    if numeral.isdigit():
        return int(numeral)
    if not numeral or any(ch not in _DIGITS and ch not in _UNITS for ch in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    if len(numeral) > 1 and not any(ch in _UNITS for ch in numeral):
        # Digit by digit, as years are written: "二〇二二", "一〇五".
        return int("".join(str(_DIGITS[ch]) for ch in numeral))
    total, current = 0, 0
    for ch in numeral:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        else:
            total += (current or 1) * _UNITS[ch]
            current = 0
    return total + current


# Misprints met in the numerals of statute headings: a dash for 一 ("第三十－条"), a letter O for 〇.
_NUMERAL_MISPRINTS = str.maketrans({"－": "一", "—": "一", "–": "一", "‐": "一", "-": "一",
                                    "O": "〇", "o": "〇", "Ｏ": "〇", "ｏ": "〇"})
_SPACES = re.compile(r"[\s\u3000]+")


def repair_numeral(numeral: str) -> str:
    """A numeral as it was meant to be printed: spaces dropped, full-width digits folded, and in a
    Chinese numeral a dash read as 一 and a letter O as 〇 ("三十－" → "三十一").

    Digits are left as digits ("５４" → "54"); a string mixing digits with anything else is
    returned without its spaces and otherwise unchanged (chinese_to_int then refuses it).
    """
    squeezed = fold_width(_SPACES.sub("", numeral))
    if squeezed.isdigit():
        return squeezed
    if any(ch.isdigit() for ch in squeezed):
        return squeezed
    return squeezed.translate(_NUMERAL_MISPRINTS)


def numeral_value(numeral: str) -> int:
    """Value of a numeral as printed in a heading, misprints repaired (see repair_numeral).

    Raises:
        ValueError: when the string is not a numeral even after repair.
    """
    return chinese_to_int(repair_numeral(numeral))


def int_to_chinese(number: int) -> str:
    """A positive integer below 10000 as an ordinal numeral is printed: 1 → "一", 10 → "十",
    21 → "二十一", 105 → "一百零五", 1259 → "一千二百五十九"."""
    if not 0 < number < 10000:
        return str(number)
    digits = "零一二三四五六七八九"
    parts: list[str] = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit:
            if zero and parts:
                parts.append("零")
            parts.append(digits[digit] + unit)
            zero = False
        else:
            zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text
