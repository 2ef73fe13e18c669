"""Number formats of Word list numbering (w:numFmt): 一 / 壹 / 甲 / ① / a / iv …"""

from __future__ import annotations

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def chinese_counting(value: int, *, legal: bool = False) -> str:
    """Writes a number in Chinese counting: 1 一, 10 十, 11 十一, 21 二十一, 105 一百零五.

    Args:
        value: the number, 0 to 99,999,999; larger values fall back to Arabic digits.
        legal: use the financial ("大写") digits 壹贰叁 and 拾佰仟; 10 is then 壹拾.

    Returns:
        The number in Chinese characters.
    """
    if value < 0 or value >= 10**8:
        return str(value)
    digits = _CN_LEGAL_DIGITS if legal else _CN_DIGITS
    units = ("", "拾", "佰", "仟") if legal else ("", "十", "百", "千")
    if value == 0:
        return digits[0]
    zero = "零"  # a zero read inside a number is 零 in both styles: 一百零一

    def below_10000(number: int) -> str:
        out: list[str] = []
        zero_pending = False
        for power in (3, 2, 1, 0):
            digit = number // 10**power % 10
            if digit == 0:
                zero_pending = bool(out)
                continue
            if zero_pending:
                out.append(zero)
                zero_pending = False
            out.append(digits[digit] + units[power])
        return "".join(out)

    high, low = divmod(value, 10000)
    if high:
        text = below_10000(high) + "万"
        if low:
            # 10,005 is 一万零五: a zero is read when the lower group does not fill 4 digits.
            text += (zero if low < 1000 else "") + below_10000(low)
    else:
        text = below_10000(low)
    if not legal and text.startswith("一十"):
        # Everyday usage (and Word's output) says 十一, not 一十一, for 10–19.
        text = text[1:]
    return text


def ideograph_digital(value: int) -> str:
    """Digit by digit in ideographs: 10 一〇, 2018 二〇一八."""
    return "".join(_CN_DIGITS[int(d)] for d in str(value))


def roman(value: int) -> str:
    """Upper-case Roman numerals for 1–3999; other values as Arabic digits."""
    if not 0 < value < 4000:
        return str(value)
    out = []
    for number, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):
        count, value = divmod(value, number)
        out.append(letters * count)
    return "".join(out)


def letters(value: int) -> str:
    """Word's letter numbering: a … z, then aa … zz, aaa … (the letter repeats)."""
    if value <= 0:
        return str(value)
    repeat, index = divmod(value - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def enclosed_circle(value: int) -> str:
    """① … ⑳, ㉑ … ㊿; beyond 50 Word writes plain digits."""
    if 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if 21 <= value <= 35:
        return chr(0x3251 + value - 21)
    if 36 <= value <= 50:
        return chr(0x32B1 + value - 36)
    return str(value)


def format_number(value: int, num_fmt: str) -> str:
    """Formats a list counter the way Word displays it for a w:numFmt value.

    Args:
        value: the counter.
        num_fmt: the ST_NumberFormat name ("decimal", "chineseCounting", "upperRoman" …).
            "bullet" and "none" give "". Unknown formats fall back to Arabic digits.

    Returns:
        The formatted number.
    """
    if num_fmt in ("bullet", "none"):
        return ""
    if num_fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
                   "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseDigitalTenThousand"):
        return chinese_counting(value)
    if num_fmt in ("chineseLegalSimplified", "japaneseLegal"):
        return chinese_counting(value, legal=True)
    if num_fmt in ("ideographDigital", "taiwaneseDigital"):
        return ideograph_digital(value)
    if num_fmt == "ideographTraditional":
        return _HEAVENLY_STEMS[(value - 1) % 10] if value > 0 else str(value)
    if num_fmt == "ideographZodiac":
        return _EARTHLY_BRANCHES[(value - 1) % 12] if value > 0 else str(value)
    if num_fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(value).translate(_FULLWIDTH_DIGITS)
    if num_fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return enclosed_circle(value)
    if num_fmt == "decimalEnclosedFullstop" and 1 <= value <= 20:
        return chr(0x2488 + value - 1)
    if num_fmt == "decimalEnclosedParen" and 1 <= value <= 20:
        return chr(0x2474 + value - 1)
    if num_fmt == "decimalZero":
        return f"{value:02d}"
    if num_fmt == "lowerLetter":
        return letters(value)
    if num_fmt == "upperLetter":
        return letters(value).upper()
    if num_fmt == "lowerRoman":
        return roman(value).lower()
    if num_fmt == "upperRoman":
        return roman(value)
    return str(value)
