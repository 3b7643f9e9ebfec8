from pathlib import Path

import pytest

from ingest.loaders import LoaderError, decode_bytes, load_text
from tests.conftest import SHARED_FORMATS

pytestmark = pytest.mark.unit


def test_cp1252_and_utf8_are_detected(tmp_path: Path) -> None:
    text = "Financiën en één € bedrag"
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "b.txt").write_bytes(text.encode("utf-8"))
    assert load_text(tmp_path / "a.txt")[0] == text
    assert load_text(tmp_path / "b.txt")[0] == text
    assert decode_bytes("café".encode("utf-8-sig")) == ("café", "utf-8-sig")


def test_html_drops_navigation(tmp_path: Path) -> None:
    page = tmp_path / "brief.html"
    page.write_text(
        "<html><body><nav>Home | Zoeken</nav><main><h1>Brief regering</h1>"
        "<p>Den Haag, 5 maart 2021</p></main><script>x()</script></body></html>"
    )
    text = load_text(page)[0]
    assert "Brief regering" in text and "5 maart 2021" in text
    assert "Zoeken" not in text and "x()" not in text


def test_officielebekendmakingen_xml(tmp_path: Path) -> None:
    xml = tmp_path / "kst-29362-290.xml"
    xml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><kamerstuk><kamerstukkop>'
        "<vergaderjaar>Vergaderjaar 2020-2021</vergaderjaar></kamerstukkop>"
        "<dossier><dossiernummer>29 362</dossiernummer><titel>Modernisering van de overheid</titel>"
        "</dossier><stuk><nr>Nr. 290</nr><titel>BRIEF VAN DE MINISTER</titel>"
        "<al>Den Haag, 5 maart 2021</al><al>Tweede alinea.</al></stuk></kamerstuk>"
    )
    text = load_text(xml)[0]
    assert "29 362" in text and "Nr. 290" in text and "\n\nTweede alinea." in text


@pytest.mark.skipif(not SHARED_FORMATS.exists(), reason="shared/formats not beside the repo")
def test_real_pdf_and_docx_from_the_tweede_kamer() -> None:
    pdf_text = load_text(SHARED_FORMATS / "pm_kst-21501-02-3121.pdf")[0]
    assert "motie" in pdf_text.lower()
    docx_text = load_text(SHARED_FORMATS / "pm_kst-36278-32.docx")[0]
    assert "36 278" in docx_text


def test_bad_input_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "notitie.odt").write_bytes(b"x")
    with pytest.raises(LoaderError, match="notitie.odt: formaat '.odt' niet ondersteund"):
        load_text(tmp_path / "notitie.odt")
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.4 geen pdf")
    with pytest.raises(LoaderError, match="kapot.pdf"):
        load_text(tmp_path / "kapot.pdf")
