<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="213" />
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="216" />
        <source>审核员</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="216" />
        <source>审核组长</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="217" />
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="219" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="220" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="224" />
        <source>请输入用户名。</source>
        <translation>Please enter a user name.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="99" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="103" />
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="104" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="104" />
        <source>无操作自动锁定（分钟）</source>
        <translation>Lock after inactivity (minutes)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="104" />
        <source>系统密钥环</source>
        <translation>System keyring</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="109" />
        <source>可用：登录时可选择在此电脑上记住。</source>
        <translation>Available: you can choose to be remembered on this computer when signing in.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="110" />
        <source>本机没有可用的系统密钥环，每次登录都需要输入口令。</source>
        <translation>No usable system keyring on this computer: the passphrase is needed at every sign-in.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="111" />
        <source>忘记此电脑上保存的密钥</source>
        <translation>Forget the key saved on this computer</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="112" />
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="113" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="113" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="113" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="114" />
        <source>添加用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="115" />
        <source>停用所选用户</source>
        <translation>Deactivate selected user</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="116" />
        <source>数据库</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="117" />
        <source>文件：{path}
数据库标识：{sid}</source>
        <translation>File: {path}
Store id: {sid}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="118" />
        <source>校验事件日志</source>
        <translation>Verify event log</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="143" />
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="143" />
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="160" />
        <source>已忘记</source>
        <translation>Forgotten</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="160" />
        <source>此电脑上不再保存该用户的密钥。</source>
        <translation>This computer no longer keeps this user's key.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="185" />
        <source>停用用户</source>
        <translation>Deactivate user</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="185" />
        <source>停用用户 {name}？其密钥槽将被删除。</source>
        <translation>Deactivate user {name}? Their key slot will be deleted.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="200" />
        <source>完好：共 {n} 条事件，链条连续。</source>
        <translation>Intact: {n} events, chain unbroken.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/settings_view.py" line="203" />
        <source>损坏：第 {n} 条事件不符！</source>
        <translation>Broken: event {n} does not fit!</translation>
    </message>
</context>
</TS>