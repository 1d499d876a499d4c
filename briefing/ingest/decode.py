"""Bytes to text: detect the encoding, refuse binary data, repair mojibake."""

from __future__ import annotations

import codecs

import charset_normalizer
import ftfy

from briefing.ingest.errors import Skipped

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# Quotes stay curly and full-width forms stay as written: repair encoding damage, not words.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False,
                             fix_latin_ligatures=False, normalization="NFC", explain=False)
# Short texts fit several single-byte encodings equally well; news in them is mostly Western.
_TIE_BREAK = ("cp1252", "latin_1", "iso8859_15")
_CONTROL_SHARE = 0.02  # more control characters than this means binary data, not text


def decode(raw: bytes) -> tuple[str, str | None]:
    """Return (text, note) for file bytes; `note` reports a repair the caller should warn about.

    Raises Skipped for empty, binary or undecodable data.
    """
    if not raw.strip():
        raise Skipped("empty file")
    text, note = _decode(raw)
    if not text.strip():
        raise Skipped("empty file")
    if _control_share(text) > _CONTROL_SHARE:
        raise Skipped("binary data, not text")
    return repair(text), note


def repair(text: str) -> str:
    """Return `text` with mojibake (UTF-8 read as cp1252 and the like) repaired."""
    return ftfy.fix_text(text, _FTFY)


def _decode(raw: bytes) -> tuple[str, str | None]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, encoding), None
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return _strict(raw, utf16), None
    if b"\x00" in raw:
        raise Skipped("binary data, not text (it contains NUL bytes)")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and err.start >= len(raw) - 3:
            note = f"truncated UTF-8 (dropped the incomplete last character at byte {err.start})"
            return raw[: err.start].decode("utf-8"), note
    return _guess(raw), None


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as err:
        raise Skipped(f"not valid {encoding.upper()} (byte {err.start}: {err.reason})") from err


def _utf16_without_bom(raw: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" when every other byte is NUL (ASCII-range UTF-16)."""
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _guess(raw: bytes) -> str:
    """Return the text in charset-normalizer's best encoding; ties go to Western encodings."""
    results = list(charset_normalizer.from_bytes(raw))
    if not results:
        raise Skipped("undecodable: not UTF-8, and no known encoding fits")
    best = results[0]
    ties = [m for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    preferred = [m for m in ties if m.encoding in _TIE_BREAK]
    return str(preferred[0] if preferred else best)


def _control_share(text: str) -> float:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    return controls / len(text)
