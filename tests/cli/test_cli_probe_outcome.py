"""`keymon probe` exits 8 when the chosen key pair was never tested (issue 12, item 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from keymon.cli import main
from keymon.core.entries import CertificateEntry
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from tests.net.conftest import Pki, make_pki
from tests.net.servers import PyServer, tls

pytestmark = pytest.mark.interop

UNTESTED = (
    "Connected and trusted, but the server did not ask for a client certificate, "
    "so the key pair was not tested."
)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("cli-probe-outcome-pki"))


def test_cli_exit_8_when_the_key_pair_was_not_tested(
    pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KM_PW", "storepass")
    store = tmp_path / "k.p12"
    entries = [pki.client.entry("client-one"), CertificateEntry("root", pki.root_info)]
    Keystore(entries, password="storepass").save_as(store, Format.PKCS12, "storepass")
    with PyServer(tls(pki.server)) as srv:
        base = ["probe", f"127.0.0.1:{srv.port}", "--sni", "localhost"]
        base += ["--keystore", str(store), "--password-env", "KM_PW"]
        code = main([*base, "--client-alias", "client-one", "--json"])
        data = json.loads(capsys.readouterr().out)
        assert code == 8
        assert data["outcome"] == "warning" and data["error"] is None
        code = main([*base, "--client-alias", "client-one"])
        out = capsys.readouterr().out
        assert code == 8 and f"Result: warning: {UNTESTED}" in out
        code = main([*base, "--json"])
        assert code == 0 and json.loads(capsys.readouterr().out)["outcome"] == "passed"
