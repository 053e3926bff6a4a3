<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DossiersView</name>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="128" />
        <source>卷宗</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="131" />
        <source>编制卷宗…</source>
        <translation>Compile dossier…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="132" />
        <source>按最新数据重新编制</source>
        <translation>Recompile from current data</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="133" />
        <source>提交并签名…</source>
        <translation>Sign and submit…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="134" />
        <source>审批并签名…</source>
        <translation>Sign and approve…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="135" />
        <source>退回…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="136" />
        <source>更正（新版本）</source>
        <translation>Correct (new revision)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="137" />
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="138" />
        <source>导出项目 CA 证书…</source>
        <translation>Export project CA certificate…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="139" />
        <source>卷宗编号</source>
        <translation>Dossier no.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="139" />
        <source>版本</source>
        <translation>Rev.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="139" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="139" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="140" />
        <source>编制人</source>
        <translation>Preparer</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="140" />
        <source>审批人</source>
        <translation>Approver</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="140" />
        <source>发现数</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="141" />
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="190" />
        <source>尚无卷宗。点击“编制卷宗…”从已审核的单元编制。</source>
        <translation>No dossiers yet. Click “Compile dossier…” to compile one from the reviewed units.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="196" />
        <source>{n} 第 {r} 版 · {s}</source>
        <translation>{n} revision {r} · {s}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="198" />
        <source>提交：{at}</source>
        <translation>Submitted: {at}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="200" />
        <source>审批：{who} {at}</source>
        <translation>Approved: {who} {at}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="202" />
        <source>更正并取代卷宗 #{id}</source>
        <translation>Corrects and supersedes dossier #{id}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="204" />
        <source>退回意见（{by}，{at}）：{text}</source>
        <translation>Returned ({by}, {at}): {text}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="248" />
        <source>第 {x} 页 共 {y} 页</source>
        <translation>Page {x} of {y}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="303" />
        <source>卷宗草稿已编制。</source>
        <translation>Draft dossier compiled.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="313" />
        <source>草稿已按最新数据重新编制。</source>
        <translation>Draft recompiled from the current data.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="321" />
        <source>提交卷宗 {n}：您将以编制人身份签名。</source>
        <translation>Submit dossier {n}: you sign as its preparer.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="322" />
        <source>审批卷宗 {n}：您将以审批人身份签名，签名后卷宗锁定。</source>
        <translation>Approve dossier {n}: you sign as approver; the dossier is then locked.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="330" />
        <source>已签名提交。</source>
        <translation>Signed and submitted.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="333" />
        <source>已审批签名并锁定。</source>
        <translation>Approved, signed and locked.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="346" />
        <source>已退回编制人。</source>
        <translation>Returned to the preparer.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="353" />
        <source>更正卷宗</source>
        <translation>Correct dossier</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="354" />
        <source>将为卷宗 {n} 开启第 {r} 版更正草稿，原版本标记为已取代（其签名 PDF 保留不变）。继续吗？</source>
        <translation>Open revision {r} of dossier {n} as a correction draft? The current revision is marked superseded (its signed PDF stays unchanged).</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="361" />
        <source>已开启更正版本。</source>
        <translation>Correction revision opened.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="370" />
        <source>已导出：{f}</source>
        <translation>Exported: {f}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="376" />
        <source>已导出项目 CA 证书：{f}（SHA-256 指纹 {fp}）</source>
        <translation>Exported the project CA certificate: {f} (SHA-256 fingerprint {fp})</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="383" />
        <source>导出卷宗 PDF</source>
        <translation>Export dossier PDF</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="389" />
        <source>导出项目 CA 证书</source>
        <translation>Export project CA certificate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/dossiers_view.py" line="390" />
        <source>证书</source>
        <translation>Certificates</translation>
    </message>
</context>
</TS>