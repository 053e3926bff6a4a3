<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>NewProfileDialog</name>
    <message>
        <location filename="../../../workstation/ui/roster/profile_widgets.py" line="67" />
        <source>新建合同配置</source>
        <translation>New contract profile</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_widgets.py" line="72" />
        <source>（空白配置）</source>
        <translation>(empty profile)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_widgets.py" line="76" />
        <source>配置 ID（小写字母、数字、-）</source>
        <translation>Profile ID (lower-case letters, digits, -)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_widgets.py" line="77" />
        <source>中文名称</source>
        <translation>Chinese name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_widgets.py" line="78" />
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_widgets.py" line="79" />
        <source>复制自</source>
        <translation>Copy of</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_widgets.py" line="81" />
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/profile_widgets.py" line="82" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>