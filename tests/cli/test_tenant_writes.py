"""Writing to a tenant from the command line, against the simulated tenant (tests/sapci/double.py).

`keymon import|rename|delete|genkey|csr|ca-reply sapci:P ...`, `keymon tenant
backup|restore|history|activate` and `keymon expiring` over several tenants. Each
command is checked by the tenant's own state afterwards; each refusal by the
tenant having received no write at all.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa
from cryptography.hazmat.primitives.serialization import Encoding

from keymon.cli import main
from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.formats import pkcs12
from keymon.core.x509.extensions import colon_hex
from tests import factory
from tests.sapci.double import FakeTenant
from tests.sapci.seed import seed

SECRET = "s3cr3t-value"


@pytest.fixture
def tenant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeTenant]:
    """A seeded tenant of its own for each test (they all write)."""
    with FakeTenant(tmp_path_factory.mktemp("tenant")) as t:
        seed(t.state, small=True)
        yield t


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KM_PW", "storepass")


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert SECRET not in out + err and "Traceback" not in err
    return code, out, err


def add(
    capsys: pytest.CaptureFixture[str],
    tenant: FakeTenant,
    tmp: Path,
    name: str = "dev",
    *extra: str,
) -> None:
    key = tmp / f"{name}-service-key.json"
    key.write_text(json.dumps(tenant.service_key()), "utf-8")
    code, _, err = run(
        capsys, "tenant", "add", name, "--service-key", key, "--ca-file", tenant.ca_file, *extra
    )
    assert code == 0, err


def writes(tenant: FakeTenant) -> list[tuple[str, str]]:
    """The requests that could change the tenant (token and CSRF fetches aside)."""
    return [r for r in tenant.requests if r[0] != "GET" and "/oauth/token" not in r[1]]


def system(tenant: FakeTenant) -> dict[str, object]:
    return dict(tenant.state.store("system"))


def cert_file(tmp: Path, cn: str = "Partner Root", **kw: object) -> tuple[Path, x509.Certificate]:
    cert = factory.make_cert(factory.ec_key(7), cn, ca=True, **kw)  # type: ignore[arg-type]
    path = tmp / f"{cn.replace(' ', '_')}.pem"
    path.write_bytes(cert.public_bytes(Encoding.PEM))
    return path, cert


# -- trusted certificates ----------------------------------------------------------------
def test_trusted_certificate_needs_the_matching_fingerprint(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    path, cert = cert_file(tmp_path)
    sha256 = colon_hex(cert.fingerprint(hashes.SHA256()))
    code, out, err = run(capsys, "import", "sapci:dev", path, "--alias", "partner")
    assert code == 2 and sha256 in out and "--fingerprint" in err and "nothing was sent" in err
    wrong = "00" * 32
    code, _, err = run(
        capsys, "import", "sapci:dev", path, "--alias", "partner", "--fingerprint", wrong
    )
    assert code == 2 and "not the one given" in err
    assert writes(tenant) == [] and "partner" not in system(tenant)

    code, out, err = run(
        capsys, "import", "sapci:dev", path, "--alias", "partner", "--fingerprint", sha256
    )
    assert code == 0, err
    assert "Imported trusted certificate 'partner' into sapci:dev" in out
    assert tenant.state.entry("partner").certificate.cert == cert  # type: ignore[union-attr]

    args = [
        "import",
        "sapci:dev",
        path,
        "--alias",
        "partner",
        "--fingerprint",
        sha256.replace(":", ""),
    ]
    code, _, err = run(capsys, *args)
    assert code == 2 and "already" in err
    assert run(capsys, *args, "--on-clash", "overwrite")[0] == 0


def test_oversized_certificate_and_sap_aliases_are_refused_before_sending(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    big = factory.make_cert(factory.rsa_key(2048), "Big", san=[f"h{i}.example" for i in range(900)])
    path = tmp_path / "big.pem"
    path.write_bytes(big.public_bytes(Encoding.PEM))
    code, _, err = run(capsys, "import", "sapci:dev", path, "--alias", "big", "--fingerprint", "x")
    assert code == 2 and "at most 10 kB" in err
    small, _ = cert_file(tmp_path)
    for alias in ("sap_partner", "hcicertificate1"):
        code, _, err = run(
            capsys, "import", "sapci:dev", small, "--alias", alias, "--fingerprint", "x"
        )
        assert code == 2 and "belongs to SAP" in err and len(err.splitlines()) == 1
    assert writes(tenant) == []


# -- key pairs ---------------------------------------------------------------------------
def test_every_key_pair_of_a_file_goes_up_under_its_alias(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    first, second = factory.self_signed_entry("client_a"), factory.self_signed_entry("client_b")
    p12 = tmp_path / "two.p12"
    p12.write_bytes(pkcs12.dump([first, second], "storepass"))
    code, out, err = run(capsys, "import", "sapci:dev", p12, "--source-password-env", "KM_PW")
    assert code == 0, err
    assert "'client_a'" in out and "'client_b'" in out
    on_tenant = system(tenant)
    for entry in (first, second):
        uploaded = on_tenant[entry.alias]
        assert isinstance(uploaded, KeyPairEntry) and uploaded.certificate == entry.certificate
    before = len(writes(tenant))
    code, _, err = run(capsys, "import", "sapci:dev", p12, "--source-password-env", "KM_PW")
    assert code == 2 and "'client_a', 'client_b' already" in err
    assert len(writes(tenant)) == before

    code, _, err = run(
        capsys, "import", "sapci:dev", p12, "--source-password-env", "KM_PW", "--alias", "x"
    )
    assert code == 2 and "holds 2 key pairs" in err


# -- rename, delete --------------------------------------------------------------------
def test_rename_and_its_undo(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    code, out, err = run(capsys, "rename", "sapci:dev", "receiver_root_ca", "receiver_root")
    assert code == 0, err
    assert "receiver_root" in system(tenant) and "receiver_root_ca" not in system(tenant)
    assert "Undo: keymon rename sapci:dev receiver_root receiver_root_ca" in out
    assert run(capsys, "rename", "sapci:dev", "receiver_root", "receiver_root_ca")[0] == 0
    assert "receiver_root_ca" in system(tenant)
    before = len(writes(tenant))
    code, _, err = run(capsys, "rename", "sapci:dev", "sap_cloud_root_ca", "mine")
    assert code == 2 and "belongs to SAP" in err
    code, _, err = run(capsys, "rename", "sapci:dev", "nope", "other")
    assert code == 2 and "'nope'" in err
    code, _, err = run(capsys, "rename", "sapci:dev", "receiver_root_ca", "partner_digicert_root")
    assert code == 2 and "already" in err
    assert len(writes(tenant)) == before


def test_deleting_key_pairs_needs_yes(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    code, out, err = run(capsys, "delete", "sapci:dev", "old_partner_root")
    assert code == 0, err
    assert "old_partner_root" not in system(tenant)
    code, _, err = run(capsys, "delete", "sapci:dev", "tenant_client", "receiver_root_ca")
    assert code == 2 and "cannot be undone" in err and "keymon tenant backup dev" in err
    assert {"tenant_client", "receiver_root_ca"} <= set(system(tenant))
    code, _, err = run(capsys, "delete", "sapci:dev", "sap_cloudintegrationcertificate", "--yes")
    assert code == 2 and "belongs to SAP" in err
    code, out, err = run(
        capsys, "delete", "sapci:dev", "tenant_client", "receiver_root_ca", "--yes"
    )
    assert code == 0 and "Deleted 2 entries on sapci:dev" in out
    assert not {"tenant_client", "receiver_root_ca"} & set(system(tenant))


def test_a_read_only_profile_is_never_written(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path, "prod", "--read-only")
    path, _ = cert_file(tmp_path)
    for args in (
        ["import", "sapci:prod", path, "--alias", "p", "--fingerprint", "00"],
        ["rename", "sapci:prod", "receiver_root_ca", "r"],
        ["delete", "sapci:prod", "receiver_root_ca"],
        ["genkey", "sapci:prod", "--alias", "k", "--key-type", "ec", "--subject", "CN=k,C=DE"],
        ["ca-reply", "sapci:prod", "tenant_client", path],
        ["tenant", "backup", "prod"],
        ["tenant", "restore", "prod", "--yes"],
        ["tenant", "activate", "prod", "tenant_client"],
    ):
        code, _, err = run(capsys, *args)
        assert code == 2 and "read-only" in err and len(err.splitlines()) == 1, args
    code, _, err = run(capsys, "delete", "sapci:dev/KeyRenewal", "tenant_client")
    assert code == 2
    assert tenant.requests == []  # not even a token was asked for
    assert run(capsys, "list", "sapci:prod")[0] == 0  # reading is fine


# -- key pairs made on the tenant -------------------------------------------------------
def test_genkey_csr_and_ca_reply_on_the_tenant(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    code, out, err = run(
        capsys, "genkey", "sapci:dev", "--alias", "new_client", "--key-type", "ec",
        "--curve", "P-384", "--subject", "CN=new-client,O=Example,C=DE", "--days", "90",
    )  # fmt: skip
    assert code == 0, err
    made = tenant.state.entry("new_client")
    assert isinstance(made, KeyPairEntry)
    assert made.certificate.summary.subject_cn == "new-client"
    assert made.certificate.summary.curve in ("secp384r1", "P-384")

    csr_path = tmp_path / "new.csr"
    code, _, err = run(capsys, "csr", "sapci:dev", "new_client", "-o", csr_path)
    assert code == 0, err
    csr = x509.load_pem_x509_csr(csr_path.read_bytes())
    assert csr.public_key() == made.certificate.cert.public_key()
    code, _, err = run(capsys, "csr", "sapci:dev", "receiver_root_ca", "-o", tmp_path / "x.csr")
    assert code == 2 and "not a key pair" in err

    (_, root), (int_key, inter) = factory.ca_chain()
    now = dt.datetime.now(dt.UTC)
    issued = (
        x509.CertificateBuilder()
        .subject_name(csr.subject)
        .issuer_name(inter.subject)
        .public_key(csr.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365))
        .sign(int_key, hashes.SHA256())
    )
    reply = tmp_path / "reply.pem"
    reply.write_bytes(b"".join(c.public_bytes(Encoding.PEM) for c in (issued, inter, root)))
    code, out, err = run(capsys, "ca-reply", "sapci:dev", "new_client", reply)
    assert code == 0, err
    assert "matches the key of 'new_client'" in out and "chain of 3 certificates" in out
    installed = tenant.state.entry("new_client")
    assert isinstance(installed, KeyPairEntry)
    assert installed.certificate == CertInfo.from_cert(issued) and len(installed.chain) == 3

    before = len(writes(tenant))
    code, _, err = run(capsys, "ca-reply", "sapci:dev", "tenant_client", reply)
    assert code == 4 and len(err.splitlines()) == 1  # another key: checked here, not sent
    assert len(writes(tenant)) == before


def test_genkey_refusals(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    base = ["genkey", "sapci:dev", "--alias", "k", "--key-type"]
    code, _, err = run(capsys, *base, "ec", "--subject", "CN=k")
    assert code == 2 and "country" in err
    code, _, err = run(capsys, *base, "ed25519", "--subject", "CN=k,C=DE")
    assert code == 2 and "Ed25519" in err
    code, _, err = run(
        capsys, *base, "rsa", "--subject", "CN=k,C=DE", "--signature", "ecdsa-sha256"
    )
    assert code == 2 and "ecdsa-sha256" in err
    code, _, err = run(
        capsys, "genkey", "sapci:dev", "--alias", "tenant_client", "--key-type", "ec",
        "--subject", "CN=k,C=DE",
    )  # fmt: skip
    assert code == 2 and "tenant_client" in err
    assert writes(tenant) == []


# -- the keystores as a whole ------------------------------------------------------------
def test_backup_restore_history_and_activate(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    code, out, err = run(capsys, "tenant", "backup", "dev")
    assert code == 0 and "Backed up the 6 entries of sapci:dev" in out, err
    assert run(capsys, "delete", "sapci:dev", "receiver_root_ca")[0] == 0
    code, _, err = run(capsys, "tenant", "restore", "dev")
    assert code == 2 and "replaces the 5 entries of sapci:dev with the 6 entries" in err
    assert "receiver_root_ca" not in system(tenant)
    code, out, err = run(capsys, "tenant", "restore", "dev", "--yes")
    assert code == 0, err
    assert "receiver_root_ca" in system(tenant)

    code, out, _ = run(capsys, "list", "sapci:dev/KeyRenewal", "--json")
    assert code == 0 and [e["alias"] for e in json.loads(out)] == ["tenant_client"]
    renewal = tenant.state.entry("tenant_client", "KeyRenewal")
    code, out, err = run(capsys, "tenant", "activate", "dev", "tenant_client")
    assert code == 0, err
    assert tenant.state.entry("tenant_client").certificate == renewal.certificate
    code, out, _ = run(capsys, "tenant", "history", "dev", "--json")
    history = json.loads(out)
    originals = {h["original_alias"] for h in history}
    assert code == 0 and {"tenant_client", "tenant_client_2024"} <= originals
    code, out, _ = run(capsys, "tenant", "history", "dev")
    assert code == 0 and "[1]_tenant_client_2024" in out
    code, _, err = run(capsys, "tenant", "activate", "dev", "nothing_here")
    assert code == 2 and "'nothing_here'" in err


def test_a_tenant_failure_during_a_write_is_one_line_exit_7(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    tenant.inject(503, times=10, method="PUT")
    code, _, err = run(capsys, "rename", "sapci:dev", "receiver_root_ca", "r2")
    assert code == 7 and "locked" in err and len(err.splitlines()) == 1
    assert "receiver_root_ca" in system(tenant)


# -- monitoring several tenants ---------------------------------------------------------
def test_expiring_reports_an_unreachable_tenant_without_blocking_the_others(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path, "prod")
    add(capsys, tenant, tmp_path, "test")
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    key = tenant.service_key()
    key["oauth"]["url"] = f"https://127.0.0.1:{port}"
    key["oauth"]["tokenurl"] = f"https://127.0.0.1:{port}/oauth/token"
    gone = tmp_path / "gone.json"
    gone.write_text(json.dumps(key), "utf-8")
    assert run(capsys, "tenant", "add", "gone", "--service-key", gone)[0] == 0
    path, _ = cert_file(tmp_path, "Local Partner", days=5)

    args = ["expiring", "sapci:prod", "sapci:gone", "sapci:test", path, "--days", "30"]
    code, out, err = run(capsys, *args, "--json")
    items = json.loads(out)
    assert code == 7
    down = [i for i in items if i["status"] == "unreachable"]
    assert [i["keystore"] for i in down] == ["sapci:gone"] and down[0]["error"]
    where = {(i["keystore"], i["alias"]) for i in items if i["status"] != "unreachable"}
    assert {("sapci:prod", "tenant_client"), ("sapci:test", "tenant_client")} <= where
    assert any(k == str(path) for k, _ in where)
    assert err.count("\n") == 1 and err.startswith("keymon: sapci:gone: ")

    code, out, err = run(capsys, *args)
    assert code == 7 and "sapci:prod: tenant_client" in out and "sapci:gone" in err
    code, _, _ = run(capsys, "expiring", "sapci:prod", "sapci:test", path, "--json")
    assert code == 1  # something is in the window, every keystore was read


def test_file_only_commands_say_so_for_a_tenant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (
        ["restore", "sapci:dev", "1"],
        ["passwd", "sapci:dev"],
        ["convert", "sapci:dev", tmp_path / "out.p12", "--to", "pkcs12"],
        ["sign-csr", "sapci:dev", "ca", tmp_path / "x.csr", "-o", tmp_path / "x.pem"],
    ):
        code, _, err = run(capsys, *args)
        assert code == 2 and "works on keystore files, not tenants" in err, args
    assert not (tmp_path / "out.p12").exists()


class Terminal(io.StringIO):
    """Typed answers on what looks like a terminal (``input()`` reads them)."""

    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_user_types_yes_after_comparing(
    tenant: FakeTenant,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add(capsys, tenant, tmp_path)
    path, cert = cert_file(tmp_path)
    monkeypatch.setattr(sys, "stdin", Terminal("no\n"))
    code, out, err = run(capsys, "import", "sapci:dev", path, "--alias", "partner")
    assert code == 2 and "Does this fingerprint match" in out and "partner" not in system(tenant)
    monkeypatch.setattr(sys, "stdin", Terminal("yes\n"))
    code, out, err = run(capsys, "import", "sapci:dev", path, "--alias", "partner")
    assert code == 0, err
    assert tenant.state.entry("partner").certificate.cert == cert  # type: ignore[union-attr]

    monkeypatch.setattr(sys, "stdin", Terminal("yes\n"))
    code, out, err = run(capsys, "delete", "sapci:dev", "tenant_client")
    assert code == 0 and "cannot be undone" in out, err
    assert "tenant_client" not in system(tenant)


def test_genkey_dsa_on_the_tenant_only(
    tenant: FakeTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, tenant, tmp_path)
    code, _, err = run(
        capsys, "genkey", "sapci:dev", "--alias", "legacy_client", "--key-type", "dsa",
        "--subject", "CN=legacy,C=DE",
    )  # fmt: skip
    assert code == 0, err
    made = tenant.state.entry("legacy_client")
    assert isinstance(made, KeyPairEntry) and isinstance(made.private_key, dsa.DSAPrivateKey)
    code, _, err = run(
        capsys, "genkey", "sapci:dev", "--alias", "x", "--key-type", "dsa",
        "--subject", "CN=x,C=DE", "--signature", "rsa-sha256",
    )  # fmt: skip
    assert code == 2 and "cannot sign" in err
    local = tmp_path / "local.p12"
    code, _, err = run(
        capsys, "genkey", local, "--alias", "x", "--key-type", "dsa", "--subject", "CN=x"
    )
    assert code == 2 and "DSA only on a tenant" in err and not local.exists()
