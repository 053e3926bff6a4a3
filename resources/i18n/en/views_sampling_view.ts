<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SamplingView</name>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="176" />
        <source>抽样</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="180" />
        <source>抽样方案</source>
        <translation>Sampling plan</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="181" />
        <source>已存样本</source>
        <translation>Stored samples</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="182" />
        <source>预览抽样框</source>
        <translation>Preview the frame</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="183" />
        <source>抽取并保存</source>
        <translation>Draw and store</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="184" />
        <source>分配给</source>
        <translation>Assign to</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="185" />
        <source>分配</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="186" />
        <source>打印抽样记录…</source>
        <translation>Print sampling record…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="187" />
        <source>重新核对</source>
        <translation>Verify again</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="188" />
        <source>样本与分配</source>
        <translation>Sample and assignment</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="189" />
        <source>推算与合格率</source>
        <translation>Appraisal and pass rate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="190" />
        <source>样本量测算</source>
        <translation>Sample size</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="204" />
        <source>按件数均衡</source>
        <translation>Balance by count</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="205" />
        <source>按金额均衡</source>
        <translation>Balance by amount</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="206" />
        <source>按机构</source>
        <translation>By institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="223" />
        <source>先预览抽样框：确认数量和指纹后再抽取。</source>
        <translation>Preview the frame first: check its size and fingerprint, then draw.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="236" />
        <source>已读取 {n} 条结算</source>
        <translation>{n} settlements read</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="255" />
        <source>抽样框数量 N = {N}</source>
        <translation>Frame size N = {N}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="256" />
        <source>指纹 SHA-256：{fp}</source>
        <translation>Fingerprint SHA-256: {fp}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="257" />
        <source>将抽取 {n} 个单元，分 {h} 层</source>
        <translation>{n} units will be drawn, in {h} strata</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="259" />
        <source>金额≤0 剔除 {k} 个</source>
        <translation>{k} left out (amount ≤ 0)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="284" />
        <source>已保存样本 {code}。</source>
        <translation>Stored sample {code}.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="286" />
        <source>注意：分层 {h} 只抽到 {n} 个单元（该层 {N} 个）。少于 2 个且未全抽时，整个样本只能按实际发现主张，请抽取更大的样本。</source>
        <translation>Note: stratum {h} has {n} of its {N} units in the sample. With fewer than 2 and not all, the whole sample can only claim what is found; draw a larger sample.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="307" />
        <source>{code}  {method}  种子 {seed}  {n}/{N}  已审 {r}</source>
        <translation>{code}  {method}  seed {seed}  {n}/{N}  reviewed {r}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="347" />
        <source>尚未选择样本。左侧设定方案并抽取，或从已存样本中选择。</source>
        <translation>No sample chosen. Set up a plan on the left and draw, or choose a stored sample.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="350" />
        <source>样本 {code}（{method}） 种子 {seed}；抽样框 N = {N}，样本 n = {n}；由 {who} 于 {at} 抽取。
抽样框指纹 {fp}</source>
        <translation>Sample {code} ({method}), seed {seed}; frame N = {N}, sample n = {n}; drawn by {who} at {at}.
Frame fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="354" />
        <source>审核队列按随机顺序（键序）列出本样本的单元：中期推算只使用按此顺序连续审完的单元，跳着审会使推算暂停，直到前面的单元审完。</source>
        <translation>The review queue lists this sample's units in random (key) order: an interim appraisal uses only the units decided in that order without a gap; skipping ahead pauses the projection until the earlier units are decided.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="385" />
        <source>已分配：</source>
        <translation>Assigned: </translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="398" />
        <source>核对通过：按存储的条件和种子重新抽取，抽样框与样本完全一致。</source>
        <translation>Verified: re-drawn from the stored filter and seed, the frame and the selection match exactly.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="401" />
        <source>核对未通过：抽样框{f}，样本{s}。现有抽样框 {N} 条（抽样时 {N0} 条）。</source>
        <translation>Verification failed: frame {f}, selection {s}. The frame now has {N} settlements ({N0} when drawn).</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="402" />
        <location filename="../../../workstation/ui/views/sampling_view.py" line="403" />
        <source>一致</source>
        <translation>matches</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="402" />
        <location filename="../../../workstation/ui/views/sampling_view.py" line="403" />
        <source>不一致</source>
        <translation>differs</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="406" />
        <source>风险画像已改变（数据或线索有变）。</source>
        <translation> The risk profile has changed (data or flags changed).</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="414" />
        <source>保存抽样记录</source>
        <translation>Save the sampling record</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="422" />
        <source>已保存抽样记录 {f}</source>
        <translation>Saved the sampling record {f}</translation>
    </message>
</context>
</TS>