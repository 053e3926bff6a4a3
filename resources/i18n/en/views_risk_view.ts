<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BehindDialog</name>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="431" />
        <source>标记背后的结算</source>
        <translation>Settlements behind the flag</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="432" />
        <source>{who} — {m}：{n} 条结算。这是供审核的线索，不是违规的认定。</source>
        <translation>{who} — {m}: {n} settlements. This is a lead for review, not a finding.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="437" />
        <source>结算ID</source>
        <translation>Settlement ID</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="437" />
        <source>结算时间</source>
        <translation>Settled at</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="437" />
        <source>医疗类别</source>
        <translation>Medical type</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="438" />
        <source>医疗费总额</source>
        <translation>Total fees</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="438" />
        <source>依据</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="449" />
        <source>查看结算</source>
        <translation>Open settlement</translation>
    </message>
</context>
<context>
    <name>RiskView</name>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="146" />
        <source>风险画像</source>
        <translation>Risk profiles</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="149" />
        <source>标记是供审核的线索，不是违规的认定。</source>
        <translation>A flag is a lead for review, not a finding.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="152" />
        <source>高</source>
        <translation>high</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="152" />
        <source>中</source>
        <translation>medium</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="152" />
        <source>低</source>
        <translation>low</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="152" />
        <source>无同组比较</source>
        <translation>no peers</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="158" />
        <source>机构</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="159" />
        <source>医生</source>
        <translation>Doctors</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="162" />
        <source>指定期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="163" />
        <source>计算画像</source>
        <translation>Compute profile</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="164" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="165" />
        <source>按风险等级抽样…</source>
        <translation>Sample by risk tier…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="166" />
        <source>琥珀色：百分位标记（≥ 第 80 百分位）；红色：稳健标记（超出 Q3 + 3×IQR）。</source>
        <translation>Amber: percentile flag (≥ 80th percentile); red: robust flag (beyond Q3 + 3×IQR).</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="167" />
        <source>同组分布</source>
        <translation>Peer distribution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="168" />
        <source>月度趋势</source>
        <translation>Monthly trend</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="169" />
        <source>Benford 检验</source>
        <translation>Benford test</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="170" />
        <source>所选对象的标记（双击查看背后的结算）：</source>
        <translation>Flags of the selection (double-click for the settlements behind):</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="171" />
        <source>查看结算</source>
        <translation>Settlements</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="173" />
        <source>尚未计算。默认期间为数据中最新结算所在的自然年。</source>
        <translation>Not computed yet. The default period is the calendar year of the latest settlement.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="187" />
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="203" />
        <source>数据或线索已改变：请重新计算画像（按风险等级抽样前也须重新计算）。</source>
        <translation>Data or flags changed: compute the profile again (also before sampling by risk tier).</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="212" />
        <source>{a} 至 {b}：{n} 个对象，高 {h}、中 {m}、低 {l}</source>
        <translation>{a} to {b}: {n} entities, {h} high, {m} medium, {l} low</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="215" />
        <source>；已保存为画像 {id}，可用于按风险等级抽样</source>
        <translation>; stored as profile {id} for sampling by risk tier</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="217" />
        <source>；尚未运行智能审核，线索类指标为空</source>
        <translation>; not screened yet, the lead measures are empty</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="232" />
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="232" />
        <source>对象</source>
        <translation>Entity</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="232" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="232" />
        <source>同组</source>
        <translation>Peer group</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="232" />
        <source>等级</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="232" />
        <source>稳健数</source>
        <translation>Robust</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="233" />
        <source>百分位数</source>
        <translation>Pctl.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="296" />
        <source>稳健标记</source>
        <translation>Robust flag</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="296" />
        <source>百分位标记</source>
        <translation>Percentile flag</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="233" />
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="271" />
        <source>稳健标记（超出四分位距围栏）。</source>
        <translation>Robust flag (beyond the IQR fence). </translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="274" />
        <source>百分位标记。</source>
        <translation>Percentile flag. </translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="295" />
        <source>{kind}：{name} = {v}（第 {p} 百分位）— 线索，不是认定</source>
        <translation>{kind}: {name} = {v} (percentile {p}) — a lead, not a finding</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="343" />
        <source>同组不足 5 个数值，不作比较</source>
        <translation>Fewer than 5 peer values: not compared</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="358" />
        <source>仅机构层级有月度趋势与 Benford 检验</source>
        <translation>Monthly trends and Benford are at institution level only</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="400" />
        <source>导出风险画像</source>
        <translation>Export risk profile</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/risk_view.py" line="418" />
        <source>已导出 {f}</source>
        <translation>Exported {f}</translation>
    </message>
</context>
</TS>