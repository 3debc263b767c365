"""Read raw bytes safely (size limit, binary detection) and decode them to text.

UTF-8 (with or without BOM) and UTF-16 with BOM are read directly; anything else is detected
with charset-normalizer. Newlines are normalised to ``\\n``; nothing else is changed.
"""

from __future__ import annotations

import codecs
import os
import re
from typing import BinaryIO

from charset_normalizer import from_bytes

from eventcoder.ingest.errors import InputError, input_error, input_warning

MAX_BYTES = 20 * 1024 * 1024
"""Largest text/HTML file (or JSONL line, WARC payload) read, in bytes."""

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GARBAGE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
# a well-formed multi-byte UTF-8 sequence (2 to 4 bytes)
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` become ``\\n``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def too_large(path: str, size: int, limit: int = MAX_BYTES) -> InputError:
    return input_error(
        path,
        f"too large ({size / 1_048_576:.1f} MB; the limit is {limit // 1_048_576} MB)",
        "split it into smaller files, or pass a JSONL batch with one article per line",
    )


def read_file_bytes(path: str, limit: int = MAX_BYTES) -> bytes | InputError:
    """The bytes of ``path``, or an error if it is missing, unreadable or over ``limit``.

    The size is checked before reading, so a huge file costs nothing.
    """
    try:
        size = os.path.getsize(path)
        if size > limit:
            return too_large(path, size, limit)
        with open(path, "rb") as f:
            return read_stream_bytes(f, path, limit)
    except FileNotFoundError:
        return input_error(path, "no such file or directory", "check the path")
    except IsADirectoryError:
        return input_error(path, "is a directory", "pass the directory itself to walk it")
    except PermissionError:
        return input_error(path, "permission denied", "check the file's permissions")
    except OSError as exc:
        return input_error(path, f"cannot be read ({exc.strerror or exc})", "check the file")


def read_stream_bytes(stream: BinaryIO, path: str, limit: int = MAX_BYTES) -> bytes | InputError:
    """Read at most ``limit`` bytes; an error if there is more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        return input_error(
            path,
            f"larger than the limit of {limit // 1_048_576} MB",
            "split it into smaller files, or pass a JSONL batch with one article per line",
        )
    return data


def binary_kind(head: bytes) -> str | None:
    """What a non-text file seems to be ("a PDF document", "binary data"), or None for text."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head[:8192]:
        return "binary data"
    return None


def decode_bytes(
    data: bytes, path: str, warnings: list[InputError] | None = None
) -> str | InputError:
    """Decode ``data`` to text (newlines normalised), or explain why it is not text.

    A warning (e.g. bad bytes replaced) is appended to ``warnings`` when given.
    """
    if not data.strip():
        return input_error(path, "is empty", "remove it or check what produced it")
    kind = binary_kind(data[:8192])
    if kind:
        return input_error(path, f"is not text but {kind}", "pass text, HTML, JSONL, feed or WARC")
    text: str | None = None
    garbage_check: str | None = None
    replaced = 0
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                text = None
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            mostly = mostly_utf8(data)
            if mostly is not None:  # the replaced bytes are counted there, not as garbage
                text, replaced = mostly
                garbage_check = text.replace("\ufffd", "")
            else:
                best = from_bytes(data).best()
                text = str(best) if best is not None else None
    if text is None or _mostly_garbage(text if garbage_check is None else garbage_check):
        return input_error(
            path,
            "is neither valid UTF-8 nor text in any encoding that could be recognised",
            "convert it to UTF-8 (e.g. iconv -f <encoding> -t UTF-8)",
        )
    text = normalize_newlines(text)
    if not text.strip():
        return input_error(path, "is empty", "remove it or check what produced it")
    if replaced and warnings is not None:
        s = "s" if replaced != 1 else ""
        warnings.append(
            input_warning(
                path,
                f"decoded as UTF-8 with {replaced} invalid byte sequence{s} replaced by U+FFFD "
                "(the rest of the file is valid UTF-8); check what produced it",
            )
        )
    return text


def mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """``data`` decoded as UTF-8 with replacement, and the number of bad sequences, when its
    non-ASCII bytes are mostly valid UTF-8 (a legacy code page would garble every umlaut
    instead); else None."""
    valid = len(_UTF8_SEQ.findall(data))
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if valid == 0 or bad > valid:
        return None
    return text, bad


def _mostly_garbage(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    bad = len(_GARBAGE.findall(sample))
    return bad > max(2, len(sample) // 100)
