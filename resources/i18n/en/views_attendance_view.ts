<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AttendanceView</name>
    <message>
        <location filename="../../../workstation/ui/views/attendance_view.py" line="205" />
        <source>考勤</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/attendance_view.py" line="209" />
        <source>月份：</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/attendance_view.py" line="216" />
        <source>填充所选区域</source>
        <translation>Fill the selection</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/attendance_view.py" line="217" />
        <source>清除所选</source>
        <translation>Clear the selection</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/attendance_view.py" line="218" />
        <source>按日历补齐空白</source>
        <translation>Fill blanks from the calendar</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/attendance_view.py" line="219" />
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/attendance_view.py" line="220" />
        <source>导出 XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/attendance_view.py" line="222" />
        <source>键盘录入：选中单元格后按</source>
        <translation>Keyboard: select cells and press</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/attendance_view.py" line="223" />
        <source>Delete 清除。灰色：周末；红色：节假日（节）；黄色：调休上班（班）；—：不在岗。</source>
        <translation>Delete clears. Grey: weekend; red: public holiday (H); yellow: make-up working day (M); —: not on the team.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/attendance_view.py" line="252" />
        <source>本月在岗人员 {n} 人</source>
        <translation>{n} people on the team this month</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/attendance_view.py" line="284" />
        <source>导出考勤表</source>
        <translation>Export the attendance sheet</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/attendance_view.py" line="291" />
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
</context>
</TS>