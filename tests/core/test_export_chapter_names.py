"""A statute's chapters in the Word and Excel reports are named as printed and as the app's
trees show them: 第一章 总则, the label set apart from its title."""

from __future__ import annotations

from docx import Document
from openpyxl import load_workbook

from core.export import export_excel, export_word
from tests.core.test_export_statutes import statutes
from tests.core.test_export_word import TODAY


def _cells(document) -> list[str]:
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def test_word_and_excel_set_a_chapter_label_apart_from_its_title(tmp_path):
    comparison = statutes()
    document = Document(str(export_word(comparison, tmp_path / "清单.docx", today=TODAY)))
    cells = _cells(document)
    # The overview's 国家文件部分 read 第一章总则, 第二章附则.
    assert "第一章 总则" in cells and "第二章 附则" in cells
    assert "第一章总则" not in cells
    gaps = Document(str(export_word(comparison, tmp_path / "差距.docx", report="gaps", today=TODAY)))
    assert "第一章 总则" in _cells(gaps)
    book = load_workbook(export_excel(comparison, tmp_path / "结果.xlsx"), read_only=True)
    values = {str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
              for value in row if value is not None}
    book.close()
    assert "第一章 总则" in values and "第一章总则" not in values
