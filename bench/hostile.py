"""Hostile inputs at and past the limits: time and peak memory of each, one process per case.

Run: ``python -m bench.hostile`` (or ``make bench-hostile``). Each case builds its files in a
temporary folder and is read or compared in a fresh process, whose wall time and peak resident
memory (ru_maxrss of the child) are printed. The promise: every case is compared within 1 GB and
60 s, or refused at once with a message that names the limit.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from core.read.limits import (MAX_CHARACTERS, MAX_HTML_BYTES, MAX_HTML_MARKUP, MAX_PARAGRAPHS, MAX_SENTENCES,
                               MAX_XML_BYTES)

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(path: Path, body_xml_parts, *, compresslevel: int = 6) -> None:
    """A minimal .docx whose body is the concatenation of ``body_xml_parts`` (streamed)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as archive:
        archive.writestr("[Content_Types].xml",
                         '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                         'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.document.main+xml"/></Types>')
        archive.writestr("_rels/.rels",
                         '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                         '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                         'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                         '</Relationships>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f'<?xml version="1.0"?><w:document {_W}><w:body>'.encode())
            for part in body_xml_parts:
                member.write(part.encode("utf-8"))
            member.write(b"</w:body></w:document>")


def _corpus_text(limit: int, skip: int) -> str:
    """Real statutes from the shared corpus joined up to ``limit`` characters (synthetic if absent)."""
    laws = sorted((CORPUS / "domain" / "laws").glob("*.txt"))[skip::2]
    pieces, total = [], 0
    for law in laws:
        text = law.read_text(encoding="utf-8", errors="replace")
        pieces.append(text)
        total += len(text)
        if total >= limit:
            break
    if total < limit:  # no corpus here: random sentences from the sample's characters
        rng = random.Random(skip)
        chars = "推进数据治理共享平台建设加强政务服务能力体系安全保障机制完善创新发展统筹协调规范管理"
        while total < limit:
            sentence = "".join(rng.choice(chars) for _ in range(rng.randint(12, 40))) + "。"
            pieces.append(sentence)
            total += len(sentence)
    text = "\n".join(pieces)
    lines, kept, sentences = [], 0, 0
    for line in text.splitlines():
        stripped = line.strip()
        sentences += 1 + sum(stripped.count(mark) for mark in "。！？；")
        if kept + len(stripped) > limit - 1000 or sentences > MAX_SENTENCES - 300:
            break
        lines.append(line)
        kept += len(stripped)
    return "\n".join(lines) + "\n"


def case_txt_48mb(folder: Path) -> list[str]:
    path = folder / "huge.txt"
    line = "（一）加强数据共享。各地区各部门要依法依规共享政务数据，全面提升数据治理能力。\n"
    path.write_text(line * (48 * 1024 * 1024 // len(line.encode())), encoding="utf-8")
    return ["outline", str(path)]


def case_txt_at_limit_compare(folder: Path) -> list[str]:
    national, provincial = folder / "national.txt", folder / "provincial.txt"
    national.write_text(_corpus_text(MAX_CHARACTERS, 0), encoding="utf-8")
    provincial.write_text(_corpus_text(MAX_CHARACTERS, 1), encoding="utf-8")
    return ["compare", str(national), str(provincial)]


def case_txt_limit_vs_sample(folder: Path) -> list[str]:
    national = folder / "national.txt"
    national.write_text(_corpus_text(MAX_CHARACTERS, 0), encoding="utf-8")
    return ["compare", str(national), str(REPO / "samples" / "provincial-opinion-sample.docx")]


def case_txt_just_over_limit(folder: Path) -> list[str]:
    path = folder / "over.txt"
    path.write_text(_corpus_text(MAX_CHARACTERS, 0) + "多" * (MAX_CHARACTERS + 1) + "\n", encoding="utf-8")
    return ["outline", str(path)]


def case_many_headings(folder: Path) -> list[str]:
    national, provincial = folder / "n.txt", folder / "p.txt"
    numerals = "一二三四五六七八九十"
    for path, word in ((national, "推进"), (provincial, "加快")):
        lines = ["关于大量标题的意见"]
        for index in range(min(MAX_PARAGRAPHS - 10, MAX_CHARACTERS // 16)):
            if index % 100 == 0:
                lines.append(f"{numerals[index // 100 % 10]}、第{index // 100}部分")
            else:
                lines.append(f"（{numerals[index % 10]}）{word}第{index}项工作。")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["compare", str(national), str(provincial)]


def case_many_short_paragraphs(folder: Path) -> list[str]:
    national, provincial = folder / "n.txt", folder / "p.txt"
    national.write_text("\n".join(f"数据{i % 97}。" for i in range(MAX_PARAGRAPHS - 5)) + "\n", encoding="utf-8")
    provincial.write_text("\n".join(f"治理{i % 89}。" for i in range(MAX_PARAGRAPHS - 5)) + "\n", encoding="utf-8")
    return ["compare", str(national), str(provincial)]


def case_docx_380mb_unpacked(folder: Path) -> list[str]:
    path = folder / "bloated.docx"
    run = '<w:r><w:rPr><w:b/><w:i/><w:color w:val="FF0000"/></w:rPr><w:t xml:space="preserve"> </w:t></w:r>'
    paragraph = "<w:p>" + run * 200 + "</w:p>"
    _docx(path, (paragraph for _ in range(380 * 1024 * 1024 // len(paragraph))), compresslevel=1)
    return ["outline", str(path)]


def case_docx_xml_at_limit(folder: Path) -> list[str]:
    path = folder / "heavy.docx"
    text = _corpus_text(MAX_CHARACTERS - 20_000, 0).splitlines()
    filler = '<w:bookmarkStart w:id="1" w:name="b"/><w:bookmarkEnd w:id="1"/>'
    runs = sum(min(len(line), 200) for line in text) * len('<w:r><w:rPr><w:b/></w:rPr><w:t>字</w:t></w:r>'.encode())
    per_line = max(1, (MAX_XML_BYTES - 4 * 1024 * 1024 - runs) // max(len(text), 1) // len(filler))

    def parts():
        for line in text:
            yield "<w:p>" + filler * per_line + "".join(
                f'<w:r><w:rPr><w:b/></w:rPr><w:t>{ch}</w:t></w:r>' for ch in line[:200]) + "</w:p>"
    _docx(path, parts())
    return ["outline", str(path)]


def case_html_10mb(folder: Path) -> list[str]:
    path = folder / "big.html"
    paragraph = "<p>" + "各地区各部门要依法依规共享政务数据。" * 50 + "</p>\n"
    count = (MAX_HTML_BYTES + 100_000) // len(paragraph.encode())
    path.write_text("<html><body>" + paragraph * count + "</body></html>", encoding="utf-8")
    return ["outline", str(path)]


def case_html_nested(folder: Path) -> list[str]:
    path = folder / "nested.html"
    n = 60_000  # under the markup limit: the nesting limit refuses it
    path.write_text("<html><body>" + "<span>" * n + "一、总体要求" + "</span>" * n + "</body></html>",
                    encoding="utf-8")
    return ["outline", str(path)]


def case_html_flat_at_limit(folder: Path) -> list[str]:
    path = folder / "flat.html"
    cell = "<span>字</span>"
    count = (MAX_HTML_MARKUP - 100) // 2
    path.write_text("<html><body><div>" + cell * count + "</div></body></html>", encoding="utf-8")
    return ["outline", str(path)]


def case_html_deep_and_wide(folder: Path) -> list[str]:
    path = folder / "deep-wide.html"
    block = "<div>" + "<span>" * 250 + "数据治理" + "</span>" * 250 + "</div>"
    count = (MAX_HTML_MARKUP - 100) // 502
    path.write_text("<html><body>" + block * count + "</body></html>", encoding="utf-8")
    return ["outline", str(path)]


CASES = {name[len("case_"):]: function for name, function in globals().items() if name.startswith("case_")}


def _run_case(arguments: list[str]) -> dict:
    """In the child: run the CLI's work and report what came of it."""
    from core.cli import main
    import contextlib
    buffer = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        code = main(arguments)
    lines = [line for line in buffer.getvalue().splitlines() if line.startswith(("错误", "国家文件条款", "结构"))]
    return {"code": code, "seconds": time.perf_counter() - started, "said": lines[-1][:90] if lines else ""}


def measure(name: str) -> dict:
    """Build a case, run it in a child process, return time, peak memory and the outcome."""
    with tempfile.TemporaryDirectory(prefix="duizhao-hostile-") as folder:
        arguments = CASES[name](Path(folder))
        size = sum(p.stat().st_size for p in Path(folder).iterdir())
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "bench.hostile", "--child", json.dumps(arguments)],
                                   cwd=REPO, stdout=subprocess.PIPE, text=True)
        out = process.stdout.read()
        process.stdout.close()
        _, status, usage = os.wait4(process.pid, 0)  # reaped here, with the child's own rusage
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    result = json.loads(out.strip().splitlines()[-1]) if out.strip() else {"code": process.returncode, "said": ""}
    result.update(name=name, wall=wall, cpu=cpu, peak_mb=usage.ru_maxrss / 1024, input_mb=size / 1024 / 1024)
    return result


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        print(json.dumps(_run_case(json.loads(argv[1])), ensure_ascii=False))
        return 0
    names = argv or list(CASES)
    print(f"== Hostile inputs (limits: {MAX_CHARACTERS:,} characters, {MAX_PARAGRAPHS:,} paragraphs, "
          f"docx XML {MAX_XML_BYTES >> 20} MB, HTML {MAX_HTML_BYTES >> 20} MB; target ≤ 60 s, ≤ 1 GB) ==")
    print(f"load average at start {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: wall time is shared, "
          "CPU time is the case's own")
    print(f"{'case':<28}{'input MB':>9}{'exit':>5}{'wall s':>8}{'CPU s':>7}{'peak MB':>9}  outcome")
    for name in names:
        r = measure(name)
        print(f"{name:<28}{r['input_mb']:>9.1f}{r['code']:>5}{r['wall']:>8.1f}{r['cpu']:>7.1f}{r['peak_mb']:>9.0f}"
              f"  {r['said']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
