<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="132" />
        <source>医保审核工作站 — 登录</source>
        <translation>Audit Review Workstation — Sign in</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="133" />
        <source>医保审核工作站</source>
        <translation>Audit Review Workstation</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="135" />
        <source>工作站已因长时间无操作而锁定。请输入口令继续，未保存的输入不会丢失。</source>
        <translation>The workstation was locked after a period of inactivity. Enter your passphrase to continue; nothing you were typing is lost.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="137" />
        <source>连接办公室的数据库服务器；口令同时是您在服务器上的登录口令。</source>
        <translation>Connects to the office's database server; your passphrase is also your sign-in password there.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="139" />
        <source>所有数据加密保存在本机，无需联网。</source>
        <translation>All data stays encrypted on this computer; no network needed.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="140" />
        <source>本机数据库</source>
        <translation>Store on this computer</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="141" />
        <source>办公室服务器</source>
        <translation>Office server</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="142" />
        <source>数据库</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="142" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="142" />
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="142" />
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="142" />
        <source>服务器地址</source>
        <translation>Server URL</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="143" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="148" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="149" />
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="150" />
        <source>在此电脑上记住（使用系统密钥环）</source>
        <translation>Remember on this computer (system keyring)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="152" />
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="152" />
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="154" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="154" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="156" />
        <source>演示数据库：用户 demo-reviewer、demo-supervisor 或 demo-admin，口令均为 demo。</source>
        <translation>Demo store: users demo-reviewer, demo-supervisor or demo-admin, passphrase demo for each.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="184" />
        <source>选择数据库</source>
        <translation>Choose a store</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="185" />
        <source>工作站数据库 (*.db)</source>
        <translation>Workstation stores (*.db)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="212" />
        <source>无法新建数据库</source>
        <translation>Cannot create the store</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="214" />
        <source>正在新建数据库…</source>
        <translation>Creating the store…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="223" />
        <source>正在解锁…</source>
        <translation>Unlocking…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="238" />
        <source>请输入用户名。</source>
        <translation>Please enter a user name.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="278" />
        <source>系统密钥环不可用</source>
        <translation>No system keyring</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="279" />
        <source>本机没有可用的系统密钥环，无法记住口令。以后每次登录时请输入口令。</source>
        <translation>This computer has no usable system keyring, so the passphrase cannot be remembered. Please enter it each time you sign in.</translation>
    </message>
</context>
<context>
    <name>NewStoreDialog</name>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="289" />
        <source>新建加密数据库</source>
        <translation>New encrypted store</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="292" />
        <source>选择位置…</source>
        <translation>Choose location…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="297" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="298" />
        <source>管理员用户名</source>
        <translation>Administrator's user name</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="302" />
        <source>新数据库位置</source>
        <translation>Location of the new store</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="302" />
        <source>工作站数据库 (*.db)</source>
        <translation>Workstation stores (*.db)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/login_dialog.py" line="308" />
        <source>请填写文件位置和管理员用户名。</source>
        <translation>Please give the file location and the administrator's user name.</translation>
    </message>
</context>
</TS>