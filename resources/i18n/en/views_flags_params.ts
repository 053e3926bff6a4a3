<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RuleParamsDialog</name>
    <message>
        <location filename="../../../workstation/ui/views/flags_params.py" line="21" />
        <source>规则参数</source>
        <translation>Rule parameters</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_params.py" line="34" />
        <source>金额以元为单位；比例为 0 到 1 之间的小数；修改将记入审计日志，重新运行规则后生效。</source>
        <translation>Amounts in yuan; the rate is a decimal between 0 and 1. Changes are recorded in the audit log and apply from the next screening run.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/flags_params.py" line="58" />
        <source>合同项目：{name}</source>
        <translation>Contract: {name}</translation>
    </message>
</context>
</TS>