"""Entry details and the certificate-chain viewer."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from keymon.core.entries import CertificateEntry, CertInfo, KeyPairEntry, SecretKeyEntry
from keymon.core.expiry import Status
from keymon.core.x509.chain import ChainReport, LinkOrigin, Verdict, validate_chain
from keymon.gui.models.chain_model import CERT_ROLE, ORIGIN_ROLE, STATUS_ROLE, ChainModel
from keymon.gui.palette import StatusPalette, contrast_ratio, relative_luminance
from keymon.gui.views.chain_viewer import ChainViewer
from keymon.gui.views.entry_details import EntryDetails
from tests import factory

W = TypeVar("W", bound=QWidget)
NOW = factory.NOW
DAY = dt.timedelta(days=1)
ROOT_CN, INTER_CN = "keymon Test Root", "keymon Test Intermediate"


@pytest.fixture(scope="module")
def tenant() -> KeyPairEntry:
    """leaf → intermediate → root, all in the entry."""
    return factory.key_pair_entry("tenant", "Tenant Client")


@pytest.fixture(scope="module")
def expired() -> KeyPairEntry:
    (_rk, root), (int_key, inter) = factory.ca_chain()
    key = factory.ec_key(30)
    start = NOW - 400 * DAY
    cert = factory.make_cert(key, "Old Client", issuer_key=int_key, issuer=inter, not_before=start)
    chain = (CertInfo.from_cert(cert), CertInfo.from_cert(inter), CertInfo.from_cert(root))
    return KeyPairEntry("old", key, chain)


@pytest.fixture
def viewer(qtbot: QtBot) -> ChainViewer:
    widget = ChainViewer()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def details(qtbot: QtBot) -> EntryDetails:
    widget = EntryDetails()
    qtbot.addWidget(widget)
    widget.resize(720, 760)
    return widget


def _find(parent: QWidget, kind: type[W], name: str) -> W:
    widget = parent.findChild(kind, name)
    assert widget is not None, name
    return widget


def _label(parent: QWidget, name: str) -> str:
    return _find(parent, QLabel, name).text()


def _rows(model: ChainModel) -> list[QModelIndex]:
    """The rows top to bottom, following the single line of descent."""
    out, index = [], model.index(0, 0)
    while index.isValid():
        out.append(index)
        index = model.index(0, 0, index)
    return out


def _texts(model: ChainModel, column: int) -> list[str]:
    return [model.index(0, column, i.parent()).data() for i in _rows(model)]


def _general(details: EntryDetails) -> dict[str, str]:
    tree = details.tabs.general
    out: dict[str, str] = {}
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        assert item is not None
        out[item.text(0)] = item.text(1)
        for j in range(item.childCount()):
            child = item.child(j)
            assert child is not None
            out[f"{item.text(0)}/{child.text(0)}"] = child.text(1)
    return out


def _all_text(root: QWidget) -> str:
    parts = [w.text() for w in root.findChildren(QLabel)]
    parts += [w.toPlainText() for w in root.findChildren(QPlainTextEdit)]
    for tree in root.findChildren(QTreeWidget):
        items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        while items:
            item = items.pop()
            if item is not None:
                parts += [item.text(c) for c in range(item.columnCount())]
                items += [item.child(j) for j in range(item.childCount())]
    return "\n".join(parts)


@pytest.fixture
def clipboard() -> Iterator[None]:
    board = QGuiApplication.clipboard()
    board.clear()
    yield
    board.clear()


# -- the chain tree ------------------------------------------------------------------------
def test_chain_of_three_is_a_tree_root_first_leaf_deepest(
    qtbot: QtBot, viewer: ChainViewer, tenant: KeyPairEntry
) -> None:
    leaf, inter, root = tenant.chain
    with qtbot.waitSignal(viewer.certificateSelected) as selected:
        viewer.set_entry(tenant, tenant.chain, [root], NOW)
    model = viewer.model
    assert _texts(model, 0) == [ROOT_CN, INTER_CN, "Tenant Client"]
    assert [i.data(CERT_ROLE) for i in _rows(model)] == [root, inter, leaf]
    assert [i.data(ORIGIN_ROLE) for i in _rows(model)] == [LinkOrigin.IN_ENTRY] * 3
    assert _texts(model, 1) == ["In the entry"] * 3
    assert [i.parent() for i in _rows(model)][1:] == _rows(model)[:-1]  # child of its issuer
    assert selected.args == [leaf]  # the leaf is selected by default
    assert viewer.current_certificate() == leaf
    assert viewer.tree.objectName() == "chainTree" and viewer.tree.accessibleName()


def test_a_servers_chain_says_it_was_sent_by_the_server(
    viewer: ChainViewer, tenant: KeyPairEntry
) -> None:
    viewer.model.from_server = True
    viewer.set_chain(tenant.chain, [], [], NOW)
    assert _texts(viewer.model, 1) == ["Sent by the server"] * 3


def test_missing_root_is_completed_from_the_keystore(
    viewer: ChainViewer, tenant: KeyPairEntry
) -> None:
    leaf, inter, root = tenant.chain
    partial = KeyPairEntry("partial", tenant.private_key, (leaf, inter))
    keystore = [leaf, inter, root]
    viewer.set_entry(partial, keystore, [root], NOW)
    rows = _rows(viewer.model)
    assert rows[0].data(CERT_ROLE) == root
    assert rows[0].data(ORIGIN_ROLE) is LinkOrigin.FROM_KEYSTORE
    assert _texts(viewer.model, 1) == ["Found in the keystore", "In the entry", "In the entry"]
    assert viewer.report is not None and viewer.report.verdict is Verdict.TRUSTED


def test_issuer_nowhere_is_a_missing_row_and_an_incomplete_verdict(
    viewer: ChainViewer, tenant: KeyPairEntry
) -> None:
    leaf = tenant.chain[0]
    viewer.set_entry(KeyPairEntry("lonely", tenant.private_key, (leaf,)), [leaf], [], NOW)
    top = _rows(viewer.model)[0]
    assert top.data() == INTER_CN
    assert top.data(CERT_ROLE) is None and top.data(ORIGIN_ROLE) is LinkOrigin.MISSING
    assert top.siblingAtColumn(1).data() == "Missing"
    disabled = viewer.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert top.data(Qt.ItemDataRole.ForegroundRole) == disabled  # greyed
    assert not top.data(Qt.ItemDataRole.DecorationRole).isNull()  # a warning icon
    assert leaf.summary.issuer in top.data(Qt.ItemDataRole.ToolTipRole)
    report = viewer.report
    assert report is not None and report.verdict is Verdict.INCOMPLETE
    text = _label(viewer, "verdictLabel")
    assert "incomplete" in text and INTER_CN in text


def test_expired_certificate_is_named_in_the_verdict_and_coloured(
    viewer: ChainViewer, expired: KeyPairEntry
) -> None:
    viewer.set_entry(expired, expired.chain, [expired.chain[-1]], NOW)
    assert viewer.report is not None and viewer.report.verdict is Verdict.EXPIRED
    assert "Old Client" in _label(viewer, "verdictLabel")
    leaf_row = _rows(viewer.model)[-1]
    assert leaf_row.data(STATUS_ROLE) == Status.EXPIRED  # a str enum: a plain str via Qt
    assert leaf_row.siblingAtColumn(2).data().startswith("Expired")
    colors = StatusPalette(viewer.palette())
    assert leaf_row.data(Qt.ItemDataRole.BackgroundRole) == colors.background(Status.EXPIRED)
    assert _rows(viewer.model)[0].data(Qt.ItemDataRole.BackgroundRole) is None  # valid root


def test_untrusted_root_verdict(viewer: ChainViewer, tenant: KeyPairEntry) -> None:
    viewer.set_entry(tenant, tenant.chain, [], NOW)
    assert viewer.report is not None and viewer.report.verdict is Verdict.ROOT_NOT_TRUSTED
    text = _label(viewer, "verdictLabel")
    assert "root is not trusted" in text and ROOT_CN in text


def test_trusted_verdict_with_icon(viewer: ChainViewer, tenant: KeyPairEntry) -> None:
    viewer.set_entry(tenant, tenant.chain, [tenant.chain[-1]], NOW)
    assert viewer.report is not None and viewer.report.trusted
    assert "Trusted" in _label(viewer, "verdictLabel")
    assert not _find(viewer, QLabel, "verdictIcon").pixmap().isNull()


def test_policy_findings_are_listed_apart_from_the_verdict(viewer: ChainViewer) -> None:
    entry = factory.self_signed_entry("keytool-style", "Keytool Style")
    viewer.set_entry(entry, entry.chain, entry.chain, NOW)
    report = viewer.report
    assert report is not None and report.trusted and report.policy_findings
    notes = _find(viewer, QWidget, "policyNotes")
    assert notes.isVisibleTo(viewer)
    assert _label(viewer, "policyNotesTitle") == "Policy notes"
    notes_text = _label(viewer, "policyNotesLabel")
    verdict_text = _label(viewer, "verdictLabel")
    assert "Authority Key Identifier" in notes_text
    assert "Authority Key Identifier" not in verdict_text and "Trusted" in verdict_text
    root = CertificateEntry("root", factory.trusted_entry("root", "Plain Root").cert)
    viewer.set_entry(root, [root.cert], [root.cert], NOW)  # a CA: no end-entity profile
    assert not notes.isVisibleTo(viewer)


def test_verdicts_are_remembered_per_chain_and_time(
    viewer: ChainViewer, tenant: KeyPairEntry, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keymon.gui.views import chain_viewer

    calls: list[object] = []
    real = validate_chain

    def counting(*args: Any, **kwargs: Any) -> ChainReport:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(chain_viewer, "validate_chain", counting)
    viewer.set_entry(tenant, tenant.chain, [], NOW)
    viewer.set_entry(tenant, tenant.chain, [], NOW)
    assert len(calls) == 1
    viewer.set_entry(tenant, tenant.chain, [tenant.chain[-1]], NOW)  # the trust set changed
    viewer.set_entry(tenant, tenant.chain, [], NOW + DAY)  # so did the time
    assert len(calls) == 3


def test_set_chain_and_clear(qtbot: QtBot, viewer: ChainViewer, tenant: KeyPairEntry) -> None:
    viewer.set_chain(tenant.chain[:2], [], [], NOW)  # e.g. a server's chain
    assert _texts(viewer.model, 1)[0] == "Missing"
    with qtbot.waitSignal(viewer.certificateSelected) as selected:
        viewer.clear()
    assert selected.args == [None]
    assert viewer.model.rowCount() == 0 and viewer.report is None
    viewer.set_entry(SecretKeyEntry("aes", "AES", b"k" * 16), [], [], NOW)
    assert viewer.model.rowCount() == 0


@pytest.mark.parametrize("force_py", [False, True], ids=["qt", "python"])
def test_chain_model_passes_the_model_tester(
    qtmodeltester: ModelTester, tenant: KeyPairEntry, force_py: bool
) -> None:
    viewer = ChainViewer()
    try:
        model = viewer.model
        viewer.set_entry(tenant, tenant.chain, [], NOW)
        qtmodeltester.check(model, force_py=force_py)  # type: ignore[no-untyped-call]
        viewer.set_chain(tenant.chain[:1], [], [], NOW)  # with a missing row
        viewer.setPalette(_dark_palette())  # dataChanged, row by row
        viewer.set_chain(tenant.chain[:2], tenant.chain, [], NOW)  # completed from the pool
        viewer.clear()
    finally:
        viewer.deleteLater()


# -- entry details ------------------------------------------------------------------------
def test_details_header_and_general_tab(details: EntryDetails, tenant: KeyPairEntry) -> None:
    details.show_entry(tenant, tenant.chain, [tenant.chain[-1]], NOW)
    assert details.alias_label.text() == "tenant"
    assert details.type_label.text() == "Key pair"
    assert "days left" in details.expiry_label.text()
    general = _general(details)
    leaf = tenant.chain[0]
    assert general["Subject/CN"] == "Tenant Client"
    assert general["Issuer/CN"] == INTER_CN
    assert general["Serial number (decimal)"] == str(leaf.summary.serial)
    assert general["Serial number (hex)"].replace(":", "").lstrip("0").lower() == format(
        leaf.summary.serial, "x"
    )
    assert general["Public key algorithm"] == "RSA" and general["Key size"] == "2048 bits"
    assert general["Certificate authority"] == "No" and general["Self-signed"] == "No"
    assert general["Days remaining"] == str((leaf.summary.not_after - NOW) // DAY)


def test_selecting_a_row_updates_the_general_tab(
    qtbot: QtBot, details: EntryDetails, tenant: KeyPairEntry
) -> None:
    details.show_entry(tenant, tenant.chain, [], NOW)
    tree = details.chain_viewer.tree
    with qtbot.waitSignal(details.chain_viewer.certificateSelected) as selected:
        QTest.keyClick(tree, Qt.Key.Key_Up)  # leaf → its issuer
    assert selected.args == [tenant.chain[1]]
    assert _general(details)["Subject/CN"] == INTER_CN
    assert _general(details)["Certificate authority"] == "Yes"
    QTest.keyClick(tree, Qt.Key.Key_Home)
    assert _general(details)["Self-signed"] == "Yes"
    assert details.tabs.details is not None
    assert details.tabs.details.sha256 == tenant.chain[2].sha256


def test_showing_the_same_entry_again_keeps_the_selected_row(
    qtbot: QtBot, details: EntryDetails, tenant: KeyPairEntry
) -> None:
    details.show_entry(tenant, tenant.chain, [], NOW)
    QTest.keyClick(details.chain_viewer.tree, Qt.Key.Key_Home)
    details.show_entry(tenant, tenant.chain, [], NOW + DAY)  # e.g. the expiry timer
    assert details.chain_viewer.current_certificate() == tenant.chain[2]
    assert _general(details)["Subject/CN"] == ROOT_CN
    other = factory.key_pair_entry("other", "Other Client")
    details.show_entry(other, other.chain, [], NOW)
    assert details.chain_viewer.current_certificate() == other.chain[0]


def test_selecting_a_missing_issuer_shows_its_name(
    qtbot: QtBot, details: EntryDetails, tenant: KeyPairEntry
) -> None:
    leaf = tenant.chain[0]
    details.show_entry(KeyPairEntry("lonely", tenant.private_key, (leaf,)), [leaf], [], NOW)
    QTest.keyClick(details.chain_viewer.tree, Qt.Key.Key_Home)
    assert _general(details)["Missing issuer"] == leaf.summary.issuer
    assert not details.tabs.isTabEnabled(1)  # no fingerprints of a certificate nobody has


def test_copy_buttons_put_fingerprints_and_pem_on_the_clipboard(
    qtbot: QtBot, details: EntryDetails, tenant: KeyPairEntry, clipboard: None
) -> None:
    details.show_entry(tenant, tenant.chain, [], NOW)
    leaf = tenant.chain[0]
    board = QGuiApplication.clipboard()
    for name, algorithm in (("Sha1", "sha1"), ("Sha256", "sha256"), ("Sha512", "sha512")):
        button = _find(details, QPushButton, f"copy{name}Button")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        assert board.text() == hashlib.new(algorithm, leaf.der).digest().hex(":").upper()
        field = _find(details, QPlainTextEdit, f"{algorithm}Field")
        assert field.isReadOnly() and field.toPlainText() == board.text()
    QTest.mouseClick(_find(details, QPushButton, "copyPemButton"), Qt.MouseButton.LeftButton)
    assert board.text() == leaf.cert.public_bytes(Encoding.PEM).decode()
    assert details.tabs.pem.toPlainText() == board.text()


def test_ctrl_c_in_the_general_tab_copies_the_value(
    qtbot: QtBot, details: EntryDetails, tenant: KeyPairEntry, clipboard: None
) -> None:
    details.show_entry(tenant, tenant.chain, [], NOW)
    tree = details.tabs.general
    serial = tree.topLevelItem(2)  # serial number (decimal)
    assert serial is not None
    tree.setCurrentItem(serial)
    details.tabs.general.actions()[0].trigger()
    assert QGuiApplication.clipboard().text() == str(tenant.chain[0].summary.serial)


def test_extensions_tab_lists_name_criticality_and_values(
    details: EntryDetails, tenant: KeyPairEntry
) -> None:
    details.show_entry(tenant, tenant.chain, [], NOW)
    tree = details.tabs.extensions
    rows = {}
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        assert item is not None
        rows[item.text(0)] = (item.text(1), item.text(2))
    assert rows["Basic Constraints"] == ("Yes", "CA: FALSE")
    assert rows["Subject Key Identifier"][0] == "No"
    assert rows["Subject Key Identifier"][1].startswith("Key ID: ")


def test_secret_key_shows_algorithm_and_size_but_never_the_key(
    details: EntryDetails,
) -> None:
    key = bytes(range(0x40, 0x60))
    details.show_entry(SecretKeyEntry("aes", "AES", key), [], [], NOW)
    assert details.stack.currentIndex() == details.SECRET_PAGE
    assert details.type_label.text() == "Secret key"
    assert details.secret_algorithm.text() == "AES"
    assert details.secret_size.text() == "256 bits"
    assert details.expiry_label.text() == "Does not expire"
    shown = _all_text(details)
    for form in (key.hex(), key.hex().upper(), key.hex(":").upper(), key.decode("latin-1")):
        assert form not in shown


def test_trusted_certificate_entry_and_empty_state(details: EntryDetails) -> None:
    entry = factory.trusted_entry("partner-root", "Partner Root")
    details.show_entry(entry, [entry.cert], [entry.cert], NOW)
    assert details.type_label.text() == "Trusted certificate"
    assert details.chain_viewer.report is not None
    assert "itself trusted" in details.chain_viewer.report.message
    details.show_entry(None, [], [], NOW)
    assert details.stack.currentIndex() == details.EMPTY_PAGE
    assert not details.header.isVisibleTo(details)


def test_expired_entry_header(details: EntryDetails, expired: KeyPairEntry) -> None:
    details.show_entry(expired, expired.chain, [], NOW)
    assert details.expiry_label.text().startswith("Expired 35 days ago")
    assert _general(details)["Days remaining"] == "Expired 35 days ago"


def test_header_names_the_chain_certificate_that_expires_first(details: EntryDetails) -> None:
    (root_key, root), _ = factory.ca_chain()
    int_key, leaf_key = factory.ec_key(40), factory.ec_key(41)
    start = NOW - DAY
    inter = factory.make_cert(
        int_key, "Short CA", issuer_key=root_key, issuer=root, ca=True, days=11, not_before=start
    )
    leaf = factory.make_cert(leaf_key, "Long Leaf", issuer_key=int_key, issuer=inter)
    chain = tuple(CertInfo.from_cert(c) for c in (leaf, inter, root))
    details.show_entry(KeyPairEntry("soon", leaf_key, chain), chain, [], NOW)
    text = details.expiry_label.text()
    assert text.startswith("Expires soon: 10 days left") and "“Short CA”" in text
    assert not _find(details, QLabel, "expiryIcon").pixmap().isNull()


def test_keyboard_reach_and_accessible_names(details: EntryDetails, tenant: KeyPairEntry) -> None:
    details.show_entry(tenant, tenant.chain, [], NOW)
    tabs = details.tabs
    assert tabs.accessibleName() and details.chain_viewer.tree.accessibleName()
    for i in range(tabs.count()):
        page = tabs.widget(i)
        assert page is not None and page.accessibleName() == tabs.tabText(i)
    focusable = []
    widget = details.chain_viewer.tree.nextInFocusChain()
    while widget is not None and widget is not details.chain_viewer.tree:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and details.isAncestorOf(widget):
            focusable.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert focusable[:2] == ["verdictLabel", "policyNotesLabel"]  # then the tabs
    assert focusable.index("policyNotesLabel") < focusable.index("qt_tabwidget_tabbar")
    names = ["sha1Field", "copySha1Button", "sha256Field", "copySha256Button"]
    positions = [focusable.index(n) for n in names]
    assert positions == sorted(positions)
    assert {"generalTree", "extensionsTree", "pemText", "copyPemButton"} <= set(focusable)


def test_show_entry_is_fast(details: EntryDetails, tenant: KeyPairEntry) -> None:
    """Runs on every selection change: under 20 ms for a three-certificate chain."""
    timings = []
    for _ in range(5):
        chain = tuple(CertInfo.from_der(c.der) for c in tenant.chain)  # nothing cached
        entry = KeyPairEntry("tenant", tenant.private_key, chain)
        start = time.perf_counter()
        details.show_entry(entry, chain, [chain[-1]], NOW)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.020, timings


# -- palettes and rendering ---------------------------------------------------------------
def _dark_palette() -> QPalette:
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#2a6fdb",
        QPalette.ColorRole.HighlightedText: "#ffffff",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#777777"))
    return palette


def test_dark_palette_gives_dark_readable_status_rows(
    details: EntryDetails, expired: KeyPairEntry
) -> None:
    details.show_entry(expired, expired.chain, [], NOW)
    details.setPalette(_dark_palette())
    leaf_row = _rows(details.chain_viewer.model)[-1]
    background = leaf_row.data(Qt.ItemDataRole.BackgroundRole)
    foreground = leaf_row.data(Qt.ItemDataRole.ForegroundRole)
    assert relative_luminance(background) < 0.1
    assert contrast_ratio(background, foreground) >= 4.5


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_details_render(
    details: EntryDetails, tenant: KeyPairEntry, tmp_path: Path, dark: bool
) -> None:
    if dark:
        details.setPalette(_dark_palette())
    partial = KeyPairEntry("tenant", tenant.private_key, tenant.chain[:2])
    details.show_entry(partial, tenant.chain, [tenant.chain[2]], NOW)
    QApplication.sendPostedEvents()
    image = details.grab()
    assert not image.isNull() and image.width() >= 700
    assert image.save(str(tmp_path / "details.png"))
