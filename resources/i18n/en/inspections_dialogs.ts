<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="20" />
        <source>新建现场检查</source>
        <translation>New on-site inspection</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="36" />
        <source>结算ID，以逗号分隔</source>
        <translation>settlement ids, comma separated</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="38" />
        <source>机构编号</source>
        <translation>Institution code</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="39" />
        <source>机构名称（空则按编号查找）</source>
        <translation>Institution name (empty: looked up by code)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="40" />
        <source>检查日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="41" />
        <source>检查类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="42" />
        <source>检查组成员（用户名，逗号分隔）</source>
        <translation>Team (user names, comma separated)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="43" />
        <source>核查线索</source>
        <translation>Leads to verify</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="65" />
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="96" />
        <source>签名并封存</source>
        <translation>Sign and seal</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="72" />
        <source>（可选）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="75" />
        <source>请在此处签名</source>
        <translation>Sign here</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="76" />
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="82" />
        <source>改用签字纸质笔录的照片</source>
        <translation>Use a photo of the paper signed by hand instead</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="84" />
        <source>选择照片…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="92" />
        <source>封存后笔录不能再修改；如需更正，请新建更正笔录。</source>
        <translation>Once sealed the record cannot be changed; to correct it, make a correction record.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="107" />
        <source>签字纸质笔录的照片</source>
        <translation>Photo of the signed paper</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/dialogs.py" line="108" />
        <source>图片或 PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Images or PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
</context>
</TS>