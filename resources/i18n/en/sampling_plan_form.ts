<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PlanForm</name>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="97" />
        <source>预设方案</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="98" />
        <source>抽样方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="99" />
        <source>结算期间</source>
        <translation>Settlement period</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="100" />
        <source>筛选条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="101" />
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="154" />
        <source>样本量</source>
        <translation>Sample size</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="102" />
        <source>分层字段</source>
        <translation>Strata fields</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="103" />
        <source>按风险等级分层</source>
        <translation>By risk tier</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="104" />
        <source>金额分档（元）</source>
        <translation>Amount bands (yuan)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="105" />
        <source>随机种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="106" />
        <source>限定</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="107" />
        <source>如 med_type=inpatient; medfee_sumamt&gt;=1000</source>
        <translation>e.g. med_type=inpatient; medfee_sumamt&gt;=1000</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="108" />
        <source>如 fixmedins_code 或 amount_band,offsite_flag</source>
        <translation>e.g. fixmedins_code or amount_band,offsite_flag</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="109" />
        <source>如 1000,10000</source>
        <translation>e.g. 1000,10000</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="110" />
        <source>由组长给定的数字或掷骰结果</source>
        <translation>a number given by the supervisor, or a dice roll</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="131" />
        <source>简单随机抽样</source>
        <translation>Simple random</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="131" />
        <source>分层随机抽样</source>
        <translation>Stratified random</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="132" />
        <source>按金额概率比例（PPS）</source>
        <translation>Proportional to amount (PPS)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="132" />
        <source>全量（普查）</source>
        <translation>Census (everything)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="140" />
        <source>自定义方案</source>
        <translation>Custom plan</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="153" />
        <source>比例</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="196" />
        <source>样本量须为整数</source>
        <translation>The sample size must be a whole number</translation>
    </message>
</context>
</TS>