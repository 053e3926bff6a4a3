<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ProfileEditor</name>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="189" />
        <source>设为当前合同</source>
        <translation>Make active</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="190" />
        <source>新建配置…</source>
        <translation>New profile…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="191" />
        <source>保存配置</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="192" />
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="193" />
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="193" />
        <source>人员配备条款</source>
        <translation>Staffing terms</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="193" />
        <source>期限、培训与变更</source>
        <translation>Deadlines, training, changes</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="194" />
        <source>审核规则参数</source>
        <translation>Rule parameters</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="194" />
        <source>费用与扣款</source>
        <translation>Fees and deductions</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="197" />
        <source>配置 ID</source>
        <translation>Profile ID</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="197" />
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="231" />
        <source>中文名称</source>
        <translation>Chinese name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="197" />
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="231" />
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="198" />
        <source>甲方</source>
        <translation>Party A</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="198" />
        <source>合同期自</source>
        <translation>Contract from</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="198" />
        <source>合同期至</source>
        <translation>Contract to</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="199" />
        <source>抽样预设（逗号分隔）</source>
        <translation>Sampling presets (comma separated)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="199" />
        <source>期限（工作日）</source>
        <translation>Deadlines (working days)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="200" />
        <source>人员更换提前通知天数</source>
        <translation>Notice days for a staff change</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="200" />
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="201" />
        <source>每人每季度至少参训次数</source>
        <translation>Sessions per person per quarter, at least</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="201" />
        <source>考勤</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="205" />
        <source>须经审批</source>
        <translation>Approval required</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="206" />
        <source>约定季度培训</source>
        <translation>Quarterly training required</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="207" />
        <source>按月向甲方报送考勤表</source>
        <translation>Monthly attendance sheet for Party A</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="208" />
        <source>添加条款</source>
        <translation>Add term</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="209" />
        <source>删除所选条款</source>
        <translation>Delete selected term</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="210" />
        <source>添加扣款档</source>
        <translation>Add tier</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="211" />
        <source>删除所选档</source>
        <translation>Delete selected tier</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="212" />
        <source>添加费用项</source>
        <translation>Add fee item</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="213" />
        <source>添加参数</source>
        <translation>Add parameter</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="214" />
        <source>添加期限</source>
        <translation>Add deadline</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="215" />
        <source>费用（金额以元计，两位小数）</source>
        <translation>Fees (amounts in yuan, two decimals)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="216" />
        <source>合格率扣款档（合格率低于 below 时扣 deduction_rate）</source>
        <translation>Pass-rate deduction tiers (below 'below', deduct 'deduction_rate')</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="217" />
        <source>考核周期：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="220" />
        <source>不考核合格率</source>
        <translation>No pass-rate check</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="220" />
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="220" />
        <source>月度</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="221" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="225" />
        <source>每行一条人员配备条款。类型：人数（按服务中心/专业类别/岗位/持证筛选后计数）、每个县区中心、年龄范围（下限/上限为年龄）、最低学历、均持有效证书。专业类别可填：医学、药学、财务、信息、法律、其他（用顿号分隔）；服务中心填 市级、县区 或具体名称。</source>
        <translation>One staffing term per row. Kinds: headcount (counted after filtering by centre / qualification / post / valid certificate), each county centre, age range (min/max are ages), minimum education, all hold a valid certificate. Qualifications: 医学, 药学, 财务, 信息, 法律, 其他 or medical, pharmacy, finance, it, law, other (separated by 、 or commas); centre: 市级, 县区 or a centre's name.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="228" />
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="228" />
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="229" />
        <source>合格率低于</source>
        <translation>Pass rate below</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="229" />
        <source>扣款比例</source>
        <translation>Deduction rate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="229" />
        <source>须复审</source>
        <translation>Re-review</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="231" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="231" />
        <source>服务中心</source>
        <translation>Centre</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="231" />
        <source>专业类别</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="232" />
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="232" />
        <source>须持有效证书</source>
        <translation>Valid certificate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="232" />
        <source>下限</source>
        <translation>Min</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="232" />
        <source>上限</source>
        <translation>Max</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="232" />
        <source>恰好</source>
        <translation>Exactly</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="232" />
        <source>学历</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="233" />
        <source>人数</source>
        <translation>Headcount</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="233" />
        <source>每个县区中心</source>
        <translation>Each county centre</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="234" />
        <source>年龄范围</source>
        <translation>Age range</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="234" />
        <source>最低学历</source>
        <translation>Minimum education</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="235" />
        <source>均持有效证书</source>
        <translation>All hold a valid certificate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="270" />
        <source>（当前使用）</source>
        <translation>(active)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_editor.py" line="426" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
</TS>