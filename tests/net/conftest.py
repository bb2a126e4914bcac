"""The test PKI of the probe tests: a server under root → intermediate, client CAs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from keymon.core.entries import CertInfo
from tests import factory
from tests.net.servers import Identity, key, leaf, pem


@dataclass(frozen=True)
class Pki:
    folder: Path
    root: x509.Certificate
    root_key: ec.EllipticCurvePrivateKey
    inter: x509.Certificate
    inter_key: ec.EllipticCurvePrivateKey
    server: Identity
    """CN=localhost (SAN localhost) ← intermediate ← root; sends leaf + intermediate."""
    client_root: x509.Certificate
    client_ca_file: Path
    client: Identity
    """CN=Client One ← client root."""
    stranger: Identity
    """A client certificate from a CA the server does not know."""

    @property
    def root_info(self) -> CertInfo:
        return CertInfo.from_cert(self.root)


def make_pki(folder: Path) -> Pki:
    root_key, inter_key = key(1), key(2)
    root = factory.make_cert(root_key, "Probe Test Root", ca=True, days=3650)
    inter = factory.make_cert(
        inter_key, "Probe Test Intermediate", issuer_key=root_key, issuer=root, ca=True
    )
    server_key = key(3)
    server = Identity.write(
        folder, "server", server_key, leaf(server_key, "localhost", inter_key, inter), inter
    )
    client_root_key = key(4)
    client_root = factory.make_cert(client_root_key, "Probe Client Root", ca=True, days=3650)
    client_ca_file = folder / "clientca.pem"
    client_ca_file.write_bytes(pem(client_root))
    client_key = key(5)
    client_leaf = leaf(client_key, "Client One", client_root_key, client_root, san=())
    client = Identity.write(folder, "client", client_key, client_leaf, client_root)
    other_root_key = key(6)
    other_root = factory.make_cert(other_root_key, "Unknown Client Root", ca=True)
    stranger_key = key(7)
    stranger_leaf = leaf(stranger_key, "Stranger", other_root_key, other_root, san=())
    stranger = Identity.write(folder, "stranger", stranger_key, stranger_leaf, other_root)
    return Pki(
        folder, root, root_key, inter, inter_key, server, client_root, client_ca_file, client,
        stranger,
    )  # fmt: skip


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("probe-pki"))
