<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SettlementsView</name>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="173" />
        <location filename="../../../workstation/ui/views/settlements_view.py" line="176" />
        <source>结算数据</source>
        <translation>Settlements</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="177" />
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="178" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="179" />
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="180" />
        <source>清除条件</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="181" />
        <location filename="../../../workstation/ui/views/settlements_view.py" line="192" />
        <source>定点机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="181" />
        <location filename="../../../workstation/ui/views/settlements_view.py" line="191" />
        <source>医疗类别</source>
        <translation>Medical type</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="181" />
        <location filename="../../../workstation/ui/views/settlements_view.py" line="192" />
        <source>结算方式</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="182" />
        <location filename="../../../workstation/ui/views/settlements_view.py" line="192" />
        <source>异地</source>
        <translation>Out of area</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="182" />
        <source>结算日期</source>
        <translation>Settled</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="182" />
        <location filename="../../../workstation/ui/views/settlements_view.py" line="193" />
        <source>医疗费总额</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="183" />
        <source>结算ID/人员编号</source>
        <translation>Settlement/person no.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="183" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="188" />
        <source>最小</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="189" />
        <source>最大</source>
        <translation>max</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="190" />
        <source>前缀</source>
        <translation>prefix</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="191" />
        <source>结算ID</source>
        <translation>Settlement ID</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="191" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="191" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="192" />
        <source>开始日期</source>
        <translation>Begin</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="193" />
        <source>结束日期</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="193" />
        <source>结算时间</source>
        <translation>Settled at</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="193" />
        <source>主诊断</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="194" />
        <source>统筹支付</source>
        <translation>Basic fund</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="194" />
        <source>大额支付</source>
        <translation>Supplementary</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="208" />
        <location filename="../../../workstation/ui/views/settlements_view.py" line="218" />
        <location filename="../../../workstation/ui/views/settlements_view.py" line="222" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="289" />
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settlements_view.py" line="302" />
        <source>共 {n} 条结算</source>
        <translation>{n} settlements</translation>
    </message>
</context>
</TS>