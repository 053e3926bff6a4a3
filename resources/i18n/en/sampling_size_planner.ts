<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SizePlanner</name>
    <message>
        <location filename="../../../workstation/ui/sampling/size_planner.py" line="62" />
        <source>样本量测算</source>
        <translation>Sample size planner</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/size_planner.py" line="62" />
        <source>（预设：{p}）</source>
        <translation> (preset: {p})</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/size_planner.py" line="64" />
        <source>置信度</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/size_planner.py" line="64" />
        <source>每单元违规金额标准差（元，试点估计）</source>
        <translation>SD of overpayment per unit (yuan, pilot)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/size_planner.py" line="64" />
        <source>想要的精度（元，t·SE）</source>
        <translation>Wanted precision (yuan, t·SE)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/size_planner.py" line="65" />
        <source>可容忍差错率</source>
        <translation>Tolerable error rate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/size_planner.py" line="65" />
        <source>预期差错数</source>
        <translation>Expected errors</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/size_planner.py" line="89" />
        <source>先预览抽样框，再看这个比例能买到的精度。</source>
        <translation>Preview the frame first to see the precision this rate buys.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/size_planner.py" line="95" />
        <source>抽样框 {N} 个，按比例 {r} 抽 {n} 个：总额的 t·SE 约 {h} 元。</source>
        <translation>Frame {N} units; rate {r} draws {n}: t·SE of the total about {h} yuan.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/size_planner.py" line="98" />
        <source>抽样框 {N} 个。</source>
        <translation>Frame {N} units.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/size_planner.py" line="101" />
        <source>要使 t·SE 不超过 {p} 元，需抽 {n} 个（{share} 的抽样框）。</source>
        <translation>For t·SE at most {p} yuan draw {n} units ({share} of the frame).</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/size_planner.py" line="107" />
        <source>属性抽样（单侧 {c}）：差错率不超过 {r}、预期 {e} 个差错时需抽 {n} 个。</source>
        <translation>Attributes (one-sided {c}): tolerable rate {r} with {e} expected errors needs {n} units.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/size_planner.py" line="110" />
        <source>可容忍差错率应在 0 与 1 之间。</source>
        <translation>The tolerable rate must lie between 0 and 1.</translation>
    </message>
</context>
</TS>