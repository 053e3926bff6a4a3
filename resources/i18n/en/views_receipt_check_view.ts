<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ReceiptCheckView</name>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="189" />
        <source>票据核对</source>
        <translation>Receipt check</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="192" />
        <source>票据核对（手工报销）</source>
        <translation>Receipt check (manual reimbursements)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="193" />
        <source>批次大小</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="194" />
        <source>转到结算ID (Ctrl+G)</source>
        <translation>Go to settlement (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="195" />
        <source>领取批次 (Ctrl+B)</source>
        <translation>Take a batch (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="196" />
        <source>当前结算</source>
        <translation>Current settlement</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="197" />
        <source>结算ID</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="197" />
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="198" />
        <source>定点机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="198" />
        <source>就诊期间</source>
        <translation>Stay</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="199" />
        <source>医疗费总额（元）</source>
        <translation>Total medical cost (yuan)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="199" />
        <source>统筹基金支付</source>
        <translation>Basic fund paid</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="200" />
        <source>个人现金支付</source>
        <translation>Paid in cash</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="202" />
        <source>录入票据：扫码枪直接扫描，或逐项输入后按 Enter</source>
        <translation>Enter receipts: scan with the scanner, or type each field and press Enter</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="203" />
        <source>票据号码 / 扫码</source>
        <translation>Bill number / scan</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="203" />
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="209" />
        <source>开票日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="203" />
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="210" />
        <source>开票单位</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="204" />
        <source>金额（元）</source>
        <translation>Total (yuan)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="206" />
        <source>扫码或输入票据号码；空白时按 Enter 确认本结算</source>
        <translation>Scan or type the bill number; Enter on an empty field confirms the settlement</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="209" />
        <source>票据代码</source>
        <translation>Bill code</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="209" />
        <source>票据号码</source>
        <translation>Bill number</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="210" />
        <source>金额</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="210" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="211" />
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="212" />
        <source>Enter：下一项 / 空白时确认本结算并进入下一张　Ctrl+Backspace：删除最后一张票据　Esc：清空当前输入　Ctrl+B：领取新批次　Ctrl+G：转到批次外的结算</source>
        <translation>Enter: next field / on an empty field confirm and go on   Ctrl+Backspace: remove the last receipt   Esc: clear the entry   Ctrl+B: take a new batch   Ctrl+G: a settlement outside the batches</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="299" />
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="379" />
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="485" />
        <source>没有待核对的结算；按 Ctrl+B 领取新批次</source>
        <translation>No settlement left to check; press Ctrl+B to take a new batch</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="307" />
        <source>无法识别的扫码内容：{t}</source>
        <translation>Scan not recognised: {t}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="341" />
        <source>票据 {b} 已录入本结算</source>
        <translation>Receipt {b} is already entered for this settlement</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="382" />
        <source>请先录入或扫描票据</source>
        <translation>Enter or scan the receipts first</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="402" />
        <source>发现差异：{p}。再按 Enter 记为发现并继续，Ctrl+Backspace 修改</source>
        <translation>Differences: {p}. Press Enter again to record them as findings and go on, Ctrl+Backspace to correct</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="412" />
        <source>结算 {s} 已记录差异（{n} 项发现）</source>
        <translation>Settlement {s}: differences recorded ({n} findings)</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="415" />
        <source>结算 {s} 核对相符</source>
        <translation>Settlement {s} matches</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="455" />
        <source>已为 {u} 分配批次 #{b}（{n} 个结算）</source>
        <translation>Batch #{b} ({n} settlements) assigned to {u}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="487" />
        <source>批次 #{b}：第 {n} / {t} 张结算</source>
        <translation>Batch #{b}: settlement {n} of {t}</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="490" />
        <source>今日已核对 {r} 张票据 · {s} 个结算 · 每小时 {h} 张</source>
        <translation>Today {r} receipts · {s} settlements · {h} receipts/hour</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="499" />
        <source>录入</source>
        <translation>keyed</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="499" />
        <source>扫码</source>
        <translation>scanned</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="499" />
        <source>导入</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/receipt_check_view.py" line="515" />
        <source>票据 {n} 张，合计 {s} 元；医疗费总额 {m} 元；差额 {d} 元</source>
        <translation>{n} receipts, total {s} yuan; medical cost {m} yuan; difference {d} yuan</translation>
    </message>
</context>
</TS>