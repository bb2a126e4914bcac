"""Tenants on the command line, against the simulated tenant (tests/sapci/double.py).

`keymon tenant add|list|remove|test`, `sapci:` locations for list, show, export and
expiring (mixed with files), and `keymon diff`. The double is a real HTTPS server
with its own CA; nothing of keymon's client is mocked.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from keymon.cli import main
from keymon.core import secrets
from keymon.core.entries import CertificateEntry, CertInfo
from keymon.core.errors import PasswordRequired
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from tests import factory
from tests.sapci.double import FakeTenant
from tests.sapci.seed import seed

SECRET = "s3cr3t-value"


@pytest.fixture(scope="module")
def tenant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeTenant]:
    with FakeTenant(tmp_path_factory.mktemp("tenant")) as t:
        seed(t.state, small=True)
        yield t


@pytest.fixture(autouse=True)
def _clean(tenant: FakeTenant, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("KM_PW", "storepass")
    yield
    tenant.faults.clear()


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert SECRET not in out + err  # never printed, whatever happens
    return code, out, err


def add(
    capsys: pytest.CaptureFixture[str], tenant: FakeTenant, tmp: Path, name: str = "dev"
) -> None:
    key = tmp / f"{name}-service-key.json"
    key.write_text(json.dumps(tenant.service_key()), "utf-8")
    code, out, err = run(
        capsys, "tenant", "add", name, "--service-key", key, "--ca-file", tenant.ca_file
    )
    assert code == 0, err
    assert f"sapci:{name}" in out


def local_store(tmp: Path, days: int) -> Path:
    """A PKCS#12 file with one trusted certificate that expires in ``days``."""
    path = tmp / "local.p12"
    cert = factory.make_cert(factory.ec_key(7), "Local Partner", ca=True, days=days)
    entry = CertificateEntry("local_partner", CertInfo.from_cert(cert))
    Keystore([entry], password="storepass").save_as(path, Format.PKCS12, "storepass")
    return path


