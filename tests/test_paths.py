"""The path helper: reading checks, output options checked early and written atomically."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from indivisible._errors import InputError
from indivisible._paths import Outputs, check_readable, list_folder, shown


def test_check_readable_names_the_path_and_the_reason(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text("a: 1\n", encoding="utf-8")
    assert check_readable(tmp_path / "ok.yaml") == tmp_path / "ok.yaml"
    cases = {
        tmp_path / "missing.yaml": "no such file or folder",
        tmp_path: "is a folder, not a file",
        tmp_path / "a\0b.yaml": "the path contains a NUL byte",
        tmp_path / ("x" * 5000): "file name too long",
    }
    for path, reason in cases.items():
        with pytest.raises(InputError, match=re.escape(reason)) as exc:
            check_readable(path)
        assert exc.value.path == shown(path)
    if os.path.exists("/proc/self/mem"):
        with pytest.raises(InputError, match="input/output error"):
            check_readable("/proc/self/mem")


def test_shown_escapes_control_characters_and_cuts_long_names() -> None:
    assert shown("a\0b\x1b[31m") == "a\\x00b\\x1b[31m"
    long = shown("y" * 5000)
    assert len(long) < 300 and long.endswith("(5000 characters)")


def test_list_folder_sorted_and_unreadable_folder_is_an_error(tmp_path: Path) -> None:
    for n in ("b.yaml", "a.yaml", "c.txt"):
        (tmp_path / n).write_text("x: 1\n", encoding="utf-8")
    assert [p.name for p in list_folder(tmp_path)] == ["a.yaml", "b.yaml"]
    with pytest.raises(InputError, match="cannot read folder: no such file or folder"):
        list_folder(tmp_path / "nope")


def test_outputs_are_checked_before_any_work(tmp_path: Path) -> None:
    outs = Outputs()
    (tmp_path / "d.png").mkdir()
    bad = {
        str(tmp_path / "x.html"): "expected a .png file name, got 'x.html'",
        str(tmp_path / "figure"): "expected a .png file name, got 'figure' (no extension)",
        str(tmp_path / "d.png"): "is a folder",
        str(tmp_path / "missing" / "x.png"): "no such folder",
        str(tmp_path / "a\0.png"): "NUL byte",
        str(tmp_path / ("z" * 300 + ".png")): "file name too long",
    }
    for path, reason in bad.items():
        with pytest.raises(InputError, match=re.escape(reason)) as exc:
            outs.add(path, field="--plot", suffixes=(".png",))
        assert exc.value.field == "--plot"
    assert sorted(os.listdir(tmp_path)) == ["d.png"]  # the probe left nothing


def test_outputs_commit_together_or_not_at_all(tmp_path: Path) -> None:
    outs = Outputs()
    a = outs.add(tmp_path / "a.csv", field="--out", suffixes=(".csv",))
    b = outs.add(tmp_path / "b.png", field="--plot", suffixes=(".png",))
    assert a is not None and b is not None
    with pytest.raises(RuntimeError), outs.writing():
        a.path.write_text("x\n", encoding="utf-8")
        raise RuntimeError("the work failed after the first output")
    assert os.listdir(tmp_path) == []
    with outs.writing():
        assert a.path.parent == tmp_path and a.path != tmp_path / "a.csv"
        a.path.write_text("x\n", encoding="utf-8")
        b.path.write_bytes(b"png")
    assert sorted(os.listdir(tmp_path)) == ["a.csv", "b.png"]
    mode = (tmp_path / "a.csv").stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_an_output_nothing_wrote_is_an_error(tmp_path: Path) -> None:
    outs = Outputs()
    outs.add(tmp_path / "a.csv", field="--out", suffixes=(".csv",))
    with pytest.raises(InputError, match="nothing was written"), outs.writing():
        pass
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_device_fails_before_any_regular_file_is_written(tmp_path: Path) -> None:
    (tmp_path / "full.png").symlink_to("/dev/full")
    outs = Outputs()
    ok = outs.add(tmp_path / "ok.csv", field="--out", suffixes=(".csv",))
    full = outs.add(tmp_path / "full.png", field="--plot", suffixes=(".png",))
    assert ok is not None and full is not None and full.in_place
    with pytest.raises(InputError, match=r"--plot.*no space left on device") as exc, outs.writing():
        ok.path.write_text("x\n", encoding="utf-8")
        assert full.path.suffix == ".png" and full.path.parent != tmp_path
        full.path.write_bytes(b"png")
    assert "full.png" in str(exc.value)
    assert sorted(os.listdir(tmp_path)) == ["full.png"]
    # a device named with an extension still needs a known one
    with pytest.raises(InputError, match=r"expected a \.csv file name, got 'full\.png'"):
        Outputs().add(tmp_path / "full.png", field="--x", suffixes=(".csv",))
