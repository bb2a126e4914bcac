"""Start the simulated SAP Cloud Integration tenant with realistic data (``make demo-tenant``).

This is a simulator built from public sources (shared/SAP-SECURITY-CONTENT-API.md), not
SAP's server: the Security Content API over HTTPS on 127.0.0.1 with its own CA. It
prints the service key to import into keymon and runs until Ctrl+C.

    .venv/bin/python tools/fake_tenant.py [--folder DIR] [--port-file FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.sapci.double import FakeTenant
from tests.sapci.seed import seed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folder", type=Path, help="keep the tenant's state here")
    parser.add_argument("--small", action="store_true", help="EC keys (fast start)")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="keymon-demo-tenant-"))
    with FakeTenant(folder) as tenant:
        if not tenant.state.stores["system"]:
            seed(tenant.state, small=args.small)
        key_file = folder / "service-key.json"
        key_file.write_text(json.dumps(tenant.service_key(), indent=2), "utf-8")
        key_file.chmod(0o600)
        print(f"Simulated tenant (not SAP's server) at {tenant.url}/api/v1")
        print(f"Service key: {key_file}")
        print(f"Its TLS CA:  {tenant.ca_file}")
        print("Press Ctrl+C to stop.", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
