<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SamplingView</name>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="12" />
        <source>抽样</source>
        <translation>Sampling</translation>
    </message>
</context>
</TS>