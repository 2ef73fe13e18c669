"""Builds the reader test fixtures in tests/data/ (run once; the outputs are committed).

    .venv/bin/python tests/data/make_fixtures.py            # everything but the encrypted file
    /tmp/crypto-venv/bin/python tests/data/make_fixtures.py --encrypted
    /tmp/ofd-venv/bin/python tests/data/make_fixtures.py --ofd   # after policy.pdf

The encrypted .docx needs msoffcrypto-tool, which is not a project dependency: make a
throwaway venv (`python3 -m venv /tmp/crypto-venv && /tmp/crypto-venv/bin/pip install
msoffcrypto-tool python-docx`) and run the script with it. The PDFs and the .doc need
LibreOffice (soffice) and poppler-utils (pdftoppm). policy.ofd is policy.pdf converted by
easyofd, an OFD converter the project does not depend on, so that the OFD reader is tested on a
file it did not write (`python3 -m venv /tmp/ofd-venv && /tmp/ofd-venv/bin/pip install easyofd
python-docx`); easyofd 20260427 puts its elements in a namespace of its own and writes `size` for
the standard's `Size`, which the reader takes as they come.

The document builders (`add_list_definition`, `set_list_level`) are also imported by the tests
to write real Word auto-numbering with python-docx and lxml.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

DATA = Path(__file__).resolve().parent
# The national guideline came with the project brief and is committed: the fixtures are built
# from it, never from ../shared/corpus (whose texts may not be committed).
GUIDELINE = DATA / "corpus" / "national-guideline-digital-government-2022.txt"
FONT = "Noto Sans CJK SC"  # installed with fonts-noto-cjk; keeps LibreOffice's layout deterministic


# --- Word numbering helpers (used by the tests too) -------------------------------------------


def add_list_definition(document, levels, *, start_overrides=None, abstract_id=None) -> int:
    """Writes a list definition into the document's numbering part and returns its numId.

    Args:
        document: a python-docx Document.
        levels: (numFmt, lvlText, start) for levels 0, 1, 2 …
        start_overrides: {ilvl: start} written as w:lvlOverride/w:startOverride on the w:num.
        abstract_id: reuse an existing abstractNum instead of writing a new one.

    Returns:
        The new w:numId.
    """
    numbering = document.part.numbering_part.element
    if abstract_id is None:
        existing = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
        abstract_id = max(existing, default=-1) + 1
        level_xml = "".join(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="{640}"/></w:pPr></w:lvl>'
            for ilvl, (fmt, text, start) in enumerate(levels)
        )
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{level_xml}</w:abstractNum>'
        )
        # Schema order: every w:abstractNum comes before the first w:num.
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max(num_ids, default=0) + 1
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (start_overrides or {}).items()
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        )
    )
    return num_id


def abstract_id_of(document, num_id: int) -> int:
    """The abstractNumId a w:num points at."""
    numbering = document.part.numbering_part.element
    for num in numbering.findall(qn("w:num")):
        if int(num.get(qn("w:numId"))) == num_id:
            return int(num.find(qn("w:abstractNumId")).get(qn("w:val")))
    raise KeyError(num_id)


def set_list_level(paragraph, num_id: int, ilvl: int) -> None:
    """Gives a paragraph Word numbering (w:numPr) at a level of a list."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


# In w:lvlText, %N stands for the counter of level N (1-based): level 1 shows its own number
# with %2, level 2 with %3. ("（%1）" on level 1 would repeat the level-0 number.)
POLICY_LEVELS = [("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1), ("decimal", "%3.", 1)]


# --- the short policy document in five forms --------------------------------------------------


def policy_lines() -> list[str]:
    """The excerpt of 国发〔2022〕14号 in the cross-format fixtures, as committed.

    Read from the committed ``policy-gb18030.txt`` with an explicit codec and line ending, so a
    test compares each form with the text the fixtures were written from; a test checks that
    this is still the excerpt :func:`policy_lines_from_guideline` makes.
    """
    raw = (DATA / "policy-gb18030.txt").read_bytes().decode("gb18030")
    assert raw.endswith("\r\n")
    return raw[:-2].split("\r\n")


# The website copy of the guideline has half-width commas, colons and brackets; the fixtures
# are set as the official document is, in full width.
FULL_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})


