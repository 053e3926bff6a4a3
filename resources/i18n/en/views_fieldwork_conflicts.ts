<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ConflictsBox</name>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="50" />
        <source>合并冲突（两边都修改过的内容）</source>
        <translation>Merge conflicts (changed on both sides)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="51" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="51" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="51" />
        <source>标识</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="52" />
        <source>本机版本</source>
        <translation>This store's version</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="52" />
        <source>外勤版本</source>
        <translation>Field version</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="53" />
        <source>保留本机版本</source>
        <translation>Keep this store's version</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="54" />
        <source>采用外勤版本</source>
        <translation>Take the field version</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="73" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="73" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="73" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="74" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="74" />
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="74" />
        <source>费用明细</source>
        <translation>Fee lines</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="75" />
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="75" />
        <source>结论人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="75" />
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="93" />
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="100" />
        <source>发现</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_conflicts.py" line="100" />
        <source>审核单元</source>
        <translation>Review unit</translation>
    </message>
</context>
</TS>