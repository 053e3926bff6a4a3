<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CompileDialog</name>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="18" />
        <source>编制卷宗</source>
        <translation>Compile dossier</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="21" />
        <source>（不限机构）</source>
        <translation>(any institution)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="28" />
        <source>限定期间</source>
        <translation>Limit to period</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="40" />
        <source>（不限样本）</source>
        <translation>(any sample)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="48" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="51" />
        <source>定点医药机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="52" />
        <source>稽核期间</source>
        <translation>Audit period</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="53" />
        <source>样本</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="55" />
        <source>编制</source>
        <translation>Compile</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="56" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="77" />
        <source>请选择机构或样本。</source>
        <translation>Choose an institution or a sample.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="80" />
        <source>起始日期晚于截止日期。</source>
        <translation>The period starts after it ends.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="91" />
        <source>数字签名</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="92" />
        <source>请输入您的登录口令以解锁签名私钥。</source>
        <translation>Enter your login passphrase to unlock your signing key.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="98" />
        <source>签名</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="99" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="118" />
        <source>退回卷宗</source>
        <translation>Return dossier</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="121" />
        <source>退回意见（必填）</source>
        <translation>Comments (required)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="125" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="126" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="130" />
        <source>卷宗将退回编制人，状态变为草稿。</source>
        <translation>The dossier goes back to its preparer as a draft.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossier_dialogs.py" line="141" />
        <source>请填写退回意见。</source>
        <translation>Please write your comments.</translation>
    </message>
</context>
</TS>