def policy_lines_from_guideline() -> list[str]:
    """The excerpt of the national guideline (国发〔2022〕14号) the fixtures are built from.

    The shape of a short State Council document: title, 文号, addressees, preamble; part 一 with
    sections （一）–（三） and items 1.–4. under （三）; part 二 with unnumbered paragraphs; then
    the signature, date and publication note. The body is the guideline's own wording (its
    basic principles become the numbered items), with full-width punctuation.
    """
    lines = [line.translate(FULL_WIDTH) for line in GUIDELINE.read_text(encoding="utf-8").splitlines()]

    def after(heading: str, count: int = 1) -> list[str]:
        start = lines.index(heading) + 1
        return lines[start:start + count]

    principles = after("2. 基本原则。", 4)
    return [
        lines[0],
        "国发〔2022〕14号",
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        lines[1],
        "一、发展现状和总体要求",
        "（一）发展现状。",
        *after("（一）发展现状。"),
        "（二）主要目标。",
        *after("3. 主要目标。"),
        "（三）基本原则。",
        *(f"{number}.{text}" for number, text in enumerate(principles, start=1)),
        "二、构建协同高效的政府数字化履职能力体系",
        *after("二、构建协同高效的政府数字化履职能力体系"),
        *after("（六）加快推进数字机关建设，提升政务运行效能。"),
        "各地区各部门要结合实际认真抓好贯彻落实，重大事项及时向国务院请示报告。",
        "国务院",
        "2022年6月6日",
        "（此件公开发布）",
    ]


def _level_of(line: str) -> tuple[int | None, str, str]:
    """(list level, typed label, text without label) for a line of the excerpt."""
    import re

    for level, pattern in enumerate((r"^([一二三四五六七八九十]+、)", r"^(（[一二三四五六七八九十]+）)", r"^(\d+\.)")):
        match = re.match(pattern, line)
        if match:
            return level, match.group(1), line[match.end():]
    return None, "", line


def _set_east_asian_font(run, name: str = FONT) -> None:
    run.font.name = name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _page_setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = document.styles["Normal"]
    normal.font.size = Pt(14)
    normal.font.name = FONT
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _add_running_header_and_page_numbers(document) -> None:
    """A running header and a "— 3 —" footer, as on printed government documents."""
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_east_asian_font(header.add_run("加强数字政府建设指导意见（节选）"))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_east_asian_font(footer.add_run("— "))
    footer._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:rFonts w:eastAsia="{FONT}"/></w:rPr>'
            "<w:t>1</w:t></w:r></w:fldSimple>"
        )
    )
    _set_east_asian_font(footer.add_run(" —"))


def build_policy_docx(*, autonumber: bool) -> docx.Document:
    """The excerpt as a .docx: typed numbers, or Word auto-numbering with the labels removed."""
    document = docx.Document()
    _page_setup(document)
    _add_running_header_and_page_numbers(document)
    num_id = add_list_definition(document, POLICY_LEVELS) if autonumber else None
    lines = policy_lines_from_guideline()
    for index, line in enumerate(lines):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        text = line
        if index == 0:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(text)
            run.bold = True
            run.font.size = Pt(18)
            _set_east_asian_font(run)
            continue
        if index == 1:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif index >= len(lines) - 3 and index < len(lines) - 1:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif index > 2:
            paragraph.paragraph_format.first_line_indent = Pt(28)
        level, label, rest = _level_of(line)
        if level is not None and autonumber:
            set_list_level(paragraph, num_id, level)
            text = rest
        run = paragraph.add_run(text)
        run.bold = level == 0
        _set_east_asian_font(run)
    return document


def write_policy_txt(path: Path) -> None:
    """The excerpt in GB18030 with Windows line ends, as Notepad on a Chinese Windows saves it."""
    path.write_bytes("\r\n".join(policy_lines_from_guideline()).encode("gb18030") + b"\r\n")


