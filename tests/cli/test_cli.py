"""The command line contract: output, exit codes, and files left alone on failure."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from keymon.cli import main
from keymon.core.entries import CertificateEntry, CertInfo, KeyPairEntry
from keymon.core.formats import pkcs12
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from tests import factory

PW = ["--password-env", "KM_PW"]
ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
HEX = re.compile(r"^[0-9a-f]+$")


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KM_PW", "storepass")
    monkeypatch.setenv("OTHER_PW", "otherpass")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "tenant.p12"
    entries = [
        factory.key_pair_entry("tenant", "Tenant Client"),
        factory.trusted_entry("receiver-root", "Receiver Root CA"),
    ]
    Keystore(entries, password="storepass").save_as(path, Format.PKCS12, "storepass")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_contract(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", store_path, "--json", *PW)
    assert code == 0
    items = json.loads(out)
    assert [i["alias"] for i in items] == ["tenant", "receiver-root"]
    tenant, root = items
    assert tenant["type"] == "key_pair" and root["type"] == "certificate"
    assert tenant["chain_length"] == 3 and root["chain_length"] == 1
    for item in items:
        assert ISO_Z.match(item["not_before"]) and ISO_Z.match(item["not_after"])
        assert HEX.match(item["serial"]) and len(item["sha1"]) == 40
        assert HEX.match(item["sha256"]) and len(item["sha256"]) == 64
        assert item["status"] == "valid"
        assert item["subject"].startswith("CN=") or "CN=" in item["subject"]
    assert tenant["key_algorithm"] == "RSA" and tenant["key_size"] == 2048
    assert root["key_algorithm"] == "EC" and root["key_size"] == 256
    store = Keystore.open(store_path, "storepass")
    assert tenant["sha256"] == store.get("tenant").certificates[0].sha256


def test_list_human(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", store_path, *PW)
    assert code == 0
    assert "2 entries" in out and "tenant" in out and "Receiver Root CA" in out


def test_show_json_gives_whole_chain(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", store_path, "TENANT", "--json", *PW)
    assert code == 0
    data = json.loads(out)
    assert data["alias"] == "tenant"
    assert len(data["chain"]) == 3
    leaf = data["chain"][0]
    assert leaf["pem"].startswith("-----BEGIN CERTIFICATE-----")
    names = {e["name"] for e in leaf["extensions"]}
    assert any("Basic" in n for n in names)
    code, out, _ = run(capsys, "show", store_path, "tenant", *PW)
    assert code == 0 and "SHA-256" in out


def test_wrong_password_exits_3_and_changes_nothing(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = store_path.read_bytes()
    code, _, err = run(capsys, "delete", store_path, "tenant", "--password-env", "OTHER_PW")
    assert code == 3
    assert err.startswith("keymon: ") and err.count("\n") == 1
    assert store_path.read_bytes() == before


def test_unknown_alias_exits_2(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = store_path.read_bytes()
    code, _, err = run(capsys, "delete", store_path, "tenant", "nope", *PW)
    assert code == 2 and "nope" in err
    assert store_path.read_bytes() == before  # all or nothing


@pytest.mark.parametrize("content", [b"", b"garbage", b"\x30\x82\x01\x00" + b"\x00" * 20])
def test_unreadable_files_exit_4(
    tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.p12"
    path.write_bytes(content)
    code, _, err = run(capsys, "list", path, *PW)
    assert code == 4 and err.count("\n") == 1
    assert path.read_bytes() == content


def test_truncated_keystore_exits_non_zero_without_change(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = store_path.read_bytes()
    store_path.write_bytes(data[: len(data) // 2])
    code, _, _ = run(capsys, "rename", store_path, "tenant", "t2", *PW)
    assert code in (3, 4)
    assert store_path.read_bytes() == data[: len(data) // 2]


def test_missing_file_exits_4(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "list", tmp_path / "nope.p12", *PW)
    assert code == 4 and "does not exist" in err


def test_no_password_without_terminal_is_a_clear_error(
    store_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", open(__file__))  # not a terminal  # noqa: SIM115
    code, _, err = run(capsys, "list", store_path)
    sys.stdin.close()
    assert code == 2 and "--password-env" in err


def test_password_from_keyring(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from keymon.core import secrets

    secrets.set_password(store_path, "storepass")
    code, out, _ = run(capsys, "list", store_path, "--json")
    assert code == 0 and len(json.loads(out)) == 2


def test_password_file(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pwfile = tmp_path / "pw.txt"
    pwfile.write_text("storepass\n")
    code, _, _ = run(capsys, "list", store_path, "--password-file", pwfile)
    assert code == 0


def test_rename_delete_backups_restore(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "rename", store_path, "tenant", "tenant-2026", *PW)[0] == 0
    assert run(capsys, "delete", store_path, "receiver-root", *PW)[0] == 0
    assert Keystore.open(store_path, "storepass").aliases == ["tenant-2026"]
    code, out, _ = run(capsys, "backups", store_path, "--json")
    versions = json.loads(out)
    assert [v["entries"] for v in versions] == [2, 2]
    assert all(ISO_Z.match(v["created"]) for v in versions)
    code, _, _ = run(capsys, "restore", store_path, str(versions[-1]["version"]), *PW)
    assert code == 0
    assert Keystore.open(store_path, "storepass").aliases == ["tenant", "receiver-root"]
    code, out, _ = run(capsys, "backups", store_path)
    assert code == 0 and "Version" in out
    assert run(capsys, "restore", store_path, "99", *PW)[0] == 2


def test_rename_clash_exits_2(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = store_path.read_bytes()
    code, _, err = run(capsys, "rename", store_path, "tenant", "Receiver-Root", *PW)
    assert code == 2 and "exists" in err
    assert store_path.read_bytes() == before


def test_import_every_key_of_a_multi_key_pkcs12(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "many.p12"
    keys = [factory.key_pair_entry("alpha"), factory.self_signed_entry("beta")]
    source.write_bytes(pkcs12.dump(keys, "otherpass"))
    target = tmp_path / "new.jks"
    code, _, err = run(capsys, "import", target, source, *PW, "--source-password-env", "OTHER_PW")
    assert code == 0, err
    store = Keystore.open(target, "storepass")
    assert store.format is Format.JKS
    assert store.aliases == ["alpha", "beta"]
    assert all(isinstance(e, KeyPairEntry) for e in store)
    # importing again clashes: nothing changes
    before = target.read_bytes()
    code, _, err = run(capsys, "import", target, source, *PW, "--source-password-env", "OTHER_PW")
    assert code == 2 and target.read_bytes() == before
    code, _, _ = run(
        capsys,
        "import",
        target,
        source,
        *PW,
        "--source-password-env",
        "OTHER_PW",
        "--on-clash",
        "rename",
    )
    assert code == 0
    assert Keystore.open(target, "storepass").aliases == ["alpha", "beta", "alpha-2", "beta-2"]


def test_import_certificate_with_alias(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cert = factory.trusted_entry("x", "Partner CA").cert
    cer = tmp_path / "partner.cer"
    cer.write_bytes(cert.der)
    code, _, _ = run(capsys, "import", store_path, cer, "--alias", "partner", *PW)
    assert code == 0
    entry = Keystore.open(store_path, "storepass").get("partner")
    assert isinstance(entry, CertificateEntry) and entry.cert == cert


@pytest.mark.parametrize(
    ("what", "fmt", "check"),
    [
        ("certificate", "pem", b"-----BEGIN CERTIFICATE-----"),
        ("certificate", "der", b"\x30\x82"),
        ("chain", "pem", b"-----BEGIN CERTIFICATE-----"),
        ("chain", "p7b", b"\x30"),
        ("root", "pem", b"-----BEGIN CERTIFICATE-----"),
        ("public-key", "pem", b"-----BEGIN PUBLIC KEY-----"),
        ("openssh", None, b"ssh-rsa "),
    ],
)
def test_exports(
    store_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    what: str,
    fmt: str | None,
    check: bytes,
) -> None:
    out = tmp_path / "out"
    args = ["export", store_path, "tenant", "--what", what, "-o", out, *PW]
    if fmt:
        args += ["--format", fmt]
    code, _, err = run(capsys, *args)
    assert code == 0, err
    assert out.read_bytes().startswith(check)
    if what == "chain" and fmt == "pem":
        assert out.read_bytes().count(b"BEGIN CERTIFICATE") == 3
    if what == "root":
        root = factory.ca_chain()[0][1]
        assert out.read_bytes() == root.public_bytes(serialization.Encoding.PEM)


def test_export_key_pair_is_password_protected(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "exported.p12"
    args = ["export", store_path, "tenant", "--what", "key-pair", "-o", out, *PW]
    code, _, err = run(capsys, *args, "--out-password-env", "OTHER_PW")
    assert code == 0, err
    assert out.stat().st_mode & 0o777 == 0o600
    entries = pkcs12.load(out.read_bytes(), "otherpass")
    assert len(entries) == 1 and isinstance(entries[0], KeyPairEntry)
    assert len(entries[0].chain) == 3


def test_convert_between_formats(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = Keystore.open(store_path, "storepass")
    for to, name in (("jks", "c.jks"), ("pem", "c.pem"), ("pkcs12", "c.p12")):
        target = tmp_path / name
        code, _, err = run(capsys, "convert", store_path, target, "--to", to, *PW)
        assert code == 0, err
        converted = Keystore.open(target, "storepass")
        assert converted.format.value == to
        assert converted.aliases == original.aliases
        assert [e.certificates for e in converted] == [e.certificates for e in original]
    # the target exists now: refuse without --force
    code, _, err = run(capsys, "convert", store_path, tmp_path / "c.jks", "--to", "jks", *PW)
    assert code == 2 and "--force" in err


def test_convert_with_target_password_and_legacy(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "legacy.p12"
    code, _, _ = run(
        capsys,
        "convert",
        store_path,
        target,
        "--to",
        "pkcs12",
        "--legacy",
        *PW,
        "--target-password-env",
        "OTHER_PW",
    )
    assert code == 0
    assert len(pkcs12.load(target.read_bytes(), "otherpass")) == 2


def _expired_store(path: Path) -> None:
    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    key = factory.ec_key(3)
    old = factory.make_cert(key, "Old Partner", not_before=past, days=30)
    soon = factory.make_cert(key, "Soon Partner", days=11)
    entries = [
        CertificateEntry("old", CertInfo.from_cert(old)),
        CertificateEntry("soon", CertInfo.from_cert(soon)),
        factory.trusted_entry("fine"),
    ]
    Keystore(entries, password="storepass").save_as(path, Format.PKCS12, "storepass")


def test_expiring(tmp_path: Path, store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "exp.p12"
    _expired_store(path)
    code, out, _ = run(capsys, "expiring", path, "--json", *PW)
    assert code == 1
    found = json.loads(out)
    assert [(f["alias"], f["status"]) for f in found] == [("old", "expired"), ("soon", "expiring")]
    code, out, _ = run(capsys, "expiring", path, "--days", "5", *PW)
    assert code == 1 and "soon" not in out
    code, out, _ = run(capsys, "expiring", store_path, *PW)
    assert code == 0 and "No entry" in out
    code, out, _ = run(capsys, "expiring", store_path, path, "--json", *PW)
    assert code == 1 and {f["keystore"] for f in json.loads(out)} == {str(path)}


def test_passwd(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "passwd", store_path, *PW, "--new-password-env", "OTHER_PW")
    assert code == 0
    assert len(Keystore.open(store_path, "otherpass")) == 2


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jks"
    bad.write_bytes(b"\xfe\xed\xfe\xed\x00\x00\x00\x02\x00\x00\x00\x05junk")
    result = subprocess.run(
        [sys.executable, "-m", "keymon.cli", "list", str(bad), "--password-env", "KM_PW"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (3, 4)
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_usage_error_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["list"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0


def test_closed_pipe_is_not_an_error(store_path: Path) -> None:
    code = (
        "import sys\n"
        "from keymon.cli import main\n"
        "sys.exit(main(['list', sys.argv[1], '--json', '--password-env', 'KM_PW']))\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(store_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before keymon writes
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait() == 141
    assert b"Traceback" not in err and b"Broken pipe" not in err
