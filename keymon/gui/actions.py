"""The main window's actions, declared once: name, text, shortcut, icon, when enabled.

The window builds QActions from this table and connects each to the handler
of the same name; menus, the toolbar and the context menu refer to actions by
name. Enabling follows the selection through ``Needs``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from keymon.gui import icons

StdKey = QKeySequence.StandardKey


class Needs(enum.Enum):
    NOTHING = "nothing"
    KEYSTORE = "keystore"  # a keystore file is open
    SELECTION = "selection"  # one or more entries selected
    ONE = "one"  # exactly one entry
    CERTIFICATE = "certificate"  # one entry that has a certificate
    KEY_PAIR = "key_pair"  # one key pair


@dataclass(frozen=True)
class ActionSpec:
    name: str  # object name, e.g. actionOpen; handler is on_<name>
    text: str
    tip: str = ""
    shortcut: QKeySequence.StandardKey | str | None = None
    icon: str | None = None  # freedesktop icon name
    needs: Needs = Needs.NOTHING


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "actionOpen", "&Open Keystore…", "Open a keystore file", StdKey.Open, "document-open"
    ),
    ActionSpec("actionOpenDefault", "Open &Default Keystore", "Open keymon's own keystore"),
    ActionSpec(
        "actionBackups",
        "&Backups…",
        "Saved versions of this keystore",
        None,
        "document-revert",
        Needs.KEYSTORE,
    ),
    ActionSpec(
        "actionChangePassword",
        "Change &Password…",
        "Change the keystore password",
        None,
        "dialog-password",
        Needs.KEYSTORE,
    ),
    ActionSpec(
        "actionReload",
        "Re&load",
        "Read the keystore file again",
        StdKey.Refresh,
        "view-refresh",
        Needs.KEYSTORE,
    ),
    ActionSpec("actionQuit", "&Quit", "", StdKey.Quit, "application-exit"),
    ActionSpec(
        "actionAddCertificate",
        "Add &Certificate…",
        "Add a trusted certificate from a file (.cer, .crt, .pem, .der, .p7b)",
        "Ctrl+Shift+C",
        "list-add",
        Needs.KEYSTORE,
    ),
    ActionSpec(
        "actionAddCertificateFromClipboard",
        "Add Certificate from C&lipboard",
        "Add a trusted certificate from PEM text on the clipboard",
        None,
        None,
        Needs.KEYSTORE,
    ),
    ActionSpec(
        "actionAddKeyPair",
        "Add &Key Pair…",
        "Import key pairs from PKCS#12 or PEM",
        "Ctrl+Shift+K",
        "list-add",
        Needs.KEYSTORE,
    ),
    ActionSpec(
        "actionAddKeystore",
        "Add Keystore (&Merge)…",
        "Merge another keystore's entries",
        None,
        None,
        Needs.KEYSTORE,
    ),
    ActionSpec(
        "actionDownloadCertificate",
        "Public &Certificate…",
        "Save the public certificate (.cer) to hand to a partner",
        "Ctrl+D",
        "document-save",
        Needs.SELECTION,
    ),
    ActionSpec(
        "actionDownloadChain",
        "Certificate C&hain…",
        "Save the chain (.p7b or PEM)",
        None,
        None,
        Needs.CERTIFICATE,
    ),
    ActionSpec(
        "actionDownloadRoot",
        "&Root Certificate…",
        "Save the root of the chain",
        None,
        None,
        Needs.CERTIFICATE,
    ),
    ActionSpec(
        "actionDownloadOpenSsh",
        "Public &OpenSSH Key…",
        "Save the public key for SSH",
        None,
        None,
        Needs.CERTIFICATE,
    ),
    ActionSpec(
        "actionExportKeyPair",
        "&Export Key Pair…",
        "Save private key and chain as a password-protected PKCS#12",
        None,
        "document-export",
        Needs.KEY_PAIR,
    ),
    ActionSpec(
        "actionCopyFingerprint",
        "Copy SHA-256 &Fingerprint",
        "",
        "Ctrl+Shift+F",
        None,
        Needs.CERTIFICATE,
    ),
    ActionSpec("actionCopyPem", "Copy &PEM", "", StdKey.Copy, "edit-copy", Needs.CERTIFICATE),
    ActionSpec("actionRename", "Re&name…", "Rename the entry", "F2", "edit-rename", Needs.ONE),
    ActionSpec(
        "actionDelete",
        "&Delete…",
        "Delete the selected entries",
        StdKey.Delete,
        "edit-delete",
        Needs.SELECTION,
    ),
    ActionSpec("actionFind", "&Filter", "Filter the entries", StdKey.Find, "edit-find"),
    ActionSpec(
        "actionGenerateKeyPair",
        "&Generate Key Pair…",
        "Generate a new key pair with a self-signed certificate",
        "Ctrl+G",
        "document-new",
        Needs.KEYSTORE,
    ),
    ActionSpec(
        "actionCreateCsr",
        "Create &CSR…",
        "Create a certificate signing request (PKCS#10) for the key pair",
        None,
        None,
        Needs.KEY_PAIR,
    ),
    ActionSpec(
        "actionImportCaReply",
        "Import CA &Reply…",
        "Install the certificate chain a CA issued for the key pair",
        None,
        None,
        Needs.KEY_PAIR,
    ),
    ActionSpec(
        "actionSignCsr",
        "&Sign CSR…",
        "Sign a certificate signing request with this CA key pair",
        None,
        None,
        Needs.KEY_PAIR,
    ),
    ActionSpec(
        "actionConnectivityTest",
        "&Connectivity Test…",
        "Test a TLS connection to a server with this keystore",
        "Ctrl+T",
        None,
        Needs.NOTHING,
    ),
    ActionSpec(
        "actionMonitoring",
        "&Monitoring",
        "Every certificate of this and the watched keystores, by expiry date",
        "Ctrl+M",
        None,
        Needs.NOTHING,
    ),
)


def build_actions(parent: QWidget) -> dict[str, QAction]:
    # Icons for actions whose spec names none (until the table names them itself).
    extra_icons = {"actionConnectivityTest": "network-transmit-receive"}
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(parent.tr(spec.text), parent)
        action.setObjectName(spec.name)
        if spec.tip:
            action.setStatusTip(parent.tr(spec.tip))
            action.setToolTip(parent.tr(spec.tip))
        if isinstance(spec.shortcut, QKeySequence.StandardKey):
            action.setShortcuts(spec.shortcut)
        elif spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
        icon_name = spec.icon or extra_icons.get(spec.name)
        if icon_name:
            action.setIcon(icons.icon(icon_name))  # the theme's, else keymon's own SVG
        action.setData(spec.needs.value)
        actions[spec.name] = action
    return actions
