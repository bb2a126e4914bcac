"""`keymon list --json` on the JDK's own cacerts: quiet, and the fields cryptography would give.

The listing takes its names, serials and flags from the DER for speed; this holds it to
cryptography's reading of the same certificates, in a real process (stderr must stay
empty: nine roots have serial 0, which cryptography warns about on every decode).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from cryptography import x509

from keymon.core.formats import jks

CACERTS = sorted(Path("/usr/lib/jvm").glob("*/lib/security/cacerts"))


@pytest.mark.interop
@pytest.mark.skipif(not CACERTS, reason="no JDK cacerts")
def test_cacerts_list_json_is_quiet_and_matches_cryptography(keymon_home: Path) -> None:
    env = {**os.environ, "KM_PW": "changeit", "KEYMON_HOME": str(keymon_home)}
    command = ["list", str(CACERTS[0]), "--json", "--password-env", "KM_PW"]
    done = subprocess.run(
        [sys.executable, "-m", "keymon.cli", *command],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    listed = {item["alias"]: item for item in json.loads(done.stdout)}

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the slow, obvious way: cryptography for every field
        for entry in jks.load(CACERTS[0].read_bytes(), "changeit"):
            cert = x509.load_der_x509_certificate(entry.certificates[0].der)
            item = listed[entry.alias]
            assert item["subject"] == cert.subject.rfc4514_string()
            assert item["issuer"] == cert.issuer.rfc4514_string()
            assert item["serial"] == format(cert.serial_number, "x")
            try:
                ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
            except x509.ExtensionNotFound:
                ca = False
            assert item["is_ca"] == ca
            if cert.serial_number <= 0:
                assert any("serial number is not positive" in n for n in item["notes"])
    assert len(listed) >= 100
