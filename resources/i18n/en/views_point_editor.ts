<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PointEditor</name>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="104" />
        <source>新建知识点</source>
        <translation>New knowledge point</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="104" />
        <source>编辑知识点</source>
        <translation>Edit knowledge point</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="106" />
        <source>规则编号</source>
        <translation>Rule ID</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="106" />
        <source>规则模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="106" />
        <source>规则名称</source>
        <translation>Rule name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="107" />
        <source>项目编码</source>
        <translation>Item codes</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="107" />
        <source>关联项目编码</source>
        <translation>Other codes</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="108" />
        <source>限定就医方式</source>
        <translation>Visit classes</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="108" />
        <source>限定医院等级</source>
        <translation>Hospital levels</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="109" />
        <source>限定险种</source>
        <translation>Insurance types</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="109" />
        <source>限定诊断</source>
        <translation>Diagnoses</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="109" />
        <source>时间窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="110" />
        <source>限定值</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="110" />
        <source>排除诊断</source>
        <translation>Excluded diagnoses</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="110" />
        <source>依据来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="111" />
        <source>生效日期</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="111" />
        <source>失效日期</source>
        <translation>Effective to</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="111" />
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="116" />
        <source>多个编码用 ; 或 、 分隔</source>
        <translation>codes separated by ; or ,</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="117" />
        <source>住院；门诊；药店</source>
        <translation>inpatient; outpatient; pharmacy</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="117" />
        <source>如 1;2</source>
        <translation>e.g. 1;2</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="117" />
        <source>如 310;390</source>
        <translation>e.g. 310;390</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="118" />
        <source>诊断编码前缀，如 E11;I10</source>
        <translation>diagnosis prefixes, e.g. E11;I10</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="118" />
        <source>同一小时、单日、单次就诊、6小时、15天</source>
        <translation>hour, day, settlement, hours:6, days:15</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="119" />
        <source>诊断编码前缀，如 Z51</source>
        <translation>diagnosis prefixes, e.g. Z51</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="119" />
        <source>2025-01-01，可空</source>
        <translation>2025-01-01, may be empty</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="120" />
        <source>可空</source>
        <translation>may be empty</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="120" />
        <source>批次、文件、条款</source>
        <translation>batch, document, clause</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="124" />
        <source>启用（下次运行智能审核时生效）</source>
        <translation>Active (applies from the next screen)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="125" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="126" />
        <source>结算ID</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="126" />
        <source>明细流水号</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="126" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="126" />
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="127" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="128" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="172" />
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="178" />
        <source>此知识点单独运行将产生 {n} 条标记，涉及金额 {amount} 元（仅预览，未记录）。</source>
        <translation>This point alone would record {n} flags, {amount} at risk (preview only, nothing recorded).</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/point_editor.py" line="180" />
        <source>（结算级）</source>
        <translation>(settlement)</translation>
    </message>
</context>
</TS>