def write_policy_html(path: Path) -> None:
    """The excerpt as a gov.cn-like page: chrome around a content cell, inline styles, a <br>."""
    lines = policy_lines_from_guideline()
    body_style = "margin-top: 0px; margin-bottom: 0px; text-indent: 2em; text-align: justify; font-family: 宋体;"
    parts = [
        f'<p style="text-align: center; font-family: 宋体;"><span style="font-weight: bold; font-size: 18pt;">{lines[0]}</span></p>',
        f'<p style="text-align: center;"><span style="font-family: 楷体, 楷体_GB2312;">{lines[1]}</span></p>',
        f'<p align="" style="{body_style}"><br> </p>',
    ]
    for line in lines[2:-3]:
        level, _, _ = _level_of(line)
        if level == 0:
            parts.append(f'<p align="" style="{body_style}"><span style="font-weight: bold;">{line}</span></p>')
        else:
            parts.append(f'<p align="" style="{body_style}">{line}</p>')
    signature, date, note = lines[-3:]
    # The signature block is one <p> split by <br>, as many CMS editors write it.
    parts.append(
        f'<p style="text-align: right; font-family: 宋体;">{signature}&nbsp;&nbsp;&nbsp;&nbsp;<br>'
        f"{date}&nbsp;&nbsp;&nbsp;</p>"
    )
    parts.append(f'<p align="" style="{body_style}">{note}</p>')
    content = "\n".join(parts)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{lines[0]}_政府信息公开专栏</title>
<style>body {{ font-size: 14px; }} .nav a {{ color: #333; }}</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("统计代码");</script>
</head>
<body>
<div class="header"><div class="nav"><a href="/">首页</a> | <a href="/zhengce/">政策</a> | <a href="/hudong/">互动</a> | <a href="/fuwu/">服务</a></div></div>
<div class="BreadcrumbNav">当前位置：首页 &gt; 政策 &gt; 国务院政策文件库 &gt; 国务院文件</div>
<table class="bd1" width="100%"><tbody>
<tr><td class="bd1"><b>标　　题：</b></td><td colspan="3">{lines[0]}</td></tr>
<tr><td><b>发文字号：</b></td><td>{lines[1]}</td><td><b>发布日期：</b></td><td>2022年6月23日</td></tr>
</tbody></table>
<table width="100%"><tbody>
<tr>
<td class="b12c" id="UCAP-CONTENT">{content}</td>
</tr>
</tbody></table>
<div class="editor">【我要纠错】 责任编辑：某某</div>
<div class="footer"><p>版权所有：中国政府网 | 中文简体 | 网站地图 | 联系我们</p><p>京ICP备05070218号</p></div>
</body>
</html>
"""
    path.write_text(page, encoding="utf-8")


# --- conversions with LibreOffice and poppler -------------------------------------------------


def soffice_convert(source: Path, target_format: str, out_dir: Path) -> Path:
    """Converts with LibreOffice in a throwaway profile; returns the output file."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed to make this fixture")
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home)
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{home}/profile", "--headless", "--norestore",
             "--convert-to", target_format, "--outdir", str(out_dir), str(source)],
            check=True, env=env, timeout=180, capture_output=True,
        )
    extension = target_format.split(":")[0]
    return out_dir / f"{source.stem}.{extension}"


