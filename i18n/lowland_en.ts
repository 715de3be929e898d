<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
  <context>
    <name>Lowland</name>
    <message>
      <location filename="../lowland_plugin/bridge/inputs.py" line="179" />
      <source>{0}：{1} 个要素含曲线（圆弧），已按每段不超过 1° 折线化后计算：{2}</source>
      <translation>{0}: {1} features with curves (arcs) were segmentized (at most 1° per segment) before measuring: {2}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/inputs.py" line="184" />
      <source>{0}：{1} 个要素带 Z/M 值，已舍去，按平面计算：{2}</source>
      <translation>{0}: {1} features had Z/M values; they were dropped and planar measures used: {2}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/inputs.py" line="165" />
      <source>{0}：Shapefile 截断的字段名已按完整字段读取：{1}</source>
      <translation>{0}: shapefile field names cut to 10 characters were read as the full fields: {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/inputs.py" line="227" />
      <source>（Shapefile 把字段名截断为 10 个字符：{0}；请用字段映射 {1} 指定，或改用 GeoPackage。）</source>
      <translation>(The shapefile cut field names to 10 characters: {0}; map them with the field map {1}, or use a GeoPackage.)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/inputs.py" line="208" />
      <source>{0}：Shapefile 字段名最长 10 个字符，字段 {1} 可能被截断而未被识别；请用字段映射指定（如 contract_date=contract_d）或改用 GeoPackage。</source>
      <translation>{0}: shapefile field names are at most 10 characters; the fields {1} may be cut and not recognised; map them with the field map (e.g. contract_date=contract_d) or use a GeoPackage.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/inputs.py" line="149" />
      <source>{0}：Shapefile 字段 {1} 可能是 {2} 中任一个被截断，无法区分；请改用 GeoPackage。</source>
      <translation>{0}: the shapefile field {1} may be any of {2} cut to 10 characters and cannot be told apart; use a GeoPackage.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="264" />
      <source>再开发单元评审图集</source>
      <translation>Redevelopment unit review atlas</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="568" />
      <source>本单元</source>
      <translation>This unit</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="572" />
      <source>其他单元</source>
      <translation>Other units</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="620" />
      <source>没有可出图的再开发单元：单元图层为空或所选单元不存在。</source>
      <translation>No redevelopment unit to map: the units layer is empty or the chosen units do not exist.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="385" />
      <source>再开发单元</source>
      <translation>Redevelopment units</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="517" />
      <source>低效用地认定</source>
      <translation>Low-efficiency land identification</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="521" />
      <source>宗地</source>
      <translation>Parcels</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="524" />
      <source>街坊</source>
      <translation>Blocks</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="243" />
      <source>打印模板无法读取：{0}</source>
      <translation>Cannot read the print layout template: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="280" />
      <source>无法把布局加入工程：{0}</source>
      <translation>Cannot add the layout to the project: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="330" />
      <source>单元图层「{0}」缺少 unit_id 字段：请使用再开发单元划定（lowland:buildunits）的输出。</source>
      <translation>The units layer “{0}” has no unit_id field: use the output of lowland:buildunits.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="439" />
      <source>打印模板缺少图元「{0}」。</source>
      <translation>The print layout template has no item “{0}”.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="470" />
      <source>图层无法打开：{0}</source>
      <translation>Cannot open the layer: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="529" />
      <source>道路</source>
      <translation>Roads</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="200" />
      <source>图集 PDF 导出失败：{0}</source>
      <translation>Atlas PDF export failed: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="135" />
      <source>单元图导出失败：无法定位第 {0} 个单元。</source>
      <translation>Unit map export failed: cannot move to unit {0}.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="149" />
      <source>单元 {0} 的图片写入失败：{1}</source>
      <translation>Could not write the map of unit {0}: {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/outputs.py" line="49" />
      <source>已取消：输出不完整，未保留。</source>
      <translation>Cancelled: the output was incomplete and has been discarded.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/outputs.py" line="131" />
      <source>输出“{0}”含长文本字段 {1}（可达 1400 字），Shapefile 每个文本字段最多 254 字节，会被截断：请改用 GeoPackage（.gpkg）或 PostGIS 输出。</source>
      <translation>Output “{0}” carries long text fields {1} (up to 1,400 characters); a shapefile keeps at most 254 bytes per text field and would cut them: write a GeoPackage (.gpkg) or PostGIS output instead.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/overlap.py" line="121" />
      <source>输出“{0}”会覆盖输入“{1}”（{2}），请另选输出位置。</source>
      <translation>Output “{0}” would overwrite input “{1}” ({2}); choose another destination.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/reviews.py" line="134" />
      <source>图层「{0}」不能编辑（只读或数据源不支持编辑），核查决定未写入。</source>
      <translation>Layer “{0}” cannot be edited (read-only, or its data source does not support editing): the decision was not written.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/reviews.py" line="150" />
      <source>写入图层失败，核查决定未写入。</source>
      <translation>Writing to the layer failed: the decision was not written.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/reviews.py" line="146" />
      <source>写入数据库失败，核查决定未写入：该宗地可能正被其他核查人员编辑（尚未保存），请稍后再试。</source>
      <translation>Writing to the database failed; the decision was not recorded: another reviewer may be editing this parcel (not saved yet). Try again later.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/staging.py" line="171" />
      <source>另一个运行已先写出“{0}”；本次结果未写入，请另选输出或重新运行。</source>
      <translation>Another run wrote “{0}” first; this result was not written. Choose another output or run again.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/staging.py" line="280" />
      <source>无法替换数据库表 {0}：{1}</source>
      <translation>Cannot replace the database table {0}: {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="41" />
      <source>安装依赖</source>
      <translation>Install dependencies</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="50" />
      <source>从网络安装（Python 软件包索引）</source>
      <translation>Install from the Internet (Python Package Index)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="51" />
      <source>从离线安装包文件夹安装（bash scripts/run wheels 生成）</source>
      <translation>Install from an offline folder of wheels (made by bash scripts/run wheels)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="52" />
      <source>装有 .whl 文件的文件夹</source>
      <translation>Folder holding the .whl files</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="57" />
      <source>安装</source>
      <translation>Install</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="83" />
      <source>离线安装包文件夹</source>
      <translation>Offline wheel folder</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="138" />
      <source>安装完成。</source>
      <translation>Installation finished.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="142" />
      <source>依赖包已安装。请重新启动 QGIS，Lowland 将在启动时启用。</source>
      <translation>The packages are installed. Please restart QGIS: Lowland will be enabled when it starts.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="91" />
      <source>请选择离线安装包文件夹。</source>
      <translation>Please choose the offline wheel folder.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="135" />
      <source>安装失败：请查看上面的日志。</source>
      <translation>Installation failed: see the log above.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="47" />
      <source>将安装到 QGIS 的 Python 用户目录（无需管理员权限）：</source>
      <translation>They will be installed into the user folder of QGIS's Python (no administrator rights needed):</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="43" />
      <source>Lowland 需要的 Python 包缺少或版本不符：</source>
      <translation>Python packages Lowland needs are missing or of the wrong version:</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="150" />
      <source>实施方案生成</source>
      <translation>Implementation plans</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="151" />
      <source>单元图层</source>
      <translation>Units layer</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="152" />
      <source>再开发单元（lowland:buildunits 的输出，需有 unit_id）</source>
      <translation>Redevelopment units (output of lowland:buildunits, with unit_id)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="156" />
      <source>单元</source>
      <translation>Units</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="157" />
      <source>勾选要生成实施方案的单元；预览显示当前选中的单元</source>
      <translation>Check the units to write plans for; the preview shows the highlighted unit</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="158" />
      <source>全选</source>
      <translation>All</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="159" />
      <source>全不选</source>
      <translation>None</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="160" />
      <source>模板</source>
      <translation>Templates</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="161" />
      <source>DOCX 模板</source>
      <translation>DOCX template</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="162" />
      <source>HTML 模板</source>
      <translation>HTML template</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="166" />
      <source>Word 文档 (*.docx)</source>
      <translation>Word documents (*.docx)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="167" />
      <source>HTML 文件 (*.html *.htm)</source>
      <translation>HTML files (*.html *.htm)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="168" />
      <source>规则配置</source>
      <translation>Rule profile</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="169" />
      <source>规则配置：default、yinchuan 或配置文件的路径</source>
      <translation>Rule profile: default, yinchuan or the path of a profile file</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="170" />
      <source>格式</source>
      <translation>Formats</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="171" />
      <source>输出文件夹</source>
      <translation>Output folder</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="172" />
      <source>选择输出文件夹</source>
      <translation>Choose the output folder</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="173" />
      <source>预览</source>
      <translation>Preview</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="174" />
      <source>在下方预览当前单元的实施方案（HTML）</source>
      <translation>Preview the highlighted unit's plan (HTML) below</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="175" />
      <source>生成</source>
      <translation>Generate</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="176" />
      <source>为勾选的单元生成实施方案，写入输出文件夹</source>
      <translation>Write the plans of the checked units into the output folder</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="177" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="178" />
      <source>图集布局</source>
      <translation>Atlas layout</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="180" />
      <source>把 A3 评审会图集布局（按单元分页）加入工程并在布局设计器中打开，可修改后打印或导出</source>
      <translation>Add the A3 review-meeting atlas layout (one page per unit) to the project and open it in the layout designer, to adjust, print or export</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="182" />
      <source>打开文件夹</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="183" />
      <source>打开最近一次生成的输出文件夹</source>
      <translation>Open the folder of the last run</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="199" />
      <source>更新单元统计</source>
      <translation>Refresh unit statistics</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="201" />
      <source>核查会后或修改单元边界后，按核查后的认定结果重新统计所选单元图层（可撤销）</source>
      <translation>After the review meeting or after changing unit outlines, recount the chosen units layer from the reviewed identification (undoable)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="483" />
      <source>正在生成…</source>
      <translation>Generating…</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="509" />
      <source>实施方案不完整</source>
      <translation>Incomplete implementation plan</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="523" />
      <source>覆盖已有文件？</source>
      <translation>Overwrite existing files?</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="164" />
      <source>默认（内置模板）</source>
      <translation>Default (bundled template)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="253" />
      <source>请选择再开发单元图层（lowland:buildunits 的输出）。</source>
      <translation>Choose a units layer (output of lowland:buildunits).</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="354" />
      <source>请至少勾选一个单元。</source>
      <translation>Check at least one unit.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="356" />
      <source>请至少选择一种格式（DOCX、HTML 或 PDF）。</source>
      <translation>Choose at least one format (DOCX, HTML or PDF).</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="358" />
      <source>请选择输出文件夹。</source>
      <translation>Choose an output folder.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="433" />
      <source>已取消。</source>
      <translation>Cancelled.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="459" />
      <source>正在取消…</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="479" />
      <source>未生成：请先补充缺少的图层。</source>
      <translation>Nothing generated: add the missing layers first.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="490" />
      <source>已为 {0} 个单元生成实施方案：{1}</source>
      <translation>Plans written for {0} units: {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="537" />
      <source>请先选择要预览的单元。</source>
      <translation>Choose the unit to preview first.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="552" />
      <source>预览失败：算法没有写出 HTML 文件。</source>
      <translation>Preview failed: the algorithm wrote no HTML file.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="606" />
      <source>请先选择再开发单元图层。</source>
      <translation>Choose a redevelopment units layer first.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="642" />
      <source>实施方案生成算法（{0}）未注册：请更新插件。</source>
      <translation>The plan generator ({0}) is not registered: update the plugin.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="293" />
      <source>单元（{0} 个）</source>
      <translation>Units ({0})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="432" />
      <source>任务被终止。</source>
      <translation>The task was terminated.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="492" />
      <source>已为 {0} 个单元生成实施方案（不完整）：{1}
缺少：
{2}</source>
      <translation>Implementation plans generated for {0} units (incomplete): {1}
Missing:
{2}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="510" />
      <source>所选图层不足，实施方案将缺少以下内容：
{0}

仍然生成吗？</source>
      <translation>With the layers chosen the implementation plans will lack:
{0}

Generate anyway?</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="524" />
      <source>输出文件夹中已有 {0} 个同名文件：
{1}

覆盖这些文件吗？</source>
      <translation>The output folder already has {0} files of the same name:
{1}

Overwrite them?</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="546" />
      <source>正在生成预览：{0}…</source>
      <translation>Rendering the preview of {0}…</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="557" />
      <source>预览：单元 {0}</source>
      <translation>Preview: unit {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="572" />
      <source>已加入布局「{0}」：每个单元一页，地图显示工程中可见的图层。</source>
      <translation>Layout “{0}” added: one page per unit; the map shows the project's visible layers.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="165" />
      <source>留空使用内置的{0}模板；或选择本局修改过的模板文件</source>
      <translation>Leave empty for the bundled {0} template, or choose your bureau's own template file</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="433" />
      <source>生成失败：{0}</source>
      <translation>Generation failed: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="579" />
      <source>输出文件夹不存在：{0}</source>
      <translation>The output folder does not exist: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="257" />
      <source>图层「{0}」不是再开发单元图层：需要面图层且有 unit_id 字段。</source>
      <translation>Layer “{0}” is no units layer: a polygon layer with a unit_id field is needed.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="387" />
      <source>模板文件不存在或类型不对：{0}（需要 {1}）</source>
      <translation>Template file missing or of the wrong type: {0} (needs {1})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="473" />
      <source>未生成：输出文件夹中已有 {0} 个同名文件，未覆盖。</source>
      <translation>Nothing generated: the output folder already has {0} files of the same name, not overwritten.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="42" />
      <source>宗地图层</source>
      <translation>Parcels</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="42" />
      <source>带 unit_id 的低效用地认定结果（buildunits 的宗地输出）</source>
      <translation>Identification result with unit_id (the parcels output of buildunits)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="43" />
      <source>项目图层</source>
      <translation>Projects</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="43" />
      <source>再开发项目（项目模板）：容积率、地价等核算的依据</source>
      <translation>Redevelopment projects (project template): the basis of the FAR, land price and other checks</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="44" />
      <source>零星用地</source>
      <translation>Scattered land</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="44" />
      <source>项目模板的零星用地地块图层（pieces）；留空时读取项目图层所在 GeoPackage 的 pieces</source>
      <translation>The project template's scattered-land pieces layer (pieces); empty: the pieces layer of the projects layer's GeoPackage</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="45" />
      <source>功能分区</source>
      <translation>Zones</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="45" />
      <source>项目模板的功能分区图层（zones）；留空时读取项目图层所在 GeoPackage 的 zones</source>
      <translation>The project template's functional zones layer (zones); empty: the zones layer of the projects layer's GeoPackage</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="46" />
      <source>历史遗留</source>
      <translation>Legacy land</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="46" />
      <source>可选：历史遗留用地认定（lowland:legacyland）的输出</source>
      <translation>Optional: output of lowland:legacyland</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="47" />
      <source>控规图层</source>
      <translation>Regulatory plan</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="47" />
      <source>可选：控规图层，单元图层旁有方案库时，方案比选一章的开发容量按其测算</source>
      <translation>Optional: the regulatory plan (控规) layer; with a scenario store beside the units, the capacity in the scenario comparison chapter is computed from it</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="84" />
      <source>需要 unit_id 字段的单元面图层</source>
      <translation>needs a polygon layer of units with a unit_id field</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="85" />
      <source>需要低效用地认定结果（parcel_id、verdict、lowland_type）</source>
      <translation>needs an identification result (parcel_id, verdict, lowland_type)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="86" />
      <source>需要项目模板的项目图层（project_id 等字段，不是核算结果）</source>
      <translation>needs the project template's projects layer (project_id and template fields, not a check result)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="87" />
      <source>需要项目模板的零星用地图层（project_id、piece_id）</source>
      <translation>needs the project template's pieces layer (project_id, piece_id)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="88" />
      <source>需要项目模板的功能分区图层（project_id、use_code）</source>
      <translation>needs the project template's zones layer (project_id, use_code)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="89" />
      <source>需要历史遗留用地认定结果（legacy_class）</source>
      <translation>needs a legacy-land result (legacy_class)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="90" />
      <source>需要控规图层（far_max 及 plan_id 或 plan_code）</source>
      <translation>needs a regulatory plan layer (far_max and plan_id or plan_code)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="92" />
      <source>图层「{0}」不适用：{1}。</source>
      <translation>Layer “{0}” does not fit: {1}.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="114" />
      <source>{0}：{1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="125" />
      <source>二、低效用地清单</source>
      <translation>2. List of low-efficiency parcels</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="126" />
      <source>无宗地图层，清单为空，资金平衡按单元现状总建筑面积估算</source>
      <translation>no parcels layer: the list is empty and the funding balance is estimated from the unit's existing floor area</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="130" />
      <source>三、历史遗留用地</source>
      <translation>3. Legacy land</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="130" />
      <source>无历史遗留用地认定结果</source>
      <translation>no legacy-land result</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="135" />
      <source>四、再开发项目规划指标；五、补缴地价与缴款计划</source>
      <translation>4. Project planning indicators; 5. Land price due and payment plan</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="136" />
      <source>无项目图层，容积率、混合用地、零星用地和补缴地价均不核算</source>
      <translation>no projects layer: FAR, mixed use, scattered land and land price are not checked</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="142" />
      <source>四（三）零星用地</source>
      <translation>4 (3) Scattered land</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="142" />
      <source>无零星用地图层，不核查零星用地</source>
      <translation>no pieces layer: scattered land is not checked</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="148" />
      <source>四（二）混合用地用途比例</source>
      <translation>4 (2) Mixed-use shares</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="149" />
      <source>无功能分区图层，用途比例按计容建筑面积计算</source>
      <translation>no zones layer: use shares are computed from counted floor area</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_refresh.py" line="38" />
      <source>已按核查后的认定结果更新 {0} 个单元的统计（可撤销，保存单元图层后生效）。</source>
      <translation>Statistics of {0} units updated from the reviewed identification (undoable; save the units layer to keep them).</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_refresh.py" line="42" />
      <source>以下单元未完整包含任何街坊，统计已清空：{0}</source>
      <translation>These units contain no whole block; their statistics were cleared: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="18" />
      <source>确认</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="19" />
      <source>否定</source>
      <translation>Reject</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="20" />
      <source>改判</source>
      <translation>Override</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="21" />
      <source>重置</source>
      <translation>Reset</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="28" />
      <source>确认计算的认定结论（{0}）</source>
      <translation>Confirm the computed verdict ({0})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="29" />
      <source>否定低效用地认定，改为非低效用地；须填写核查意见（{0}）</source>
      <translation>Reject the low-efficiency verdict: the parcel becomes not low-efficiency; a review note is required ({0})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="30" />
      <source>改判为所选类型的低效用地；须填写核查意见（{0}）</source>
      <translation>Override: the parcel becomes low-efficiency land of the chosen type; a review note is required ({0})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="52" />
      <source>核查人</source>
      <translation>Reviewer</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="53" />
      <source>姓名（会被记住）</source>
      <translation>Name (remembered)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="54" />
      <source>为</source>
      <translation>to</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="56" />
      <source>（选择低效类型）</source>
      <translation>(choose a low-efficiency type)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="59" />
      <source>改判时宗地认定为此类型的低效用地</source>
      <translation>On override the parcel becomes low-efficiency land of this type</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="60" />
      <source>核查意见</source>
      <translation>Review note</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="61" />
      <source>否定、改判时必填</source>
      <translation>Required to reject or override</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="64" />
      <source>撤销该宗地的核查决定，恢复为待核查</source>
      <translation>Withdraw the decision on this parcel: back to pending</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="85" />
      <source>认定理由</source>
      <translation>Reasons</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="86" />
      <source>指标</source>
      <translation>Indicators</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="87" />
      <source>建筑</source>
      <translation>Buildings</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="88" />
      <source>三调地类</source>
      <translation>Survey classes</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="177" />
      <source>排除情形</source>
      <translation>Exclusions</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="178" />
      <source>认定标准</source>
      <translation>Criteria</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="179" />
      <source>豁免情形</source>
      <translation>Exemptions</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="96" />
      <source>数值</source>
      <translation>Value</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="98" />
      <source>地类编码</source>
      <translation>Class code</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="98" />
      <source>地类名称</source>
      <translation>Class name</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="98" />
      <source>占比</source>
      <translation>Share</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="101" />
      <source>在列表中选择一宗地，或在地图上选择宗地。</source>
      <translation>Select a parcel in the list or on the map.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="132" />
      <source>认定结论：{0}</source>
      <translation>Verdict: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="210" />
      <source>没有认定理由。</source>
      <translation>No reasons.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="139" />
      <source>核查状态：{0}</source>
      <translation>Review status: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="258" />
      <source>请在上方选择建筑图层。</source>
      <translation>Choose a buildings layer above.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="279" />
      <source>建筑（{0}）</source>
      <translation>Buildings ({0})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="299" />
      <source>无三调数据（认定时未给出三调图层）</source>
      <translation>No land survey data (no survey layer was given to the identification)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="136" />
      <source>（满足认定标准 {0} 条）</source>
      <translation> ({0} criteria met)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="147" />
      <source>最终：{0}</source>
      <translation>final: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="154" />
      <source>核查意见：{0}</source>
      <translation>Review note: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="160" />
      <source>重新认定后结论已变化：核查时为「{0}」，现为「{1}」，请复核。</source>
      <translation>Verdict changed after re-running the identification: “{0}” when reviewed, now “{1}”. Check the decision again.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="130" />
      <source>地块核查</source>
      <translation>Parcel review</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="131" />
      <source>结果图层</source>
      <translation>Result layer</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="132" />
      <source>低效用地认定（lowland:identifyparcels）的结果图层</source>
      <translation>Result layer of the low-efficiency land identification (lowland:identifyparcels)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="133" />
      <source>建筑图层</source>
      <translation>Buildings</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="134" />
      <source>可选：列出与所选宗地相交的建筑</source>
      <translation>Optional: lists the buildings intersecting the selected parcel</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="135" />
      <source>导出会议纪要…</source>
      <translation>Export minutes…</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="137" />
      <source>把已核查宗地导出为会议纪要（XLSX 或 CSV，含未保存的编辑）：面积、单元、认定结论与理由、核查决定、核查人、意见和时间</source>
      <translation>Export the decided parcels as meeting minutes (XLSX or CSV, unsaved edits included): area, unit, verdict and reasons, decision, reviewer, note and time</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="143" />
      <source>按住 Ctrl 或 Shift 可选择多宗地，一次作出同一决定（一步可撤销）</source>
      <translation>Hold Ctrl or Shift to select several parcels and decide them at once (one undo step)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="376" />
      <source>列表中当前显示的宗地里已作出核查决定的数量</source>
      <translation>How many of the parcels now listed have a review decision</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="149" />
      <source>下一宗（{0}）</source>
      <translation>Next parcel ({0})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="150" />
      <source>上一宗（{0}）</source>
      <translation>Previous parcel ({0})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="203" />
      <source>请选择低效用地认定（lowland:identifyparcels）的结果图层。</source>
      <translation>Choose a result layer of the low-efficiency land identification (lowland:identifyparcels).</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="550" />
      <source>请先在列表中选择一宗地。</source>
      <translation>Select a parcel in the list first.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="579" />
      <source>地块核查 {0}：{1}</source>
      <translation>Parcel review {0}: {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="632" />
      <source>地块核查 {0} 宗：{1}</source>
      <translation>Parcel review, {0} parcels: {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="661" />
      <source>请先选择低效用地认定结果图层。</source>
      <translation>Choose an identification result layer first.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="375" />
      <source>已核查 {0} / {1}</source>
      <translation>Reviewed {0} / {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="484" />
      <source>地图上所选的宗地不在当前筛选结果中。</source>
      <translation>The parcel selected on the map is not in the filtered list.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="638" />
      <source>已对 {0} 宗地作出决定：{1}（一步可撤销）</source>
      <translation>Decided {0} parcels: {1} (one undo step)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="207" />
      <source>图层「{0}」不是矢量图层。</source>
      <translation>Layer “{0}” is not a vector layer.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="213" />
      <source>图层「{0}」是 Shapefile，字段名被截断为 10 个字符（{1}），核查无法写回完整字段：请把认定结果保存为 GeoPackage 后再核查。</source>
      <translation>Layer “{0}” is a shapefile whose field names were cut to 10 characters ({1}); the review cannot write the full fields back: save the identification result as a GeoPackage and review that.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="222" />
      <source>图层「{0}」不是低效用地认定结果，缺少字段：{1}。请选择 lowland:identifyparcels 的输出图层。</source>
      <translation>Layer “{0}” is not a low-efficiency land identification result; missing fields: {1}. Choose an output layer of lowland:identifyparcels.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="621" />
      <source>{0}（{1} 宗：{2}）</source>
      <translation>{0} ({1} parcels: {2})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="626" />
      <source>批量决定未写入，{0} 宗不能作此决定：</source>
      <translation>Batch decision not written: it does not apply to {0} parcels:</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="24" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="24" />
      <source>CSV 文件 (*.csv)</source>
      <translation>CSV files (*.csv)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="35" />
      <source>导出核查记录</source>
      <translation>Export review log</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="35" />
      <source>地块核查记录</source>
      <translation>parcel_review_log</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="50" />
      <source>导出会议纪要</source>
      <translation>Export meeting minutes</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="50" />
      <source>核查会议纪要</source>
      <translation>review meeting minutes</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="43" />
      <source>已导出 {0} 条核查记录：{1}</source>
      <translation>Exported {0} review records: {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="59" />
      <source>已导出 {0} 宗地的会议纪要：{1}</source>
      <translation>Minutes of {0} parcels exported: {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="41" />
      <source>无法写入 {0}：{1}</source>
      <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="32" />
      <source>全部类型</source>
      <translation>All types</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="35" />
      <source>按现状用途类型或低效类型筛选</source>
      <translation>Filter by current use type or low-efficiency type</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="37" />
      <source>全部结论</source>
      <translation>All verdicts</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="40" />
      <source>按计算的认定结论筛选</source>
      <translation>Filter by the computed verdict</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="42" />
      <source>全部状态</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="45" />
      <source>按核查状态筛选</source>
      <translation>Filter by review status</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="47" />
      <source>全部单元</source>
      <translation>All units</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="48" />
      <source>搜索宗地编号或权利人</source>
      <translation>Search parcel ID or owner</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="49" />
      <source>仅显示结论已变化</source>
      <translation>⚠ only</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="51" />
      <source>只列出重新认定后计算结论与核查时不同的宗地（⚠），其核查决定需要复核</source>
      <translation>List only parcels whose computed verdict differs, after re-running the identification, from the one they were reviewed on (⚠): their decision needs another look</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="104" />
      <source>按再开发单元（unit_id）筛选</source>
      <translation>Filter by redevelopment unit (unit_id)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="106" />
      <source>图层没有 unit_id 字段（再开发单元），不能按单元筛选</source>
      <translation>The layer has no unit_id field (redevelopment unit): no filter by unit</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="102" />
      <source>亩</source>
      <translation>mu</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="103" />
      <source>万元/亩</source>
      <translation>10k yuan/mu</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="104" />
      <source>年</source>
      <translation>years</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="105" />
      <source>栋</source>
      <translation>buildings</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="106" />
      <source>层</source>
      <translation>floors</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="84" />
      <source>是</source>
      <translation>yes</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="84" />
      <source>否</source>
      <translation>no</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="256" />
      <source>⚠：重新认定后结论与核查时不同，请复核</source>
      <translation>⚠: after re-running the identification the verdict differs from the one reviewed; check again</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="276" />
      <source>重新认定后结论已变化：核查时为「{0}」，现为「{1}」。</source>
      <translation>Verdict changed after re-running the identification: “{0}” when reviewed, now “{1}”.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="128" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="163" />
      <source>方案比选</source>
      <translation>Scenario comparison</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="166" />
      <source>现行方案的项目图层：新建方案从其中本单元的项目复制</source>
      <translation>Projects layer of the current plan: a new scenario copies the unit's projects from it</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="167" />
      <source>方案库</source>
      <translation>Scenario store</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="169" />
      <source>方案库 GeoPackage（默认在单元图层旁：&lt;单元&gt;_scenarios.gpkg）</source>
      <translation>Scenario store GeoPackage (default: beside the units layer, &lt;units&gt;_scenarios.gpkg)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="173" />
      <source>低效地块</source>
      <translation>Low-efficiency parcels</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="175" />
      <source>已复核的低效地块图层（可选）：资金平衡的补偿与拆除按本单元低效地块的现状建筑面积计，与实施方案第八章一致；不选则按单元现状总建筑面积估算</source>
      <translation>The reviewed low-efficiency parcels (optional): compensation and demolition in the funding balance are computed on the existing floor area of the unit's low-efficiency parcels, as in chapter 8 of the implementation plan; without it the unit's whole existing floor area stands in</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="182" />
      <source>控规图层（可选，面图层，含容积率、限高等控制指标）：比选表的开发容量、容量使用率与容量余量按其测算；不选则为未知</source>
      <translation>Regulatory plan layer (控规, optional, polygons with FAR, height and other limits): the table's development capacity, capacity used and headroom are computed from it; without it they are unknown</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="187" />
      <source>打开方案库</source>
      <translation>Open store</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="188" />
      <source>打开方案库；文件不存在时按项目图层的字段新建</source>
      <translation>Open the scenario store; a missing file is created with the projects layer's fields</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="189" />
      <source>新建</source>
      <translation>New</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="190" />
      <source>由现行方案（本单元的项目）新建方案</source>
      <translation>New scenario from the current plan (the unit's projects)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="191" />
      <source>复制</source>
      <translation>Copy</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="192" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="193" />
      <source>设为选定方案</source>
      <translation>Mark as chosen</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="194" />
      <source>实施方案按选定方案编制（每个单元一个）</source>
      <translation>The implementation plan describes the chosen scenario (one per unit)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="195" />
      <source>编辑所选地块（每次设置为一步，可撤销）</source>
      <translation>Edit the selected parcels (each change is one undo step)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="196" />
      <source>再开发方式</source>
      <translation>Redevelopment mode</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="197" />
      <source>规划用途</source>
      <translation>Planned use</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="198" />
      <source>用地用海代码，如 0901</source>
      <translation>Land-use code, e.g. 0901</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="199" />
      <source>容积率</source>
      <translation>FAR</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="200" />
      <source>建筑面积（m²）</source>
      <translation>Floor area (m²)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="201" />
      <source>移交用地（m²）</source>
      <translation>Handover (m²)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="202" />
      <source>分期</source>
      <translation>Phase</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="206" />
      <source>撤销</source>
      <translation>Undo</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="207" />
      <source>重做</source>
      <translation>Redo</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="208" />
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="209" />
      <source>把编辑写入方案库</source>
      <translation>Write the edits to the scenario store</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="210" />
      <source>比选表</source>
      <translation>Comparison</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="211" />
      <source>图表</source>
      <translation>Charts</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="212" />
      <source>导出 XLSX</source>
      <translation>Export XLSX</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="213" />
      <source>导出图表 PNG</source>
      <translation>Export charts (PNG)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="385" />
      <source>方案名称</source>
      <translation>Scenario name</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="516" />
      <source>设置再开发方式</source>
      <translation>Set redevelopment mode</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="532" />
      <source>设置规划用途</source>
      <translation>Set planned use</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="538" />
      <source>设置容积率</source>
      <translation>Set FAR</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="543" />
      <source>设置建筑面积</source>
      <translation>Set floor area</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="565" />
      <source>设置移交用地</source>
      <translation>Set handover</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="569" />
      <source>设置分期</source>
      <translation>Set phase</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="595" />
      <source>已保存。</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="205" />
      <source>设置</source>
      <translation>Set</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="292" />
      <source>请选择方案库文件（.gpkg）。</source>
      <translation>Choose a scenario store file (.gpkg).</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="404" />
      <source>新建方案</source>
      <translation>New scenario</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="404" />
      <source>现行方案</source>
      <translation>Current plan</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="429" />
      <source>复制方案</source>
      <translation>Copy scenario</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="460" />
      <source>删除方案</source>
      <translation>Delete scenario</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="497" />
      <source>请先在地图上选择本方案的地块。</source>
      <translation>Select parcels of this scenario on the map first.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="680" />
      <source>导出比选表</source>
      <translation>Export comparison</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="694" />
      <source>导出图表到文件夹</source>
      <translation>Export charts to folder</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="314" />
      <source>已打开方案库：{0}</source>
      <translation>Opened scenario store: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="349" />
      <source>★ 选定方案</source>
      <translation>★ chosen</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="450" />
      <source>已建立方案 {0}（{1} 个项目）。</source>
      <translation>Scenario {0} created ({1} projects).</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="467" />
      <source>已删除方案 {0}。</source>
      <translation>Scenario {0} deleted.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="477" />
      <source>方案 {0} 已设为选定方案，实施方案按其编制。</source>
      <translation>Scenario {0} is now the chosen one; the implementation plan describes it.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="489" />
      <source>已选地块：{0}</source>
      <translation>Selected parcels: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="511" />
      <source>{0}：{1} 个地块。</source>
      <translation>{0}: {1} parcels.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="686" />
      <source>已导出：{0}</source>
      <translation>Exported: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="699" />
      <source>已导出 {0} 张图表到 {1}</source>
      <translation>Exported {0} charts to {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="299" />
      <source>方案库不存在；请先选择项目图层以新建方案库。</source>
      <translation>The scenario store does not exist; choose a projects layer to create it.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="429" />
      <source>{0} 副本</source>
      <translation>{0} copy</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="460" />
      <source>删除方案 {0} 及其全部地块？此操作不能撤销。</source>
      <translation>Delete scenario {0} and all its parcels? This cannot be undone.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="304" />
      <source>无法打开方案库：{0}</source>
      <translation>Cannot open the scenario store: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="593" />
      <source>保存失败：{0}</source>
      <translation>Saving failed: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="507" />
      <source>方案图层没有字段 {0}。</source>
      <translation>The scenario layer has no field {0}.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_layers.py" line="36" />
      <source>方案</source>
      <translation>Scenarios</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_layers.py" line="36" />
      <source>方案项目</source>
      <translation>Scenario parcels</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_table.py" line="41" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_table.py" line="53" />
      <source>未知</source>
      <translation>unknown</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_table.py" line="61" />
      <source>该项指标的最优值</source>
      <translation>Best value of this indicator</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_table.py" line="48" />
      <source>依据：{0}</source>
      <translation>Basis: {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_table.py" line="83" />
      <source>各项核查均通过</source>
      <translation>all checks passed</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_table.py" line="92" />
      <source>未通过 {0} 项</source>
      <translation>{0} checks failed</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="226" />
      <source>绘制再开发单元</source>
      <translation>Draw redevelopment unit</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="227" />
      <source>项目中没有再开发单元图层（含 unit_id 的面图层）。新建一个？</source>
      <translation>The project has no redevelopment units layer (a polygon layer with unit_id). Create one?</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="228" />
      <source>新建 GeoPackage…</source>
      <translation>New GeoPackage…</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="229" />
      <source>临时图层</source>
      <translation>Temporary layer</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="161" />
      <source>再开发单元属性</source>
      <translation>Redevelopment unit attributes</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="162" />
      <source>单元编号</source>
      <translation>Unit ID</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="163" />
      <source>单元名称</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="164" />
      <source>实施时序</source>
      <translation>Phase</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="165" />
      <source>备注</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="166" />
      <source>图层内唯一，如 DY01</source>
      <translation>Unique in the layer, e.g. DY01</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="167" />
      <source>未定</source>
      <translation>Not set</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="171" />
      <source>确定</source>
      <translation>OK</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="200" />
      <source>请填写单元编号。</source>
      <translation>Please enter a unit ID.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="105" />
      <source>无法创建再开发单元图层：</source>
      <translation>Cannot create the redevelopment units layer: </translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="240" />
      <source>新建再开发单元图层</source>
      <translation>New redevelopment units layer</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="202" />
      <source>单元编号 {id} 已被图层中另一个单元使用。</source>
      <translation>Unit ID {id} is already used by another unit in the layer.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="168" />
      <source>单元范围没有覆盖任何街坊，未添加。</source>
      <translation>The unit outline covers no block; not added.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="173" />
      <source>未定（保存时在属性表单中选择）</source>
      <translation>not set (chosen in the attribute form on saving)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="154" />
      <source>街坊 {id} 只包含 {share}，边界偏离 {d} m</source>
      <translation>block {id} only {share} inside, the outline misses it by {d} m</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="180" />
      <source>单元面积</source>
      <translation>Unit area</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="182" />
      <source>完整街坊</source>
      <translation>Whole blocks</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="191" />
      <source>部分覆盖街坊（不计入）</source>
      <translation>Partly covered blocks (not counted)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="195" />
      <source>低效用地</source>
      <translation>Low-efficiency land</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="214" />
      <source>现状建筑面积</source>
      <translation>Existing GFA</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="217" />
      <source>零星用地候选（≤5 亩）</source>
      <translation>Scattered-land candidates (≤5 mu)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="236" />
      <source>单元实时统计</source>
      <translation>Unit live statistics</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="241" />
      <source>绘制边界</source>
      <translation>Draw outline</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="242" />
      <source>点选街坊</source>
      <translation>Click blocks</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="243" />
      <source>左键添加拐点，右键或回车完成</source>
      <translation>Left click adds a corner; right click or Enter finishes</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="245" />
      <source>单击街坊加入或移出单元（单元范围 = 所选街坊的合并），右键或回车完成</source>
      <translation>Click a block to add it to the unit or take it out (the unit outline is the union of the chosen blocks); right click or Enter finishes</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="264" />
      <source>开始绘制或点选街坊后，这里显示单元的实时统计。</source>
      <translation>Start drawing or clicking blocks to see the unit's live statistics here.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="165" />
      <source>单元没有完整包含任何街坊：{miss}。未添加；请沿街坊边界重新绘制。</source>
      <translation>The unit takes no block whole: {miss}. Not added; redraw it along the block edges.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="186" />
      <source>{id}（{share}，偏离 {d} m）</source>
      <translation>{id} ({share}, misses by {d} m)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="257" />
      <source>街坊：{blocks}；宗地：{parcels}</source>
      <translation>Blocks: {blocks}; parcels: {parcels}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="180" />
      <source>{ha} 公顷（{mu} 亩）</source>
      <translation>{ha} ha ({mu} mu)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="182" />
      <source>{n} 个：{ids}</source>
      <translation>{n}: {ids}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="192" />
      <source>{n} 宗</source>
      <translation>{n} parcels</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="196" />
      <source>{n} 宗，{area} m²，占 {share}</source>
      <translation>{n} parcels, {area} m², {share} of the unit</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="218" />
      <source>{n} 宗，{area} m²</source>
      <translation>{n} parcels, {area} m²</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="258" />
      <source>无（不能统计）</source>
      <translation>none (no statistics)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="259" />
      <source>无（宗地数字未知）</source>
      <translation>none (parcel figures unknown)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="276" />
      <source>尚未完整包含任何街坊</source>
      <translation>No whole block yet</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="191" />
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="275" />
      <source>尚未完整包含任何街坊：{miss}</source>
      <translation>No whole block yet: {miss}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="209" />
      <source>{area} m²（{share}）</source>
      <translation>{area} m² ({share})</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="278" />
      <source>部分覆盖的街坊不计入单元：{miss}</source>
      <translation>Partly covered blocks are not counted: {miss}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="198" />
      <source>左键添加拐点（吸附到街坊边线和拐点），右键或回车完成，退格撤回拐点，Esc 取消；选中一个单元时重新绘制其范围；Ctrl+单击选择单元，Shift+单击编辑其属性。</source>
      <translation>Left click adds a corner (snapping to block edges and corners), right click or Enter finishes, Backspace removes the last corner, Esc cancels; with one unit selected the drawing replaces its outline; Ctrl+click selects a unit, Shift+click edits its attributes.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="475" />
      <source>单元边界面积为零，未添加。</source>
      <translation>The unit outline has no area; not added.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="194" />
      <source>没有街坊图层（含 block_id 的面图层），单元边界不会吸附到街坊。</source>
      <translation>No blocks layer (a polygon layer with block_id): unit outlines will not snap to blocks.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="476" />
      <source>单元边界无效（{detail}），未添加；请重新绘制。</source>
      <translation>The unit outline is invalid ({detail}) and was not added; please draw it again.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="490" />
      <source>没有可绘制的再开发单元图层。</source>
      <translation>There is no redevelopment units layer to draw into.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="568" />
      <source>图层拒绝了新单元。</source>
      <translation>The layer refused the new unit.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="594" />
      <source>图层拒绝了新的单元范围。</source>
      <translation>The layer refused the new unit outline.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="471" />
      <source>单元边界至少需要 3 个不同的拐点（当前 {n} 个），未添加。</source>
      <translation>A unit outline needs at least 3 distinct corners ({n} drawn); not added.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="473" />
      <source>单元边界自相交（{detail}），未添加；请重新绘制。</source>
      <translation>The unit outline intersects itself ({detail}) and was not added; please draw it again.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="553" />
      <source>未添加。</source>
      <translation> Not added.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="556" />
      <source>添加再开发单元 {id}</source>
      <translation>Add redevelopment unit {id}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="573" />
      <source>已添加再开发单元 {id}；保存图层后写入文件，Ctrl+Z 撤销。</source>
      <translation>Redevelopment unit {id} added; it is written when you save the layer, Ctrl+Z undoes it.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="589" />
      <source>重新绘制再开发单元 {id}</source>
      <translation>Redraw redevelopment unit {id}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="600" />
      <source>已重新绘制再开发单元 {id} 的范围；Ctrl+Z 撤销。</source>
      <translation>Outline of redevelopment unit {id} redrawn; Ctrl+Z undoes it.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="637" />
      <source>修改再开发单元 {id} 的属性</source>
      <translation>Edit the attributes of redevelopment unit {id}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="494" />
      <source>图层「{name}」不能编辑。</source>
      <translation>Layer “{name}” cannot be edited.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="521" />
      <source>选中了 {n} 个单元；重新绘制范围时只能选中一个。</source>
      <translation>{n} units are selected; select exactly one to redraw its outline.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="681" />
      <source>该单元与单元 {ids} 重叠；一个街坊只能属于一个单元。</source>
      <translation>This unit overlaps unit(s) {ids}; a block can belong to one unit only.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/help.py" line="58" />
      <source>帮助</source>
      <translation>Help</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/help.py" line="59" />
      <source>打开使用手册中本功能的说明</source>
      <translation>Open the user guide's section on this tool</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/help.py" line="67" />
      <source>怎么用：选择认定结果图层 → 在列表中选中一宗地 → 查看理由与指标 → 确认、否定或改判并写明意见。</source>
      <translation>How to: choose the identification layer → select a parcel in the list → read its reasons and indicators → confirm, reject or change the verdict with a comment.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/help.py" line="71" />
      <source>怎么用：选择单元、宗地、项目图层 → 勾选单元 → 选择模板和输出文件夹 → 「预览」或「生成」。</source>
      <translation>How to: choose the units, parcels and projects layers → tick the units → choose the template and output folder → Preview or Generate.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/help.py" line="75" />
      <source>怎么用：选择单元和项目图层 → 打开方案库 → 新建或复制方案 → 在地图上选地块，设置方式、用途、容积率 → 看比选表与图表。</source>
      <translation>How to: choose the units and projects layers → open the scenario store → create or copy a scenario → select parcels on the map and set mode, use, FAR → read the comparison and the charts.</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/missing.py" line="44" />
      <source>低效用地再开发</source>
      <translation>Lowland redevelopment</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="110" />
      <source>地块核查：逐宗核查认定结果，确认、否定或改判</source>
      <translation>Parcel review: check the identification result parcel by parcel; confirm, reject or override</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="123" />
      <source>绘制再开发单元：在地图上绘制或重绘单元范围，吸附到街坊边线</source>
      <translation>Draw redevelopment unit: draw or redraw a unit's outline on the map, snapping to block edges</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="136" />
      <source>实施方案生成：按单元生成实施方案（DOCX/HTML/PDF），可预览</source>
      <translation>Implementation plans: write a plan per unit (DOCX/HTML/PDF), with a preview</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="149" />
      <source>方案比选：编辑单元的比选方案，按政策逐项核算并并列比较</source>
      <translation>Scenario comparison: edit a unit's scenarios, evaluated under the policy and compared side by side</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="157" />
      <source>关于 Lowland</source>
      <translation>About Lowland</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="164" />
      <source>使用手册</source>
      <translation>User guide</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="169" />
      <source>打开 Lowland 使用手册（安装、示例演练、算法与参数、字段标准、规则配置）</source>
      <translation>Open the Lowland user guide (installation, sample walk-through, algorithms and parameters, field standard, rule profiles)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="278" />
      <source>低效用地再开发 Lowland：依据自然资发〔2023〕171号与银川市实施意见，认定低效用地、划定再开发单元、核算政策指标并生成实施方案。</source>
      <translation>Lowland: identifies low-efficiency urban land, delineates redevelopment units, checks policy indicators and writes implementation plans, following MNR notice 2023-171 and Yinchuan's implementation opinions.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="102" />
      <source>字段映射（标准字段=实际字段; …）</source>
      <translation>Field mapping (canonical=actual; …)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="361" />
      <source>规则档案（内置 {0}，或 JSON 文件路径）</source>
      <translation>Rule profile (bundled {0}, or the path of a JSON file)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="246" />
      <source>无法读取输入图层 {0}。</source>
      <translation>Cannot read input layer {0}.</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="50" />
      <source>再开发单元划定与统计</source>
      <translation>Build redevelopment units and statistics</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="53" />
      <source>单元与街坊</source>
      <translation>Units and blocks</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="233" />
      <source>街坊（街坊划分结果）</source>
      <translation>Blocks (block delineation result)</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="276" />
      <source>低效用地认定结果（宗地）</source>
      <translation>Identification result (parcels)</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="59" />
      <source>&lt;p&gt;按“单元+街坊”管控（银川实施意见（三），自然资发〔2023〕171号 第1、3项）把街坊组成再开发单元，并统计每个单元。单元由整街坊组成，单元图形为其街坊的并集；每个街坊、每宗宗地至多属于一个单元。三种划定方式：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;手绘单元：街坊向内缩进吸附容差后完全落在手绘图形内即归入该单元（手绘边线可切入街坊不超过容差）；被两个单元覆盖的街坊归覆盖面积大者；切入街坊超过容差但未覆盖的、没有任何街坊的单元均列入冲突表。单元字段 unit_id、unit_name、phase（near 近期/mid 中期/far 远期）、notes 保留，缺编号时按西北→东南编为 DY01…；&lt;/li&gt;&lt;li&gt;控规单元：街坊归入重叠面积最大的控规单元（同编号的多个图形为一个单元）；跨单元超过容差或不在任何单元内的街坊列入冲突表；&lt;/li&gt;&lt;li&gt;自动划分：相距不超过邻接距离（跨越道路红线）的街坊为相邻街坊；从低效用地面积最大的街坊起，依次并入自身低效占比最高、使单元面积更接近目标面积且单元低效占比不低于最低占比的相邻街坊；低效占比不足的单元不形成。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;宗地按其 block_id 所在街坊归入单元，无 block_id 时按与单元的最大重叠归入；宗地缩进容差后仍跨两个单元的列入冲突表。每个单元统计：面积；低效用地宗数、面积、占比及分类型面积（优先采用核查后的 final_verdict/final_type）；现状建筑面积（gfa 之和）；规划建筑规模（控规地块 far_max × 单元内面积之和）；零星用地（单宗不超过 {0} 亩（含）的低效用地，银川实施意见（七））的宗数和面积；公共设施用地按类别的面积（控规 plan_code，resources/codes/public_facilities.csv）。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Groups blocks into redevelopment units under the “unit + block” control (Yinchuan implementation opinions (3), MNR notice 〔2023〕171 items 1 and 3) and reports each unit. A unit consists of whole blocks and its geometry is the union of its blocks; every block and every parcel belongs to at most one unit. Three ways to form units:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Drawn units: a block belongs to a drawn unit when the block, shrunk by the snapping tolerance, lies wholly inside the drawn polygon (a drawn edge may cut into a block by at most the tolerance); a block covered by two units goes to the one covering more of it; a drawn polygon reaching deeper than the tolerance into a block it does not cover, and a unit with no block, are listed in the conflicts table. The unit fields unit_id, unit_name, phase (near / mid / far) and notes are kept; missing ids are numbered DY01… from north-west to south-east;&lt;/li&gt;&lt;li&gt;Plan units: each block goes to the plan unit (控规单元) it overlaps most (features with the same id form one unit); blocks reaching into another unit beyond the tolerance, or in no unit, are listed in the conflicts table;&lt;/li&gt;&lt;li&gt;Automatic: blocks at most the adjacency distance apart (across a road reserve) are neighbours; starting from the block with the most low-efficiency land, a unit takes the neighbouring block with the highest own low-efficiency share that brings the unit area closer to the target area and keeps the unit's low-efficiency share at or above the minimum; a unit below the minimum share is not formed.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Parcels go to the unit of the block named by their block_id, else to the unit they overlap most; a parcel that, shrunk by the tolerance, still lies in two units is listed in the conflicts table. Per unit: area; count, area, share and area by type of low-efficiency land (final_verdict/final_type after review first); existing floor area (sum of gfa); planned floor-area capacity (sum of plan far_max × plan-parcel area inside the unit); count and area of scattered pieces (low-efficiency parcels of at most {0} mu, inclusive; Yinchuan opinions (7)); public-facility land by category (plan plan_code, resources/codes/public_facilities.csv).&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="91" />
      <source>控规地块（plan_code、far_max）</source>
      <translation>Regulatory plan parcels (plan_code, far_max)</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="97" />
      <source>单元划定方式</source>
      <translation>How units are formed</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="104" />
      <source>手绘单元图层</source>
      <translation>Drawn units layer</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="109" />
      <source>控规单元图层</source>
      <translation>Plan units layer</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="115" />
      <source>控规单元编号字段（默认 unit_id）</source>
      <translation>Plan unit id field (default unit_id)</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="121" />
      <source>吸附容差（米）</source>
      <translation>Snapping tolerance (m)</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="124" />
      <source>自动划分目标面积（公顷）</source>
      <translation>Automatic: target unit area (ha)</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="130" />
      <source>自动划分低效用地最低占比（0–1）</source>
      <translation>Automatic: minimum low-efficiency share (0–1)</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="136" />
      <source>自动划分邻接距离（米，跨越道路）</source>
      <translation>Automatic: adjacency distance (m, across roads)</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="164" />
      <source>街坊（含单元编号）</source>
      <translation>Blocks with unit id</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="169" />
      <source>宗地（含单元编号）</source>
      <translation>Parcels with unit id</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="172" />
      <source>单元划定冲突表</source>
      <translation>Unit conflicts</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="225" />
      <source>手绘单元方式需要“手绘单元图层”。</source>
      <translation>Drawn-unit mode needs the drawn units layer.</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="230" />
      <source>控规单元方式需要“控规单元图层”。</source>
      <translation>Plan-unit mode needs the plan units layer.</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="282" />
      <source>单元 {0} 个，含街坊 {1} 个（共 {2} 个），宗地 {3} 宗（共 {4} 宗）。</source>
      <translation>{0} units holding {1} of {2} blocks and {3} of {4} parcels.</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="291" />
      <source>没有形成任何单元。</source>
      <translation>No unit was formed.</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="98" />
      <source>手绘单元</source>
      <translation>Drawn units</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="98" />
      <source>控规单元</source>
      <translation>Plan units</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="98" />
      <source>自动划分</source>
      <translation>Automatic grouping</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="294" />
      <source>冲突 {0} 条，见单元划定冲突表：{1}</source>
      <translation>{0} conflicts, see the unit conflicts table: {1}</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="37" />
      <source>存量建筑功能转换</source>
      <translation>Function conversion of existing buildings</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="40" />
      <source>再开发政策核算</source>
      <translation>Redevelopment policy checks</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="46" />
      <source>&lt;p&gt;逐幢（栋）或楼层核查存量建筑功能转换（银川实施意见（十二），自然资发〔2023〕171号 第11项）。逐项核查并列出：原土地使用权人申请（applicant_is_user）、履行出让合同（contract_honoured）、不变更土地使用权人（user_unchanged）、不改动主体结构（structure_changed）、高度和层数（height_changed）、不新增建筑面积（gfa_added 须为 0）、无违法建设（illegal）、无预告登记（advance_notice）、查封登记（seized）、异议登记（objection）、未纳入征收范围（in_expropriation_area）、无人民法院或仲裁机构的不动产物权变动生效文书（court_ruling）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;条件均满足、拟转换功能（new_function，2023 用地用海代码）在规则档案正面清单内（代码或前缀）且转换面积占所在建筑总面积比例（gfa / total_gfa）不超过上限（含等于）→ 视同符合详细规划（eligible_plan_conforming），由自然资源部门联合出具审查意见；&lt;/li&gt;&lt;li&gt;条件均满足但超出正面清单或比例 → 依法办理土地用途变更手续（formal_use_change）；&lt;/li&gt;&lt;li&gt;规则档案的正面清单或比例上限来源未经采用（待定或本地取值，如比例 1.0 的占位值）时，条件均满足的单元记为 standard_pending（标准待定，不作结论），并警告一次；&lt;/li&gt;&lt;li&gt;有条件不满足 → not_eligible，failed_conditions 写明；&lt;/li&gt;&lt;li&gt;条件或核对所需数值为空 → missing，missing_conditions 写明字段，不作推测。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;历史建筑、文保单位及历史文化保护区域内建筑（heritage 为是）另标 heritage_rules：须遵守历史文化遗产保护规定，不影响上述结论；heritage 为空时 heritage_rules 为空并列入 missing_conditions。输入可为表格或建筑图层（保留图形）；输出记录规则档案及版本。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Checks, per building or floor, whether an existing building may change function (Yinchuan opinions (12), MNR 2023-171 item 11). Each condition is checked and listed: applied for by the original land user (applicant_is_user), land contract honoured (contract_honoured), land user unchanged (user_unchanged), main structure unchanged (structure_changed), height and storeys unchanged (height_changed), no floor area added (gfa_added must be 0), no illegal construction (illegal), no advance notice registration (advance_notice), seizure (seized) or objection registration (objection), not in an expropriation area (in_expropriation_area), no court or arbitration ruling on the property (court_ruling).&lt;/p&gt;&lt;ul&gt;&lt;li&gt;All conditions hold, the new function (new_function, 2023 land-use code) is in the profile's positive list (code or prefix) and the converted share of the building's floor area (gfa / total_gfa) is within the maximum (inclusive) → treated as plan-conforming (eligible_plan_conforming), with a joint review opinion;&lt;/li&gt;&lt;li&gt;all conditions hold but beyond the list or ratio → formal change of land use (formal_use_change);&lt;/li&gt;&lt;li&gt;when the profile's positive list or maximum ratio has a source that is not adopted (pending or a local choice, such as the 1.0 placeholder ratio), units meeting every condition are standard_pending (no verdict), warned once;&lt;/li&gt;&lt;li&gt;a condition not met → not_eligible, named in failed_conditions;&lt;/li&gt;&lt;li&gt;a condition or value needed is empty → missing, the fields named in missing_conditions, not guessed.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Historic buildings, protected heritage and buildings in historic conservation areas (heritage true) are also flagged heritage_rules: the heritage protection rules apply in addition, without changing the status; heritage empty → heritage_rules empty and listed in missing_conditions. The input may be a table or a buildings layer (geometry kept); the output records the profile and its version.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="91" />
      <source>功能转换申报表（幢或层）</source>
      <translation>Conversion applications (buildings or floors)</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="78" />
      <source>功能转换核查结果</source>
      <translation>Function conversion results</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="86" />
      <source>规则档案：{0}（{1}）；正面清单 {2}，比例上限 {3}</source>
      <translation>Rule profile: {0} ({1}); positive list {2}, share cap {3}</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="95" />
      <source>功能转换申报表没有记录。</source>
      <translation>The conversion application table has no records.</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="154" />
      <source>{0} 个申报单元：视同符合详细规划 {1}，办理用途变更 {2}，标准待定 {6}，不符合转换条件 {3}，资料缺失 {4}；须遵守历史文化保护规定 {5}。</source>
      <translation>{0} units: treated as plan-conforming {1}, formal change of use {2}, standard pending {6}, not eligible {3}, data missing {4}; heritage rules apply to {5}.</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="106" />
      <source>申报表没有字段 {0}：所有记录按缺失处理。</source>
      <translation>The application table has no fields {0}: they count as missing for every record.</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="114" />
      <source>正面清单或比例标准未经采用，符合条件的单元记为 standard_pending：{0}</source>
      <translation>The positive list or ratio standard is not adopted; units meeting every condition are standard_pending: {0}</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="48" />
      <source>开发容量测算</source>
      <translation>Capacity envelope</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="57" />
      <source>&lt;p&gt;逐地块测算控规允许的开发容量（可建建筑面积）（银川实施意见（三）（四））。每个地块归属于与其重叠面积最大的控规地块（CONTROLS：far_max 容积率上限、height_max 建筑高度上限、coverage_max 或 density_max 建筑密度上限、plan_id/plan_code/plan_name），取各项已知限制的最小值：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;limit_far_m2 = far_max × 用地面积（投影坐标系平面面积）；&lt;/li&gt;&lt;li&gt;limit_height_m2 = ⌊height_max ÷ 层高⌋ 层 × 建筑密度上限 × 用地面积；层高按用途（new_use_code，否则 use_code，否则控规 plan_code；地块用途与控规 plan_code 不一致（互不为其细类）时以控规为准，取控规用途并在日志与 reasons 中提示）取规则档案 storey_height_m（最长代码前缀，否则 default；本插件默认取值，须经地方确认），或参数 STOREY_HEIGHT（如 3.2，或 07=3.0; 09=4.5，优先于档案）；&lt;/li&gt;&lt;li&gt;capacity_m2 = 最小的已知限制 + handover_bonus_m2（无偿移交公益设施建筑面积按贡献补齐，与容积率核定同一规则：handover_by_category 所列清单内类别 × handover_factor）；binding_limit 为起控制作用的限制（far 或 height），headroom_m2 为它与次一已知限制之差；&lt;/li&gt;&lt;li&gt;公益项目（public_project）在 no_harm_neighbours、no_harm_traffic、no_harm_buildings 均记录为是时不受规划容积率限制：capacity_m2 为空，capped = 否；否则按限制测算。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;无控规地块覆盖或控规字段为空时，该项限制为未知（空，不是 0），reasons 注明原因；控规图层缺少 far_max 字段、建筑密度大于 1（应为 0–1 的比例）或地理坐标系时报错。字段映射 FIELD_MAP 用于控规图层（如 far_max=RJL; height_max=JZGD）。&lt;/p&gt;&lt;p&gt;单元汇总 UNIT_TABLE（可选）：按再开发单元 UNITS（重叠面积最大）或地块的 unit_id 汇总 capacity_m2（受限地块之和，任一未知则为空）、capacity_by_use（分用途）、现状建筑面积 gfa_today_m2（单元图层的 gfa_existing）与余量 headroom_m2 = 开发容量 − 现状建筑面积。&lt;/p&gt;</source>
      <translation>&lt;p&gt;The usable floor area each parcel's regulatory plan (控规) allows (银川实施意见 (三), (四)). Each parcel is assigned to the 控规 parcel it overlaps most (CONTROLS: far_max FAR maximum, height_max height limit, coverage_max or density_max coverage maximum, plan_id/plan_code/plan_name); the smallest known limit applies:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;limit_far_m2 = far_max × land area (planimetric area in the projected CRS);&lt;/li&gt;&lt;li&gt;limit_height_m2 = ⌊height_max ÷ storey height⌋ storeys × coverage maximum × land area; the storey height by use (new_use_code, else use_code, else the 控规 plan_code; when the parcel's use disagrees with its 控规 plan_code — neither a subclass of the other — the 控规 governs: its use is read, and the log and the reasons say so) from the rule profile's storey_height_m (longest code prefix, else default; a default of this plugin, to be confirmed locally), or the STOREY_HEIGHT parameter (e.g. 3.2, or 07=3.0; 09=4.5; it comes before the profile);&lt;/li&gt;&lt;li&gt;capacity_m2 = the smallest known limit + handover_bonus_m2 (floor area handed over free for public facilities, compensated as in the FAR check: the listed categories of handover_by_category × handover_factor); binding_limit names the limit that binds (far or height), headroom_m2 the distance to the next known limit;&lt;/li&gt;&lt;li&gt;a public project (public_project) whose no_harm_neighbours, no_harm_traffic and no_harm_buildings are all recorded true is not limited by the planned FAR: capacity_m2 empty, capped = false; otherwise the limits apply.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Where no 控规 parcel covers a parcel or a control is empty, that limit is unknown (empty, not 0) and reasons says why; a 控规 layer without far_max, a coverage above 1 (a share 0–1 is expected) or a geographic CRS is refused. The field map FIELD_MAP applies to the 控规 layer (e.g. far_max=RJL; height_max=JZGD).&lt;/p&gt;&lt;p&gt;Unit table UNIT_TABLE (optional): per redevelopment unit (UNITS, by largest overlap, else the parcels' unit_id): capacity_m2 (sum over capped parcels, empty when one is unknown), capacity_by_use, today's floor area gfa_today_m2 (the units layer's gfa_existing) and headroom_m2 = capacity − today's floor area.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="127" />
      <source>地块或项目图层</source>
      <translation>Parcels or projects layer</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="136" />
      <source>控规地块</source>
      <translation>Regulatory plan (控规) parcels</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="87" />
      <source>控规地块（far_max、height_max、建筑密度、plan_code）</source>
      <translation>Regulatory plan (控规) parcels (far_max, height_max, coverage, plan_code)</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="93" />
      <source>再开发单元（可选）</source>
      <translation>Redevelopment units (optional)</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="101" />
      <source>层高（米，可选）：如 3.2，或 07=3.0; 09=4.5</source>
      <translation>Storey height (m, optional): e.g. 3.2, or 07=3.0; 09=4.5</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="107" />
      <source>开发容量测算结果</source>
      <translation>Capacity envelope result</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="113" />
      <source>单元开发容量汇总</source>
      <translation>Capacity per unit</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="194" />
      <source>未给出再开发单元图层，地块也没有 unit_id，未输出单元汇总。</source>
      <translation>No units layer and no unit_id on the parcels: no unit table written.</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="206" />
      <source>容积率控制 {0} 个，高度控制 {1} 个，容量未知 {2} 个，不受限公益项目 {3} 个。</source>
      <translation>FAR binds on {0}, height on {1}; capacity unknown for {2}; uncapped public projects: {3}.</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="186" />
      <source>再开发单元图层没有 unit_id 字段，未输出单元汇总。</source>
      <translation>The units layer has no unit_id field: no unit table written.</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="48" />
      <source>年度更新对比</source>
      <translation>Annual version comparison</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="51" />
      <source>上图入库</source>
      <translation>Database (上图入库)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="57" />
      <source>&lt;p&gt;对比低效用地数据库（或两次认定结果）的两个版本，逐宗列出新增、删除、图形变化（含面积变化）、属性变化（变化字段及旧值→新值）、重新编号与未变化，并按变化类型汇总宗数与面积（银川实施意见（二）建立年度更新机制、自然资发〔2023〕171号 第12项 上图入库）。&lt;/p&gt;&lt;p&gt;1. 匹配：先按编号字段（默认 parcel_id，按文本比较，忽略首尾空格）；编号只在一个版本中出现或为空的要素再按图形匹配：重叠面积同时达到新、旧两个图形面积的“最小重叠比例”（默认 0.9）即为同一宗地，一对一、重叠最大者优先；因此一宗地分割为两半（各 50%）不会被强行匹配，而是报为删除 + 新增。按图形匹配且编号不同的记为重新编号（renumbered = 是）。同一版本内编号重复时拒绝运行并列出重复编号。&lt;/p&gt;&lt;p&gt;2. 图形变化：新旧图形对称差面积大于“图形容差”（默认 0.01 平方米）。area_change_m2 = 新面积 − 旧面积（新增为 +新面积，删除为 −旧面积）。&lt;/p&gt;&lt;p&gt;3. 属性变化：对比字段默认取两个版本共有的全部字段，不含编号字段和易变字段（fid、ogc_fid、objectid、shape_area、shape_length、shape_leng、area_m2、area_mu、ellipsoid_area_m2、reviewed_at、verdict_changed）；在“对比字段”中列出则照样对比。数值按 1e-9 相对误差比较，空值只等于空值，日期按日期比较，文本须完全一致。&lt;/p&gt;&lt;p&gt;输出几何为新版本图形（删除的为旧版本图形），并带该版本的属性；变化类型：added 新增、removed 删除、geometry_and_attributes_changed 图形和属性变化、geometry_changed 图形变化、attributes_changed 属性变化、renumbered 重新编号、unchanged 未变化。两个图层须为投影坐标系（米），新版本重投影到旧版本的坐标系。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Compares two versions of the low-efficiency land database (or two identification results) parcel by parcel: added, removed, geometry changed (with the area change), attributes changed (which fields, old → new), renumbered and unchanged, with counts and areas per kind of change (Yinchuan opinions clause (2) yearly update; MNR notice 2023-171 task 12).&lt;/p&gt;&lt;p&gt;1. Matching: by the ID field first (default parcel_id, compared as trimmed text); features whose ID is missing or in one version only are then matched by geometry: the same parcel when the overlap reaches the minimum overlap share (default 0.9) of both areas, one to one, largest overlap first; a parcel split in halves is therefore reported as removed + added. A geometric match with a different ID is renumbered. Duplicate IDs within a version are refused.&lt;/p&gt;&lt;p&gt;2. Geometry changed: the symmetric difference exceeds the geometry tolerance (default 0.01 m²). area_change_m2 = new − old (added +new, removed −old).&lt;/p&gt;&lt;p&gt;3. Attributes changed: by default all fields both versions share, except the ID field and volatile fields (fid, ogc_fid, objectid, shape_area, shape_length, shape_leng, area_m2, area_mu, ellipsoid_area_m2, reviewed_at, verdict_changed); fields listed to compare are compared anyway. Numbers are equal within 1e-9 relative, nulls equal only nulls, dates compare as dates, text must match exactly.&lt;/p&gt;&lt;p&gt;The output geometry is the new one (the old one for removed parcels) with that version's attributes. Both layers must be in a projected CRS in metres; the new version is reprojected to the old one's CRS.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="146" />
      <source>旧版本</source>
      <translation>Old version</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="199" />
      <source>变化汇总（宗数，其中重新编号，面积变化 平方米）：</source>
      <translation>Changes (parcels, of which renumbered, area change m²):</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="81" />
      <source>旧版本（上一年度）</source>
      <translation>Old version (previous year)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="84" />
      <source>新版本（本年度）</source>
      <translation>New version (this year)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="89" />
      <source>编号字段（默认 parcel_id）</source>
      <translation>ID field (default parcel_id)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="98" />
      <source>对比字段（默认：两个版本共有的字段，易变字段除外）</source>
      <translation>Fields to compare (default: all fields both versions share, except volatile ones)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="107" />
      <source>图形匹配的最小重叠比例（占新、旧两个图形面积）</source>
      <translation>Minimum overlap share for geometric matching (of both the old and the new area)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="117" />
      <source>图形容差（对称差面积，平方米）</source>
      <translation>Geometry tolerance (symmetric difference area, m²)</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="125" />
      <source>年度更新对比结果</source>
      <translation>Version comparison</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="131" />
      <source>变化汇总表</source>
      <translation>Change summary</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="152" />
      <source>旧版本 {0} 个要素，新版本 {1} 个要素；编号字段 {2}。</source>
      <translation>Old version {0} features, new version {1} features; ID field {2}.</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="169" />
      <source>对比字段：{0}</source>
      <translation>Compared fields: {0}</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="44" />
      <source>街坊划分</source>
      <translation>Delineate blocks</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="53" />
      <source>&lt;p&gt;按道路红线划分街坊，为“单元+街坊”管控（银川实施意见（三），自然资发〔2023〕171号 第1、3项）提供街坊底图，并把宗地归入街坊。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;道路用地 = 道路中心线按红线宽度一半作平头缓冲（不向路端延伸）；宽度取宽度字段，为空时按道路等级（快速路/主干路/次干路/支路，或 expressway/arterial/secondary/branch）取 resources/codes/road_widths.csv 的默认宽度（GB 50220-95），并在日志中列出这些道路；既无宽度又无可识别等级的道路报错。&lt;/li&gt;&lt;li&gt;街坊 = 范围减去道路用地后的各个部分。道路端点在容差内接近另一道路端点、另一道路的红线（画到相交道路红线处、画入红线或略短于红线）或范围边界的，先连接到其中心线或边界；冲出不超过容差的截除；尽端路只切入街坊，不把街坊分开（会分开时从尽端截短，并列出道路）。&lt;/li&gt;&lt;li&gt;面积小于最小面积或等效宽度（同面积同周长矩形的短边）小于最小宽度的碎片（如双幅路中间的分隔带、环岛中心岛、范围切出的边角）不作为街坊，输出到“剔除的碎片”并注明面积和原因。&lt;/li&gt;&lt;li&gt;街坊编号 JF001…按自北向南分行、每行自西向东排列，名称 街坊001…；街坊互不重叠，街坊 + 道路用地 + 剔除碎片的面积等于范围面积（每次运行都核对）。&lt;/li&gt;&lt;li&gt;宗地归入重叠面积最大的街坊，并给出位于道路用地、剔除碎片和范围以外的面积。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;各图层须使用以米为单位的投影坐标系（以范围图层的坐标系计算，其他图层自动转换）。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Delineates blocks (街坊) bounded by road red lines for the "unit + block" control (Yinchuan implementation opinions (三), 自然资发〔2023〕171号 items 1 and 3) and assigns parcels to blocks.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Road reserve = each road centre line buffered by half its red-line width with flat caps (not extended past the road's ends); the width comes from the width field, or, where it is empty, from the grade's default in resources/codes/road_widths.csv (GB 50220-95; grades 快速路/主干路/次干路/支路 or expressway/arterial/secondary/branch) — those roads are listed in the log; a road with neither a width nor a known grade is an error.&lt;/li&gt;&lt;li&gt;Blocks = the boundary minus the road reserve, part by part. A road end within the tolerance of another road's end, of another road's red line (digitised up to, into or just short of the cross road's red line) or of the boundary is first joined to that centre line or the boundary; overshoots up to the tolerance are trimmed; a dead-end road bites into a block but never splits it (where it would, it is cut back from its free end and listed).&lt;/li&gt;&lt;li&gt;Fragments smaller than the minimum area or narrower than the minimum width (short side of the rectangle with the same area and perimeter) — a dual carriageway's median, a roundabout island, corners cut off by the boundary — are not blocks; they go to "Removed fragments" with area and reason.&lt;/li&gt;&lt;li&gt;Block ids JF001… run in rows from north to south, west to east within a row; names 街坊001…. Blocks never overlap, and blocks + road reserve + removed fragments equal the boundary area (checked on every run).&lt;/li&gt;&lt;li&gt;Each parcel goes to the block it overlaps most; its areas inside the road reserve, in removed fragments and outside the boundary are given.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;All layers must be in a projected CRS in metres (the boundary's CRS is used; other layers are reprojected).&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="147" />
      <source>范围图层</source>
      <translation>Boundary</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="75" />
      <source>道路中心线图层</source>
      <translation>Road centre lines</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="81" />
      <source>红线宽度字段（米）</source>
      <translation>Red-line width field (m)</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="91" />
      <source>道路等级字段</source>
      <translation>Road grade field</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="107" />
      <source>街坊最小面积（平方米）</source>
      <translation>Minimum block area (m²)</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="108" />
      <source>街坊最小等效宽度（米）</source>
      <translation>Minimum equivalent block width (m)</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="109" />
      <source>端点连接容差（米）</source>
      <translation>Road end snapping tolerance (m)</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="126" />
      <source>道路用地</source>
      <translation>Road reserve</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="127" />
      <source>剔除的碎片</source>
      <translation>Removed fragments</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="128" />
      <source>宗地（含所属街坊）</source>
      <translation>Parcels with their block</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="48" />
      <source>方案评估比选</source>
      <translation>Evaluate and compare scenarios</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="57" />
      <source>&lt;p&gt;把一个再开发单元的多个方案（方案库的 scenarios 表与 scenario_projects 图层）逐一用现有核算检验并并列比较：容积率核定（银川实施意见（四））、零星用地（（七），提供零星用地图层时）、混合用地（（十））、用途转换路径（（十一））、补缴地价（（十四）（十五），自然资发〔2023〕171号 第9项）、按再开发方式的资金平衡（（三），提供单元统计时）与开发容量（提供控规图层时）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;比选表每个指标一行、每个方案一列（列名为方案编号）：规划总建筑面积、综合容积率、无偿移交面积、开发容量及使用率与余量、盘活用地面积（收储、原权利人改造、联合的项目用地；保留不计）、补缴地价、资金收入、支出与平衡（万元）、未通过核查项数；best 列出该行最优的方案（并列的都列出，未知值不参与）。资金缺口在日志中提示（实施方案应说明资金平衡方案，（三）），不计为未通过核查。无法计算的值为空（未知），不作 0。&lt;/li&gt;&lt;li&gt;提供低效地块图层（identifyparcels 或 buildunits 的地块输出）时，收储的补偿与拆除按本单元低效地块的现状建筑面积计，与实施方案第八章的资金平衡一致；不提供则按单元现状总建筑面积估算（日志提示）。&lt;/li&gt;&lt;li&gt;未通过核查表逐条列出方案、核查、条款、项目与核查自身的理由。&lt;/li&gt;&lt;li&gt;零星用地与功能分区按 project_id 归属项目；带 scenario_id 字段时只用于该方案（空值为各方案共用）。单元编号 UNIT 为空时比较所有单元。&lt;/li&gt;&lt;/ul&gt;</source>
      <translation>&lt;p&gt;Evaluates the scenarios of a redevelopment unit (the scenarios table and the scenario_projects layer of a scenario store) one by one with the existing checks and compares them side by side: FAR (Yinchuan opinions (4)), scattered land ((7), when the pieces are given), mixed use ((10)), use-change path ((11)), land price ((14)(15), 自然资发〔2023〕171号 item 9), the funding balance by redevelopment mode ((3), when the unit statistics are given) and the development capacity (when a regulatory plan layer is given).&lt;/p&gt;&lt;ul&gt;&lt;li&gt;The comparison table has one row per indicator and one column per scenario (named by the scenario ID): total proposed floor area, FAR, area handed over, capacity with its use and headroom, land redeveloped (the land of the projects acquired, redeveloped by the owner or jointly; retained ones do not count), land price due, funding income, cost and balance (10 000 yuan), number of failed checks; best lists the scenarios holding the best value of the row (all of them on a tie; unknown values never count). A funding deficit is warned about in the log (the plan must state how it is balanced, (3)); it is not a failed check. A value that cannot be computed is empty (unknown), never 0.&lt;/li&gt;&lt;li&gt;With the low-efficiency parcels layer (the parcels output of identifyparcels or buildunits), compensation and demolition of acquired projects are computed on the existing floor area of the unit's low-efficiency parcels, as the funding balance of chapter 8 of the implementation plan is; without it the unit's whole existing floor area stands in (noted in the log).&lt;/li&gt;&lt;li&gt;The failed-checks table lists each failure: scenario, check, clause, project and the check's own reason.&lt;/li&gt;&lt;li&gt;Pieces and zones belong to projects by project_id; with a scenario_id field they apply to that scenario only (empty: shared by all). An empty UNIT compares every unit.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="140" />
      <source>方案项目图层</source>
      <translation>Scenario projects</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="142" />
      <source>零星用地图层</source>
      <translation>Scattered land pieces</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="144" />
      <source>功能分区图层</source>
      <translation>Functional zones</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="79" />
      <source>方案表</source>
      <translation>Scenarios table</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="89" />
      <source>控规图层（开发容量）</source>
      <translation>Regulatory plan layer (capacity)</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="90" />
      <source>再开发单元图层（资金平衡用单元统计）</source>
      <translation>Redevelopment units (unit statistics for the funding balance)</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="91" />
      <source>低效地块图层（补偿按其现状建筑面积，同实施方案第八章）</source>
      <translation>Low-efficiency parcels (compensation on their existing floor area, as in chapter 8 of the plan)</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="98" />
      <source>单元编号（空：所有单元）</source>
      <translation>Unit ID (empty: all units)</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="104" />
      <source>方案比选表</source>
      <translation>Scenario comparison</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="110" />
      <source>未通过核查表</source>
      <translation>Failed checks</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="118" />
      <source>比选表（XLSX）</source>
      <translation>Comparison workbook (XLSX)</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="118" />
      <source>Excel (*.xlsx)</source>
      <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="154" />
      <source>方案表没有方案。</source>
      <translation>The scenarios table has no scenario.</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="191" />
      <source>单元 {0}：比较 {1} 个方案。</source>
      <translation>Unit {0}: {1} scenarios compared.</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="200" />
      <source>方案 {0}：{1} 项未通过核查。</source>
      <translation>Scenario {0}: {1} failed checks.</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="198" />
      <source>方案 {0}：各项核查均通过。</source>
      <translation>Scenario {0}: every check passed.</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="97" />
      <source>上图入库成果导出与质检</source>
      <translation>Database export and quality check</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="106" />
      <source>&lt;p&gt;把低效用地认定成果按字段标准导出为上图入库数据库，并作质检（银川实施意见（二）Y-2、自然资发〔2023〕171号 第12项 N-12：以三调及最新变更调查为底图，低效用地上图入库、年度更新）。&lt;/p&gt;&lt;p&gt;导出：最终结论（核查后结论，未核查取计算结论）为低效用地的宗地；取消“仅导出低效用地”则导出全部宗地，以 SFDX 是/否区分。字段标准为资源文件 resources/standards/lowland_db_v1.csv（拼音缩写字段名 TBBH、XZQDM、ZDDM、SFDX、DXLX、XZDL、XZYT、GHYT、PZYT、CYLX、RJL、JZMD、DJRKSJ、MJ、MJM、TQMJ、HCZT、RDYJ、RKSJ 等，带中文别名）。Y-2 要求的使用状况 SYZK（闲置/停产/空置/在用，由是否闲置、是否正常生产经营与宗地内建筑判断，未知为空）、改造开发潜力 KFQL = max(规划容积率 GHRJL − 容积率, 0) × 面积（规划容积率未知时为空，不记为 0）、历史遗留用地类别 LSYLLB 与面积（可选输入 LEGACY：lowland:legacyland 的输出，按宗地编号匹配；未给出时为空）。图斑编号 TBBH = 6 位行政区代码 + 6 位顺序号（按宗地编号排序）；面积 MJ 保留 2 位小数(平方米)、MJM 保留 4 位小数(亩)，四舍五入。格式为 GeoPackage 或 Shapefile（.cpg 写明 UTF-8 或 GBK，字段名不超过 10 个字符）。&lt;/p&gt;&lt;p&gt;质检（只报告，不修改）：必填字段、值域（代码须在代码表中）、字段长度与字符编码、编号重复、图斑编号格式、几何无效/自相交、多部件（警告）、碎片图斑、图斑重叠、非建设用地、与三调的一致性（现状地类、面积差在容差内；含三调非建设用地为警告）、面积不自洽、使用状况与建筑不一致、改造开发潜力不自洽、历史遗留用地面积不自洽。输出质检错误图层（含几何）与 HTML 质检报告；有错误即不通过（QC_PASSED = false），可选择不通过时使算法失败。字段值超出 Shapefile 字段宽度或编码时不写出 Shapefile，绝不截断。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Exports the identified low-efficiency land as the database in a field standard, with a quality check (Yinchuan opinions clause (2) Y-2; MNR notice 2023-171 task 12 N-12: mapping on the 三调 and the latest change survey, yearly update).&lt;/p&gt;&lt;p&gt;Export: parcels whose final verdict (after review, else the computed one) is low-efficiency; untick 'Export low-efficiency land only' to export all parcels, told apart by SFDX 是/否. The field standard is the resource resources/standards/lowland_db_v1.csv (pinyin-abbreviation field names TBBH, XZQDM, ZDDM, SFDX, DXLX, XZDL, XZYT, GHYT, PZYT, CYLX, RJL, JZMD, DJRKSJ, MJ, MJM, TQMJ, HCZT, RDYJ, RKSJ … with Chinese aliases). Y-2 asks for the state of use SYZK (闲置 idle / 停产 stopped / 空置 vacant / 在用 in use, from the idle and operating flags and the buildings on the parcel; empty when unknown), the redevelopment potential KFQL = max(planned FAR GHRJL − FAR, 0) × area (empty, not 0, when the planned FAR is unknown) and the legacy land class LSYLLB with its areas (optional input LEGACY: the output of lowland:legacyland, matched by parcel ID; empty without it). Patch number TBBH = 6-digit administrative code + 6-digit sequence (by parcel ID); areas MJ to 2 decimals (m²), MJM to 4 decimals (mu), rounded half up. Format GeoPackage or Shapefile (.cpg UTF-8 or GBK, field names of at most 10 characters).&lt;/p&gt;&lt;p&gt;Quality check (reports, never modifies): mandatory fields, value domains (codes in the code tables), field widths and encoding, duplicate IDs, patch number format, invalid/self-intersecting geometry, multipart (warning), slivers, overlaps, non-construction land, consistency with 三调 (current class, area difference within the tolerance; non-construction 三调 land as a warning), areas that do not add up, a state of use contradicting the buildings, a redevelopment potential that does not add up, legacy land areas that do not add up. Outputs an error layer with geometry and an HTML report; any error fails the check (QC_PASSED = false), optionally failing the algorithm. Values that exceed a Shapefile field width or encoding stop the Shapefile being written; nothing is truncated.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="172" />
      <source>碎片图斑面积阈值（平方米）</source>
      <translation>Sliver area threshold (m²)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="253" />
      <source>低效用地认定成果</source>
      <translation>Identified low-efficiency land</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="474" />
      <source>质检结果（规则、数量、结论）：</source>
      <translation>Quality check (rule, count, result):</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="476" />
      <source>通过</source>
      <translation>passed</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="477" />
      <source>不通过</source>
      <translation>failed</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="478" />
      <source>警告</source>
      <translation>warning</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="479" />
      <source>未检查</source>
      <translation>not checked</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="129" />
      <source>低效用地认定成果（lowland:identifyparcels 输出）</source>
      <translation>Identified parcels (output of lowland:identifyparcels)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="134" />
      <source>三调图斑图层（一致性检查）</source>
      <translation>Land survey (三调) patches (consistency check)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="140" />
      <source>历史遗留用地认定结果（lowland:legacyland 输出，按宗地编号匹配）</source>
      <translation>Legacy land classification (output of lowland:legacyland, matched by parcel ID)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="148" />
      <source>行政区代码（6 位；留空则取输入的 admin_code 字段）</source>
      <translation>Administrative code (6 digits; empty = the input field admin_code)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="154" />
      <source>仅导出低效用地</source>
      <translation>Export low-efficiency land only</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="159" />
      <source>输出格式</source>
      <translation>Output format</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="165" />
      <source>Shapefile 字符编码</source>
      <translation>Shapefile character encoding</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="181" />
      <source>与三调面积差容差（相对值，0.001 = 0.1%）</source>
      <translation>Tolerance of the area difference to 三调 (relative, 0.001 = 0.1 %)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="191" />
      <source>字段标准（内置 lowland_db_v1，或 CSV 文件路径）</source>
      <translation>Field standard (bundled lowland_db_v1, or the path of a CSV file)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="196" />
      <source>入库时间（默认今天）</source>
      <translation>Database date (default: today)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="201" />
      <source>质检不通过时算法失败</source>
      <translation>Fail the algorithm when the quality check fails</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="210" />
      <source>上图入库数据库</source>
      <translation>Database for submission</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="211" />
      <source>GeoPackage (*.gpkg);;ESRI Shapefile (*.shp)</source>
      <translation>GeoPackage (*.gpkg);;ESRI Shapefile (*.shp)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="216" />
      <source>质检错误图层</source>
      <translation>Quality check errors</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="221" />
      <source>质检报告（HTML）</source>
      <translation>Quality check report (HTML)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="221" />
      <source>HTML (*.html)</source>
      <translation>HTML (*.html)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="224" />
      <source>质检通过</source>
      <translation>Quality check passed</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="225" />
      <source>错误数</source>
      <translation>Errors</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="226" />
      <source>警告数</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="265" />
      <source>国土变更调查图斑图层（最新年度，三调口径）</source>
      <translation>Land change survey patches (latest year, 3rd-survey classes)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="273" />
      <source>未提供三调图层：与三调一致性的规则未检查（报告中注明）。</source>
      <translation>No 三调 layer given: the consistency rules against 三调 were not checked (the report says so).</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="283" />
      <source>未提供历史遗留用地认定结果（LEGACY）：历史遗留用地类别与面积为空。</source>
      <translation>No legacy land classification (LEGACY) given: the legacy land class and areas are empty.</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="297" />
      <source>没有最终结论为低效用地的宗地：数据库为空。</source>
      <translation>No parcel has the final verdict low-efficiency land: the database is empty.</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="379" />
      <source>请指定上图入库数据库的输出文件。</source>
      <translation>Choose the output file of the database.</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="292" />
      <source>导出 {0} 条记录（输入 {1} 宗），字段标准 {2}。</source>
      <translation>Exported {0} records ({1} parcels in), field standard {2}.</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="314" />
      <source>有 {0} 个值超出 Shapefile 字段宽度或无法以 {1} 编码，未写出 Shapefile（不截断）；请修正后重新导出，或导出为 GeoPackage。</source>
      <translation>{0} values exceed a Shapefile field width or cannot be encoded in {1}: no Shapefile written (nothing is truncated); fix them and export again, or export a GeoPackage.</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="322" />
      <source>数据库已写出：{0}</source>
      <translation>Database written: {0}</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="347" />
      <source>质检通过（警告 {0} 处）。</source>
      <translation>Quality check passed ({0} warnings).</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="350" />
      <source>质检不通过：错误 {0} 处，警告 {1} 处，详见质检报告与错误图层。</source>
      <translation>Quality check failed: {0} errors, {1} warnings; see the report and the error layer.</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="287" />
      <source>{0} 条记录的宗地编号不在历史遗留用地认定结果中：其历史遗留用地类别与面积为空。</source>
      <translation>{0} records have a parcel ID not in the legacy land classification: their legacy land class and areas are empty.</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="357" />
      <source>质检不通过：错误 {0} 处（报告：{1}）。</source>
      <translation>Quality check failed: {0} errors (report: {1}).</translation>
    </message>
    <message>
      <location filename="../processing/far_check.py" line="18" />
      <source>容积率核定</source>
      <translation>FAR check</translation>
    </message>
    <message>
      <location filename="../processing/far_check.py" line="27" />
      <source>&lt;p&gt;逐项目核定计容建筑面积是否在允许范围内（银川实施意见（四），自然资发〔2023〕171号 第1项）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;计容建筑面积 gfa_counted = 拟建总建筑面积 gfa_proposed − 加装电梯、楼梯、公共走廊、无障碍、保温等附属设施面积 gfa_addon：仅在既有住宅上（existing_housing = 是）不计容，否则计入并在 reasons 中说明；&lt;/li&gt;&lt;li&gt;允许建筑面积 gfa_allowed = 规划容积率上限 far_max × 项目用地面积 area_m2（投影坐标系平面面积）+ 补齐面积 gfa_compensated：无偿移交面积 gfa_handover 中，handover_by_category（JSON {{类别: 平方米}}）所列、且在规则档案 handover_categories 清单内的类别，× handover_factor（规则档案，注明来源）；清单外的类别（原文为“等”）列出但不补齐，类别未填写的不补齐（“类别未填写，未补齐”），并警告；各类之和须等于 gfa_handover；&lt;/li&gt;&lt;li&gt;gfa_margin = gfa_allowed − gfa_counted；far_pass：计容面积不超过允许面积即通过（相等通过）；&lt;/li&gt;&lt;li&gt;公益项目（public_project：市政基础设施、公共服务设施、公共安全设施）仅当 no_harm_neighbours、no_harm_traffic、no_harm_buildings（不影响周边居住环境、交通出行及既有建筑安全）均记录为是时不受规划容积率限制，其中商业开发类经营性部分 gfa_commercial 仍按规划容积率核定；任一为否按规划容积率核定；未记录的不作检验（reasons 中 met 为空），超出规划容积率时 far_pass 为空。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;gfa_addon、gfa_handover 为空按 0 计；非公益项目 far_max 为空、gfa_proposed 为空或按类别面积不符时报错并列出项目。reasons 字段以 JSON 列出条款、数值、阈值、是否满足与规则档案来源；使用待定或本地取值时运行警告一次。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Checks per project whether the FAR-counted floor area is within the allowed floor area (Yinchuan opinions (4), MNR 2023-171 item 1).&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Counted floor area gfa_counted = proposed floor area gfa_proposed − add-on facilities (lifts, stairs, corridors, accessibility, insulation) gfa_addon: not counted only on existing housing (existing_housing true), otherwise counted and the reasons say why;&lt;/li&gt;&lt;li&gt;allowed floor area gfa_allowed = planned max FAR far_max × project land area area_m2 (planimetric area in a projected CRS) + compensated area gfa_compensated: of the handed-over area gfa_handover, the categories of handover_by_category (JSON {{category: m²}}) on the profile's handover_categories list, × handover_factor (profile, source cited); categories off the list (the text says "etc.") are listed but not compensated, a handover with no category is not compensated ("类别未填写，未补齐"), with a warning; the categories must add up to gfa_handover;&lt;/li&gt;&lt;li&gt;gfa_margin = gfa_allowed − gfa_counted; far_pass: counted within allowed (equal passes);&lt;/li&gt;&lt;li&gt;a public project (public_project: municipal infrastructure, public service or public safety facilities) is not limited by the planned FAR only when no_harm_neighbours, no_harm_traffic and no_harm_buildings (no harm to the living environment, traffic and existing buildings) are all recorded true; its commercial part gfa_commercial is still checked against the planned FAR; any of them false → the planned FAR applies; not recorded → not tested (met empty in the reasons), and far_pass is empty above the planned FAR.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Empty gfa_addon and gfa_handover count as 0; an empty far_max on a non-public project, an empty gfa_proposed or categories that do not add up are refused, naming the projects. The reasons field lists, as JSON, clause, value, threshold, whether met and the profile source; a run using pending or local-choice values warns once.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/far_check.py" line="48" />
      <source>容积率核定结果</source>
      <translation>FAR check</translation>
    </message>
    <message>
      <location filename="../processing/far_check.py" line="62" />
      <source>容积率核定通过（含公益项目）{0} 个项目。</source>
      <translation>FAR check passed (public projects included): {0} projects.</translation>
    </message>
    <message>
      <location filename="../processing/far_check.py" line="63" />
      <source>{0} 个项目计容建筑面积超出允许面积：{1}</source>
      <translation>{0} projects have FAR-counted floor area above the allowed floor area: {1}</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="121" />
      <source>生成实施方案</source>
      <translation>Generate implementation plans</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="130" />
      <source>&lt;p&gt;为每个再开发单元生成实施方案（银川实施意见（三），自然资发〔2023〕171号 第1、3、5项）：DOCX、HTML 和 PDF，写入输出文件夹（文件名如 DY01_实施方案.docx）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;内容：单元概况（面积、时序、街坊、低效用地分类型面积）；低效用地清单及认定理由；历史遗留用地处置方式（Y-9）；项目容积率核定（Y-4）、混合用地用途比例（Y-10）、零星用地（Y-7）、补缴地价与缴款计划（Y-14、Y-15）——数值由与各核算算法相同的函数计算；资金平衡：支出（征收补偿、拆除、基础设施、公共服务设施）与收入（补缴地价、转移建筑面积），收支差额及近期/中期/远期分期表；公共服务设施配置；所依据的政策条款；单元图。&lt;/li&gt;&lt;li&gt;资金平衡单价取自规则档案的 funding 部分；内置档案中为示例值，须由城市按本地标准设定。&lt;/li&gt;&lt;li&gt;项目按其 unit_id 归入单元，无 unit_id 时归入重叠面积最大的单元。零星用地与功能分区图层未指定时，从项目图层所在 GeoPackage 的 pieces、zones 图层读取。&lt;/li&gt;&lt;li&gt;模板为 Jinja2（沙箱运行、HTML 自动转义、未定义变量报错；每份文档渲染限时 60 秒、输出不超过 2000 万字符，只能引用模板所在文件夹中的文件）；模板有错时给出文件、行号和错误，不写出任何文件。取消或出错时本次运行的文件全部不保留。&lt;/li&gt;&lt;li&gt;给出方案库（方案比选面板或 lowland:evaluatescenarios 所用的 GeoPackage）时，文档增加「十、方案比选」一章：各方案指标对比表（最优值标 ★）、未通过的核查及条款、比选图表，并写明按选定方案编制；数值与方案比选面板相同。单元有选定方案时，规划方案、资金平衡等各章按选定方案的项目核算（不再按项目图层）。给出控规图层时，比选表的开发容量、容量使用率与容量余量按其测算（与 lowland:capacityenvelope 相同），否则为未知。&lt;/li&gt;&lt;li&gt;单元图与审查图集（A3）由打印模板导出；无法导出时文档中注明“图件待生成”。&lt;/li&gt;&lt;li&gt;文件名取自单元编号：两个单元编号得到同一文件名时拒绝运行；过长的编号截短并加哈希后缀。输出文件夹中已有同名文件时，除非勾选“覆盖已有文件”，否则拒绝运行、不写任何文件。&lt;/li&gt;&lt;/ul&gt;</source>
      <translation>&lt;p&gt;Writes the implementation plan (实施方案) of every redevelopment unit (Yinchuan opinions (3), MNR notice 2023-171 items 1, 3, 5) as DOCX, HTML and PDF into the output folder (file names like DY01_实施方案.docx).&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Contents: unit overview (area, phase, blocks, low-efficiency area by type); list of low-efficiency parcels with the reasons; legacy-land handling (Y-9); per project FAR check (Y-4), mixed-use shares (Y-10), scattered land (Y-7), land price and instalments (Y-14, Y-15), computed by the same functions as the check algorithms; funding balance: costs (compensation, demolition, infrastructure, public facilities) and revenues (land price, transferred floor area), the balance and a near/medium/long-term phasing table; public facilities; the policy clauses applied; the unit map.&lt;/li&gt;&lt;li&gt;The unit rates of the funding balance come from the 'funding' section of the rule profile; the bundled profiles hold example values the city must set.&lt;/li&gt;&lt;li&gt;A project belongs to the unit named by its unit_id, else to the unit it overlaps most. Without scattered-piece or zone layers, the pieces and zones layers of the projects' GeoPackage are read.&lt;/li&gt;&lt;li&gt;Templates are Jinja2 (sandboxed, HTML autoescaped, undefined names are errors; each document must render within 60 s and 20 million characters, and may include only files of the template's own folder); a template error names the file, the line and the error, and nothing is written. A cancelled or failed run keeps none of its files.&lt;/li&gt;&lt;li&gt;With a scenario store (the GeoPackage of the 方案比选 dock or of lowland:evaluatescenarios) the documents get the chapter 十、方案比选 (scenario comparison): the indicator table of the scenarios (best value marked ★), the failed checks with their clauses, the charts, and the chosen scenario named; the numbers are those of the dock. When a unit has a chosen scenario, every chapter (planning, funding …) is computed from that scenario's projects instead of the projects layer. With a regulatory plan layer (控规, CONTROLS) the table's development capacity, capacity used and headroom are computed from it (as lowland:capacityenvelope does); without it they are unknown.&lt;/li&gt;&lt;li&gt;Unit maps and the review atlas (A3) come from the print layout; where they cannot be exported the documents say 图件待生成 (maps pending).&lt;/li&gt;&lt;li&gt;File names come from the unit ids: two unit ids giving one file name are refused; over-long ids are shortened with a hash suffix. Files of the same name in the output folder are refused, and nothing is written, unless Overwrite existing files is chosen.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="158" />
      <source>再开发单元（单元划定结果）</source>
      <translation>Redevelopment units (buildunits output)</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="162" />
      <source>宗地（含单元编号的认定结果）</source>
      <translation>Parcels (identification result with unit_id)</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="164" />
      <source>零星用地地块图层</source>
      <translation>Scattered land plots</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="166" />
      <source>历史遗留用地认定结果</source>
      <translation>Historical legacy land</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="174" />
      <source>方案库（方案比选 GeoPackage，可选：文档增加方案比选一章）</source>
      <translation>Scenario store (方案比选 GeoPackage, optional: adds the scenario comparison chapter)</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="182" />
      <source>控规图层（可选：方案比选一章的开发容量）</source>
      <translation>Regulatory plan layer (控规, optional: the capacity in the scenario comparison chapter)</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="189" />
      <source>单元编号（逗号分隔，留空为全部）</source>
      <translation>Unit IDs (comma-separated, empty = all)</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="195" />
      <source>DOCX 模板（留空用内置模板）</source>
      <translation>DOCX template (empty = bundled)</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="203" />
      <source>HTML 模板（留空用内置模板）</source>
      <translation>HTML template (empty = bundled)</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="211" />
      <source>编制单位（印在封面，留空为待填写）</source>
      <translation>Compiled by (printed on the cover; empty: to be filled in)</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="225" />
      <source>导出单元图与审查图集</source>
      <translation>Export unit maps and the review atlas</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="233" />
      <source>覆盖已有文件</source>
      <translation>Overwrite existing files</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="239" />
      <source>生成的文件清单</source>
      <translation>Files written</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="601" />
      <source>方案 {0} 的项目</source>
      <translation>projects of scenario {0}</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="204" />
      <source>HTML 模板 (*.html *.htm *.j2)</source>
      <translation>HTML templates (*.html *.htm *.j2)</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="265" />
      <source>请至少选择一种输出格式（DOCX、HTML 或 PDF）。</source>
      <translation>Choose at least one format (DOCX, HTML or PDF).</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="318" />
      <source>单元图层缺少 unit_id 字段（请使用“再开发单元划定与统计”的结果）。</source>
      <translation>The units layer has no unit_id field (use the result of 'Redevelopment units').</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="305" />
      <source>从项目图层所在 GeoPackage 读取 {0} 图层：{1}</source>
      <translation>Read layer {0} from the projects' GeoPackage: {1}</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="406" />
      <source>已为 {0} 个单元生成 {1} 个文件：{2}</source>
      <translation>Wrote {1} documents for {0} units: {2}</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="553" />
      <source>单元 {0} 的实施方案已生成。</source>
      <translation>Implementation plan of unit {0} written.</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="565" />
      <source>方案库：{0}（{1} 个方案）</source>
      <translation>Scenario store: {0} ({1} scenarios)</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="605" />
      <source>单元 {0} 的实施方案按选定方案 {1} 编制。</source>
      <translation>The plan of unit {0} describes its chosen scenario {1}.</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="279" />
      <source>单元 {0} 不在单元图层中；现有单元：{1}</source>
      <translation>Units {0} are not in the units layer; it has: {1}</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="453" />
      <source>将覆盖已有文件：{0}</source>
      <translation>Replacing the existing file: {0}</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="255" />
      <source>输出格式 {0} 无效，可用 docx、html、pdf。</source>
      <translation>Unknown formats {0}; use docx, html, pdf.</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="465" />
      <source>无法导出单元图（{0}），文档中注明“{1}”。</source>
      <translation>Unit maps cannot be exported ({0}); the documents say '{1}'.</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="489" />
      <source>单元图导出失败（{0}），文档中注明“{1}”。</source>
      <translation>Unit map export failed ({0}); the documents say '{1}'.</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="549" />
      <source>单元 {0} 的 PDF 写入失败：{1}</source>
      <translation>Could not write the PDF of unit {0}: {1}</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="318" />
      <source>认定汇总（宗数，亩，公顷）：</source>
      <translation>Summary (parcels, mu, hectares):</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="71" />
      <source>&lt;p&gt;逐宗地认定是否为低效用地，给出类型与全部理由（银川实施意见（一）、自然资发〔2023〕171号 第12、13项）。&lt;/p&gt;&lt;p&gt;1. 现状地类：给出三调图层时取面积占比最大的三调地类（各地类占比写入 survey_shares），否则取宗地 dlbm；按地类代码表判断三大类与低效类型（工业(物流仓储)、村庄、商住、设施、其他）。&lt;/p&gt;&lt;p&gt;2. 排除：非建设用地、批而未供、闲置土地、权属争议、权利人不明（owner 为空；无 owner 字段时未检验并提示） → 不纳入（Y-1、N-13 权属清晰、主体明确）；约定开工日（无则合同签订日）满 {0} 周年且容积率仍低于 {1} → 疑似闲置土地（《闲置土地处置办法》第二条），排除待核查（suspected_idle）。&lt;/p&gt;&lt;p&gt;3. 认定标准（规则档案）：容积率低于行业/类型下限、建筑系数不足（建筑系数 =（建筑物占地 + 构筑物占地 structure_area_m2 + 堆场 yard_area_m2）/ 用地面积，后两项空则不计）、亩均税收低于绝对值或同行业平均的比例（档案参考值优先，否则按输入图层计算）、危房占比（口径与等级见档案）、老旧低容积率住宅、停产、现状用途与控规不符（需控规图层）、城中村（需三调图层）。未提供建筑图层时容积率等为空，依赖建筑的条件不检验（理由注明），并警告一次。&lt;/p&gt;&lt;p&gt;4. 豁免：规上企业、投产不满规定年限、战略性新兴产业，只豁免档案 exempts 所列条件（默认为利用粗放的效率条件；建筑危旧、用途不合理不豁免）。&lt;/p&gt;&lt;p&gt;每条理由（reasons）注明条款、数值来源（source）、实测值、阈值与是否满足；使用待定或本地取值的数值时运行警告一次并逐项列出。默认档案各规则的条款与数值来源：&lt;/p&gt;{2}&lt;p&gt;规则档案：内置 default、yinchuan，或自定义 JSON 文件路径。字段映射：如 dlbm=DLBM; parcel_id=宗地代码。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Decides for every parcel whether it is low-efficiency land, of which type, and why (Yinchuan opinions clause (1); MNR notice 2023-171 tasks 12 and 13).&lt;/p&gt;&lt;p&gt;1. Current use: with a 三调 (third national land survey) layer, the class covering most of the parcel (all class shares go to survey_shares); otherwise the parcel's dlbm. The code tables give its land category and type (industrial incl. logistics, village, commercial/residential, facility, other).&lt;/p&gt;&lt;p&gt;2. Exclusions: non-construction land, approved but unsupplied land, idle land, disputed ownership, unknown owner (empty owner; not tested, with a warning, when there is no owner field) → excluded (Y-1, N-13 rights clear, holder identified); {0} calendar years after the agreed start date (else the contract date) with FAR still below {1} → suspected idle land (闲置土地处置办法 art. 2), excluded pending review (suspected_idle).&lt;/p&gt;&lt;p&gt;3. Criteria of the rule profile: FAR below the industry/type minimum, building coverage too low (coverage = (building footprint + structures structure_area_m2 + storage yards yard_area_m2) / site area; the last two count nothing when empty), tax per mu below an absolute value or a share of the same-industry mean (the profile's reference first, else computed from the loaded layer), share of dangerous buildings (basis and grades from the profile), old low-density housing, stopped operation, current use not conforming to the detailed plan (needs the plan layer), urban village (needs the 三调 layer). Without a buildings layer FAR and the like are null and the criteria needing them are not tested (the reason says so), with one warning.&lt;/p&gt;&lt;p&gt;4. Exemptions: above-scale enterprises, operating for less than the set years, strategic industries; each exempts only the criteria its profile entry lists in exempts (by default the efficiency criteria; dangerous buildings and non-conforming use are not exempted).&lt;/p&gt;&lt;p&gt;Every reason gives the clause, the source of its number (source), the measured value, the threshold and whether it is met; a run using pending or local-choice values warns once, naming each. Clause and source of every rule in the default profile:&lt;/p&gt;{2}&lt;p&gt;Profile: bundled default or yinchuan, or the path of a JSON profile. Field mapping: e.g. dlbm=DLBM; parcel_id=宗地代码.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="109" />
      <source>控规地块图层</source>
      <translation>Detailed-plan parcels</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="117" />
      <source>认定基准日（默认今天）</source>
      <translation>Reference date (default: today)</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="125" />
      <source>上次认定结果（保留核查决定）</source>
      <translation>Previous identification result (keeps the review decisions)</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="132" />
      <source>低效用地认定结果</source>
      <translation>Identified parcels</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="138" />
      <source>认定汇总表</source>
      <translation>Identification summary</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="146" />
      <source>规则档案：{0}（{1}）</source>
      <translation>Rule profile: {0} ({1})</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="244" />
      <source>宗地 {0} 宗，按空间分块处理（每块 {1} 宗，共 {2} 块）。</source>
      <translation>{0} parcels: processed in spatial tiles ({1} parcels a tile, {2} tiles).</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="299" />
      <source>保留上次核查决定 {kept} 宗，其中认定结论已变化 {changed} 宗；新宗地 {new} 宗；上次有决定但本次不存在的宗地 {dropped} 宗。</source>
      <translation>Kept {kept} previous review decisions, of which {changed} with a changed verdict; {new} new parcels; {dropped} parcels with a previous decision are gone.</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="306" />
      <source>认定结论已变化、须重新核查的宗地：{0}</source>
      <translation>Parcels whose computed verdict changed, to be reviewed again: {0}</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="312" />
      <source>以下宗地本次不存在，其核查决定未能保留：{0}</source>
      <translation>These parcels no longer exist; their decisions could not be kept: {0}</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="30" />
      <source>补缴地价与缴款计划</source>
      <translation>Land price difference and instalments</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="89" />
      <source>补缴地价核算无问题 {0} 个项目。</source>
      <translation>Land price difference without issues: {0} projects.</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="90" />
      <source>{0} 个项目的新旧条件估价基准日不同（须为同一基准日）：{1}</source>
      <translation>{0} projects have different valuation dates for the new and the original conditions (they must share one valuation date): {1}</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="39" />
      <source>&lt;p&gt;逐项目核算补缴地价与缴款计划（银川实施意见（十三）、（十四）、（十五），自然资发〔2023〕171号 第9、11项）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;补缴地价 price_due = 新条件地价 value_new − （原条件地价 value_old + 拆除附着物残值 residual_value），不低于 0（不退还）；残值在经批准变更工业、仓储、文化、科研等用地（规则档案 residual_classes）用途（old_land_class 与 new_land_class 不同，或 old_use_code 与 new_use_code 不同）且涉及拆除时计入；未列举的类别或用途、拆除情况未填写时 residual_counted 为空（待确认，暂不扣除）并警告（十四）；&lt;/li&gt;&lt;li&gt;新旧条件须为同一估价基准日：不同时 price_pass 为假，缺一则为空；&lt;/li&gt;&lt;li&gt;补缴地价适用于经批准以协议方式出让的土地（十四）：再开发方式 redevelopment_mode 为收储（acquisition）的项目公开出让，不核算补缴地价（price_due 为空，price_status 注明）；&lt;/li&gt;&lt;li&gt;过渡期（第11项、（十五））：新产业新业态利用存量房屋按原用途使用 {3} 年，transition_end = transition_start + {3} 年；基准日（REFERENCE_DATE，默认今天）在过渡期内时暂不补缴（price_due 为 0，price_status“过渡期内暂不补缴”），自 price_due_from（期满日）起补缴；&lt;/li&gt;&lt;li&gt;缴款（十五）：分期须经申请（instalment_requested）：签订合同后规则档案所定月数（默认 {1} 个月）内缴纳首期比例（默认 {0}），其余规则档案所定年数（默认 {2} 年）内缴清；未申请的于签订合同时一次性缴清，due_date = contract_date。目标月份无对应日取该月最后一日（《民法典》第二百零二条）；&lt;/li&gt;&lt;li&gt;（十三）：y13_exempt_kind 为 lift（加装电梯）或 care（养老托育）时不增收土地价款；allocation_eligible 为真（老旧厂房改建非营利性设施且符合《划拨用地目录》）时按划拨供地，不收出让价款；&lt;/li&gt;&lt;li&gt;第9项两种口径分列：alt_price_ratio（= alt_price）= 公示地价 × 比例 × 用地面积；alt_price_market = 市场评估价值 market_value − 土地整理、移交公益性用地或建筑、配建设施、多地块联动改造成本（linkage_cost），不低于 0。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;只填写 value_new、value_old 之一、金额为负、公示地价比例不在 0–1 之间、类别或 y13_exempt_kind 无法识别时报错并列出项目；二者均未填写的项目（如公益项目）不核算地价，在 reasons 中说明。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Land price due and payment schedule per project (Yinchuan opinions (13), (14), (15); MNR 2023-171 items 9 and 11).&lt;/p&gt;&lt;ul&gt;&lt;li&gt;price_due = value_new − (value_old + residual_value), not below 0 (no refund); the residual value of demolished structures counts when the use of industrial, warehouse, cultural, research land and the like (profile residual_classes) is changed (old_land_class ≠ new_land_class, or old_use_code ≠ new_use_code) with demolition; an unlisted class, or an unknown use change or demolition, leaves residual_counted empty (to confirm, not deducted) with a warning (14);&lt;/li&gt;&lt;li&gt;both values must share the valuation date: different dates → price_pass false, a missing one → empty;&lt;/li&gt;&lt;li&gt;the price difference applies to land transferred by agreement (14): a project whose redevelopment_mode is acquisition (收储) is sold in public and gets no price difference (price_due empty, price_status says why);&lt;/li&gt;&lt;li&gt;transition (item 11, (15)): new industries in existing buildings keep the original use for {3} years, transition_end = transition_start + {3} years; while the reference date (REFERENCE_DATE, default today) lies inside it nothing is due (price_due 0, price_status 过渡期内暂不补缴), the price is due from price_due_from (its end);&lt;/li&gt;&lt;li&gt;payment (15): instalments only when applied for (instalment_requested): the first share (default {0}) within the profile's months (default {1}) of the contract, the rest within its years (default {2}); otherwise the whole amount is due at once, due_date = contract_date. A missing day in the target month is its last day (Civil Code art. 202);&lt;/li&gt;&lt;li&gt;(13): y13_exempt_kind lift or care → no land price; allocation_eligible (old factory turned non-profit facility in the 划拨 catalogue) → 划拨 supply, no 出让 price;&lt;/li&gt;&lt;li&gt;item 9, two separate approaches: alt_price_ratio (= alt_price) = published price × ratio × area; alt_price_market = market_value − land preparation, handover, supporting facilities and multi-parcel linkage costs (linkage_cost), not below 0.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Only one of value_new and value_old, a negative amount, a ratio outside 0–1, or an unknown class or y13_exempt_kind is an error listing the projects; a project with neither value (e.g. a public project) gets no price, explained in reasons.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="66" />
      <source>核算基准日（默认今天）</source>
      <translation>Reference date (default today)</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="78" />
      <source>规则档案：{0}；核算基准日：{1}</source>
      <translation>Rule profile: {0}; reference date: {1}</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="93" />
      <source>应补缴地价合计 {0:,.2f} 元。</source>
      <translation>Total land price difference due: {0:,.2f} yuan.</translation>
    </message>
    <message>
      <location filename="../processing/legacy_land.py" line="42" />
      <source>历史遗留用地认定</source>
      <translation>Historical legacy land</translation>
    </message>
    <message>
      <location filename="../processing/legacy_land.py" line="51" />
      <source>&lt;p&gt;对无合法用地手续的建设用地认定历史遗留用地类别（银川实施意见（九），自然资发〔2023〕171号 第14项）：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;截止日期（规则档案 legacy_cutoff，默认 {0:%Y}年{0.month}月{0.day}日）及以前占用、二调和三调均为建设用地、且符合国土空间规划 → 常态化管理（regular）；&lt;/li&gt;&lt;li&gt;截止日期以后占用（默认 {1:%Y}年{1.month}月{1.day}日及以后） → 按占用当年土地变更调查的实际地类办理征收报批（expropriation），该地类取字段 occupied_dlbm，缺失时逐宗报告；二调标准时点（2009年12月31日）以后占用却标为二调建设用地的，仍按征收报批认定，并在 legacy_failed 中写明前后矛盾、请核实；&lt;/li&gt;&lt;li&gt;其他情形 → 待认定（undecided），legacy_failed 写明未满足或缺失的条件。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;给出三调图层时按图斑分块认定：宗地中三调建设用地部分与非建设用地部分分别判断，各类面积写入 regular_m2、expropriation_m2、undecided_m2（无图斑覆盖部分计入待认定），三调各类面积写入 construction_m2、agricultural_m2、unused_m2、unsurveyed_m2；legacy_class 取面积最大的类别（相等时取更审慎者：待认定、征收报批）。整宗无三调图斑覆盖的宗地取自身 dlbm（与低效用地认定一致）。&lt;/p&gt;&lt;p&gt;所需字段：lawful_approval、occupied_date、erdiao_construction、plan_conforming；无三调图层时三调状态取宗地的 land_category / dlbm。缺失的日期或标志逐宗报告，不作推测。有合法手续的宗地不在范围内（legacy_class 为空），但仍写入输出。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Classifies construction land without lawful approval as historical legacy land (Yinchuan opinions clause (9); MNR notice 2023-171 task 14):&lt;/p&gt;&lt;ul&gt;&lt;li&gt;occupied on or before the cut-off (rule profile legacy_cutoff, default {0:%Y-%m-%d}), construction land in both the 2nd and 3rd land surveys and conforming to the spatial plan → regular management (regular);&lt;/li&gt;&lt;li&gt;occupied after the cut-off (default: on or after {1:%Y-%m-%d}) → expropriation and approval by the actual land class of that year's change survey (expropriation); the class comes from the field occupied_dlbm and is reported per parcel when missing; land occupied after the 2nd survey's time point (2009-12-31) yet flagged as 2nd-survey construction land stays expropriation, and legacy_failed names the contradiction to check;&lt;/li&gt;&lt;li&gt;anything else → to be decided (undecided), legacy_failed naming the failed or missing condition.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;With a 三调 layer the parcel is judged by piece: its 三调 construction part and its non-construction part separately; the areas of each class go to regular_m2, expropriation_m2, undecided_m2 (the part no patch covers counts as undecided), the 三调 areas to construction_m2, agricultural_m2, unused_m2, unsurveyed_m2; legacy_class is the class of the largest area (ties: the more cautious, undecided then expropriation). A parcel no 三调 patch touches takes its own dlbm (as in the identification).&lt;/p&gt;&lt;p&gt;Fields needed: lawful_approval, occupied_date, erdiao_construction, plan_conforming; without a 三调 layer the 三调 status is the parcel's land_category / dlbm. Missing dates or flags are reported per parcel, never guessed. Parcels with lawful approval are out of scope (empty legacy_class) but stay in the output.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/legacy_land.py" line="91" />
      <source>历史遗留用地汇总表</source>
      <translation>Legacy land summary</translation>
    </message>
    <message>
      <location filename="../processing/legacy_land.py" line="140" />
      <source>{0} 宗需补充资料或不满足条件，见 legacy_failed 字段。</source>
      <translation>{0} parcels need more data or fail a condition; see the field legacy_failed.</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="55" />
      <source>混合用地核算</source>
      <translation>Mixed-use land check</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="64" />
      <source>&lt;p&gt;核算混合用地的用途比例、主要用途、分用途出让年限和综合出让起始价（银川实施意见（十），自然资发〔2023〕171号 第8项）。每个项目输出一行，另可输出每个项目每种用途一行的明细表。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;用途比例：项目有功能分区（ZONES，字段 project_id、use_code）时，= 各用途功能分区面积（裁剪到项目用地）/ 项目总用地面积，未被分区覆盖的用地单列（uncovered_m2），不计入任何用途；无法划分功能分区的，= 各用途计容建筑面积 / 计容总建筑面积（gfa_by_use，JSON {{用途代码: 平方米}}）。用途代码为用地用海分类（2023）代码。&lt;/li&gt;&lt;li&gt;主要用途：比例最大的用途；多个用途比例相等（差值不超过 1e-9）时 main_use 留空，main_use_tie = 是，tied_uses 列出并列用途，由审批确定。&lt;/li&gt;&lt;li&gt;出让年限：按用途分别设定（lease_years_by_use），不得超过该用途法定最高年限（《城镇国有土地使用权出让和转让暂行条例》第十二条，按用途代码前缀查 lease_terms.csv：{0}）；超过的按最高年限核定并说明理由，未拟定的取最高年限。0702 城镇社区服务设施、0704 农村社区服务设施虽列于居住用地下，但非住宅，按教育、科技、文化、卫生、体育用地核定（50 年）。&lt;/li&gt;&lt;li&gt;正负面清单：规则档案 PROFILE 的 mixed_use_positive / mixed_use_negative（用途代码或前缀，默认为空，本地取值）；负面清单内或非空正面清单外的用途列于 uses_not_allowed 并警告。&lt;/li&gt;&lt;li&gt;综合出让起始价：分用途评估后综合核算，combined_unit_price = Σ 用途比例 × 该用途评估单价（price_by_use，元/平方米土地），combined_price = combined_unit_price × 用地面积（元）；缺少任一用途单价时不计算并说明；未被功能分区覆盖的用地不计价，运行时警告并写明项目与未计价面积。&lt;/li&gt;&lt;/ul&gt;</source>
      <translation>&lt;p&gt;Computes the use shares, main use, lease term per use and combined start price of mixed-use land (Yinchuan opinions (10), MNR 2023-171 item 8). One row per project, optionally a detail table with one row per project and use.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Use shares: with functional zones (ZONES, fields project_id, use_code) = zone area of each use (clipped to the project land) / total project land area; land no zone covers is reported separately (uncovered_m2) and belongs to no use; without zones = FAR-counted floor area of each use / total FAR-counted floor area (gfa_by_use, JSON {{use code: m²}}). Use codes are 2023 land-use classification codes.&lt;/li&gt;&lt;li&gt;Main use: the use with the largest share; equal shares (within 1e-9) leave main_use empty, main_use_tie true and tied_uses listing them, for the approval to decide.&lt;/li&gt;&lt;li&gt;Lease term: set per use (lease_years_by_use), not above the legal maximum of the use (Interim Regulations on the Grant and Transfer of State-owned Land Use Rights in Urban Areas, art. 12, by code prefix in lease_terms.csv: {0}); above it is capped with the reason, none proposed gives the maximum. 0702 urban and 0704 rural community service facilities sit under residential land but are not housing: they take the education, science, culture, health and sport term (50 years).&lt;/li&gt;&lt;li&gt;Positive and negative lists: the profile's mixed_use_positive / mixed_use_negative (codes or prefixes, empty by default, a local choice); uses on the negative list or off a non-empty positive list are listed in uses_not_allowed and warned.&lt;/li&gt;&lt;li&gt;Combined start price: appraised per use and combined, combined_unit_price = Σ use share × appraised unit price of the use (price_by_use, yuan/m² of land), combined_price = combined_unit_price × land area (yuan); not computed, with the reason, when a use has no price; land no zone covers is not priced, and the run warns naming the project and the unpriced area.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="98" />
      <source>混合用地核算结果</source>
      <translation>Mixed-use accounting</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="104" />
      <source>分用途明细表</source>
      <translation>Per-use detail table</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="166" />
      <source>项目 {0} 多个用途比例并列最大（{1}），主要用途留空。</source>
      <translation>Project {0}: several uses tie for the largest share ({1}); main use left empty.</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="178" />
      <source>项目 {0} 的拟定出让年限超过法定最高年限，已按最高年限核定：{1}</source>
      <translation>Project {0}: the proposed lease term exceeds the statutory maximum and was capped at the maximum: {1}</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="172" />
      <source>项目 {0} 主要用途 {1}（比例 {2:.4f}）。</source>
      <translation>Project {0}: main use {1} (share {2:.4f}).</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="55" />
      <source>流程模型</source>
      <translation>Models</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="106" />
      <source>规则配置（default / yinchuan / JSON 文件路径）</source>
      <translation>Rule profile (default / yinchuan / path of a JSON file)</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="107" />
      <source>认定基准日</source>
      <translation>Reference date</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="108" />
      <source>上次认定结果（可选，保留其核查决定）</source>
      <translation>Previous identification result (optional: its review decisions are kept)</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="109" />
      <source>行政区划代码（6 位）</source>
      <translation>Administrative code (6 digits)</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="111" />
      <source>研究范围图层</source>
      <translation>Study boundary</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="112" />
      <source>手绘单元图层（可选）</source>
      <translation>Hand-drawn units (optional)</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="114" />
      <source>再开发项目图层</source>
      <translation>Redevelopment projects</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="116" />
      <source>混合用地分区图层</source>
      <translation>Mixed-use zones</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="117" />
      <source>方案库（可选：实施方案增加方案比选一章）</source>
      <translation>Scenario store (optional: adds the scenario comparison chapter to the plans)</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="118" />
      <source>实施方案输出文件夹</source>
      <translation>Folder for the implementation plans</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="119" />
      <source>实施方案文件清单</source>
      <translation>List of implementation plan files</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="120" />
      <source>地块指标</source>
      <translation>Parcel indicators</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="124" />
      <source>质检问题图层</source>
      <translation>Quality-check issues</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="125" />
      <source>质检报告</source>
      <translation>Quality-check report</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="129" />
      <source>宗地（含所属单元）</source>
      <translation>Parcels with their unit</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="131" />
      <source>零星用地核查结果</source>
      <translation>Scattered land check</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="134" />
      <source>用途转变路径结果</source>
      <translation>Use change pathway</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="135" />
      <source>进展统计表</source>
      <translation>Progress table</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="74" />
      <source>全流程：调查数据 → 实施方案</source>
      <translation>Whole chain: survey data → implementation plans</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="75" />
      <source>从宗地、建筑、三调、控规、道路和再开发项目数据出发，依次运行地块指标计算、低效用地认定、历史遗留用地认定、街坊划分、再开发单元划定与统计、进展统计、容积率/零星用地/混合用地/补缴地价/用途转变路径核算、上图入库成果导出与质检，并为每个单元生成实施方案（自然资发〔2023〕171号；银川实施意见（三）等）。按现状条件核定和存量建筑功能转换需要各自的申报表，请在有申报时单独运行。</source>
      <translation>From parcels, buildings, the third land survey, the detailed plan, roads and redevelopment projects, runs in turn: parcel indicators, low-efficiency land identification, historical legacy land, block delineation, redevelopment units and their statistics, the progress table, the FAR / scattered land / mixed use / land price / use change checks, the database export with quality checks, and writes an implementation plan for each unit (MNR notice 〔2023〕171; Yinchuan opinions (3) and others). The status-quo and building-conversion checks need application tables of their own: run them separately when there are applications.</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="84" />
      <source>认定与上图入库</source>
      <translation>Identification and database export</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="85" />
      <source>低效用地认定、历史遗留用地认定和上图入库成果导出与质检（自然资发〔2023〕171号 第二、三项）。</source>
      <translation>Low-efficiency land identification, historical legacy land and the database export with quality checks (MNR notice 〔2023〕171, items 2 and 3).</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="91" />
      <source>街坊与单元</source>
      <translation>Blocks and units</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="92" />
      <source>低效用地认定后，按道路红线划分街坊，并划定再开发单元、统计单元指标（银川实施意见（三））。</source>
      <translation>After identification, delineates blocks from road red lines, then draws redevelopment units and computes their statistics (Yinchuan opinions (3)).</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="46" />
      <source>地块指标计算</source>
      <translation>Parcel indicators</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="55" />
      <source>&lt;p&gt;按宗地计算面积（平方米、亩）、建筑面积、容积率、建筑密度、建筑栋数、最早建成年份、危房占比（口径与等级取规则档案 danger_basis、dangerous_grades，默认按建筑面积、C/D 级）。这些是低效用地认定（银川实施意见（一），自然资发〔2023〕171号 第12项）所用的现状指标。&lt;/p&gt;&lt;p&gt;跨越两宗地的建筑按裁切后的占地比例分别计入；建筑面积取字段 gfa，为空时取占地×层数，两者都为空时不计入并在 gfa_unknown_count 中标明。未提供建筑图层时建筑指标为空（未知，不按 0 计）。&lt;/p&gt;&lt;p&gt;宗地图层必须使用以米为单位的投影坐标系（如 CGCS2000 3度带 EPSG:4544）；地理坐标系会被拒绝并提示应使用的坐标系。建筑图层坐标系不同时自动转换到宗地坐标系。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Per parcel: area (m², mu), floor area, floor area ratio, building density, building count, oldest building year and the share of dangerous buildings (basis and grades from the rule profile's danger_basis and dangerous_grades; by default floor area, grades C/D). These are the current-condition indicators used to identify low-efficiency land (Yinchuan opinions clause (1), MNR notice 2023-171 task 12).&lt;/p&gt;&lt;p&gt;A building across two parcels counts on each by its clipped footprint share. Floor area is the field gfa, else footprint × floors; where both are null the building is left out and counted in gfa_unknown_count. Without a buildings layer the building indicators are null (unknown, not 0).&lt;/p&gt;&lt;p&gt;Parcels must be in a projected CRS in metres (e.g. CGCS2000 3-degree Gauss-Kruger, EPSG:4544); a geographic CRS is refused with the CRS to use. Buildings in another CRS are reprojected to the parcels' CRS.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="88" />
      <source>读取宗地…</source>
      <translation>Reading parcels…</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="96" />
      <source>读取建筑…</source>
      <translation>Reading buildings…</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="132" />
      <source>共 {0} 宗地，{1} 栋建筑。</source>
      <translation>{0} parcels, {1} buildings.</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="114" />
      <source>档案数值未采用（待确认）：{0}</source>
      <translation>Profile values not adopted (to be confirmed): {0}</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="123" />
      <source>输入字段 {0} 与指标同名，已由计算结果替换。</source>
      <translation>Input fields {0} have the names of indicators and were replaced by the computed values.</translation>
    </message>
    <message>
      <location filename="../processing/progress_statistics.py" line="29" />
      <source>低效用地再开发进展统计</source>
      <translation>Redevelopment progress statistics</translation>
    </message>
    <message>
      <location filename="../processing/progress_statistics.py" line="38" />
      <source>&lt;p&gt;为半年度进展报告（自然资发〔2023〕171号 三（二）；银川实施意见（二））统计低效用地的宗数与面积（亩、公顷）：按低效类型（核查后的最终类型）、行政区（admin_code）、再开发单元（unit_id）和进展状态（redevelopment_status：identified 已认定、planned 已纳入实施方案、under_way 实施中、completed 已完成；缺失时计为已认定）。输入为低效用地认定结果；输出为长表，可在文档与电子表格中透视。&lt;/p&gt;</source>
      <translation>&lt;p&gt;For the half-yearly progress report (MNR notice 2023-171 section 3(2); Yinchuan opinions clause (2)): counts and areas (mu, hectares) of low-efficiency land by type (the final type after review), district (admin_code), redevelopment unit (unit_id) and progress (redevelopment_status: identified, planned = in an implementation plan, under_way, completed; missing counts as identified). Input: an identification result; output: a long table to pivot in documents and spreadsheets.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/progress_statistics.py" line="55" />
      <source>统计期（如 2025年上半年）</source>
      <translation>Period (e.g. first half of 2025)</translation>
    </message>
    <message>
      <location filename="../processing/progress_statistics.py" line="80" />
      <source>低效用地 {0} 宗，{1:.2f} 亩。</source>
      <translation>Low-efficiency land: {0} parcels, {1:.2f} mu.</translation>
    </message>
    <message>
      <location filename="../processing/project_checks.py" line="95" />
      <source>项目图层没有要素。</source>
      <translation>The projects layer has no features.</translation>
    </message>
    <message>
      <location filename="../processing/project_checks.py" line="133" />
      <source>{0} 个项目无法判定（见 reasons）：{1}</source>
      <translation>{0} projects cannot be decided (see reasons): {1}</translation>
    </message>
    <message>
      <location filename="../processing/provider.py" line="68" />
      <source>低效用地再开发 Lowland</source>
      <translation>Lowland — low-efficiency land redevelopment</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="28" />
      <source>刷新单元统计</source>
      <translation>Refresh unit statistics</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="31" />
      <source>&lt;p&gt;核查会后或修改单元边界后，按单元图层现有的边界和核查后的低效用地认定结果重新统计每个单元（低效用地按核查后的 final_verdict/final_type 计），并记录统计所用的图层与最近核查时间。宗地、街坊、控规图层不填时使用单元上次统计时记录的图层（单元字段 parcels_source、blocks_source、plan_source）。单元的编号、名称、时序、备注保留。生成实施方案时，如单元统计早于核查或单元边界已修改，会要求先运行本工具。&lt;/p&gt;</source>
      <translation>&lt;p&gt;After a review meeting or after editing unit outlines: counts every unit again from the units layer's current outlines and the reviewed identification result (low-efficiency land by the reviewed final_verdict/final_type), and records the layers counted and the time of the latest decision. When the parcels, blocks or plan layer is not given, the layer the units were last counted from is used (unit fields parcels_source, blocks_source, plan_source). Unit ids, names, phases and notes are kept. Generating plans asks for this tool first when the unit statistics are older than the review or a unit outline changed.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="43" />
      <source>再开发单元（单元划定结果或手绘单元）</source>
      <translation>Redevelopment units (buildunits output or drawn units)</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="47" />
      <source>核查后的低效用地认定结果（不填：单元记录的图层）</source>
      <translation>Reviewed identification result (empty: the layer the units record)</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="48" />
      <source>街坊（不填：单元记录的图层）</source>
      <translation>Blocks (empty: the layer the units record)</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="49" />
      <source>控规地块（不填：单元记录的图层）</source>
      <translation>Plan parcels (empty: the layer the units record)</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="98" />
      <source>使用单元记录的图层：{0}</source>
      <translation>Using the layer the units record: {0}</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="84" />
      <source>单元图层没有记录统计所用的{0}，请填写“{1}”。</source>
      <translation>The units layer does not record the {0} it was counted from; set “{1}”.</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="91" />
      <source>单元上次统计所用的图层已无法打开：{0}，请填写“{1}”。</source>
      <translation>The layer the units were last counted from cannot be opened: {0}; set “{1}”.</translation>
    </message>
    <message>
      <location filename="../processing/scattered_land.py" line="37" />
      <source>零星用地核查</source>
      <translation>Scattered land check</translation>
    </message>
    <message>
      <location filename="../processing/scattered_land.py" line="129" />
      <source>零星用地核查通过 {0} 个项目。</source>
      <translation>Scattered land check passed: {0} projects.</translation>
    </message>
    <message>
      <location filename="../processing/scattered_land.py" line="46" />
      <source>&lt;p&gt;核查再开发项目归并的零星建设用地（边角地、夹心地、插花地）（银川实施意见（七），自然资发〔2023〕171号 第4、10项）。每个项目输出一行：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;total_area_m2 = 项目用地图形面积（投影坐标系平面面积）；scattered_area_m2 = 该项目标记为零星用地（scattered）的地块面积之和；scattered_share = 二者之比；&lt;/li&gt;&lt;li&gt;scattered_pass：每宗零星用地不超过 {0} 亩（10000/15×{0} ≈ {1} 平方米）且累计不超过项目总用地面积的 {2}（均含等于；默认规则档案的取值，以所选规则档案 PROFILE 的 scattered_piece_max_mu、scattered_share_max为准，reasons 注明来源）；相接（共边或重叠）的零星地块合为一宗计面积，除非两者均填宗地代码 parcel_code 且不同；reasons 列出超限宗的地块编号（A+B）及其面积（平方米、亩）。文件表述为“原则上”，超限情形需另行审批。&lt;/li&gt;&lt;li&gt;第4项（零星地块与相邻产业地块一并供应，商品住宅除外）：每宗零星用地须位于项目用地内或与其相接（间距不超过规则档案 scattered_adjacent_max_m 米，含等于）→ scattered_adjacent；项目用途 use_code（未填时取 new_use_code）为 0701 城镇住宅（商品住宅）的不符合 → scattered_use_eligible = 否；未填写用途的不作核查并警告。二者均计入 scattered_pass。&lt;/li&gt;&lt;li&gt;未标记零星用地的地块不计入任何指标，在日志中列出；project_id 在项目图层中不存在的地块报错。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;置换（第10项“面积相近或价值相当”）：按 swap_group 分组，swap_side 为 out（调出）或 in（调入），置换表 SWAPS 给出调出、调入面积与评估价值（value）及其差值（调入 − 调出）和比值（调入 / 调出）。文件未规定“相近”“相当”的数值标准，本工具只报告数值，由审批判断。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Checks the scattered construction land (corner, sandwiched and interspersed plots) merged into redevelopment projects (Yinchuan opinions (7), MNR 2023-171 items 4 and 10). One row per project:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;total_area_m2 = area of the project polygon (planimetric, projected CRS); scattered_area_m2 = sum of the project's pieces flagged scattered; scattered_share = their ratio;&lt;/li&gt;&lt;li&gt;scattered_pass: each scattered piece at most {0} mu (10000/15×{0} ≈ {1} m²) and together at most {2} of the project land area (both inclusive; the default profile's values, the chosen PROFILE's scattered_piece_max_mu and scattered_share_max apply, the reasons cite the source); the touching scattered pieces (sharing an edge or overlapping) are one parcel (宗) for the limit, unless both have a parcel_code and the codes differ; reasons list the parcels over the limit by their pieces (A+B) with their areas (m², mu). The text says "in principle": exceeding cases need separate approval.&lt;/li&gt;&lt;li&gt;Item 4 (scattered plots supplied with the adjacent industrial project, commercial housing excluded): each scattered piece must lie within or touch the project land (gap at most the profile's scattered_adjacent_max_m metres, inclusive) → scattered_adjacent; a project whose use_code (else new_use_code) is 0701 urban housing (commercial housing) is not eligible → scattered_use_eligible false; a project without a use is not tested and warned. Both enter scattered_pass.&lt;/li&gt;&lt;li&gt;Pieces not flagged scattered count in nothing and are listed in the log; pieces whose project_id matches no project are refused.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Swaps (item 10, "similar area or equal value"): grouped by swap_group, swap_side out or in; the SWAPS table gives area and appraised value (value) out and in, their difference (in − out) and ratio (in / out). The text sets no number for "similar" or "equal": the tool reports the numbers and the approval judges.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/scattered_land.py" line="86" />
      <source>置换面积与价值对比表</source>
      <translation>Swap area and value comparison</translation>
    </message>
    <message>
      <location filename="../processing/scattered_land.py" line="130" />
      <source>{0} 个项目的零星用地未通过（单宗 {2} 亩、累计 {3}、相邻或商品住宅除外）：{1}</source>
      <translation>{0} projects fail the scattered-land check (piece {2} mu, total {3}, adjacency or commercial-housing exclusion): {1}</translation>
    </message>
    <message>
      <location filename="../processing/scattered_land.py" line="139" />
      <source>置换组 {0} 个。</source>
      <translation>{0} swap groups.</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="33" />
      <source>按现状条件核定</source>
      <translation>Status-quo approval</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="42" />
      <source>&lt;p&gt;按现状条件核定原址新建、改（扩）建及翻新项目的技术指标（银川实施意见（五））。输入现状指标表（每个项目每项指标一行：item、norm_value 现行标准值、current_value 现状值、proposed_value 方案值、consulted 已征询利害关系人意见、publicized 已公示、joint_review 已联合审查），可为无几何的属性表。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;meets_norm：方案值按该指标的较优方向达到现行标准（higher：方案值 ≥ 标准值；lower：方案值 ≤ 标准值，如面宽的标准为最大连续展开面宽；指标及方向取规则档案 PROFILE 的 statusquo_items，含等于）→ pass；&lt;/li&gt;&lt;li&gt;第一层：退距、面宽、密度、日照、绿地率、停车位等可按现状管控的指标未达标时，以不低于现状为底线：方案值不低于现状值（higher：≥ 现状；lower：≤ 现状）→ pass_not_worse，无需另行程序；&lt;/li&gt;&lt;li&gt;第二层：低于现状的，须征询利害关系人意见、公示并经行业主管部门联合审查论证后合理核定（needs_consultation = 是）：consulted、publicized 与 joint_review 均为是 → pass_joint_review（记录联合审查的核定结果），否则 fail；&lt;/li&gt;&lt;li&gt;安全、消防、环保指标（fire、safety、environment）不得降低：未达标即 fail，不论是否不低于现状；&lt;/li&gt;&lt;li&gt;核定所需数值为空 → missing，sq_missing_fields 写明缺少的字段，不作推测。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;item 可填代码或中文名称（如 setback 或 退距），未知指标报错并列出可用指标。输出每行一条核定结果（sq_status、sq_pass、reasons），汇总表每个项目一行：全部指标是否通过（sq_all_pass）、未通过、经联合审查核定、缺值的指标。给出项目图层时带入项目名称与项目用地图形。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Checks the technical indicators of on-site new-build, alteration/extension and refurbishment projects against the current condition (Yinchuan opinions (5)). Input: a status-quo table (one row per project and item: item, norm_value current norm, current_value current condition, proposed_value proposal, consulted stakeholders consulted, publicized publicity held, joint_review joint review held); an attribute table without geometry is fine.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;meets_norm: the proposal meets the current norm in the item's better direction (higher: proposal ≥ norm; lower: proposal ≤ norm, e.g. frontage, whose norm is a maximum continuous frontage; items and directions from the profile's statusquo_items (PROFILE), inclusive) → pass;&lt;/li&gt;&lt;li&gt;tier 1: an item that may be held to the current condition (setback, frontage, density, sunlight, green ratio, parking…) and misses the norm passes when the proposal is not worse than today (higher: ≥ current; lower: ≤ current) → pass_not_worse, with no procedure;&lt;/li&gt;&lt;li&gt;tier 2: below today only after stakeholder consultation, publicity and a joint review by the competent departments (needs_consultation true): consulted, publicized and joint_review all true → pass_joint_review (the joint review's decision recorded), otherwise fail;&lt;/li&gt;&lt;li&gt;safety, fire and environmental items (fire, safety, environment) are never relaxed: below the norm → fail, whatever the current condition;&lt;/li&gt;&lt;li&gt;a value the verdict needs is empty → missing, sq_missing_fields names it, not guessed.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;item may be the code or the Chinese name (e.g. setback or 退距); unknown items are refused, listing the allowed ones. Output: one verdict per row (sq_status, sq_pass, reasons) and a summary with one row per project: whether all items pass (sq_all_pass), the items failing, set by joint review and missing. With a projects layer the project name and land geometry are carried over.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="94" />
      <source>现状指标表</source>
      <translation>Status-quo indicators table</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="79" />
      <source>按现状条件核定结果</source>
      <translation>Status-quo approval results</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="85" />
      <source>按现状条件核定项目汇总</source>
      <translation>Status-quo approval summary by project</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="98" />
      <source>现状指标表没有记录。</source>
      <translation>The status-quo indicators table has no records.</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="142" />
      <source>核定 {0} 项指标：通过 {1}，不低于现状 {2}，经联合审查合理核定 {3}，未通过 {4}，缺值 {5}。</source>
      <translation>{0} items checked: pass {1}, not worse than today {2}, set by joint review {3}, fail {4}, missing {5}.</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="157" />
      <source>项目 {0} 未通过的指标：{1}</source>
      <translation>Project {0}, failed indicators: {1}</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="161" />
      <source>项目 {0} 经征询意见、公示及联合审查合理核定的指标：{1}</source>
      <translation>Project {0}: items set by the joint review after consultation and publicity: {1}</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="167" />
      <source>项目 {0} 缺少核定数值的指标：{1}</source>
      <translation>Project {0}, indicators lacking values for the approval: {1}</translation>
    </message>
    <message>
      <location filename="../processing/use_change.py" line="19" />
      <source>用途转变路径</source>
      <translation>Use change pathway</translation>
    </message>
    <message>
      <location filename="../processing/use_change.py" line="28" />
      <source>&lt;p&gt;逐项目判定土地用途转变的办理路径（银川实施意见（十一））。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;新用途（混合用地取主用途）与原用途代码相同 → 按原用途管理（original_use）；&lt;/li&gt;&lt;li&gt;建设用地二级类不变仅三级类转换（如 100101 → 100102）、经营性用地调整为公益性用地（两类代码及依据见 resources/codes/use_character.csv）、一类工业与一类物流仓储用地互调（100101 ↔ 110101），且不突破详细规划强制性管控、不损害公共利益和相邻权利人合法权益、不改变用地主体和规划设计条件（mandatory_controls_kept、no_public_harm、same_land_user、same_planning_conditions 均为是）→ 详细规划动态维护（dynamic_maintenance）；&lt;/li&gt;&lt;li&gt;可走动态维护的转换类型取自规则档案 PROFILE 的 use_switches（原文为“等”，reasons 注明来源）；&lt;/li&gt;&lt;li&gt;其他 → 依法办理用途变更手续（formal_change）。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;前提条件为空时不作推测：不能走动态维护，missing_conditions 写明缺少的字段；decided_by 写明起决定作用的条件（转换类型 switch_type，或不满足、缺失的前提）。land_management 按二级类比较主用途与原用途：一致按原用途管理，否则办理土地用途变更手续。用途代码为 2023 用地用海分类代码，须到二级类或三级类；未知代码、只填一个代码报错并列出项目；两个代码都未填写的项目不判定。&lt;/p&gt;</source>
      <translation>&lt;p&gt;Decides per project which procedure a change of land use needs (Yinchuan opinions (11)).&lt;/p&gt;&lt;ul&gt;&lt;li&gt;New use (main use for mixed land) equal to the original use code → managed as the original use (original_use);&lt;/li&gt;&lt;li&gt;construction land whose second-level class stays and only the third-level class changes (e.g. 100101 → 100102), business land turned to public-interest land (both code sets and their sources in resources/codes/use_character.csv), class-one industry ↔ class-one logistics/warehousing (100101 ↔ 110101), with the detailed plan's mandatory controls kept, no harm to the public or neighbours, the same land user and planning conditions (mandatory_controls_kept, no_public_harm, same_land_user, same_planning_conditions all true) → detailed-plan dynamic maintenance (dynamic_maintenance);&lt;/li&gt;&lt;li&gt;the switch types that may go through dynamic maintenance are the profile's use_switches (the text says "etc.", the reasons cite the source);&lt;/li&gt;&lt;li&gt;anything else → formal change of use (formal_change).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;An empty precondition is not guessed: no dynamic maintenance, missing_conditions names the fields; decided_by names the deciding condition (switch_type, or the failed or missing preconditions). land_management compares main and original use by second-level class: the same → managed as the original use, otherwise the land use-change procedure. Use codes are 2023 land-use classification codes, at least second level; unknown codes and one code without the other are refused, naming the projects; projects with neither code are not decided.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/use_change.py" line="72" />
      <source>{0} 个项目：按原用途管理 {1}，详细规划动态维护 {2}，办理用途变更手续 {3}，未填写用途 {4}。</source>
      <translation>{0} projects: managed under the original use {1}, dynamic maintenance of the detailed plan {2}, formal change of use {3}, use not filled in {4}.</translation>
    </message>
  </context>
</TS>
