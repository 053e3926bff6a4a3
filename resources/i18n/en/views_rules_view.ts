<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RulesView</name>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="215" />
        <source>规则库</source>
        <translation>Rule library</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="218" />
        <source>搜索规则编号、名称、来源或编码</source>
        <translation>Search rule ID, name, source or code</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="219" />
        <source>新建知识点…</source>
        <translation>New point…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="220" />
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="221" />
        <source>启用/停用</source>
        <translation>Activate/deactivate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="222" />
        <source>精确率阈值…</source>
        <translation>Precision threshold…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="226" />
        <source>否定的标记</source>
        <translation>Rejected flags</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="226" />
        <source>确认的标记</source>
        <translation>Confirmed flags</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="227" />
        <source>待定的标记</source>
        <translation>Open flags</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="231" />
        <source>结算ID</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="231" />
        <source>明细流水号</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="231" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="231" />
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="233" />
        <source>规则编号</source>
        <translation>Rule ID</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="233" />
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="233" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="233" />
        <source>依据来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="233" />
        <source>生效日期</source>
        <translation>Effective</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="234" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="234" />
        <source>标记数</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="234" />
        <source>确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="234" />
        <source>否定</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="234" />
        <source>待定</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="234" />
        <source>精确率</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="264" />
        <source>全部模板</source>
        <translation>All templates</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="264" />
        <location filename="../../../workstation/ui/views/rules_view.py" line="274" />
        <source>固定规则</source>
        <translation>Fixed rules</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="267" />
        <source>全部来源批次</source>
        <translation>All source batches</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="268" />
        <source>启用与停用</source>
        <translation>Active and inactive</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="268" />
        <source>仅启用</source>
        <translation>Active only</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="268" />
        <source>仅停用</source>
        <translation>Inactive only</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="269" />
        <source>全部精确率</source>
        <translation>Any precision</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="269" />
        <source>低于阈值</source>
        <translation>Below the threshold</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="270" />
        <source>不低于阈值</source>
        <translation>At or above the threshold</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="270" />
        <source>尚无审核结果</source>
        <translation>No outcomes yet</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="305" />
        <source>已启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="305" />
        <source>已停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="322" />
        <source>共 {n} 条规则（固定 {fixed}，知识点 {points}），显示 {shown}；精确率低于 {t} 的 {low} 条以红底标出</source>
        <translation>{n} rules ({fixed} fixed, {points} points), {shown} shown; {low} below {t} precision in red</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="370" />
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="370" />
        <source>启用</source>
        <translation>Activate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="376" />
        <source>选择一条规则，查看其计数背后的标记</source>
        <translation>Select a rule to see the flags behind its counts</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="380" />
        <source>{rule} 的标记：确认 {c}，否定 {r}，待定 {o}</source>
        <translation>Flags of {rule}: confirmed {c}, rejected {r}, open {o}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="387" />
        <source>（结算级）</source>
        <translation>(settlement)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="414" />
        <source>精确率阈值</source>
        <translation>Precision threshold</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/rules_view.py" line="415" />
        <source>低于此精确率（0 至 1）的规则以红底标出：</source>
        <translation>Rules below this precision (0 to 1) are shown in red:</translation>
    </message>
</context>
</TS>