<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CredentialsDialog</name>
    <message>
        <location filename="../../../workstation/ui/credentials_dialog.py" line="24" />
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/credentials_dialog.py" line="25" />
        <source>再次输入口令</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/credentials_dialog.py" line="42" />
        <source>口令至少需要 8 个字符。</source>
        <translation>The passphrase needs at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/credentials_dialog.py" line="44" />
        <source>两次输入的口令不一致。</source>
        <translation>The passphrases differ.</translation>
    </message>
</context>
</TS>