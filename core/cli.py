"""The `duizhao` command: the same core calls the desktop app makes, for terminals and scripts."""

# The engine, the readers and their libraries (jieba, numpy, rapidfuzz, python-docx, lxml, bs4)
# are imported inside the handlers that use them, so `--version` and `--help` start at once.
from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from core import __version__
from core.errors import DuizhaoError
from core.files import refuse_input_as_output, write_text_atomically
from core.model import STATUS_LABELS, Comparison, Status
from core.text import book_title


def _print_outline(outline) -> None:
    print(f"{book_title(outline.title or '（无标题）')}  {outline.doc_number}".rstrip())
    grammar = {"policy": "政策文件编号", "statute": "法规条文编号", "plain": "无编号（按段落）"}
    print(f"结构：{grammar[outline.grammar]}，章节 {len(outline.sections)} 个，"
          f"句子 {len(outline.clauses())} 句")
    for section in outline.sections:
        indent = "  " * max(section.level - 1, 0)
        name = section.heading if section.id != "0" else "（前言）"
        print(f"{indent}{name}  [{len(section.clauses)}句]")
    for warning in outline.warnings:
        print(f"提示：{warning}")


def _cmd_outline(args: argparse.Namespace) -> int:
    from core.outline import outline_document
    from core.read import read_document
    from core.serialize import outline_to_dict

    outline = outline_document(read_document(args.file))
    if args.json:
        json.dump(outline_to_dict(outline), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_outline(outline)
    return 0


def _summary_line(noun: str, summary, unit: str) -> str:
    """The counts of one summary, every number with its unit: 条 for a statute's articles and
    a policy's clauses, 句 for a statute's sentences (so that 条 keeps meaning an article), as
    the desktop summary bar and the Word report count them; shares are of what is expected of
    the province (``labels.expected_shares``)."""
    from core.export import labels

    counts = {Status.COVERED.value: summary.covered, Status.PARTIAL.value: summary.partial,
              Status.MISSING.value: summary.missing, Status.NOT_EXPECTED.value: summary.not_expected}
    return f"{noun} {summary.clauses} {unit}：" + labels.expected_shares(counts, unit)


def _print_comparison(comparison: Comparison) -> None:
    from core.align import clause_name  # loaded already: the comparison was just made

    national, provincial = comparison.national, comparison.provincial
    summary = comparison.summary
    print(f"国家文件：{book_title(national.title or national.path)}")
    print(f"地方文件：{book_title(provincial.title or provincial.path)}")
    by_article = comparison.article_summary
    if by_article is None:
        noun, unit = "国家文件条款", "条"
    else:
        print(_summary_line("国家文件按条对照，共", by_article, "条") + "（逐句明细见导出的清单）")
        noun, unit = "国家文件逐句对照，共", "句"
    from core.export.labels import local_word

    print(_summary_line(noun, summary, unit)
          + f"；{local_word(provincial.title)}新增 {summary.additions} {unit}")
    for warning in comparison.warnings:
        print(f"提示：{warning}")
    for label, document in (("国家文件", national), ("地方文件", provincial)):
        for warning in document.warnings:  # e.g. content the reader could not take (altChunk)
            print(f"提示（{label}）：{warning}")
    if by_article is not None:
        _print_articles(comparison)
        return
    for status in (Status.MISSING, Status.PARTIAL):
        findings = [f for f in comparison.clauses if f.status is status]
        if not findings:
            continue
        print(f"\n【{STATUS_LABELS[status]}】{len(findings)} 条")
        for finding in findings:
            # Named as a reviewer names them ("一、（一）第5句", "前言第2句"), never by the
            # ids of the JSON ("N1.1-5"), which are for programs.
            clause = finding.clause
            print(f"  {clause_name(national, clause)}：{clause.text}")
            if finding.matches:
                match = finding.matches[0].clause
                print(f"      对应 {clause_name(provincial, match)}"
                      f"（相似度 {finding.score:.1f}）：{match.text}")
            if finding.gaps:
                print("      " + "；".join(g.describe() for g in finding.gaps))


def _print_articles(comparison: Comparison) -> None:
    """Statutes: every missing, partial or not-expected national article with why, and for a
    partial one the sentences not found in the articles that carry it."""
    national = comparison.national
    missing_sentences: dict[str, list[str]] = {}
    for finding in comparison.clauses:
        if finding.status is Status.MISSING:
            missing_sentences.setdefault(finding.clause.section, []).append(finding.clause.text)
    for status in (Status.MISSING, Status.PARTIAL, Status.NOT_EXPECTED):
        articles = [a for a in comparison.articles if a.status is status]
        if not articles:
            continue
        print(f"\n【{STATUS_LABELS[status]}】{len(articles)} 条")
        for article in articles:
            section = national.section(article.national)
            print(f"  {national.label_path(section.id)}：{_shortened(''.join(section.paragraphs))}")
            print(f"      {article.reason.text}")
            if status is Status.PARTIAL:
                for text in missing_sentences.get(section.id, []):
                    print(f"      未见：{text}")


def _shortened(text: str, limit: int = 60) -> str:
    """The text, or its first ``limit`` characters and an ellipsis."""
    return text if len(text) <= limit else text[:limit] + "……"


def _add_report_arguments(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """-o/--output and --report, the same for a fresh comparison and a reviewed project."""
    parser.add_argument("-o", "--output", metavar="FILE", required=required,
                        help="导出结果：.docx（Word 对照清单或差距分析报告）、.xlsx 或 .json")
    parser.add_argument("--report", choices=("checklist", "gaps"), default="checklist",
                        help="Word 报告类型：checklist 起草对照清单（默认），gaps 差距分析报告")


def _progress_printer(enabled: bool):
    if not enabled:
        return None

    def report(done: int, total: int, message: str) -> None:
        print(f"\r{message} {100 * done // total:3d}%", end="", file=sys.stderr, flush=True)
        if done >= total:
            print(file=sys.stderr)

    return report


def _cmd_compare(args: argparse.Namespace) -> int:
    from core import session
    from core.serialize import comparison_to_dict

    for target in (args.output, args.json):
        if target and target != "-":  # refused before any work, and before anything is written
            refuse_input_as_output(target, (args.national, args.provincial))
    comparison = session.compare_documents(national=args.national, provincial=args.provincial,
                                           progress=_progress_printer(args.progress))
    if session.sides_swapped(comparison.national, comparison.provincial):
        print("提示：国家文件一侧像是地方文件、地方文件一侧像是国家文件，两个文件可能写反了顺序"
              "（duizhao compare 国家文件 地方文件）。", file=sys.stderr)
    written = None
    if args.output:
        written = session.export_comparison(comparison=comparison, path=args.output,
                                            report=args.report)
    if args.json:
        text = json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2) + "\n"
        if args.json == "-":
            sys.stdout.write(text)
            return 0
        write_text_atomically(args.json, text)
    _print_comparison(comparison)
    if written:
        print(f"\n已导出：{written}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    # Imported here: python-docx/openpyxl and the project store only when exporting.
    from core import session

    # Exporting only reads: it may run while the project is open in the app.
    with session.open_to_read(path=args.project) as project:
        exported = session.export_project(project=project, path=args.output, report=args.report)
    print(f"已导出：{exported.path}（审核决定 {exported.decisions} 项已计入）")
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    """`duizhao batch`: one national text against many local ones, as a matrix."""
    from core import batch as batching  # imported here: the pool and exports only when used
    from core.export.matrix import export_matrix

    def one_line_per_text(done: int, total: int, message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    progress = one_line_per_text if args.progress else None
    if args.chain:
        if len(args.locals) != 2:
            print("错误：--chain 需要三个文件：国家文件 省级文件 市级文件。", file=sys.stderr)
            return 2
        result = batching.compare_chain(args.national, *args.locals, unit=args.unit,
                                        workers=args.workers, progress=progress)
    else:
        result = batching.compare_many(args.national, batching.expand_inputs(args.locals),
                                       unit=args.unit, workers=args.workers, progress=progress)
    notes: tuple[str, ...] = ()
    if args.review:
        projects, notes = batching.review_projects(result, args.review)
        result, unused = batching.with_pair_reviews(result, projects)
        notes += unused
    written = [export_matrix(result, path) for path in (args.output, args.json) if path]
    unit = "条" if result.unit == batching.ARTICLE else "句"
    national = sum(1 for item in result.items if item.level == "national")
    print(f"国家文件：{book_title(result.national.title or result.national.path)}，按{unit}对照 {national} 项")
    for index, local in enumerate(result.locals):
        summary = result.summary(index)
        if summary is None:
            print(f"  {local.name}：无法对照——{local.error}")
            continue
        counts = "，".join(f"{STATUS_LABELS[s]} {summary.counts.get(s, 0)}"
                          for s in batching.STATUS_ORDER)
        reviewed = f"（经审核调整 {local.reviewed} 项）" if local.reviewed else ""
        print(f"  {local.name}：{counts}；覆盖率（含部分）{summary.carried_percent:.1f}%{reviewed}")
    for given, reason in result.left_out:
        print(f"  未对照 {Path(given).name}：{reason}")
    for note in notes:
        print(f"  未采用审核项目 {note}")
    if result.kind == "chain":
        print(f"逐级落实：{batching.chain_wording(result)}")
    else:
        rows = sorted(range(len(result.items)), key=result.missing_count, reverse=True)[:5]
        compared = sum(1 for local in result.locals if local.ok)
        if rows and result.missing_count(rows[0]):
            print(f"未覆盖最多的{unit}：")
            for row in rows:
                if result.missing_count(row):
                    item = result.items[row]
                    print(f"  {item.label}：{result.missing_count(row)}/{compared} 个地方文件未覆盖")
    for path in written:
        print(f"已导出：{path}")
    if not any(local.ok for local in result.locals):
        # Nothing was compared: a script that checks the exit code must not take it for a run.
        print("错误：没有一个地方文件能够对照，原因见上。", file=sys.stderr)
        return 2
    return 0


def _cmd_app(args: argparse.Namespace) -> int:
    # Imported by name so that core never depends on Qt; the desktop package owns the handler.
    try:
        desktop_app = importlib.import_module("desktop.app")
    except ImportError:
        # A command-line-only install (no PySide6, or no desktop package) has no window to open.
        print("错误：桌面程序不可用（未安装图形界面组件 PySide6）。请使用安装包安装完整版本，"
              "或安装 duizhao[gui]。", file=sys.stderr)
        return 2
    return desktop_app.run_from_cli(args)


def _run_selftest() -> int:
    """`duizhao --selftest`: one Chinese line either way; 0 when the installed program works."""
    from core.selftest import run_selftest

    try:
        result = run_selftest()
    except DuizhaoError as error:
        message = str(error)
        print(message if message.startswith("自检失败") else f"自检失败：{message}", file=sys.stderr)
        return 1
    except Exception as error:  # the self test's purpose is to report any breakage in one line
        print(f"自检失败：{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(result.describe())
    return 0


# argparse's own messages for a wrong command line, as the user reads them.
_USAGE_ERRORS = (
    (re.compile(r"the following arguments are required: (.+)"), "缺少参数：{0}"),
    (re.compile(r"argument \{\S+\}: invalid choice: '?([^'(]*)'? \(choose from (.+)\)"),
     "未知的子命令“{0}”，可选：{1}"),
    (re.compile(r"argument (\S+): invalid choice: '?([^'(]*)'? \(choose from (.+)\)"),
     "参数 {0} 的取值“{1}”无效，可选：{2}"),
    (re.compile(r"argument (\S+): invalid (\w+) value: '?([^']*)'?"), "参数 {0} 的取值“{2}”无效"),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 后面缺少取值"),
    (re.compile(r"argument (\S+): (?:expected at least one argument|expected \d+ arguments?)"),
     "参数 {0} 后面缺少取值"),
    (re.compile(r"unrecognized arguments: (.+)"), "无法识别的参数：{0}"),
    (re.compile(r"ambiguous option: (\S+) could match (.+)"), "选项 {0} 有歧义，可能是：{1}"),
)


class _Parser(argparse.ArgumentParser):
    """An argument parser that tells a wrong command line in one Chinese line (exit 2)."""

    def error(self, message: str) -> NoReturn:
        for pattern, chinese in _USAGE_ERRORS:
            found = pattern.fullmatch(message.strip())
            if found:
                message = chinese.format(*(group.replace("'", "").replace(", ", "、")
                                           for group in found.groups()))
                break
        self.exit(2, f"错误：{message}（用 {self.prog} -h 查看用法）\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `duizhao` command."""
    parser = _Parser(prog="duizhao", description="对照：国家文件与地方实施文件逐条对照")
    parser.add_argument("--version", action="version", version=f"duizhao {__version__}")
    parser.add_argument("--selftest", action="store_true",
                        help="自检：对照内置示例文件并导出 Word 清单，检查安装是否完好")
    commands = parser.add_subparsers(dest="command", metavar="{outline,compare,export,batch,app}")
    outline = commands.add_parser("outline", help="显示文件的章节结构")
    outline.add_argument("file", metavar="文件", help="文件（.docx .txt .pdf .ofd .html .mht .doc .wps）")
    outline.add_argument("--json", action="store_true", help="输出 JSON")
    outline.set_defaults(handler=_cmd_outline)
    compare = commands.add_parser("compare", help="对照国家文件与地方文件")
    compare.add_argument("national", metavar="国家文件", help="国家文件")
    compare.add_argument("provincial", metavar="地方文件", help="地方文件（实施意见、实施办法等）")
    compare.add_argument("--json", metavar="OUT", help="把结果写成 JSON 文件（- 表示标准输出）")
    compare.add_argument("--progress", action="store_true", help="在标准错误输出显示进度")
    _add_report_arguments(compare, required=False)
    compare.set_defaults(handler=_cmd_compare)
    export_command = commands.add_parser("export", help="导出已审核的对照项目（计入全部审核决定）")
    export_command.add_argument("project", metavar="项目文件", help="对照项目文件（.duizhao）")
    _add_report_arguments(export_command, required=True)
    export_command.set_defaults(handler=_cmd_export)
    batch = commands.add_parser("batch", help="一个国家文件对照多个地方文件（对照矩阵、他省表述、逐级对照）")
    batch.add_argument("national", metavar="国家文件", help="国家文件")
    batch.add_argument("locals", nargs="+", metavar="地方文件", help="地方文件、文件夹或通配符（如 'laws/*.txt'）")
    batch.add_argument("-o", "--output", metavar="FILE", help="导出对照矩阵：.xlsx、.docx 或 .json")
    batch.add_argument("--json", metavar="OUT", help="另把对照矩阵写成 JSON 文件")
    batch.add_argument("--chain", action="store_true",
                       help="逐级对照：国家文件 → 省级文件 → 市级文件（需三个文件）")
    batch.add_argument("--unit", choices=("auto", "article", "clause"), default="auto",
                       help="对照单位：auto 法规按条、政策按句（默认），article 按条，clause 按句")
    batch.add_argument("--review", action="append", metavar="审核项目",
                       help="审核项目（.duizhao）或其所在文件夹：矩阵显示审核后的结论（可重复）")
    batch.add_argument("--workers", type=int, metavar="N", help="并行进程数（默认：CPU 核数）")
    batch.add_argument("--progress", action="store_true", help="在标准错误输出显示进度")
    batch.set_defaults(handler=_cmd_batch)
    app = commands.add_parser("app", help="打开桌面程序")
    app.add_argument("files", nargs="*", metavar="FILE",
                     help="国家文件和地方文件，或一个项目文件（.duizhao）")
    app.add_argument("--screenshot", metavar="PNG", help="在示例文件上打开，等结果出来后截图保存并退出")
    app.set_defaults(handler=_cmd_app)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code (0 ok, 2 user error, 1 unexpected)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.selftest:
        if args.command:
            parser.error("--selftest 不能与子命令一起使用")
        return _run_selftest()
    if not args.command:
        parser.error("请指定子命令：outline、compare、export、batch 或 app（或 --selftest）")
    try:
        return args.handler(args)
    except DuizhaoError as error:
        print(f"错误：{error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error worth a traceback.
        sys.stderr.close()
        return 0
    except Exception as error:  # noqa: BLE001 - the last guard: no traceback reaches a user
        print(f"错误：程序内部出错，操作没有完成（{type(error).__name__}）。{_kept_trace(error)}",
              file=sys.stderr)
        return 1


def _kept_trace(error: BaseException) -> str:
    """Write an unexpected error's traceback to a file in the temporary folder, for the
    maintainers; the sentence that says where (empty when it cannot be written)."""
    import tempfile
    import time
    import traceback

    path = Path(tempfile.gettempdir()) / f"duizhao-error-{time.strftime('%Y%m%d-%H%M%S')}.log"
    try:
        path.write_text("".join(traceback.format_exception(type(error), error, error.__traceback__)),
                        encoding="utf-8")
    except OSError:
        return ""
    return f"详细信息已写入 {path}，请发给维护人员。"


if __name__ == "__main__":
    sys.exit(main())
