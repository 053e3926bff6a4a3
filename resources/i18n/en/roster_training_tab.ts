<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="24" />
        <source>培训记录</source>
        <translation>Training session</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="44" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="45" />
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="46" />
        <source>参训人员</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="48" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="49" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="125" />
        <source>新建培训…</source>
        <translation>New session…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="126" />
        <source>修改参训人员…</source>
        <translation>Edit attendees…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="127" />
        <source>季度培训检查（每人每季度至少 1 次）</source>
        <translation>Quarterly training check (each person at least once a quarter)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="128" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="128" />
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="128" />
        <source>参训人数</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="129" />
        <source>工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="129" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="129" />
        <source>本季度参训次数</source>
        <translation>Sessions this quarter</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="151" />
        <source>✔ 本季度在岗人员均已参训</source>
        <translation>✔ Everybody on the team attended this quarter</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="154" />
        <source>✘ {n} 人本季度未参训</source>
        <translation>✘ {n} people did not attend this quarter</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/roster/training_tab.py" line="157" />
        <source>（当前合同未约定季度培训）</source>
        <translation>(the active contract does not ask for quarterly training)</translation>
    </message>
</context>
</TS>