# -- profiles ---------------------------------------------------------------------------
def test_add_list_test_remove(
    tenant: FakeTenant, tmp_path: Path, keymon_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    assert SECRET not in (keymon_home / "tenants.json").read_text("utf-8")
    assert secrets.get_secret("sapci:dev") == SECRET  # the keyring holds it, only there

    code, out, _ = run(capsys, "tenant", "list", "--json")
    [row] = json.loads(out)
    assert code == 0 and row["name"] == "dev" and row["location"] == "sapci:dev"
    assert row["secret_in_keyring"] is True and row["ca_file"] == str(tenant.ca_file)
    assert row["api_url"] == f"{tenant.url}/api/v1" and row["auth"] == "client_secret"

    code, out, _ = run(capsys, "tenant", "test", "dev")
    assert code == 0 and "✓ token" in out and "✓ read" in out and "Result: OK" in out
    code, out, _ = run(capsys, "tenant", "test", "dev", "--json")
    report = json.loads(out)
    assert report["ok"] and [s["name"] for s in report["steps"]] == ["token", "csrf", "read"]

    code, _, err = run(
        capsys, "tenant", "add", "dev", "--service-key", tmp_path / "dev-service-key.json"
    )
    assert code == 2 and "already exists" in err

    code, out, _ = run(capsys, "tenant", "remove", "dev")
    assert code == 0 and secrets.get_secret("sapci:dev") is None
    code, out, _ = run(capsys, "tenant", "list")
    assert code == 0 and "No tenant profiles yet" in out
    code, _, err = run(capsys, "tenant", "remove", "dev")
    assert code == 2 and "no tenant profile named 'dev'" in err


def test_add_from_typed_fields_with_the_secret_from_the_environment(
    tenant: FakeTenant, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TENANT_SECRET", SECRET)
    fields = ["--api-url", tenant.url, "--token-url", tenant.token_url]
    fields += ["--client-id", tenant.client_id, "--ca-file", tenant.ca_file]
    code, _, err = run(capsys, "tenant", "add", "typed", *fields[:4])
    assert code == 2 and "--client-id" in err  # a field missing: nothing saved
    code, _, err = run(capsys, "tenant", "add", "typed", *fields)
    assert code == PasswordRequired.exit_code and "--secret-env" in err  # no terminal to ask on
    code, _, err = run(capsys, "tenant", "add", "typed", *fields, "--secret-env", "TENANT_SECRET")
    assert code == 0, err
    code, out, _ = run(capsys, "tenant", "test", "typed")
    assert code == 0 and "Result: OK" in out


def test_add_a_certificate_login_from_typed_fields(
    tenant: FakeTenant, tmp_path: Path, keymon_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    oauth = tenant.cert_service_key()["oauth"]
    cert, key = tmp_path / "client.pem", tmp_path / "client.key"
    cert.write_text(oauth["certificate"], "utf-8")
    key.write_text(oauth["key"], "utf-8")
    fields = ["--api-url", tenant.url, "--token-url", oauth["tokenurl"]]
    fields += ["--client-id", tenant.client_id, "--ca-file", tenant.ca_file]
    code, _, err = run(capsys, "tenant", "add", "mtls", *fields, "--client-certificate", cert)
    assert code == 2 and "--client-key" in err
    code, _, err = run(capsys, "tenant", "add", "mtls", *fields, "--client-certificate", key,
                       "--client-key", key)  # fmt: skip
    assert code == 2 and "no PEM certificate" in err
    code, _, err = run(
        capsys, "tenant", "add", "mtls", *fields, "--client-certificate", cert, "--client-key", key
    )
    assert code == 0, err
    assert "PRIVATE KEY" not in (keymon_home / "tenants.json").read_text("utf-8")
    assert secrets.get_secret("sapci:mtls") == oauth["key"]
    code, out, _ = run(capsys, "tenant", "test", "mtls")
    assert code == 0 and "Result: OK" in out
    code, out, _ = run(capsys, "list", "sapci:mtls", "--json")
    assert code == 0 and len(json.loads(out)) == 6


def test_a_wrong_secret_fails_the_test_and_reading_with_exit_7(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "secret"
    wrong.write_text("not-the-secret\n", "utf-8")
    fields = ["--api-url", tenant.url, "--token-url", tenant.token_url]
    fields += ["--client-id", tenant.client_id, "--ca-file", tenant.ca_file]
    code, _, err = run(capsys, "tenant", "add", "bad", *fields, "--secret-file", wrong)
    assert code == 0, err
    code, out, _ = run(capsys, "tenant", "test", "bad")
    assert code == 7 and "✗ token" in out and "Result: failed" in out
    code, out, err = run(capsys, "list", "sapci:bad")
    assert code == 7 and out == "" and "401" in err and len(err.splitlines()) == 1
    assert "not-the-secret" not in err


# -- reading a tenant -----------------------------------------------------------------------
def test_list_json_adds_the_tenant_fields(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    code, out, _ = run(capsys, "list", "sapci:dev", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["alias"] for r in rows] == list(tenant.state.store("system"))
    by_alias = {r["alias"]: r for r in rows}
    own = by_alias["tenant_client"]
    for key in ("owner", "created_by", "created_at", "modified_by", "modified_at"):
        assert key in own
    assert own["created_by"] == "S0000000001" and own["status"] == "expiring"
    assert "tenant_status" in own and own["type"] == "key_pair"
    assert by_alias["sap_cloudintegrationcertificate"]["owner"] == "SAP"
    assert by_alias["sap_cloudintegrationcertificate"]["sap_owned"] is True

    code, out, _ = run(capsys, "list", "sapci:dev")
    assert code == 0 and out.startswith("sapci:dev: tenant keystore (system), 6 entries")
    assert "tenant_client" in out


def test_show_and_export_public_material(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    code, out, _ = run(capsys, "show", "sapci:dev", "tenant_client", "--json")
    details = json.loads(out)
    assert code == 0 and details["alias"] == "tenant_client" and details["chain"]
    assert details["owner"] is not None and "created_at" in details
    code, out, _ = run(capsys, "show", "sapci:dev", "sap_cloudintegrationcertificate")
    assert code == 0 and "Owner:   SAP (SAP-owned: read-only)" in out and "Created: " in out

    pem = tmp_path / "client.pem"
    code, _, err = run(
        capsys, "export", "sapci:dev", "tenant_client", "--what", "certificate", "-o", pem
    )
    assert code == 0, err
    cert = x509.load_pem_x509_certificate(pem.read_bytes())
    expected = tenant.state.entry("tenant_client").certificates[0].der
    assert cert.public_bytes(Encoding.DER) == expected

    p12 = tmp_path / "key.p12"
    code, _, err = run(
        capsys, "export", "sapci:dev", "tenant_client", "--what", "key-pair", "-o", p12,
        "--out-password-env", "KM_PW",
    )  # fmt: skip
    assert code == 2 and "stays on the tenant" in err and not p12.exists()


def test_expiring_mixes_tenants_and_files(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    path = local_store(tmp_path, days=5)
    args = ["expiring", "sapci:dev", path, "--password-env", "KM_PW", "--days", "30", "--json"]
    code, out, _ = run(capsys, *args)
    found = json.loads(out)
    assert code == 1
    where = {(item["keystore"], item["alias"]) for item in found}
    assert ("sapci:dev", "tenant_client") in where and (str(path), "local_partner") in where
    code, out, _ = run(capsys, "expiring", "sapci:dev", "--days", "1")
    assert "tenant_client" not in out  # 12 days left: outside a 1-day window


def test_expiring_writes_a_calendar_with_tenant_certificates(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    ics = tmp_path / "expiry.ics"
    code, _, err = run(capsys, "expiring", "sapci:dev", "--days", "30", "--ics", ics)
    assert code == 1, err
    text = ics.read_text("utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "tenant_client" in text


# -- failures ---------------------------------------------------------------------------------
def test_network_and_usage_failures_are_one_line(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    tenant.inject(403, path="/KeystoreEntries", message="Forbidden for this client")
    code, out, err = run(capsys, "list", "sapci:dev")
    assert code == 7 and out == "" and "403" in err and len(err.splitlines()) == 1

    code, _, err = run(capsys, "list", "sapci:nobody")
    assert code == 2 and "no tenant profile named 'nobody'" in err
    code, _, err = run(capsys, "list", "sapci:dev/NoSuchStore")
    assert code == 2 and "KeyRenewal" in err

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    key = tenant.service_key()
    key["oauth"]["url"] = f"https://127.0.0.1:{port}"
    key["oauth"]["tokenurl"] = f"https://127.0.0.1:{port}/oauth/token"
    file = tmp_path / "gone.json"
    file.write_text(json.dumps(key), "utf-8")
    assert run(capsys, "tenant", "add", "gone", "--service-key", file)[0] == 0
    code, _, err = run(capsys, "list", "sapci:gone")
    assert code == 7 and "Traceback" not in err and len(err.splitlines()) == 1


def test_diff_of_tenants_and_files(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    add(capsys, tenant, tmp_path, "prod")
    code, out, _ = run(capsys, "diff", "sapci:dev", "sapci:prod")
    assert code == 0 and "hold the same entries" in out
    path = local_store(tmp_path, days=90)
    code, out, _ = run(capsys, "diff", "sapci:dev", path, "--password-env", "KM_PW", "--json")
    result = json.loads(out)
    assert code == 1 and result["same"] is False
    assert result["only_in_b"] == ["local_partner"]
    assert "tenant_client" in result["only_in_a"]
    code, out, _ = run(capsys, "diff", "sapci:dev", path, "--password-env", "KM_PW")
    assert code == 1 and "only in sapci:dev: tenant_client" in out


def test_file_commands_do_not_load_the_tenant_client(tmp_path: Path) -> None:
    path = local_store(tmp_path, days=90)
    code = (
        "import sys\n"
        "from keymon.cli import main\n"
        "rc = main(['list', sys.argv[1], '--password-env', 'KM_PW'])\n"
        "assert 'httpx' not in sys.modules and 'keymon.core.sapci.client' not in sys.modules\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={"KM_PW": "storepass", "KEYMON_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr


def test_without_a_keyring_no_profile_is_saved(
    tenant: FakeTenant, tmp_path: Path, keymon_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # the conftest fixture puts its own back afterwards
    key = tmp_path / "key.json"
    key.write_text(json.dumps(tenant.service_key()), "utf-8")
    code, out, err = run(capsys, "tenant", "add", "dev", "--service-key", key)
    assert code == 2 and "keyring" in err and len(err.splitlines()) == 1 and out == ""
    assert not (keymon_home / "tenants.json").exists()  # no plaintext fallback, no half profile
