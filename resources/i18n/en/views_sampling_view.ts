<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SamplingView</name>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="224" />
        <source>抽样</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="228" />
        <source>预设方案</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="229" />
        <source>抽样方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="230" />
        <source>结算期间</source>
        <translation>Settlement period</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="231" />
        <source>筛选条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="232" />
        <location filename="../../../workstation/ui/views/sampling_view.py" line="286" />
        <source>样本量</source>
        <translation>Sample size</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="233" />
        <source>分层字段</source>
        <translation>Strata fields</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="234" />
        <source>金额分档（元）</source>
        <translation>Amount bands (yuan)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="235" />
        <source>随机种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="236" />
        <source>抽样方案</source>
        <translation>Sampling plan</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="237" />
        <source>已存样本</source>
        <translation>Stored samples</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="238" />
        <source>限定</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="239" />
        <source>如 med_type=inpatient; medfee_sumamt&gt;=1000</source>
        <translation>e.g. med_type=inpatient; medfee_sumamt&gt;=1000</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="240" />
        <source>如 fixmedins_code 或 amount_band,offsite_flag</source>
        <translation>e.g. fixmedins_code or amount_band,offsite_flag</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="241" />
        <source>如 1000,10000</source>
        <translation>e.g. 1000,10000</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="242" />
        <source>由组长给定的数字或掷骰结果</source>
        <translation>a number given by the supervisor, or a dice roll</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="243" />
        <source>预览抽样框</source>
        <translation>Preview the frame</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="244" />
        <source>抽取并保存</source>
        <translation>Draw and store</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="245" />
        <source>分配给</source>
        <translation>Assign to</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="246" />
        <source>分配</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="247" />
        <source>打印抽样记录…</source>
        <translation>Print sampling record…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="248" />
        <source>重新核对</source>
        <translation>Verify again</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="249" />
        <source>样本与分配</source>
        <translation>Sample and assignment</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="250" />
        <source>推算与合格率</source>
        <translation>Appraisal and pass rate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="251" />
        <source>样本量测算</source>
        <translation>Sample size</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="259" />
        <source>简单随机抽样</source>
        <translation>Simple random</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="259" />
        <source>分层随机抽样</source>
        <translation>Stratified random</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="260" />
        <source>按金额概率比例（PPS）</source>
        <translation>Proportional to amount (PPS)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="260" />
        <source>全量（普查）</source>
        <translation>Census (everything)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="268" />
        <source>自定义方案</source>
        <translation>Custom plan</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="285" />
        <source>比例</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="290" />
        <source>按件数均衡</source>
        <translation>Balance by count</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="291" />
        <source>按金额均衡</source>
        <translation>Balance by amount</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="292" />
        <source>按机构</source>
        <translation>By institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="331" />
        <source>先预览抽样框：确认数量和指纹后再抽取。</source>
        <translation>Preview the frame first: check its size and fingerprint, then draw.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="343" />
        <source>样本量须为整数</source>
        <translation>The sample size must be a whole number</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="361" />
        <source>已读取 {n} 条结算</source>
        <translation>{n} settlements read</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="380" />
        <source>抽样框数量 N = {N}</source>
        <translation>Frame size N = {N}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="381" />
        <source>指纹 SHA-256：{fp}</source>
        <translation>Fingerprint SHA-256: {fp}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="382" />
        <source>将抽取 {n} 个单元，分 {h} 层</source>
        <translation>{n} units will be drawn, in {h} strata</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="384" />
        <source>金额≤0 剔除 {k} 个</source>
        <translation>{k} left out (amount ≤ 0)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="411" />
        <source>已保存样本 {code}。</source>
        <translation>Stored sample {code}.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="430" />
        <source>{code}  {method}  种子 {seed}  {n}/{N}  已审 {r}</source>
        <translation>{code}  {method}  seed {seed}  {n}/{N}  reviewed {r}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="470" />
        <source>尚未选择样本。左侧设定方案并抽取，或从已存样本中选择。</source>
        <translation>No sample chosen. Set up a plan on the left and draw, or choose a stored sample.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="473" />
        <source>样本 {code}（{method}） 种子 {seed}；抽样框 N = {N}，样本 n = {n}；由 {who} 于 {at} 抽取。
抽样框指纹 {fp}</source>
        <translation>Sample {code} ({method}), seed {seed}; frame N = {N}, sample n = {n}; drawn by {who} at {at}.
Frame fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="477" />
        <source>审核队列按随机顺序（键序）列出本样本的单元：中期推算只使用按此顺序连续审完的单元，跳着审会使推算暂停，直到前面的单元审完。</source>
        <translation>The review queue lists this sample's units in random (key) order: an interim appraisal uses only the units decided in that order without a gap; skipping ahead pauses the projection until the earlier units are decided.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="508" />
        <source>已分配：</source>
        <translation>Assigned: </translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="521" />
        <source>核对通过：按存储的条件和种子重新抽取，抽样框与样本完全一致。</source>
        <translation>Verified: re-drawn from the stored filter and seed, the frame and the selection match exactly.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="524" />
        <source>核对未通过：抽样框{f}，样本{s}。现有抽样框 {N} 条（抽样时 {N0} 条）。</source>
        <translation>Verification failed: frame {f}, selection {s}. The frame now has {N} settlements ({N0} when drawn).</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="525" />
        <location filename="../../../workstation/ui/views/sampling_view.py" line="526" />
        <source>一致</source>
        <translation>matches</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="525" />
        <location filename="../../../workstation/ui/views/sampling_view.py" line="526" />
        <source>不一致</source>
        <translation>differs</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="535" />
        <source>保存抽样记录</source>
        <translation>Save the sampling record</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/sampling_view.py" line="543" />
        <source>已保存抽样记录 {f}</source>
        <translation>Saved the sampling record {f}</translation>
    </message>
</context>
</TS>