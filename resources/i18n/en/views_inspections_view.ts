<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>InspectionsView</name>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="108" />
        <source>现场检查</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="111" />
        <source>新建检查…</source>
        <translation>New inspection…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="112" />
        <source>新建现场检查笔录</source>
        <translation>New site record</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="112" />
        <source>新建询问笔录</source>
        <translation>New interview transcript</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="113" />
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="113" />
        <source>签名并封存…</source>
        <translation>Sign and seal…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="114" />
        <source>新建更正笔录</source>
        <translation>New correction</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="114" />
        <source>添加照片/扫描件…</source>
        <translation>Add photo/scan…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="115" />
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="117" />
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="117" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="117" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="118" />
        <source>封存哈希</source>
        <translation>Seal hash</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="119" />
        <source>附件（照片、扫描件、签名）</source>
        <translation>Attachments (photos, scans, signatures)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="173" />
        <source>还没有现场检查。点击“新建检查…”开始。</source>
        <translation>No inspections yet. Click "New inspection…" to start.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="178" />
        <source>{inst}（{code}）　{date}　{kind}　检查组：{team}　核查线索：{leads}</source>
        <translation>{inst} ({code})   {date}   {kind}   Team: {team}   Leads: {leads}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="185" />
        <source>已封存</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="185" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="187" />
        <source>（已更正）</source>
        <translation> (corrected)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="189" />
        <source>（更正 #{n}）</source>
        <translation> (corrects #{n})</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="202" />
        <source>照片/扫描件</source>
        <translation>Photo/scan</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="202" />
        <source>签名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="203" />
        <source>签字笔录照片</source>
        <translation>Signed paper photo</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="235" />
        <source>已新建检查</source>
        <translation>Inspection created</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="261" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="275" />
        <source>已签名封存</source>
        <translation>Signed and sealed</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="283" />
        <source>已添加附件</source>
        <translation>Attachment added</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="290" />
        <source>已导出：{f}</source>
        <translation>Exported: {f}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="306" />
        <source>添加照片或扫描件</source>
        <translation>Add a photo or scan</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="307" />
        <source>图片或 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)</source>
        <translation>Images or PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/inspections_view.py" line="315" />
        <source>导出笔录 PDF</source>
        <translation>Export records as PDF</translation>
    </message>
</context>
</TS>