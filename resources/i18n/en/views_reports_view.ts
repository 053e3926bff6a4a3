<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="85" />
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="88" />
        <source>月度报告</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="88" />
        <source>季度报告</source>
        <translation>Quarterly report</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="88" />
        <source>半年度报告</source>
        <translation>Half-yearly report</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="89" />
        <source>年度报告</source>
        <translation>Annual report</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="92" />
        <source>合同报表</source>
        <translation>Contract reports</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="93" />
        <source>合同</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="93" />
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="93" />
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="93" />
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="96" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="97" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="99" />
        <source>期间写法：月 2025-03，季度 2025Q1，半年 2025H1，年 2025。DOCX 按合同的报告模板生成，管理员可替换模板；PDF 含图表与页码。</source>
        <translation>Periods: month 2025-03, quarter 2025Q1, half year 2025H1, year 2025. DOCX follows the contract's report template, which an administrator can replace; the PDF has charts and page numbers.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="151" />
        <source>正在生成预览…</source>
        <translation>Rendering the preview…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="163" />
        <source>共 {n} 页（预览第 1 页）</source>
        <translation>{n} pages (showing page 1)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="169" />
        <source>导出报告</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/reports_view.py" line="179" />
        <source>已导出 {file}</source>
        <translation>Wrote {file}</translation>
    </message>
</context>
</TS>