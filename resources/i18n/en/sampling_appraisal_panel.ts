<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AppraisalPanel</name>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="95"/>
        <source>推算（按已审核单元）</source>
        <translation>Appraisal (of the reviewed units)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="96"/>
        <source>置信度</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="97"/>
        <source>按差错率（属性）推算</source>
        <translation>Appraise the error rate (attributes)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="98"/>
        <source>推算</source>
        <translation>Appraise</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="99"/>
        <source>已审核 / 样本</source>
        <translation>Reviewed / sampled</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="99"/>
        <source>样本中发现金额（元）</source>
        <translation>Found in the sample (yuan)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="100"/>
        <source>点估计</source>
        <translation>Point estimate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="100"/>
        <source>标准误</source>
        <translation>Standard error</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="101"/>
        <source>下限</source>
        <translation>Lower bound</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="101"/>
        <source>上限</source>
        <translation>Upper bound</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="101"/>
        <source>精确度</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="102"/>
        <source>自由度</source>
        <translation>Degrees of freedom</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="105"/>
        <source>季度合格率（复核）</source>
        <translation>Quarterly pass rate (second review)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="106"/>
        <source>季度（如 2025Q1）</source>
        <translation>Quarter (e.g. 2025Q1)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="107"/>
        <source>本季度服务费（元，可空）</source>
        <translation>Quarter&apos;s service fee (yuan, optional)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="108"/>
        <source>空 = 按合同参数与参保人数计算</source>
        <translation>empty = from the contract and the insured headcount</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="109"/>
        <source>计算合格率</source>
        <translation>Compute the pass rate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="113"/>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="121"/>
        <source>选择一个已存样本后点击“推算”。</source>
        <translation>Choose a stored sample, then click &quot;Appraise&quot;.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="150"/>
        <source>{rate} 差错率，推算 {n} 件</source>
        <translation>{rate} error rate, {n} units projected</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="158"/>
        <source>属性推算：样本中 {x} 个单元有差错。按 Clopper–Pearson 精确区间，总体差错率有 {c} 的把握落在下限与上限之间。对外引用时以下限为准，它对被审核机构最有利，最经得起质疑。</source>
        <translation>Attribute appraisal: {x} sampled units have an error. By the exact Clopper–Pearson interval, the population&apos;s error rate lies between the lower and upper bound with {c} confidence. Quote the lower bound: it favours the institution, so it stands up to challenge.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="170"/>
        <source>下限 {lower} 元低于样本中已查实的 {found} 元：样本太小或差异太大，推算不够精确。此时只主张已查实的 {found} 元；如要外推到总体，请扩大样本后再推算。（点估计 {point} 元，{c} 双侧置信区间 {lower} 至 {upper} 元。）</source>
        <translation>The lower bound {lower} yuan is below the {found} yuan proven in the sample: the sample is too small or too varied for a precise projection. Claim only the {found} yuan proven; to project onto the population, enlarge the sample and appraise again. (Point estimate {point} yuan; {c} two-sided interval {lower} to {upper} yuan.)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="177"/>
        <source>应主张的金额是下限 {lower} 元。在 {c} 的双侧置信度下，总体真实多付金额低于下限的可能只有 {tail}。点估计 {point} 元是最可能的值，但约有一半可能高估；以下限主张对被审核机构最有利，因此经得起申诉和诉讼。精确度是区间半宽与点估计之比，越小越可靠。</source>
        <translation>Claim the lower bound: {lower} yuan. At {c} two-sided confidence, the chance that the true overpayment is below the lower bound is only {tail}. The point estimate {point} yuan is the most likely value, but it overstates about half the time; claiming the lower bound favours the institution, so it stands up to appeals and in court. Precision is the interval&apos;s half-width over the point estimate: the smaller, the more reliable.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="190"/>
        <source>服务费不是金额：{v}</source>
        <translation>The service fee is not an amount: {v}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="201"/>
        <source>{q} 尚无已完成的复核。</source>
        <translation>{q} has no completed second review yet.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="203"/>
        <source>{q}：复核 {checked} 个，合格 {passed} 个，合格率 {rate}（另有 {pending} 个待复核）。</source>
        <translation>{q}: {checked} checked, {passed} correct, pass rate {rate} ({pending} more awaiting check). </translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="206"/>
        <source>当前合同没有合格率扣款条款。</source>
        <translation>The current contract has no pass-rate deduction.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="208"/>
        <source>达到合同要求，无扣款。</source>
        <translation>Meets the contract: no deduction.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="210"/>
        <source>（服务费未知）</source>
        <translation>(fee unknown)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="211"/>
        <source>低于合同要求：扣本季度服务费的 {d}，即 {amt} 元。</source>
        <translation>Below the contract&apos;s requirement: {d} of the quarter&apos;s fee is deducted, i.e. {amt} yuan.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="214"/>
        <source>并须重新审核。</source>
        <translation> A re-review is required.</translation>
    </message>
</context>
</TS>
