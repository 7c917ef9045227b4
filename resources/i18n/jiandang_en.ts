<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../ui/excel_menu.py" line="36"/>
        <source>全部村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="37"/>
        <location filename="../../ui/excel_menu.py" line="95"/>
        <source>导出花名册</source>
        <translation>Export roster</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="37"/>
        <source>导出哪个村：</source>
        <translation>Export which village:</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="46"/>
        <source>Excel(&amp;E)</source>
        <translation>&amp;Excel</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="47"/>
        <source>从 Excel 导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="49"/>
        <source>导出花名册到 Excel…</source>
        <translation>Export roster to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="50"/>
        <source>导出查找结果到 Excel…</source>
        <translation>Export search results to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="51"/>
        <source>导出数据检查到 Excel…</source>
        <translation>Export data check to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="52"/>
        <source>导出统计到 Excel…</source>
        <translation>Export statistics to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="81"/>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="93"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="94"/>
        <source>{name}花名册-{date}.xlsx</source>
        <translation>{name} roster-{date}.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="104"/>
        <source>请先在查找框中输入要查找的内容。</source>
        <translation>First type what to look for in the search box.</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="109"/>
        <source>导出查找结果</source>
        <translation>Export search results</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="110"/>
        <source>查找结果.xlsx</source>
        <translation>search results.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="122"/>
        <source>导出数据检查</source>
        <translation>Export data check</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="123"/>
        <source>数据检查.xlsx</source>
        <translation>data check.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="135"/>
        <source>导出统计</source>
        <translation>Export statistics</translation>
    </message>
    <message>
        <location filename="../../ui/excel_menu.py" line="135"/>
        <source>统计.xlsx</source>
        <translation>statistics.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/procedures_menu.py" line="37"/>
        <source>程序(&amp;P)</source>
        <translation>&amp;Procedures</translation>
    </message>
    <message>
        <location filename="../../ui/procedures_menu.py" line="38"/>
        <source>登记程序步骤（批量）…</source>
        <translation>Record a procedure step (batch)…</translation>
    </message>
    <message>
        <location filename="../../ui/procedures_menu.py" line="39"/>
        <source>登记异议…</source>
        <translation>Record an objection…</translation>
    </message>
    <message>
        <location filename="../../ui/procedures_menu.py" line="40"/>
        <source>处理异议…</source>
        <translation>Resolve an objection…</translation>
    </message>
    <message>
        <location filename="../../ui/procedures_menu.py" line="42"/>
        <source>选中户的程序进度和脱贫标准…</source>
        <translation>Procedure progress and exit criteria of the selected household…</translation>
    </message>
    <message>
        <location filename="../../ui/procedures_menu.py" line="43"/>
        <source>统计(&amp;S)</source>
        <translation>&amp;Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/procedures_menu.py" line="44"/>
        <location filename="../../ui/procedures_menu.py" line="174"/>
        <source>预警</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/procedures_menu.py" line="45"/>
        <location filename="../../ui/procedures_menu.py" line="199"/>
        <source>统计报表</source>
        <translation>Statistics report</translation>
    </message>
    <message>
        <location filename="../../ui/procedures_menu.py" line="135"/>
        <source>没有未处理的异议。</source>
        <translation>There are no open objections.</translation>
    </message>
    <message>
        <location filename="../../ui/procedures_menu.py" line="162"/>
        <source>请先选中一户（在户列表或预警列表中）。</source>
        <translation>First select a household (in the household list or the warnings list).</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="29"/>
        <source>同步(&amp;Y)</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="30"/>
        <source>导出数据包到 U 盘…</source>
        <translation>Export a sync bundle to a USB drive…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="31"/>
        <source>导入数据包…</source>
        <translation>Import a sync bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="33"/>
        <source>冲突处理…</source>
        <translation>Resolve conflicts…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="34"/>
        <source>可能重复登记…</source>
        <translation>Possible duplicates…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="35"/>
        <source>各设备同步状态…</source>
        <translation>Sync status of each device…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="37"/>
        <source>同步密钥与设备登记…</source>
        <translation>Sync keys and device enrollment…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="42"/>
        <source>本机还没有同步密钥：请先在“同步 → 同步密钥与设备登记”中创建并登记。</source>
        <translation>This computer has no sync key yet: create and enroll one first under “Sync → Sync keys and device enrollment”.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="54"/>
        <source>还没有登记任何村里的电脑。</source>
        <translation>No village computer has been enrolled yet.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="71"/>
        <source>正在写入数据包…</source>
        <translation>Writing the sync bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="80"/>
        <source>已写入 {path}：{records}，读回校验一致。可以安全拔出 U 盘。</source>
        <translation>Wrote {path}: {records}, verified by reading back. The USB drive can be removed safely.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="90"/>
        <source>选择数据包</source>
        <translation>Choose a sync bundle</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="90"/>
        <source>建档数据包 (*.jdb)</source>
        <translation>Jiandang sync bundles (*.jdb)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="117"/>
        <source>导入报告：{when}，操作员 {who}，数据库 {db}</source>
        <translation>Import report: {when}, operator {who}, database {db}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="135"/>
        <source>正在检查数据包…</source>
        <translation>Checking the sync bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="135"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="145"/>
        <source>按导入顺序预览：每个文件都按它前面的文件导入之后的情况计算（冲突、重复、已有的记录）。</source>
        <translation>Previewed in import order: each file as it will be after the files before it are imported (conflicts, duplicates, records already here).</translation>
    </message>
    <message>
        <location filename="../../ui/sync_menu.py" line="149"/>
        <source>预览时没有计入时钟超前的数据包；确认导入它时，它后面的文件结果可能略有不同。</source>
        <translation>The preview left out the bundle whose clock is ahead; if you accept it, the files after it may come out slightly differently.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="53"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="53"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="56"/>
        <source>从未</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="72"/>
        <source>已吊销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="74"/>
        <source>数据包被拒收（见下方）</source>
        <translation>Bundle refused (see below)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="75"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/notices_menu.py" line="27"/>
        <source>公示(&amp;N)</source>
        <translation>&amp;Notices</translation>
    </message>
    <message>
        <location filename="../../ui/notices_menu.py" line="28"/>
        <source>生成公示、公告、明白卡…</source>
        <translation>Make a public notice, announcement or info card…</translation>
    </message>
    <message>
        <location filename="../../ui/notices_menu.py" line="29"/>
        <source>公示存档…</source>
        <translation>Notice archive…</translation>
    </message>
    <message>
        <location filename="../../ui/notices_menu.py" line="51"/>
        <source>{village}{year}年{kind}</source>
        <translation>{village} {year} {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/household_delete.py" line="28"/>
        <source>请先在列表中选中要删除的户。</source>
        <translation>Select the household to delete in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/household_delete.py" line="32"/>
        <source>删除 {household}？

只在录入错误时删除：成员、致贫原因、收入和帮扶措施一并删除，并会同步到各台电脑。全户已消亡或迁出的，请办理销号，不要删除。</source>
        <translation>Delete {household}?

Delete only what was entered by mistake: its members, causes, incomes and measures go with it, and the deletion reaches every laptop by sync. If the family died out or moved away, remove it from the register (销号) instead.</translation>
    </message>
    <message>
        <location filename="../../ui/household_delete.py" line="35"/>
        <source>删除户</source>
        <translation>Delete household</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="31"/>
        <source>关于建档</source>
        <translation>About Jiandang</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="39"/>
        <source>&lt;h2&gt;建档 {version}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Jiandang {version}&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="40"/>
        <source>离线的贫困户建档立卡登记程序，供驻村工作队和乡镇扶贫工作站使用。</source>
        <translation>An offline registry of poor households (建档立卡) for village work teams and township poverty offices.</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="58"/>
        <source>复制以上信息(&amp;C)</source>
        <translation>&amp;Copy these details</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="69"/>
        <source>便携版（数据在程序旁边的 data 文件夹中）</source>
        <translation>Portable (data in the data folder beside the program)</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="69"/>
        <source>标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="70"/>
        <source>打包版</source>
        <translation>packaged build</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="70"/>
        <source>源码运行</source>
        <translation>run from source</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="72"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="73"/>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="74"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="74"/>
        <source>（未打开）</source>
        <translation>(none open)</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="75"/>
        <source>日志文件</source>
        <translation>Log file</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="76"/>
        <source>安装方式</source>
        <translation>Installation</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="77"/>
        <source>程序文件夹</source>
        <translation>Program folder</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="78"/>
        <source>运行环境</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="83"/>
        <source>本程序使用的开源组件：Qt 6 和 PySide6（LGPL v3，以单独的动态库随程序提供，可以替换）、SQLite（公有领域）、ReportLab（BSD）、cryptography（Apache 2.0/BSD）、sqlite-utils（Apache 2.0）、pypinyin、openpyxl、python-calamine、platformdirs（MIT）。演示乡镇的数据全部是虚构的。</source>
        <translation>Open-source components: Qt 6 and PySide6 (LGPL v3, shipped as separate, replaceable shared libraries), SQLite (public domain), ReportLab (BSD), cryptography (Apache 2.0/BSD), sqlite-utils (Apache 2.0), pypinyin, openpyxl, python-calamine, platformdirs (MIT). The demo township&apos;s data is entirely fictitious.</translation>
    </message>
</context>
<context>
    <name>BasicPage</name>
    <message>
        <location filename="../../ui/editor_pages.py" line="154"/>
        <source>户主：{head}&#x3000;&#x3000;家庭人口：{population} 人&#x3000;&#x3000;当前状态：{status}</source>
        <translation>Head: {head}    Household size: {population}    Current status: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pages.py" line="155"/>
        <source>（未指定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pages.py" line="155"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>CausesPage</name>
    <message>
        <location filename="../../ui/editor_pages.py" line="188"/>
        <source>其他致贫原因：</source>
        <translation>Other causes:</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pages.py" line="191"/>
        <source>用空格键勾选；本省一般最多填两项致贫原因（含主要原因）。</source>
        <translation>Tick with the space bar; the province usually allows at most two causes in total (main cause included).</translation>
    </message>
</context>
<context>
    <name>ChangeHelperDialog</name>
    <message>
        <location filename="../../ui/helpers_page.py" line="133"/>
        <source>更换帮扶责任人</source>
        <translation>Change the helper</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="136"/>
        <source>已登记的帮扶责任人(&amp;R)</source>
        <translation>A &amp;registered helper</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="137"/>
        <source>登记新的帮扶责任人(&amp;W)</source>
        <translation>Register a ne&amp;w helper</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="157"/>
        <source>开始时间：</source>
        <translation>Start date:</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="181"/>
        <source>更换帮扶责任人的输入还没有保存。保存吗？</source>
        <translation>The change of helper is not saved yet. Save it?</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="188"/>
        <source>请填写开始时间。</source>
        <translation>Enter the start date.</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="214"/>
        <source>请从列表中选择帮扶责任人。</source>
        <translation>Choose a helper from the list.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../ui/sync_rekey.py" line="26"/>
        <source>更改同步密码</source>
        <translation>Change sync passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/sync_rekey.py" line="32"/>
        <source>原来的同步密码：</source>
        <translation>Current passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_rekey.py" line="33"/>
        <source>新的同步密码：</source>
        <translation>New passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_rekey.py" line="34"/>
        <source>再输入一次：</source>
        <translation>Type it again:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_rekey.py" line="35"/>
        <source>密钥和指纹不变，不需要重新登记。忘记了原来的密码时，请用“重新生成密钥…”。</source>
        <translation>The keys and fingerprint stay the same; nothing needs to be enrolled again. If you forgot the current passphrase, use &quot;Make new keys…&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_rekey.py" line="49"/>
        <source>密码至少要 8 个字符。</source>
        <translation>The passphrase needs at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_rekey.py" line="52"/>
        <source>两次输入的密码不一样。</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>CodeTablesPage</name>
    <message>
        <location filename="../../ui/settings_tables.py" line="137"/>
        <source>代码表由乡镇统一维护，此处只读。</source>
        <translation>Code tables are maintained by the township; they are read-only here.</translation>
    </message>
</context>
<context>
    <name>CodeValueTableModel</name>
    <message>
        <location filename="../../ui/settings_tables.py" line="51"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tables.py" line="52"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tables.py" line="53"/>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
</context>
<context>
    <name>ConflictDesk</name>
    <message>
        <location filename="../../ui/sync_desk.py" line="108"/>
        <source>冲突处理</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="121"/>
        <source>保留 A</source>
        <translation>Keep A</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="122"/>
        <source>改用 B</source>
        <translation>Use B</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="123"/>
        <source>输入新值…</source>
        <translation>Type a new value…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="124"/>
        <source>恢复记录</source>
        <translation>Restore record</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="125"/>
        <source>确认删除</source>
        <translation>Confirm deletion</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="126"/>
        <source>放弃此记录</source>
        <translation>Discard this record</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="127"/>
        <source>打开该户</source>
        <translation>Open that household</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="149"/>
        <source>待处理 {n} 项。A 是按统一规则暂定胜出的值（各台电脑上相同）；裁决后随回执包发回各村。</source>
        <translation>Items to resolve: {n}. A is the value that wins for now under the common rule (the same on every computer); decisions go back to the villages with the reply bundle.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="153"/>
        <source>没有待处理的冲突。</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="223"/>
        <source>{record}
{field}：</source>
        <translation>{record}
{field}:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="227"/>
        <source>输入新值</source>
        <translation>Type a new value</translation>
    </message>
</context>
<context>
    <name>ConflictsTableModel</name>
    <message>
        <location filename="../../ui/sync_desk.py" line="45"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="47"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="48"/>
        <source>A：当前值（暂定）</source>
        <translation>A: current value (for now)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="49"/>
        <source>A 来自</source>
        <translation>A from</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="50"/>
        <source>B：另一值</source>
        <translation>B: other value</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="51"/>
        <source>B 来自</source>
        <translation>B from</translation>
    </message>
    <message>
        <location filename="../../ui/sync_desk.py" line="46"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>DateDialog</name>
    <message>
        <location filename="../../ui/small_dialogs.py" line="44"/>
        <source>请填写日期。</source>
        <translation>Enter a date.</translation>
    </message>
</context>
<context>
    <name>DuplicatesDesk</name>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="78"/>
        <source>可能重复登记</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="82"/>
        <source>删除所选登记（保留另一户的）…</source>
        <translation>Delete the selected registration (keep the other household&apos;s)…</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="84"/>
        <source>打开所选的户</source>
        <translation>Open the selected household</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="86"/>
        <source>比较并合并两户…</source>
        <translation>Compare and merge the households…</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="88"/>
        <source>合并同一人的两条登记…</source>
        <translation>Merge the person&apos;s two records…</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="110"/>
        <source>{n} 个证件号码登记在两户或更多户中。同步不会自动覆盖：请比较后合并，或删除错误的登记。</source>
        <translation>{n} ID numbers are registered in two or more households. Sync never overwrites them: compare and merge, or delete the wrong registration.</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="114"/>
        <source>没有发现重复登记。</source>
        <translation>No possible duplicates found.</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="140"/>
        <source>从 {village} {head} 户中删除 {name} 的这条登记吗？另一户的登记保留。</source>
        <translation>Delete this registration of {name} from the household of {head}, {village}? The other household&apos;s registration is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="143"/>
        <source>删除重复登记</source>
        <translation>Delete duplicate registration</translation>
    </message>
</context>
<context>
    <name>DuplicatesTableModel</name>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="28"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="29"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="30"/>
        <source>与户主关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="31"/>
        <source>出生日期</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="32"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="33"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="34"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/duplicates_desk.py" line="35"/>
        <source>录入设备</source>
        <translation>Entered on</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../ui/sync_enroll.py" line="51"/>
        <source>保存本机密钥文件</source>
        <translation>Save this computer&apos;s key file</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="53"/>
        <source>选择对方的密钥文件</source>
        <translation>Choose the other side&apos;s key file</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="55"/>
        <source>密钥文件 (*.jdkey)</source>
        <translation>Key files (*.jdkey)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="67"/>
        <source>同步密钥与设备登记</source>
        <translation>Sync keys and device enrollment</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="72"/>
        <source>村（工作队笔记本电脑）</source>
        <translation>Village (work team laptop)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="73"/>
        <source>乡镇（汇总数据）</source>
        <translation>Township (collects the data)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="77"/>
        <source>例如：文峰村工作队（不要写人名）</source>
        <translation>e.g. Wenfeng village work team (no personal names)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="78"/>
        <source>第一步：创建本机密钥（只做一次）</source>
        <translation>Step 1: create this computer&apos;s key (once only)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="80"/>
        <source>本机角色：</source>
        <translation>This computer&apos;s role:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="81"/>
        <source>设备名称：</source>
        <translation>Device name:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="82"/>
        <source>创建密钥…</source>
        <translation>Create key…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="85"/>
        <source>把本机密钥文件写到 U 盘…</source>
        <translation>Write this computer&apos;s key file to a USB drive…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="87"/>
        <source>登记对方的密钥文件…</source>
        <translation>Enroll the other side&apos;s key file…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="89"/>
        <source>忘记同步密码或更换密码</source>
        <translation>Forgotten or changed passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="90"/>
        <source>更改同步密码…</source>
        <translation>Change sync passphrase…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="92"/>
        <source>重新生成密钥…</source>
        <translation>Make new keys…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="94"/>
        <source>忘记了同步密码或怀疑密钥泄露：重新生成密钥，数据不变，对方重新登记本机的密钥文件。</source>
        <translation>Forgot the sync passphrase or suspect the keys leaked: make new keys; the data stays, and the other side enrolls this computer&apos;s new key file.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="101"/>
        <source>登记步骤：村里的电脑把密钥文件写到 U 盘，乡镇登记它并写出乡镇的密钥文件，村里的电脑再登记乡镇的密钥文件。两边屏幕上显示的指纹必须一致。</source>
        <translation>Enrollment: the village computer writes its key file to a USB drive, the township enrolls it and writes the township&apos;s key file, then the village computer enrolls the township&apos;s key file. The fingerprints shown on both screens must match.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="127"/>
        <source>本机还没有同步密钥。</source>
        <translation>This computer has no sync key yet.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="130"/>
        <source>乡镇</source>
        <translation>township</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="130"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="132"/>
        <source>本机：{name}（{role}），设备编号 {site}</source>
        <translation>This computer: {name} ({role}), device {site}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="134"/>
        <source>指纹：{fp}</source>
        <translation>Fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="173"/>
        <source>已写出本机密钥文件。请对方登记它，并核对指纹：{fp}</source>
        <translation>This computer&apos;s key file was written. Have the other side enroll it and compare the fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="193"/>
        <source>重新启用已吊销的设备？</source>
        <translation>Re-enable a revoked device?</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="195"/>
        <source>{name}（设备编号 {site}）已于 {when} 吊销。U 盘上常留着它的旧密钥文件，请确认没有选错。

重新登记会重新启用这台设备：它的数据包又会被导入。确实要重新启用吗？</source>
        <translation>{name} (device {site}) was revoked on {when}. Old key files often stay on USB sticks: make sure you chose the right one.

Enrolling it again re-enables this device: its bundles will be imported again. Really re-enable it?</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="203"/>
        <source>对方：{name}
指纹：{fp}

请与对方屏幕上显示的指纹逐字核对。完全一致吗？</source>
        <translation>Other side: {name}
Fingerprint: {fp}

Compare it character by character with the fingerprint on the other screen. Is it exactly the same?</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="208"/>
        <source>登记后，原来的乡镇 {old} 将停用，以后的数据包只发给 {new}。</source>
        <translation>Once enrolled, the previous township {old} is no longer used: bundles go to {new} only.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="211"/>
        <source>核对指纹</source>
        <translation>Compare fingerprints</translation>
    </message>
    <message>
        <location filename="../../ui/sync_enroll.py" line="218"/>
        <source>已登记 {name}。</source>
        <translation>{name} is enrolled.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="86"/>
        <source>导出数据包</source>
        <translation>Export sync bundle</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="91"/>
        <source>{path}（可用 {free:.1f} GB）</source>
        <translation>{path} ({free:.1f} GB free)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="98"/>
        <source>请选择 U 盘：</source>
        <translation>Choose a USB drive:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="98"/>
        <source>没有找到 U 盘。请插入 U 盘，或选择一个文件夹。</source>
        <translation>No USB drive found. Insert one, or choose a folder.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="100"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="107"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="115"/>
        <source>回执包发给：</source>
        <translation>Reply bundle for:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="120"/>
        <source>文件名只含设备编号和序号，不含人名或村名。</source>
        <translation>File names hold only the device number and a sequence number, no names of people or villages.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="149"/>
        <source>选择导出到的文件夹</source>
        <translation>Choose the folder to export to</translation>
    </message>
</context>
<context>
    <name>FieldChoiceTableModel</name>
    <message>
        <location filename="../../ui/merge_models.py" line="27"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/merge_models.py" line="28"/>
        <source>A（保留）</source>
        <translation>A (kept)</translation>
    </message>
    <message>
        <location filename="../../ui/merge_models.py" line="29"/>
        <source>B（并入）</source>
        <translation>B (merged in)</translation>
    </message>
    <message>
        <location filename="../../ui/merge_models.py" line="31"/>
        <source>B（删除）</source>
        <translation>B (deleted)</translation>
    </message>
    <message>
        <location filename="../../ui/merge_models.py" line="32"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../ui/file_actions.py" line="27"/>
        <source>打开数据库…(&amp;O)</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="29"/>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="32"/>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="33"/>
        <source>从备份恢复…(&amp;E)</source>
        <translation>R&amp;estore from a backup…</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="35"/>
        <source>打开演示乡镇(&amp;D)</source>
        <translation>Open the &amp;demo township</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="37"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="46"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="57"/>
        <source>无法打开数据库：{error}</source>
        <translation>Cannot open the database: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="66"/>
        <source>打开或新建数据库</source>
        <translation>Open or create a database</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="68"/>
        <location filename="../../ui/file_actions.py" line="106"/>
        <source>建档数据库 (*.db)</source>
        <translation>Jiandang databases (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="86"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="92"/>
        <source>备份失败：{error}</source>
        <translation>Backup failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="94"/>
        <source>已备份到：
{path}</source>
        <translation>Backed up to:
{path}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="104"/>
        <source>选择备份</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="110"/>
        <source>用备份“{name}”替换当前数据库的全部内容？
当前数据会先另存一份安全备份。</source>
        <translation>Replace the whole content of the database with the backup “{name}”?
A safety copy of the current data is made first.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="117"/>
        <source>从备份恢复</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="129"/>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="141"/>
        <source>已从“{name}”恢复。恢复前的数据另存为：
{safety}</source>
        <translation>Restored from &quot;{name}&quot;. The data as it was before is kept in:
{safety}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="174"/>
        <source>正在生成演示乡镇（虚构数据）…</source>
        <translation>Generating the demo township (fictitious data)…</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/excel_pages.py" line="42"/>
        <source>选择要导入的 Excel 文件</source>
        <translation>Choose the Excel file to import</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="53"/>
        <source>选择文件</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="54"/>
        <source>选择要导入的花名册（.xlsx、.xls 或 .ods）。每行一名家庭成员或每行一户都可以。</source>
        <translation>Choose the roster to import (.xlsx, .xls or .ods). One row per family member or one row per household both work.</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="56"/>
        <source>Excel 文件</source>
        <translation>Excel file</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="57"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="60"/>
        <source>（按表中的“村”列）</source>
        <translation>(from the sheet&apos;s “village” column)</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="64"/>
        <source>表中的村和村民小组不存在时新建（村须有代码和名称）</source>
        <translation>Create villages and villager groups that do not exist yet (a village needs its code and name)</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="79"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="80"/>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="82"/>
        <source>“贫困户状态”的年度</source>
        <translation>Year of the “poor household status”</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/first_start.py" line="39"/>
        <source>欢迎使用建档</source>
        <translation>Welcome to Jiandang</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="41"/>
        <source>驻村工作队（在村里登记、更新贫困户）(&amp;V)</source>
        <translation>&amp;Village work team (registers and updates households in the village)</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="42"/>
        <source>乡镇扶贫工作站（汇总、检查、公示）(&amp;T)</source>
        <translation>&amp;Township poverty office (merges, checks, publishes notices)</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="46"/>
        <source>9 位或 12 位乡镇区划代码，例如 621121103</source>
        <translation>9- or 12-digit township code, e.g. 621121103</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="47"/>
        <source>新的乡镇需要填写名称</source>
        <translation>A new township needs its name</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="51"/>
        <source>每行一个村：区划代码 村名，例如
621121103201 文峰村</source>
        <translation>One village per line: code and name, e.g.
621121103201 文峰村</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="56"/>
        <source>您的姓名，记入每次修改的记录</source>
        <translation>Your name, recorded with every change</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="79"/>
        <source>第一次使用，请说明这台电脑由谁使用、负责哪个乡镇或哪些村。也可以先打开演示乡镇（虚构数据）看一看。</source>
        <translation>First start: tell who uses this computer and which township or villages it covers. You can also open the demo township (fictitious data) first to look around.</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="84"/>
        <source>使用角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="86"/>
        <source>乡镇：</source>
        <translation>Township:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="87"/>
        <source>乡镇名称：</source>
        <translation>Township name:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="88"/>
        <source>已登记的村：</source>
        <translation>Registered villages:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="89"/>
        <source>其他村：</source>
        <translation>Other villages:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="90"/>
        <source>设备名称：</source>
        <translation>Device name:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="91"/>
        <source>操作员：</source>
        <translation>Operator:</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="93"/>
        <source>开始使用(&amp;S)</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="94"/>
        <source>打开演示乡镇(&amp;D)</source>
        <translation>Open the &amp;demo township</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="95"/>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message>
        <location filename="../../ui/groups_page.py" line="28"/>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <location filename="../../ui/groups_page.py" line="29"/>
        <source>户数</source>
        <translation>Households</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="38"/>
        <source>建档使用帮助</source>
        <translation>Jiandang help</translation>
    </message>
</context>
<context>
    <name>HelpersPage</name>
    <message>
        <location filename="../../ui/helpers_page.py" line="76"/>
        <source>更换帮扶责任人…(&amp;H)</source>
        <translation>Change the &amp;helper…</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="77"/>
        <source>结束当前结对…(&amp;N)</source>
        <translation>E&amp;nd the current pairing…</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="94"/>
        <source>保存新户后才能登记帮扶责任人。</source>
        <translation>Save the new household before recording its helper.</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="109"/>
        <source>这一户目前没有帮扶责任人。</source>
        <translation>This household has no helper at present.</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="112"/>
        <source>结束结对</source>
        <translation>End the pairing</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="112"/>
        <source>结束时间：</source>
        <translation>End date:</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../ui/history_page.py" line="126"/>
        <source>每次保存都记入变更记录，不能修改或删除。</source>
        <translation>Every save is kept in the change record; it cannot be changed or deleted.</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../ui/history_page.py" line="36"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="37"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="38"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="39"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="40"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="41"/>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="42"/>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="49"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="50"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="51"/>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <location filename="../../ui/household_editor.py" line="96"/>
        <source>基本情况</source>
        <translation>Basic facts</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="97"/>
        <source>家庭成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="98"/>
        <source>致贫原因</source>
        <translation>Causes</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="99"/>
        <source>生产生活条件</source>
        <translation>Living conditions</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="100"/>
        <source>收入</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="101"/>
        <source>帮扶责任人</source>
        <translation>Helper</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="102"/>
        <source>帮扶措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="103"/>
        <source>程序</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="104"/>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="116"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="117"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="165"/>
        <source>新户</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="166"/>
        <source>户：{name}</source>
        <translation>Household: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="176"/>
        <source>错误：{message}</source>
        <translation>Error: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="176"/>
        <source>提示：{message}</source>
        <translation>Note: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="188"/>
        <source>{year} 年{message}</source>
        <translation>Income {year}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="216"/>
        <source>请先保存这一户，再登记成员变动。</source>
        <translation>Save this household first, then record member changes.</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="225"/>
        <source>登记成员变动前需要先保存修改。现在保存吗？</source>
        <translation>The changes must be saved before recording a member change. Save now?</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="226"/>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../ui/household_editor.py" line="248"/>
        <source>这一户有未保存的修改。保存吗？</source>
        <translation>This household has unsaved changes. Save them?</translation>
    </message>
</context>
<context>
    <name>HouseholdListPanel</name>
    <message>
        <location filename="../../ui/household_list.py" line="67"/>
        <source>查找：姓名、拼音首字母、身份证号片段、户编号…</source>
        <translation>Search: name, pinyin initials, part of an ID number, household number…</translation>
    </message>
    <message>
        <location filename="../../ui/household_list.py" line="85"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/household_list.py" line="86"/>
        <source>属性</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location filename="../../ui/household_list.py" line="87"/>
        <source>主要致贫原因</source>
        <translation>Main cause</translation>
    </message>
    <message>
        <location filename="../../ui/household_list.py" line="89"/>
        <source>有预警</source>
        <translation>With warnings</translation>
    </message>
    <message>
        <location filename="../../ui/household_list.py" line="91"/>
        <source>按该年度的状态显示和筛选</source>
        <translation>Show and filter the status as of this year</translation>
    </message>
    <message>
        <location filename="../../ui/household_list.py" line="93"/>
        <source>预警数由数据检查提供</source>
        <translation>Warning counts come from the data checks</translation>
    </message>
    <message>
        <location filename="../../ui/household_list.py" line="102"/>
        <source>{what}：全部</source>
        <translation>{what}: all</translation>
    </message>
    <message>
        <location filename="../../ui/household_list.py" line="114"/>
        <source>年度：最新</source>
        <translation>Year: latest</translation>
    </message>
    <message>
        <location filename="../../ui/household_list.py" line="116"/>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../ui/household_list.py" line="128"/>
        <source>列</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/household_list.py" line="129"/>
        <source>选择显示的列</source>
        <translation>Choose the columns shown</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../ui/household_table.py" line="30"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/household_table.py" line="31"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/household_table.py" line="32"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/household_table.py" line="33"/>
        <source>村民小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/household_table.py" line="34"/>
        <source>人口</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/household_table.py" line="35"/>
        <source>属性</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location filename="../../ui/household_table.py" line="36"/>
        <source>主要致贫原因</source>
        <translation>Main cause</translation>
    </message>
    <message>
        <location filename="../../ui/household_table.py" line="37"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/household_table.py" line="38"/>
        <source>计划脱贫年度</source>
        <translation>Planned exit</translation>
    </message>
    <message>
        <location filename="../../ui/household_table.py" line="39"/>
        <source>帮扶责任人</source>
        <translation>Helper</translation>
    </message>
    <message>
        <location filename="../../ui/household_table.py" line="40"/>
        <source>预警</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/household_table.py" line="42"/>
        <source>匹配</source>
        <translation>Match</translation>
    </message>
</context>
<context>
    <name>ImportChangesTableModel</name>
    <message>
        <location filename="../../ui/excel_models.py" line="108"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/excel_models.py" line="109"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/excel_models.py" line="110"/>
        <source>对象</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/excel_models.py" line="111"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/excel_models.py" line="112"/>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../ui/excel_models.py" line="113"/>
        <source>新值</source>
        <translation>New value</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../ui/excel_wizard.py" line="149"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="151"/>
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="177"/>
        <source>没有导入任何数据。</source>
        <translation>Nothing was imported.</translation>
    </message>
</context>
<context>
    <name>ImportReportTableModel</name>
    <message>
        <location filename="../../ui/excel_models.py" line="78"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/excel_models.py" line="79"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/excel_models.py" line="80"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/excel_models.py" line="81"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/excel_models.py" line="85"/>
        <location filename="../../ui/excel_models.py" line="99"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/excel_models.py" line="86"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/excel_models.py" line="87"/>
        <location filename="../../ui/excel_models.py" line="97"/>
        <source>跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../ui/excel_models.py" line="88"/>
        <source>没有姓名或证件号码，未导入：{text}</source>
        <translation>No name or ID number, not imported: {text}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/excel_wizard.py" line="44"/>
        <source>保存有错误的行</source>
        <translation>Save the rows with errors</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="222"/>
        <source>从 Excel 导入</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="245"/>
        <source>{name}-错误行.xlsx</source>
        <translation>{name}-rows with errors.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="249"/>
        <source>已保存 {count} 行到 {path}</source>
        <translation>Saved {count} rows to {path}</translation>
    </message>
</context>
<context>
    <name>IncomePage</name>
    <message>
        <location filename="../../ui/income_page.py" line="50"/>
        <source>添加年度(&amp;Y)</source>
        <translation>Add &amp;year</translation>
    </message>
    <message>
        <location filename="../../ui/income_page.py" line="54"/>
        <source>家庭人口按该年 12 月 31 日在户的成员计算；已保存且金额未改的年度沿用记录的人数。</source>
        <translation>Household size counts the members living in the household on 31 December of the year; a saved year whose amounts are unchanged keeps its recorded size.</translation>
    </message>
    <message>
        <location filename="../../ui/income_page.py" line="64"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/income_page.py" line="103"/>
        <location filename="../../ui/income_page.py" line="177"/>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../ui/income_page.py" line="146"/>
        <source>还没有收入记录：选择年度后点“添加年度”。</source>
        <translation>No income recorded yet: choose a year and click “Add year”.</translation>
    </message>
    <message>
        <location filename="../../ui/income_page.py" line="164"/>
        <source>财产性收入 {p} 元&#x3000;转移性收入 {t} 元&#x3000;家庭纯收入 {n} 元&#x3000;家庭人口 {people} 人（{when}）&#x3000;年人均纯收入 {c} 元</source>
        <translation>Property income {p} yuan   Transfer income {t} yuan   Net household income {n} yuan   Household size {people} ({when})   Per-capita net income {c} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/income_page.py" line="180"/>
        <source>{when}，原记录 {stored} 人</source>
        <translation>{when}; recorded: {stored}</translation>
    </message>
    <message>
        <location filename="../../ui/income_page.py" line="184"/>
        <source>{year} 年没有贫困线，请在“设置”中填写。</source>
        <translation>There is no poverty line for {year}; enter it in Settings.</translation>
    </message>
    <message>
        <location filename="../../ui/income_page.py" line="186"/>
        <source>{year} 年贫困线 {line:,.0f} 元。</source>
        <translation>Poverty line {year}: {line:,.0f} yuan.</translation>
    </message>
    <message>
        <location filename="../../ui/income_page.py" line="189"/>
        <source>高于贫困线</source>
        <translation>above the poverty line</translation>
    </message>
    <message>
        <location filename="../../ui/income_page.py" line="189"/>
        <source>不高于贫困线</source>
        <translation>not above the poverty line</translation>
    </message>
    <message>
        <location filename="../../ui/income_page.py" line="190"/>
        <source>{year} 年贫困线 {line:,.0f} 元：{verdict}</source>
        <translation>Poverty line {year}: {line:,.0f} yuan: {verdict}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>使用帮助(&amp;H)</source>
        <translation>Jiandang &amp;help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>关于建档(&amp;A)</source>
        <translation>&amp;About Jiandang</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="120"/>
        <source>已自动备份：{name}</source>
        <translation>Automatic backup made: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="134"/>
        <source>自动备份失败，请检查磁盘空间。</source>
        <translation>The automatic backup failed; check the free disk space.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <source>建档 — {name}</source>
        <translation>Jiandang — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>登记(&amp;R)</source>
        <translation>&amp;Registry</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>新建户…(&amp;N)</source>
        <translation>&amp;New household…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>打开所选户(&amp;O)</source>
        <translation>&amp;Open the selected household</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>删除所选户（录入错误）…(&amp;D)</source>
        <translation>&amp;Delete the selected household (entered by mistake)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>设置…(&amp;S)</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>初始设置…(&amp;I)</source>
        <translation>&amp;Initial setup…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>列表显示的列…(&amp;C)</source>
        <translation>List &amp;columns…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157"/>
        <source>显示 {shown} 户（共 {total} 户）</source>
        <comment>one household shown</comment>
        <translation>{shown} household shown ({total} in all)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159"/>
        <source>显示 {shown} 户（共 {total} 户）</source>
        <translation>{shown} households shown ({total} in all)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>；只显示最先找到的匹配，请输入更多字符缩小范围</source>
        <translation>; only the first matches are shown, type more to narrow the search</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>。还没有登记村：请用“工具 → 初始设置…”说明负责的乡镇和村</source>
        <translation>. No village registered yet: use Tools → Initial setup… to give your township and villages</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/excel_pages.py" line="129"/>
        <source>上次确认</source>
        <translation>Confirmed last time</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="130"/>
        <source>按列名识别</source>
        <translation>By column name</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="131"/>
        <source>相近列名（请核对）</source>
        <translation>Similar name (please check)</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="132"/>
        <source>未识别</source>
        <translation>Not recognized</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="133"/>
        <source>重复，未用</source>
        <translation>Duplicate, not used</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="134"/>
        <source>已修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="140"/>
        <source>核对各列</source>
        <translation>Check the columns</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="141"/>
        <source>程序按列名猜出了每一列的内容，请逐列核对；选“（不导入）”的列会被忽略。</source>
        <translation>Each column&apos;s content was guessed from its heading; check them one by one. Columns set to “(not imported)” are ignored.</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="147"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="147"/>
        <source>表头</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="147"/>
        <source>示例</source>
        <translation>Example</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="147"/>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="147"/>
        <source>识别方式</source>
        <translation>Recognized</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="154"/>
        <source>记住这些对应关系（下次导入时自动使用）</source>
        <translation>Remember these columns (used automatically next time)</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="157"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="193"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="226"/>
        <source>每行一名家庭成员</source>
        <translation>one family member per row</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="226"/>
        <source>每行一户</source>
        <translation>one household per row</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="228"/>
        <source>表头在第 {row} 行，数据从第 {data} 行开始；{shape}。</source>
        <translation>Headings in row {row}, data from row {data}; {shape}.</translation>
    </message>
    <message>
        <location filename="../../ui/excel_pages.py" line="233"/>
        <source>没有找到表头。</source>
        <translation>No heading row found.</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <location filename="../../ui/measure_dialog.py" line="72"/>
        <source>帮扶措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../ui/measure_dialog.py" line="110"/>
        <source>扶贫小额信贷</source>
        <translation>Poverty micro-credit</translation>
    </message>
    <message>
        <location filename="../../ui/measure_dialog.py" line="129"/>
        <source>五个一批：{category}</source>
        <translation>Category (五个一批): {category}</translation>
    </message>
    <message>
        <location filename="../../ui/measure_dialog.py" line="177"/>
        <source>这条帮扶措施有未保存的输入。保存吗？</source>
        <translation>This measure has unsaved input. Save it?</translation>
    </message>
    <message>
        <location filename="../../ui/measure_dialog.py" line="183"/>
        <source>有提示需要核对；确认无误请再点“确定”保存。</source>
        <translation>Please check the warnings; click OK again to save.</translation>
    </message>
</context>
<context>
    <name>MeasureTableModel</name>
    <message>
        <location filename="../../ui/measures_page.py" line="26"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/measures_page.py" line="27"/>
        <source>措施类型</source>
        <translation>Measure type</translation>
    </message>
    <message>
        <location filename="../../ui/measures_page.py" line="28"/>
        <source>五个一批</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/measures_page.py" line="29"/>
        <source>措施内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/measures_page.py" line="30"/>
        <source>实施状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/measures_page.py" line="31"/>
        <source>资金合计（元）</source>
        <translation>Funds (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/measures_page.py" line="32"/>
        <source>计划开始</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <location filename="../../ui/measures_page.py" line="33"/>
        <source>实际完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/measures_page.py" line="34"/>
        <source>贷款金额（元）</source>
        <translation>Loan (yuan)</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <location filename="../../ui/measures_page.py" line="74"/>
        <source>保存新户后才能登记帮扶措施。</source>
        <translation>Save the new household before recording measures.</translation>
    </message>
    <message>
        <location filename="../../ui/measures_page.py" line="78"/>
        <source>添加措施(&amp;A)</source>
        <translation>&amp;Add measure</translation>
    </message>
    <message>
        <location filename="../../ui/measures_page.py" line="79"/>
        <source>修改(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/measures_page.py" line="80"/>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/measures_page.py" line="119"/>
        <source>删除措施</source>
        <translation>Delete measure</translation>
    </message>
    <message>
        <location filename="../../ui/measures_page.py" line="119"/>
        <source>删除这条帮扶措施（录入错误时）？</source>
        <translation>Delete this measure (entered by mistake)?</translation>
    </message>
</context>
<context>
    <name>MemberChangeDialog</name>
    <message>
        <location filename="../../ui/member_change_dialog.py" line="33"/>
        <source>成员变动</source>
        <translation>Member change</translation>
    </message>
    <message>
        <location filename="../../ui/member_change_dialog.py" line="44"/>
        <source>填写新成员…(&amp;M)</source>
        <translation>Enter the new &amp;member…</translation>
    </message>
    <message>
        <location filename="../../ui/member_change_dialog.py" line="66"/>
        <source>变动类型：</source>
        <translation>Change:</translation>
    </message>
    <message>
        <location filename="../../ui/member_change_dialog.py" line="67"/>
        <source>变动日期：</source>
        <translation>Date of change:</translation>
    </message>
    <message>
        <location filename="../../ui/member_change_dialog.py" line="68"/>
        <source>离户成员：</source>
        <translation>Member leaving:</translation>
    </message>
    <message>
        <location filename="../../ui/member_change_dialog.py" line="69"/>
        <source>新户主：</source>
        <translation>New head:</translation>
    </message>
    <message>
        <location filename="../../ui/member_change_dialog.py" line="70"/>
        <source>新成员：</source>
        <translation>New member:</translation>
    </message>
    <message>
        <location filename="../../ui/member_change_dialog.py" line="72"/>
        <source>备注：</source>
        <translation>Note:</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../ui/member_dialog.py" line="82"/>
        <source>家庭成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../ui/member_dialog.py" line="82"/>
        <source>添加家庭成员</source>
        <translation>Add a member</translation>
    </message>
    <message>
        <location filename="../../ui/member_dialog.py" line="85"/>
        <source>打开该户(&amp;O)</source>
        <translation>&amp;Open that household</translation>
    </message>
    <message>
        <location filename="../../ui/member_dialog.py" line="147"/>
        <source>已按身份证号码改正（原为 {old}）</source>
        <translation>Corrected from the ID number (was {old})</translation>
    </message>
    <message>
        <location filename="../../ui/member_dialog.py" line="157"/>
        <source>该号码已登记为{where}户的成员“{name}”，同一号码不能出现在两户中。</source>
        <translation>This number is already registered to {name}, a member of the household {where}; one number cannot be in two households.</translation>
    </message>
    <message>
        <location filename="../../ui/member_dialog.py" line="166"/>
        <source>放弃本次录入，打开该号码所在的户？</source>
        <translation>Discard this entry and open the household holding the number?</translation>
    </message>
    <message>
        <location filename="../../ui/member_dialog.py" line="167"/>
        <source>打开该户</source>
        <translation>Open that household</translation>
    </message>
    <message>
        <location filename="../../ui/member_dialog.py" line="199"/>
        <source>这名成员有未保存的输入。保存吗？</source>
        <translation>This member has unsaved input. Save it?</translation>
    </message>
</context>
<context>
    <name>MemberMergeDialog</name>
    <message>
        <location filename="../../ui/member_merge_dialog.py" line="28"/>
        <location filename="../../ui/member_merge_dialog.py" line="91"/>
        <source>合并同一人的两条登记</source>
        <translation>Merge one person&apos;s two records</translation>
    </message>
    <message>
        <location filename="../../ui/member_merge_dialog.py" line="38"/>
        <source>合并原因（必填），例如：已嫁到 B 户，原户未办理离户</source>
        <translation>Reason for the merge (required), e.g. married into household B, never removed from the old one</translation>
    </message>
    <message>
        <location filename="../../ui/member_merge_dialog.py" line="39"/>
        <source>合并…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <location filename="../../ui/member_merge_dialog.py" line="41"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/member_merge_dialog.py" line="48"/>
        <source>原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/member_merge_dialog.py" line="60"/>
        <source>A（保留）：{a} 的登记
B（删除）：{b} 的登记</source>
        <translation>A (kept): the record in {a}
B (deleted): the record in {b}</translation>
    </message>
    <message>
        <location filename="../../ui/member_merge_dialog.py" line="79"/>
        <source>不能合并：{reason}</source>
        <translation>Cannot merge: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/member_merge_dialog.py" line="86"/>
        <source>请填写合并原因。</source>
        <translation>Enter the reason for the merge.</translation>
    </message>
    <message>
        <location filename="../../ui/member_merge_dialog.py" line="88"/>
        <source>保留 A 的登记，删除 B 的登记吗？合并结果会同步到各台电脑，不能撤销。</source>
        <translation>Keep record A and delete record B? The merge reaches every laptop with the next sync and cannot be undone.</translation>
    </message>
</context>
<context>
    <name>MemberPairsTableModel</name>
    <message>
        <location filename="../../ui/merge_models.py" line="34"/>
        <source>A 户的登记</source>
        <translation>Record in A</translation>
    </message>
    <message>
        <location filename="../../ui/merge_models.py" line="35"/>
        <source>B 户的登记</source>
        <translation>Record in B</translation>
    </message>
    <message>
        <location filename="../../ui/merge_models.py" line="36"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/merge_models.py" line="37"/>
        <source>合并后</source>
        <translation>After the merge</translation>
    </message>
    <message>
        <location filename="../../ui/merge_models.py" line="38"/>
        <source>不同的项</source>
        <translation>Differing fields</translation>
    </message>
    <message>
        <location filename="../../ui/merge_models.py" line="153"/>
        <source>同一人，合并为一条</source>
        <translation>Same person: one record kept</translation>
    </message>
    <message>
        <location filename="../../ui/merge_models.py" line="155"/>
        <source>保留</source>
        <translation>Stays</translation>
    </message>
    <message>
        <location filename="../../ui/merge_models.py" line="157"/>
        <source>转入 A 户</source>
        <translation>Moves to household A</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <location filename="../../ui/members_page.py" line="28"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="29"/>
        <source>与户主关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="30"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="31"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="32"/>
        <source>出生日期</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="33"/>
        <source>在户</source>
        <translation>Lives here</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="34"/>
        <source>劳动技能</source>
        <translation>Labour</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="35"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="77"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="78"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../ui/members_page.py" line="123"/>
        <source>添加成员(&amp;A)</source>
        <translation>&amp;Add member</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="124"/>
        <source>修改(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="125"/>
        <source>删除（录入错误）(&amp;D)</source>
        <translation>&amp;Delete (entered by mistake)</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="126"/>
        <source>成员变动…(&amp;C)</source>
        <translation>Member &amp;change…</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="200"/>
        <source>删除成员“{name}”？只在录入错误时删除；死亡、嫁出、迁出等请用“成员变动”登记。</source>
        <translation>Delete the member “{name}”? Delete only what was entered by mistake; record deaths, marriages and moves as member changes.</translation>
    </message>
    <message>
        <location filename="../../ui/members_page.py" line="203"/>
        <source>删除成员</source>
        <translation>Delete member</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/merge_dialog.py" line="43"/>
        <source>比较并合并两户</source>
        <translation>Compare and merge two households</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="45"/>
        <source>交换 A 和 B</source>
        <translation>Swap A and B</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="62"/>
        <source>合并原因（必填），例如：同一户在两台电脑上重复录入</source>
        <translation>Reason for the merge (required), e.g. the same family entered on two laptops</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="63"/>
        <source>合并…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="65"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="72"/>
        <source>户信息</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="76"/>
        <source>所选成员的各项（两户都登记了同一人时，可逐项选择 A 或 B）：</source>
        <translation>Fields of the selected member (for a person registered in both households, choose A or B per field):</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="78"/>
        <source>成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="79"/>
        <source>合并预览</source>
        <translation>Merge preview</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="90"/>
        <source>原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="110"/>
        <source>A（保留）：{name}</source>
        <translation>A (kept): {name}</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="112"/>
        <source>B（并入 A 后删除）：{name}</source>
        <translation>B (merged into A, then deleted): {name}</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="124"/>
        <source>不能合并：{reason}</source>
        <translation>Cannot merge: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="171"/>
        <source>（已离户）</source>
        <translation> (left)</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="188"/>
        <source>请填写合并原因。</source>
        <translation>Enter the reason for the merge.</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="191"/>
        <source>把 B 并入 A，然后删除 B 吗？
{a}
{b}
合并结果会同步到各台电脑，不能撤销。</source>
        <translation>Merge B into A, then delete B?
{a}
{b}
The merge reaches every laptop with the next sync and cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="196"/>
        <source>合并两户</source>
        <translation>Merge two households</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="223"/>
        <source>这个证件号码已不在两户中登记，请刷新。</source>
        <translation>This ID number is no longer registered in two households; refresh.</translation>
    </message>
</context>
<context>
    <name>NoticeArchiveDialog</name>
    <message>
        <location filename="../../ui/notice_archive.py" line="34"/>
        <source>公示存档</source>
        <translation>Notice archive</translation>
    </message>
    <message>
        <location filename="../../ui/notice_archive.py" line="55"/>
        <source>预览/重印…</source>
        <translation>Preview/reprint…</translation>
    </message>
    <message>
        <location filename="../../ui/notice_archive.py" line="56"/>
        <source>打开存档文件夹</source>
        <translation>Open archive folder</translation>
    </message>
    <message>
        <location filename="../../ui/notice_archive.py" line="63"/>
        <source>每份打印或保存过的公示都在此存档；重印的是存档时的原文件（校验 SHA-256）。</source>
        <translation>Every notice printed or saved is archived here; a reprint uses the archived original file (checked by SHA-256).</translation>
    </message>
    <message>
        <location filename="../../ui/notice_archive.py" line="76"/>
        <source>请先选择一份公示。</source>
        <translation>First select a notice.</translation>
    </message>
</context>
<context>
    <name>NoticeArchiveTableModel</name>
    <message>
        <location filename="../../ui/notice_models.py" line="77"/>
        <source>生成时间</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="78"/>
        <source>种类</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="79"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="80"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="81"/>
        <source>公示期</source>
        <translation>Notice period</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="82"/>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="83"/>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="84"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="85"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="142"/>
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="18"/>
        <source>完好</source>
        <translation>Intact</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="19"/>
        <source>不在本机</source>
        <translation>Not on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="20"/>
        <source>已被改动</source>
        <translation>Altered</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../ui/notice_dialog.py" line="53"/>
        <source>生成公示、公告</source>
        <translation>Make a notice or announcement</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="67"/>
        <source>两组列并排打印（节省纸张）</source>
        <translation>Print two sets of columns side by side (saves paper)</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="95"/>
        <source>起，共</source>
        <translation>onwards, for</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="97"/>
        <source>天</source>
        <translation>days</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="99"/>
        <source>种类</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="99"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="99"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="101"/>
        <source>公示期</source>
        <translation>Notice period</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="103"/>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="105"/>
        <source>监督电话</source>
        <translation>Hotline</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="106"/>
        <source>受理异议</source>
        <translation>Objections to</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="107"/>
        <source>发布单位</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="108"/>
        <source>评议经过</source>
        <translation>Review process</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="111"/>
        <source>列</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="121"/>
        <source>预览…</source>
        <translation>Preview…</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="125"/>
        <source>列入公示的户</source>
        <translation>Households on the notice</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="127"/>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="127"/>
        <source>全不选</source>
        <translation>Select none</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="131"/>
        <source>按当前状态勾选：</source>
        <translation>Select by current status:</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="133"/>
        <source>勾选</source>
        <translation>Select</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="177"/>
        <source>默认：{name}</source>
        <translation>Default: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="196"/>
        <source>已选 {n} / {total} 户</source>
        <translation>{n} of {total} households selected</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="198"/>
        <source>（没有户处于该公示步骤；可按状态勾选或手工勾选）</source>
        <translation> (no household is at this notice step; select by status or by hand)</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="230"/>
        <source>请先登记村。</source>
        <translation>First register a village.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="233"/>
        <source>请至少选择一户。</source>
        <translation>Select at least one household.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_dialog.py" line="236"/>
        <source>请至少选择一列。</source>
        <translation>Select at least one column.</translation>
    </message>
</context>
<context>
    <name>NoticeHouseholdsTableModel</name>
    <message>
        <location filename="../../ui/notice_models.py" line="29"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="30"/>
        <source>村民小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="31"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="32"/>
        <source>人口</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/notice_models.py" line="33"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>NoticePreviewDialog</name>
    <message>
        <location filename="../../ui/notice_preview.py" line="83"/>
        <source>预览 — {title}</source>
        <translation>Preview — {title}</translation>
    </message>
    <message>
        <location filename="../../ui/notice_preview.py" line="97"/>
        <source>共 {n} 页</source>
        <translation>Pages: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/notice_preview.py" line="120"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/notice_preview.py" line="121"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ui/notice_preview.py" line="155"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../ui/notice_preview.py" line="155"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/notice_preview.py" line="170"/>
        <source>已送打印机“{printer}”（{n} 页）。</source>
        <translation>Sent to the printer “{printer}” ({n} pages).</translation>
    </message>
    <message>
        <location filename="../../ui/notice_preview.py" line="180"/>
        <source>无法保存文件：{error}</source>
        <translation>Cannot save the file: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/notice_preview.py" line="183"/>
        <source>已保存到 {path}。</source>
        <translation>Saved to {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_preview.py" line="188"/>
        <source>已存档，存档副本：{path}</source>
        <translation>Archived; archive copy: {path}</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <location filename="../../ui/objection_dialog.py" line="58"/>
        <source>登记异议</source>
        <translation>Record an objection</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="60"/>
        <source>提出人（可匿名）</source>
        <translation>Raised by (may be anonymous)</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="62"/>
        <source>异议的内容</source>
        <translation>What the objection says</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="63"/>
        <source>公示存档编号（可不填）</source>
        <translation>Notice archive number (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="66"/>
        <source>程序</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="67"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="68"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="69"/>
        <source>被异议户</source>
        <translation>Household objected to</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="70"/>
        <source>提出人</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="71"/>
        <source>提出日期</source>
        <translation>Date raised</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="72"/>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="73"/>
        <source>所针对的公示</source>
        <translation>Notice objected to</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="78"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="109"/>
        <source>该村没有处于公示阶段的户。</source>
        <translation>No household of this village is under public notice.</translation>
    </message>
</context>
<context>
    <name>PairingTableModel</name>
    <message>
        <location filename="../../ui/helpers_page.py" line="43"/>
        <source>帮扶责任人</source>
        <translation>Helper</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="44"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="45"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="46"/>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="47"/>
        <source>结束时间</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="48"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="53"/>
        <source>已结束</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../ui/helpers_page.py" line="54"/>
        <source>当前</source>
        <translation>Current</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="46"/>
        <source>同步密码</source>
        <translation>Sync passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="52"/>
        <source>同步密码：</source>
        <translation>Sync passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="54"/>
        <source>再输入一次：</source>
        <translation>Type it again:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="60"/>
        <source>数据包用本机的同步密钥签名和解密，密钥由同步密码保护。</source>
        <translation>Sync bundles are signed and decrypted with this computer&apos;s sync key, which the sync passphrase protects.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="67"/>
        <source>密码至少要 8 个字符。</source>
        <translation>The passphrase needs at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="70"/>
        <source>两次输入的密码不一样。</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>PeersTableModel</name>
    <message>
        <location filename="../../ui/sync_peers.py" line="27"/>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="28"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="29"/>
        <source>设备编号</source>
        <translation>Device no.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="30"/>
        <source>指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="31"/>
        <source>最近导入</source>
        <translation>Last import</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="32"/>
        <source>发送方时钟</source>
        <translation>Sender&apos;s clock</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="33"/>
        <source>已收到</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="34"/>
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="35"/>
        <source>暂存</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="36"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>PovertyLineTableModel</name>
    <message>
        <location filename="../../ui/settings_tables.py" line="28"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tables.py" line="29"/>
        <source>识别标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tables.py" line="30"/>
        <source>贫困线（元/人·年）</source>
        <translation>Poverty line (yuan per person and year)</translation>
    </message>
</context>
<context>
    <name>PovertyLinesPage</name>
    <message>
        <location filename="../../ui/settings_tables.py" line="67"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tables.py" line="67"/>
        <source>元/人·年</source>
        <translation>yuan per person and year</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tables.py" line="70"/>
        <source>保存这一行(&amp;V)</source>
        <translation>Sa&amp;ve this row</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tables.py" line="70"/>
        <source>删除所选(&amp;L)</source>
        <translation>De&amp;lete selected</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tables.py" line="77"/>
        <source>贫困线随数据同步到各村；省定、市定标准可高于国家标准。</source>
        <translation>Poverty lines travel to the villages with the data; provincial and city standards may be higher than the national one.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tables.py" line="114"/>
        <source>删除贫困线</source>
        <translation>Delete poverty line</translation>
    </message>
    <message>
        <location filename="../../ui/settings_tables.py" line="114"/>
        <source>删除 {year} 年的这条贫困线？</source>
        <translation>Delete this poverty line of {year}?</translation>
    </message>
</context>
<context>
    <name>ProcedureStepDialog</name>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="31"/>
        <source>通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="32"/>
        <source>不通过（退出程序）</source>
        <translation>Not approved (leaves the procedure)</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="33"/>
        <source>本户撤回</source>
        <translation>Withdrawn by the household</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="34"/>
        <source>退回上一步</source>
        <translation>Back to the previous step</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="37"/>
        <source>应到</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="38"/>
        <source>赞成</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="39"/>
        <source>反对</source>
        <translation>Against</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="40"/>
        <source>弃权</source>
        <translation>Abstained</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="68"/>
        <source>登记程序步骤</source>
        <translation>Record a procedure step</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="74"/>
        <source>如：村两委、村民代表大会、乡镇扶贫工作站</source>
        <translation>e.g. village committee, township office</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="76"/>
        <source>会议记录（时间、地点、参会人员、议题、表决情况）</source>
        <translation>Minutes (time, place, attendees, agenda, vote)</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="77"/>
        <source>备注；不通过、退回、撤出，以及申请返贫或销号时必须写明原因</source>
        <translation>Note; a reason is required to reject, go back, withdraw, or apply for a return to poverty or a removal</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="94"/>
        <source>程序</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="95"/>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="96"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="97"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="101"/>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="101"/>
        <source>全不选</source>
        <translation>Select none</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="116"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="120"/>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="122"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="123"/>
        <source>办理人/会议</source>
        <translation>Handled by / meeting</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="124"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="125"/>
        <source>表决票数</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="130"/>
        <source>会议记录</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="131"/>
        <source>备注/原因</source>
        <translation>Note/reason</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="194"/>
        <source>已选 {n} / {total} 户</source>
        <translation>{n} of {total} households selected</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="219"/>
        <source>请至少选择一户。</source>
        <translation>Select at least one household.</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="223"/>
        <source>确认结果</source>
        <translation>Confirm the outcome</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_dialog.py" line="224"/>
        <source>将把已选的 {n} 户记录为“{outcome}”，它们会离开本次程序。确定吗？</source>
        <translation>Record the {n} selected households as &quot;{outcome}&quot;? They leave this procedure.</translation>
    </message>
</context>
<context>
    <name>ProcedureTimeline</name>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="42"/>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="42"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="42"/>
        <source>办理人/会议</source>
        <translation>Handled by / meeting</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="42"/>
        <source>表决</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="42"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="45"/>
        <source>脱贫标准</source>
        <translation>Exit criterion</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="45"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="45"/>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="59"/>
        <source>该户 {year} 年没有程序记录。</source>
        <translation>No procedure recorded for this household in {year}.</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="75"/>
        <source>通过</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="75"/>
        <source>未通过</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="75"/>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="100"/>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="110"/>
        <source>⚠ 未处理的异议</source>
        <translation>⚠ Open objection</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="117"/>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="119"/>
        <source>已退出：{reason}</source>
        <translation>Left the procedure: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="120"/>
        <source>进行中：{done}/{total} 步</source>
        <translation>In progress: step {done} of {total}</translation>
    </message>
</context>
<context>
    <name>RegionTableModel</name>
    <message>
        <location filename="../../ui/regions_page.py" line="30"/>
        <source>区划代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="31"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="32"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="33"/>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="34"/>
        <source>村民小组</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="41"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="41"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
</context>
<context>
    <name>RegionsPage</name>
    <message>
        <location filename="../../ui/regions_page.py" line="59"/>
        <source>村 12 位，乡镇 9 位，如 621121103202</source>
        <translation>Village 12 digits, township 9, e.g. 621121103202</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="60"/>
        <source>如：柳湾村</source>
        <translation>e.g. Liuwan Village</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="62"/>
        <source>添加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="63"/>
        <source>改名(&amp;R)</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="64"/>
        <source>删除所选(&amp;L)</source>
        <translation>De&amp;lete selected</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="74"/>
        <source>新建户时从这里登记的村中选择“所在村”。名称印在公示（××村民委员会）和公告（××人民政府）上，写错了请选中后改名。每次修改立即保存，并随数据同步；两台电脑改成不同的名称时，以后改的为准，另一个名称在“同步 → 冲突处理”中可以看到。还有户或村民小组的乡镇和村不能删除。</source>
        <translation>A new household&apos;s village is chosen from the villages registered here. The names are printed on notices (the village committee, the township government): if one is misspelt, select it and rename it. Each change is saved at once and synced; when two computers rename a place differently, the later name wins and the other shows in Sync → Conflicts. A township or village that still has households or groups cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="82"/>
        <source>区划代码：</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="82"/>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="175"/>
        <source>删除“{name}”（{code}）？只在登记错误时删除。</source>
        <translation>Delete &apos;{name}&apos; ({code})? Only delete a place registered by mistake.</translation>
    </message>
    <message>
        <location filename="../../ui/regions_page.py" line="178"/>
        <source>删除乡镇或村</source>
        <translation>Delete township or village</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="159"/>
        <source>导入预览（尚未导入）</source>
        <translation>Import preview (nothing imported yet)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="159"/>
        <source>导入报告</source>
        <translation>Import report</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="161"/>
        <source>这些文件都不能导入（见下面的原因），什么也没有改动。</source>
        <translation>None of these files can be imported (the reasons are below); nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="165"/>
        <source>确认导入时钟超前的数据包（时钟不会被采用）</source>
        <translation>Import this bundle even though its clock is ahead (the clock will not be adopted)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="169"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="174"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="193"/>
        <source>导入报告-{stamp}.pdf</source>
        <translation>import-report-{stamp}.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="206"/>
        <source>没有写出 {path}：请选择一个可以写入的文件夹和文件名。</source>
        <translation>{path} was not written: choose a folder and file name that can be written.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../ui/excel_wizard.py" line="73"/>
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="74"/>
        <source>所有行都已按登记时的规则检查，还没有写入。有错误的户整户不导入，警告不影响导入。</source>
        <translation>Every row was checked against the registration rules; nothing is written yet. A household with errors is not imported at all; warnings do not stop the import.</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="76"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="83"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="84"/>
        <source>将要修改的已登记户</source>
        <translation>Registered households to be changed</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="85"/>
        <source>保存有错误的行…</source>
        <translation>Save rows with errors…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="103"/>
        <source>正在检查……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="125"/>
        <source>共 {households} 户（{rows} 行）：新增 {new} 户，更新 {update} 户，无变化 {unchanged} 户，有错误 {rejected} 户（不导入）。错误 {errors} 条，警告 {warnings} 条，跳过 {skipped} 行。</source>
        <translation>{households} households ({rows} rows): {new} new, {update} updated, {unchanged} unchanged, {rejected} with errors (not imported). {errors} errors, {warnings} warnings, {skipped} rows skipped.</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="129"/>
        <source>问题（{n}）</source>
        <translation>Problems ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="130"/>
        <source>将要修改的已登记户（{n}）</source>
        <translation>Registered households to be changed ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="136"/>
        <source>检查没有完成。</source>
        <translation>The check did not finish.</translation>
    </message>
</context>
<context>
    <name>ResolveObjectionDialog</name>
    <message>
        <location filename="../../ui/objection_dialog.py" line="125"/>
        <source>处理异议</source>
        <translation>Resolve an objection</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="132"/>
        <source>异议成立，该户退出程序</source>
        <translation>Objection upheld; the household leaves the procedure</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="133"/>
        <source>异议不成立</source>
        <translation>Objection rejected</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="142"/>
        <source>核实情况和处理理由（不成立时必填）</source>
        <translation>Findings and reasons (required when rejected)</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="144"/>
        <source>处理人或单位</source>
        <translation>Person or office resolving it</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="146"/>
        <source>异议</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="147"/>
        <source>结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="148"/>
        <source>处理理由</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="149"/>
        <source>处理日期</source>
        <translation>Date resolved</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="150"/>
        <source>处理人</source>
        <translation>Resolved by</translation>
    </message>
    <message>
        <location filename="../../ui/objection_dialog.py" line="153"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>SearchResultsTableModel</name>
    <message>
        <location filename="../../ui/search_model.py" line="21"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/search_model.py" line="22"/>
        <source>与户主关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../ui/search_model.py" line="23"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/search_model.py" line="24"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/search_model.py" line="25"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="44"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="48"/>
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="49"/>
        <source>公示默认值</source>
        <translation>Notice defaults</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="51"/>
        <source>贫困线</source>
        <translation>Poverty lines</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="52"/>
        <source>代码表</source>
        <translation>Code tables</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54"/>
        <source>乡镇和村</source>
        <translation>Townships and villages</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56"/>
        <source>村民小组</source>
        <translation>Village groups</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="77"/>
        <source>驻村工作队</source>
        <translation>Village work team</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="78"/>
        <source>乡镇扶贫工作站</source>
        <translation>Township poverty office</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="86"/>
        <source>多个代码用逗号分开</source>
        <translation>Separate several codes with commas</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <location filename="../../ui/stats_page.py" line="98"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/stats_page.py" line="99"/>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/stats_page.py" line="108"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/stats_page.py" line="178"/>
        <source>按贫困户状态（户）</source>
        <translation>By poor household status (households)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_page.py" line="182"/>
        <source>{year} 年人均纯收入与贫困线（户）</source>
        <translation>{year} net income per person vs. poverty line (households)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_page.py" line="184"/>
        <source>帮扶资金（万元）</source>
        <translation>Assistance funds (10,000 yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_page.py" line="186"/>
        <source>主要致贫原因（贫困户）</source>
        <translation>Main cause of poverty (poor households)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_page.py" line="201"/>
        <source>导出统计报表</source>
        <translation>Export statistics report</translation>
    </message>
    <message>
        <location filename="../../ui/stats_page.py" line="203"/>
        <source>统计{year}.{ext}</source>
        <translation>statistics {year}.{ext}</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/sync_peers.py" line="84"/>
        <source>各设备同步状态</source>
        <translation>Sync status of each device</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="89"/>
        <source>本机：{name}，指纹 {fp}</source>
        <translation>This computer: {name}, fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="91"/>
        <source>本机还没有同步密钥。</source>
        <translation>This computer has no sync key yet.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="97"/>
        <source>吊销所选设备…</source>
        <translation>Revoke the selected device…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="126"/>
        <source>{name} 的数据包 {file} 在 {when} 被拒收：</source>
        <translation>The bundle {file} from {name} was refused on {when}:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="141"/>
        <source>吊销后，这台设备的数据包都将被拒收。确定吊销 {name} 吗？</source>
        <translation>Once revoked, every bundle from this device is refused. Revoke {name}?</translation>
    </message>
    <message>
        <location filename="../../ui/sync_peers.py" line="144"/>
        <source>吊销设备</source>
        <translation>Revoke device</translation>
    </message>
</context>
<context>
    <name>StepHouseholdsTableModel</name>
    <message>
        <location filename="../../ui/step_households.py" line="19"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../ui/step_households.py" line="20"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/step_households.py" line="21"/>
        <source>村民小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/step_households.py" line="22"/>
        <source>人口</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/step_households.py" line="23"/>
        <source>脱贫标准</source>
        <translation>Exit criteria</translation>
    </message>
    <message>
        <location filename="../../ui/step_households.py" line="24"/>
        <source>提示</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/step_households.py" line="97"/>
        <source>{passed}/{total} 项通过</source>
        <translation>{passed} of {total} met</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui/excel_wizard.py" line="190"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="191"/>
        <source>导入已在一个事务中完成；有错误的行可以保存下来，改正后再导入。</source>
        <translation>The import was done in one transaction; the rows with errors can be saved, corrected and imported again.</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="194"/>
        <source>保存有错误的行…</source>
        <translation>Save rows with errors…</translation>
    </message>
    <message>
        <location filename="../../ui/excel_wizard.py" line="204"/>
        <source>已导入：新增 {households_added} 户，更新 {households_updated} 户；新增成员 {members_added} 人，修改成员 {members_updated} 人。无变化 {unchanged} 户。有错误未导入 {rejected} 户。</source>
        <translation>Imported: {households_added} households added, {households_updated} updated; {members_added} members added, {members_updated} changed. {unchanged} households unchanged. {rejected} households with errors not imported.</translation>
    </message>
</context>
<context>
    <name>SyncRekey</name>
    <message>
        <location filename="../../ui/sync_rekey.py" line="89"/>
        <source>已更改同步密码。密钥和指纹没有变，不需要重新登记。</source>
        <translation>The sync passphrase was changed. The keys and fingerprint are the same; nothing needs to be enrolled again.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_rekey.py" line="97"/>
        <source>每台村里的电脑</source>
        <translation>every village laptop</translation>
    </message>
    <message>
        <location filename="../../ui/sync_rekey.py" line="99"/>
        <source>乡镇</source>
        <translation>the township</translation>
    </message>
    <message>
        <location filename="../../ui/sync_rekey.py" line="101"/>
        <source>用于忘记了同步密码或怀疑密钥泄露。

将为本机生成新的密钥和新的同步密码，原来的密钥作废。设备编号和全部数据不变，不会丢任何修改。

之后请把本机的新密钥文件写到 U 盘，由{peers}重新登记（登记时会显示新旧指纹，请确认替换）。之前写出、对方还没导入的数据包都要重新导出。

确实要重新生成密钥吗？</source>
        <translation>For a forgotten sync passphrase or keys that may have leaked.

This computer gets new keys and a new sync passphrase; the old keys stop working. The device number and all data stay the same; no change is lost.

Then write this computer&apos;s new key file to a USB drive and have {peers} enroll it again (enrollment shows the old and new fingerprints: confirm the replacement). Bundles written before and not yet imported by the other side must be exported again.

Really make new keys?</translation>
    </message>
    <message>
        <location filename="../../ui/sync_rekey.py" line="108"/>
        <source>重新生成密钥？</source>
        <translation>Make new keys?</translation>
    </message>
    <message>
        <location filename="../../ui/sync_rekey.py" line="120"/>
        <source>已重新生成本机同步密钥。
原指纹：{old}
新指纹：{new}

下一步：点“把本机密钥文件写到 U 盘…”，再由{peers}登记它，并与这里的新指纹逐字核对。</source>
        <translation>New sync keys were made for this computer.
Old fingerprint: {old}
New fingerprint: {new}

Next: click &quot;Write this computer&apos;s key file to a USB drive…&quot;, then have {peers} enroll it and compare it with the new fingerprint here, character by character.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_rekey.py" line="133"/>
        <source>替换这台设备的密钥？</source>
        <translation>Replace this device&apos;s keys?</translation>
    </message>
    <message>
        <location filename="../../ui/sync_rekey.py" line="134"/>
        <source>{name}（设备编号 {site}）已经用另一把密钥登记过。

原来的指纹：{old}
新密钥文件的指纹：{new}

只有那台设备确实重新生成了密钥（忘记同步密码或怀疑密钥泄露）时才替换；替换后它用旧密钥签发的数据包都会被拒收，请它重新导出。如果不是，这个数据库可能是从另一台电脑复制来的：不要替换。

确实要换用新密钥吗？</source>
        <translation>{name} (device {site}) is already enrolled with another key.

Old fingerprint: {old}
Fingerprint of the new key file: {new}

Replace it only if that device really made new keys (a forgotten passphrase or a suspected leak); afterwards its bundles signed with the old key are refused, so ask it to export again. Otherwise this database may have been copied from another computer: do not replace.

Really switch to the new key?</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="142"/>
        <source>程序进度 — {title}</source>
        <translation>Procedure progress — {title}</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_timeline.py" line="147"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
</context>
<context>
    <name>VillageGroupsPage</name>
    <message>
        <location filename="../../ui/groups_page.py" line="45"/>
        <source>如：第一村民小组</source>
        <translation>e.g. Group 1</translation>
    </message>
    <message>
        <location filename="../../ui/groups_page.py" line="47"/>
        <source>添加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../ui/groups_page.py" line="48"/>
        <source>改名(&amp;R)</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <location filename="../../ui/groups_page.py" line="49"/>
        <source>删除所选(&amp;L)</source>
        <translation>De&amp;lete selected</translation>
    </message>
    <message>
        <location filename="../../ui/groups_page.py" line="59"/>
        <source>户的“基本情况”页从这里的列表中选择村民小组。每次修改立即保存，并随数据同步；还有户的村民小组不能删除，可以改名。</source>
        <translation>A household&apos;s Basic facts page offers the village groups of this list. Each change is saved at once and synced; a group that still has households cannot be deleted, but it can be renamed.</translation>
    </message>
    <message>
        <location filename="../../ui/groups_page.py" line="65"/>
        <source>村：</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location filename="../../ui/groups_page.py" line="68"/>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/groups_page.py" line="93"/>
        <source>还没有登记村：请先在“乡镇和村”页添加村，再添加村民小组。</source>
        <translation>No village is registered yet: add one on the Townships and villages page first, then its groups.</translation>
    </message>
    <message>
        <location filename="../../ui/groups_page.py" line="157"/>
        <source>删除村民小组“{name}”？</source>
        <translation>Delete the village group &apos;{name}&apos;?</translation>
    </message>
    <message>
        <location filename="../../ui/groups_page.py" line="158"/>
        <source>删除村民小组</source>
        <translation>Delete village group</translation>
    </message>
</context>
<context>
    <name>WarningsPanel</name>
    <message>
        <location filename="../../ui/warnings_panel.py" line="133"/>
        <source>全部级别</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location filename="../../ui/warnings_panel.py" line="134"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/warnings_panel.py" line="135"/>
        <source>提醒</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/warnings_panel.py" line="136"/>
        <source>按户主、村或内容筛选…</source>
        <translation>Filter by head, village or text…</translation>
    </message>
    <message>
        <location filename="../../ui/warnings_panel.py" line="137"/>
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../ui/warnings_panel.py" line="187"/>
        <source>全部预警（{n}）</source>
        <translation>All warnings ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/warnings_panel.py" line="189"/>
        <source>{rule}（{n}）</source>
        <translation>{rule} ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/warnings_panel.py" line="198"/>
        <source>显示 {shown} 条预警（{households} 户），共 {total} 条。双击打开该户。</source>
        <translation>Showing {shown} warnings ({households} households) of {total}. Double-click to open the household.</translation>
    </message>
</context>
<context>
    <name>WarningsTableModel</name>
    <message>
        <location filename="../../ui/warnings_panel.py" line="35"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/warnings_panel.py" line="36"/>
        <source>户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../ui/warnings_panel.py" line="37"/>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/warnings_panel.py" line="38"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/warnings_panel.py" line="39"/>
        <source>改正办法</source>
        <translation>How to fix</translation>
    </message>
    <message>
        <location filename="../../ui/warnings_panel.py" line="107"/>
        <location filename="../../ui/warnings_panel.py" line="157"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/warnings_panel.py" line="109"/>
        <location filename="../../ui/warnings_panel.py" line="158"/>
        <source>提醒</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../ui/crash.py" line="69"/>
        <source>程序遇到了意外错误，刚才的操作没有完成。
数据没有损坏：未完成的保存已全部撤销。

{detail}</source>
        <translation>An unexpected error stopped the last action.
The data is intact: an unfinished save is undone completely.

{detail}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <source>建档 — 错误</source>
        <translation>Jiandang — Error</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35"/>
        <source>建档</source>
        <translation>Jiandang</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="55"/>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="67"/>
        <source>建档 — 意外错误</source>
        <translation>Jiandang — Unexpected error</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72"/>
        <source>日志文件：{path}</source>
        <translation>Log file: {path}</translation>
    </message>
</context>
</TS>
