"""Read a document file into plain text. One function per format; the file extension decides."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup


class LoaderError(ValueError):
    """A file that cannot be read as a document; the message names the file and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode text bytes: BOMs first, then UTF-8, then Windows-1252, then Latin-1."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(encoding), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few damaged bytes (a bad copy, a cut multi-byte character): keep UTF-8 and
    # drop the damage, rather than reading every accent as Windows-1252 mojibake.
    repaired = raw.decode("utf-8", errors="replace")
    if repaired.count("\ufffd") <= max(1, len(raw) // 1000) and _looks_utf8(raw):
        return repaired, "utf-8 (beschadigde bytes weggelaten)"
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def _looks_utf8(raw: bytes) -> bool:
    """Whether the bytes hold valid UTF-8 multi-byte characters at all (not just ASCII)."""
    return re.search(rb"[\xc2-\xf4][\x80-\xbf]", raw) is not None or not re.search(
        rb"[\x80-\xff]", raw
    )


# Control characters that never occur in a text document (tab, newlines and form feed do).
_BINARY_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_MAX_BINARY_SHARE = 0.005


def _load_text(path: Path, raw: bytes) -> str:
    text, encoding = decode_bytes(raw)
    strange = len(_BINARY_CHARS.findall(text))
    if strange > _MAX_BINARY_SHARE * len(text):
        first = _BINARY_CHARS.search(text)
        offset = first.start() if first else 0
        raise LoaderError(
            path,
            f"geen leesbare tekst: {strange} binaire of onleesbare tekens als {encoding} "
            f"(de eerste op teken {offset}); is dit wel een {path.suffix}-bestand?",
        )
    return _BINARY_CHARS.sub("", text)


_HTML_NOISE = ("script", "style", "nav", "header", "footer", "noscript", "form", "button")


def _load_html(path: Path, raw: bytes) -> str:
    soup = BeautifulSoup(raw, "lxml")
    for tag in soup(_HTML_NOISE):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    return root.get_text("\n")


# Block elements of the officielebekendmakingen Kamerstuk XML (kst-*.xml).
_XML_BLOCKS = {
    "al",
    "kop",
    "titel",
    "tussenkop",
    "nr",
    "tekst",
    "li",
    "dossiernummer",
    "ondernummer",
    "vergaderjaar",
    "dagtekening",
    "functie",
    "naam",
    "voornaam",
    "achternaam",
    "noot",
    "voetnoot",
    "p",
    "kamerstukkop",
    "dossiertitel",
    "ondertekening",
}


def _load_xml(path: Path, raw: bytes) -> str:
    from lxml import etree

    try:
        root = etree.fromstring(raw, parser=etree.XMLParser(recover=False, resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        raise LoaderError(path, f"ongeldige XML ({exc})") from exc
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = etree.QName(element).localname if isinstance(element.tag, str) else ""
        block = tag.lower() in _XML_BLOCKS
        if block:
            parts.append("\n\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n\n")

    walk(root)
    return re.sub(r"[ \t]*\n[ \t]*\n\s*", "\n\n", "".join(parts))


def _load_pdf(path: Path, raw: bytes) -> str:
    from pypdf import PdfReader

    if not raw.startswith(b"%PDF"):
        raise LoaderError(path, "geen PDF: het bestand begint niet met %PDF")
    if b"%%EOF" not in raw[-2048:]:
        raise LoaderError(
            path,
            "PDF is afgekapt of beschadigd (geen %%EOF aan het eind); haal het bestand opnieuw op",
        )
    try:
        reader = PdfReader(io.BytesIO(raw))
        # Many published PDFs are encrypted with an empty password (only editing is locked).
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoaderError(
                path, "PDF is beveiligd met een wachtwoord; lever een versie zonder wachtwoord aan"
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except LoaderError:
        raise
    except Exception as exc:  # pypdf raises many types for damaged files
        raise LoaderError(path, f"onleesbare PDF ({type(exc).__name__}: {exc})") from exc
    return "\n\n".join(pages)


def _load_docx(path: Path, raw: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise LoaderError(path, f"onleesbaar Word-document ({exc})") from exc
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append(" ".join(cell.text for cell in row.cells))
    return "\n\n".join(paragraphs)


_LOADERS: dict[str, Callable[[Path, bytes], str]] = {
    ".txt": _load_text,
    ".text": _load_text,
    ".md": _load_text,
    ".html": _load_html,
    ".htm": _load_html,
    ".xml": _load_xml,
    ".pdf": _load_pdf,
    ".docx": _load_docx,
}
SUPPORTED_SUFFIXES = tuple(_LOADERS)


_NO_TEXT = {
    ".pdf": "geen tekst gevonden (gescande PDF zonder tekstlaag?)",
    ".html": "geen tekst gevonden: de HTML bevat alleen opmaak, scripts of navigatie",
    ".htm": "geen tekst gevonden: de HTML bevat alleen opmaak, scripts of navigatie",
}


def load_text(path: Path, max_bytes: int | None = None) -> tuple[str, bytes]:
    """Return the document's text and its raw bytes; raises LoaderError naming the file."""
    loader = _LOADERS.get(path.suffix.lower())
    if loader is None:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise LoaderError(
            path, f"formaat '{path.suffix or '(geen)'}' niet ondersteund ({supported})"
        )
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise LoaderError(
                path,
                f"bestand is te groot ({size / 1e6:.1f} MB; maximaal {max_bytes / 1e6:.0f} "
                "MB, in te stellen met UITVOERING_MAX_FILE_MB)",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise LoaderError(path, f"kan bestand niet lezen ({exc.strerror})") from exc
    if not raw.strip():
        raise LoaderError(path, "bestand is leeg")
    text = loader(path, raw)
    if not text.strip():
        raise LoaderError(path, _NO_TEXT.get(path.suffix.lower(), "geen tekst gevonden"))
    return text, raw
