"""Draw the application icon: resources/icons/duizhao.svg, PNGs of several sizes and a Windows .ico.

The icon is two facing pages on a red square (two documents held side by side), one line of the
right page marked in gold: a difference found. Run with the venv's Python (needs PySide6):

    .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (48, 128)  # plus duizhao.png at 256
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

RED, PAGE, INK, GOLD = "#B3202A", "#FFFFFF", "#9AA3AD", "#F2B705"


def svg() -> str:
    """The icon as SVG text on a 256×256 canvas."""
    parts = [f'<rect x="8" y="8" width="240" height="240" rx="44" fill="{RED}"/>']
    for left in (40, 136):
        parts.append(f'<rect x="{left}" y="50" width="80" height="156" rx="8" fill="{PAGE}"/>')
    # Text lines: the left page full, the right page with one line marked and one shorter.
    for row in range(6):
        y = 72 + row * 22
        parts.append(f'<rect x="52" y="{y}" width="{56 if row % 3 != 2 else 40}" height="8" '
                     f'rx="4" fill="{INK}"/>')
        colour = GOLD if row == 2 else INK
        height = 14 if row == 2 else 8
        width = 56 if row not in (4,) else 32
        parts.append(f'<rect x="148" y="{y - (height - 8) // 2}" width="{width}" height="{height}" '
                     f'rx="4" fill="{colour}"/>')
    body = "\n  ".join(parts)
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
            f"  <title>对照</title>\n  {body}\n</svg>\n")


def png_bytes(svg_text: str, size: int) -> bytes:
    """The SVG rendered to a square PNG of the given size (PySide6's QtSvg, antialiased)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(QByteArray(svg_text.encode("utf-8")))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """A multi-size .ico holding PNG images (the format Windows Vista and later read)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


def main() -> int:
    ICONS.mkdir(parents=True, exist_ok=True)
    text = svg()
    (ICONS / "duizhao.svg").write_text(text, encoding="utf-8")
    rendered = {size: png_bytes(text, size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    (ICONS / "duizhao.png").write_bytes(rendered[256])
    for size in PNG_SIZES:
        (ICONS / f"duizhao-{size}.png").write_bytes(rendered[size])
    (ICONS / "duizhao.ico").write_bytes(ico_bytes({size: rendered[size] for size in ICO_SIZES}))
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
