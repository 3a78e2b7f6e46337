"""Bad input: every file gets a clear error naming the file and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from indivisible._errors import InputError
from indivisible.ingest import MAX_BYTES, parse_file
from indivisible.ingest._read import read


def _error(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        parse_file(path)
    assert info.value.exit_code == 2
    return info.value


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert str(_error(path)) == f"{path}: file is empty"


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\n\t\n", encoding="utf-8")
    assert str(_error(path)) == f"{path}: file contains only whitespace"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert str(_error(path)) == (
        f"{path}: binary file (NUL byte at offset 8); expected text, Markdown or HTML"
    )


def test_latin1_file_names_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Title\nSergei Lavrov: Déclaration\n".encode("latin-1"))
    error = _error(path)
    assert error.line == 2
    assert str(error) == (
        f"{path}:2: not valid UTF-8 text (byte 0xe9 at offset 22); save the file as UTF-8"
    )


def test_html_declaring_latin1_is_decoded(tmp_path: Path) -> None:
    html = (
        "<html><head><meta charset='iso-8859-1'><title>Déclaration</title></head><body>"
        "<article><p>Sergei Lavrov: La déclaration de Rome reste la base de nos relations "
        "avec l'Alliance, et nous la respectons pleinement aujourd'hui.</p></article>"
        "</body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("latin-1"))
    raw = read(path)
    assert "La déclaration de Rome" in raw.text


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = b"Vladimir Putin: " + b"word " * 20 + b"\n"
    with path.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    assert path.stat().st_size > 50 * 1024 * 1024 > MAX_BYTES
    assert str(_error(path)) == (
        f"{path}: file is 50.0 MB; documents of at most 20 MB are accepted"
    )


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.txt"
    assert str(_error(path)) == f"{path}: cannot read file: No such file or directory"


def test_html_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    assert str(_error(path)) == (
        f"{path}: no document text left once page furniture (navigation, share bars, "
        "metadata) is removed"
    )


def test_crlf_line_endings_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title line\r\nSergei Lavrov: We insist on an answer.\r\n")
    parsed = parse_file(path)
    assert "\r" not in parsed.document.text
    (statement,) = parsed.statements
    assert statement.text == "We insist on an answer."
    assert parsed.document.text[statement.start : statement.end] == statement.text


def test_forum_emphasis_tags_are_markup_not_text(tmp_path: Path) -> None:
    # session 21: "[b]Rz: Czy …?[/b]" as a copied page keeps its bold questions
    path = tmp_path / "doc.txt"
    path.write_text("[b]Czy NATO się zmieni?[/b]\n[B]Tomas Valasek:[/B] Tak. [i]Raczej[/i] nie.\n")
    assert read(path).text == "Czy NATO się zmieni?\nTomas Valasek: Tak. Raczej nie.\n"
    path.write_text("[Senate] Session of 12 May.\n")
    assert read(path).text == "[Senate] Session of 12 May.\n"  # an editorial note stays
