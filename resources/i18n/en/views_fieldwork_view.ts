<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>FieldworkView</name>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="143" />
        <source>数据与外勤</source>
        <translation>Data and field work</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="146" />
        <source>外勤工作包</source>
        <translation>Work packages for field work</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="147" />
        <source>接收人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="148" />
        <source>样本</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="149" />
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="150" />
        <source>导出工作包…</source>
        <translation>Export work package…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="151" />
        <source>导入工作包…</source>
        <translation>Import work package…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="152" />
        <source>导出审核结果…</source>
        <translation>Export results…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="153" />
        <source>合并审核结果…</source>
        <translation>Merge results…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="155" />
        <source>工作包只含分配给接收人的审核单元及其结算、费用明细、疑点、目录、规则与合同配置，以口令加密并防篡改；外勤电脑导入后审核，再导出结果包交回组长合并。</source>
        <translation>A work package holds only the recipient's review units with their settlements, fee lines, flags, the catalog, rules and contract profile, encrypted to a passphrase and tamper-evident. The laptop imports it, the reviewer works, and a results package goes back to the supervisor to merge.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="157" />
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="158" />
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="159" />
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="160" />
        <source>项目结束</source>
        <translation>Project end</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="162" />
        <source>合同要求项目结束时删除检查中获取的全部数据。删除后生成删除证明 PDF（仅管理员）。</source>
        <translation>The contract requires deleting all inspection data when the project ends. A deletion certificate PDF is written afterwards (administrators only).</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="163" />
        <source>删除全部数据…</source>
        <translation>Delete all data…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="201" />
        <source>{user}（{n} 个单元）</source>
        <translation>{user} ({n} units)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="203" />
        <source>（全部分配的单元）</source>
        <translation>(all assigned units)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="221" />
        <source>上次备份：从未备份</source>
        <translation>Last backup: never</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="225" />
        <source>上次备份：{when}（{days} 天前）</source>
        <translation>Last backup: {when} ({days} days ago)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="247" />
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="257" />
        <source>已导出工作包：{n} 个审核单元，{f} 条发现 → {file}</source>
        <translation>Work package exported: {n} review units, {f} findings → {file}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="268" />
        <source>该工作包已导入过，未做任何更改。</source>
        <translation>This package was imported before; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="269" />
        <source>已导入工作包：{n} 个审核单元，{f} 条发现。</source>
        <translation>Work package imported: {n} review units, {f} findings.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="275" />
        <source>已导出审核结果：{n} 个审核单元，{f} 条发现 → {file}</source>
        <translation>Results exported: {n} review units, {f} findings → {file}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="285" />
        <source>该结果包已合并过，未做任何更改。</source>
        <translation>This results package was merged before; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="286" />
        <source>已合并：{u} 个审核单元、{f} 条发现有更新，{c} 处冲突待处理，{e} 条事件。</source>
        <translation>Merged: {u} review units and {f} findings updated, {c} conflicts to resolve, {e} events.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="295" />
        <source>冲突 {id} 已处理。</source>
        <translation>Conflict {id} resolved.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="306" />
        <source>没有已分配审核单元的用户。</source>
        <translation>No user has review units assigned.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="309" />
        <source>导出工作包</source>
        <translation>Export work package</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="309" />
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="328" />
        <source>工作包 (*.wspkg)</source>
        <translation>Packages (*.wspkg)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="314" />
        <source>设置工作包口令</source>
        <translation>Set the package passphrase</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="318" />
        <source>工作包 (*.wspkg);;所有文件 (*)</source>
        <translation>Packages (*.wspkg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="322" />
        <source>导入工作包</source>
        <translation>Import work package</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="324" />
        <source>工作包口令</source>
        <translation>Package passphrase</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="328" />
        <source>导出审核结果</source>
        <translation>Export results</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="330" />
        <source>设置结果包口令</source>
        <translation>Set the results package passphrase</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="333" />
        <source>合并审核结果</source>
        <translation>Merge results</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="335" />
        <source>结果包口令</source>
        <translation>Results package passphrase</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="341" />
        <source>已备份到 {file}</source>
        <translation>Backed up to {file}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="347" />
        <source>已恢复到新数据库 {db}，事件日志校验通过（{n} 条事件）。</source>
        <translation>Restored into the new store {db}; its event log verifies ({n} events).</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="351" />
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="351" />
        <source>备份 (*.wsbak)</source>
        <translation>Backups (*.wsbak)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="354" />
        <source>恢复为新的数据库</source>
        <translation>Restore as a new store</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="354" />
        <source>数据库 (*.db)</source>
        <translation>Stores (*.db)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="357" />
        <source>用您的口令校验恢复结果</source>
        <translation>Verify the restored store with your passphrase</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="377" />
        <source>已删除 {n} 个文件，删除证明：{c}</source>
        <translation>Deleted {n} files; certificate: {c}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="379" />
        <source>数据已删除</source>
        <translation>Data deleted</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_view.py" line="380" />
        <source>数据库及其全部文件已删除，删除证明已保存到：
{c}

程序将关闭。</source>
        <translation>The store and all its files were deleted; the certificate was saved to:
{c}

The program will close.</translation>
    </message>
</context>
</TS>