def image_only_pdf(gray_pixels: bytes, width: int, height: int) -> bytes:
    """A one-page PDF whose only content is a grey-scale image: what a scanner produces."""
    image = zlib.compress(gray_pixels, 9)
    page_w, page_h = 595, 842
    content = f"q {page_w} 0 0 {page_h} 0 0 cm /Im0 Do Q".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w} {page_h}] "
        f"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>".encode(),
        f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray "
        f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(image)} >>\nstream\n".encode()
        + image + b"\nendstream",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def make_scanned_pdf(source_pdf: Path, target: Path) -> None:
    """Rasterises the first page of a PDF at low resolution into an image-only PDF."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", str(source_pdf), f"{tmp}/page"],
            check=True,
        )
        pgm = next(Path(tmp).glob("page*.pgm")).read_bytes()
    # Binary PGM: "P5\n<width> <height>\n<maxval>\n<pixels>"
    fields = pgm.split(maxsplit=4)
    width, height = int(fields[1]), int(fields[2])
    pixels = fields[4][-width * height:]
    target.write_bytes(image_only_pdf(pixels, width, height))


def build_block_paragraph_docx() -> docx.Document:
    """Block paragraphs (no first-line indent, space between paragraphs) with a 第 N 页 共 M 页 footer."""
    document = docx.Document()
    _page_setup(document)
    section = document.sections[0]
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:t xml:space="preserve">第 </w:t></w:r>'
        )
    )
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    footer._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> 页 共 </w:t></w:r>'))
    footer._p.append(
        parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )
    footer._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> 页</w:t></w:r>'))
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.add_run("起草对照测试文件")
    for paragraph_text in block_paragraph_texts():
        paragraph = document.add_paragraph(paragraph_text)
        paragraph.paragraph_format.space_after = Pt(12)
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return document


def block_paragraph_texts() -> list[str]:
    """Paragraphs for block-paragraphs.pdf: long ones that span lines and pages, numbered heads."""
    sentence = "各地区各部门要按照统一部署推进政务服务标准化规范化便利化建设，"
    texts = []
    for number in range(1, 7):
        texts.append(f"第{'一二三四五六'[number - 1]}条 总体安排")
        texts.append(sentence * 4 + f"确保第{number}项任务按期完成。")
        texts.append(f"（{number}）细化分工。" + sentence * 2 + "并于年底前报送进展情况。")
    return texts


def make_encrypted_docx(target: Path) -> None:
    """A small .docx protected with the password "duizhao" (needs msoffcrypto-tool)."""
    import msoffcrypto.format.ooxml  # noqa: PLC0415 - only in the throwaway venv

    document = docx.Document()
    document.add_paragraph("这是一份设置了打开密码的测试文档。")
    plain = io.BytesIO()
    document.save(plain)
    plain.seek(0)
    encrypted = io.BytesIO()
    office_file = msoffcrypto.format.ooxml.OOXMLFile(plain)
    office_file.encrypt("duizhao", encrypted)
    target.write_bytes(encrypted.getvalue())


def make_encrypted_pdf(target: Path) -> None:
    """A PDF that needs the password "duizhao" to open (LibreOffice's PDF export options)."""
    document = docx.Document()
    document.add_paragraph("这是设置了打开密码的 PDF 测试文件。")
    options = (
        '{"EncryptFile":{"type":"boolean","value":"true"},'
        '"DocumentOpenPassword":{"type":"string","value":"duizhao"}}'
    )
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "encrypted.docx"
        document.save(source)
        shutil.copyfile(soffice_convert(source, f"pdf:writer_pdf_Export:{options}", Path(tmp)), target)


def make_old_doc(target: Path) -> None:
    """A Word 97 .doc (an OLE2 container, not a zip) converted by LibreOffice."""
    document = docx.Document()
    document.add_paragraph("关于开展测试工作的通知", style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("一、总体要求")
    document.add_paragraph("（一）工作目标。按期完成旧版文档格式的读取测试。")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "old-format.docx"
        document.save(source)
        converted = soffice_convert(source, 'doc:MS Word 97', Path(tmp))
        shutil.copyfile(converted, target)


def make_converted_ofd(source_pdf: Path, target: Path) -> None:
    """An OFD file made from a PDF by easyofd (needs easyofd, which is not a project dependency)."""
    from easyofd.ofd import OFD  # noqa: PLC0415 - only in the throwaway venv

    target.write_bytes(OFD().pdf2ofd(source_pdf.read_bytes(), optional_text=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encrypted", action="store_true", help="only make encrypted.docx (needs msoffcrypto-tool)")
    parser.add_argument("--ofd", action="store_true", help="only make policy.ofd from policy.pdf (needs easyofd)")
    args = parser.parse_args()
    if args.encrypted:
        make_encrypted_docx(DATA / "encrypted.docx")
        return
    if args.ofd:
        make_converted_ofd(DATA / "policy.pdf", DATA / "policy.ofd")
        return
    build_policy_docx(autonumber=False).save(DATA / "policy-typed.docx")
    build_policy_docx(autonumber=True).save(DATA / "policy-autonum.docx")
    write_policy_txt(DATA / "policy-gb18030.txt")
    write_policy_html(DATA / "policy.html")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = soffice_convert(DATA / "policy-typed.docx", "pdf", Path(tmp))
        shutil.copyfile(pdf, DATA / "policy.pdf")
        block_docx = Path(tmp) / "block-paragraphs.docx"
        build_block_paragraph_docx().save(block_docx)
        shutil.copyfile(soffice_convert(block_docx, "pdf", Path(tmp)), DATA / "block-paragraphs.pdf")
    make_scanned_pdf(DATA / "policy.pdf", DATA / "scanned.pdf")
    make_old_doc(DATA / "old-format.doc")
    make_encrypted_pdf(DATA / "encrypted.pdf")


if __name__ == "__main__":
    main()
