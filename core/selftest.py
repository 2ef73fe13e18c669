"""`duizhao --selftest`: compare the bundled sample pair, export and re-read a Word checklist."""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from core.errors import DuizhaoError
from core.resources import SAMPLE_NATIONAL, SAMPLE_PROVINCIAL, samples_dir

CHECKLIST_HEADER = "国家文件条款"
ADDITIONS_HEADER = "本省新增内容"


class SelftestError(DuizhaoError):
    """The installed program does not work as it should (exit code 1: not the user's fault)."""

    exit_code = 1


@dataclass(frozen=True)
class SelftestResult:
    """What the self test did: counts from the comparison and from the re-read checklist."""

    clauses: int
    covered: int
    partial: int
    missing: int
    additions: int
    exported_rows: int
    seconds: float

    def describe(self) -> str:
        """One Chinese line for the terminal."""
        return (f"自检通过：示例文件国家条款 {self.clauses} 条，已覆盖 {self.covered} 条、"
                f"部分覆盖 {self.partial} 条、未覆盖 {self.missing} 条，本省新增 {self.additions} 条；"
                f"导出 Word 对照清单 {self.exported_rows} 行，用时 {self.seconds:.1f} 秒")


def _data_rows(table) -> list:
    """Rows that carry an item: they start with their number (section heading rows are merged)."""
    rows = []
    for row in table.rows[1:]:
        cells = row.cells
        if cells[0].text.strip().isdigit() and cells[0]._tc is not cells[-1]._tc:
            rows.append(cells)
    return rows


def _check_checklist(path: Path, comparison) -> int:
    """Read an exported checklist back; returns its item rows, raises SelftestError on a mismatch."""
    from docx import Document  # python-docx, as a user's Word would see the file

    try:
        document = Document(str(path))
    except Exception as error:  # any failure to open is a broken export
        raise SelftestError(f"自检失败：导出的 Word 文件无法打开（{error}）", path=str(path)) from error
    tables = {table.rows[0].cells[1].text: table for table in document.tables if table.rows}
    if CHECKLIST_HEADER not in tables:
        raise SelftestError("自检失败：导出的 Word 文件中没有逐条对照表", path=str(path))
    rows = _data_rows(tables[CHECKLIST_HEADER])
    if len(rows) != len(comparison.clauses):
        raise SelftestError(f"自检失败：对照表有 {len(rows)} 行，应为 {len(comparison.clauses)} 行",
                            path=str(path))
    for cells, finding in zip(rows, comparison.clauses):
        if finding.clause.text not in cells[1].text:
            raise SelftestError(f"自检失败：对照表第 {cells[0].text} 行与条款 N{finding.clause.id} 不符",
                                path=str(path))
    additions = _data_rows(tables[ADDITIONS_HEADER]) if ADDITIONS_HEADER in tables else []
    if len(additions) != len(comparison.additions):
        raise SelftestError(f"自检失败：新增内容表有 {len(additions)} 行，"
                            f"应为 {len(comparison.additions)} 行", path=str(path))
    return len(rows) + len(additions)


def run_selftest(samples: str | os.PathLike | None = None) -> SelftestResult:
    """Compare the bundled sample pair, export the Word checklist to a temporary folder, re-read it.

    Args:
        samples: the folder holding the sample pair (default: where the app finds it, frozen or not).

    Returns:
        The counts seen, for one line of output.

    Raises:
        SelftestError: a sample is missing, the comparison found nothing, or the export does not
            hold the comparison's rows. Read and export errors (DuizhaoError) pass through.
    """
    from core.compare import compare_files
    from core.export import export_word

    started = time.perf_counter()
    folder = Path(samples) if samples is not None else samples_dir()
    national, provincial = folder / SAMPLE_NATIONAL, folder / SAMPLE_PROVINCIAL
    for path in (national, provincial):
        if not path.is_file():
            raise SelftestError("自检失败：未找到示例文件，安装可能不完整", path=str(path))
    comparison = compare_files(national, provincial)
    summary = comparison.summary
    if summary.clauses == 0 or summary.covered == 0:
        raise SelftestError(f"自检失败：示例对照结果异常（国家条款 {summary.clauses} 条，"
                            f"已覆盖 {summary.covered} 条）")
    with tempfile.TemporaryDirectory(prefix="duizhao-selftest-") as temporary:
        written = export_word(comparison, Path(temporary) / "自检对照清单.docx")
        rows = _check_checklist(written, comparison)
    return SelftestResult(summary.clauses, summary.covered, summary.partial, summary.missing,
                          summary.additions, rows, time.perf_counter() - started)
