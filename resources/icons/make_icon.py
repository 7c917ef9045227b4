"""Draw the application icon: ``QT_QPA_PLATFORM=offscreen .venv/bin/python resources/icons/make_icon.py``.

Writes ``jiandang.png`` (256 px, window icon and Linux) and ``jiandang.ico``
(16–256 px, Windows executable) beside this file: the character 档 on a red
folder-like tile.  Needs a Chinese font (WenQuanYi Zen Hei on Linux).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    """The icon at ``size`` × ``size`` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.04
    tile = QRectF(margin, margin * 3, size - 2 * margin, size - 4 * margin)
    tab = QPainterPath()
    tab.addRoundedRect(QRectF(margin, margin, size * 0.45, size * 0.2), size * 0.05, size * 0.05)
    painter.fillPath(tab, QColor("#9f1d1d"))
    body = QPainterPath()
    body.addRoundedRect(tile, size * 0.1, size * 0.1)
    painter.fillPath(body, QColor("#c62828"))
    font = QFont("WenQuanYi Zen Hei")
    font.setPixelSize(int(size * 0.62))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#fff8e1"))
    painter.drawText(tile, Qt.AlignmentFlag.AlignCenter, "档")
    painter.end()
    return image


def main() -> None:
    """Write the PNG and the ICO."""
    _app = QGuiApplication([])
    draw(256).save(str(HERE / "jiandang.png"))
    _write_ico([draw(size) for size in SIZES], HERE / "jiandang.ico")


def _write_ico(images: list[QImage], target: Path) -> None:
    """An .ico holding every size as an embedded PNG (Windows Vista and later read these)."""
    import struct

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    blobs = []
    for image in images:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        blobs.append(bytes(data))
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() % 256  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    target.write_bytes(header + entries + b"".join(blobs))


if __name__ == "__main__":
    main()
