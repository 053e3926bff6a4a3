<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ComplianceTab</name>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="73" />
        <source>检查日期：</source>
        <translation>Check date:</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="74" />
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="75" />
        <source>人员配备条款</source>
        <translation>Staffing term</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="75" />
        <source>要求</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="75" />
        <source>应达</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="76" />
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="76" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="77" />
        <source>30 日内到期（或已过期）的证书</source>
        <translation>Certificates expiring within 30 days (or expired)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="78" />
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="78" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="78" />
        <source>证书</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="78" />
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="102" />
        <source>当前合同：</source>
        <translation>Active contract: </translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="105" />
        <source>该合同没有数量化的人员配备条款。</source>
        <translation>This contract has no numeric staffing terms.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="106" />
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="110" />
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="113" />
        <source>在岗 {n} 人。</source>
        <translation>{n} on the team.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="109" />
        <source>✘ {n} 项未达标</source>
        <translation>✘ {n} term(s) not met</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="113" />
        <source>✔ 全部达标</source>
        <translation>✔ All terms met</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="118" />
        <source>✔ 达标</source>
        <translation>✔ Met</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="118" />
        <source>✘ 未达标</source>
        <translation>✘ Not met</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="120" />
        <source>（不符：{who}）</source>
        <translation>(not meeting it: {who})</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="135" />
        <source>已过期 {n} 天</source>
        <translation>expired {n} days ago</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/compliance_tab.py" line="136" />
        <source>剩 {n} 天</source>
        <translation>{n} days left</translation>
    </message>
</context>
</TS>