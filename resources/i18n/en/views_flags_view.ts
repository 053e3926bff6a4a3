<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>FlagsView</name>
    <message>
        <location filename="../../../workstation/ui/views/flags_view.py" line="12" />
        <source>智能审核</source>
        <translation>Screening</translation>
    </message>
</context>
</TS>