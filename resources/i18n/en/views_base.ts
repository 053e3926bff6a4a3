<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PendingView</name>
    <message>
        <location filename="../../../workstation/ui/views/base.py" line="51" />
        <source>此功能尚未完成。</source>
        <translation>This capability is not built yet.</translation>
    </message>
</context>
</TS>