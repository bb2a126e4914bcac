"""The main window's actions, declared once: name, text, shortcut, icon, when enabled.

The window builds QActions from this table and binds each to exactly one handler
(:mod:`keymon.gui.action_binding`); menus, the toolbar and the context menu refer to
actions by :class:`ActionId`. Enabling follows the selection through ``Needs``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from keymon.core.entries import Entry, KeyPairEntry
from keymon.gui import icons
from keymon.gui.i18n import QT_TRANSLATE_NOOP

StdKey = QKeySequence.StandardKey


class ActionId(enum.StrEnum):
    """Every action of the main window; the value is the QAction's object name."""

    OPEN = "actionOpen"
    NEW_KEYSTORE = "actionNewKeystore"
    OPEN_DEFAULT = "actionOpenDefault"
    BACKUPS = "actionBackups"
    CHANGE_PASSWORD = "actionChangePassword"  # noqa: S105 (an action name)
    RELOAD = "actionReload"
    QUIT = "actionQuit"
    ADD_CERTIFICATE = "actionAddCertificate"
    ADD_CERTIFICATE_FROM_CLIPBOARD = "actionAddCertificateFromClipboard"
    ADD_KEY_PAIR = "actionAddKeyPair"
    ADD_KEYSTORE = "actionAddKeystore"
    IMPORT_ROOT_CA = "actionImportRootCa"
    DOWNLOAD_CERTIFICATE = "actionDownloadCertificate"
    DOWNLOAD_CHAIN = "actionDownloadChain"
    DOWNLOAD_ROOT = "actionDownloadRoot"
    DOWNLOAD_OPEN_SSH = "actionDownloadOpenSsh"
    EXPORT_KEY_PAIR = "actionExportKeyPair"
    COPY_FINGERPRINT = "actionCopyFingerprint"
    COPY_PEM = "actionCopyPem"
    RENAME = "actionRename"
    DELETE = "actionDelete"
    FIND = "actionFind"
    GENERATE_KEY_PAIR = "actionGenerateKeyPair"
    CREATE_CSR = "actionCreateCsr"
    IMPORT_CA_REPLY = "actionImportCaReply"
    SIGN_CSR = "actionSignCsr"
    CONNECTIVITY_TEST = "actionConnectivityTest"
    SETTINGS = "actionSettings"
    MONITORING = "actionMonitoring"
    CONNECT_TENANT = "actionConnectTenant"
    COMPARE = "actionCompareKeystores"


class Needs(enum.Enum):
    NOTHING = "nothing"
    KEYSTORE = "keystore"  # a keystore file is open
    SELECTION = "selection"  # one or more entries selected
    ONE = "one"  # exactly one entry
    CERTIFICATE = "certificate"  # one entry that has a certificate
    KEY_PAIR = "key_pair"  # one key pair
    CA_KEY_PAIR = "ca_key_pair"  # one key pair whose certificate is a CA


