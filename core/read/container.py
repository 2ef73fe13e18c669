"""Sniffing file containers before a parser sees them: zip (docx) safety and OLE2/CFB contents."""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass

from core.errors import DocumentReadError, DocumentTooLargeError
from core.read.limits import MAX_XML_BYTES

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# A .docx unpacks to a few times its size: XML compresses about 5–20 to 1. Zip bombs reach
# hundreds or thousands to 1, so both the total and the ratio of large members are checked.
MAX_UNPACKED_FACTOR = 8
MIN_UNPACKED_LIMIT = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_FROM = 1024 * 1024  # small members may compress extremely well and are harmless
MAX_ZIP_MEMBERS = 10_000


def check_zip_safe(path: str, max_bytes: int, kind: str = "Word 文档（.docx）") -> None:
    """Refuses a zip whose directory promises more data than a document can hold.

    Only the central directory is read: nothing is decompressed. Python's zipfile never
    returns more bytes for a member than its declared size, so the declared sizes checked
    here bound what the parser will later unpack.

    Args:
        path: the zip file.
        max_bytes: the reader's size limit for files; the unpacked limit is derived from it.
        kind: what the file should be, for the message when its zip directory is broken.

    Raises:
        DocumentTooLargeError: the declared sizes or compression ratios look like a zip bomb.
        DocumentReadError: the zip directory is broken.
    """
    limit = max(MIN_UNPACKED_LIMIT, MAX_UNPACKED_FACTOR * max_bytes)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise DocumentReadError(
            f"文件已损坏，无法作为{kind}打开。", path=path
        ) from exc
    if len(members) > MAX_ZIP_MEMBERS:
        raise DocumentTooLargeError("文档内部的文件数量异常，可能是恶意构造的压缩包，已拒绝读取。", path=path)
    total = 0
    xml = 0
    for member in members:
        total += member.file_size
        if total > limit:
            raise DocumentTooLargeError(
                f"文档解压后将超过 {limit // (1024 * 1024)} MB，可能是恶意构造的压缩包（压缩炸弹），已拒绝读取。",
                path=path,
            )
        if member.file_size > RATIO_CHECK_FROM:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > MAX_COMPRESSION_RATIO:
                raise DocumentTooLargeError(
                    "文档内部的压缩比例异常，可能是恶意构造的压缩包（压缩炸弹），已拒绝读取。", path=path
                )
        if member.filename.lower().endswith((".xml", ".rels")):
            # The parser builds a tree of every XML part, at many times its size in memory.
            xml += member.file_size
            if xml > MAX_XML_BYTES:
                raise DocumentTooLargeError(
                    f"文档内容过多：解压后的文字与格式数据超过 {MAX_XML_BYTES // (1024 * 1024)} MB 的上限，"
                    "请删去与对照无关的部分或拆分文件后再对照。", path=path)


@dataclass(frozen=True)
class CompoundFile:
    """What matters about an OLE2 compound file (old .doc/.wps, or an encrypted Office file).

    Attributes:
        streams: names of the streams and storages in the directory.
        word_encrypted: the WordDocument stream's FIB says the document is encrypted.
    """

    streams: frozenset[str]
    word_encrypted: bool

    @property
    def encrypted_package(self) -> bool:
        """An encrypted OOXML file: Office wraps the encrypted zip in a CFB container."""
        return "EncryptedPackage" in self.streams or "EncryptionInfo" in self.streams


_FREESECT = 0xFFFFFFFF
_ENDOFCHAIN = 0xFFFFFFFE
_MAX_SECTORS = 1 << 20  # guards the chain walks against loops in damaged files


