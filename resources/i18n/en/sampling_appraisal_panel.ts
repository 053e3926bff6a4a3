<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AppraisalPanel</name>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="109" />
        <source>置信度</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="110" />
        <source>机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="111" />
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="112" />
        <source>全部</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="113" />
        <source>如 2025-01-01~2025-03-31</source>
        <translation>e.g. 2025-01-01~2025-03-31</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="114" />
        <source>按差错率（属性）推算</source>
        <translation>Appraise the error rate (attributes)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="115" />
        <source>推算</source>
        <translation>Appraise</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="122" />
        <source>估计量</source>
        <translation>Estimator</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="124" />
        <source>序号</source>
        <translation>k</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="124" />
        <source>污染率（降序）</source>
        <translation>Taint (descending)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="124" />
        <source>泊松上限 λ</source>
        <translation>Poisson limit λ</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="125" />
        <source>增量系数</source>
        <translation>Increment factor</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="157" />
        <source>期间应写作 2025-01-01~2025-03-31</source>
        <translation>Write the period as 2025-01-01~2025-03-31</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="185" />
        <source>均值估计</source>
        <translation>Mean per unit</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="185" />
        <source>分层均值估计</source>
        <translation>Stratified mean</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="186" />
        <source>货币单位抽样（Stringer 上限）</source>
        <translation>Monetary-unit sampling (Stringer bound)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="186" />
        <source>不外推</source>
        <translation>Not extrapolated</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="188" />
        <source>未指定样本</source>
        <translation>no sample named</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="189" />
        <source>抽样框自抽样后已变化</source>
        <translation>the frame changed since the draw</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="190" />
        <source>金额概率样本须全部审结后才推算</source>
        <translation>a pps sample is projected only when every unit is decided</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="191" />
        <source>按随机顺序连续审完的单元不足一半（请按队列顺序审核）</source>
        <translation>fewer than half the units were decided in key order (review in queue order)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="192" />
        <source>某层可用单元少于 2 个</source>
        <translation>a stratum has fewer than 2 usable units</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="196" />
        <source>：{why}</source>
        <translation>: {why}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="202" />
        <source>中期推算（尚有未审结单元，只用按随机顺序连续审完的单元）</source>
        <translation>Interim (units still undecided; only the leading run in key order is used)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="202" />
        <source>终期推算</source>
        <translation>Final</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="213" />
        <source>基金支付金额</source>
        <translation>Fund money</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="214" />
        <source>医疗费用金额（未导入符合范围金额）</source>
        <translation>Charged money (no in-scope amounts imported)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="219" />
        <source>属性推算：用于推算的 {n} 个单元中 {x} 个有确认的违规金额，差错率 {rate}，Clopper–Pearson {c} 区间 {lo} 至 {hi}。对外引用时以下限为准。</source>
        <translation>Attributes: {x} of the {n} units used have confirmed money, error rate {rate}, Clopper–Pearson {c} interval {lo} to {hi}. Quote the lower limit.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="226" />
        <source>本次不外推，主张样本中已确认的 {found} 元；待定的 {pending} 元（疑点）不计入，申诉结束后再定。</source>
        <translation>Nothing is extrapolated: claim the {found} yuan confirmed in the sample; the {pending} yuan pending (doubtful) is left out until the appeals end.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="231" />
        <source>下限 {lower} 元不高于已确认的 {found} 元：样本太小或差异太大。此时只主张已确认的 {found} 元。待定的 {pending} 元不计入推算。</source>
        <translation>The lower limit {lower} yuan is not above the {found} yuan confirmed: the sample is too small or too varied. Claim only the {found} yuan confirmed. The {pending} yuan pending is not projected.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="236" />
        <source>应主张的金额是下限 {lower} 元：在 {c} 的双侧置信度下，总体真实多付金额低于它的可能只有 {tail}，对被审核机构最有利，因此经得起申诉和诉讼。点估计 {point} 元；待定的 {pending} 元不计入。</source>
        <translation>Claim the lower limit, {lower} yuan: at {c} two-sided confidence the true overpayment lies below it with a chance of only {tail}. It favours the institution and so stands up on appeal and in court. Point estimate {point} yuan; the {pending} yuan pending is left out.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="242" />
        <source>均值估计（主张依据）</source>
        <translation>Mean per unit (claim basis)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="242" />
        <source>比率估计（参考）</source>
        <translation>Ratio (for reference)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="252" />
        <source>抽样间距 {J} 元，{n} 个抽样点，必选单元 {c} 个，有错报的非必选单元 {k} 个；基本精度 {bp} 元，增量准备 {ia} 元，上限 {upper} 元。</source>
        <translation>Interval {J} yuan, {n} points, {c} certainty units, {k} misstated non-certainty units; basic precision {bp} yuan, incremental allowance {ia} yuan, upper bound {upper} yuan.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="117" />
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="122" />
        <source>点估计</source>
        <translation>Point estimate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="118" />
        <source>主张金额</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="119" />
        <source>金额口径</source>
        <translation>Amount basis</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="122" />
        <source>标准误</source>
        <translation>Standard error</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="118" />
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="123" />
        <source>下限</source>
        <translation>Lower bound</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="108" />
        <source>推算（确认的违规金额；待定金额另列）</source>
        <translation>Appraisal (confirmed money; pending shown beside)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="116" />
        <source>抽中 / 已审结 / 用于推算</source>
        <translation>Selected / decided / used</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="116" />
        <source>确认违规金额（元）</source>
        <translation>Confirmed (yuan)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="117" />
        <source>待定（疑点）金额（元）</source>
        <translation>Pending (doubtful, yuan)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="118" />
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="123" />
        <source>上限</source>
        <translation>Upper bound</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="123" />
        <source>自由度</source>
        <translation>Degrees of freedom</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="130" />
        <location filename="../../../workstation/ui/sampling/appraisal_panel.py" line="140" />
        <source>选择一个已存样本后点击“推算”。</source>
        <translation>Choose a stored sample, then click "Appraise".</translation>
    </message>
</context>
</TS>