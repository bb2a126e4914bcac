"""Key pairs made on the tenant: Generate Key Pair, download the CSR, install the CA response.

The CA response goes through the same CA-reply wizard as for files (key match and
chain preview), done locally on the key pair's public key before anything is
uploaded.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from keymon.core.entries import KeyPairEntry
from keymon.core.sapci import api
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.mapping import TenantKeyPair
from keymon.core.sapci.reply import public_stand_in
from keymon.gui.tenants.keypair_request_wizard import TenantKeyPairWizard
from keymon.gui.tenants.session import view_pools
from keymon.gui.tenants.tenant_writes import TenantWrites
from keymon.gui.wizards.ca_reply_wizard import CaReplyWizard, ReplyReviewPage
from keymon.gui.wizards.import_root_wizard import colon_fingerprint
from keymon.gui.workers import TaskHandle

translate = QCoreApplication.translate


class TenantKeyPairs:
    """Generate Key Pair, Create CSR and Import CA Reply when a tenant is shown."""

    def __init__(self, writes: TenantWrites) -> None:
        self.writes = writes
        self.ctx = writes.ctx

    def _selected(self) -> TenantKeyPair | None:
        entry = self.writes.selection.current_entry()
        return entry if isinstance(entry, TenantKeyPair) else None

    def generate(self) -> TaskHandle | None:
        if self.writes.refused():
            return None
        name = self.writes.name
        wizard = TenantKeyPairWizard(name, self.writes.aliases(), self.ctx.dialog_parent)
        if not self.ctx.run_wizard(wizard) or wizard.outcome is None:
            return None
        request = wizard.outcome
        key = f"{request.key_type} {request.curve or request.key_size}"
        question = translate(
            "Tenants", "Generate the key pair {alias} ({key}, CN={cn}) on tenant {name}?"
        ).format(alias=request.alias, key=key, cn=request.common_name, name=name)
        if not self.ctx.prompts.confirm(translate("Tenants", "Generate on tenant"), question):
            return None

        def job(client: TenantClient) -> None:
            api.generate_key_pair(client, request)

        done = translate(
            "Tenants", "Generated {alias} on tenant {name}; Create CSR… downloads its request"
        ).format(alias=request.alias, name=name)
        title = translate("Tenants", "Generating on the tenant")
        return self.writes.write(title, job, done, select=request.alias)

    def download_csr(self) -> TaskHandle | None:
        """Create CSR… on a tenant key pair: the tenant signs the request with its key."""
        entry = self._selected()
        tenant = self.writes.tenants.current
        if entry is None or tenant is None:
            return None
        path = self.ctx.prompts.choose_save_file(
            translate("Tenants", "Save the CSR of {alias}").format(alias=entry.alias),
            f"{entry.alias}.csr",
            translate("Tenants", "Certificate signing requests (*.csr *.pem)"),
        )
        if path is None:
            return None

        def failed(message: str) -> None:
            self.ctx.prompts.error(translate("Tenants", "No CSR"), message)

        return self.ctx.runner.run(
            api.signing_request,
            tenant.client,
            entry.alias,
            title=translate("Tenants", "Reading the CSR"),
            on_done=lambda pem: self.ctx.write_file(path, lambda: pem),
            on_error=lambda error: failed(error.message),
        )

    def install_ca_response(self) -> TaskHandle | None:
        """Import CA Reply… on a tenant key pair: check and preview here, then upload."""
        entry = self._selected()
        if entry is None or self.writes.refused([entry]):
            return None
        tenant = self.writes.tenants.current
        if tenant is None:
            return None
        pool, trusted = view_pools(tenant.view)
        stand_in: KeyPairEntry = public_stand_in(entry)
        wizard = CaReplyWizard(stand_in, pool, trusted, self.ctx.prompts, self.ctx.dialog_parent)
        name = self.writes.name
        wizard.setWindowTitle(
            translate("Tenants", "Install CA Response on Tenant {name}").format(name=name)
        )
        wizard.page_of(ReplyReviewPage).setSubTitle(
            translate("Tenants", "Install uploads this chain to the key pair on the tenant.")
        )
        if not self.ctx.run_wizard(wizard) or wizard.outcome is None:
            return None
        chain = wizard.outcome.plan.chain
        top = chain[-1].summary
        question = translate(
            "Tenants",
            "Install the CA response in the key pair {alias} on tenant {name}?\n\n"
            "New chain: {chain}\nTop certificate SHA-256: {fingerprint}",
        ).format(
            alias=entry.alias,
            name=name,
            chain=" → ".join(c.summary.subject_cn for c in chain),
            fingerprint=colon_fingerprint(top.sha256),
        )
        if not self.ctx.prompts.confirm(translate("Tenants", "Install on tenant"), question):
            return None
        alias = entry.alias

        def job(client: TenantClient) -> None:
            api.upload_ca_response(client, alias, chain, fingerprint_verified=True)

        done = translate("Tenants", "Installed the CA response in {alias} on tenant {name}")
        return self.writes.write(
            translate("Tenants", "Installing on the tenant"),
            job,
            done.format(alias=alias, name=name),
            select=alias,
        )
