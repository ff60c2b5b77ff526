"""Bytes to text: UTF-8 when it is, else the encoding charset-normalizer detects.

Binary content (images, PDFs, archives, executables) is refused with an
``InputError`` naming the input, so no reader ever sees mojibake.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from geoevents.errors import InputError

SAMPLE_BYTES = 64 * 1024

# Leading bytes of common binary formats, for a message that says what the file is.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"), (b"PK\x03\x04", "ZIP archive"), (b"\x7fELF", "executable"),
    (b"\x1f\x8b", "gzip archive"), (b"BZh", "bzip2 archive"), (b"\xfd7zXZ", "xz archive"),
    (b"SQLite format 3", "SQLite database"), (b"RIFF", "media file"), (b"\x00\x00\x00", "binary data"),
)
UNICODE_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def binary_kind(sample: bytes) -> str | None:
    """What binary format ``sample`` starts with, or None when it looks like text."""
    if sample.startswith(UNICODE_BOMS):
        return None
    for magic, kind in BINARY_MAGIC:
        if sample.startswith(magic):
            return kind
    return "binary data" if b"\x00" in sample[:8192] else None


def detect_encoding(sample: bytes, name: str) -> str:
    """A codec name for ``sample`` (the first bytes of ``name``); raises on binary data."""
    kind = binary_kind(sample)
    if kind:
        raise InputError(f"{name}: binary file ({kind}), not a text document")
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        # final=False: a multi-byte character cut at the end of the sample is fine
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    return _likeliest_encoding(sample, name)


def _likeliest_encoding(sample: bytes, name: str) -> str:
    """charset-normalizer's best guess; among equally good guesses, windows-1252.

    Short Western European texts decode cleanly in several code pages with the same
    scores; windows-1252 is by far the most common of them on the web (HTML treats
    latin-1 labels as windows-1252), so it wins ties.
    """
    results = from_bytes(sample)
    best = results.best()
    if best is None:
        raise InputError(f"{name}: undecodable bytes, not a text document")
    tied = (m.encoding for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence))
    return "cp1252" if "cp1252" in tied else best.encoding


def decode_bytes(data: bytes, name: str) -> str:
    """The text of ``data`` with universal newlines; raises ``InputError`` on binary data."""
    encoding = detect_encoding(data[:SAMPLE_BYTES], name)
    text = data.decode(encoding, errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")
