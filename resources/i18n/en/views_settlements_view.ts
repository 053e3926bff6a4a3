<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SettlementsView</name>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="12" />
        <source>结算数据</source>
        <translation>Settlements</translation>
    </message>
</context>
</TS>