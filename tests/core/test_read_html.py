"""Web pages saved from government sites: main text only, blocks and <br> lines as paragraphs."""

from __future__ import annotations

import pytest

from core.errors import DocumentReadError, EmptyDocumentError
from core.outline import outline_document
from core.read import read_document
from tests.conftest import DATA, NEW_MEDIA_HTML, NEW_MEDIA_TXT
from tests.data.make_fixtures import policy_lines


@pytest.mark.needs_corpus
def test_gov_cn_content_cell_matches_the_corpus_text_but_for_the_split_title():
    # The page sets the title as two centred <p>; the .txt has it on one line. Joining leading
    # centred title lines is the outline stage's job, so the reader keeps both.
    document = read_document(NEW_MEDIA_HTML)
    texts = [p.text for p in document.paragraphs]
    lines = NEW_MEDIA_TXT.read_text(encoding="utf-8").splitlines()

    assert texts[0] + texts[1] == lines[0]
    assert texts[2:] == lines[1:]
    assert document.format == "html"
    assert document.encoding == "utf-8"


@pytest.mark.needs_corpus
def test_gov_cn_title_lines_are_centered_and_bold():
    paragraphs = read_document(NEW_MEDIA_HTML).paragraphs
    assert [(p.centered, p.bold) for p in paragraphs[:3]] == [(True, True), (True, True), (True, False)]
    heading = next(p for p in paragraphs if p.text == "一、总体要求")
    assert heading.bold and not heading.centered
    # "（二）内容保障。" is in one span and the rest of the paragraph in another, not bold.
    mixed = next(p for p in paragraphs if p.text.startswith("（二）内容保障。"))
    assert not mixed.bold
    assert not any(p.centered for p in paragraphs[3:])


def test_page_chrome_is_dropped_and_br_splits_a_block():
    document = read_document(DATA / "policy.html")
    texts = [p.text for p in document.paragraphs]
    assert texts == policy_lines()
    joined = "".join(texts)
    for chrome in ("首页", "当前位置", "版权所有", "统计代码", "责任编辑", "发文字号"):
        assert chrome not in joined


def test_declared_gb2312_charset_is_decoded_as_gb18030(tmp_path):
    # Pages labelled gb2312 often hold characters outside it (镕 is GBK only).
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>通知</title></head><body><div id=\"zoom\"><p align=\"center\"><strong>关于印发实施方案的通知</strong></p>"
        "<p>　　各市人民政府：</p><p>　　经研究，朱镕基同志的讲话精神要认真贯彻。</p></div></body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gb18030"))
    document = read_document(path)
    assert document.encoding == "gb18030"
    assert [p.text for p in document.paragraphs] == ["关于印发实施方案的通知", "各市人民政府：", "经研究，朱镕基同志的讲话精神要认真贯彻。"]
    assert document.paragraphs[0].centered and document.paragraphs[0].bold


def test_without_a_known_container_the_block_with_most_chinese_text_is_taken(tmp_path):
    page = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>p{margin:0}</style>
<script>var menu = "首页 新闻 政策";</script></head><body>
<nav><a href="/">首页</a><a href="/news">新闻中心</a></nav>
<div class="sidebar"><p>热点专题</p><p>网站地图</p></div>
<div class="main-body">
  <p style="text-align:center"><span style="font-weight:700">某省关于加快数字政府建设的实施意见</span></p>
  <p>为贯彻落实国务院关于加强数字政府建设的指导意见，结合本省实际，提出如下实施意见。</p>
  <p><b>一、总体要求</b></p>
  <p>到2025年，与政府治理能力现代化相适应的数字政府顶层设计更加完善。<br>
     到2035年，与国家治理体系和治理能力现代化相适应的数字政府体系框架更加成熟完备。</p>
  <div style="display:none">隐藏的统计脚本说明文字</div>
  <table><tr><td>责任单位</td><td>省数据局</td></tr></table>
