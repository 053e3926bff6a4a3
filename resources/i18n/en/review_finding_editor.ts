<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>FindingEditor</name>
    <message>
        <location filename="../../../workstation/ui/review/finding_editor.py" line="91" />
        <source>违规类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/finding_editor.py" line="91" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/finding_editor.py" line="91" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/finding_editor.py" line="92" />
        <source>调整理由</source>
        <translation>Reason for amount</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/finding_editor.py" line="92" />
        <source>政策依据</source>
        <translation>Policy basis</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/finding_editor.py" line="92" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/finding_editor.py" line="94" />
        <source>如：《医疗保障基金使用监督管理条例》第十五条</source>
        <translation>e.g. Art. 15 of the Regulation on the Supervision of Medical Security Funds</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/finding_editor.py" line="95" />
        <source>金额与明细合计不同时必填</source>
        <translation>Required when the amount differs from the lines' sum</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/finding_editor.py" line="137" />
        <source>明细合计 {amt} 元（{n} 条）</source>
        <translation>Lines total {amt} yuan ({n} lines)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/finding_editor.py" line="138" />
        <source>整张结算（未选明细）</source>
        <translation>Whole settlement (no lines chosen)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/finding_editor.py" line="170" />
        <source>金额格式不对：最多两位小数</source>
        <translation>Bad amount: at most two decimals</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/finding_editor.py" line="173" />
        <source>金额不能为负</source>
        <translation>The amount cannot be negative</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/finding_editor.py" line="177" />
        <source>金额与明细合计不同，请填写调整理由后才会保存</source>
        <translation>The amount differs from the lines' sum: it is saved once a reason is given</translation>
    </message>
</context>
</TS>