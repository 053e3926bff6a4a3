<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="24" />
        <source>记录机构答复</source>
        <translation>Record the institution's answer</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="37" />
        <source>结算 / 发现</source>
        <translation>Settlement / finding</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="38" />
        <source>答复期限</source>
        <translation>Answer due by</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="39" />
        <source>答复日期</source>
        <translation>Answered on</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="40" />
        <source>答复内容</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="41" />
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="42" />
        <source>调整后金额（元）</source>
        <translation>Adjusted amount (yuan)</translation>
    </message>
</context>
<context>
    <name>AppealsPanel</name>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="92" />
        <source>只看待答复</source>
        <translation>Open appeals only</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="93" />
        <source>记录答复…</source>
        <translation>Record answer…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="94" />
        <source>打开审核单元</source>
        <translation>Open review unit</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="96" />
        <source>结算ID</source>
        <translation>Settlement ID</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="96" />
        <source>机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="96" />
        <source>违规类别</source>
        <translation>Violation category</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="96" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="96" />
        <source>发出日期</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="97" />
        <source>期限（工作日）</source>
        <translation>Period (working days)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="97" />
        <source>答复截止</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="97" />
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="97" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/appeals_panel.py" line="121" />
        <source>待答复 {n} 件；逾期未答复的申诉打开本页时自动视为认可</source>
        <translation>{n} awaiting an answer; appeals past their deadline without an answer are settled as accepted when this page opens</translation>
    </message>
</context>
</TS>