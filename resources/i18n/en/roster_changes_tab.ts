<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ChangeDialog</name>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="32" />
        <source>人员变更申请</source>
        <translation>Staff change request</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="35" />
        <source>（无人离岗）</source>
        <translation>(nobody leaves)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="58" />
        <source>离岗人员</source>
        <translation>Leaving</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="59" />
        <source>接替/新增人员（可空）</source>
        <translation>Joining (optional)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="61" />
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="62" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="63" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="64" />
        <source>专业类别</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="65" />
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="66" />
        <source>学历</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="68" />
        <source>更换原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="69" />
        <source>书面通知甲方日期</source>
        <translation>Party A notified in writing on</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="70" />
        <source>计划生效日期</source>
        <translation>Planned effective date</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="72" />
        <source>提交申请</source>
        <translation>Submit request</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="73" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChangesTab</name>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="135" />
        <source>新建变更申请…</source>
        <translation>New change request…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="136" />
        <source>审批通过…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="137" />
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="138" />
        <source>执行变更</source>
        <translation>Make effective</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="139" />
        <source>生效日期：</source>
        <translation>Effective date:</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="140" />
        <source>按合同约定，更换人员须提前 15 日书面通知甲方并经同意：变更须由主管记录审批（可填甲方同意文号），且生效日期不早于通知日期后第 15 日，否则系统拒绝并说明原因。</source>
        <translation>Under the contract a change of staff needs 15 days' written notice to Party A and its consent: a supervisor records the approval (with Party A's approval reference if any), and the change takes effect no earlier than the 15th day after the notice; otherwise it is refused with the reason.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="142" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="142" />
        <source>离岗人员</source>
        <translation>Leaving</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="142" />
        <source>接替人员</source>
        <translation>Joining</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="142" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="143" />
        <source>通知日期</source>
        <translation>Notice date</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="143" />
        <source>最早生效</source>
        <translation>Earliest effective</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="143" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="143" />
        <source>审批</source>
        <translation>Approval</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="163" />
        <source>生效于 </source>
        <translation>effective on </translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="191" />
        <source>审批通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/changes_tab.py" line="191" />
        <source>甲方书面同意文号（可空）：</source>
        <translation>Party A's written approval reference (optional):</translation>
    </message>
</context>
</TS>