def inspect_compound_file(data: bytes) -> CompoundFile:
    """Lists the streams of a CFB container and reads the Word encryption flag.

    A minimal reader of [MS-CFB]: the header, the FAT (through the DIFAT), the directory
    chain, and the head of the WordDocument stream (in a sector or a mini sector) for its FIB.

    Args:
        data: the whole file.

    Returns:
        The stream names and whether a Word 97 document is encrypted.

    Raises:
        ValueError: the container is damaged.
    """
    if not data.startswith(CFB_MAGIC) or len(data) < 512:
        raise ValueError("not a compound file")
    sector_shift = struct.unpack_from("<H", data, 0x1E)[0]
    if sector_shift not in (9, 12):
        raise ValueError("bad sector size")
    sector_size = 1 << sector_shift
    num_fat_sectors, first_dir_sector = struct.unpack_from("<II", data, 0x2C)
    mini_cutoff = struct.unpack_from("<I", data, 0x38)[0]
    first_difat, num_difat = struct.unpack_from("<II", data, 0x44)

    def sector(index: int) -> bytes:
        start = (index + 1) * sector_size
        if start >= len(data):  # the last sector may be short, but it must begin in the file
            raise ValueError("sector out of range")
        return data[start:start + sector_size]

    fat_sector_ids = [i for i in struct.unpack_from("<109I", data, 0x4C) if i != _FREESECT]
    next_difat = first_difat
    for _ in range(num_difat):
        if next_difat in (_FREESECT, _ENDOFCHAIN):
            break
        difat_block = struct.unpack(f"<{sector_size // 4}I", sector(next_difat))
        fat_sector_ids.extend(i for i in difat_block[:-1] if i != _FREESECT)
        next_difat = difat_block[-1]
    fat_sector_ids = fat_sector_ids[:num_fat_sectors]
    fat: list[int] = []
    for index in fat_sector_ids:
        fat.extend(struct.unpack(f"<{sector_size // 4}I", sector(index)))

    def chain(start: int):
        seen = 0
        while start not in (_ENDOFCHAIN, _FREESECT):
            if start >= len(fat) or seen > _MAX_SECTORS:
                raise ValueError("broken sector chain")
            yield start
            seen += 1
            start = fat[start]

    names = set()
    word_document_start = None
    word_document_size = 0
    root_start = None
    for sector_index in chain(first_dir_sector):
        block = sector(sector_index)
        for offset in range(0, len(block) - 127, 128):
            entry = block[offset:offset + 128]
            name_length = struct.unpack_from("<H", entry, 64)[0]
            entry_type = entry[66]
            if entry_type == 0 or not 2 <= name_length <= 64:
                continue
            name = entry[:name_length - 2].decode("utf-16-le", errors="replace")
            names.add(name)
            start, size = struct.unpack_from("<II", entry, 116)
            if entry_type == 5:
                root_start = start  # the root entry's chain holds the mini stream
            elif name == "WordDocument" and entry_type == 2:
                word_document_start, word_document_size = start, size

    def stream_head(start: int, size: int) -> bytes:
        """The first bytes (up to one sector) of a stream, from the FAT or the mini stream."""
        if size >= mini_cutoff:
            return sector(start)[:size]
        # Small streams live in 64-byte mini sectors inside the root entry's stream; the head
        # of the stream is its first mini sector, found by walking the root chain to it.
        if root_start is None:
            raise ValueError("no mini stream")
        mini_offset = start * 64
        for position, index in enumerate(chain(root_start)):
            if position == mini_offset // sector_size:
                within = mini_offset % sector_size
                return sector(index)[within:within + 64][:size]
        raise ValueError("mini sector out of range")

    word_encrypted = False
    if word_document_start is not None and word_document_size >= 12:
        # The FIB starts the WordDocument stream; bit 8 of the flags at offset 10 is fEncrypted.
        fib = stream_head(word_document_start, word_document_size)
        if len(fib) >= 12 and struct.unpack_from("<H", fib, 0)[0] == 0xA5EC:
            flags = struct.unpack_from("<H", fib, 10)[0]
            word_encrypted = bool(flags & 0x0100)
    return CompoundFile(streams=frozenset(names), word_encrypted=word_encrypted)
