"""`keymon probe`: the connectivity test on the command line (a thin front over core.net)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from keymon.cli.keystores import open_keystore
from keymon.cli.output import print_json
from keymon.cli.passwords import key_pair
from keymon.cli.registry import command
from keymon.core.entries import CertInfo
from keymon.core.errors import UsageError
from keymon.core.expiry import iso_z
from keymon.core.net.target import Target

if TYPE_CHECKING:  # the probe's modules load OpenSSL: only `keymon probe` pays for that
    from keymon.core.net.result import ProbeResult
    from keymon.core.x509.chain import ChainReport

EXIT_FAILED = 6
"""No TLS session: name, connection, proxy, handshake or protocol failure."""
EXIT_REJECTED = 7
"""Connected, but the server is untrusted, or it refused our certificate or HTTP request."""
EXIT_UNTESTED = 8
"""Connected (and trusted), but the server never asked for the client certificate given."""


@command("probe")
def cmd_probe(args: argparse.Namespace) -> int:
    target = Target.parse(args.target)
    if args.client_alias and args.keystore is None:
        raise UsageError("--client-alias needs --keystore.")
    from keymon.core.net.probe import probe
    from keymon.core.net.result import ProbeRequest

    store = open_keystore(args) if args.keystore is not None else None
    client = None
    if store is not None and args.client_alias:
        client = key_pair(store, args, args.client_alias)  # opens a key of its own password
    request = ProbeRequest.for_keystore(
        target,
        store,
        client=client,
        sni=args.sni,
        timeout=args.timeout,
        proxy=args.proxy,
        verify=not args.no_verify,
        http_path=args.http_path,
    )
    result = probe(request)
    if args.json:
        print_json(result_json(result, client_given=client is not None))
    else:
        print_result(result, client_given=client is not None)
    return exit_code(result, client_given=client is not None)


def exit_code(result: ProbeResult, *, client_given: bool = False) -> int:
    if result.error is None:
        from keymon.core.net.outcome import client_untested

        return EXIT_UNTESTED if client_untested(result, client_given) else 0
    from keymon.core.net.result import ProbeErrorKind

    if result.error.kind is ProbeErrorKind.CANCELLED:
        return 130
    return EXIT_REJECTED if result.error.kind.connected else EXIT_FAILED


# -- JSON ------------------------------------------------------------------------------
def _cert_json(cert: CertInfo) -> dict[str, Any]:
    s = cert.summary
    return {
        "subject": s.subject,
        "issuer": s.issuer,
        "sha256": s.sha256,
        "not_after": iso_z(s.not_after),
    }


def _report_json(report: ChainReport | None) -> dict[str, Any] | None:
    if report is None:
        return None
    return {
        "verdict": report.verdict.value,
        "message": report.message,
        "policy_findings": list(report.policy_findings),
    }


def result_json(r: ProbeResult, *, client_given: bool = False) -> dict[str, Any]:
    from keymon.core.net.outcome import outcome

    return {
        "outcome": outcome(r, client_given).value,
        "host": r.host,
        "port": r.port,
        "sni": r.server_name,
        "proxy": r.proxy,
        "protocol": r.protocol,
        "cipher": r.cipher,
        "alpn": r.alpn,
        "chain": [_cert_json(c) for c in r.chain],
        "chain_problems": list(r.chain_problems),
        "fetched_issuers": [_cert_json(f.cert) | {"url": f.url} for f in r.fetched_issuers],
        "trusted_by_keystore": r.keystore_report.trusted if r.keystore_report else None,
        "trusted_by_system": r.system_report.trusted if r.system_report else None,
        "keystore_report": _report_json(r.keystore_report),
        "system_report": _report_json(r.system_report),
        "hostname_matches": r.hostname_matches,
        "client_certificate_requested": r.client_certificate_requested,
        "client_ca_names": list(r.client_ca_names),
        "matching_key_pairs": list(r.matching_key_pairs),
        "client_certificate_accepted": r.client_certificate_accepted,
        "http_status": r.http_status,
        "error": None if r.error is None else {
            "kind": r.error.kind.value,
            "message": r.error.message,
            "step": r.error.step.value if r.error.step else None,
            "alert": r.error.alert,
        },
        "timings": r.timings,
        "steps": [
            {"name": s.name.value, "ok": s.ok, "ms": s.ms, "message": s.message} for s in r.steps
        ],
        "notes": list(r.notes),
    }  # fmt: skip


# -- text ------------------------------------------------------------------------------
def _yes(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def print_result(r: ProbeResult, *, client_given: bool = False) -> None:
    out = sys.stdout
    sni = f" (SNI {r.server_name})" if r.server_name and r.server_name != r.host else ""
    via = f" through {r.proxy}" if r.proxy else ""
    print(f"Probing {r.host}:{r.port}{sni}{via}", file=out)
    for step in r.steps:
        mark = "✓" if step.ok else "✗"
        print(f"  {mark} {step.name.label:<22} {step.ms:>8.1f} ms  {step.message}", file=out)
    if r.protocol:
        print(f"\nProtocol {r.protocol}, cipher {r.cipher}, ALPN {r.alpn or '-'}", file=out)
    if r.chain:
        print(f"\nServer chain as sent ({len(r.chain)}):", file=out)
        today = dt.datetime.now(dt.UTC)
        for i, cert in enumerate(r.chain, 1):
            s = cert.summary
            expired = " EXPIRED" if s.not_after < today else ""
            print(f"  {i}. {s.subject}", file=out)
            print(f"     issuer {s.issuer}; until {iso_z(s.not_after)}{expired}", file=out)
            print(f"     SHA-256 {s.sha256}", file=out)
        for problem in r.chain_problems:
            print(f"  ! {problem}", file=out)
    for f in r.fetched_issuers:
        print(f"  + fetched, not trusted: {f.cert.summary.subject} (from {f.url})", file=out)
    if r.keystore_report is not None:
        print(f"\nTrusted by the keystore: {_yes(r.keystore_report.trusted)}", file=out)
        print(f"  {r.keystore_report.message}", file=out)
    if r.system_report is not None:
        print(f"Trusted by this system:  {_yes(r.system_report.trusted)}", file=out)
        print(f"  {r.system_report.message}", file=out)
    if r.chain:
        print(f"Host name matches:       {_yes(r.hostname_matches)}", file=out)
    if r.client_certificate_requested:
        print("\nThe server asks for a client certificate from:", file=out)
        for name in r.client_ca_names or ("(any CA: no names sent)",):
            print(f"  - {name}", file=out)
        matching = ", ".join(r.matching_key_pairs) or "none"
        print(f"Matching key pairs: {matching}", file=out)
        if r.client_certificate_sent:
            print(f"Client certificate accepted: {_yes(r.client_certificate_accepted)}", file=out)
    if r.http_status:
        print(f"\nHTTP: {r.http_status}", file=out)
    for note in r.notes:
        print(f"Note: {note}", file=out)
    from keymon.core.net.outcome import warning

    said = warning(r, client_given)
    verdict = "OK" if r.error is None else f"{r.error.kind.value}: {r.error.message}"
    verdict = f"warning: {said}" if said is not None else verdict
    print(f"\nResult: {verdict}", file=out)
