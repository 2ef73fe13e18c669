"""Fuzzing the readers with hypothesis: every input is read or refused with a typed error.

``python -m tests.hostile.fuzz FORMAT SECONDS [LOG]`` runs one format (docx, txt, html, pdf)
for about SECONDS and prints the examples run, the slowest one, and anything that escaped (an
exception that is not a DuizhaoError, from the reader or from outlining what it read); each
escaping input is saved beside LOG. tests/hostile/test_fuzz.py runs a few seconds of each.
"""

from __future__ import annotations

import io
import json
import random
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import DuizhaoError
from core.outline import outline_document
from core.read import read_document

DATA = Path(__file__).resolve().parent.parent / "data"
SEEDS = {"docx": DATA / "policy-autonum.docx", "pdf": DATA / "policy.pdf", "html": DATA / "policy.html",
         "txt": DATA / "policy-gb18030.txt"}
CJK = "一二三四五六七八九十总体要求工作目标加强数据共享推进政务服务。，；：（）、【】“”"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _mutate(data: bytes, rng: random.Random, edits: int) -> bytes:
    """Flip, insert, delete and duplicate bytes, or cut the file short."""
    buffer = bytearray(data)
    for _ in range(edits):
        if not buffer:
            break
        kind = rng.randrange(5)
        at = rng.randrange(len(buffer))
        if kind == 0:
            buffer[at] = rng.randrange(256)
        elif kind == 1:
            buffer[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif kind == 2:
            del buffer[at:at + rng.randint(1, 64)]
        elif kind == 3:
            span = buffer[at:at + rng.randint(1, 256)]
            buffer[at:at] = span * rng.randint(1, 4)
        else:
            del buffer[at:]
    return bytes(buffer)


def _zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


text = st.text(alphabet=st.sampled_from(CJK + "abc 1.2(3)<>&\"'\t\n\r\x00\x0b\u2028\ufffd\U0001F600"),
               max_size=80)
xml_attribute = st.sampled_from(['w:val="0"', 'w:val="-1"', 'w:val="99999999999"', 'w:val="x"', 'w:val=""',
                                 'w:ilvl="9"', 'w:numId="1"', 'w:id="-5"'])


@st.composite
def word_body(draw) -> str:
    """A w:body of generated paragraphs, runs, tables and numbering references."""
    def element(depth: int) -> str:
        kind = draw(st.integers(0, 9 if depth < 6 else 4))
        content = "".join(f"<w:t>{_escape(draw(text))}</w:t>" for _ in range(draw(st.integers(0, 2))))
        if kind <= 2:
            props = draw(st.sampled_from(["", "<w:pPr><w:numPr><w:ilvl {a}/><w:numId {a}/></w:numPr></w:pPr>",
                                          "<w:pPr><w:outlineLvl {a}/><w:pStyle {a}/></w:pPr>",
                                          "<w:pPr><w:jc {a}/></w:pPr>"]))
            props = props.replace("{a}", draw(xml_attribute))
            return f"<w:p>{props}<w:r>{content}</w:r></w:p>"
        if kind <= 4:
            return f"<w:r><w:rPr><w:b {draw(xml_attribute)}/><w:vanish/></w:rPr>{content}</w:r>"
        if kind == 5:
            return "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>" + element(depth + 1) + "</w:tc></w:tr></w:tbl>"
        if kind == 6:
            return "<w:sdt><w:sdtContent>" + element(depth + 1) + "</w:sdtContent></w:sdt>"
        if kind == 7:
            return '<w:altChunk r:id="rId99" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
        if kind == 8:
            return "<w:p><w:hyperlink>" + element(depth + 1) + "</w:hyperlink></w:p>"
        return "<w:customXml>" + element(depth + 1) + "</w:customXml>"
    return "".join(element(0) for _ in range(draw(st.integers(0, 12))))


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def docx_bytes(draw) -> bytes:
    members = _zip_members(SEEDS["docx"])
    rng = random.Random(draw(st.integers(0, 2**32)))
    mode = draw(st.integers(0, 4))
    if mode == 0:  # a generated body in the real package
        members["word/document.xml"] = (f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>'
                                        f"{draw(word_body())}</w:body></w:document>").encode()
    elif mode == 1:  # damaged XML of one member
        name = rng.choice(sorted(members))
        members[name] = _mutate(members[name], rng, draw(st.integers(1, 20)))
    elif mode == 2:  # a member missing or doubled
        name = rng.choice(sorted(members))
        if rng.random() < 0.5:
            del members[name]
        else:
            members[name.upper()] = members[name]
    elif mode == 3:  # damaged numbering/styles values
        for name in ("word/numbering.xml", "word/styles.xml"):
            if name in members:
                members[name] = members[name].replace(b'w:val="', f'w:val="{draw(st.sampled_from(["-1", "x", "999999999999", ""]))}'.encode(), draw(st.integers(1, 50)))
    data = _zip(members)
    if mode == 4:  # damaged zip
        data = _mutate(data, rng, draw(st.integers(1, 30)))
    return data


@st.composite
def html_bytes(draw) -> bytes:
    if draw(st.booleans()):
        rng = random.Random(draw(st.integers(0, 2**32)))
        return _mutate(SEEDS["html"].read_bytes(), rng, draw(st.integers(1, 40)))
    tags = st.sampled_from(["div", "p", "span", "br", "table", "tr", "td", "script", "style", "center", "b",
                            "font", "li", "article", "h1", "template", "svg", "iframe"])
    attrs = st.sampled_from(["", ' id="content"', ' class="TRS_Editor"', ' style="display:none"', ' hidden',
                             ' align="center"', ' style="font-weight:700;text-align:center"', ' class="a b"'])

    def node(depth: int) -> str:
        if depth > 8 or draw(st.integers(0, 3)) == 0:
            return _escape(draw(text))
        tag = draw(tags)
        inner = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 4))))
        closing = "" if draw(st.integers(0, 5)) == 0 else f"</{tag}>"
        return f"<{tag}{draw(attrs)}>{inner}{closing}"
    charset = draw(st.sampled_from(["utf-8", "gb2312", "gbk", "big5", "utf-16", "nonsense", "latin-1"]))
    page = f'<html><head><meta charset="{charset}"></head><body>{node(0)}{node(0)}</body></html>'
    try:
        return page.encode(charset if charset not in ("nonsense",) else "utf-8", errors="replace")
    except LookupError:
        return page.encode("utf-8")


