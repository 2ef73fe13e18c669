"""The `duizhao` command: the same core calls the desktop app makes, for terminals and scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from core import __version__
from core.errors import DuizhaoError
from core.outline import outline_document
from core.read import read_document
from core.serialize import outline_to_dict


def _print_outline(outline) -> None:
    print(f"《{outline.title or '（无标题）'}》  {outline.doc_number}".rstrip())
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
    outline = outline_document(read_document(args.file))
    if args.json:
        json.dump(outline_to_dict(outline), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_outline(outline)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `duizhao` command."""
    parser = argparse.ArgumentParser(prog="duizhao", description="对照：国家文件与地方实施文件逐条对照")
    parser.add_argument("--version", action="version", version=f"duizhao {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    outline = commands.add_parser("outline", help="显示文件的章节结构")
    outline.add_argument("file", help="文件（.docx .txt .pdf .html .doc .wps）")
    outline.add_argument("--json", action="store_true", help="输出 JSON")
    outline.set_defaults(handler=_cmd_outline)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code (0 ok, 2 user error, 1 unexpected)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except DuizhaoError as error:
        print(f"错误：{error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
