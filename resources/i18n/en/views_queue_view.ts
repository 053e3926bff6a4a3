<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="12" />
        <source>审核队列</source>
        <translation>Review queue</translation>
    </message>
</context>
</TS>