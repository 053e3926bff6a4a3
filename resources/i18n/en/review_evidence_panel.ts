<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="110" />
        <source>证据（可拖入文件）</source>
        <translation>Evidence (drop files here)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="111" />
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="112" />
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="113" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="114" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="115" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="142" />
        <source>选择证据文件</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="143" />
        <source>证据文件</source>
        <translation>Evidence files</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="143" />
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="177" />
        <source>导出证据文件</source>
        <translation>Export evidence file</translation>
    </message>
</context>
<context>
    <name>EvidencePreview</name>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="197" />
        <source>证据预览：{name}</source>
        <translation>Evidence preview: {name}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="198" />
        <source>{name} · {mime} · {size} · SHA-256 {sha}</source>
        <translation>{name} · {mime} · {size} · SHA-256 {sha}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="213" />
        <source>页（共 {n} 页）</source>
        <translation>page (of {n})</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/review/evidence_panel.py" line="232" />
        <source>此类型文件无法在应用内预览，可导出后用其他程序查看。</source>
        <translation>This type of file cannot be previewed in the application; export it to view it with another program.</translation>
    </message>
</context>
</TS>