@dataclass(frozen=True)
class ActionSpec:
    name: ActionId  # also the object name, e.g. actionOpen
    text: str
    tip: str = ""
    shortcut: QKeySequence.StandardKey | str | None = None
    icon: str | None = None  # freedesktop icon name
    needs: Needs = Needs.NOTHING


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        ActionId.OPEN,
        QT_TRANSLATE_NOOP("Actions", "&Open Keystore…"),
        QT_TRANSLATE_NOOP("Actions", "Open a keystore file"),
        StdKey.Open,
        "document-open",
    ),
    ActionSpec(
        ActionId.NEW_KEYSTORE,
        QT_TRANSLATE_NOOP("Actions", "Ne&w Keystore…"),
        QT_TRANSLATE_NOOP("Actions", "Create an empty PKCS#12 or JKS keystore and open it"),
        StdKey.New,
        "keymon-keystore-new",
    ),
    ActionSpec(
        ActionId.OPEN_DEFAULT,
        QT_TRANSLATE_NOOP("Actions", "Open &Default Keystore"),
        QT_TRANSLATE_NOOP("Actions", "Open keymon's own keystore"),
    ),
    ActionSpec(
        ActionId.BACKUPS,
        QT_TRANSLATE_NOOP("Actions", "&Backups…"),
        QT_TRANSLATE_NOOP("Actions", "Saved versions of this keystore"),
        None,
        "document-revert",
        Needs.KEYSTORE,
    ),
    ActionSpec(
        ActionId.CHANGE_PASSWORD,
        QT_TRANSLATE_NOOP("Actions", "Change &Password…"),
        QT_TRANSLATE_NOOP("Actions", "Change the keystore password"),
        None,
        "dialog-password",
        Needs.KEYSTORE,
    ),
    ActionSpec(
        ActionId.RELOAD,
        QT_TRANSLATE_NOOP("Actions", "Re&load"),
        QT_TRANSLATE_NOOP("Actions", "Read the keystore file again"),
        StdKey.Refresh,
        "view-refresh",
        Needs.KEYSTORE,
    ),
    ActionSpec(
        ActionId.QUIT, QT_TRANSLATE_NOOP("Actions", "&Quit"), "", StdKey.Quit, "application-exit"
    ),
    ActionSpec(
        ActionId.ADD_CERTIFICATE,
        QT_TRANSLATE_NOOP("Actions", "Add &Certificate…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Add a trusted certificate from a file (.cer, .crt, .pem, .der, .p7b)"
        ),
        "Ctrl+Shift+C",
        "list-add",
        Needs.KEYSTORE,
    ),
    ActionSpec(
        ActionId.ADD_CERTIFICATE_FROM_CLIPBOARD,
        QT_TRANSLATE_NOOP("Actions", "Add Certificate from C&lipboard"),
        QT_TRANSLATE_NOOP("Actions", "Add a trusted certificate from PEM text on the clipboard"),
        None,
        None,
        Needs.KEYSTORE,
    ),
    ActionSpec(
        ActionId.ADD_KEY_PAIR,
        QT_TRANSLATE_NOOP("Actions", "Add &Key Pair…"),
        QT_TRANSLATE_NOOP("Actions", "Import key pairs from PKCS#12 or PEM"),
        "Ctrl+Shift+K",
        "list-add",
        Needs.KEYSTORE,
    ),
    ActionSpec(
        ActionId.ADD_KEYSTORE,
        QT_TRANSLATE_NOOP("Actions", "Add Keystore (&Merge)…"),
        QT_TRANSLATE_NOOP("Actions", "Merge another keystore's entries"),
        None,
        None,
        Needs.KEYSTORE,
    ),
    ActionSpec(
        ActionId.IMPORT_ROOT_CA,
        QT_TRANSLATE_NOOP("Actions", "Import &Root CA of a Tested Server…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Trust the root CA of the server the connectivity test reached"
        ),
        None,
        None,
        Needs.KEYSTORE,
    ),
    ActionSpec(
        ActionId.DOWNLOAD_CERTIFICATE,
        QT_TRANSLATE_NOOP("Actions", "Public &Certificate…"),
        QT_TRANSLATE_NOOP("Actions", "Save the public certificate (.cer) to hand to a partner"),
        "Ctrl+D",
        "document-save",
        Needs.SELECTION,
    ),
    ActionSpec(
        ActionId.DOWNLOAD_CHAIN,
        QT_TRANSLATE_NOOP("Actions", "Certificate C&hain…"),
        QT_TRANSLATE_NOOP("Actions", "Save the chain (.p7b or PEM)"),
        None,
        None,
        Needs.CERTIFICATE,
    ),
    ActionSpec(
        ActionId.DOWNLOAD_ROOT,
        QT_TRANSLATE_NOOP("Actions", "&Root Certificate…"),
        QT_TRANSLATE_NOOP("Actions", "Save the root of the chain"),
        None,
        None,
        Needs.CERTIFICATE,
    ),
    ActionSpec(
        ActionId.DOWNLOAD_OPEN_SSH,
        QT_TRANSLATE_NOOP("Actions", "Public &OpenSSH Key…"),
        QT_TRANSLATE_NOOP("Actions", "Save the public key for SSH"),
        None,
        None,
        Needs.CERTIFICATE,
    ),
    ActionSpec(
        ActionId.EXPORT_KEY_PAIR,
        QT_TRANSLATE_NOOP("Actions", "&Export Key Pair…"),
        QT_TRANSLATE_NOOP("Actions", "Save private key and chain as a password-protected PKCS#12"),
        None,
        "document-export",
        Needs.KEY_PAIR,
    ),
    ActionSpec(
        ActionId.COPY_FINGERPRINT,
        QT_TRANSLATE_NOOP("Actions", "Copy SHA-256 &Fingerprint"),
        "",
        "Ctrl+Shift+F",
        None,
        Needs.CERTIFICATE,
    ),
    ActionSpec(
        ActionId.COPY_PEM,
        QT_TRANSLATE_NOOP("Actions", "Copy &PEM"),
        "",
        StdKey.Copy,
        "edit-copy",
        Needs.CERTIFICATE,
    ),
    ActionSpec(
        ActionId.RENAME,
        QT_TRANSLATE_NOOP("Actions", "Re&name…"),
        QT_TRANSLATE_NOOP("Actions", "Rename the entry"),
        "F2",
        "edit-rename",
        Needs.ONE,
    ),
    ActionSpec(
        ActionId.DELETE,
        QT_TRANSLATE_NOOP("Actions", "&Delete…"),
        QT_TRANSLATE_NOOP("Actions", "Delete the selected entries"),
        StdKey.Delete,
        "edit-delete",
        Needs.SELECTION,
    ),
    ActionSpec(
        ActionId.FIND,
        QT_TRANSLATE_NOOP("Actions", "Fil&ter"),
        QT_TRANSLATE_NOOP("Actions", "Filter the entries"),
        StdKey.Find,
        "edit-find",
    ),
    ActionSpec(
        ActionId.GENERATE_KEY_PAIR,
        QT_TRANSLATE_NOOP("Actions", "&Generate Key Pair…"),
        QT_TRANSLATE_NOOP("Actions", "Generate a new key pair with a self-signed certificate"),
        "Ctrl+G",
        "document-new",
        Needs.KEYSTORE,
    ),
    ActionSpec(
        ActionId.CREATE_CSR,
        QT_TRANSLATE_NOOP("Actions", "Create &CSR…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Create a certificate signing request (PKCS#10) for the key pair"
        ),
        None,
        None,
        Needs.KEY_PAIR,
    ),
    ActionSpec(
        ActionId.IMPORT_CA_REPLY,
        QT_TRANSLATE_NOOP("Actions", "Import CA &Reply…"),
        QT_TRANSLATE_NOOP("Actions", "Install the certificate chain a CA issued for the key pair"),
        None,
        None,
        Needs.KEY_PAIR,
    ),
    ActionSpec(
        ActionId.SIGN_CSR,
        QT_TRANSLATE_NOOP("Actions", "&Sign CSR…"),
        QT_TRANSLATE_NOOP("Actions", "Sign a certificate signing request with this CA key pair"),
        None,
        None,
        Needs.CA_KEY_PAIR,
    ),
    ActionSpec(
        ActionId.CONNECTIVITY_TEST,
        QT_TRANSLATE_NOOP("Actions", "Connectivity &Test…"),
        QT_TRANSLATE_NOOP("Actions", "Test a TLS connection to a server with this keystore"),
        "Ctrl+T",
        None,
        Needs.NOTHING,
    ),
    ActionSpec(
        ActionId.SETTINGS,
        QT_TRANSLATE_NOOP("Actions", "&Settings…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Expiry warnings, key defaults, PKCS#12 encryption, theme, language"
        ),
        StdKey.Preferences,
        "preferences-system",
        Needs.NOTHING,
    ),
    ActionSpec(
        ActionId.MONITORING,
        QT_TRANSLATE_NOOP("Actions", "&Monitoring"),
        QT_TRANSLATE_NOOP(
            "Actions", "Every certificate of this and the watched keystores, by expiry date"
        ),
        "Ctrl+M",
        None,
        Needs.NOTHING,
    ),
    ActionSpec(
        ActionId.CONNECT_TENANT,
        QT_TRANSLATE_NOOP("Actions", "Connect to &Tenant…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Add an SAP Cloud Integration tenant from its service key and test it"
        ),
        None,
        "network-transmit-receive",
        Needs.NOTHING,
    ),
    ActionSpec(
        ActionId.COMPARE,
        QT_TRANSLATE_NOOP("Actions", "&Compare Keystores…"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Compare two keystores or tenants: entries on one side only, other certificates, "
            "other expiry dates",
        ),
    ),
)


