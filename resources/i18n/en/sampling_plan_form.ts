<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PlanForm</name>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="84"/>
        <source>预设方案</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="85"/>
        <source>抽样方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="86"/>
        <source>结算期间</source>
        <translation>Settlement period</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="87"/>
        <source>筛选条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="88"/>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="126"/>
        <source>样本量</source>
        <translation>Sample size</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="89"/>
        <source>分层字段</source>
        <translation>Strata fields</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="90"/>
        <source>金额分档（元）</source>
        <translation>Amount bands (yuan)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="91"/>
        <source>随机种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="92"/>
        <source>限定</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="93"/>
        <source>如 med_type=inpatient; medfee_sumamt&gt;=1000</source>
        <translation>e.g. med_type=inpatient; medfee_sumamt&gt;=1000</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="94"/>
        <source>如 fixmedins_code 或 amount_band,offsite_flag</source>
        <translation>e.g. fixmedins_code or amount_band,offsite_flag</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="95"/>
        <source>如 1000,10000</source>
        <translation>e.g. 1000,10000</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="96"/>
        <source>由组长给定的数字或掷骰结果</source>
        <translation>a number given by the supervisor, or a dice roll</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="100"/>
        <source>简单随机抽样</source>
        <translation>Simple random</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="100"/>
        <source>分层随机抽样</source>
        <translation>Stratified random</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="101"/>
        <source>按金额概率比例（PPS）</source>
        <translation>Proportional to amount (PPS)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="101"/>
        <source>全量（普查）</source>
        <translation>Census (everything)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="109"/>
        <source>自定义方案</source>
        <translation>Custom plan</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="125"/>
        <source>比例</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/sampling/plan_form.py" line="168"/>
        <source>样本量须为整数</source>
        <translation>The sample size must be a whole number</translation>
    </message>
</context>
</TS>