</div>
<footer>主办单位：某省人民政府办公厅</footer>
</body></html>"""
    path = tmp_path / "page.HTML"
    path.write_text(page, encoding="utf-8")
    paragraphs = read_document(path).paragraphs
    assert [p.text for p in paragraphs] == [
        "某省关于加快数字政府建设的实施意见",
        "为贯彻落实国务院关于加强数字政府建设的指导意见，结合本省实际，提出如下实施意见。",
        "一、总体要求",
        "到2025年，与政府治理能力现代化相适应的数字政府顶层设计更加完善。",
        "到2035年，与国家治理体系和治理能力现代化相适应的数字政府体系框架更加成熟完备。",
        "责任单位",
        "省数据局",
    ]
    assert [p.bold for p in paragraphs[:4]] == [True, False, True, False]
    assert paragraphs[0].centered
    assert [p.in_table for p in paragraphs] == [False] * 5 + [True, True]


def test_html_without_charset_is_detected(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes("<p>一、总体要求</p><p>（一）指导思想。</p>".encode("gb18030"))
    document = read_document(path)
    assert document.encoding == "gb18030"
    assert [p.text for p in document.paragraphs] == ["一、总体要求", "（一）指导思想。"]


def test_xhtml_with_xml_declaration_reads_without_warnings(tmp_path):
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><div class="TRS_Editor"><p>第一条 为了规范管理，制定本办法。</p>'
        "<p>第二条 本办法适用于本省。</p></div></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert [p.text for p in read_document(path).paragraphs] == ["第一条为了规范管理，制定本办法。", "第二条本办法适用于本省。"]


def test_a_table_of_tasks_on_a_page_is_read_row_by_row(tmp_path):
    """As in a Word file (test_read_docx): one paragraph a row, the task then its note; a unit
    spanning two rows belongs to both; a row across the table is its own text."""
    page = tmp_path / "分工.html"
    page.write_text(
        "<html><head><meta charset='utf-8'></head><body><div>"
        "<p>西岭省数字政府建设实施方案</p><p>一、重点任务分工</p>"
        "<table><tr><th>序号</th><th>重点任务</th><th>责任单位</th><th>完成时限</th></tr>"
        "<tr><td>1</td><td>加强经济数据整合<br>建设经济治理基础数据库</td>"
        "<td rowspan='2'>省发展改革委<br>省统计局</td><td>2024年底前</td></tr>"
        "<tr><td>2</td><td>推进智慧应急建设</td><td>2025年底前</td></tr>"
        "<tr><td colspan='4'>二、保障措施</td></tr></table>"
        "<table><tr><td>指标</td><td>2025年</td></tr><tr><td>政务服务事项网上可办率</td><td>95%</td></tr></table>"
        "<p>表格后的段落。</p></div></body></html>", encoding="utf-8")
    paragraphs = read_document(page).paragraphs
    assert [p.text for p in paragraphs] == [
        "西岭省数字政府建设实施方案", "一、重点任务分工",
        "加强经济数据整合。建设经济治理基础数据库。（责任单位：省发展改革委、省统计局；完成时限：2024年底前）",
        "推进智慧应急建设。（责任单位：省发展改革委、省统计局；完成时限：2025年底前）",
        "二、保障措施",
        # Any other table is read cell by cell, as before.
        "指标", "2025年", "政务服务事项网上可办率", "95%",
        "表格后的段落。"]


def _single_file_page(html: str) -> bytes:
    """A page saved whole as a browser saves it (“网页，单个文件”, .mht): a MIME multipart/related
    message, the page in quoted-printable in its own charset (GB2312), then a picture in base64."""
    import base64
    import quopri

    boundary = "----MultipartBoundary--xiling----"
    page = quopri.encodestring(html.encode("gb18030")).decode("ascii")
    picture = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(64)).decode("ascii")
    return (f'From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.xiling.gov.cn/zwgk/c5.html\r\n'
            f'Subject: =?utf-8?B?{base64.b64encode("西岭省人民政府".encode()).decode()}?=\r\nMIME-Version: 1.0\r\n'
            f'Content-Type: multipart/related; type="text/html"; boundary="{boundary}"\r\n\r\n'
            f'--{boundary}\r\nContent-Type: text/html; charset="gb2312"\r\n'
            f'Content-Transfer-Encoding: quoted-printable\r\n'
            f'Content-Location: https://www.xiling.gov.cn/zwgk/c5.html\r\n\r\n{page}\r\n'
            f'--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n'
            f'Content-Location: https://www.xiling.gov.cn/images/logo.png\r\n\r\n{picture}\r\n'
            f'--{boundary}--\r\n').encode("ascii")


def test_a_single_file_web_page_reads_as_the_page_it_holds(tmp_path):
    """IE, 360 and Word save a page whole as .mht: it was refused as an unknown format."""
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            '<title>西岭省人民政府</title></head><body><div class="nav">首页 政务公开 政策文件</div>'
            '<div class="content"><p align="center"><b>西岭省人民政府关于加强数字政府建设的实施意见</b></p>'
            '<p>各市（州）人民政府，省政府各部门：</p><p>一、总体要求</p>'
            '<p>（一）推进数据共享。建立全省政务数据目录，实行“一数一源一标准”。</p>'
            '<p>（二）优化政务服务。推动政务服务事项“一网通办”，提升办事便利度。</p>'
            '<p align="right">西岭省人民政府</p><p align="right">2023年1月10日</p></div>'
            '<div class="footer">主办：西岭省人民政府办公厅 网站标识码：5200000001</div></body></html>')
    saved = tmp_path / "实施意见.mht"
    saved.write_bytes(_single_file_page(html))
    page = tmp_path / "实施意见.html"
    page.write_bytes(html.encode("gb18030"))
    assert [p.text for p in read_document(saved).paragraphs] == [p.text for p in read_document(page).paragraphs]
    assert "（一）推进数据共享。建立全省政务数据目录，实行“一数一源一标准”。" in [
        p.text for p in read_document(saved).paragraphs]
    # A plain page named .mht reads as the page; a file with no page in it says so.
    named = tmp_path / "网页.mht"
    named.write_bytes(html.encode("gb18030"))
    assert read_document(named).paragraphs == read_document(page).paragraphs
    empty = tmp_path / "空.mht"
    empty.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nnothing here\r\n")
    with pytest.raises(DocumentReadError, match="不是有效的单个文件网页"):
        read_document(empty)


_CHROME_TOP = ('<div class="header"><div class="nav"><a href="/">首页</a><a>政务公开</a><a>政策文件</a><a>互动交流</a></div></div>'
               '<div class="position">当前位置：<a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>政策文件</a></div>')
_CHROME_BOTTOM = '<div class="footer">主办单位：西岭省人民政府办公厅　网站标识码：5200000001　黔ICP备05000001号</div>'
_TITLE = "西岭省人民政府办公厅关于做好城镇小区配套幼儿园治理工作的通知"
_BODY = ("<p>各市（州）人民政府，省政府各部门：</p><p>为做好治理工作，现就有关事项通知如下：</p><p>一、总体要求</p>"
         "<p>聚焦小区配套幼儿园规划、建设、移交、办园等环节存在的突出问题开展治理。</p><p>二、重点任务</p>"
         "<p>（一）严格依标配建幼儿园。新建小区配套幼儿园要与居住区同步规划、同步建设、同步交付使用。</p>"
         "<p>（二）确保配套幼儿园如期移交。已建成的小区配套幼儿园应按照规定移交当地教育行政部门。</p>")
_BODY_TEXTS = ["各市（州）人民政府，省政府各部门：", "为做好治理工作，现就有关事项通知如下：", "一、总体要求",
               "聚焦小区配套幼儿园规划、建设、移交、办园等环节存在的突出问题开展治理。", "二、重点任务",
               "（一）严格依标配建幼儿园。新建小区配套幼儿园要与居住区同步规划、同步建设、同步交付使用。",
               "（二）确保配套幼儿园如期移交。已建成的小区配套幼儿园应按照规定移交当地教育行政部门。"]


def _page(tmp_path, body: str, head: str = "", name: str = "page.htm") -> list[str]:
    path = tmp_path / name
    path.write_text(f'<html><head><meta charset="utf-8">{head}</head><body>{_CHROME_TOP}{body}{_CHROME_BOTTOM}'
                    "</body></html>", encoding="utf-8")
    return [p.text for p in read_document(path).paragraphs]


@pytest.mark.parametrize("body", [
    # A sidebar of links named like a container (div.content) before the text.
    '<div class="right"><div class="content"><div>最新文件</div><ul>'
    + "".join(f"<li><a>西岭省人民政府关于第{n}批示范幼儿园名单的通知</a></li>" for n in range(1, 9))
    + f'</ul></div></div><div class="left"><div class="mainbox"><div class="tit">{_TITLE}</div>{_BODY}</div></div>',
    # No known container: the text in divs of its own, the nav bar long.
    f'<div class="wrap"><div class="tit">{_TITLE}</div>' + _BODY.replace("<p>", "<div>").replace("</p>", "</div>") + "</div>",
    # The text in a #content that also holds the information table; the title in an <h1> above it.
    f'<div id="content"><table><tr><td>索引号：</td><td>000014349/2019-00012</td><td>发文机关：</td><td>西岭省人民政府办公厅</td></tr>'
    f'<tr><td>标题：</td><td>{_TITLE}</td><td>成文日期：</td><td>2019年2月20日</td></tr></table>'
    f'<h1>{_TITLE}</h1><div class="TRS_Editor">{_BODY}</div></div>',
], ids=["sidebar-named-content", "unnamed-container", "information-table"])
def test_the_text_is_found_however_the_page_wraps_it(tmp_path, body):
    """A sidebar named content was taken for the text (the text lost); without a known
    container the whole page was read, nav bar first; an information table was sentences."""
    assert _page(tmp_path, body) == [_TITLE, *_BODY_TEXTS]


def test_two_blocks_of_one_name_are_both_the_text(tmp_path):
    """A notice, then the plan it issues, each in a TRS_Editor: the plan was lost."""
    plan = ("<p>城镇小区配套幼儿园治理工作方案</p><p>一、治理范围</p>"
            "<p>全省城镇小区配套幼儿园均纳入治理范围，包括老城区、新城区和易地扶贫搬迁安置区的配套幼儿园。</p>")
    texts = _page(tmp_path, f'<div class="TRS_Editor"><p>{_TITLE}</p>{_BODY}</div><div class="attach">附件</div>'
                            f'<div class="TRS_Editor">{plan}</div>')
    assert texts[-3:] == ["城镇小区配套幼儿园治理工作方案", "一、治理范围",
                          "全省城镇小区配套幼儿园均纳入治理范围，包括老城区、新城区和易地扶贫搬迁安置区的配套幼儿园。"]
    assert texts[:2] == [_TITLE, _BODY_TEXTS[0]]


@pytest.mark.parametrize("above, head", [
    (f'<h1 class="mhide">{_TITLE}</h1><div class="info">发布时间：2019-02-25</div>', ""),
    ("", f'<meta name="ArticleTitle" content="{_TITLE}"><title>{_TITLE}_西岭省人民政府</title>'),
    ("", f"<title>{_TITLE}_政府信息公开_西岭省人民政府</title>"),
], ids=["h1-above", "meta", "window-title"])
def test_a_title_outside_the_texts_container_is_the_title(tmp_path, above, head):
    """gov.cn pages print the title above the content cell (or only in the head) and open the
    cell with the 发文字号: the 发文字号 or the 主送 was taken for the title."""
    texts = _page(tmp_path, f'{above}<div id="UCAP-CONTENT"><p>西政办发〔2019〕12号</p>{_BODY}</div>', head)
    assert texts == [_TITLE, "西政办发〔2019〕12号", *_BODY_TEXTS]
    outline = outline_document(read_document(tmp_path / "page.htm"))
    assert (outline.title, outline.doc_number, outline.addressees) == (
        _TITLE, "西政办发〔2019〕12号", "各市（州）人民政府，省政府各部门：")
    # A text that opens with its own title takes none from around it.
    assert _page(tmp_path, f'<h1>西岭省人民政府关于其他事项的通知</h1><div id="zoom"><p>{_TITLE}</p>{_BODY}</div>')[0] == _TITLE


def test_the_title_and_number_above_an_old_table_layouts_text(tmp_path):
    """An old table page: title and 发文字号 centred in the cell above the paragraphs."""
    body = (f"<table><tr><td><a>首页</a> | <a>政务公开</a></td></tr><tr><td><center><b>{_TITLE}</b></center>"
            f"<center>西政办发〔2019〕12号</center><font size=4>{_BODY}</font></td></tr>"
            "<tr><td>版权所有 西岭省人民政府办公厅 ICP备案号：黔ICP备05000001号</td></tr></table>")
    assert _page(tmp_path, body) == [_TITLE, "西政办发〔2019〕12号", *_BODY_TEXTS]


@pytest.mark.parametrize("container", [
    '<pre>{}</pre>', '<div class="article-content" style="white-space: pre-line">{}</div>',
    '<div id="zoom"><p>{}</p></div>',
], ids=["pre", "pre-line", "display-block"])
def test_line_breaks_the_page_keeps_are_paragraphs(tmp_path, container):
    """Text in <pre>, under white-space: pre-line, or in spans set out as blocks came out as one
    paragraph: no structure at all."""
    lines = [_TITLE, *_BODY_TEXTS]
    if "zoom" in container:
        text = "".join(f'<span style="display:block;text-indent:2em">{line}</span>' for line in lines)
    else:
        text = "\n".join(lines)
    assert _page(tmp_path, container.format(text)) == lines


def test_a_numbered_lists_numbers_are_read_as_the_browser_draws_them(tmp_path):
    """<ol> items lost the 1. 2. the browser draws before them, and with it their sections."""
    body = (f'<div id="zoom"><p>{_TITLE}</p><p>一、工作任务</p><ol><li><p>严格依标配建幼儿园。新建小区同步配建。</p></li>'
            '<li><p>确保如期移交。按规定移交。</p></li></ol><p>第六条　举办幼儿园应当具备下列条件：</p>'
            '<ol style="list-style-type: cjk-ideographic"><li>有组织机构和章程；</li><li>有符合规定的园舍。</li></ol>'
            '<ol style="list-style: none"><li>三、保障措施</li></ol><ol><li>4.已有编号的一项</li></ol></div>')
    assert _page(tmp_path, body)[1:] == [
        "一、工作任务", "1.严格依标配建幼儿园。新建小区同步配建。", "2.确保如期移交。按规定移交。",
        "第六条举办幼儿园应当具备下列条件：", "一、有组织机构和章程；", "二、有符合规定的园舍。", "三、保障措施",
        "4.已有编号的一项"]


def test_text_the_pages_style_sheet_hides_is_not_read(tmp_path):
    """A desktop copy hidden by class (.pchide{display:none}) was read as text; a rule for small
    screens only (@media) hides nothing on the desktop."""
    head = ("<style>.pchide{display:none} @media (max-width: 768px) { .pconly { display: none } } "
            "#mobile, .x{ visibility: hidden }</style>")
    body = (f'<div id="zoom"><p>{_TITLE}</p><div class="pchide"><p>（手机版）一、总体要求</p></div>'
            f'<div class="pconly">{_BODY}</div><p id="mobile">手机版正文</p></div>')
    assert _page(tmp_path, body, head) == [_TITLE, *_BODY_TEXTS]


def test_a_chinese_page_labelled_latin_1_is_read_as_what_its_bytes_are(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
                     f'<body><div id="zoom"><p>{_TITLE}</p>{_BODY}</div></body></html>'.encode("gb18030"))
    document = read_document(path)
    assert [p.text for p in document.paragraphs] == [_TITLE, *_BODY_TEXTS]
    assert "网页声明的编码（iso-8859-1）与内容不符" in document.warnings[0]


def test_a_text_in_a_frame_saved_beside_the_page_is_read(tmp_path):
    """“网页，全部” keeps a law's viewer frame in the page's _files folder: only the site's bar
    was read, and the law was lost."""
    frames = tmp_path / "law_files"
    frames.mkdir()
    (frames / "viewer.html").write_text(
        f'<html><head><meta charset="utf-8"></head><body><div class="law"><p>{_TITLE}</p>{_BODY}</div></body></html>',
        encoding="utf-8")
    body = ('<div class="law-title"><h1>国家法律法规数据库</h1></div><iframe src="./law_files/viewer.html"></iframe>'
            '<iframe src="https://flk.npc.gov.cn/viewer.html"></iframe><iframe src="../outside.html"></iframe>')
    (tmp_path.parent / "outside.html").write_text("<p>不在网页的文件夹中，不读。</p>" * 50, encoding="utf-8")
    path = tmp_path / "law.htm"
    path.write_text(f'<html><head><meta charset="utf-8"></head><body>{_CHROME_TOP}{body}{_CHROME_BOTTOM}</body></html>',
                    encoding="utf-8")
    document = read_document(path)
    assert [p.text for p in document.paragraphs] == [_TITLE, *_BODY_TEXTS]
    assert document.warnings == ("网页正文在框架中，已读取随网页保存的框架文件“viewer.html”。",)


def test_a_task_table_under_a_caption_row_is_read_row_by_row(tmp_path):
    """A 分工表 whose first row is its caption across the table was read cell by cell: 序号, 1,
    省自然资源厅 … each a sentence listed as 本省新增."""
    table = ('<table border="1"><tr><td colspan="4" align="center"><b>重点任务分工</b></td></tr>'
             "<tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>完成时限</td></tr>"
             "<tr><td>1</td><td>将配套幼儿园纳入控制性详细规划</td><td>省自然资源厅</td><td>2019年6月底前</td></tr>"
             "<tr><td>2</td><td>公布举报电话和邮箱</td><td>各市（州）人民政府</td><td>2019年3月底前</td></tr></table>")
    texts = _page(tmp_path, f'<div id="zoom"><p>{_TITLE}</p><p>二、重点任务</p>{table}</div>')
    assert texts == [_TITLE, "二、重点任务", "将配套幼儿园纳入控制性详细规划。（牵头单位：省自然资源厅；完成时限：2019年6月底前）",
                     "公布举报电话和邮箱。（牵头单位：各市（州）人民政府；完成时限：2019年3月底前）"]


def test_what_a_review_of_the_page_reading_found_it_taking(tmp_path):
    """From a review of the readings above: a policy's 解读 in div.article below it, a law in
    Word's bookmark <a name>, a sentence naming 标题：/文号：, a form in the text, a tab shown by
    a second rule, a reset style sheet's unnumbered lists, a page with no text."""
    reading = "<p>政策解读</p><p>这份实施意见的出台，对于推动我省幼儿园治理具有重要意义，解读如下。</p>" * 2
    assert _page(tmp_path, f'<div id="UCAP-CONTENT"><p>{_TITLE}</p>{_BODY}</div>'
                           f'<div class="article">{reading}</div>') == [_TITLE, *_BODY_TEXTS]
    assert _page(tmp_path, f'<div><a name="_Hlk1"><p>{_TITLE}</p>{_BODY}</a></div>') == [_TITLE, *_BODY_TEXTS]
    form = ("<table><tr><td>标题：</td><td></td></tr><tr><td>文号：</td><td></td></tr>"
            "<tr><td>发布日期：</td><td></td></tr></table>")
    sentence = "<p>报送材料须写明标题：文件全称；文号：发文字号；发布日期：公布日期。</p>"
    texts = _page(tmp_path, f'<div id="zoom"><p>{_TITLE}</p>{_BODY}{sentence}{form}</div>')
    assert "标题：" in texts and "报送材料须写明标题：文件全称；文号：发文字号；发布日期：公布日期。" in texts
    tabs = "<style>.tabcon{display:none} .tabcon.on{display:block}</style>"
    assert _page(tmp_path, f'<div class="tabcon on"><div id="zoom"><p>{_TITLE}</p>{_BODY}</div></div>'
                           f'<div class="tabcon"><p>正文解读</p></div>', tabs) == [_TITLE, *_BODY_TEXTS]
    reset = "<style>ol, li { list-style: none; }</style>"
    assert _page(tmp_path, f'<div id="zoom"><p>{_TITLE}</p><ol><li>各市（州）人民政府：</li></ol></div>',
                 reset) == [_TITLE, "各市（州）人民政府："]
    empty = tmp_path / "shell.html"
    empty.write_text(f"<html><head><title>{_TITLE}_西岭省人民政府</title></head><body><div id='app'></div>"
                     "<script>render()</script></body></html>", encoding="utf-8")
    with pytest.raises(EmptyDocumentError):
        read_document(empty)


