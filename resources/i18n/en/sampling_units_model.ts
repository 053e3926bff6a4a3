<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>StrataModel</name>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="86" />
        <source>层</source>
        <translation>Stratum</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="86" />
        <source>抽样框数量</source>
        <translation>Frame size</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="86" />
        <source>样本量</source>
        <translation>Sample size</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="94" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="97" />
        <source>（全部）</source>
        <translation>(whole frame)</translation>
    </message>
</context>
<context>
    <name>UnitsModel</name>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="24" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="24" />
        <source>结算ID</source>
        <translation>Settlement ID</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="24" />
        <source>层</source>
        <translation>Stratum</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="24" />
        <source>机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="24" />
        <source>结算时间</source>
        <translation>Settled at</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="24" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="25" />
        <source>命中</source>
        <translation>Hits</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="25" />
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="25" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="28" />
        <source>未分配</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="28" />
        <source>待审核</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="28" />
        <source>审核中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="29" />
        <source>合规</source>
        <translation>Compliant</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="29" />
        <source>违规</source>
        <translation>Violation</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="30" />
        <source>疑点</source>
        <translation>Doubtful</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/units_model.py" line="54" />
        <source>（全部）</source>
        <translation>(whole frame)</translation>
    </message>
</context>
</TS>