<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="77" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="77" />
        <source>开始时间</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="77" />
        <source>结束时间</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="78" />
        <source>询问人</source>
        <translation>Interviewer</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="78" />
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="78" />
        <source>记录人</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="79" />
        <source>被询问人</source>
        <translation>Interviewee</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="79" />
        <source>在场人员</source>
        <translation>Present for the institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="79" />
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="80" />
        <source>工作单位及职务</source>
        <translation>Work unit and post</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="83" />
        <source>检查情况</source>
        <translation>What was checked and found</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="84" />
        <source>问</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="84" />
        <source>答</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="85" />
        <source>添加问答</source>
        <translation>Add question</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="86" />
        <source>删除所选问答</source>
        <translation>Delete selected question</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="92" />
        <source>请选择或新建一份笔录。</source>
        <translation>Select or create a record.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="95" />
        <source>已签名封存（{who}，{at}），不能修改。封存哈希：{h}</source>
        <translation>Signed and sealed ({who}, {at}); it cannot be changed. Seal hash: {h}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/inspections/record_editor.py" line="100" />
        <source>草稿 {n}：填写完毕后签名并封存。</source>
        <translation>Draft {n}: sign and seal it when complete.</translation>
    </message>
</context>
</TS>