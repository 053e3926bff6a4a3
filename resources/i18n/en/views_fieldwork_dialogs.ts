<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="25" />
        <source>您的登录口令</source>
        <translation>Your login passphrase</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="25" />
        <source>工作包口令</source>
        <translation>Package passphrase</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="28" />
        <source>再次输入</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="30" />
        <source>恢复后将用您的账户打开新数据库并校验事件日志。</source>
        <translation>After restoring, the new store is opened with your account and its event log is verified.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="32" />
        <source>口令请通过另一渠道（当面或电话）告知接收人，不要与文件一起发送。</source>
        <translation>Tell the recipient the passphrase another way (in person or by phone); never send it with the file.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="33" />
        <source>请输入发送人告知的工作包口令。</source>
        <translation>Enter the package passphrase the sender gave you.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="36" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="37" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="52" />
        <source>口令不能为空</source>
        <translation>The passphrase must not be empty</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="55" />
        <source>两次输入的口令不一致</source>
        <translation>The passphrases differ</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="66" />
        <source>项目结束：删除全部数据</source>
        <translation>Project end: delete all data</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="69" />
        <source>此操作将永久删除本数据库、其日志文件、密钥槽、备份文件夹中的所有备份、证据缓存以及本机密钥环中的条目，无法撤销。删除后将生成删除证明 PDF。</source>
        <translation>This permanently deletes this store, its journal files, its key slots, every backup in its backups folder, evidence caches and this computer's keyring entries. It cannot be undone. A deletion certificate PDF is written afterwards.</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="73" />
        <source>请输入数据库文件名（不含扩展名）以确认：&lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>To confirm, type the store file's name without its extension: &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="79" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="86" />
        <source>确认文字</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="87" />
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="109" />
        <source>删除证明保存到</source>
        <translation>Save the certificate to</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="90" />
        <source>永久删除</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/fieldwork_dialogs.py" line="93" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>