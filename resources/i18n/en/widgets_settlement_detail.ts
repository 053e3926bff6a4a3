<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SettlementDetailWidget</name>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="236" />
        <source>参保人</source>
        <translation>Insured</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="236" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="236" />
        <source>性别/出生</source>
        <translation>Sex / born</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="237" />
        <source>定点机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="237" />
        <source>医疗类别</source>
        <translation>Medical type</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="237" />
        <source>结算方式</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="238" />
        <source>起止日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="238" />
        <source>结算时间</source>
        <translation>Settled at</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="238" />
        <source>主诊断</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="239" />
        <source>医疗费总额</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="239" />
        <source>政策范围内</source>
        <translation>In scope</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="240" />
        <source>统筹基金</source>
        <translation>Basic fund</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="240" />
        <source>大额补助</source>
        <translation>Supplementary</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="240" />
        <source>公务员补助</source>
        <translation>Civil servant</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="241" />
        <source>个人账户</source>
        <translation>Personal account</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="241" />
        <source>个人现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="246" />
        <source>按标记：</source>
        <translation>Flags:</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="247" />
        <source>按项目类别：</source>
        <translation>Item type:</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="249" />
        <source>流水号</source>
        <translation>Line no.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="249" />
        <source>发生时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="249" />
        <source>目录编码</source>
        <translation>Catalog code</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="249" />
        <source>项目名称</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="250" />
        <source>项目类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="250" />
        <source>等级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="250" />
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="250" />
        <source>单价</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="250" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="251" />
        <source>限价</source>
        <translation>Cap</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="251" />
        <source>开单科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="251" />
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="258" />
        <source>未选择结算</source>
        <translation>No settlement selected</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="258" />
        <source>未找到该结算</source>
        <translation>Settlement not found</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="266" />
        <source>{n} 天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="267" />
        <source>结算 {setl_id}</source>
        <translation>Settlement {setl_id}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="288" />
        <source>结算级标记：</source>
        <translation>Settlement flags: </translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="298" />
        <source>全部明细</source>
        <translation>All lines</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="298" />
        <source>有标记的明细</source>
        <translation>Flagged lines</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="300" />
        <source>全部类别</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/widgets/settlement_detail.py" line="326" />
        <source>明细 {shown}/{total} 条</source>
        <translation>{shown}/{total} lines</translation>
    </message>
</context>
</TS>