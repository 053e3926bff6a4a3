<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DossiersView</name>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="12" />
        <source>卷宗</source>
        <translation>Dossiers</translation>
    </message>
</context>
</TS>