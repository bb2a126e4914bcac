<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CertificateTabs</name>
    <message numerus="yes">
        <location filename="../../gui/views/entry_details.py" line="296"/>
        <source>Expired %n days ago</source>
        <translation>
            <numerusform>Expired %n day ago</numerusform>
            <numerusform>Expired %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message numerus="yes">
        <location filename="../../gui/models/columns.py" line="110"/>
        <source>%n days left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models/columns.py" line="113"/>
        <source>expired %n days ago</source>
        <translation>
            <numerusform>expired %n day ago</numerusform>
            <numerusform>expired %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryDetails</name>
    <message numerus="yes">
        <location filename="../../gui/views/entry_details.py" line="436"/>
        <source>Expired %n days ago</source>
        <translation>
            <numerusform>Expired %n day ago</numerusform>
            <numerusform>Expired %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/entry_details.py" line="440"/>
        <source>Expires soon: %n days left</source>
        <translation>
            <numerusform>Expires soon: %n day left</numerusform>
            <numerusform>Expires soon: %n days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/entry_details.py" line="442"/>
        <source>Valid: %n days left</source>
        <translation>
            <numerusform>Valid: %n day left</numerusform>
            <numerusform>Valid: %n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssuePage</name>
    <message numerus="yes">
        <location filename="../../gui/wizards/sign_csr_wizard.py" line="207"/>
        <source> days</source>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message numerus="yes">
        <location filename="../../gui/wizards/keypair_wizard.py" line="173"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeymonMainWindow</name>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="398"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplySourcePage</name>
    <message numerus="yes">
        <location filename="../../gui/wizards/ca_reply_wizard.py" line="112"/>
        <source>Read %n certificate(s) from {source}.</source>
        <translation>
            <numerusform>Read %n certificate from {source}.</numerusform>
            <numerusform>Read %n certificates from {source}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayText</name>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="50"/>
        <source>expired %n days ago</source>
        <translation>
            <numerusform>expired %n day ago</numerusform>
            <numerusform>expired %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="54"/>
        <source>expires in %n days</source>
        <translation>
            <numerusform>expires in %n day</numerusform>
            <numerusform>expires in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="74"/>
        <source>%n certificates expire within {days} days</source>
        <translation>
            <numerusform>%n certificate expires within {days} days</numerusform>
            <numerusform>%n certificates expire within {days} days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="77"/>
        <source>%n expired</source>
        <translation>
            <numerusform>%n expired</numerusform>
            <numerusform>%n expired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tray.py" line="81"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
</TS>
