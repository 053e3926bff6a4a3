<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RosterView</name>
    <message>
        <location filename="../../../workstation/ui/views/roster_view.py" line="46" />
        <source>人员</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/roster_view.py" line="49" />
        <source>合规检查</source>
        <translation>Compliance</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/roster_view.py" line="49" />
        <source>人员名单</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/roster_view.py" line="49" />
        <source>人员变更</source>
        <translation>Staff changes</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/roster_view.py" line="49" />
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/roster_view.py" line="50" />
        <source>合同配置</source>
        <translation>Contract profiles</translation>
    </message>
</context>
</TS>