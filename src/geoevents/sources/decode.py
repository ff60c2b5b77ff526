"""Bytes to text: UTF-8 when it is (a few bad bytes in UTF-8 text are replaced), else
windows-1252 for Western text, else the encoding charset-normalizer detects.

Binary content (images, PDFs, archives, executables) is refused with an
``InputError`` naming the input, so no reader ever sees mojibake. Every byte that
cannot be decoded becomes U+FFFD, one per bad sequence, and a warning names the input
and how many there were: never a silent change of meaning.
"""

from __future__ import annotations

import codecs
import logging
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from charset_normalizer import from_bytes

from geoevents.errors import InputError

log = logging.getLogger("geoevents.sources")

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
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        # final=False: a multi-byte character cut at the end of the sample is fine
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(sample):
        return "utf-8"
    return _likeliest_encoding(sample, name)


def _mostly_utf8(sample: bytes) -> bool:
    """UTF-8 text with a few bad bytes: at least as many well-formed multi-byte characters
    as bad sequences. (Latin-1 or windows-1252 text has hardly any well-formed UTF-8
    sequences, since an accented letter there is one byte followed by ASCII.)"""
    text = codecs.getincrementaldecoder("utf-8")(errors="replace").decode(sample, final=False)
    bad = text.count("\ufffd") - sample.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return 0 < bad <= good


def _latin_letters_only(text: str) -> bool:
    letters = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def _likeliest_encoding(sample: bytes, name: str) -> str:
    """windows-1252 for Western text, else charset-normalizer's best guess.

    Short Western European texts decode cleanly in several Latin code pages (cp1250, cp775,
    cp1257...) with similar scores, and the detector's pick among them is close to arbitrary
    ("Café" became "Cafķ"); windows-1252 is by far the most common of them on the web (HTML
    treats latin-1 labels as windows-1252). So when the best guess reads as Latin-script
    text and windows-1252 decodes every byte, windows-1252 wins; a guess in another script
    (Cyrillic cp1251, Greek cp1253, Chinese gb18030) is kept.
    """
    results = from_bytes(sample)
    best = results.best()
    if best is None:
        raise InputError(f"{name}: undecodable bytes, not a text document")
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return best.encoding
    return "cp1252" if _latin_letters_only(str(best)) else best.encoding


_COUNTS = threading.local()


def _count_and_replace(err: UnicodeError) -> tuple[str, int]:
    stack = getattr(_COUNTS, "stack", None)
    if stack:
        stack[-1] += 1
    assert isinstance(err, UnicodeDecodeError)
    return "\ufffd", err.end


codecs.register_error("geoevents-replace", _count_and_replace)
#: The ``errors`` argument that replaces each bad byte sequence with U+FFFD and counts it
#: for ``counting_replacements``.
REPLACE = "geoevents-replace"


@contextmanager
def counting_replacements(name: str) -> Iterator[None]:
    """Warn, naming ``name``, about the bytes that decoding with ``errors=REPLACE`` replaced
    inside this block (in this thread)."""
    stack = _COUNTS.__dict__.setdefault("stack", [])
    stack.append(0)
    try:
        yield
    finally:
        count = stack.pop()
        if count:
            log.warning("%s: %d byte sequence(s) that are not valid text replaced with U+FFFD",
                        name, count)


def decode_bytes(data: bytes, name: str) -> str:
    """The text of ``data`` with universal newlines; raises ``InputError`` on binary data."""
    encoding = detect_encoding(data[:SAMPLE_BYTES], name)
    with counting_replacements(name):
        text = data.decode(encoding, errors=REPLACE)
    return text.replace("\r\n", "\n").replace("\r", "\n")
