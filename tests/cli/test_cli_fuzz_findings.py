"""The fuzz campaign's last findings through the command line: exit 4 with one line.

A malformed PFX and a legacy PEM key with a bad DEK-Info IV used to end in exit 70 or a
Rust panic's traceback. And should cryptography panic on something nobody checks yet, the
top-level handler reports the file as damaged or unsupported (exit 4), not a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from keymon.cli import main
from keymon.core.formats import pem_keys
from tests.core.test_fuzz_findings import IV, MALFORMED_PFX, legacy_key


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KM_PW", "pw")


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_exit_4(code: int, err: str) -> None:
    assert code == 4, err
    assert "Traceback" not in err and "internal error" not in err
    assert len(err.strip().splitlines()) == 1, err


COMMANDS = (["list"], ["list", "--json"], ["show", "?", "alias"])


def _args(command: list[str], path: Path) -> list[str | Path]:
    args: list[str | Path] = [path if a == "?" else a for a in command]
    if "?" not in command:
        args.append(path)
    return [*args, "--password-env", "KM_PW"]


@pytest.mark.parametrize("name", ["empty ContentInfo", "empty SafeBag", "SafeBag without value"])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_malformed_pfx_is_exit_4(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, command: list[str]
) -> None:
    path = tmp_path / "store.p12"
    path.write_bytes(MALFORMED_PFX[name])
    one_line_exit_4(*run(capsys, *_args(command, path))[::2])


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_short_dek_info_iv_is_exit_4(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    path = tmp_path / "key.pem"
    path.write_bytes(legacy_key("AES-128-CBC", IV[:16]))
    code, _, err = run(capsys, *_args(command, path))
    one_line_exit_4(code, err)
    assert "DEK-Info IV is not 16 bytes of hex" in err


def test_a_rust_panic_that_slips_through_is_exit_4_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the DEK-Info check switched off, cryptography really panics (a BaseException)."""
    monkeypatch.setattr(pem_keys, "check_legacy_headers", lambda block: None)
    monkeypatch.delenv("KEYMON_DEBUG", raising=False)
    path = tmp_path / "key.pem"
    path.write_bytes(legacy_key("AES-128-CBC", IV[:16]))
    code, _, err = run(capsys, "list", path, "--password-env", "KM_PW")
    one_line_exit_4(code, err)
    assert err == (
        "keymon: The file is damaged or unsupported: the cryptography library refused its"
        " contents (assertion failed: iv_len <= iv.len()).\n"
    )


def test_other_base_exceptions_still_propagate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Stop(BaseException):
        pass

    def stop(block: bytes) -> None:
        raise Stop

    monkeypatch.setattr(pem_keys, "check_legacy_headers", stop)
    path = tmp_path / "key.pem"
    path.write_bytes(legacy_key())
    with pytest.raises(Stop):
        main(["list", str(path), "--password-env", "KM_PW"])
