<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RosterView</name>
    <message>
        <location filename="../../../workstation/ui/views/roster_view.py" line="12" />
        <source>人员</source>
        <translation>Roster</translation>
    </message>
</context>
</TS>