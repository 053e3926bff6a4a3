<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="161" />
        <source>合规</source>
        <translation>Compliant</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="162" />
        <source>违规</source>
        <translation>Violation</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="163" />
        <source>存疑</source>
        <translation>Doubtful</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="164" />
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="164" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="165" />
        <source>整单发现</source>
        <translation>Whole settlement</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="165" />
        <source>新发现</source>
        <translation>New finding</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="168" />
        <source>用所选费用明细新建发现（F）</source>
        <translation>New finding from the selected fee lines (F)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="169" />
        <source>发起申诉…</source>
        <translation>Appeal…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="170" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="171" />
        <source>发现</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="219" />
        <source>在左侧队列中选择一个审核单元</source>
        <translation>Choose a review unit in the queue on the left</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="223" />
        <source>（已提交）</source>
        <translation> (submitted)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="224" />
        <source>&lt;span style='color:#b35c00'&gt;也在处理此单元：{names}&lt;/span&gt;</source>
        <translation>&lt;span style='color:#b35c00'&gt;Also working on this unit: {names}&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="226" />
        <source>结算 &lt;b&gt;{setl}&lt;/b&gt;　状态 &lt;b style='color:{c}'&gt;{st}&lt;/b&gt;{extra}</source>
        <translation>Settlement &lt;b&gt;{setl}&lt;/b&gt;  status &lt;b style='color:{c}'&gt;{st}&lt;/b&gt;{extra}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="250" />
        <source>{n}. {cat} · {amt} 元 · {st}</source>
        <translation>{n}. {cat} · {amt} yuan · {st}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="253" />
        <source>明细 {lines}</source>
        <translation>lines {lines}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="253" />
        <source>整张结算</source>
        <translation>whole settlement</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="255" />
        <source> · 证据 {n} 个</source>
        <translation> · {n} evidence files</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="334" />
        <source>先在明细表中选择费用明细（整单发现请按 Shift+F）</source>
        <translation>Select fee lines in the table first (Shift+F for a whole-settlement finding)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="400" />
        <source>发起申诉</source>
        <translation>Send for appeal</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/record_view.py" line="400" />
        <source>机构答复期限（工作日）：</source>
        <translation>Answer period for the institution (working days):</translation>
    </message>
</context>
</TS>