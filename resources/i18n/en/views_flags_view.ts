<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>FlagsView</name>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="243" />
        <source>智能审核</source>
        <translation>Screening</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="246" />
        <source>（结算级）</source>
        <translation>(settlement)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="249" />
        <source>运行全部规则</source>
        <translation>Run all rules</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="250" />
        <source>只运行所选规则</source>
        <translation>Run the selected rule</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="251" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="252" />
        <source>规则参数…</source>
        <translation>Rule parameters…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="253" />
        <source>查看结算</source>
        <translation>Show settlement</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="254" />
        <source>转入人工审核</source>
        <translation>Open in review</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="255" />
        <source>机构风险画像</source>
        <translation>Institution risk profile</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="256" />
        <source>按规则</source>
        <translation>By rule</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="257" />
        <source>按机构</source>
        <translation>By institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="258" />
        <location filename="../../../workstation/ui/views/flags_view.py" line="262" />
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="258" />
        <location filename="../../../workstation/ui/views/flags_view.py" line="260" />
        <source>标记数</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="258" />
        <location filename="../../../workstation/ui/views/flags_view.py" line="260" />
        <source>结算数</source>
        <translation>Settlements</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="259" />
        <location filename="../../../workstation/ui/views/flags_view.py" line="261" />
        <source>涉及金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="259" />
        <source>精确率</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="260" />
        <location filename="../../../workstation/ui/views/flags_view.py" line="262" />
        <source>定点机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="262" />
        <source>结算ID</source>
        <translation>Settlement ID</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="262" />
        <source>明细流水号</source>
        <translation>Line no.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="263" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="263" />
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="295" />
        <source>尚未运行智能审核。</source>
        <translation>Screening has not been run yet.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="298" />
        <source>上次运行：{at}（{user}）；共 {n} 条标记，涉及金额 {amount} 元（每条明细只计一次）</source>
        <translation>Last run: {at} ({user}); {n} flags, amount at risk {amount} (each line counted once)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="329" />
        <source>全部规则</source>
        <translation>All rules</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="330" />
        <source>全部机构</source>
        <translation>All institutions</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="331" />
        <source>全部机构 · {rule}</source>
        <translation>All institutions · {rule}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="344" />
        <source>确认 {c}，否定 {r}，待定 {o}</source>
        <translation>confirmed {c}, rejected {r}, open {o}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="397" />
        <source>标记 {shown} / {total} 条</source>
        <translation>Flags {shown} / {total}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="439" />
        <source>结算 {setl_id}</source>
        <translation>Settlement {setl_id}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="486" />
        <source>正在运行：{rule}</source>
        <translation>Running: {rule}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="498" />
        <source>已取消；原有标记保持不变。</source>
        <translation>Cancelled; the previous flags are unchanged.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="500" />
        <source>运行失败。</source>
        <translation>The run failed.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="510" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="519" />
        <source>正在运行智能审核…</source>
        <translation>Running the screening rules…</translation>
    </message>
</context>
</TS>