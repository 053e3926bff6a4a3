<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="55" />
        <source>人员信息</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="62" />
        <source>18 位身份证号</source>
        <translation>18-character ID number</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="89" />
        <source>证书名称</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="89" />
        <source>有效期至（YYYY-MM-DD，可空）</source>
        <translation>Valid until (YYYY-MM-DD, optional)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="94" />
        <source>添加证书</source>
        <translation>Add certificate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="94" />
        <source>删除所选证书</source>
        <translation>Delete selected certificate</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="100" />
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="101" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="102" />
        <source>身份证号（留空则不变）</source>
        <translation>ID number (empty: unchanged)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="102" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="103" />
        <source>出生日期（无身份证号时）</source>
        <translation>Birth date (without an ID number)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="104" />
        <source>专业类别</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="105" />
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="106" />
        <source>服务中心（市级或县区名）</source>
        <translation>Centre (市级 or a county's name)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="107" />
        <source>学历</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="108" />
        <source>学历放宽理由</source>
        <translation>Reason to relax the degree term</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="109" />
        <source>入职日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="110" />
        <source>离岗日期（当日起不在岗）</source>
        <translation>End date (gone from that day)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="111" />
        <source>证书</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="120" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="121" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="204" />
        <source>新增人员…</source>
        <translation>Add person…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="205" />
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="206" />
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="207" />
        <source>只显示在岗人员</source>
        <translation>Only people on the team</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="208" />
        <source>变更记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="210" />
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="260" />
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="210" />
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="260" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="210" />
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="260" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="210" />
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="210" />
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="261" />
        <source>专业类别</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="210" />
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="261" />
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="211" />
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="262" />
        <source>服务中心</source>
        <translation>Centre</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="211" />
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="262" />
        <source>学历</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="211" />
        <source>在岗期间</source>
        <translation>On the team</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="211" />
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="266" />
        <source>证书</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="244" />
        <source>在岗 {n} 人，共 {m} 条记录</source>
        <translation>{n} on the team, {m} records</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="261" />
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="263" />
        <source>学历放宽理由</source>
        <translation>Reason to relax the degree term</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="263" />
        <source>入职日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="264" />
        <source>离岗日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="265" />
        <source>新增</source>
        <translation>added</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="265" />
        <source>修改</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="265" />
        <source>离岗（人员变更）</source>
        <translation>left (staff change)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="266" />
        <source>入职（人员变更）</source>
        <translation>joined (staff change)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="267" />
        <source>导入</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="277" />
        <source>证书已修改</source>
        <translation>certificates changed</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="308" />
        <source>导入人员名册</source>
        <translation>Import a staff roster</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="309" />
        <source>名册文件 (*.csv *.xlsx *.xls)</source>
        <translation>Roster files (*.csv *.xlsx *.xls)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/staff_tab.py" line="321" />
        <source>已导入：新增 {i}，更新 {u}，未变 {n}</source>
        <translation>Imported: {i} new, {u} updated, {n} unchanged</translation>
    </message>
</context>
</TS>