def test_only_frames_saved_with_the_page_are_read_each_once(tmp_path):
    """A frame is read from the page's own _files folder only: not a file beside the page, not
    the page itself however often it frames itself, and not for an .mht."""
    (tmp_path / "index.html").write_text(f'<html><body><p>{"无关的网页。" * 200}</p></body></html>', encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(f'<html><head><meta charset="utf-8"></head><body><div id="zoom"><p>{_TITLE}</p>{_BODY}</div>'
                    + '<iframe src="index.html"></iframe><iframe src="page.html"></iframe>' * 50 + "</body></html>",
                    encoding="utf-8")
    document = read_document(page)
    assert [p.text for p in document.paragraphs] == [_TITLE, *_BODY_TEXTS] and document.warnings == ()


def test_a_single_file_page_with_odd_mime_headers_is_read(tmp_path):
    """A start parameter in RFC 2231 form and a page labelled Latin-1 raised AttributeError or
    came out as nonsense."""
    html = f'<html><body><div id="zoom"><p>{_TITLE}</p>{_BODY}</div></body></html>'
    saved = _single_file_page(html).replace(b'type="text/html";', b"type=\"text/html\"; start*=utf-8''%3Cpage%3E;")
    saved = saved.replace(b'charset="gb2312"', b'charset="iso-8859-1"')
    path = tmp_path / "odd.mht"
    path.write_bytes(saved)
    assert [p.text for p in read_document(path).paragraphs] == [_TITLE, *_BODY_TEXTS]


def test_a_text_split_over_pages_on_the_site_is_said_to_be_one_page_of_it(tmp_path):
    """A site splits a long text into pages (共2页 上一页 1 2 下一页): saved, the page holds only the
    first, and the rest was missing from the comparison without a word. A list of related files
    paged the same way beside the text says nothing of the text."""
    bar = '<div class="page"><span>共2页</span> <a>首页</a> <a>上一页</a> <a>1</a> <a>2</a> <a>下一页</a></div>'
    path = tmp_path / "page.htm"
    path.write_text(f'<html><head><meta charset="utf-8"></head><body><div id="zoom"><p>{_TITLE}</p>{_BODY}{bar}</div>'
                    "</body></html>", encoding="utf-8")
    assert read_document(path).warnings == (
        "网页显示正文分为2页，保存的网页只有其中一页：请在网站上打开“全文”或逐页保存后再对照，以免漏掉内容。",)
    related = bar.replace("共2页", "共5页")
    path.write_text(f'<html><head><meta charset="utf-8"></head><body><div id="zoom"><p>{_TITLE}</p>{_BODY}</div>'
                    f'<div class="footer">x</div><div class="x">y</div><div class="related"><ul><li><a href="/1">'
                    f'相关文件</a></li></ul>{related}</div></body></html>', encoding="utf-8")
    assert read_document(path).warnings == ()
