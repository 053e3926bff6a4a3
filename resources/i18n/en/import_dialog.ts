<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="144" />
        <source>导入数据</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="145" />
        <source>选择或拖入结算信息、费用明细、医保目录或人员名册文件（CSV 或 XLSX）。文件类型由表头自动识别；每个文件要么全部导入，要么不导入。</source>
        <translation>Choose or drop settlement, fee line, catalog or staff roster files (CSV or XLSX). The kind of file is told by its headers; each file is imported whole or not at all.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="147" />
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="148" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="149" />
        <source>只导入合格的行（不合格的行列入报告）</source>
        <translation>Import the valid rows only (rejected rows go into a report)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="150" />
        <source>开始导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="151" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="152" />
        <source>导出不合格行报告…</source>
        <translation>Export rejection report…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="153" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="154" />
        <source>不合格的行</source>
        <translation>Rejected rows</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="155" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="155" />
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="155" />
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="155" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="172" />
        <source>选择要导入的文件</source>
        <translation>Choose files to import</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="173" />
        <source>数据文件</source>
        <translation>Data files</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="196" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="208" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="220" />
        <source>{done} 行，{rate} 行/秒</source>
        <translation>{done} rows, {rate} rows/s</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="242" />
        <source>{file}：{kind}，{rows} 行，新增 {inserted}，更新 {updated}，未变 {unchanged}，不合格 {rejected}</source>
        <translation>{file}: {kind}, {rows} rows, {inserted} inserted, {updated} updated, {unchanged} unchanged, {rejected} rejected</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="247" />
        <source>（与已导入的数据相同，未作任何更改）</source>
        <translation> (same as the data already imported; nothing was changed)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="256" />
        <source>导入已取消，未导入任何数据。</source>
        <translation>Import cancelled; nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="263" />
        <source>有 {n} 行不合格，未导入任何数据。可以改正文件后重新导入，或勾选“只导入合格的行”。</source>
        <translation>{n} rows are not valid; nothing was imported. Correct the file and import it again, or tick "Import the valid rows only".</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="268" />
        <source>导入失败，未导入任何数据。</source>
        <translation>The import failed; nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="274" />
        <source>导出不合格行报告</source>
        <translation>Export rejection report</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="281" />
        <source>报告已保存：</source>
        <translation>Report saved: </translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/import_dialog.py" line="286" />
        <source>正在导入，要取消吗？</source>
        <translation>An import is running. Cancel it?</translation>
    </message>
</context>
</TS>