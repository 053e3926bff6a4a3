<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SecondReviewPanel</name>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="70" />
        <source>审核员</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="70" />
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="70" />
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="76" />
        <source>抽查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="70" />
        <source>随机种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="72" />
        <source>抽取复核样本</source>
        <translation>Draw second-review sample</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="73" />
        <source>同意原结论</source>
        <translation>Agree with decision</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="74" />
        <source>不同意…</source>
        <translation>Disagree…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="75" />
        <source>结算ID</source>
        <translation>Settlement ID</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="75" />
        <source>原审核员</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="75" />
        <source>原结论</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="76" />
        <source>复核结论</source>
        <translation>Second review</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="76" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="93" />
        <source>本季度合格率：{a} / {d} = {p}</source>
        <translation>Pass rate this quarter: {a} / {d} = {p}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="104" />
        <source>同意</source>
        <translation>Agree</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="104" />
        <source>不同意</source>
        <translation>Disagree</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="128" />
        <source>不同意原结论</source>
        <translation>Disagree with the decision</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/second_review_panel.py" line="128" />
        <source>理由：</source>
        <translation>Reason:</translation>
    </message>
</context>
</TS>