SPECS = {spec.name: spec for spec in ACTIONS}

#: The icon name of an action, to draw it again for another palette.
ICON_PROPERTY = "keymonIcon"
#: Marks an action whose shortcuts are a platform's standard keys (see settle_shortcuts).
STANDARD_KEYS_PROPERTY = "keymonStandardKeys"

#: Keys for standard actions on platforms whose theme binds none (what KDE and GNOME use).
FALLBACK_KEYS = {StdKey.Quit: "Ctrl+Q", StdKey.Preferences: "Ctrl+,"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def build_actions(parent: QWidget) -> dict[ActionId, QAction]:
    # Icons for actions whose spec names none (until the table names them itself).
    extra_icons = {ActionId.CONNECTIVITY_TEST: "network-transmit-receive"}
    actions: dict[ActionId, QAction] = {}
    for spec in ACTIONS:
        action = QAction(_tr(spec.text), parent)
        action.setObjectName(spec.name)
        if spec.tip:
            action.setStatusTip(_tr(spec.tip))
            action.setToolTip(_tr(spec.tip))
        if isinstance(spec.shortcut, QKeySequence.StandardKey):
            set_standard_shortcuts(action, spec.shortcut)
        elif spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
        icon_name = spec.icon or extra_icons.get(spec.name)
        if icon_name:
            action.setIcon(icons.icon(icon_name))  # the theme's, else keymon's own SVG
            action.setProperty(ICON_PROPERTY, icon_name)
        action.setData(spec.needs.value)
        actions[spec.name] = action
    settle_shortcuts(actions.values())
    IconFollower(parent, actions.values())
    return actions


def explain_disabled(actions: Mapping[ActionId, QAction], one: Entry | None) -> None:
    """Say in the tip why an action that the selection seems to fit is disabled."""
    sign = actions[ActionId.SIGN_CSR]
    tip = _tr(SPECS[ActionId.SIGN_CSR].tip)
    if isinstance(one, KeyPairEntry) and not sign.isEnabled():
        tip = QCoreApplication.translate(
            "Actions", "Only a CA key pair can sign a CSR: “{alias}” is not a CA."
        ).format(alias=one.alias)
    sign.setToolTip(tip)
    sign.setStatusTip(tip)


class IconFollower(QObject):
    """Redraws the actions' icons when ``widget``'s palette changes.

    keymon's own icons are drawn for a light or a dark palette (:func:`icons.icon`); after a
    theme switch the dark grey ones would sit on a dark toolbar, enabled looking disabled.
    """

    def __init__(self, widget: QWidget, actions: Iterable[QAction]) -> None:
        super().__init__(widget)
        self._actions = [a for a in actions if a.property(ICON_PROPERTY)]
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            for action in self._actions:
                action.setIcon(icons.icon(str(action.property(ICON_PROPERTY))))
        return False


def set_standard_shortcuts(action: QAction, key: QKeySequence.StandardKey) -> None:
    """Give ``action`` the platform's keys for ``key`` (or keymon's fallback where it has none).

    The action is marked as holding standard keys, so :func:`settle_shortcuts` can drop
    one of them that an explicit shortcut also uses.
    """
    bindings = QKeySequence.keyBindings(key)
    fallback = FALLBACK_KEYS.get(key)
    if bindings or fallback is None:
        action.setShortcuts(bindings)
    else:  # a platform without a binding for it (e.g. Quit outside KDE/GNOME/macOS)
        action.setShortcut(QKeySequence(fallback))
    action.setProperty(STANDARD_KEYS_PROPERTY, True)


def settle_shortcuts(actions: Iterable[QAction]) -> None:
    """Drop standard keys that collide with an explicit shortcut or an earlier standard one.

    Qt fires neither of two window-wide actions sharing a key ("Ambiguous shortcut
    overload"). Platforms add keys to standard actions (on X11 Delete is also Ctrl+D),
    so the explicit shortcuts of the table win, then the first standard action.
    """
    actions = list(actions)
    standard = [a for a in actions if a.property(STANDARD_KEYS_PROPERTY)]
    taken = {s.toString() for a in actions if a not in standard for s in a.shortcuts()}
    for action in standard:
        keep = [s for s in action.shortcuts() if s.toString() not in taken]
        if len(keep) != len(action.shortcuts()):
            action.setShortcuts(keep)
        taken.update(s.toString() for s in keep)
