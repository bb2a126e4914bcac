<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gui/dialogs/about_dialog.py" line="30"/>
        <source>A desktop keystore monitor for client-certificate (mutual TLS) setups: PKCS#12, JKS, JCEKS and PEM keystores, their chains and expiry dates.</source>
        <translation>Ein Desktop-Monitor für Schlüsselspeicher in Client-Zertifikat-Umgebungen (Mutual TLS): PKCS#12-, JKS-, JCEKS- und PEM-Schlüsselspeicher, ihre Zertifikatsketten und Ablaufdaten.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/about_dialog.py" line="79"/>
        <source>About keymon</source>
        <translation>Über keymon</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/about_dialog.py" line="115"/>
        <source>&amp;Copy Version Info</source>
        <translation>Versionsinformationen &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../gui/actions.py" line="380"/>
        <source>Only a CA key pair can sign a CSR: “{alias}” is not a CA.</source>
        <extracomment>The icon name of an action, to draw it again for another palette. Marks an action whose shortcuts are a platform&apos;s standard keys (see settle_shortcuts). Keys for standard actions on platforms whose theme binds none (what KDE and GNOME use).</extracomment>
        <translation>Nur ein CA-Schlüsselpaar kann eine CSR signieren: „{alias}“ ist keine CA.</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="84"/>
        <source>&amp;Open Keystore…</source>
        <translation>Schlüsselspeicher ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="85"/>
        <source>Open a keystore file</source>
        <translation>Eine Schlüsselspeicherdatei öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="91"/>
        <source>Ne&amp;w Keystore…</source>
        <translation>Ne&amp;uer Schlüsselspeicher…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="92"/>
        <source>Create an empty PKCS#12 or JKS keystore and open it</source>
        <translation>Einen leeren PKCS#12- oder JKS-Schlüsselspeicher anlegen und öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="98"/>
        <source>Open &amp;Default Keystore</source>
        <translation>Stan&amp;dard-Schlüsselspeicher öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="99"/>
        <source>Open keymon&apos;s own keystore</source>
        <translation>Den eigenen Schlüsselspeicher von keymon öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="103"/>
        <source>&amp;Backups…</source>
        <translation>&amp;Sicherungen…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="104"/>
        <source>Saved versions of this keystore</source>
        <translation>Gespeicherte Versionen dieses Schlüsselspeichers</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="111"/>
        <source>Change &amp;Password…</source>
        <translation>&amp;Passwort ändern…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="112"/>
        <source>Change the keystore password</source>
        <translation>Das Passwort des Schlüsselspeichers ändern</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="119"/>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="120"/>
        <source>Read the keystore file again</source>
        <translation>Die Schlüsselspeicherdatei erneut einlesen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="126"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="130"/>
        <source>Add &amp;Certificate…</source>
        <translation>&amp;Zertifikat hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="131"/>
        <source>Add a trusted certificate from a file (.cer, .crt, .pem, .der, .p7b)</source>
        <translation>Ein vertrauenswürdiges Zertifikat aus einer Datei hinzufügen (.cer, .crt, .pem, .der, .p7b)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="140"/>
        <source>Add Certificate from C&amp;lipboard</source>
        <translation>Zertifikat aus der Zwischen&amp;ablage hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="141"/>
        <source>Add a trusted certificate from PEM text on the clipboard</source>
        <translation>Ein vertrauenswürdiges Zertifikat aus PEM-Text in der Zwischenablage hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="148"/>
        <source>Add &amp;Key Pair…</source>
        <translation>&amp;Schlüsselpaar hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="149"/>
        <source>Import key pairs from PKCS#12 or PEM</source>
        <translation>Schlüsselpaare aus PKCS#12 oder PEM importieren</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="156"/>
        <source>Add Keystore (&amp;Merge)…</source>
        <translation>Schlüsselspeicher hinzufügen (Zusa&amp;mmenführen)…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="157"/>
        <source>Merge another keystore&apos;s entries</source>
        <translation>Die Einträge eines anderen Schlüsselspeichers übernehmen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="174"/>
        <source>Public &amp;Certificate…</source>
        <translation>Öffentliches &amp;Zertifikat…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="175"/>
        <source>Save the public certificate (.cer) to hand to a partner</source>
        <translation>Das öffentliche Zertifikat (.cer) speichern, um es einem Partner zu übergeben</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="182"/>
        <source>Certificate C&amp;hain…</source>
        <translation>Zertifikats&amp;kette…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="183"/>
        <source>Save the chain (.p7b or PEM)</source>
        <translation>Die Zertifikatskette speichern (.p7b oder PEM)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="190"/>
        <source>&amp;Root Certificate…</source>
        <translation>&amp;Stammzertifikat…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="191"/>
        <source>Save the root of the chain</source>
        <translation>Das Stammzertifikat der Kette speichern</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="198"/>
        <source>Public &amp;OpenSSH Key…</source>
        <translation>Öffentlicher &amp;OpenSSH-Schlüssel…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="199"/>
        <source>Save the public key for SSH</source>
        <translation>Den öffentlichen Schlüssel für SSH speichern</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="206"/>
        <source>&amp;Export Key Pair…</source>
        <translation>Schlüsselpaar &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="207"/>
        <source>Save private key and chain as a password-protected PKCS#12</source>
        <translation>Privaten Schlüssel und Zertifikatskette als passwortgeschützte PKCS#12-Datei speichern</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="214"/>
        <source>Copy SHA-256 &amp;Fingerprint</source>
        <translation>SHA-256-&amp;Fingerabdruck kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="222"/>
        <source>Copy &amp;PEM</source>
        <translation>&amp;PEM kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="230"/>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="231"/>
        <source>Rename the entry</source>
        <translation>Den Eintrag umbenennen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="238"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="239"/>
        <source>Delete the selected entries</source>
        <translation>Die ausgewählten Einträge löschen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="246"/>
        <source>Fil&amp;ter</source>
        <translation>Fil&amp;tern</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="247"/>
        <source>Filter the entries</source>
        <translation>Die Einträge filtern</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="253"/>
        <source>&amp;Generate Key Pair…</source>
        <translation>Schlüsselpaar &amp;erzeugen…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="254"/>
        <source>Generate a new key pair with a self-signed certificate</source>
        <translation>Ein neues Schlüsselpaar mit selbstsigniertem Zertifikat erzeugen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="261"/>
        <source>Create &amp;CSR…</source>
        <translation>&amp;CSR erstellen…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="262"/>
        <source>Create a certificate signing request (PKCS#10) for the key pair</source>
        <translation>Eine Zertifikatsignieranforderung (PKCS#10) für das Schlüsselpaar erstellen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="271"/>
        <source>Import CA &amp;Reply…</source>
        <translation>CA-&amp;Antwort importieren…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="272"/>
        <source>Install the certificate chain a CA issued for the key pair</source>
        <translation>Die Zertifikatskette installieren, die eine CA für das Schlüsselpaar ausgestellt hat</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="279"/>
        <source>&amp;Sign CSR…</source>
        <translation>CSR &amp;signieren…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="280"/>
        <source>Sign a certificate signing request with this CA key pair</source>
        <translation>Eine Zertifikatsignieranforderung mit diesem CA-Schlüsselpaar signieren</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="287"/>
        <source>Connectivity &amp;Test…</source>
        <translation>&amp;Verbindungstest…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="288"/>
        <source>Test a TLS connection to a server with this keystore</source>
        <translation>Eine TLS-Verbindung zu einem Server mit diesem Schlüsselspeicher testen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="295"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="296"/>
        <source>Expiry warnings, key defaults, PKCS#12 encryption, theme, language</source>
        <translation>Ablaufwarnungen, Schlüssel-Vorgaben, PKCS#12-Verschlüsselung, Farbschema, Sprache</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="305"/>
        <source>&amp;Monitoring</source>
        <translation>Ü&amp;berwachung</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="306"/>
        <source>Every certificate of this and the watched keystores, by expiry date</source>
        <translation>Alle Zertifikate dieses und der überwachten Schlüsselspeicher, nach Ablaufdatum</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="315"/>
        <source>Connect to &amp;Tenant…</source>
        <translation>Mit &amp;Tenant verbinden…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="316"/>
        <source>Add an SAP Cloud Integration tenant from its service key and test it</source>
        <translation>Einen SAP-Cloud-Integration-Tenant aus seinem Service Key hinzufügen und testen</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="325"/>
        <source>&amp;Compare Keystores…</source>
        <translation>Schlüsselspeicher &amp;vergleichen…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="326"/>
        <source>Compare two keystores or tenants: entries on one side only, other certificates, other expiry dates</source>
        <translation>Zwei Schlüsselspeicher oder Tenants vergleichen: Einträge nur auf einer Seite, andere Zertifikate, andere Ablaufdaten</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="164"/>
        <source>Import &amp;Root CA of a Tested Server…</source>
        <translation>Stamm-&amp;CA eines getesteten Servers importieren…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="165"/>
        <source>Trust the root CA of the server the connectivity test reached</source>
        <translation>Der Stamm-CA des Servers vertrauen, den der Verbindungstest erreicht hat</translation>
    </message>
</context>
<context>
    <name>AliasPage</name>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="311"/>
        <location filename="../../gui/wizards/import_root_wizard.py" line="315"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="312"/>
        <source>The name of the trusted certificate in the keystore.</source>
        <translation>Der Name des vertrauenswürdigen Zertifikats im Schlüsselspeicher.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="318"/>
        <source>&amp;Alias:</source>
        <translation>&amp;Alias:</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="336"/>
        <source>The keystore already has an entry named “{alias}”.</source>
        <translation>Der Schlüsselspeicher enthält bereits einen Eintrag namens „{alias}“.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="123"/>
        <source>&amp;Delete All Backups…</source>
        <translation>Alle Sicherungen &amp;löschen…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="125"/>
        <source>Delete every saved version of this keystore</source>
        <translation>Alle gespeicherten Versionen dieses Schlüsselspeichers löschen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="186"/>
        <source>Delete all {count} saved versions of this keystore? They cannot be restored afterwards. Each still opens with the password it was saved with and holds the entries it had then, including deleted ones.</source>
        <translation>Alle {count} gespeicherten Versionen dieses Schlüsselspeichers löschen? Sie lassen sich danach nicht mehr wiederherstellen. Jede öffnet sich weiterhin mit dem Passwort, mit dem sie gespeichert wurde, und enthält die Einträge von damals, auch gelöschte.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="190"/>
        <source>Delete All Backups</source>
        <translation>Alle Sicherungen löschen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="195"/>
        <source>Backups not deleted</source>
        <translation>Sicherungen nicht gelöscht</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="71"/>
        <source>Backups of {name}</source>
        <translation>Sicherungen von {name}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="71"/>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="81"/>
        <source>keymon keeps the previous version each time it saves. Restoring makes the chosen version the current file; the current version is backed up first and the restore can be undone.</source>
        <translation>keymon bewahrt bei jedem Speichern die vorherige Version auf. Beim Wiederherstellen wird die gewählte Version zur aktuellen Datei; die aktuelle Version wird vorher gesichert, und das Wiederherstellen lässt sich rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="88"/>
        <source>Saved versions</source>
        <translation>Gespeicherte Versionen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="94"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="94"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="94"/>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="94"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="104"/>
        <source>There are no backups of this keystore yet. keymon makes one each time it saves a change.</source>
        <translation>Von diesem Schlüsselspeicher gibt es noch keine Sicherungen. keymon legt bei jedem Speichern einer Änderung eine an.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="118"/>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="120"/>
        <source>Make the selected version the current file</source>
        <translation>Die ausgewählte Version zur aktuellen Datei machen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backups_dialog.py" line="151"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>CaReplyWizard</name>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="194"/>
        <source>Import CA Reply</source>
        <translation>CA-Antwort importieren</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="203"/>
        <source>&amp;Install</source>
        <translation>&amp;Installieren</translation>
    </message>
</context>
<context>
    <name>CertificateTabs</name>
    <message>
        <location filename="../../gui/views/entry_details.py" line="111"/>
        <source>Certificate details</source>
        <translation>Zertifikatsdetails</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="116"/>
        <location filename="../../gui/views/entry_details.py" line="120"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="117"/>
        <source>The certificate&apos;s fields; Ctrl+C copies the selected value.</source>
        <translation>Die Felder des Zertifikats; Strg+C kopiert den ausgewählten Wert.</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="118"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="118"/>
        <location filename="../../gui/views/entry_details.py" line="134"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="124"/>
        <location filename="../../gui/views/entry_details.py" line="132"/>
        <source>Fingerprints</source>
        <translation>Fingerabdrücke</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="134"/>
        <source>Extension</source>
        <translation>Erweiterung</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="134"/>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="137"/>
        <location filename="../../gui/views/entry_details.py" line="141"/>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="138"/>
        <source>The certificate&apos;s extensions; Ctrl+C copies the selected values.</source>
        <translation>Die Erweiterungen des Zertifikats; Strg+C kopiert die ausgewählten Werte.</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="145"/>
        <location filename="../../gui/views/entry_details.py" line="159"/>
        <source>PEM</source>
        <translation>PEM</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="148"/>
        <source>Certificate in PEM format</source>
        <translation>Zertifikat im PEM-Format</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="153"/>
        <source>Copy PEM</source>
        <translation>PEM kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="174"/>
        <source>Copy Value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="185"/>
        <source>{algorithm} fingerprint</source>
        <translation>{algorithm}-Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="187"/>
        <source>{algorithm}:</source>
        <translation>{algorithm}:</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="189"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="191"/>
        <source>Copy {algorithm} fingerprint</source>
        <translation>{algorithm}-Fingerabdruck kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="219"/>
        <source>Missing issuer</source>
        <translation>Fehlender Aussteller</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="220"/>
        <source>Neither the entry nor the keystore holds this certificate.</source>
        <translation>Weder der Eintrag noch der Schlüsselspeicher enthält dieses Zertifikat.</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="228"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="229"/>
        <source>Serial number (hex)</source>
        <translation>Seriennummer (hex)</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="230"/>
        <source>Serial number (decimal)</source>
        <translation>Seriennummer (dezimal)</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="232"/>
        <source>Subject</source>
        <translation>Antragsteller</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="233"/>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="238"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="239"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="240"/>
        <source>Days remaining</source>
        <translation>Verbleibende Tage</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="241"/>
        <source>Public key algorithm</source>
        <translation>Algorithmus des öffentlichen Schlüssels</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="243"/>
        <source>{bits} bits</source>
        <translation>{bits} Bit</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="244"/>
        <source>Key size</source>
        <translation>Schlüsselgröße</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="246"/>
        <source>Curve</source>
        <translation>Kurve</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="247"/>
        <source>Signature algorithm</source>
        <translation>Signaturalgorithmus</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="248"/>
        <source>Certificate authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="249"/>
        <source>Self-signed</source>
        <translation>Selbstsigniert</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="260"/>
        <source>Unknown extension ({oid})</source>
        <translation>Unbekannte Erweiterung ({oid})</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="290"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="290"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="294"/>
        <source>Not yet valid</source>
        <translation>Noch nicht gültig</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/entry_details.py" line="296"/>
        <source>Expired %n days ago</source>
        <translation>
            <numerusform>Vor %n Tag abgelaufen</numerusform>
            <numerusform>Vor %n Tagen abgelaufen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chain</name>
    <message>
        <location filename="../../core/x509/chain.py" line="220"/>
        <source>The certificate {cert} expired on {date}.</source>
        <translation>Das Zertifikat {cert} ist am {date} abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../core/x509/chain.py" line="228"/>
        <source>The certificate {cert} is not valid before {date}.</source>
        <translation>Das Zertifikat {cert} ist erst ab {date} gültig.</translation>
    </message>
    <message>
        <location filename="../../core/x509/chain.py" line="264"/>
        <source>The root {cert} is not among the trusted certificates.</source>
        <translation>Die Root-CA {cert} ist nicht unter den vertrauenswürdigen Zertifikaten.</translation>
    </message>
    <message>
        <location filename="../../core/x509/chain.py" line="255"/>
        <source>The signature on {cert} does not verify with the key of {issuer}.</source>
        <translation>Die Signatur von {cert} lässt sich mit dem Schlüssel von {issuer} nicht prüfen.</translation>
    </message>
    <message>
        <location filename="../../core/x509/chain.py" line="270"/>
        <source>The chain is incomplete: the issuer “{issuer}” of {cert} is missing.</source>
        <translation>Die Kette ist unvollständig: Der Aussteller „{issuer}“ von {cert} fehlt.</translation>
    </message>
    <message>
        <location filename="../../core/x509/chain.py" line="346"/>
        <source>The certificate {cert} is not valid for the host name “{host}”.</source>
        <translation>Das Zertifikat {cert} gilt nicht für den Hostnamen „{host}“.</translation>
    </message>
    <message>
        <location filename="../../core/x509/chain.py" line="367"/>
        <source>The chain of {cert} is trusted through {anchor}.</source>
        <translation>Die Kette von {cert} ist über {anchor} vertrauenswürdig.</translation>
    </message>
    <message>
        <location filename="../../core/x509/chain.py" line="373"/>
        <source>The certificate {cert} is itself trusted.</source>
        <translation>Das Zertifikat {cert} ist selbst als vertrauenswürdig hinterlegt.</translation>
    </message>
    <message>
        <location filename="../../core/x509/chain.py" line="289"/>
        <source>The server does not send its root CA “{issuer}” (normal). Import the root CA to trust it.</source>
        <translation>Der Server sendet seine Stammzertifizierungsstelle „{issuer}“ nicht mit (das ist normal). Importieren Sie die Stamm-CA, um ihm zu vertrauen.</translation>
    </message>
</context>
<context>
    <name>ChainModel</name>
    <message>
        <location filename="../../gui/models/chain_model.py" line="91"/>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/models/chain_model.py" line="92"/>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../../gui/models/chain_model.py" line="93"/>
        <source>Validity</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <location filename="../../gui/models/chain_model.py" line="260"/>
        <source>In the entry</source>
        <translation>Im Eintrag</translation>
    </message>
    <message>
        <location filename="../../gui/models/chain_model.py" line="260"/>
        <source>Sent by the server</source>
        <extracomment>The chain came from a TLS server, not a keystore entry (the connectivity test).</extracomment>
        <translation>Vom Server gesendet</translation>
    </message>
    <message>
        <location filename="../../gui/models/chain_model.py" line="262"/>
        <source>Found in the keystore</source>
        <translation>Im Schlüsselspeicher gefunden</translation>
    </message>
    <message>
        <location filename="../../gui/models/chain_model.py" line="263"/>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <location filename="../../gui/models/chain_model.py" line="270"/>
        <source>Expired {date}</source>
        <translation>Abgelaufen am {date}</translation>
    </message>
    <message>
        <location filename="../../gui/models/chain_model.py" line="272"/>
        <source>From {date}</source>
        <translation>Ab {date}</translation>
    </message>
    <message>
        <location filename="../../gui/models/chain_model.py" line="274"/>
        <source>Until {date} (soon)</source>
        <translation>Bis {date} (bald)</translation>
    </message>
    <message>
        <location filename="../../gui/models/chain_model.py" line="275"/>
        <source>Until {date}</source>
        <translation>Bis {date}</translation>
    </message>
    <message>
        <location filename="../../gui/models/chain_model.py" line="280"/>
        <source>Missing issuer: {name}
Neither the entry nor the keystore has it.</source>
        <translation>Fehlender Aussteller: {name}
Weder der Eintrag noch der Schlüsselspeicher enthält ihn.</translation>
    </message>
    <message>
        <location filename="../../gui/models/chain_model.py" line="285"/>
        <source>Valid from {start} until {end}</source>
        <translation>Gültig von {start} bis {end}</translation>
    </message>
</context>
<context>
    <name>ChainViewer</name>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="132"/>
        <source>Certificate chain</source>
        <extracomment>Which status badge stands for a verdict (check, &quot;!&quot;, cross, clock).</extracomment>
        <translation>Zertifikatskette</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="134"/>
        <source>Each certificate is shown below its issuer; the root is at the top.</source>
        <translation>Jedes Zertifikat steht unter seinem Aussteller; das Stammzertifikat steht ganz oben.</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="157"/>
        <source>Chain verdict</source>
        <translation>Bewertung der Kette</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="165"/>
        <location filename="../../gui/views/chain_viewer.py" line="183"/>
        <source>Policy notes</source>
        <translation>Hinweise zu Richtlinien</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="172"/>
        <source>Stricter RFC 5280 profile checks. They do not change the verdict above, but stricter clients may refuse the chain.</source>
        <translation>Strengere Prüfungen nach dem Profil aus RFC 5280. Sie ändern die Bewertung oben nicht, aber strengere Clients lehnen die Kette möglicherweise ab.</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="313"/>
        <source>Trusted</source>
        <translation>Vertrauenswürdig</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="314"/>
        <source>Not trusted: the root is not trusted</source>
        <translation>Nicht vertrauenswürdig: Dem Stammzertifikat wird nicht vertraut</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="315"/>
        <source>Not trusted: the chain is incomplete</source>
        <translation>Nicht vertrauenswürdig: Die Kette ist unvollständig</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="316"/>
        <source>Not valid: a certificate has expired</source>
        <translation>Ungültig: Ein Zertifikat ist abgelaufen</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="317"/>
        <source>Not valid yet</source>
        <translation>Noch nicht gültig</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="318"/>
        <source>Not trusted: a signature does not verify</source>
        <translation>Nicht vertrauenswürdig: Eine Signatur lässt sich nicht bestätigen</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="319"/>
        <source>Not valid for this host name</source>
        <translation>Nicht gültig für diesen Hostnamen</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="326"/>
        <source>No certificate chain.</source>
        <translation>Keine Zertifikatskette.</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="338"/>
        <source>Self-signed (your own key pair)</source>
        <translation>Selbstsigniert (Ihr eigenes Schlüsselpaar)</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="340"/>
        <source>Its certificate is its own issuer. Whoever receives it decides whether to trust it.</source>
        <translation>Sein Zertifikat ist sein eigener Aussteller. Wer es erhält, entscheidet, ob er ihm vertraut.</translation>
    </message>
    <message>
        <location filename="../../gui/views/chain_viewer.py" line="311"/>
        <source>Not trusted yet: the root CA is not in the keystore</source>
        <translation>Noch nicht vertrauenswürdig: Die Stamm-CA ist nicht im Keystore</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../gui/dialogs/change_password_dialog.py" line="29"/>
        <source>Change Password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/change_password_dialog.py" line="36"/>
        <source>Choose a new password for {name}. It is used from the next save on.</source>
        <translation>Wählen Sie ein neues Passwort für {name}. Es gilt ab dem nächsten Speichern.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/change_password_dialog.py" line="41"/>
        <source>Choose a new password for the keystore. It is used from the next save on.</source>
        <translation>Wählen Sie ein neues Passwort für den Schlüsselspeicher. Es gilt ab dem nächsten Speichern.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/change_password_dialog.py" line="45"/>
        <source>Backups of the keystore keep the old password (and any entry deleted since): after the change, keymon offers to delete them.</source>
        <translation>Sicherungen des Schlüsselspeichers behalten das alte Passwort (und jeden seither gelöschten Eintrag): nach der Änderung bietet keymon an, sie zu löschen.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/change_password_dialog.py" line="52"/>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/change_password_dialog.py" line="55"/>
        <source>&amp;Change Password</source>
        <translation>Passwort än&amp;dern</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="40"/>
        <source>Digital Signature</source>
        <extracomment>Core&apos;s labels of key usages, extended key usages and signatures, for lupdate; they are shown through :func:`choice_label` (core stays English, the form is translated).</extracomment>
        <translation>Digitale Signatur</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="41"/>
        <source>Non Repudiation</source>
        <translation>Nichtabstreitbarkeit</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="42"/>
        <source>Key Encipherment</source>
        <translation>Schlüsselverschlüsselung</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="43"/>
        <source>Data Encipherment</source>
        <translation>Datenverschlüsselung</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="44"/>
        <source>Key Agreement</source>
        <translation>Schlüsselvereinbarung</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="45"/>
        <source>Certificate Sign</source>
        <translation>Zertifikatsignatur</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="46"/>
        <source>CRL Sign</source>
        <translation>CRL-Signatur</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="47"/>
        <source>TLS Web Server Authentication</source>
        <translation>TLS-Webserver-Authentifizierung</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="48"/>
        <source>TLS Web Client Authentication</source>
        <translation>TLS-Webclient-Authentifizierung</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="49"/>
        <source>Code Signing</source>
        <translation>Codesignatur</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="50"/>
        <source>E-mail Protection</source>
        <translation>E-Mail-Schutz</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="51"/>
        <source>Time Stamping</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="52"/>
        <source>OCSP Signing</source>
        <translation>OCSP-Signatur</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="53"/>
        <source>SHA-256 with RSA</source>
        <translation>SHA-256 mit RSA</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="54"/>
        <source>SHA-384 with RSA</source>
        <translation>SHA-384 mit RSA</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="55"/>
        <source>SHA-512 with RSA</source>
        <translation>SHA-512 mit RSA</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="56"/>
        <source>SHA-256 with RSASSA-PSS</source>
        <translation>SHA-256 mit RSASSA-PSS</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="57"/>
        <source>SHA-384 with RSASSA-PSS</source>
        <translation>SHA-384 mit RSASSA-PSS</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="58"/>
        <source>SHA-512 with RSASSA-PSS</source>
        <translation>SHA-512 mit RSASSA-PSS</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="59"/>
        <source>ECDSA with SHA-256</source>
        <translation>ECDSA mit SHA-256</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="60"/>
        <source>ECDSA with SHA-384</source>
        <translation>ECDSA mit SHA-384</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="61"/>
        <source>ECDSA with SHA-512</source>
        <translation>ECDSA mit SHA-512</translation>
    </message>
</context>
<context>
    <name>ChooseEntriesDialog</name>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="152"/>
        <source>Choose Entries</source>
        <translation>Einträge auswählen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="154"/>
        <source>The file holds several entries. Choose the ones to use.</source>
        <translation>Die Datei enthält mehrere Einträge. Wählen Sie die aus, die verwendet werden sollen.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="162"/>
        <source>Select &amp;All</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="164"/>
        <source>Select &amp;None</source>
        <translation>&amp;Keine auswählen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="205"/>
        <source>{chosen} of {total} chosen</source>
        <translation>{chosen} von {total} ausgewählt</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="211"/>
        <source>Choose at least one entry.</source>
        <translation>Wählen Sie mindestens einen Eintrag aus.</translation>
    </message>
</context>
<context>
    <name>ChooseRootPage</name>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="166"/>
        <source>Certificate to Trust</source>
        <translation>Zu vertrauendes Zertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="169"/>
        <source>Compare the SHA-256 fingerprint with the one the server&apos;s administrator handed over before you trust it.</source>
        <translation>Vergleichen Sie den SHA-256-Fingerabdruck mit dem, den Ihnen der Administrator des Servers übergeben hat, bevor Sie dem Zertifikat vertrauen.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="178"/>
        <source>Certificate to trust</source>
        <translation>Zu vertrauendes Zertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="185"/>
        <source>Certificate details</source>
        <translation>Zertifikatsdetails</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="285"/>
        <source>Subject</source>
        <translation>Antragsteller</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="286"/>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="287"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="288"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="289"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="290"/>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="179"/>
        <source>&amp;Load the Root CA from a File…</source>
        <translation>Stamm-CA aus &amp;Datei laden…</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="189"/>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="205"/>
        <source>SHA-&amp;256:</source>
        <translation>SHA-&amp;256:</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="229"/>
        <source>The server does not send its root CA (normal), and none could be fetched through the AIA URLs of its chain. Load the root CA the server&apos;s administrator handed over from a file.</source>
        <translation>Der Server sendet seine Stamm-CA nicht mit (das ist normal), und über die AIA-Adressen seiner Kette ließ sich keine abrufen. Laden Sie die Stamm-CA, die Ihnen der Administrator des Servers übergeben hat, aus einer Datei.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="239"/>
        <source>Trust the top intermediate “{name}” instead (not recommended)</source>
        <translation>Stattdessen der obersten Zwischen-CA „{name}“ vertrauen (nicht empfohlen)</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../gui/models/columns.py" line="65"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="66"/>
        <source>Expiring soon</source>
        <translation>Läuft bald ab</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="67"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="68"/>
        <source>Not yet valid</source>
        <translation>Noch nicht gültig</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="69"/>
        <source>Does not expire</source>
        <translation>Läuft nicht ab</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="73"/>
        <source>Key pair</source>
        <extracomment>EntryKind.label marked for translation (tests/gui/test_entry_kind_labels.py).</extracomment>
        <translation>Schlüsselpaar</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="74"/>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="75"/>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models/columns.py" line="110"/>
        <source>%n days left</source>
        <translation>
            <numerusform>noch %n Tag</numerusform>
            <numerusform>noch %n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models/columns.py" line="113"/>
        <source>expired %n days ago</source>
        <translation>
            <numerusform>vor %n Tag abgelaufen</numerusform>
            <numerusform>vor %n Tagen abgelaufen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="159"/>
        <source>less than a day left</source>
        <translation>noch weniger als ein Tag</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="162"/>
        <source>expired less than a day ago</source>
        <translation>vor weniger als einem Tag abgelaufen</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="192"/>
        <source>{status}: {time_left}</source>
        <translation>{status}: {time_left}</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="207"/>
        <source>The chain expires first at &apos;{name}&apos;.</source>
        <translation>Die Kette läuft zuerst bei „{name}“ ab.</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="256"/>
        <source>Expiry status (the earliest expiry in the chain decides)</source>
        <translation>Ablaufstatus (der früheste Ablauf in der Kette entscheidet)</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="259"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="263"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="270"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="277"/>
        <source>Subject (CN)</source>
        <translation>Antragsteller (CN)</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="285"/>
        <source>Issuer (CN)</source>
        <translation>Aussteller (CN)</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="293"/>
        <source>Valid From</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="302"/>
        <source>Valid Until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="307"/>
        <source>The earliest expiry of any certificate in the chain</source>
        <translation>Der früheste Ablauf eines Zertifikats in der Kette</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="311"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="314"/>
        <source>Signature Algorithm</source>
        <translation>Signaturalgorithmus</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="322"/>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="330"/>
        <source>SHA-256 Fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../../gui/models/columns.py" line="338"/>
        <source>Last Modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <location filename="../../gui/models/rows.py" line="154"/>
        <source>Reading entries</source>
        <translation>Einträge werden gelesen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/owner.py" line="57"/>
        <source>Owner</source>
        <extracomment>The Owner column of the entries table, as ``Column(**OWNER_COLUMN)`` takes it.</extracomment>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/owner.py" line="63"/>
        <source>Who owns a tenant entry; SAP-owned entries are read-only</source>
        <translation>Wem ein Tenant-Eintrag gehört; Einträge von SAP sind schreibgeschützt</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../gui/compare_actions.py" line="57"/>
        <source>unsaved keystore</source>
        <translation>ungespeicherter Schlüsselspeicher</translation>
    </message>
    <message>
        <location filename="../../gui/compare_actions.py" line="87"/>
        <source>{name} › Backup</source>
        <translation>{name} › Sicherung</translation>
    </message>
    <message>
        <location filename="../../gui/compare_actions.py" line="101"/>
        <source>Compare with keystore</source>
        <translation>Mit Schlüsselspeicher vergleichen</translation>
    </message>
    <message>
        <location filename="../../gui/compare_sources.py" line="121"/>
        <source>The password of {name} is wrong; nothing was compared.</source>
        <extracomment>Which keystore of the tenant ``profile`` (system, KeyRenewal, backup_admin_system).</extracomment>
        <translation>Das Passwort von {name} ist falsch; es wurde nichts verglichen.</translation>
    </message>
    <message>
        <location filename="../../gui/compare_sources.py" line="133"/>
        <source>Reading {name}</source>
        <translation>{name} wird gelesen</translation>
    </message>
    <message>
        <location filename="../../gui/compare_sources.py" line="165"/>
        <source>Reading tenant {name}</source>
        <translation>Tenant {name} wird gelesen</translation>
    </message>
    <message>
        <location filename="../../gui/compare_sources.py" line="173"/>
        <source>Cannot read {name}: {message}</source>
        <translation>{name} kann nicht gelesen werden: {message}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="101"/>
        <source>Compare Keystores</source>
        <extracomment>The item of a side&apos;s list that asks for another keystore file.</extracomment>
        <translation>Schlüsselspeicher vergleichen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="119"/>
        <source>&amp;Differences only</source>
        <translation>Nur &amp;Unterschiede</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="122"/>
        <source>Off: every alias of both keystores</source>
        <translation>Aus: jeder Alias beider Schlüsselspeicher</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="126"/>
        <source>Double-click a row to select its entry in the window.</source>
        <translation>Doppelklick auf eine Zeile wählt ihren Eintrag im Fenster aus.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="147"/>
        <location filename="../../gui/dialogs/compare_dialog.py" line="148"/>
        <source>Choose a keystore file or tenant</source>
        <translation>Schlüsselspeicher-Datei oder Tenant wählen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="149"/>
        <source>S&amp;wap</source>
        <translation>&amp;Tauschen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="151"/>
        <source>Exchange keystores A and B</source>
        <translation>Schlüsselspeicher A und B tauschen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="156"/>
        <source>Keystore &amp;A:</source>
        <translation>Schlüsselspeicher &amp;A:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="157"/>
        <source>Keystore &amp;B:</source>
        <translation>Schlüsselspeicher &amp;B:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="170"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="178"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="183"/>
        <source>Choose two keystores and press Compare.</source>
        <translation>Zwei Schlüsselspeicher wählen und auf Vergleichen klicken.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="246"/>
        <source>Keystore file…</source>
        <translation>Schlüsselspeicher-Datei…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="282"/>
        <location filename="../../gui/dialogs/compare_dialog.py" line="286"/>
        <source>Reading {name}…</source>
        <translation>{name} wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="291"/>
        <source>Comparing…</source>
        <translation>Vergleiche…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="296"/>
        <source>Comparing keystores</source>
        <translation>Schlüsselspeicher werden verglichen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="329"/>
        <location filename="../../gui/dialogs/compare_dialog.py" line="363"/>
        <source>Comparing was cancelled.</source>
        <translation>Der Vergleich wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="393"/>
        <source>{name} (shown in the window)</source>
        <translation>{name} (im Fenster angezeigt)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/compare_dialog.py" line="395"/>
        <source>Tenant {name}</source>
        <translation>Tenant {name}</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="49"/>
        <source>Only in A</source>
        <extracomment>How many bytes of a fingerprint the table shows (the tooltip shows all 32).</extracomment>
        <translation>Nur in A</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="50"/>
        <source>Only in B</source>
        <translation>Nur in B</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="51"/>
        <source>Different certificate</source>
        <translation>Anderes Zertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="52"/>
        <source>Different expiry</source>
        <translation>Anderes Ablaufdatum</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="53"/>
        <source>Same</source>
        <translation>Gleich</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="57"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="58"/>
        <source>Difference</source>
        <translation>Unterschied</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="59"/>
        <source>Valid Until (A)</source>
        <translation>Gültig bis (A)</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="60"/>
        <source>Valid Until (B)</source>
        <translation>Gültig bis (B)</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="61"/>
        <source>SHA-256 (A)</source>
        <translation>SHA-256 (A)</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="62"/>
        <source>SHA-256 (B)</source>
        <translation>SHA-256 (B)</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="148"/>
        <location filename="../../gui/models/compare_model.py" line="149"/>
        <source>{n} only in {name}</source>
        <translation>{n} nur in {name}</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="150"/>
        <source>{n} with a different certificate</source>
        <translation>{n} mit anderem Zertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="151"/>
        <source>{n} with a different expiry date</source>
        <translation>{n} mit anderem Ablaufdatum</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="160"/>
        <source>The keystores hold the same entries.</source>
        <translation>Die Schlüsselspeicher enthalten dieselben Einträge.</translation>
    </message>
    <message>
        <location filename="../../gui/models/compare_model.py" line="161"/>
        <source>Differences: {parts}.</source>
        <translation>Unterschiede: {parts}.</translation>
    </message>
</context>
<context>
    <name>ConnectTenant</name>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="55"/>
        <source>Tenant profile</source>
        <translation>Tenant-Profil</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="57"/>
        <source>Import the service key of an SAP Cloud Integration API instance, or type its fields. The secret is kept in the system keyring only.</source>
        <translation>Importieren Sie den Service Key einer SAP-Cloud-Integration-API-Instanz oder geben Sie seine Felder ein. Das Geheimnis wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="64"/>
        <source>&amp;Import Service Key…</source>
        <translation>Service Key &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="67"/>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="70"/>
        <source>API URL</source>
        <translation>API-URL</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="73"/>
        <source>Token URL</source>
        <translation>Token-URL</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="75"/>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="76"/>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="80"/>
        <source>Extra CA file (PEM)</source>
        <translation>Zusätzliche CA-Datei (PEM)</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="81"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="84"/>
        <source>&amp;Read-only: keymon makes no changes on this tenant</source>
        <translation>&amp;Schreibgeschützt: keymon ändert nichts auf diesem Tenant</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="88"/>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="89"/>
        <source>&amp;API URL:</source>
        <translation>&amp;API-URL:</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="90"/>
        <source>&amp;Token URL:</source>
        <translation>&amp;Token-URL:</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="91"/>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="92"/>
        <source>&amp;Secret:</source>
        <translation>&amp;Geheimnis:</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="93"/>
        <source>E&amp;xtra CA file:</source>
        <translation>Zusätzliche CA-&amp;Datei:</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="115"/>
        <source>{path} cannot be read ({reason}).</source>
        <translation>{path} kann nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="131"/>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="133"/>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="149"/>
        <source>Fill in the API URL, token URL, client ID and secret.</source>
        <translation>Füllen Sie API-URL, Token-URL, Client-ID und Geheimnis aus.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="177"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="179"/>
        <source>Log in, fetch a CSRF token and read the system keystore.</source>
        <translation>Anmelden, ein CSRF-Token holen und den System-Schlüsselspeicher lesen.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="181"/>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="185"/>
        <source>Test steps</source>
        <translation>Testschritte</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="210"/>
        <source>Connect to Tenant</source>
        <translation>Mit Tenant verbinden</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="225"/>
        <source>Import service key</source>
        <translation>Service Key importieren</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="226"/>
        <source>Service keys (*.json);;All files (*)</source>
        <translation>Service Keys (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="240"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="246"/>
        <source>Testing the tenant connection</source>
        <translation>Die Verbindung zum Tenant wird getestet</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="257"/>
        <source>Login</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="258"/>
        <source>CSRF token</source>
        <translation>CSRF-Token</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="259"/>
        <source>Read keystore</source>
        <translation>Schlüsselspeicher lesen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="266"/>
        <source>Missing roles: {roles}</source>
        <translation>Fehlende Rollen: {roles}</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="271"/>
        <source>The connection works.</source>
        <translation>Die Verbindung funktioniert.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/connect_wizard.py" line="273"/>
        <source>The connection test failed.</source>
        <translation>Der Verbindungstest ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>ConnectivityPanel</name>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="26"/>
        <source>(no client certificate)</source>
        <translation>(kein Client-Zertifikat)</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="29"/>
        <source>Protocol</source>
        <extracomment>Summary titles (as connectivity.summary_rows names them) → the value label&apos;s objectName.</extracomment>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="30"/>
        <source>Cipher</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="31"/>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="32"/>
        <source>Trusted by keystore</source>
        <translation>Vertrauen (Schlüsselspeicher)</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="33"/>
        <source>Trusted by system</source>
        <translation>Vertrauen (System)</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="34"/>
        <source>Hostname</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="145"/>
        <location filename="../../gui/views/connectivity_texts.py" line="35"/>
        <location filename="../../gui/views/connectivity_texts.py" line="44"/>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="36"/>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="40"/>
        <source>Name resolution</source>
        <extracomment>The probe&apos;s steps, named as core&apos;s StepName.label names them in English.</extracomment>
        <translation>Namensauflösung</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="41"/>
        <source>TCP connection</source>
        <translation>TCP-Verbindung</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="42"/>
        <source>Proxy tunnel</source>
        <translation>Proxy-Tunnel</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="43"/>
        <source>TLS handshake</source>
        <translation>TLS-Handshake</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="45"/>
        <source>HTTP request</source>
        <translation>HTTP-Anfrage</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="46"/>
        <source>Missing issuers (AIA)</source>
        <translation>Fehlende Aussteller (AIA)</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="50"/>
        <source>The host name could not be resolved.</source>
        <extracomment>One translated sentence per kind of failure, shown above core&apos;s (English) detail.</extracomment>
        <translation>Der Hostname konnte nicht aufgelöst werden.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="53"/>
        <source>The server refused the connection.</source>
        <translation>Der Server hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="56"/>
        <source>The server could not be reached.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="59"/>
        <source>The server closed the connection.</source>
        <translation>Der Server hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="62"/>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="65"/>
        <source>The server does not speak TLS on this port.</source>
        <translation>Der Server spricht auf diesem Port kein TLS.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="68"/>
        <source>The server broke off the TLS handshake with an alert.</source>
        <translation>Der Server hat den TLS-Handshake mit einem Alert abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="71"/>
        <source>The TLS handshake failed.</source>
        <translation>Der TLS-Handshake ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="72"/>
        <source>The server requires a client certificate.</source>
        <translation>Der Server verlangt ein Client-Zertifikat.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="75"/>
        <source>The server rejected the client certificate.</source>
        <translation>Der Server hat das Client-Zertifikat abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="78"/>
        <source>The server&apos;s certificate is not trusted.</source>
        <translation>Das Zertifikat des Servers ist nicht vertrauenswürdig.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="81"/>
        <source>The server&apos;s certificate is not valid for this host name.</source>
        <translation>Das Zertifikat des Servers ist für diesen Hostnamen nicht gültig.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="84"/>
        <source>A certificate of the server&apos;s chain has expired or is not valid yet.</source>
        <translation>Ein Zertifikat der Serverkette ist abgelaufen oder noch nicht gültig.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="88"/>
        <source>The proxy did not open a tunnel to the server.</source>
        <translation>Der Proxy hat keinen Tunnel zum Server geöffnet.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_texts.py" line="91"/>
        <source>The HTTP check failed.</source>
        <translation>Die HTTP-Prüfung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="384"/>
        <location filename="../../gui/views/connectivity_texts.py" line="92"/>
        <source>The test was cancelled.</source>
        <translation>Der Test wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="117"/>
        <source>host or host:port</source>
        <extracomment>The probe reported a result (also after a failure the server caused). True while a probe runs.</extracomment>
        <translation>Host oder Host:Port</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="118"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="119"/>
        <source>The server to test: host or host:port</source>
        <translation>Der zu testende Server: Host oder Host:Port</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="126"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="127"/>
        <source>Used when the host names no port</source>
        <translation>Gilt, wenn beim Host kein Port angegeben ist</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="131"/>
        <source>the host name (default)</source>
        <translation>der Hostname (Standard)</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="132"/>
        <source>Server name (SNI)</source>
        <translation>Servername (SNI)</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="137"/>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="138"/>
        <source>Timeout in seconds</source>
        <translation>Zeitlimit in Sekunden</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="141"/>
        <source>http://[user:password@]host:port</source>
        <translation>http://[benutzer:passwort@]host:port</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="142"/>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="147"/>
        <source>The key pair to present when the server asks for a client certificate</source>
        <translation>Das Schlüsselpaar, das vorgelegt wird, wenn der Server ein Client-Zertifikat verlangt</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="152"/>
        <source>/path (optional HTTP check)</source>
        <translation>/pfad (optionale HTTP-Prüfung)</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="153"/>
        <source>HTTP path</source>
        <translation>HTTP-Pfad</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="156"/>
        <source>Fail when the server is not trusted</source>
        <translation>Fehlschlagen, wenn der Server nicht vertrauenswürdig ist</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="191"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="192"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="195"/>
        <source>&amp;SNI:</source>
        <translation>&amp;SNI:</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="196"/>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="198"/>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="200"/>
        <source>&amp;Client:</source>
        <translation>&amp;Client:</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="201"/>
        <source>HTTP pat&amp;h:</source>
        <translation>HTTP-Pf&amp;ad:</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="161"/>
        <source>&amp;Run Test</source>
        <translation>Test aus&amp;führen</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="165"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="231"/>
        <source>Probe steps</source>
        <translation>Testschritte</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="233"/>
        <source>Each step of the test, how long it took and what it found</source>
        <translation>Jeder Schritt des Tests, seine Dauer und sein Ergebnis</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="236"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="236"/>
        <source>ms</source>
        <comment>milliseconds</comment>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="236"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="215"/>
        <source>{title}:</source>
        <translation>{title}:</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="255"/>
        <source>&amp;Download Server Certificates…</source>
        <translation>Server-Zertifikate herunter&amp;laden…</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="258"/>
        <source>&amp;Import Root CA…</source>
        <translation>Root-CA &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="272"/>
        <source>&lt;b&gt;Server chain&lt;/b&gt;</source>
        <translation>&lt;b&gt;Serverkette&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="349"/>
        <source>The test cannot run with these settings.</source>
        <translation>Mit diesen Angaben kann der Test nicht laufen.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="354"/>
        <source>Testing {host}…</source>
        <translation>{host} wird getestet…</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="360"/>
        <source>Connectivity test</source>
        <translation>Verbindungstest</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="380"/>
        <source>The test could not run.</source>
        <translation>Der Test konnte nicht ausgeführt werden.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="427"/>
        <source>The test passed.</source>
        <translation>Der Test war erfolgreich.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="452"/>
        <source>{step}: done</source>
        <translation>{step}: erfolgreich</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="452"/>
        <source>{step}: failed</source>
        <translation>{step}: fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="461"/>
        <source>Fetched from AIA (not sent by the server, not trusted):</source>
        <translation>Über AIA abgerufen (nicht vom Server gesendet, nicht vertrauenswürdig):</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="301"/>
        <source>This keystore has no key pair “{alias}”: no client certificate is chosen.</source>
        <translation>Dieser Keystore hat kein Schlüsselpaar „{alias}“: Es ist kein Client-Zertifikat gewählt.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="491"/>
        <source>Trusted</source>
        <translation>Vertrauenswürdig</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="491"/>
        <source>Not trusted</source>
        <translation>Nicht vertrauenswürdig</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="519"/>
        <source>Test the server first.</source>
        <translation>Testen Sie zuerst den Server.</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_panel.py" line="520"/>
        <source>Run the test against the receiver; Import Root CA then offers its root CA.</source>
        <translation>Führen Sie den Test gegen den Empfänger aus; „Stamm-CA importieren“ bietet dann seine Stamm-CA an.</translation>
    </message>
</context>
<context>
    <name>ConnectivityResult</name>
    <message>
        <location filename="../../gui/connectivity.py" line="58"/>
        <source>The port “{port}” is not a number.</source>
        <translation>Der Port „{port}“ ist keine Zahl.</translation>
    </message>
    <message>
        <location filename="../../gui/connectivity.py" line="104"/>
        <source>Trusted</source>
        <translation>Vertrauenswürdig</translation>
    </message>
    <message>
        <location filename="../../gui/connectivity.py" line="105"/>
        <source>Not trusted: {reason}</source>
        <translation>Nicht vertrauenswürdig: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/connectivity.py" line="112"/>
        <source>Not asked for</source>
        <translation>Nicht angefordert</translation>
    </message>
    <message>
        <location filename="../../gui/connectivity.py" line="114"/>
        <source>Asked for, none sent</source>
        <translation>Angefordert, keines gesendet</translation>
    </message>
    <message>
        <location filename="../../gui/connectivity.py" line="117"/>
        <source>Accepted</source>
        <translation>Akzeptiert</translation>
    </message>
    <message>
        <location filename="../../gui/connectivity.py" line="118"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../../gui/connectivity.py" line="119"/>
        <source>Sent, no verdict</source>
        <translation>Gesendet, Ergebnis unbekannt</translation>
    </message>
    <message>
        <location filename="../../gui/connectivity.py" line="134"/>
        <source>Matches</source>
        <translation>Stimmt überein</translation>
    </message>
    <message>
        <location filename="../../gui/connectivity.py" line="135"/>
        <source>Does not match</source>
        <translation>Stimmt nicht überein</translation>
    </message>
    <message>
        <location filename="../../gui/connectivity.py" line="155"/>
        <source>(no CA named)</source>
        <translation>(keine CA genannt)</translation>
    </message>
    <message>
        <location filename="../../gui/connectivity.py" line="156"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../gui/connectivity.py" line="159"/>
        <source>Acceptable client CAs:
{names}
Matching key pairs: {match}</source>
        <translation>Akzeptierte Client-CAs:
{names}
Passende Schlüsselpaare: {match}</translation>
    </message>
</context>
<context>
    <name>CsrExtensionsPage</name>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="105"/>
        <source>The key usages the request asks for, as in the current certificate. The CA decides what it finally issues.</source>
        <translation>Die Schlüsselverwendungen, die die Anforderung beantragt, wie im aktuellen Zertifikat. Was schließlich ausgestellt wird, entscheidet die CA.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="116"/>
        <source>Si&amp;gnature:</source>
        <translation>&amp;Signatur:</translation>
    </message>
</context>
<context>
    <name>CsrPreviewPage</name>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="126"/>
        <source>Preview and Output</source>
        <translation>Vorschau und Ausgabe</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="127"/>
        <source>This is what the CA will see. Send it to the CA to sign.</source>
        <translation>So sieht die CA die Anforderung. Senden Sie sie der CA zum Signieren.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="128"/>
        <source>Preview of the request</source>
        <translation>Vorschau der Anforderung</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="129"/>
        <source>&amp;Save to a file (you choose it on Finish)</source>
        <translation>In einer &amp;Datei speichern (Sie wählen sie am Ende)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="132"/>
        <source>Copy to the c&amp;lipboard as PEM text</source>
        <translation>Als PEM-Text in die Zwischen&amp;ablage kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="137"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="161"/>
        <source>Subject</source>
        <translation>Antragsteller</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="162"/>
        <source>Alternative names</source>
        <translation>Alternative Namen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="163"/>
        <source>Requested extensions</source>
        <translation>Angeforderte Erweiterungen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="164"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="165"/>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="181"/>
        <source>Choose where the request goes: a file, the clipboard or both.</source>
        <translation>Wählen Sie, wohin die Anforderung soll: in eine Datei, in die Zwischenablage oder beides.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="187"/>
        <source>Save Certificate Signing Request</source>
        <translation>Zertifikatsignieranforderung speichern</translation>
    </message>
</context>
<context>
    <name>CsrSourcePage</name>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="71"/>
        <source>Certificate Signing Request</source>
        <translation>Zertifikatsignieranforderung</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="73"/>
        <source>Read the request a partner sent you, from a file or the clipboard.</source>
        <translation>Lesen Sie die Anforderung, die Ihnen ein Partner geschickt hat, aus einer Datei oder der Zwischenablage ein.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="76"/>
        <source>CA key pair: “{alias}” ({name}).</source>
        <translation>CA-Schlüsselpaar: „{alias}“ ({name}).</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="85"/>
        <source>Open Request</source>
        <translation>Anforderung öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="93"/>
        <source>The request</source>
        <translation>Die Anforderung</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="95"/>
        <source>What the request asks for appears here once it is read.</source>
        <translation>Was die Anforderung beantragt, erscheint hier, sobald sie eingelesen ist.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="121"/>
        <source>Verifies: the requester holds the private key</source>
        <translation>Gültig: Der Absender der Anforderung besitzt den privaten Schlüssel</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="123"/>
        <source>Does not verify: the request was altered or damaged</source>
        <translation>Ungültig: Die Anforderung wurde verändert oder beschädigt</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="127"/>
        <source>Subject</source>
        <translation>Antragsteller</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="127"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="128"/>
        <source>Alternative names</source>
        <translation>Alternative Namen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="129"/>
        <source>Requested extensions</source>
        <translation>Angeforderte Erweiterungen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="130"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="131"/>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="132"/>
        <source>Signature check</source>
        <translation>Signaturprüfung</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="136"/>
        <source>Read the request from {source}.</source>
        <translation>Anforderung aus {source} eingelesen.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="139"/>
        <source>The signature of the request does not verify; it cannot be signed.</source>
        <translation>Die Signatur der Anforderung ist ungültig; sie kann nicht signiert werden.</translation>
    </message>
</context>
<context>
    <name>CsrSubjectPage</name>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="63"/>
        <location filename="../../gui/wizards/csr_wizard.py" line="80"/>
        <source>Subject</source>
        <translation>Antragsteller</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="65"/>
        <source>The name the CA will certify, taken from the current certificate.</source>
        <translation>Der Name, den die CA bestätigen soll, übernommen aus dem aktuellen Zertifikat.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="69"/>
        <source>Request for the key pair “{alias}” ({key}).</source>
        <translation>Anforderung für das Schlüsselpaar „{alias}“ ({key}).</translation>
    </message>
</context>
<context>
    <name>CsrWizard</name>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="205"/>
        <source>Create Certificate Signing Request</source>
        <translation>Zertifikatsignieranforderung erstellen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="211"/>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
</context>
<context>
    <name>DialogPrompts</name>
    <message>
        <location filename="../../gui/prompts.py" line="149"/>
        <source>File Changed</source>
        <translation>Datei geändert</translation>
    </message>
    <message>
        <location filename="../../gui/prompts.py" line="154"/>
        <source>&amp;Reload</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <location filename="../../gui/prompts.py" line="158"/>
        <source>&amp;Not Now</source>
        <translation>&amp;Nicht jetzt</translation>
    </message>
</context>
<context>
    <name>EmptyGuide</name>
    <message>
        <location filename="../../gui/views/empty_guide.py" line="100"/>
        <source>This keystore has no entries yet.</source>
        <translation>Dieser Schlüsselspeicher hat noch keine Einträge.</translation>
    </message>
    <message>
        <location filename="../../gui/views/empty_guide.py" line="63"/>
        <source>Start with one of these:</source>
        <extracomment>The actions an empty window offers, in this order.</extracomment>
        <translation>Beginnen Sie mit einem dieser Schritte:</translation>
    </message>
    <message>
        <location filename="../../gui/views/empty_guide.py" line="99"/>
        <source>No keystore is open.</source>
        <translation>Es ist kein Schlüsselspeicher geöffnet.</translation>
    </message>
</context>
<context>
    <name>EntryDetails</name>
    <message>
        <location filename="../../gui/views/entry_details.py" line="341"/>
        <source>Select an entry to see its details.</source>
        <translation>Wählen Sie einen Eintrag aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="364"/>
        <source>Algorithm:</source>
        <translation>Algorithmus:</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="365"/>
        <source>Key size:</source>
        <translation>Schlüsselgröße:</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="366"/>
        <source>The key itself is never shown.</source>
        <translation>Der Schlüssel selbst wird nie angezeigt.</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="401"/>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="404"/>
        <source>{bits} bits</source>
        <translation>{bits} Bit</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="407"/>
        <source>Key pair</source>
        <translation>Schlüsselpaar</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="407"/>
        <source>Trusted certificate</source>
        <translation>Vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="426"/>
        <source>Does not expire</source>
        <translation>Läuft nicht ab</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="429"/>
        <source>Not yet valid (from {date})</source>
        <translation>Noch nicht gültig (ab {date})</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="434"/>
        <source>Expired today</source>
        <translation>Heute abgelaufen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/entry_details.py" line="436"/>
        <source>Expired %n days ago</source>
        <translation>
            <numerusform>Vor %n Tag abgelaufen</numerusform>
            <numerusform>Vor %n Tagen abgelaufen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="438"/>
        <source>Expires today</source>
        <translation>Läuft heute ab</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/entry_details.py" line="440"/>
        <source>Expires soon: %n days left</source>
        <translation>
            <numerusform>Läuft bald ab: noch %n Tag</numerusform>
            <numerusform>Läuft bald ab: noch %n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/entry_details.py" line="442"/>
        <source>Valid: %n days left</source>
        <translation>
            <numerusform>Gültig: noch %n Tag</numerusform>
            <numerusform>Gültig: noch %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="443"/>
        <source> (until {date})</source>
        <translation> (bis {date})</translation>
    </message>
    <message>
        <location filename="../../gui/views/entry_details.py" line="446"/>
        <source>; “{name}” in the chain expires first</source>
        <translation>; „{name}“ in der Kette läuft zuerst ab</translation>
    </message>
</context>
<context>
    <name>ExpiryTray</name>
    <message>
        <location filename="../../gui/tray.py" line="220"/>
        <source>Show Monitoring</source>
        <extracomment>Emitted when the daily timer fires: the owner should recompute and call update(). A notification was sent (title, text). The user chose &quot;Show Monitoring&quot; in the tray menu.</extracomment>
        <translation>Überwachung anzeigen</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="227"/>
        <source>Certificates need attention</source>
        <translation>Zertifikate erfordern Aufmerksamkeit</translation>
    </message>
</context>
<context>
    <name>ExportKeyPairDialog</name>
    <message>
        <location filename="../../gui/dialogs/export_keypair_dialog.py" line="40"/>
        <source>Export Key Pair</source>
        <translation>Schlüsselpaar exportieren</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_keypair_dialog.py" line="47"/>
        <source>The private key and certificate chain of {alias} are written to a PKCS#12 file protected by this password.</source>
        <translation>Der private Schlüssel und die Zertifikatskette von {alias} werden in eine PKCS#12-Datei geschrieben, die mit diesem Passwort geschützt ist.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_keypair_dialog.py" line="54"/>
        <source>The private key and certificate chain are written to a PKCS#12 file protected by this password.</source>
        <translation>Der private Schlüssel und die Zertifikatskette werden in eine PKCS#12-Datei geschrieben, die mit diesem Passwort geschützt ist.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_keypair_dialog.py" line="61"/>
        <source>&amp;Legacy encryption (3DES, SHA-1 MAC) for older Windows and appliance importers</source>
        <translation>&amp;Legacy-Verschlüsselung (3DES, SHA-1-MAC) für den Import in ältere Windows-Versionen und Appliances</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_keypair_dialog.py" line="69"/>
        <source>Use only when the importer rejects the file: the legacy encryption is much weaker than the default (AES-256 with PBKDF2).</source>
        <translation>Nur verwenden, wenn das Zielsystem die Datei beim Import ablehnt: Die Legacy-Verschlüsselung ist deutlich schwächer als die Standardverschlüsselung (AES-256 mit PBKDF2).</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_keypair_dialog.py" line="73"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
</context>
<context>
    <name>Extensions</name>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="62"/>
        <source>{name} (critical)</source>
        <translation>{name} (kritisch)</translation>
    </message>
</context>
<context>
    <name>ExtensionsEditor</name>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="83"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="85"/>
        <source>TLS client</source>
        <translation>TLS-Client</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="86"/>
        <source>TLS server</source>
        <translation>TLS-Server</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="87"/>
        <source>Certificate authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="91"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="98"/>
        <source>Certificate authority (may sign certificates)</source>
        <translation>Zertifizierungsstelle (darf Zertifikate signieren)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="99"/>
        <source>Key usage</source>
        <translation>Schlüsselverwendung</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="100"/>
        <source>Extended key usage</source>
        <translation>Erweiterte Schlüsselverwendung</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="105"/>
        <source>Basic constraints</source>
        <translation>Basiseinschränkungen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="108"/>
        <source>&amp;Template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
</context>
<context>
    <name>ExtensionsPage</name>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="335"/>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="337"/>
        <source>Choose a template; adjust the key usages it sets if the partner needs it.</source>
        <translation>Wählen Sie eine Vorlage; passen Sie die Schlüsselverwendungen, die sie setzt, an, wenn der Partner es verlangt.</translation>
    </message>
</context>
<context>
    <name>FileFilters</name>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="36"/>
        <source>CA replies (*.p7b *.p7c *.p7 *.pem *.crt *.cer *.der *.pkipath);;All files (*)</source>
        <translation>CA-Antworten (*.p7b *.p7c *.p7 *.pem *.crt *.cer *.der *.pkipath);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/csr_wizard.py" line="44"/>
        <source>Certificate signing requests (*.csr);;PEM (*.pem);;All files (*)</source>
        <translation>Zertifikatsignieranforderungen (*.csr);;PEM (*.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="51"/>
        <source>Certificate signing requests (*.csr *.p10 *.req *.pem *.der);;All files (*)</source>
        <translation>Zertifikatsignieranforderungen (*.csr *.p10 *.req *.pem *.der);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="58"/>
        <source>Key History of Tenant {name}</source>
        <extracomment>The read and the copy running now (tests wait on them).</extracomment>
        <translation>Schlüsselhistorie von Tenant {name}</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="61"/>
        <source>Key pairs that an activation replaced or that were deleted from the system keystore. Copy one to the Key Renewal keystore, then activate it there to make it the system key pair again.</source>
        <translation>Schlüsselpaare, die eine Aktivierung ersetzt hat oder die aus dem System-Schlüsselspeicher gelöscht wurden. Kopieren Sie eines in den Key-Renewal-Schlüsselspeicher und aktivieren Sie es dort, um es wieder zum System-Schlüsselpaar zu machen.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="109"/>
        <source>Reading the key history</source>
        <translation>Schlüsselhistorie wird gelesen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="73"/>
        <source>Alias in Key Renewal</source>
        <translation>Alias in Key Renewal</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="74"/>
        <source>alias of the copy</source>
        <translation>Alias der Kopie</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="75"/>
        <source>&amp;Copy to Key Renewal…</source>
        <translation>&amp;Nach Key Renewal kopieren…</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="79"/>
        <source>Copy &amp;as:</source>
        <translation>Kopieren &amp;als:</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="83"/>
        <source>&amp;Read Again</source>
        <translation>Erneut &amp;lesen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="115"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="116"/>
        <source>Former Alias</source>
        <translation>Früherer Alias</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="117"/>
        <source>Common Name</source>
        <translation>Allgemeiner Name</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="118"/>
        <source>Valid Until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="119"/>
        <source>Active From</source>
        <translation>Aktiv ab</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="120"/>
        <source>Active Until</source>
        <translation>Aktiv bis</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="121"/>
        <source>Deactivated By</source>
        <translation>Deaktiviert von</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="145"/>
        <source>Tenant {name} is no longer open in the window.</source>
        <translation>Tenant {name} ist im Fenster nicht mehr geöffnet.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="157"/>
        <source>Reading the key history of tenant {name}</source>
        <translation>Schlüsselhistorie von Tenant {name} wird gelesen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="188"/>
        <source>Expired on {day}</source>
        <translation>Abgelaufen am {day}</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="194"/>
        <source>Tenant {name} has no key history.</source>
        <translation>Tenant {name} hat keine Schlüsselhistorie.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="223"/>
        <source>The key history is being read.</source>
        <translation>Die Schlüsselhistorie wird gerade gelesen.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="225"/>
        <source>Select a history entry to copy.</source>
        <translation>Wählen Sie einen Historieneintrag zum Kopieren aus.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="248"/>
        <source>Copy the history entry {alias} ({cn}, valid until {until}) to the Key Renewal keystore of tenant {name} as {destination}?

The system keystore is not changed; Activate in Key Renewal makes it the system key pair.</source>
        <translation>Den Historieneintrag {alias} ({cn}, gültig bis {until}) als {destination} in den Key-Renewal-Schlüsselspeicher von Tenant {name} kopieren?

Der System-Schlüsselspeicher bleibt unverändert; Aktivieren in Key Renewal macht ihn zum System-Schlüsselpaar.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="261"/>
        <source>It replaces the renewal key pair {destination} that Key Renewal holds now.</source>
        <translation>Er ersetzt das Erneuerungs-Schlüsselpaar {destination}, das Key Renewal jetzt enthält.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="263"/>
        <source>Copy to Key Renewal</source>
        <translation>Nach Key Renewal kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="270"/>
        <source>Copied {alias} to the Key Renewal keystore of tenant {name} as {new}</source>
        <translation>{alias} als {new} in den Key-Renewal-Schlüsselspeicher von Tenant {name} kopiert</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/history_dialog.py" line="272"/>
        <source>Copying on the tenant</source>
        <translation>Wird auf dem Tenant kopiert</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="71"/>
        <source>Alias and Subject</source>
        <extracomment>``generate(request, cancel=token)`` → the new entry; runs in a worker.</extracomment>
        <translation>Alias und Antragsteller</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="73"/>
        <source>Who the key pair belongs to. Only the common name (CN) is required.</source>
        <translation>Wem das Schlüsselpaar gehört. Nur der allgemeine Name (CN) ist erforderlich.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="77"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="78"/>
        <source>suggested from the common name</source>
        <translation>aus dem allgemeinen Namen vorgeschlagen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="86"/>
        <source>&amp;Alias:</source>
        <translation>&amp;Alias:</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="87"/>
        <source>Subject</source>
        <translation>Antragsteller</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="120"/>
        <source>Another entry already has the alias “{alias}” (aliases ignore case).</source>
        <translation>Ein anderer Eintrag hat bereits den Alias „{alias}“ (Aliasse unterscheiden keine Groß-/Kleinschreibung).</translation>
    </message>
</context>
<context>
    <name>ImportRoot</name>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="49"/>
        <source>A trusted root is trusted for every certificate it signs.</source>
        <translation>Eine vertrauenswürdige Root-CA macht jedes Zertifikat vertrauenswürdig, das sie signiert.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="83"/>
        <source>Root sent by the server</source>
        <translation>Vom Server gesendete Root-CA</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="92"/>
        <source>Root fetched from {url}</source>
        <translation>Root-CA, abgerufen von {url}</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="120"/>
        <source>This is a self-signed end-entity certificate, not a CA.</source>
        <translation>Dies ist ein selbstsigniertes Endzertifikat, keine Zertifizierungsstelle.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="126"/>
        <source>This certificate is not a CA: it cannot vouch for other certificates.</source>
        <translation>Dieses Zertifikat ist keine Zertifizierungsstelle: Es kann nicht für andere Zertifikate bürgen.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="140"/>
        <source>This certificate expired on {date}.</source>
        <translation>Dieses Zertifikat ist am {date} abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="143"/>
        <source>This certificate is not valid before {date}.</source>
        <translation>Dieses Zertifikat ist erst ab {date} gültig.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="148"/>
        <source>Its key is weak (RSA {size}; at least 2048 bits are expected).</source>
        <translation>Sein Schlüssel ist schwach (RSA {size}; erwartet werden mindestens 2048 Bit).</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="154"/>
        <source>Its signature uses a broken hash ({algorithm}).</source>
        <translation>Seine Signatur verwendet ein gebrochenes Hashverfahren ({algorithm}).</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="46"/>
        <source>Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer *.der *.p7b *.p7c);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="108"/>
        <source>Top certificate of the chain, an intermediate, not the root</source>
        <translation>Oberstes Zertifikat der Kette, eine Zwischen-CA, nicht die Stamm-CA</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="133"/>
        <source>This is an intermediate CA, not the root: trust ends when it is renewed, usually years before the root.</source>
        <translation>Dies ist eine Zwischen-CA, nicht die Stamm-CA: Das Vertrauen endet, wenn sie erneuert wird, meist Jahre vor der Stamm-CA.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="422"/>
        <source>Loaded from {file}</source>
        <translation>Geladen aus {file}</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="394"/>
        <source>From {file}</source>
        <translation>Aus {file}</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="85"/>
        <source>Self-signed certificate sent by the server</source>
        <translation>Selbstsigniertes Zertifikat, vom Server gesendet</translation>
    </message>
</context>
<context>
    <name>ImportRootWizard</name>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="367"/>
        <source>Import Root CA</source>
        <translation>Root-CA importieren</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="378"/>
        <source>&amp;Trust</source>
        <translation>&amp;Vertrauen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="413"/>
        <source>Load the Root CA</source>
        <translation>Stamm-CA laden</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="392"/>
        <source>Add Trusted Certificate</source>
        <translation>Vertrauenswürdiges Zertifikat hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/import_root_wizard.py" line="398"/>
        <source>Compare the SHA-256 fingerprint with the one its owner handed over before you trust it.</source>
        <translation>Vergleichen Sie den SHA-256-Fingerabdruck mit dem, den Ihnen sein Eigentümer übergeben hat, bevor Sie ihm vertrauen.</translation>
    </message>
</context>
<context>
    <name>IssuePage</name>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="160"/>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="162"/>
        <source>What the issued certificate allows. A request never makes itself a CA.</source>
        <translation>Was das ausgestellte Zertifikat erlaubt. Eine Anforderung macht sich nie selbst zur CA.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="166"/>
        <source>Validity in days</source>
        <translation>Gültigkeit in Tagen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="173"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="174"/>
        <source>TLS client</source>
        <translation>TLS-Client</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="175"/>
        <source>TLS server</source>
        <translation>TLS-Server</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="176"/>
        <source>Certificate authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="177"/>
        <source>Copy the requested &amp;alternative names</source>
        <translation>Angeforderte &amp;alternative Namen übernehmen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="180"/>
        <source>Use the requested &amp;key usage</source>
        <translation>Angeforderte Sc&amp;hlüsselverwendung übernehmen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="182"/>
        <source>Use the requested &amp;extended key usage</source>
        <translation>Angeforderte &amp;erweiterte Schlüsselverwendung übernehmen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="190"/>
        <source>&amp;Validity:</source>
        <translation>&amp;Gültigkeit:</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="191"/>
        <source>&amp;Template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="192"/>
        <source>Si&amp;gnature:</source>
        <translation>&amp;Signatur:</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="193"/>
        <source>From the request</source>
        <translation>Aus der Anforderung</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="207"/>
        <source> days</source>
        <translation>
            <numerusform> Tag</numerusform>
            <numerusform> Tage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssuedPage</name>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="253"/>
        <source>Issued Certificate</source>
        <translation>Ausgestelltes Zertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="254"/>
        <source>Save it and send it back to the requester.</source>
        <translation>Speichern Sie es und senden Sie es an den Absender der Anforderung zurück.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="255"/>
        <source>The issued certificate</source>
        <translation>Das ausgestellte Zertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="256"/>
        <source>Include the CA &amp;chain</source>
        <translation>CA-&amp;Kette einschließen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="261"/>
        <source>File format</source>
        <translation>Dateiformat</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="262"/>
        <source>PEM (.pem)</source>
        <translation>PEM (.pem)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="263"/>
        <source>PKCS#7 (.p7b)</source>
        <translation>PKCS#7 (.p7b)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="265"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="268"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="298"/>
        <source>Subject</source>
        <translation>Antragsteller</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="299"/>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="300"/>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="301"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="302"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="303"/>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="305"/>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="308"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="324"/>
        <source>Save Issued Certificate</source>
        <translation>Ausgestelltes Zertifikat speichern</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="326"/>
        <source>PKCS#7 (*.p7b)</source>
        <translation>PKCS#7 (*.p7b)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="326"/>
        <source>PEM (*.pem *.crt)</source>
        <translation>PEM (*.pem *.crt)</translation>
    </message>
</context>
<context>
    <name>KeyChoice</name>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="248"/>
        <source>Key type</source>
        <translation>Schlüsseltyp</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="249"/>
        <source>RSA</source>
        <translation>RSA</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="250"/>
        <source>EC (elliptic curve)</source>
        <translation>EC (elliptische Kurve)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="251"/>
        <source>Ed25519</source>
        <translation>Ed25519</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="254"/>
        <source>Key size or curve</source>
        <translation>Schlüsselgröße oder Kurve</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="258"/>
        <source>Key &amp;type:</source>
        <translation>Schlüssel&amp;typ:</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="259"/>
        <source>Key si&amp;ze:</source>
        <translation>Schlüssel&amp;größe:</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="260"/>
        <source>Si&amp;gnature:</source>
        <translation>&amp;Signatur:</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="275"/>
        <source>{bits} bits</source>
        <translation>{bits} Bit</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="281"/>
        <source>(fixed)</source>
        <translation>(fest)</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="130"/>
        <source>Key and Validity</source>
        <translation>Schlüssel und Gültigkeit</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="132"/>
        <source>RSA 2048 or 3072 works everywhere; EC P-256 is smaller and faster.</source>
        <translation>RSA 2048 oder 3072 funktioniert überall; EC P-256 ist kleiner und schneller.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="136"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="138"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="145"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="147"/>
        <source>Validity</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="149"/>
        <source>Valid &amp;from:</source>
        <translation>Gültig &amp;ab:</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="150"/>
        <source>Valid &amp;until:</source>
        <translation>Gültig &amp;bis:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/wizards/keypair_wizard.py" line="173"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="177"/>
        <source>The end of the validity must come after its start.</source>
        <translation>Das Ende der Gültigkeit muss nach ihrem Beginn liegen.</translation>
    </message>
</context>
<context>
    <name>KeyPairWizard</name>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="276"/>
        <source>Generate Key Pair</source>
        <extracomment>KeyPairResult, just before the wizard closes as accepted. ErrorInfo; the wizard stays open on the review page and says why.</extracomment>
        <translation>Schlüsselpaar erzeugen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="283"/>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="323"/>
        <source>Generating the {key} key…</source>
        <translation>Der {key}-Schlüssel wird erzeugt…</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="325"/>
        <source>Large RSA keys can take a minute; Cancel stops it.</source>
        <translation>Große RSA-Schlüssel können eine Minute dauern; „Abbrechen“ hält den Vorgang an.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="331"/>
        <source>Generating a key pair</source>
        <translation>Schlüsselpaar wird erzeugt</translation>
    </message>
</context>
<context>
    <name>KeymonMainWindow</name>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="17"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="16"/>
        <source>Any expiry</source>
        <translation>Beliebiges Ablaufdatum</translation>
    </message>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="18"/>
        <source>Expires in 7 days</source>
        <translation>Läuft innerhalb von 7 Tagen ab</translation>
    </message>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="19"/>
        <source>Expires in 30 days</source>
        <translation>Läuft innerhalb von 30 Tagen ab</translation>
    </message>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="20"/>
        <source>Expires in 90 days</source>
        <translation>Läuft innerhalb von 90 Tagen ab</translation>
    </message>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="21"/>
        <source>Expires in a year</source>
        <translation>Läuft innerhalb eines Jahres ab</translation>
    </message>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="24"/>
        <source>All entries</source>
        <translation>Alle Einträge</translation>
    </message>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="25"/>
        <source>Key pairs</source>
        <translation>Schlüsselpaare</translation>
    </message>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="26"/>
        <source>Trusted certificates</source>
        <translation>Vertrauenswürdige Zertifikate</translation>
    </message>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="27"/>
        <source>Secret keys</source>
        <translation>Geheime Schlüssel</translation>
    </message>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="40"/>
        <source>Filter by alias, subject, issuer, serial or fingerprint</source>
        <translation>Nach Alias, Antragsteller, Aussteller, Seriennummer oder Fingerabdruck filtern</translation>
    </message>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="46"/>
        <source>Filter entries</source>
        <translation>Einträge filtern</translation>
    </message>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="52"/>
        <source>Entry type filter</source>
        <translation>Filter nach Eintragstyp</translation>
    </message>
    <message>
        <location filename="../../gui/views/filter_bar.py" line="60"/>
        <source>Expiry filter</source>
        <translation>Filter nach Ablaufdatum</translation>
    </message>
    <message>
        <location filename="../../gui/views/entries_table.py" line="29"/>
        <source>Keystore entries</source>
        <translation>Einträge des Schlüsselspeichers</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="75"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="77"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="386"/>
        <location filename="../../gui/menus.py" line="85"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="391"/>
        <location filename="../../gui/menus.py" line="87"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="89"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="41"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="99"/>
        <source>&amp;Key Pairs</source>
        <translation>&amp;Schlüsselpaare</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="110"/>
        <source>&amp;Download</source>
        <translation>He&amp;runterladen</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="121"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="122"/>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="125"/>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="142"/>
        <source>&amp;Help</source>
        <translation>Hi&amp;lfe</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="145"/>
        <source>&amp;About keymon</source>
        <translation>Ü&amp;ber keymon</translation>
    </message>
    <message>
        <location filename="../../gui/views/connectivity_dock.py" line="28"/>
        <source>Connectivity Test</source>
        <translation>Verbindungstest</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="311"/>
        <source>Reading entries</source>
        <extracomment>keystoreOpened starts the Monitoring worker after the table&apos;s paints (they stalled 70-110 ms) A keystore was opened (or reloaded) and the table shows it.</extracomment>
        <translation>Einträge werden gelesen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="384"/>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Rückgängig: {action}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="389"/>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Wiederherstellen: {action}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="398"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="400"/>
        <source> ({shown} shown)</source>
        <translation> ({shown} angezeigt)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="401"/>
        <source> · {expiring} expiring · {expired} expired</source>
        <translation> · {expiring} bald ablaufend · {expired} abgelaufen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="416"/>
        <source>saving…</source>
        <translation>wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="416"/>
        <source>saved</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="425"/>
        <source>The keystore was not saved</source>
        <translation>Der Schlüsselspeicher wurde nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="169"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>KeystoreOpener</name>
    <message>
        <location filename="../../gui/opening.py" line="109"/>
        <location filename="../../gui/opening.py" line="145"/>
        <location filename="../../gui/opening.py" line="165"/>
        <source>Opening</source>
        <extracomment>True while a keystore is being read (and may be cancelled), False after. A sentence for the status bar (e.g. a password that could not be remembered).</extracomment>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/opening.py" line="177"/>
        <source>Reading {name}…</source>
        <translation>{name} wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../gui/opening.py" line="215"/>
        <source>Cannot open the keystore</source>
        <translation>Der Schlüsselspeicher kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>KeystoreSession</name>
    <message>
        <location filename="../../gui/session.py" line="77"/>
        <source>Saving</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="67"/>
        <source>{problem} (new alias for “{alias}”)</source>
        <translation>{problem} (neuer Alias für „{alias}“)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="71"/>
        <source>The keystore already has an entry “{alias}”.</source>
        <translation>Der Schlüsselspeicher enthält bereits einen Eintrag „{alias}“.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="74"/>
        <source>Two entries would get the alias “{alias}”.</source>
        <translation>Zwei Einträge würden den Alias „{alias}“ erhalten.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="230"/>
        <source>Add Entries from a Keystore</source>
        <translation>Einträge aus einem Schlüsselspeicher hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="231"/>
        <source>Where an alias is already taken, choose whether to keep the existing entry, overwrite it, or add the new one under another alias.</source>
        <translation>Wo ein Alias bereits vergeben ist, wählen Sie, ob der vorhandene Eintrag behalten oder überschrieben oder der neue unter einem anderen Alias hinzugefügt werden soll.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="241"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="241"/>
        <source>Alias After Adding</source>
        <translation>Alias nach dem Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="257"/>
        <source>Action for {alias}</source>
        <translation>Aktion für {alias}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="265"/>
        <source>Alias after adding {alias}</source>
        <translation>Alias nach dem Hinzufügen von {alias}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="268"/>
        <source>The keystore already has an entry with this alias.</source>
        <translation>Der Schlüsselspeicher enthält bereits einen Eintrag mit diesem Alias.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="290"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="299"/>
        <source>Add under a new alias</source>
        <translation>Unter neuem Alias hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="303"/>
        <source>Keep existing</source>
        <translation>Vorhandenen behalten</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="304"/>
        <source>Overwrite existing</source>
        <translation>Vorhandenen überschreiben</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="306"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="358"/>
        <source>Added: {added} · Overwritten: {overwritten} · Existing kept: {kept}</source>
        <translation>Hinzugefügt: {added} · Überschrieben: {overwritten} · Vorhandene behalten: {kept}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="366"/>
        <source>Nothing would be added.</source>
        <translation>Es würde nichts hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>MonitoringModel</name>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="29"/>
        <source>Expires</source>
        <extracomment>Column titles: English sources of the &quot;MonitoringModel&quot; context.</extracomment>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="30"/>
        <source>Days Left</source>
        <translation>Verbleibende Tage</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="31"/>
        <source>Common Name</source>
        <translation>Allgemeiner Name</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="32"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="33"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="34"/>
        <source>Keystore</source>
        <translation>Schlüsselspeicher</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="38"/>
        <source>leaf</source>
        <extracomment>Where a certificate sits in its chain (core&apos;s role names).</extracomment>
        <translation>Endzertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="39"/>
        <source>intermediate</source>
        <translation>Zwischenzertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="40"/>
        <source>root</source>
        <translation>Stammzertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="44"/>
        <source>valid</source>
        <extracomment>What a screen reader says for the status icon.</extracomment>
        <translation>gültig</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="45"/>
        <source>expiring</source>
        <translation>läuft bald ab</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="46"/>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="47"/>
        <source>not yet valid</source>
        <translation>noch nicht gültig</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="48"/>
        <source>none</source>
        <translation>ohne Ablauf</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="68"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_model.py" line="71"/>
        <source>(unsaved)</source>
        <translation>(nicht gespeichert)</translation>
    </message>
</context>
<context>
    <name>MonitoringView</name>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="103"/>
        <source>Certificates by expiry</source>
        <extracomment>The table shows a new list (after any change or a reload of a watched keystore). Like refreshed, but only once no watched keystore is still loading.</extracomment>
        <translation>Zertifikate nach Ablaufdatum</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="106"/>
        <source>Every certificate of the open and the watched keystores, the soonest to expire first.</source>
        <translation>Alle Zertifikate des geöffneten und der überwachten Schlüsselspeicher, das zuerst ablaufende oben.</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="121"/>
        <source>&amp;Add Keystore…</source>
        <translation>Schlüsselspeicher &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="123"/>
        <source>Watch another keystore&apos;s certificates</source>
        <translation>Die Zertifikate eines weiteren Schlüsselspeichers überwachen</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="127"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="128"/>
        <source>Stop watching a keystore</source>
        <translation>Einen Schlüsselspeicher nicht mehr überwachen</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="171"/>
        <source>Enter &amp;Password…</source>
        <translation>&amp;Passwort eingeben…</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="174"/>
        <source>Enter the password of the watched keystores that could not be read</source>
        <translation>Das Passwort der beobachteten Schlüsselspeicher eingeben, die nicht gelesen werden konnten</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="136"/>
        <source>Export &amp;Calendar…</source>
        <translation>&amp;Kalender exportieren…</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="139"/>
        <source>Save every expiry date as an iCalendar file, with reminders</source>
        <translation>Alle Ablaufdaten als iCalendar-Datei speichern, mit Erinnerungen</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="163"/>
        <location filename="../../gui/views/monitoring_view.py" line="304"/>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="165"/>
        <source>Read the watched tenants again</source>
        <translation>Die beobachteten Tenants erneut lesen</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="218"/>
        <source>Collecting certificates</source>
        <translation>Zertifikate werden gesammelt</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="249"/>
        <source>Watch Keystore</source>
        <translation>Schlüsselspeicher überwachen</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="250"/>
        <source>Keystores (*.p12 *.pfx *.jks *.jceks *.ks *.pem);;All files (*)</source>
        <translation>Schlüsselspeicher (*.p12 *.pfx *.jks *.jceks *.ks *.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="304"/>
        <source>Cancel Re&amp;fresh</source>
        <translation>Aktualisieren a&amp;bbrechen</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="321"/>
        <source>Reading {file}</source>
        <translation>{file} wird gelesen</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="354"/>
        <source>This keystore needs a password (Enter Password… asks for it).</source>
        <translation>Dieser Schlüsselspeicher braucht ein Passwort (Passwort eingeben… fragt danach).</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_dock.py" line="33"/>
        <location filename="../../gui/views/monitoring_view.py" line="374"/>
        <location filename="../../gui/views/monitoring_view.py" line="411"/>
        <source>Monitoring</source>
        <extracomment>The view and the tray start by then even while the first keystore waits (a password).</extracomment>
        <translation>Überwachung</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="375"/>
        <location filename="../../gui/views/monitoring_view.py" line="376"/>
        <source>{keystore}: {message}</source>
        <translation>{keystore}: {message}</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="383"/>
        <source>Export Calendar</source>
        <translation>Kalender exportieren</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="383"/>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_view.py" line="391"/>
        <source>The calendar was not saved</source>
        <translation>Der Kalender wurde nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>NewKeystoreDialog</name>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="39"/>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="40"/>
        <source>JKS (*.jks *.ks *.keystore)</source>
        <translation>JKS (*.jks *.ks *.keystore)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="73"/>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="181"/>
        <source>New Keystore</source>
        <extracomment>Suffixes that name a format: switching the format swaps one of these for the other&apos;s. ``choose_save_file(title, suggested_name, filters)`` of the prompts. The file chooser asked already whether to replace the existing file (do not ask twice).</extracomment>
        <translation>Neuer Schlüsselspeicher</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="78"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="79"/>
        <source>&amp;Browse…</source>
        <translation>Dur&amp;chsuchen…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="90"/>
        <source>PKCS#12 (.p12), readable everywhere</source>
        <translation>PKCS#12 (.p12), überall lesbar</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="92"/>
        <source>JKS (.jks), for older Java programs</source>
        <translation>JKS (.jks), für ältere Java-Programme</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="99"/>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="103"/>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="107"/>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="143"/>
        <source>Choose where to save the new keystore.</source>
        <translation>Wählen Sie, wo der neue Schlüsselspeicher gespeichert wird.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="146"/>
        <source>{path} is a folder: add a file name.</source>
        <translation>{path} ist ein Ordner: Geben Sie einen Dateinamen an.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="148"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Der Ordner {folder} existiert nicht.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_keystore_dialog.py" line="157"/>
        <source>{name} exists already: keymon asks before replacing it.</source>
        <translation>{name} existiert bereits: keymon fragt, bevor die Datei ersetzt wird.</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="152"/>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="153"/>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="158"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="159"/>
        <source>R&amp;epeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="179"/>
        <source>Enter the new password, then repeat it.</source>
        <translation>Geben Sie das neue Passwort ein und wiederholen Sie es dann.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="183"/>
        <source>Repeat the password to make sure it is typed right.</source>
        <translation>Wiederholen Sie das Passwort, damit sicher ist, dass es richtig eingegeben wurde.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="184"/>
        <source>The two passwords do not match.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="194"/>
        <source>The passwords match.</source>
        <translation>Die Passwörter stimmen überein.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../gui/keystore_actions.py" line="41"/>
        <source>Keystores (*.p12 *.pfx *.jks *.jceks *.ks *.keystore *.pem);;All files (*)</source>
        <translation>Schlüsselspeicher (*.p12 *.pfx *.jks *.jceks *.ks *.keystore *.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="44"/>
        <location filename="../../gui/tenants/tenant_writes.py" line="35"/>
        <source>Certificates (*.cer *.crt *.pem *.der *.p7b *.p7c);;All files (*)</source>
        <translation>Zertifikate (*.cer *.crt *.pem *.der *.p7b *.p7c);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="47"/>
        <source>Key pairs (*.p12 *.pfx *.pem *.key);;All files (*)</source>
        <translation>Schlüsselpaare (*.p12 *.pfx *.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="77"/>
        <location filename="../../gui/keystore_actions.py" line="439"/>
        <location filename="../../gui/tenants/tenant_uploads.py" line="59"/>
        <location filename="../../gui/tenants/tenant_writes.py" line="171"/>
        <source>Cannot read {name}</source>
        <translation>{name} kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="86"/>
        <location filename="../../gui/tenants/tenant_uploads.py" line="68"/>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="107"/>
        <location filename="../../gui/keystore_actions.py" line="125"/>
        <location filename="../../gui/keystore_actions.py" line="168"/>
        <location filename="../../gui/tenants/tenant_writes.py" line="177"/>
        <source>No certificate</source>
        <translation>Kein Zertifikat</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="108"/>
        <source>This file holds key pairs; use Add › Key Pair.</source>
        <translation>Diese Datei enthält Schlüsselpaare; verwenden Sie Hinzufügen › Schlüsselpaar hinzufügen.</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="126"/>
        <location filename="../../gui/tenants/tenant_writes.py" line="178"/>
        <source>The file holds no certificate.</source>
        <translation>Die Datei enthält kein Zertifikat.</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="127"/>
        <source>Choose certificates to add</source>
        <translation>Hinzuzufügende Zertifikate auswählen</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="148"/>
        <source>Open keystore</source>
        <translation>Schlüsselspeicher öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="156"/>
        <source>Add certificate</source>
        <translation>Zertifikat hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="169"/>
        <source>The clipboard holds no PEM certificate (-----BEGIN CERTIFICATE-----).</source>
        <translation>Die Zwischenablage enthält kein PEM-Zertifikat (-----BEGIN CERTIFICATE-----).</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="180"/>
        <source>Add key pair</source>
        <translation>Schlüsselpaar hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="188"/>
        <location filename="../../gui/tenants/tenant_uploads.py" line="77"/>
        <source>No key pair</source>
        <translation>Kein Schlüsselpaar</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="189"/>
        <location filename="../../gui/tenants/tenant_uploads.py" line="78"/>
        <source>The file holds no private key with a certificate.</source>
        <translation>Die Datei enthält keinen privaten Schlüssel mit Zertifikat.</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="192"/>
        <source>Choose key pairs to add</source>
        <translation>Hinzuzufügende Schlüsselpaare auswählen</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="198"/>
        <source>Merge keystore</source>
        <translation>Schlüsselspeicher zusammenführen</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="220"/>
        <source>Keystore merged</source>
        <translation>Schlüsselspeicher zusammengeführt</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="221"/>
        <source>Added: {added}, kept: {kept}, overwritten: {overwritten}.</source>
        <translation>Hinzugefügt: {added}, behalten: {kept}, überschrieben: {overwritten}.</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="237"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="251"/>
        <source>Save certificates</source>
        <translation>Zertifikate speichern</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="253"/>
        <source>PEM bundle (*.pem)</source>
        <translation>PEM-Bündel (*.pem)</translation>
    </message>
    <message>
        <location filename="../../gui/context.py" line="110"/>
        <source>Not saved</source>
        <extracomment>A keystore was opened (or reloaded) and the table shows it. The window is about to close (running probes stop first). A short message for the status bar. The expiry warning window changed (days). The parent of wizards and dialogs (the main window). Password questions one at a time (the opener&apos;s, Monitoring&apos;s, import sources&apos;).</extracomment>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../gui/context.py" line="113"/>
        <source>Saved {path}</source>
        <translation>{path} gespeichert</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="264"/>
        <location filename="../../gui/keystore_actions.py" line="282"/>
        <source>Certificate (*.cer *.der);;PEM (*.pem *.crt)</source>
        <translation>Zertifikat (*.cer *.der);;PEM (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="274"/>
        <source>PKCS#7 (*.p7b);;PEM bundle (*.pem)</source>
        <translation>PKCS#7 (*.p7b);;PEM-Bündel (*.pem)</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="292"/>
        <source>OpenSSH public key (*.pub)</source>
        <translation>Öffentlicher OpenSSH-Schlüssel (*.pub)</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="308"/>
        <source>Export key pair</source>
        <translation>Schlüsselpaar exportieren</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="310"/>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="323"/>
        <source>Exporting</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="326"/>
        <source>Not exported</source>
        <translation>Nicht exportiert</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="360"/>
        <source>Delete the entry {alias}?
This can be undone with Edit › Undo.</source>
        <translation>Den Eintrag {alias} löschen?
Bearbeiten › Rückgängig stellt ihn wieder her.</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="364"/>
        <source>Delete these {count} entries: {names}?
This can be undone with Edit › Undo.</source>
        <translation>Diese {count} Einträge löschen: {names}?
Bearbeiten › Rückgängig stellt sie wieder her.</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="369"/>
        <source>Delete entries</source>
        <translation>Einträge löschen</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="393"/>
        <source>Password not remembered</source>
        <translation>Passwort nicht gemerkt</translation>
    </message>
    <message>
        <location filename="../../gui/backup_purge.py" line="20"/>
        <source>The backups of {name} ({count}) still open with the old password, and hold any entry deleted since. Delete all backups of this keystore now?</source>
        <translation>Die Sicherungen von {name} ({count}) lassen sich weiter mit dem alten Passwort öffnen und enthalten jeden seither gelöschten Eintrag. Jetzt alle Sicherungen dieses Schlüsselspeichers löschen?</translation>
    </message>
    <message>
        <location filename="../../gui/backup_purge.py" line="25"/>
        <source>Delete All Backups</source>
        <translation>Alle Sicherungen löschen</translation>
    </message>
    <message>
        <location filename="../../gui/backup_purge.py" line="34"/>
        <source>The backups were deleted ({count}).</source>
        <translation>Die Sicherungen wurden gelöscht ({count}).</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="417"/>
        <source>Restore version {version}</source>
        <translation>Version {version} wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="424"/>
        <source>Restoring</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../gui/keystore_actions.py" line="427"/>
        <source>Not restored</source>
        <translation>Nicht wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../../gui/pki_actions.py" line="70"/>
        <source>The request is on the clipboard</source>
        <translation>Die Anforderung ist in der Zwischenablage</translation>
    </message>
    <message>
        <location filename="../../gui/pki_actions.py" line="92"/>
        <source>Import CA reply into {alias}</source>
        <translation>CA-Antwort in {alias} importieren</translation>
    </message>
    <message>
        <location filename="../../gui/connectivity.py" line="27"/>
        <source>PEM bundle (*.pem);;Zip of .cer files (*.zip)</source>
        <translation>PEM-Bündel (*.pem);;Zip-Archiv mit .cer-Dateien (*.zip)</translation>
    </message>
    <message>
        <location filename="../../gui/net_actions.py" line="49"/>
        <source>Save server certificates</source>
        <extracomment>The tenant shown in the window, when one is (Import Root CA targets it).</extracomment>
        <translation>Server-Zertifikate speichern</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="229"/>
        <source>Password for {name}</source>
        <translation>Passwort für {name}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="236"/>
        <source>Choose a password for {name}.</source>
        <translation>Wählen Sie ein Passwort für {name}.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="238"/>
        <source>Enter the password of {name}.</source>
        <translation>Geben Sie das Passwort von {name} ein.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="254"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="257"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
</context>
<context>
    <name>PasswordFlow</name>
    <message>
        <location filename="../../gui/password_flow.py" line="32"/>
        <source>The key of entry &apos;{alias}&apos; has its own password.</source>
        <translation>Der Schlüssel des Eintrags &apos;{alias}&apos; hat ein eigenes Passwort.</translation>
    </message>
    <message>
        <location filename="../../gui/password_flow.py" line="177"/>
        <source>Key password</source>
        <extracomment>The sentence to show when a prompted password could not be remembered.</extracomment>
        <translation>Schlüsselpasswort</translation>
    </message>
</context>
<context>
    <name>Probe</name>
    <message>
        <location filename="../../core/net/connect.py" line="59"/>
        <source>The probe was cancelled.</source>
        <translation>Der Test wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../core/net/connect.py" line="65"/>
        <source>No answer within {seconds} s ({step}).</source>
        <translation>Keine Antwort innerhalb von {seconds} s ({step}).</translation>
    </message>
    <message>
        <location filename="../../core/net/connect.py" line="84"/>
        <location filename="../../core/net/connect.py" line="229"/>
        <location filename="../../core/net/connect.py" line="288"/>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <location filename="../../core/net/connect.py" line="135"/>
        <source>The name “{host}” does not exist.</source>
        <translation>Den Namen „{host}“ gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../../core/net/connect.py" line="156"/>
        <source>The name “{host}” was not found ({detail}).</source>
        <translation>Der Name „{host}“ wurde nicht gefunden ({detail}).</translation>
    </message>
    <message>
        <location filename="../../core/net/connect.py" line="168"/>
        <source>The name “{host}” has no address.</source>
        <translation>Der Name „{host}“ hat keine Adresse.</translation>
    </message>
    <message>
        <location filename="../../core/net/connect.py" line="192"/>
        <source>{peer} refused the connection (nothing listens).</source>
        <translation>{peer} hat die Verbindung abgelehnt (dort wartet kein Dienst).</translation>
    </message>
    <message>
        <location filename="../../core/net/connect.py" line="200"/>
        <source>{peer} cannot be reached ({detail}).</source>
        <translation>{peer} ist nicht erreichbar ({detail}).</translation>
    </message>
    <message>
        <location filename="../../core/net/connect.py" line="293"/>
        <source>The connection failed during the {step} ({detail}).</source>
        <translation>Die Verbindung brach während {step} ab ({detail}).</translation>
    </message>
    <message>
        <location filename="../../core/net/connect.py" line="337"/>
        <source>The proxy closed the connection without an answer.</source>
        <translation>Der Proxy hat die Verbindung ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <location filename="../../core/net/connect.py" line="344"/>
        <source>The proxy&apos;s answer is too long.</source>
        <translation>Die Antwort des Proxys ist zu lang.</translation>
    </message>
    <message>
        <location filename="../../core/net/connect.py" line="353"/>
        <source>The proxy did not answer HTTP ({status}).</source>
        <translation>Der Proxy hat nicht mit HTTP geantwortet ({status}).</translation>
    </message>
    <message>
        <location filename="../../core/net/connect.py" line="361"/>
        <source>The proxy refused the tunnel to {target}: {status}.</source>
        <translation>Der Proxy hat den Tunnel zu {target} abgelehnt: {status}.</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="105"/>
        <source>Tunnel to {target} is open.</source>
        <translation>Der Tunnel zu {target} ist offen.</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="134"/>
        <source>Connected to the proxy at {peer}.</source>
        <translation>Mit dem Proxy unter {peer} verbunden.</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="136"/>
        <source>Connected to {peer}.</source>
        <translation>Mit {peer} verbunden.</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="169"/>
        <source>The server accepted our client certificate (it answered the HTTP request).</source>
        <translation>Der Server hat unser Client-Zertifikat akzeptiert (er hat die HTTP-Anfrage beantwortet).</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="174"/>
        <source>The server asked for a client certificate but did not require one (it answered the HTTP request).</source>
        <translation>Der Server hat nach einem Client-Zertifikat gefragt, es aber nicht verlangt (er hat die HTTP-Anfrage beantwortet).</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="185"/>
        <source>The server answered “{status}”.</source>
        <translation>Der Server antwortete „{status}“.</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="327"/>
        <source>The server is not trusted by the keystore. {reason}</source>
        <translation>Der Schlüsselspeicher vertraut dem Server nicht. {reason}</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="332"/>
        <source>The server is not trusted by this system. {reason}</source>
        <translation>Dieses System vertraut dem Server nicht. {reason}</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="352"/>
        <source>{host} is an IP address (the proxy).</source>
        <translation>{host} ist eine IP-Adresse (der Proxy).</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="353"/>
        <source>{host} is an IP address.</source>
        <translation>{host} ist eine IP-Adresse.</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="356"/>
        <source>The proxy {host} → {addresses}.</source>
        <translation>Der Proxy {host} → {addresses}.</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="360"/>
        <source>{host} → {addresses}.</source>
        <translation>{host} → {addresses}.</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="379"/>
        <source>The server accepted our client certificate.</source>
        <translation>Der Server hat unser Client-Zertifikat akzeptiert.</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="381"/>
        <source>The server asked for a client certificate but did not require one.</source>
        <translation>Der Server hat nach einem Client-Zertifikat gefragt, es aber nicht verlangt.</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="391"/>
        <source>No alert within {seconds} s: the server seems to accept the client certificate.</source>
        <translation>Kein Alarm innerhalb von {seconds} s: Der Server scheint das Client-Zertifikat zu akzeptieren.</translation>
    </message>
    <message>
        <location filename="../../core/net/probe.py" line="396"/>
        <source>No alert within {seconds} s: the server seems to accept the missing client certificate.</source>
        <translation>Kein Alarm innerhalb von {seconds} s: Der Server scheint das fehlende Client-Zertifikat hinzunehmen.</translation>
    </message>
    <message>
        <location filename="../../core/net/outcome.py" line="51"/>
        <source>Connected and trusted, but the server did not ask for a client certificate, so the key pair was not tested.</source>
        <extracomment>The error kinds a trust verdict causes (rejudging may remove or add one of them).</extracomment>
        <translation>Verbunden und vertrauenswürdig, aber der Server hat kein Client-Zertifikat verlangt; das Schlüsselpaar wurde also nicht geprüft.</translation>
    </message>
    <message>
        <location filename="../../core/net/outcome.py" line="57"/>
        <source>Connected, but the server did not ask for a client certificate, so the key pair was not tested.</source>
        <translation>Verbunden, aber der Server hat kein Client-Zertifikat verlangt; das Schlüsselpaar wurde also nicht geprüft.</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../gui/prompts.py" line="35"/>
        <source>The password is wrong. Try again.</source>
        <translation>Das Passwort ist falsch. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../gui/prompts.py" line="39"/>
        <source>{name} was changed by another program. Reload it? Your changes are saved already; reloading shows the other program&apos;s version.</source>
        <translation>{name} wurde von einem anderen Programm geändert. Neu laden? Ihre Änderungen sind bereits gespeichert; nach dem Neuladen sehen Sie die Version des anderen Programms.</translation>
    </message>
</context>
<context>
    <name>RememberOption</name>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="118"/>
        <source>&amp;Remember in system keyring</source>
        <translation>Im System-Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="121"/>
        <source>No system keyring is available: keymon cannot remember this password.</source>
        <translation>Kein System-Schlüsselbund verfügbar: keymon kann sich dieses Passwort nicht merken.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="133"/>
        <source>keymon keeps the password in the system keyring and nowhere else.</source>
        <translation>keymon bewahrt das Passwort im System-Schlüsselbund auf und nirgendwo sonst.</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <location filename="../../gui/dialogs/rename_dialog.py" line="26"/>
        <source>Rename Entry</source>
        <translation>Eintrag umbenennen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/rename_dialog.py" line="31"/>
        <source>New alias</source>
        <translation>Neuer Alias</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/rename_dialog.py" line="35"/>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/rename_dialog.py" line="38"/>
        <source>Current alias:</source>
        <translation>Aktueller Alias:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/rename_dialog.py" line="39"/>
        <source>&amp;New alias:</source>
        <translation>&amp;Neuer Alias:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/rename_dialog.py" line="62"/>
        <source>Another entry already has the alias “{alias}” (aliases ignore case).</source>
        <translation>Ein anderer Eintrag hat bereits den Alias „{alias}“ (Aliasse unterscheiden nicht zwischen Groß- und Kleinschreibung).</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/rename_dialog.py" line="66"/>
        <source>Type the new alias.</source>
        <translation>Geben Sie den neuen Alias ein.</translation>
    </message>
</context>
<context>
    <name>ReplyReviewPage</name>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="132"/>
        <source>New Certificate Chain</source>
        <translation>Neue Zertifikatskette</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="133"/>
        <source>Install replaces the entry&apos;s chain; Edit › Undo restores it.</source>
        <translation>„Installieren“ ersetzt die Kette des Eintrags; Bearbeiten › Rückgängig stellt sie wieder her.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="138"/>
        <source>Where the certificates come from</source>
        <translation>Herkunft der Zertifikate</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="153"/>
        <source>From the CA reply</source>
        <translation>Aus der CA-Antwort</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="154"/>
        <source>From the keystore</source>
        <translation>Aus dem Schlüsselspeicher</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="154"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="157"/>
        <source>Missing issuer</source>
        <translation>Fehlender Aussteller</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="159"/>
        <source>Not used from the reply</source>
        <translation>Aus der Antwort nicht verwendet</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="160"/>
        <source>Replaces</source>
        <translation>Ersetzt</translation>
    </message>
</context>
<context>
    <name>ReplySourcePage</name>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="60"/>
        <source>CA Reply</source>
        <translation>CA-Antwort</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="63"/>
        <source>The certificate the CA issued for your request, usually with its chain: PKCS#7 (.p7b), PEM or DER certificates, or PkiPath.</source>
        <translation>Das Zertifikat, das die CA auf Ihre Anforderung ausgestellt hat, meist mit seiner Kette: PKCS#7 (.p7b), PEM- oder DER-Zertifikate oder PkiPath.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="69"/>
        <source>Key pair “{alias}”, now certified by “{issuer}”.</source>
        <translation>Schlüsselpaar „{alias}“, derzeit zertifiziert von „{issuer}“.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="78"/>
        <source>Open CA Reply</source>
        <translation>CA-Antwort öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="86"/>
        <source>Certificates in the reply</source>
        <translation>Zertifikate in der Antwort</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="88"/>
        <source>The certificates of the reply appear here once it is read.</source>
        <translation>Die Zertifikate der Antwort erscheinen hier, sobald sie eingelesen ist.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="112"/>
        <source>Read %n certificate(s) from {source}.</source>
        <translation>
            <numerusform>%n Zertifikat aus {source} eingelesen.</numerusform>
            <numerusform>%n Zertifikate aus {source} eingelesen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="114"/>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
</context>
<context>
    <name>RequestPage</name>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="39"/>
        <source>Key Pair on the Tenant</source>
        <extracomment>(label, key type, size, curve, signature algorithm as the tenant names it).</extracomment>
        <translation>Schlüsselpaar auf dem Tenant</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="42"/>
        <source>The tenant makes the key and keeps it; keymon never sees the private key. Download its CSR afterwards with Create CSR….</source>
        <translation>Der Tenant erzeugt den Schlüssel und behält ihn; keymon sieht den privaten Schlüssel nie. Laden Sie danach seine CSR mit „CSR erstellen…“ herunter.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="48"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="51"/>
        <source>Key type and size</source>
        <translation>Schlüsseltyp und -länge</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="56"/>
        <source>Validity in days</source>
        <translation>Gültigkeit in Tagen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="59"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="62"/>
        <source>&amp;Alias:</source>
        <translation>&amp;Alias:</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="63"/>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="64"/>
        <source>&amp;Validity:</source>
        <translation>&amp;Gültigkeit:</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="79"/>
        <source>The alias “{alias}” is reserved for SAP.</source>
        <translation>Der Alias „{alias}“ ist für SAP reserviert.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="81"/>
        <source>The tenant already has an entry named “{alias}”.</source>
        <translation>Der Tenant hat bereits einen Eintrag namens „{alias}“.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="86"/>
        <source>The tenant needs a country (C), e.g. DE.</source>
        <translation>Der Tenant verlangt ein Land (C), z. B. DE.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="197"/>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="199"/>
        <source>Generate makes the key and its self-signed certificate and adds them.</source>
        <translation>„Erzeugen“ erstellt den Schlüssel und sein selbstsigniertes Zertifikat und fügt beide hinzu.</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="201"/>
        <source>Summary of the new key pair</source>
        <translation>Zusammenfassung des neuen Schlüsselpaars</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="204"/>
        <source>Generating the key</source>
        <translation>Schlüssel wird erzeugt</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="227"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="228"/>
        <source>Subject</source>
        <translation>Antragsteller</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="229"/>
        <source>Alternative names</source>
        <translation>Alternative Namen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="230"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="231"/>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="232"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="233"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="235"/>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/keypair_wizard.py" line="235"/>
        <source>Self-signed (the subject itself)</source>
        <translation>Selbstsigniert (der Antragsteller selbst)</translation>
    </message>
</context>
<context>
    <name>SanEditor</name>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="191"/>
        <source>Kind of alternative name</source>
        <translation>Art des alternativen Namens</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="193"/>
        <source>DNS name</source>
        <translation>DNS-Name</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="194"/>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="195"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="196"/>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="203"/>
        <source>Alternative name</source>
        <translation>Alternativer Name</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="205"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="211"/>
        <source>Subject alternative names</source>
        <translation>Alternative Antragstellernamen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="212"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="246"/>
        <source>e.g. {example}</source>
        <translation>z. B. {example}</translation>
    </message>
</context>
<context>
    <name>SanPage</name>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="359"/>
        <source>Alternative Names</source>
        <translation>Alternative Namen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="362"/>
        <source>The names the certificate is valid for besides its subject. TLS clients check a server&apos;s DNS names or IP addresses here.</source>
        <translation>Die Namen, für die das Zertifikat außer seinem Antragsteller gilt. TLS-Clients prüfen hier die DNS-Namen oder IP-Adressen eines Servers.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="45"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="66"/>
        <source>Expiry warning window in days</source>
        <extracomment>The groups&apos; forms; their labels share one width, so the fields line up.</extracomment>
        <translation>Vorwarnzeit für den Ablauf in Tagen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="69"/>
        <source>Certificates expiring within this many days are marked, listed by the tray icon and announced by a notification.</source>
        <translation>Zertifikate, die innerhalb so vieler Tage ablaufen, werden markiert, vom Symbol im Infobereich aufgeführt und per Benachrichtigung gemeldet.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="73"/>
        <source>Show a &amp;tray icon and notify about expiry</source>
        <translation>Symbol im &amp;Infobereich zeigen und über Abläufe benachrichtigen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="86"/>
        <source>Default key type</source>
        <translation>Standard-Schlüsseltyp</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="91"/>
        <source>Default validity in days</source>
        <translation>Standard-Gültigkeitsdauer in Tagen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="94"/>
        <source>PKCS#12 encryption</source>
        <translation>PKCS#12-Verschlüsselung</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="96"/>
        <source>Modern (AES-256, PBKDF2, SHA-256 MAC)</source>
        <translation>Modern (AES-256, PBKDF2, SHA-256-MAC)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="99"/>
        <source>Legacy (3DES, SHA-1 MAC) for Java before 8u301 and old Windows</source>
        <translation>Legacy (3DES, SHA-1-MAC) für Java vor 8u301 und ältere Windows-Versionen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="110"/>
        <source>Used when keymon saves a PKCS#12 keystore and as the default when it exports a key pair. Legacy encryption is weak: use it only for software that cannot read modern files.</source>
        <translation>Gilt, wenn keymon einen PKCS#12-Schlüsselspeicher speichert, und als Vorgabe beim Exportieren eines Schlüsselpaars. Die Legacy-Verschlüsselung ist schwach: nur für Software verwenden, die moderne Dateien nicht lesen kann.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="126"/>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="127"/>
        <location filename="../../gui/dialogs/settings_dialog.py" line="134"/>
        <source>Follow the system</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="128"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="129"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="133"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="76"/>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="78"/>
        <source>&amp;Warn this many days ahead:</source>
        <translation>So viele Tage vorher &amp;warnen:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="115"/>
        <source>New key pairs and files</source>
        <translation>Neue Schlüsselpaare und Dateien</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="117"/>
        <source>Default &amp;key:</source>
        <translation>Standard-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="118"/>
        <source>Default &amp;validity:</source>
        <translation>Standard-&amp;Gültigkeit:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="119"/>
        <source>&amp;PKCS#12 encryption:</source>
        <translation>&amp;PKCS#12-Verschlüsselung:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="141"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="143"/>
        <source>T&amp;heme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="144"/>
        <source>&amp;Language:</source>
        <translation>Sp&amp;rache:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="154"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="168"/>
        <source>The language and the tray icon change when keymon starts next.</source>
        <translation>Sprache und Infobereich-Symbol ändern sich beim nächsten Start von keymon.</translation>
    </message>
</context>
<context>
    <name>ShowPasswordCheck</name>
    <message>
        <location filename="../../gui/dialogs/password_dialog.py" line="101"/>
        <source>&amp;Show password</source>
        <extracomment>A password the user typed, and whether to keep it in the system keyring (the core&apos;s answer of a :class:`~keymon.core.passwords.PasswordPrompt`).</extracomment>
        <translation>Passwort an&amp;zeigen</translation>
    </message>
</context>
<context>
    <name>SignCsrWizard</name>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="352"/>
        <source>Sign Certificate Signing Request</source>
        <translation>Zertifikatsignieranforderung signieren</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="365"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
</context>
<context>
    <name>SignatureCombo</name>
    <message>
        <location filename="../../gui/wizards/key_choices.py" line="223"/>
        <source>Signature algorithm</source>
        <translation>Signaturalgorithmus</translation>
    </message>
</context>
<context>
    <name>SourcePicker</name>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="322"/>
        <source>Choose &amp;File…</source>
        <translation>&amp;Datei auswählen…</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="325"/>
        <source>&amp;Paste from Clipboard</source>
        <translation>Aus Zwischenablage &amp;einfügen</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="345"/>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="351"/>
        <source>the clipboard</source>
        <translation>der Zwischenablage</translation>
    </message>
</context>
<context>
    <name>SubjectForm</name>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="123"/>
        <source>Common name (CN)</source>
        <translation>Allgemeiner Name (CN)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="124"/>
        <source>Organizational unit (OU)</source>
        <translation>Organisationseinheit (OU)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="125"/>
        <source>Organization (O)</source>
        <translation>Organisation (O)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="126"/>
        <source>Locality (L)</source>
        <translation>Ort (L)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="127"/>
        <source>State or province (ST)</source>
        <translation>Bundesland/Kanton (ST)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="128"/>
        <source>Country (C)</source>
        <translation>Land (C)</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="128"/>
        <source>DE</source>
        <translation>DE</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="129"/>
        <source>Two letters, e.g. DE, FR or US</source>
        <translation>Zwei Buchstaben, z. B. DE, AT oder CH</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="130"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="133"/>
        <source>&amp;Common name (CN):</source>
        <translation>Allgemeiner &amp;Name (CN):</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="134"/>
        <source>Organizational &amp;unit (OU):</source>
        <translation>&amp;Organisationseinheit (OU):</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="135"/>
        <source>&amp;Organization (O):</source>
        <translation>Or&amp;ganisation (O):</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="136"/>
        <source>&amp;Locality (L):</source>
        <translation>O&amp;rt (L):</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="137"/>
        <source>S&amp;tate or province (ST):</source>
        <translation>&amp;Bundesland/Kanton (ST):</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="138"/>
        <source>Countr&amp;y (C):</source>
        <translation>&amp;Land (C):</translation>
    </message>
    <message>
        <location filename="../../gui/wizards/building_blocks.py" line="139"/>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;Mail:</translation>
    </message>
</context>
<context>
    <name>TenantKeyPairWizard</name>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="124"/>
        <source>Generate Key Pair on Tenant {name}</source>
        <translation>Schlüsselpaar auf Tenant {name} erzeugen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/keypair_request_wizard.py" line="129"/>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
</context>
<context>
    <name>TenantStatus</name>
    <message>
        <location filename="../../gui/tenants/status.py" line="19"/>
        <source>Tenant message</source>
        <translation>Tenant-Meldung</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/status.py" line="23"/>
        <source>%v of %m entries</source>
        <translation>%v von %m Einträgen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/status.py" line="24"/>
        <source>Tenant entries read</source>
        <translation>Gelesene Tenant-Einträge</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/status.py" line="25"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>TenantWatch</name>
    <message>
        <location filename="../../gui/views/monitoring_tenants.py" line="121"/>
        <source>Reading {tenant}</source>
        <extracomment>A tenant was read, failed or was cancelled, or the list changed. How 429/503 answers are retried (tests make it fast).</extracomment>
        <translation>{tenant} wird gelesen</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_tenants.py" line="139"/>
        <source>unreachable: {message}</source>
        <translation>nicht erreichbar: {message}</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_tenants.py" line="141"/>
        <source>not read: {message}</source>
        <translation>nicht gelesen: {message}</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_tenants.py" line="143"/>
        <source>(showing what was read before)</source>
        <translation>(zeigt den zuvor gelesenen Stand)</translation>
    </message>
    <message>
        <location filename="../../gui/views/monitoring_tenants.py" line="150"/>
        <source>not read: the refresh was cancelled</source>
        <translation>nicht gelesen: das Aktualisieren wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>Tenants</name>
    <message>
        <location filename="../../gui/tenants/enabling.py" line="49"/>
        <source>The backup keystore of tenant {name} is shown read-only; File › Restore Tenant Backup… makes it the system keystore.</source>
        <translation>Der Sicherungs-Schlüsselspeicher von Tenant {name} wird schreibgeschützt angezeigt; Datei › Tenant-Sicherung wiederherstellen… macht ihn zum System-Schlüsselspeicher.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/enabling.py" line="54"/>
        <source>The tenant&apos;s API does this in the system keystore only; in Key Renewal keymon offers Activate and Delete.</source>
        <translation>Die API des Tenants tut das nur im System-Schlüsselspeicher; in Key Renewal bietet keymon Aktivieren und Löschen an.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/enabling.py" line="59"/>
        <source>The private key stays on the tenant: keymon cannot use or export it.</source>
        <translation>Der private Schlüssel bleibt auf dem Tenant: keymon kann ihn weder verwenden noch exportieren.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/enabling.py" line="62"/>
        <source>Not available on a tenant keystore: it works on keystore files only.</source>
        <translation>Auf einem Tenant-Schlüsselspeicher nicht verfügbar: Dies geht nur mit Schlüsselspeicherdateien.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/owner.py" line="39"/>
        <source>Owned by SAP: keymon shows it but does not change it.</source>
        <translation>Gehört SAP: keymon zeigt ihn an, ändert ihn aber nicht.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/owner.py" line="44"/>
        <source>Last changed by {who}</source>
        <translation>Zuletzt geändert von {who}</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="90"/>
        <source>Open Te&amp;nant</source>
        <extracomment>The tenant the window shows now (None when a file or nothing is open). How the tenant&apos;s 429/503 answers are retried (tests make it fast).</extracomment>
        <translation>Te&amp;nant öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="96"/>
        <source>Back &amp;Up Tenant Keystore…</source>
        <translation>Tenant-Schlüsselspeicher si&amp;chern…</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="101"/>
        <source>Re&amp;store Tenant Backup…</source>
        <translation>Tenant-Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="108"/>
        <source>Key &amp;History…</source>
        <translation>Schlüssel&amp;historie…</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="258"/>
        <source>read-only profile</source>
        <translation>schreibgeschütztes Profil</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="260"/>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="262"/>
        <source>tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="287"/>
        <source>Replace tenant profile</source>
        <translation>Tenant-Profil ersetzen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="288"/>
        <source>A tenant profile named {name} exists. Replace it and its secret?</source>
        <translation>Ein Tenant-Profil namens {name} existiert bereits. Soll es samt Geheimnis ersetzt werden?</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="296"/>
        <source>The tenant profile was not saved</source>
        <translation>Das Tenant-Profil wurde nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="300"/>
        <source>Saved tenant profile {name}</source>
        <translation>Tenant-Profil {name} gespeichert</translation>
    </message>
    <message>
        <location filename="../../gui/compare_actions.py" line="81"/>
        <location filename="../../gui/tenants/tenant_actions.py" line="316"/>
        <source>{name} › Key Renewal</source>
        <translation>{name} › Key Renewal</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="319"/>
        <source>{name} › Backup (read-only)</source>
        <translation>{name} › Sicherung (schreibgeschützt)</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="324"/>
        <source>(no tenant profiles)</source>
        <translation>(keine Tenant-Profile)</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="340"/>
        <source>The secret of tenant profile {name} is not in the system keyring; connect to the tenant again.</source>
        <translation>Das Geheimnis des Tenant-Profils {name} ist nicht im Schlüsselbund des Systems; verbinden Sie sich erneut mit dem Tenant.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="359"/>
        <location filename="../../gui/tenants/tenant_actions.py" line="393"/>
        <source>Reading tenant {name}</source>
        <translation>Tenant {name} wird gelesen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="366"/>
        <source>Opened tenant {name}: {count} entries</source>
        <translation>Tenant {name} geöffnet: {count} Einträge</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="368"/>
        <source>Opened the {keystore} of tenant {name}: {count} entries</source>
        <translation>{keystore} von Tenant {name} geöffnet: {count} Einträge</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="386"/>
        <source>Reading tenant {name} was cancelled.</source>
        <translation>Das Lesen von Tenant {name} wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="47"/>
        <source>Generate the key pair {alias} ({key}, CN={cn}) on tenant {name}?</source>
        <translation>Das Schlüsselpaar {alias} ({key}, CN={cn}) auf Tenant {name} erzeugen?</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="50"/>
        <source>Generate on tenant</source>
        <translation>Auf dem Tenant erzeugen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="56"/>
        <source>Generated {alias} on tenant {name}; Create CSR… downloads its request</source>
        <translation>{alias} auf Tenant {name} erzeugt; „CSR erstellen…“ lädt seine Anforderung herunter</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="59"/>
        <source>Generating on the tenant</source>
        <translation>Wird auf dem Tenant erzeugt</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="69"/>
        <source>Save the CSR of {alias}</source>
        <translation>CSR von {alias} speichern</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="71"/>
        <source>Certificate signing requests (*.csr *.pem)</source>
        <translation>Zertifikatsignieranforderungen (*.csr *.pem)</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="77"/>
        <source>No CSR</source>
        <translation>Keine CSR</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="83"/>
        <source>Reading the CSR</source>
        <translation>CSR wird gelesen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="101"/>
        <source>Install CA Response on Tenant {name}</source>
        <translation>CA-Antwort auf Tenant {name} installieren</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="104"/>
        <source>Install uploads this chain to the key pair on the tenant.</source>
        <translation>„Installieren“ lädt diese Kette zum Schlüsselpaar auf dem Tenant hoch.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="110"/>
        <source>Install the CA response in the key pair {alias} on tenant {name}?

New chain: {chain}
Top certificate SHA-256: {fingerprint}</source>
        <translation>Die CA-Antwort im Schlüsselpaar {alias} auf Tenant {name} installieren?

Neue Kette: {chain}
Oberstes Zertifikat SHA-256: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="120"/>
        <source>Install on tenant</source>
        <translation>Auf dem Tenant installieren</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="127"/>
        <source>Installed the CA response in {alias} on tenant {name}</source>
        <translation>CA-Antwort in {alias} auf Tenant {name} installiert</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_keypairs.py" line="129"/>
        <source>Installing on the tenant</source>
        <translation>Wird auf dem Tenant installiert</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_uploads.py" line="32"/>
        <source>Keystores with key pairs (*.p12 *.pfx *.jks *.jceks *.pem *.key);;All files (*)</source>
        <translation>Schlüsselspeicher mit Schlüsselpaaren (*.p12 *.pfx *.jks *.jceks *.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_uploads.py" line="48"/>
        <source>Upload key pairs to tenant {name}</source>
        <translation>Schlüsselpaare auf Tenant {name} hochladen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_uploads.py" line="84"/>
        <source>Choose key pairs to upload</source>
        <translation>Hochzuladende Schlüsselpaare wählen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="204"/>
        <location filename="../../gui/tenants/tenant_renewal.py" line="87"/>
        <location filename="../../gui/tenants/tenant_uploads.py" line="91"/>
        <location filename="../../gui/tenants/tenant_writes.py" line="87"/>
        <location filename="../../gui/tenants/tenant_writes.py" line="109"/>
        <location filename="../../gui/tenants/tenant_writes.py" line="125"/>
        <location filename="../../gui/tenants/tenant_writes.py" line="162"/>
        <location filename="../../gui/tenants/tenant_writes.py" line="211"/>
        <source>The tenant is not changed</source>
        <translation>Der Tenant bleibt unverändert</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_uploads.py" line="106"/>
        <source>Tenant {name} already has entries named {aliases}; delete or rename them there first.</source>
        <translation>Tenant {name} hat bereits Einträge namens {aliases}; löschen oder benennen Sie sie dort zuerst um.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_uploads.py" line="113"/>
        <source>The aliases {aliases} are reserved for SAP.</source>
        <translation>Die Aliasse {aliases} sind für SAP reserviert.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_uploads.py" line="120"/>
        <source>Upload the key pairs {names} from {file} to tenant {name}, private keys included? Each goes over HTTPS as its own PKCS#12 under a one-time password.</source>
        <translation>Die Schlüsselpaare {names} aus {file} samt privaten Schlüsseln auf Tenant {name} hochladen? Jedes geht über HTTPS als eigene PKCS#12-Datei unter einem Einmalpasswort.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_uploads.py" line="125"/>
        <source>Upload to tenant</source>
        <translation>Auf den Tenant hochladen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_uploads.py" line="131"/>
        <source>Uploaded {names} to tenant {name}</source>
        <translation>{names} auf Tenant {name} hochgeladen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_uploads.py" line="135"/>
        <source>Uploading to the tenant</source>
        <translation>Wird auf den Tenant hochgeladen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/enabling.py" line="43"/>
        <source>The tenant profile {name} is marked read-only: keymon does not change it.</source>
        <extracomment>Actions that need the entry&apos;s private key here (on a tenant it stays on the tenant). Actions that change or need a keystore file. Writes to the tenant that need no selection (enabled unless the profile is read-only). Writes to the selected tenant entries (refused on SAP&apos;s entries and read-only profiles). What goes to one keystore&apos;s entries (the API&apos;s calls for them take no keystoreName but DELETE&apos;s; Create CSR would read the system key pair&apos;s request). What the API does in KeyRenewal (besides Activate): DELETE takes keystoreName (API.md).</extracomment>
        <translation>Das Tenant-Profil {name} ist schreibgeschützt: keymon ändert es nicht.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/enabling.py" line="46"/>
        <source>{alias} is owned by SAP: keymon shows it but does not change it.</source>
        <translation>{alias} gehört SAP: keymon zeigt den Eintrag, ändert ihn aber nicht.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="424"/>
        <source>&amp;Activate Renewal Key Pair…</source>
        <translation>Erneuerungs-Schlüsselpaar akti&amp;vieren…</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_actions.py" line="437"/>
        <location filename="../../gui/tenants/tenant_renewal.py" line="57"/>
        <location filename="../../gui/tenants/tenant_writes.py" line="75"/>
        <source>No tenant is open.</source>
        <extracomment>The open Key History dialog (None when none is open).
----------
The write running now (tests wait on it).</extracomment>
        <translation>Es ist kein Tenant geöffnet.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_renewal.py" line="59"/>
        <source>Open the Key Renewal keystore of tenant {name} (File › Open Tenant) and select a renewal key pair to activate it.</source>
        <translation>Öffnen Sie den Key-Renewal-Schlüsselspeicher von Tenant {name} (Datei › Tenant öffnen) und wählen Sie ein Erneuerungs-Schlüsselpaar aus, um es zu aktivieren.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_renewal.py" line="69"/>
        <source>Select one renewal key pair to activate it.</source>
        <translation>Wählen Sie ein Erneuerungs-Schlüsselpaar aus, um es zu aktivieren.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_renewal.py" line="91"/>
        <source>Activate the renewal key pair {alias} on tenant {name}?

The key pair {alias} in the system keystore is replaced by the renewal key pair; the old one moves to the key history.

Renewal certificate: {cn}, valid until {until}
SHA-256: {fingerprint}</source>
        <translation>Das Erneuerungs-Schlüsselpaar {alias} auf Tenant {name} aktivieren?

Das Schlüsselpaar {alias} im System-Schlüsselspeicher wird durch das Erneuerungs-Schlüsselpaar ersetzt; das alte wandert in die Schlüsselhistorie.

Erneuerungs-Zertifikat: {cn}, gültig bis {until}
SHA-256: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_renewal.py" line="104"/>
        <source>Activate on tenant</source>
        <translation>Auf dem Tenant aktivieren</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_renewal.py" line="111"/>
        <source>Activated {alias} on tenant {name}: it is the system key pair now; the old one is in File › Key History…</source>
        <translation>{alias} auf Tenant {name} aktiviert: Es ist jetzt das System-Schlüsselpaar; das alte steht unter Datei › Schlüsselhistorie…</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_renewal.py" line="116"/>
        <source>Activating on the tenant</source>
        <translation>Wird auf dem Tenant aktiviert</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_renewal.py" line="125"/>
        <source>Delete from the {keystore} of tenant {name}: {names}?

The system keystore is not changed. Deleting renewal key pairs cannot be undone.</source>
        <translation>Aus dem {keystore} von Tenant {name} löschen: {names}?

Der System-Schlüsselspeicher bleibt unverändert. Das Löschen von Erneuerungs-Schlüsselpaaren lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_renewal.py" line="139"/>
        <source>Deleted {names} from the {keystore} of tenant {name}</source>
        <translation>{names} aus dem {keystore} von Tenant {name} gelöscht</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="110"/>
        <source>A change to tenant {name} is still running.</source>
        <translation>Eine Änderung an Tenant {name} läuft noch.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="146"/>
        <source>Add a certificate to tenant {name}</source>
        <translation>Ein Zertifikat zu Tenant {name} hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="157"/>
        <source>Trusted certificates go into the system keystore of tenant {name}: open it (File › Open Tenant ▸ {name}) and add the certificate there.</source>
        <translation>Vertrauenswürdige Zertifikate kommen in den Systemschlüsselspeicher von Tenant {name}: Öffnen Sie ihn (Datei › Tenant öffnen ▸ {name}) und fügen Sie das Zertifikat dort hinzu.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="182"/>
        <source>Add Trusted Certificate to Tenant {name}</source>
        <translation>Vertrauenswürdiges Zertifikat zu Tenant {name} hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="194"/>
        <source>Import Root CA into Tenant {name}</source>
        <translation>Stammzertifizierungsstelle in Tenant {name} importieren</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="212"/>
        <source>The certificate is {size} bytes as PEM; a tenant accepts at most 10 kB.</source>
        <translation>Das Zertifikat ist als PEM {size} Byte groß; ein Tenant nimmt höchstens 10 kB an.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="218"/>
        <source>Upload “{subject}” to tenant {name} as the trusted certificate {alias}?

SHA-256: {fingerprint}

You compared this fingerprint with the one its owner handed over: keymon tells the tenant it is verified.</source>
        <translation>„{subject}“ als vertrauenswürdiges Zertifikat {alias} auf Tenant {name} hochladen?

SHA-256: {fingerprint}

Sie haben diesen Fingerabdruck mit dem verglichen, den sein Eigentümer übergeben hat: keymon meldet dem Tenant, dass er geprüft ist.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="229"/>
        <source>Add to tenant</source>
        <translation>Zum Tenant hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="235"/>
        <source>Added {alias} to tenant {name}</source>
        <translation>{alias} zu Tenant {name} hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="239"/>
        <source>Adding to the tenant</source>
        <translation>Wird zum Tenant hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="265"/>
        <source>Delete from tenant {name}: {names}?</source>
        <translation>Von Tenant {name} löschen: {names}?</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="269"/>
        <source>Deleting key pairs from a tenant cannot be undone.</source>
        <translation>Das Löschen von Schlüsselpaaren auf einem Tenant lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="273"/>
        <source>This cannot be undone in keymon.</source>
        <translation>Dies lässt sich in keymon nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_renewal.py" line="130"/>
        <location filename="../../gui/tenants/tenant_writes.py" line="274"/>
        <source>Delete from tenant</source>
        <translation>Vom Tenant löschen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="278"/>
        <source>Back up the tenant first</source>
        <translation>Zuerst den Tenant sichern</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="279"/>
        <source>Back up the keystore of tenant {name} first? The backup replaces the tenant&apos;s previous backup (backup_admin_system); File › Restore Tenant Backup… brings the entries back.</source>
        <translation>Zuerst den Schlüsselspeicher von Tenant {name} sichern? Die Sicherung ersetzt die vorige Sicherung des Tenants (backup_admin_system); Datei › Tenant-Sicherung wiederherstellen… holt die Einträge zurück.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="298"/>
        <source>Deleted {names} from tenant {name}</source>
        <translation>{names} von Tenant {name} gelöscht</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_renewal.py" line="142"/>
        <location filename="../../gui/tenants/tenant_writes.py" line="301"/>
        <source>Deleting on the tenant</source>
        <translation>Wird auf dem Tenant gelöscht</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="310"/>
        <source>Rename {old} to {new} on tenant {name}?</source>
        <translation>{old} auf Tenant {name} in {new} umbenennen?</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="313"/>
        <source>Rename on tenant</source>
        <translation>Auf dem Tenant umbenennen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="320"/>
        <source>Renamed {old} to {new} on tenant {name} (rename it back to undo)</source>
        <translation>{old} auf Tenant {name} in {new} umbenannt (zum Rückgängigmachen zurück umbenennen)</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="323"/>
        <source>Renaming on the tenant</source>
        <translation>Wird auf dem Tenant umbenannt</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="329"/>
        <source>Back up the keystore of tenant {name}? The backup (backup_admin_system) replaces the tenant&apos;s previous backup.</source>
        <translation>Den Schlüsselspeicher von Tenant {name} sichern? Die Sicherung (backup_admin_system) ersetzt die vorige Sicherung des Tenants.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="334"/>
        <source>Back up tenant</source>
        <translation>Tenant sichern</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="336"/>
        <source>Backed up the keystore of tenant {name}</source>
        <translation>Schlüsselspeicher von Tenant {name} gesichert</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="339"/>
        <source>Backing up the tenant</source>
        <translation>Tenant wird gesichert</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="346"/>
        <source>Restore the backup of tenant {name}? It replaces the whole system keystore ({count} entries now) with the backup: entries added, renewed, renamed or deleted since the backup are lost. This cannot be undone.</source>
        <translation>Die Sicherung von Tenant {name} wiederherstellen? Sie ersetzt den ganzen Systemschlüsselspeicher (jetzt {count} Einträge): Seit der Sicherung hinzugefügte, erneuerte, umbenannte oder gelöschte Einträge gehen verloren. Dies lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="352"/>
        <source>Restore tenant backup</source>
        <translation>Tenant-Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="355"/>
        <source>Restored the backup of tenant {name}</source>
        <translation>Sicherung von Tenant {name} wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/tenant_writes.py" line="356"/>
        <source>Restoring the tenant</source>
        <translation>Tenant wird wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/session.py" line="21"/>
        <source>system keystore</source>
        <extracomment>How the window names each keystore of a tenant (title, status bar, messages).</extracomment>
        <translation>System-Schlüsselspeicher</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/session.py" line="22"/>
        <source>Key Renewal keystore</source>
        <translation>Key-Renewal-Schlüsselspeicher</translation>
    </message>
    <message>
        <location filename="../../gui/tenants/session.py" line="23"/>
        <source>backup keystore</source>
        <translation>Sicherungs-Schlüsselspeicher</translation>
    </message>
</context>
<context>
    <name>TrayText</name>
    <message>
        <location filename="../../gui/tray.py" line="50"/>
        <source>expired today</source>
        <translation>heute abgelaufen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="50"/>
        <source>expired %n days ago</source>
        <translation>
            <numerusform>vor %n Tag abgelaufen</numerusform>
            <numerusform>vor %n Tagen abgelaufen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="53"/>
        <source>expires today</source>
        <translation>läuft heute ab</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="54"/>
        <source>expires in %n days</source>
        <translation>
            <numerusform>läuft in %n Tag ab</numerusform>
            <numerusform>läuft in %n Tagen ab</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="60"/>
        <source>{alias} in {keystore}</source>
        <translation>{alias} in {keystore}</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="63"/>
        <source>{name} ({where}) {when}</source>
        <translation>{name} ({where}) {when}</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="70"/>
        <source>keymon: no certificate expires within {days} days</source>
        <translation>keymon: Kein Zertifikat läuft innerhalb von {days} Tagen ab</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="74"/>
        <source>%n certificates expire within {days} days</source>
        <translation>
            <numerusform>%n Zertifikat läuft innerhalb von {days} Tagen ab</numerusform>
            <numerusform>%n Zertifikate laufen innerhalb von {days} Tagen ab</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="77"/>
        <source>%n expired</source>
        <translation>
            <numerusform>%n abgelaufen</numerusform>
            <numerusform>%n abgelaufen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="78"/>
        <source>keymon: {summary}</source>
        <translation>keymon: {summary}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="81"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../gui/undo.py" line="35"/>
        <source>Add {names}</source>
        <translation>{names} hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/undo.py" line="70"/>
        <source>Delete {names}</source>
        <translation>{names} löschen</translation>
    </message>
    <message>
        <location filename="../../gui/undo.py" line="94"/>
        <source>Rename {old} to {new}</source>
        <translation>{old} in {new} umbenennen</translation>
    </message>
    <message>
        <location filename="../../gui/undo.py" line="131"/>
        <source>Change keystore password</source>
        <translation>Passwort des Schlüsselspeichers ändern</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <location filename="../../gui/workers.py" line="34"/>
        <source>Something unexpected went wrong in keymon; the details can help to report it.</source>
        <translation>In keymon ist ein unerwarteter Fehler aufgetreten; die Details helfen beim Melden des Fehlers.</translation>
    </message>
    <message>
        <location filename="../../gui/workers.py" line="37"/>
        <source>The file is damaged or unsupported: the cryptography library refused its contents.</source>
        <translation>Die Datei ist beschädigt oder wird nicht unterstützt: Die Kryptografiebibliothek hat ihren Inhalt abgelehnt.</translation>
    </message>
</context>
<context>
    <name>_EntriesDialog</name>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="93"/>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="98"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="99"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="100"/>
        <source>Subject</source>
        <translation>Antragsteller</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_entries_dialog.py" line="101"/>
        <source>Valid Until</source>
        <translation>Gültig bis</translation>
    </message>
</context>
</TS>
