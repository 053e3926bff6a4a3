<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="157" />
        <source>医保审核工作站</source>
        <translation>Audit Review Workstation</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="161" />
        <source>用户：{name}（{role}）</source>
        <translation>User: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="162" />
        <source>数据库：{name}</source>
        <translation>Store: {name}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="163" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="164" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="165" />
        <source>锁定工作站</source>
        <translation>Lock workstation</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="166" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="167" />
        <location filename="../../../workstation/ui/main_window.py" line="246" />
        <source>快捷键一览</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="168" />
        <location filename="../../../workstation/ui/main_window.py" line="251" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="217" />
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="239" />
        <source>Ctrl+1 … Ctrl+8：切换视图</source>
        <translation>Ctrl+1 … Ctrl+8: switch views</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="240" />
        <source>Ctrl+L：锁定工作站</source>
        <translation>Ctrl+L: lock the workstation</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="241" />
        <source>F1：本快捷键一览</source>
        <translation>F1: this list of shortcuts</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="251" />
        <source>医保审核工作站 {v}
离线、加密的医保审核与稽核工具。</source>
        <translation>Audit Review Workstation {v}
Offline, encrypted claim review and audit.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="256" />
        <source>后台任务进行中</source>
        <translation>Background work running</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/main_window.py" line="257" />
        <source>仍有后台任务在运行。现在退出将取消它们（已完成的部分会回滚）。确定退出？</source>
        <translation>Background work is still running. Quitting now cancels it (partial work is rolled back). Quit anyway?</translation>
    </message>
</context>
</TS>