<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="117" />
        <source>审核队列</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="122" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="122" />
        <source>结算ID</source>
        <translation>Settlement ID</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="122" />
        <source>机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="122" />
        <source>结算日期</source>
        <translation>Settled on</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="123" />
        <source>总额（元）</source>
        <translation>Total (yuan)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="123" />
        <location filename="../../../workstation/ui/views/queue_view.py" line="124" />
        <source>疑点</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="123" />
        <source>发现</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="123" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="124" />
        <source>抽样</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="128" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="133" />
        <source>结算ID / 机构</source>
        <translation>Settlement ID / institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="134" />
        <source>显示所有审核员的单元</source>
        <translation>Show every reviewer's units</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="135" />
        <source>我的队列</source>
        <translation>My queue</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="136" />
        <source>申诉</source>
        <translation>Appeals</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="137" />
        <source>复核</source>
        <translation>Second review</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="142" />
        <source>J 或 Ctrl+↓：下一个单元；K 或 Ctrl+↑：上一个单元</source>
        <translation>J or Ctrl+Down: next unit; K or Ctrl+Up: previous unit</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="143" />
        <source>N：跳到下一个待审单元</source>
        <translation>N: jump to the next pending unit</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="144" />
        <source>Enter：进入记录（费用明细）；Esc：回到队列</source>
        <translation>Enter: into the record (fee lines); Esc: back to the queue</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="145" />
        <source>F 或 Ctrl+N：用所选明细新建发现；Shift+F：整单发现</source>
        <translation>F or Ctrl+N: new finding from the selected lines; Shift+F: whole-settlement finding</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="146" />
        <source>Ctrl+Shift+C：判为合规；Ctrl+Shift+V：违规；Ctrl+Shift+D：存疑</source>
        <translation>Ctrl+Shift+C: compliant; Ctrl+Shift+V: violation; Ctrl+Shift+D: doubtful</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="147" />
        <source>Ctrl+Enter：提交单元（提交后不能再修改或撤销）</source>
        <translation>Ctrl+Enter: submit the unit (no more changes or undo afterwards)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="148" />
        <source>Ctrl+Z：撤销上一步（提交前）</source>
        <translation>Ctrl+Z: undo the last step (before submitting)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="149" />
        <source>Ctrl+E：为当前发现添加证据文件（也可拖入）；Ctrl+Shift+A：对存疑发现发起申诉</source>
        <translation>Ctrl+E: attach evidence to the current finding (or drop files); Ctrl+Shift+A: send a doubtful finding for appeal</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="150" />
        <source>Delete（在发现列表中）：删除发现</source>
        <translation>Delete (in the findings list): delete the finding</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/queue_view.py" line="246" />
        <source>已审 {n} / {total}</source>
        <translation>Reviewed {n} / {total}</translation>
    </message>
</context>
</TS>