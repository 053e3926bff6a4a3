<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PassRateBox</name>
    <message>
        <location filename="../../../workstation/ui/sampling/pass_rate_box.py" line="41" />
        <source>季度合格率（复核）</source>
        <translation>Quarterly pass rate (second review)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/pass_rate_box.py" line="42" />
        <source>季度（如 2025Q1）</source>
        <translation>Quarter (e.g. 2025Q1)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/pass_rate_box.py" line="43" />
        <source>本季度服务费（元，可空）</source>
        <translation>Quarter's service fee (yuan, optional)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/pass_rate_box.py" line="44" />
        <source>空 = 按合同参数与参保人数计算</source>
        <translation>empty = from the contract and the insured headcount</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/pass_rate_box.py" line="45" />
        <source>计算合格率</source>
        <translation>Compute pass rate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/pass_rate_box.py" line="54" />
        <source>服务费不是金额：{v}</source>
        <translation>The fee is not an amount: {v}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/pass_rate_box.py" line="65" />
        <source>{q} 尚无已完成的复核。</source>
        <translation>{q} has no completed second review yet.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/pass_rate_box.py" line="67" />
        <source>{q}：复核 {checked} 个，合格 {passed} 个，合格率 {rate}（另有 {pending} 个待复核）。</source>
        <translation>{q}: {checked} checked, {passed} passed, pass rate {rate} ({pending} more pending). </translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/pass_rate_box.py" line="70" />
        <source>当前合同没有合格率扣款条款。</source>
        <translation>The active contract has no pass-rate deduction.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/pass_rate_box.py" line="72" />
        <source>达到合同要求，无扣款。</source>
        <translation>Meets the contract: no deduction.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/pass_rate_box.py" line="74" />
        <source>（服务费未知）</source>
        <translation>(fee unknown)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/pass_rate_box.py" line="75" />
        <source>低于合同要求：扣本季度服务费的 {d}，即 {amt} 元。</source>
        <translation>Below the contract: {d} of the quarter's fee is deducted, {amt} yuan.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/pass_rate_box.py" line="78" />
        <source>并须重新审核。</source>
        <translation> A re-review is required.</translation>
    </message>
</context>
</TS>