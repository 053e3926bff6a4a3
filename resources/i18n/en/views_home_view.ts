<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../../workstation/ui/views/home_view.py" line="113" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/home_view.py" line="116" />
        <source>今日关注</source>
        <translation>Needs attention today</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/home_view.py" line="117" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/home_view.py" line="124" />
        <source>正在汇总…</source>
        <translation>Gathering…</translation>
    </message>
    <message>
        <location filename="../../../workstation/ui/views/home_view.py" line="126" />
        <source>{contract}　截至 {day}　点击卡片打开对应页面</source>
        <translation>{contract}　as of {day}　click a tile to open its view</translation>
    </message>
</context>
</TS>