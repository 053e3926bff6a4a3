<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AttendanceView</name>
    <message>
        <location filename="../../../workstation/ui/views/attendance_view.py" line="12" />
        <source>考勤</source>
        <translation>Attendance</translation>
    </message>
</context>
</TS>