@st.composite
def txt_bytes(draw) -> bytes:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.binary(min_size=1, max_size=2000))
    if kind == 1:
        encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be",
                                         "utf-32", "big5"]))
        lines = draw(st.lists(text, min_size=1, max_size=30))
        return "\n".join(lines).encode(encoding, errors="replace")
    rng = random.Random(draw(st.integers(0, 2**32)))
    seed = SEEDS["txt"].read_bytes()
    return _mutate(seed, rng, draw(st.integers(1, 40))) if kind == 2 else seed[: rng.randrange(1, len(seed))]


@st.composite
def pdf_bytes(draw) -> bytes:
    rng = random.Random(draw(st.integers(0, 2**32)))
    if draw(st.integers(0, 3)) == 0:  # a small hand-made PDF with a generated content stream
        stream = draw(st.sampled_from([b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET", b"BT ET", b"q Q",
                                       b"BT /F1 999999 Tf (x) Tj ET", b"BT /F9 12 Tf <feff4e00> Tj ET"]))
        objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
                   b"<< /Type /Pages /Kids [3 0 R] /Count " + str(draw(st.integers(-1, 5000))).encode() + b" >>",
                   b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                   b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
                   b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"]
        body = b"%PDF-1.4\n" + b"".join(f"{i + 1} 0 obj\n".encode() + o + b"\nendobj\n" for i, o in enumerate(objects))
        return body + b"trailer << /Root 1 0 R >>\n%%EOF\n"
    return _mutate(SEEDS["pdf"].read_bytes(), rng, draw(st.integers(1, 60)))


STRATEGIES = {"docx": docx_bytes(), "txt": txt_bytes(), "html": html_bytes(), "pdf": pdf_bytes()}
EXTENSIONS = {"docx": ".docx", "txt": ".txt", "html": ".html", "pdf": ".pdf"}


class Tally:
    """What one fuzz run saw."""

    def __init__(self) -> None:
        self.examples = 0
        self.read = 0
        self.refused = 0
        self.escaped: list[tuple[str, bytes]] = []
        self.slowest = 0.0


def check(data: bytes, extension: str, folder: Path, tally: Tally) -> None:
    """Read ``data`` as a file; anything but a document or a DuizhaoError is an escape."""
    path = folder / f"fuzz{extension}"
    path.write_bytes(data)
    started = time.perf_counter()
    try:
        document = read_document(path)
        outline_document(document)
        tally.read += 1
    except DuizhaoError as error:
        if not error.message or "Traceback" in error.message:
            tally.escaped.append((f"untyped message: {error!r}", data))
        tally.refused += 1
    except Exception:  # noqa: BLE001 - the point is to catch whatever escapes
        tally.escaped.append((traceback.format_exc(limit=6), data))
    finally:
        tally.slowest = max(tally.slowest, time.perf_counter() - started)
        tally.examples += 1


def run(fmt: str, seconds: float, *, chunk: int = 25, at_least: int = 0) -> Tally:
    """Fuzz one format for about ``seconds``, in chunks of ``chunk`` examples with fresh seeds,
    and on until ``at_least`` examples were checked (a loaded machine checks fewer a second)."""
    tally = Tally()
    deadline = time.monotonic() + seconds

    def going() -> bool:
        return time.monotonic() < deadline or tally.examples < at_least

    with tempfile.TemporaryDirectory(prefix="duizhao-fuzz-") as folder:
        @settings(max_examples=chunk, deadline=None, database=None, derandomize=False,
                  suppress_health_check=list(HealthCheck))
        @given(STRATEGIES[fmt])
        def one(data: bytes) -> None:
            if going():
                check(data, EXTENSIONS[fmt], Path(folder), tally)

        while going():
            one()
    return tally


def main(argv: list[str]) -> int:
    fmt, seconds = argv[0], float(argv[1])
    log = Path(argv[2]) if len(argv) > 2 else None
    started = time.perf_counter()
    tally = run(fmt, seconds)
    report = {"format": fmt, "seconds": round(time.perf_counter() - started, 1), "examples": tally.examples,
              "read": tally.read, "refused": tally.refused, "escaped": len(tally.escaped),
              "slowest_s": round(tally.slowest, 2)}
    print(json.dumps(report, ensure_ascii=False))
    for index, (what, data) in enumerate(tally.escaped[:20]):
        print(what)
        if log is not None:
            log.parent.mkdir(parents=True, exist_ok=True)
            (log.parent / f"escape-{fmt}-{index}{EXTENSIONS[fmt]}").write_bytes(data)
    if log is not None:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(report, ensure_ascii=False) + "\n")
    return 1 if tally.escaped else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
