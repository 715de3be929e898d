<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
  <context>
    <name>Lowland</name>
    <message>
      <location filename="../lowland_plugin/bridge/inputs.py" line="179" />
      <source>{0}：{1} 个要素含曲线（圆弧），已按每段不超过 1° 折线化后计算：{2}</source>
      <translation>{0}：{1} 个要素含曲线（圆弧），已按每段不超过 1° 折线化后计算：{2}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/inputs.py" line="184" />
      <source>{0}：{1} 个要素带 Z/M 值，已舍去，按平面计算：{2}</source>
      <translation>{0}：{1} 个要素带 Z/M 值，已舍去，按平面计算：{2}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/inputs.py" line="165" />
      <source>{0}：Shapefile 截断的字段名已按完整字段读取：{1}</source>
      <translation>{0}：Shapefile 截断的字段名已按完整字段读取：{1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/inputs.py" line="227" />
      <source>（Shapefile 把字段名截断为 10 个字符：{0}；请用字段映射 {1} 指定，或改用 GeoPackage。）</source>
      <translation>（Shapefile 把字段名截断为 10 个字符：{0}；请用字段映射 {1} 指定，或改用 GeoPackage。）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/inputs.py" line="208" />
      <source>{0}：Shapefile 字段名最长 10 个字符，字段 {1} 可能被截断而未被识别；请用字段映射指定（如 contract_date=contract_d）或改用 GeoPackage。</source>
      <translation>{0}：Shapefile 字段名最长 10 个字符，字段 {1} 可能被截断而未被识别；请用字段映射指定（如 contract_date=contract_d）或改用 GeoPackage。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/inputs.py" line="149" />
      <source>{0}：Shapefile 字段 {1} 可能是 {2} 中任一个被截断，无法区分；请改用 GeoPackage。</source>
      <translation>{0}：Shapefile 字段 {1} 可能是 {2} 中任一个被截断，无法区分；请改用 GeoPackage。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="264" />
      <source>再开发单元评审图集</source>
      <translation>再开发单元评审图集</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="568" />
      <source>本单元</source>
      <translation>本单元</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="572" />
      <source>其他单元</source>
      <translation>其他单元</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="620" />
      <source>没有可出图的再开发单元：单元图层为空或所选单元不存在。</source>
      <translation>没有可出图的再开发单元：单元图层为空或所选单元不存在。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="385" />
      <source>再开发单元</source>
      <translation>再开发单元</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="517" />
      <source>低效用地认定</source>
      <translation>低效用地认定</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="521" />
      <source>宗地</source>
      <translation>宗地</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="524" />
      <source>街坊</source>
      <translation>街坊</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="243" />
      <source>打印模板无法读取：{0}</source>
      <translation>打印模板无法读取：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="280" />
      <source>无法把布局加入工程：{0}</source>
      <translation>无法把布局加入工程：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="330" />
      <source>单元图层「{0}」缺少 unit_id 字段：请使用再开发单元划定（lowland:buildunits）的输出。</source>
      <translation>单元图层「{0}」缺少 unit_id 字段：请使用再开发单元划定（lowland:buildunits）的输出。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="439" />
      <source>打印模板缺少图元「{0}」。</source>
      <translation>打印模板缺少图元「{0}」。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="470" />
      <source>图层无法打开：{0}</source>
      <translation>图层无法打开：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="529" />
      <source>道路</source>
      <translation>道路</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="200" />
      <source>图集 PDF 导出失败：{0}</source>
      <translation>图集 PDF 导出失败：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="135" />
      <source>单元图导出失败：无法定位第 {0} 个单元。</source>
      <translation>单元图导出失败：无法定位第 {0} 个单元。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/layouts.py" line="149" />
      <source>单元 {0} 的图片写入失败：{1}</source>
      <translation>单元 {0} 的图片写入失败：{1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/outputs.py" line="49" />
      <source>已取消：输出不完整，未保留。</source>
      <translation>已取消：输出不完整，未保留。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/outputs.py" line="131" />
      <source>输出“{0}”含长文本字段 {1}（可达 1400 字），Shapefile 每个文本字段最多 254 字节，会被截断：请改用 GeoPackage（.gpkg）或 PostGIS 输出。</source>
      <translation>输出“{0}”含长文本字段 {1}（可达 1400 字），Shapefile 每个文本字段最多 254 字节，会被截断：请改用 GeoPackage（.gpkg）或 PostGIS 输出。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/overlap.py" line="121" />
      <source>输出“{0}”会覆盖输入“{1}”（{2}），请另选输出位置。</source>
      <translation>输出“{0}”会覆盖输入“{1}”（{2}），请另选输出位置。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/reviews.py" line="134" />
      <source>图层「{0}」不能编辑（只读或数据源不支持编辑），核查决定未写入。</source>
      <translation>图层「{0}」不能编辑（只读或数据源不支持编辑），核查决定未写入。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/reviews.py" line="150" />
      <source>写入图层失败，核查决定未写入。</source>
      <translation>写入图层失败，核查决定未写入。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/reviews.py" line="146" />
      <source>写入数据库失败，核查决定未写入：该宗地可能正被其他核查人员编辑（尚未保存），请稍后再试。</source>
      <translation>写入数据库失败，核查决定未写入：该宗地可能正被其他核查人员编辑（尚未保存），请稍后再试。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/staging.py" line="171" />
      <source>另一个运行已先写出“{0}”；本次结果未写入，请另选输出或重新运行。</source>
      <translation>另一个运行已先写出“{0}”；本次结果未写入，请另选输出或重新运行。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/bridge/staging.py" line="280" />
      <source>无法替换数据库表 {0}：{1}</source>
      <translation>无法替换数据库表 {0}：{1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="41" />
      <source>安装依赖</source>
      <translation>安装依赖</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="50" />
      <source>从网络安装（Python 软件包索引）</source>
      <translation>从网络安装（Python 软件包索引）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="51" />
      <source>从离线安装包文件夹安装（bash scripts/run wheels 生成）</source>
      <translation>从离线安装包文件夹安装（bash scripts/run wheels 生成）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="52" />
      <source>装有 .whl 文件的文件夹</source>
      <translation>装有 .whl 文件的文件夹</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="57" />
      <source>安装</source>
      <translation>安装</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="83" />
      <source>离线安装包文件夹</source>
      <translation>离线安装包文件夹</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="138" />
      <source>安装完成。</source>
      <translation>安装完成。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="142" />
      <source>依赖包已安装。请重新启动 QGIS，Lowland 将在启动时启用。</source>
      <translation>依赖包已安装。请重新启动 QGIS，Lowland 将在启动时启用。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="91" />
      <source>请选择离线安装包文件夹。</source>
      <translation>请选择离线安装包文件夹。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="135" />
      <source>安装失败：请查看上面的日志。</source>
      <translation>安装失败：请查看上面的日志。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="47" />
      <source>将安装到 QGIS 的 Python 用户目录（无需管理员权限）：</source>
      <translation>将安装到 QGIS 的 Python 用户目录（无需管理员权限）：</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/dependency_dialog.py" line="43" />
      <source>Lowland 需要的 Python 包缺少或版本不符：</source>
      <translation>Lowland 需要的 Python 包缺少或版本不符：</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="150" />
      <source>实施方案生成</source>
      <translation>实施方案生成</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="151" />
      <source>单元图层</source>
      <translation>单元图层</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="152" />
      <source>再开发单元（lowland:buildunits 的输出，需有 unit_id）</source>
      <translation>再开发单元（lowland:buildunits 的输出，需有 unit_id）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="156" />
      <source>单元</source>
      <translation>单元</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="157" />
      <source>勾选要生成实施方案的单元；预览显示当前选中的单元</source>
      <translation>勾选要生成实施方案的单元；预览显示当前选中的单元</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="158" />
      <source>全选</source>
      <translation>全选</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="159" />
      <source>全不选</source>
      <translation>全不选</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="160" />
      <source>模板</source>
      <translation>模板</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="161" />
      <source>DOCX 模板</source>
      <translation>DOCX 模板</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="162" />
      <source>HTML 模板</source>
      <translation>HTML 模板</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="166" />
      <source>Word 文档 (*.docx)</source>
      <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="167" />
      <source>HTML 文件 (*.html *.htm)</source>
      <translation>HTML 文件 (*.html *.htm)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="168" />
      <source>规则配置</source>
      <translation>规则配置</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="169" />
      <source>规则配置：default、yinchuan 或配置文件的路径</source>
      <translation>规则配置：default、yinchuan 或配置文件的路径</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="170" />
      <source>格式</source>
      <translation>格式</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="171" />
      <source>输出文件夹</source>
      <translation>输出文件夹</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="172" />
      <source>选择输出文件夹</source>
      <translation>选择输出文件夹</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="173" />
      <source>预览</source>
      <translation>预览</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="174" />
      <source>在下方预览当前单元的实施方案（HTML）</source>
      <translation>在下方预览当前单元的实施方案（HTML）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="175" />
      <source>生成</source>
      <translation>生成</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="176" />
      <source>为勾选的单元生成实施方案，写入输出文件夹</source>
      <translation>为勾选的单元生成实施方案，写入输出文件夹</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="177" />
      <source>取消</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="178" />
      <source>图集布局</source>
      <translation>图集布局</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="180" />
      <source>把 A3 评审会图集布局（按单元分页）加入工程并在布局设计器中打开，可修改后打印或导出</source>
      <translation>把 A3 评审会图集布局（按单元分页）加入工程并在布局设计器中打开，可修改后打印或导出</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="182" />
      <source>打开文件夹</source>
      <translation>打开文件夹</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="183" />
      <source>打开最近一次生成的输出文件夹</source>
      <translation>打开最近一次生成的输出文件夹</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="199" />
      <source>更新单元统计</source>
      <translation>更新单元统计</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="201" />
      <source>核查会后或修改单元边界后，按核查后的认定结果重新统计所选单元图层（可撤销）</source>
      <translation>核查会后或修改单元边界后，按核查后的认定结果重新统计所选单元图层（可撤销）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="483" />
      <source>正在生成…</source>
      <translation>正在生成…</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="509" />
      <source>实施方案不完整</source>
      <translation>实施方案不完整</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="523" />
      <source>覆盖已有文件？</source>
      <translation>覆盖已有文件？</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="164" />
      <source>默认（内置模板）</source>
      <translation>默认（内置模板）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="253" />
      <source>请选择再开发单元图层（lowland:buildunits 的输出）。</source>
      <translation>请选择再开发单元图层（lowland:buildunits 的输出）。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="354" />
      <source>请至少勾选一个单元。</source>
      <translation>请至少勾选一个单元。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="356" />
      <source>请至少选择一种格式（DOCX、HTML 或 PDF）。</source>
      <translation>请至少选择一种格式（DOCX、HTML 或 PDF）。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="358" />
      <source>请选择输出文件夹。</source>
      <translation>请选择输出文件夹。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="433" />
      <source>已取消。</source>
      <translation>已取消。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="459" />
      <source>正在取消…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="479" />
      <source>未生成：请先补充缺少的图层。</source>
      <translation>未生成：请先补充缺少的图层。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="490" />
      <source>已为 {0} 个单元生成实施方案：{1}</source>
      <translation>已为 {0} 个单元生成实施方案：{1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="537" />
      <source>请先选择要预览的单元。</source>
      <translation>请先选择要预览的单元。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="552" />
      <source>预览失败：算法没有写出 HTML 文件。</source>
      <translation>预览失败：算法没有写出 HTML 文件。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="606" />
      <source>请先选择再开发单元图层。</source>
      <translation>请先选择再开发单元图层。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="642" />
      <source>实施方案生成算法（{0}）未注册：请更新插件。</source>
      <translation>实施方案生成算法（{0}）未注册：请更新插件。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="293" />
      <source>单元（{0} 个）</source>
      <translation>单元（{0} 个）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="432" />
      <source>任务被终止。</source>
      <translation>任务被终止。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="492" />
      <source>已为 {0} 个单元生成实施方案（不完整）：{1}
缺少：
{2}</source>
      <translation>已为 {0} 个单元生成实施方案（不完整）：{1}
缺少：
{2}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="510" />
      <source>所选图层不足，实施方案将缺少以下内容：
{0}

仍然生成吗？</source>
      <translation>所选图层不足，实施方案将缺少以下内容：
{0}

仍然生成吗？</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="524" />
      <source>输出文件夹中已有 {0} 个同名文件：
{1}

覆盖这些文件吗？</source>
      <translation>输出文件夹中已有 {0} 个同名文件：
{1}

覆盖这些文件吗？</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="546" />
      <source>正在生成预览：{0}…</source>
      <translation>正在生成预览：{0}…</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="557" />
      <source>预览：单元 {0}</source>
      <translation>预览：单元 {0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="572" />
      <source>已加入布局「{0}」：每个单元一页，地图显示工程中可见的图层。</source>
      <translation>已加入布局「{0}」：每个单元一页，地图显示工程中可见的图层。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="165" />
      <source>留空使用内置的{0}模板；或选择本局修改过的模板文件</source>
      <translation>留空使用内置的{0}模板；或选择本局修改过的模板文件</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="433" />
      <source>生成失败：{0}</source>
      <translation>生成失败：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="579" />
      <source>输出文件夹不存在：{0}</source>
      <translation>输出文件夹不存在：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="257" />
      <source>图层「{0}」不是再开发单元图层：需要面图层且有 unit_id 字段。</source>
      <translation>图层「{0}」不是再开发单元图层：需要面图层且有 unit_id 字段。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="387" />
      <source>模板文件不存在或类型不对：{0}（需要 {1}）</source>
      <translation>模板文件不存在或类型不对：{0}（需要 {1}）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_dock.py" line="473" />
      <source>未生成：输出文件夹中已有 {0} 个同名文件，未覆盖。</source>
      <translation>未生成：输出文件夹中已有 {0} 个同名文件，未覆盖。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="42" />
      <source>宗地图层</source>
      <translation>宗地图层</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="42" />
      <source>带 unit_id 的低效用地认定结果（buildunits 的宗地输出）</source>
      <translation>带 unit_id 的低效用地认定结果（buildunits 的宗地输出）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="43" />
      <source>项目图层</source>
      <translation>项目图层</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="43" />
      <source>再开发项目（项目模板）：容积率、地价等核算的依据</source>
      <translation>再开发项目（项目模板）：容积率、地价等核算的依据</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="44" />
      <source>零星用地</source>
      <translation>零星用地</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="44" />
      <source>项目模板的零星用地地块图层（pieces）；留空时读取项目图层所在 GeoPackage 的 pieces</source>
      <translation>项目模板的零星用地地块图层（pieces）；留空时读取项目图层所在 GeoPackage 的 pieces</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="45" />
      <source>功能分区</source>
      <translation>功能分区</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="45" />
      <source>项目模板的功能分区图层（zones）；留空时读取项目图层所在 GeoPackage 的 zones</source>
      <translation>项目模板的功能分区图层（zones）；留空时读取项目图层所在 GeoPackage 的 zones</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="46" />
      <source>历史遗留</source>
      <translation>历史遗留</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="46" />
      <source>可选：历史遗留用地认定（lowland:legacyland）的输出</source>
      <translation>可选：历史遗留用地认定（lowland:legacyland）的输出</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="47" />
      <source>控规图层</source>
      <translation>控规图层</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="47" />
      <source>可选：控规图层，单元图层旁有方案库时，方案比选一章的开发容量按其测算</source>
      <translation>可选：控规图层，单元图层旁有方案库时，方案比选一章的开发容量按其测算</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="84" />
      <source>需要 unit_id 字段的单元面图层</source>
      <translation>需要 unit_id 字段的单元面图层</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="85" />
      <source>需要低效用地认定结果（parcel_id、verdict、lowland_type）</source>
      <translation>需要低效用地认定结果（parcel_id、verdict、lowland_type）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="86" />
      <source>需要项目模板的项目图层（project_id 等字段，不是核算结果）</source>
      <translation>需要项目模板的项目图层（project_id 等字段，不是核算结果）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="87" />
      <source>需要项目模板的零星用地图层（project_id、piece_id）</source>
      <translation>需要项目模板的零星用地图层（project_id、piece_id）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="88" />
      <source>需要项目模板的功能分区图层（project_id、use_code）</source>
      <translation>需要项目模板的功能分区图层（project_id、use_code）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="89" />
      <source>需要历史遗留用地认定结果（legacy_class）</source>
      <translation>需要历史遗留用地认定结果（legacy_class）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="90" />
      <source>需要控规图层（far_max 及 plan_id 或 plan_code）</source>
      <translation>需要控规图层（far_max 及 plan_id 或 plan_code）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="92" />
      <source>图层「{0}」不适用：{1}。</source>
      <translation>图层「{0}」不适用：{1}。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="114" />
      <source>{0}：{1}</source>
      <translation>{0}：{1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="125" />
      <source>二、低效用地清单</source>
      <translation>二、低效用地清单</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="126" />
      <source>无宗地图层，清单为空，资金平衡按单元现状总建筑面积估算</source>
      <translation>无宗地图层，清单为空，资金平衡按单元现状总建筑面积估算</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="130" />
      <source>三、历史遗留用地</source>
      <translation>三、历史遗留用地</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="130" />
      <source>无历史遗留用地认定结果</source>
      <translation>无历史遗留用地认定结果</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="135" />
      <source>四、再开发项目规划指标；五、补缴地价与缴款计划</source>
      <translation>四、再开发项目规划指标；五、补缴地价与缴款计划</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="136" />
      <source>无项目图层，容积率、混合用地、零星用地和补缴地价均不核算</source>
      <translation>无项目图层，容积率、混合用地、零星用地和补缴地价均不核算</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="142" />
      <source>四（三）零星用地</source>
      <translation>四（三）零星用地</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="142" />
      <source>无零星用地图层，不核查零星用地</source>
      <translation>无零星用地图层，不核查零星用地</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="148" />
      <source>四（二）混合用地用途比例</source>
      <translation>四（二）混合用地用途比例</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_inputs.py" line="149" />
      <source>无功能分区图层，用途比例按计容建筑面积计算</source>
      <translation>无功能分区图层，用途比例按计容建筑面积计算</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_refresh.py" line="38" />
      <source>已按核查后的认定结果更新 {0} 个单元的统计（可撤销，保存单元图层后生效）。</source>
      <translation>已按核查后的认定结果更新 {0} 个单元的统计（可撤销，保存单元图层后生效）。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/plan_refresh.py" line="42" />
      <source>以下单元未完整包含任何街坊，统计已清空：{0}</source>
      <translation>以下单元未完整包含任何街坊，统计已清空：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="18" />
      <source>确认</source>
      <translation>确认</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="19" />
      <source>否定</source>
      <translation>否定</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="20" />
      <source>改判</source>
      <translation>改判</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="21" />
      <source>重置</source>
      <translation>重置</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="28" />
      <source>确认计算的认定结论（{0}）</source>
      <translation>确认计算的认定结论（{0}）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="29" />
      <source>否定低效用地认定，改为非低效用地；须填写核查意见（{0}）</source>
      <translation>否定低效用地认定，改为非低效用地；须填写核查意见（{0}）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="30" />
      <source>改判为所选类型的低效用地；须填写核查意见（{0}）</source>
      <translation>改判为所选类型的低效用地；须填写核查意见（{0}）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="52" />
      <source>核查人</source>
      <translation>核查人</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="53" />
      <source>姓名（会被记住）</source>
      <translation>姓名（会被记住）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="54" />
      <source>为</source>
      <translation>为</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="56" />
      <source>（选择低效类型）</source>
      <translation>（选择低效类型）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="59" />
      <source>改判时宗地认定为此类型的低效用地</source>
      <translation>改判时宗地认定为此类型的低效用地</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="60" />
      <source>核查意见</source>
      <translation>核查意见</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="61" />
      <source>否定、改判时必填</source>
      <translation>否定、改判时必填</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_decision.py" line="64" />
      <source>撤销该宗地的核查决定，恢复为待核查</source>
      <translation>撤销该宗地的核查决定，恢复为待核查</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="85" />
      <source>认定理由</source>
      <translation>认定理由</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="86" />
      <source>指标</source>
      <translation>指标</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="87" />
      <source>建筑</source>
      <translation>建筑</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="88" />
      <source>三调地类</source>
      <translation>三调地类</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="177" />
      <source>排除情形</source>
      <translation>排除情形</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="178" />
      <source>认定标准</source>
      <translation>认定标准</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="179" />
      <source>豁免情形</source>
      <translation>豁免情形</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="96" />
      <source>数值</source>
      <translation>数值</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="98" />
      <source>地类编码</source>
      <translation>地类编码</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="98" />
      <source>地类名称</source>
      <translation>地类名称</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="98" />
      <source>占比</source>
      <translation>占比</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="101" />
      <source>在列表中选择一宗地，或在地图上选择宗地。</source>
      <translation>在列表中选择一宗地，或在地图上选择宗地。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="132" />
      <source>认定结论：{0}</source>
      <translation>认定结论：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="210" />
      <source>没有认定理由。</source>
      <translation>没有认定理由。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="139" />
      <source>核查状态：{0}</source>
      <translation>核查状态：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="258" />
      <source>请在上方选择建筑图层。</source>
      <translation>请在上方选择建筑图层。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="279" />
      <source>建筑（{0}）</source>
      <translation>建筑（{0}）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="299" />
      <source>无三调数据（认定时未给出三调图层）</source>
      <translation>无三调数据（认定时未给出三调图层）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="136" />
      <source>（满足认定标准 {0} 条）</source>
      <translation>（满足认定标准 {0} 条）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="147" />
      <source>最终：{0}</source>
      <translation>最终：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="154" />
      <source>核查意见：{0}</source>
      <translation>核查意见：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_details.py" line="160" />
      <source>重新认定后结论已变化：核查时为「{0}」，现为「{1}」，请复核。</source>
      <translation>重新认定后结论已变化：核查时为「{0}」，现为「{1}」，请复核。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="130" />
      <source>地块核查</source>
      <translation>地块核查</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="131" />
      <source>结果图层</source>
      <translation>结果图层</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="132" />
      <source>低效用地认定（lowland:identifyparcels）的结果图层</source>
      <translation>低效用地认定（lowland:identifyparcels）的结果图层</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="133" />
      <source>建筑图层</source>
      <translation>建筑图层</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="134" />
      <source>可选：列出与所选宗地相交的建筑</source>
      <translation>可选：列出与所选宗地相交的建筑</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="135" />
      <source>导出会议纪要…</source>
      <translation>导出会议纪要…</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="137" />
      <source>把已核查宗地导出为会议纪要（XLSX 或 CSV，含未保存的编辑）：面积、单元、认定结论与理由、核查决定、核查人、意见和时间</source>
      <translation>把已核查宗地导出为会议纪要（XLSX 或 CSV，含未保存的编辑）：面积、单元、认定结论与理由、核查决定、核查人、意见和时间</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="143" />
      <source>按住 Ctrl 或 Shift 可选择多宗地，一次作出同一决定（一步可撤销）</source>
      <translation>按住 Ctrl 或 Shift 可选择多宗地，一次作出同一决定（一步可撤销）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="376" />
      <source>列表中当前显示的宗地里已作出核查决定的数量</source>
      <translation>列表中当前显示的宗地里已作出核查决定的数量</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="149" />
      <source>下一宗（{0}）</source>
      <translation>下一宗（{0}）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="150" />
      <source>上一宗（{0}）</source>
      <translation>上一宗（{0}）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="203" />
      <source>请选择低效用地认定（lowland:identifyparcels）的结果图层。</source>
      <translation>请选择低效用地认定（lowland:identifyparcels）的结果图层。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="550" />
      <source>请先在列表中选择一宗地。</source>
      <translation>请先在列表中选择一宗地。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="579" />
      <source>地块核查 {0}：{1}</source>
      <translation>地块核查 {0}：{1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="632" />
      <source>地块核查 {0} 宗：{1}</source>
      <translation>地块核查 {0} 宗：{1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="661" />
      <source>请先选择低效用地认定结果图层。</source>
      <translation>请先选择低效用地认定结果图层。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="375" />
      <source>已核查 {0} / {1}</source>
      <translation>已核查 {0} / {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="484" />
      <source>地图上所选的宗地不在当前筛选结果中。</source>
      <translation>地图上所选的宗地不在当前筛选结果中。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="638" />
      <source>已对 {0} 宗地作出决定：{1}（一步可撤销）</source>
      <translation>已对 {0} 宗地作出决定：{1}（一步可撤销）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="207" />
      <source>图层「{0}」不是矢量图层。</source>
      <translation>图层「{0}」不是矢量图层。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="213" />
      <source>图层「{0}」是 Shapefile，字段名被截断为 10 个字符（{1}），核查无法写回完整字段：请把认定结果保存为 GeoPackage 后再核查。</source>
      <translation>图层「{0}」是 Shapefile，字段名被截断为 10 个字符（{1}），核查无法写回完整字段：请把认定结果保存为 GeoPackage 后再核查。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="222" />
      <source>图层「{0}」不是低效用地认定结果，缺少字段：{1}。请选择 lowland:identifyparcels 的输出图层。</source>
      <translation>图层「{0}」不是低效用地认定结果，缺少字段：{1}。请选择 lowland:identifyparcels 的输出图层。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="621" />
      <source>{0}（{1} 宗：{2}）</source>
      <translation>{0}（{1} 宗：{2}）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_dock.py" line="626" />
      <source>批量决定未写入，{0} 宗不能作此决定：</source>
      <translation>批量决定未写入，{0} 宗不能作此决定：</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="24" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="24" />
      <source>CSV 文件 (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="35" />
      <source>导出核查记录</source>
      <translation>导出核查记录</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="35" />
      <source>地块核查记录</source>
      <translation>地块核查记录</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="50" />
      <source>导出会议纪要</source>
      <translation>导出会议纪要</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="50" />
      <source>核查会议纪要</source>
      <translation>核查会议纪要</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="43" />
      <source>已导出 {0} 条核查记录：{1}</source>
      <translation>已导出 {0} 条核查记录：{1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="59" />
      <source>已导出 {0} 宗地的会议纪要：{1}</source>
      <translation>已导出 {0} 宗地的会议纪要：{1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_export.py" line="41" />
      <source>无法写入 {0}：{1}</source>
      <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="32" />
      <source>全部类型</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="35" />
      <source>按现状用途类型或低效类型筛选</source>
      <translation>按现状用途类型或低效类型筛选</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="37" />
      <source>全部结论</source>
      <translation>全部结论</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="40" />
      <source>按计算的认定结论筛选</source>
      <translation>按计算的认定结论筛选</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="42" />
      <source>全部状态</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="45" />
      <source>按核查状态筛选</source>
      <translation>按核查状态筛选</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="47" />
      <source>全部单元</source>
      <translation>全部单元</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="48" />
      <source>搜索宗地编号或权利人</source>
      <translation>搜索宗地编号或权利人</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="49" />
      <source>仅显示结论已变化</source>
      <translation>仅显示结论已变化</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="51" />
      <source>只列出重新认定后计算结论与核查时不同的宗地（⚠），其核查决定需要复核</source>
      <translation>只列出重新认定后计算结论与核查时不同的宗地（⚠），其核查决定需要复核</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="104" />
      <source>按再开发单元（unit_id）筛选</source>
      <translation>按再开发单元（unit_id）筛选</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_filters.py" line="106" />
      <source>图层没有 unit_id 字段（再开发单元），不能按单元筛选</source>
      <translation>图层没有 unit_id 字段（再开发单元），不能按单元筛选</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="102" />
      <source>亩</source>
      <translation>亩</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="103" />
      <source>万元/亩</source>
      <translation>万元/亩</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="104" />
      <source>年</source>
      <translation>年</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="105" />
      <source>栋</source>
      <translation>栋</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="106" />
      <source>层</source>
      <translation>层</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="84" />
      <source>是</source>
      <translation>是</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="84" />
      <source>否</source>
      <translation>否</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="256" />
      <source>⚠：重新认定后结论与核查时不同，请复核</source>
      <translation>⚠：重新认定后结论与核查时不同，请复核</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/review_model.py" line="276" />
      <source>重新认定后结论已变化：核查时为「{0}」，现为「{1}」。</source>
      <translation>重新认定后结论已变化：核查时为「{0}」，现为「{1}」。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="128" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="163" />
      <source>方案比选</source>
      <translation>方案比选</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="166" />
      <source>现行方案的项目图层：新建方案从其中本单元的项目复制</source>
      <translation>现行方案的项目图层：新建方案从其中本单元的项目复制</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="167" />
      <source>方案库</source>
      <translation>方案库</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="169" />
      <source>方案库 GeoPackage（默认在单元图层旁：&lt;单元&gt;_scenarios.gpkg）</source>
      <translation>方案库 GeoPackage（默认在单元图层旁：&lt;单元&gt;_scenarios.gpkg）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="173" />
      <source>低效地块</source>
      <translation>低效地块</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="175" />
      <source>已复核的低效地块图层（可选）：资金平衡的补偿与拆除按本单元低效地块的现状建筑面积计，与实施方案第八章一致；不选则按单元现状总建筑面积估算</source>
      <translation>已复核的低效地块图层（可选）：资金平衡的补偿与拆除按本单元低效地块的现状建筑面积计，与实施方案第八章一致；不选则按单元现状总建筑面积估算</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="182" />
      <source>控规图层（可选，面图层，含容积率、限高等控制指标）：比选表的开发容量、容量使用率与容量余量按其测算；不选则为未知</source>
      <translation>控规图层（可选，面图层，含容积率、限高等控制指标）：比选表的开发容量、容量使用率与容量余量按其测算；不选则为未知</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="187" />
      <source>打开方案库</source>
      <translation>打开方案库</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="188" />
      <source>打开方案库；文件不存在时按项目图层的字段新建</source>
      <translation>打开方案库；文件不存在时按项目图层的字段新建</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="189" />
      <source>新建</source>
      <translation>新建</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="190" />
      <source>由现行方案（本单元的项目）新建方案</source>
      <translation>由现行方案（本单元的项目）新建方案</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="191" />
      <source>复制</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="192" />
      <source>删除</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="193" />
      <source>设为选定方案</source>
      <translation>设为选定方案</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="194" />
      <source>实施方案按选定方案编制（每个单元一个）</source>
      <translation>实施方案按选定方案编制（每个单元一个）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="195" />
      <source>编辑所选地块（每次设置为一步，可撤销）</source>
      <translation>编辑所选地块（每次设置为一步，可撤销）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="196" />
      <source>再开发方式</source>
      <translation>再开发方式</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="197" />
      <source>规划用途</source>
      <translation>规划用途</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="198" />
      <source>用地用海代码，如 0901</source>
      <translation>用地用海代码，如 0901</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="199" />
      <source>容积率</source>
      <translation>容积率</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="200" />
      <source>建筑面积（m²）</source>
      <translation>建筑面积（m²）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="201" />
      <source>移交用地（m²）</source>
      <translation>移交用地（m²）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="202" />
      <source>分期</source>
      <translation>分期</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="206" />
      <source>撤销</source>
      <translation>撤销</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="207" />
      <source>重做</source>
      <translation>重做</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="208" />
      <source>保存</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="209" />
      <source>把编辑写入方案库</source>
      <translation>把编辑写入方案库</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="210" />
      <source>比选表</source>
      <translation>比选表</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="211" />
      <source>图表</source>
      <translation>图表</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="212" />
      <source>导出 XLSX</source>
      <translation>导出 XLSX</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="213" />
      <source>导出图表 PNG</source>
      <translation>导出图表 PNG</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="385" />
      <source>方案名称</source>
      <translation>方案名称</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="516" />
      <source>设置再开发方式</source>
      <translation>设置再开发方式</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="532" />
      <source>设置规划用途</source>
      <translation>设置规划用途</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="538" />
      <source>设置容积率</source>
      <translation>设置容积率</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="543" />
      <source>设置建筑面积</source>
      <translation>设置建筑面积</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="565" />
      <source>设置移交用地</source>
      <translation>设置移交用地</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="569" />
      <source>设置分期</source>
      <translation>设置分期</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="595" />
      <source>已保存。</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="205" />
      <source>设置</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="292" />
      <source>请选择方案库文件（.gpkg）。</source>
      <translation>请选择方案库文件（.gpkg）。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="404" />
      <source>新建方案</source>
      <translation>新建方案</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="404" />
      <source>现行方案</source>
      <translation>现行方案</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="429" />
      <source>复制方案</source>
      <translation>复制方案</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="460" />
      <source>删除方案</source>
      <translation>删除方案</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="497" />
      <source>请先在地图上选择本方案的地块。</source>
      <translation>请先在地图上选择本方案的地块。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="680" />
      <source>导出比选表</source>
      <translation>导出比选表</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="694" />
      <source>导出图表到文件夹</source>
      <translation>导出图表到文件夹</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="314" />
      <source>已打开方案库：{0}</source>
      <translation>已打开方案库：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="349" />
      <source>★ 选定方案</source>
      <translation>★ 选定方案</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="450" />
      <source>已建立方案 {0}（{1} 个项目）。</source>
      <translation>已建立方案 {0}（{1} 个项目）。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="467" />
      <source>已删除方案 {0}。</source>
      <translation>已删除方案 {0}。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="477" />
      <source>方案 {0} 已设为选定方案，实施方案按其编制。</source>
      <translation>方案 {0} 已设为选定方案，实施方案按其编制。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="489" />
      <source>已选地块：{0}</source>
      <translation>已选地块：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="511" />
      <source>{0}：{1} 个地块。</source>
      <translation>{0}：{1} 个地块。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="686" />
      <source>已导出：{0}</source>
      <translation>已导出：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="699" />
      <source>已导出 {0} 张图表到 {1}</source>
      <translation>已导出 {0} 张图表到 {1}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="299" />
      <source>方案库不存在；请先选择项目图层以新建方案库。</source>
      <translation>方案库不存在；请先选择项目图层以新建方案库。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="429" />
      <source>{0} 副本</source>
      <translation>{0} 副本</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="460" />
      <source>删除方案 {0} 及其全部地块？此操作不能撤销。</source>
      <translation>删除方案 {0} 及其全部地块？此操作不能撤销。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="304" />
      <source>无法打开方案库：{0}</source>
      <translation>无法打开方案库：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="593" />
      <source>保存失败：{0}</source>
      <translation>保存失败：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_dock.py" line="507" />
      <source>方案图层没有字段 {0}。</source>
      <translation>方案图层没有字段 {0}。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_layers.py" line="36" />
      <source>方案</source>
      <translation>方案</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_layers.py" line="36" />
      <source>方案项目</source>
      <translation>方案项目</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_table.py" line="41" />
      <source>单位</source>
      <translation>单位</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_table.py" line="53" />
      <source>未知</source>
      <translation>未知</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_table.py" line="61" />
      <source>该项指标的最优值</source>
      <translation>该项指标的最优值</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_table.py" line="48" />
      <source>依据：{0}</source>
      <translation>依据：{0}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_table.py" line="83" />
      <source>各项核查均通过</source>
      <translation>各项核查均通过</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/scenario_table.py" line="92" />
      <source>未通过 {0} 项</source>
      <translation>未通过 {0} 项</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="226" />
      <source>绘制再开发单元</source>
      <translation>绘制再开发单元</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="227" />
      <source>项目中没有再开发单元图层（含 unit_id 的面图层）。新建一个？</source>
      <translation>项目中没有再开发单元图层（含 unit_id 的面图层）。新建一个？</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="228" />
      <source>新建 GeoPackage…</source>
      <translation>新建 GeoPackage…</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="229" />
      <source>临时图层</source>
      <translation>临时图层</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="161" />
      <source>再开发单元属性</source>
      <translation>再开发单元属性</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="162" />
      <source>单元编号</source>
      <translation>单元编号</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="163" />
      <source>单元名称</source>
      <translation>单元名称</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="164" />
      <source>实施时序</source>
      <translation>实施时序</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="165" />
      <source>备注</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="166" />
      <source>图层内唯一，如 DY01</source>
      <translation>图层内唯一，如 DY01</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="167" />
      <source>未定</source>
      <translation>未定</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="171" />
      <source>确定</source>
      <translation>确定</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="200" />
      <source>请填写单元编号。</source>
      <translation>请填写单元编号。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="105" />
      <source>无法创建再开发单元图层：</source>
      <translation>无法创建再开发单元图层：</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="240" />
      <source>新建再开发单元图层</source>
      <translation>新建再开发单元图层</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_form.py" line="202" />
      <source>单元编号 {id} 已被图层中另一个单元使用。</source>
      <translation>单元编号 {id} 已被图层中另一个单元使用。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="168" />
      <source>单元范围没有覆盖任何街坊，未添加。</source>
      <translation>单元范围没有覆盖任何街坊，未添加。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="173" />
      <source>未定（保存时在属性表单中选择）</source>
      <translation>未定（保存时在属性表单中选择）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="154" />
      <source>街坊 {id} 只包含 {share}，边界偏离 {d} m</source>
      <translation>街坊 {id} 只包含 {share}，边界偏离 {d} m</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="180" />
      <source>单元面积</source>
      <translation>单元面积</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="182" />
      <source>完整街坊</source>
      <translation>完整街坊</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="191" />
      <source>部分覆盖街坊（不计入）</source>
      <translation>部分覆盖街坊（不计入）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="195" />
      <source>低效用地</source>
      <translation>低效用地</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="214" />
      <source>现状建筑面积</source>
      <translation>现状建筑面积</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="217" />
      <source>零星用地候选（≤5 亩）</source>
      <translation>零星用地候选（≤5 亩）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="236" />
      <source>单元实时统计</source>
      <translation>单元实时统计</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="241" />
      <source>绘制边界</source>
      <translation>绘制边界</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="242" />
      <source>点选街坊</source>
      <translation>点选街坊</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="243" />
      <source>左键添加拐点，右键或回车完成</source>
      <translation>左键添加拐点，右键或回车完成</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="245" />
      <source>单击街坊加入或移出单元（单元范围 = 所选街坊的合并），右键或回车完成</source>
      <translation>单击街坊加入或移出单元（单元范围 = 所选街坊的合并），右键或回车完成</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="264" />
      <source>开始绘制或点选街坊后，这里显示单元的实时统计。</source>
      <translation>开始绘制或点选街坊后，这里显示单元的实时统计。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="165" />
      <source>单元没有完整包含任何街坊：{miss}。未添加；请沿街坊边界重新绘制。</source>
      <translation>单元没有完整包含任何街坊：{miss}。未添加；请沿街坊边界重新绘制。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="186" />
      <source>{id}（{share}，偏离 {d} m）</source>
      <translation>{id}（{share}，偏离 {d} m）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="257" />
      <source>街坊：{blocks}；宗地：{parcels}</source>
      <translation>街坊：{blocks}；宗地：{parcels}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="180" />
      <source>{ha} 公顷（{mu} 亩）</source>
      <translation>{ha} 公顷（{mu} 亩）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="182" />
      <source>{n} 个：{ids}</source>
      <translation>{n} 个：{ids}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="192" />
      <source>{n} 宗</source>
      <translation>{n} 宗</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="196" />
      <source>{n} 宗，{area} m²，占 {share}</source>
      <translation>{n} 宗，{area} m²，占 {share}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="218" />
      <source>{n} 宗，{area} m²</source>
      <translation>{n} 宗，{area} m²</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="258" />
      <source>无（不能统计）</source>
      <translation>无（不能统计）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="259" />
      <source>无（宗地数字未知）</source>
      <translation>无（宗地数字未知）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="276" />
      <source>尚未完整包含任何街坊</source>
      <translation>尚未完整包含任何街坊</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="191" />
      <source>、</source>
      <translation>、</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="275" />
      <source>尚未完整包含任何街坊：{miss}</source>
      <translation>尚未完整包含任何街坊：{miss}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="209" />
      <source>{area} m²（{share}）</source>
      <translation>{area} m²（{share}）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_metrics_panel.py" line="278" />
      <source>部分覆盖的街坊不计入单元：{miss}</source>
      <translation>部分覆盖的街坊不计入单元：{miss}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="198" />
      <source>左键添加拐点（吸附到街坊边线和拐点），右键或回车完成，退格撤回拐点，Esc 取消；选中一个单元时重新绘制其范围；Ctrl+单击选择单元，Shift+单击编辑其属性。</source>
      <translation>左键添加拐点（吸附到街坊边线和拐点），右键或回车完成，退格撤回拐点，Esc 取消；选中一个单元时重新绘制其范围；Ctrl+单击选择单元，Shift+单击编辑其属性。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="475" />
      <source>单元边界面积为零，未添加。</source>
      <translation>单元边界面积为零，未添加。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="194" />
      <source>没有街坊图层（含 block_id 的面图层），单元边界不会吸附到街坊。</source>
      <translation>没有街坊图层（含 block_id 的面图层），单元边界不会吸附到街坊。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="476" />
      <source>单元边界无效（{detail}），未添加；请重新绘制。</source>
      <translation>单元边界无效（{detail}），未添加；请重新绘制。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="490" />
      <source>没有可绘制的再开发单元图层。</source>
      <translation>没有可绘制的再开发单元图层。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="568" />
      <source>图层拒绝了新单元。</source>
      <translation>图层拒绝了新单元。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="594" />
      <source>图层拒绝了新的单元范围。</source>
      <translation>图层拒绝了新的单元范围。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="471" />
      <source>单元边界至少需要 3 个不同的拐点（当前 {n} 个），未添加。</source>
      <translation>单元边界至少需要 3 个不同的拐点（当前 {n} 个），未添加。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="473" />
      <source>单元边界自相交（{detail}），未添加；请重新绘制。</source>
      <translation>单元边界自相交（{detail}），未添加；请重新绘制。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="553" />
      <source>未添加。</source>
      <translation>未添加。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="556" />
      <source>添加再开发单元 {id}</source>
      <translation>添加再开发单元 {id}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="573" />
      <source>已添加再开发单元 {id}；保存图层后写入文件，Ctrl+Z 撤销。</source>
      <translation>已添加再开发单元 {id}；保存图层后写入文件，Ctrl+Z 撤销。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="589" />
      <source>重新绘制再开发单元 {id}</source>
      <translation>重新绘制再开发单元 {id}</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="600" />
      <source>已重新绘制再开发单元 {id} 的范围；Ctrl+Z 撤销。</source>
      <translation>已重新绘制再开发单元 {id} 的范围；Ctrl+Z 撤销。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="637" />
      <source>修改再开发单元 {id} 的属性</source>
      <translation>修改再开发单元 {id} 的属性</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="494" />
      <source>图层「{name}」不能编辑。</source>
      <translation>图层「{name}」不能编辑。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="521" />
      <source>选中了 {n} 个单元；重新绘制范围时只能选中一个。</source>
      <translation>选中了 {n} 个单元；重新绘制范围时只能选中一个。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/gui/unit_tool.py" line="681" />
      <source>该单元与单元 {ids} 重叠；一个街坊只能属于一个单元。</source>
      <translation>该单元与单元 {ids} 重叠；一个街坊只能属于一个单元。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/help.py" line="58" />
      <source>帮助</source>
      <translation>帮助</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/help.py" line="59" />
      <source>打开使用手册中本功能的说明</source>
      <translation>打开使用手册中本功能的说明</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/help.py" line="67" />
      <source>怎么用：选择认定结果图层 → 在列表中选中一宗地 → 查看理由与指标 → 确认、否定或改判并写明意见。</source>
      <translation>怎么用：选择认定结果图层 → 在列表中选中一宗地 → 查看理由与指标 → 确认、否定或改判并写明意见。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/help.py" line="71" />
      <source>怎么用：选择单元、宗地、项目图层 → 勾选单元 → 选择模板和输出文件夹 → 「预览」或「生成」。</source>
      <translation>怎么用：选择单元、宗地、项目图层 → 勾选单元 → 选择模板和输出文件夹 → 「预览」或「生成」。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/help.py" line="75" />
      <source>怎么用：选择单元和项目图层 → 打开方案库 → 新建或复制方案 → 在地图上选地块，设置方式、用途、容积率 → 看比选表与图表。</source>
      <translation>怎么用：选择单元和项目图层 → 打开方案库 → 新建或复制方案 → 在地图上选地块，设置方式、用途、容积率 → 看比选表与图表。</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/missing.py" line="44" />
      <source>低效用地再开发</source>
      <translation>低效用地再开发</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="110" />
      <source>地块核查：逐宗核查认定结果，确认、否定或改判</source>
      <translation>地块核查：逐宗核查认定结果，确认、否定或改判</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="123" />
      <source>绘制再开发单元：在地图上绘制或重绘单元范围，吸附到街坊边线</source>
      <translation>绘制再开发单元：在地图上绘制或重绘单元范围，吸附到街坊边线</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="136" />
      <source>实施方案生成：按单元生成实施方案（DOCX/HTML/PDF），可预览</source>
      <translation>实施方案生成：按单元生成实施方案（DOCX/HTML/PDF），可预览</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="149" />
      <source>方案比选：编辑单元的比选方案，按政策逐项核算并并列比较</source>
      <translation>方案比选：编辑单元的比选方案，按政策逐项核算并并列比较</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="157" />
      <source>关于 Lowland</source>
      <translation>关于 Lowland</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="164" />
      <source>使用手册</source>
      <translation>使用手册</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="169" />
      <source>打开 Lowland 使用手册（安装、示例演练、算法与参数、字段标准、规则配置）</source>
      <translation>打开 Lowland 使用手册（安装、示例演练、算法与参数、字段标准、规则配置）</translation>
    </message>
    <message>
      <location filename="../lowland_plugin/plugin.py" line="278" />
      <source>低效用地再开发 Lowland：依据自然资发〔2023〕171号与银川市实施意见，认定低效用地、划定再开发单元、核算政策指标并生成实施方案。</source>
      <translation>低效用地再开发 Lowland：依据自然资发〔2023〕171号与银川市实施意见，认定低效用地、划定再开发单元、核算政策指标并生成实施方案。</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="102" />
      <source>字段映射（标准字段=实际字段; …）</source>
      <translation>字段映射（标准字段=实际字段; …）</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="361" />
      <source>规则档案（内置 {0}，或 JSON 文件路径）</source>
      <translation>规则档案（内置 {0}，或 JSON 文件路径）</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="246" />
      <source>无法读取输入图层 {0}。</source>
      <translation>无法读取输入图层 {0}。</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="50" />
      <source>再开发单元划定与统计</source>
      <translation>再开发单元划定与统计</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="53" />
      <source>单元与街坊</source>
      <translation>单元与街坊</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="233" />
      <source>街坊（街坊划分结果）</source>
      <translation>街坊（街坊划分结果）</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="276" />
      <source>低效用地认定结果（宗地）</source>
      <translation>低效用地认定结果（宗地）</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="59" />
      <source>&lt;p&gt;按“单元+街坊”管控（银川实施意见（三），自然资发〔2023〕171号 第1、3项）把街坊组成再开发单元，并统计每个单元。单元由整街坊组成，单元图形为其街坊的并集；每个街坊、每宗宗地至多属于一个单元。三种划定方式：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;手绘单元：街坊向内缩进吸附容差后完全落在手绘图形内即归入该单元（手绘边线可切入街坊不超过容差）；被两个单元覆盖的街坊归覆盖面积大者；切入街坊超过容差但未覆盖的、没有任何街坊的单元均列入冲突表。单元字段 unit_id、unit_name、phase（near 近期/mid 中期/far 远期）、notes 保留，缺编号时按西北→东南编为 DY01…；&lt;/li&gt;&lt;li&gt;控规单元：街坊归入重叠面积最大的控规单元（同编号的多个图形为一个单元）；跨单元超过容差或不在任何单元内的街坊列入冲突表；&lt;/li&gt;&lt;li&gt;自动划分：相距不超过邻接距离（跨越道路红线）的街坊为相邻街坊；从低效用地面积最大的街坊起，依次并入自身低效占比最高、使单元面积更接近目标面积且单元低效占比不低于最低占比的相邻街坊；低效占比不足的单元不形成。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;宗地按其 block_id 所在街坊归入单元，无 block_id 时按与单元的最大重叠归入；宗地缩进容差后仍跨两个单元的列入冲突表。每个单元统计：面积；低效用地宗数、面积、占比及分类型面积（优先采用核查后的 final_verdict/final_type）；现状建筑面积（gfa 之和）；规划建筑规模（控规地块 far_max × 单元内面积之和）；零星用地（单宗不超过 {0} 亩（含）的低效用地，银川实施意见（七））的宗数和面积；公共设施用地按类别的面积（控规 plan_code，resources/codes/public_facilities.csv）。&lt;/p&gt;</source>
      <translation>&lt;p&gt;按“单元+街坊”管控（银川实施意见（三），自然资发〔2023〕171号 第1、3项）把街坊组成再开发单元，并统计每个单元。单元由整街坊组成，单元图形为其街坊的并集；每个街坊、每宗宗地至多属于一个单元。三种划定方式：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;手绘单元：街坊向内缩进吸附容差后完全落在手绘图形内即归入该单元（手绘边线可切入街坊不超过容差）；被两个单元覆盖的街坊归覆盖面积大者；切入街坊超过容差但未覆盖的、没有任何街坊的单元均列入冲突表。单元字段 unit_id、unit_name、phase（near 近期/mid 中期/far 远期）、notes 保留，缺编号时按西北→东南编为 DY01…；&lt;/li&gt;&lt;li&gt;控规单元：街坊归入重叠面积最大的控规单元（同编号的多个图形为一个单元）；跨单元超过容差或不在任何单元内的街坊列入冲突表；&lt;/li&gt;&lt;li&gt;自动划分：相距不超过邻接距离（跨越道路红线）的街坊为相邻街坊；从低效用地面积最大的街坊起，依次并入自身低效占比最高、使单元面积更接近目标面积且单元低效占比不低于最低占比的相邻街坊；低效占比不足的单元不形成。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;宗地按其 block_id 所在街坊归入单元，无 block_id 时按与单元的最大重叠归入；宗地缩进容差后仍跨两个单元的列入冲突表。每个单元统计：面积；低效用地宗数、面积、占比及分类型面积（优先采用核查后的 final_verdict/final_type）；现状建筑面积（gfa 之和）；规划建筑规模（控规地块 far_max × 单元内面积之和）；零星用地（单宗不超过 {0} 亩（含）的低效用地，银川实施意见（七））的宗数和面积；公共设施用地按类别的面积（控规 plan_code，resources/codes/public_facilities.csv）。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="91" />
      <source>控规地块（plan_code、far_max）</source>
      <translation>控规地块（plan_code、far_max）</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="97" />
      <source>单元划定方式</source>
      <translation>单元划定方式</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="104" />
      <source>手绘单元图层</source>
      <translation>手绘单元图层</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="109" />
      <source>控规单元图层</source>
      <translation>控规单元图层</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="115" />
      <source>控规单元编号字段（默认 unit_id）</source>
      <translation>控规单元编号字段（默认 unit_id）</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="121" />
      <source>吸附容差（米）</source>
      <translation>吸附容差（米）</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="124" />
      <source>自动划分目标面积（公顷）</source>
      <translation>自动划分目标面积（公顷）</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="130" />
      <source>自动划分低效用地最低占比（0–1）</source>
      <translation>自动划分低效用地最低占比（0–1）</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="136" />
      <source>自动划分邻接距离（米，跨越道路）</source>
      <translation>自动划分邻接距离（米，跨越道路）</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="164" />
      <source>街坊（含单元编号）</source>
      <translation>街坊（含单元编号）</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="169" />
      <source>宗地（含单元编号）</source>
      <translation>宗地（含单元编号）</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="172" />
      <source>单元划定冲突表</source>
      <translation>单元划定冲突表</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="225" />
      <source>手绘单元方式需要“手绘单元图层”。</source>
      <translation>手绘单元方式需要“手绘单元图层”。</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="230" />
      <source>控规单元方式需要“控规单元图层”。</source>
      <translation>控规单元方式需要“控规单元图层”。</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="282" />
      <source>单元 {0} 个，含街坊 {1} 个（共 {2} 个），宗地 {3} 宗（共 {4} 宗）。</source>
      <translation>单元 {0} 个，含街坊 {1} 个（共 {2} 个），宗地 {3} 宗（共 {4} 宗）。</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="291" />
      <source>没有形成任何单元。</source>
      <translation>没有形成任何单元。</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="98" />
      <source>手绘单元</source>
      <translation>手绘单元</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="98" />
      <source>控规单元</source>
      <translation>控规单元</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="98" />
      <source>自动划分</source>
      <translation>自动划分</translation>
    </message>
    <message>
      <location filename="../processing/build_units.py" line="294" />
      <source>冲突 {0} 条，见单元划定冲突表：{1}</source>
      <translation>冲突 {0} 条，见单元划定冲突表：{1}</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="37" />
      <source>存量建筑功能转换</source>
      <translation>存量建筑功能转换</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="40" />
      <source>再开发政策核算</source>
      <translation>再开发政策核算</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="46" />
      <source>&lt;p&gt;逐幢（栋）或楼层核查存量建筑功能转换（银川实施意见（十二），自然资发〔2023〕171号 第11项）。逐项核查并列出：原土地使用权人申请（applicant_is_user）、履行出让合同（contract_honoured）、不变更土地使用权人（user_unchanged）、不改动主体结构（structure_changed）、高度和层数（height_changed）、不新增建筑面积（gfa_added 须为 0）、无违法建设（illegal）、无预告登记（advance_notice）、查封登记（seized）、异议登记（objection）、未纳入征收范围（in_expropriation_area）、无人民法院或仲裁机构的不动产物权变动生效文书（court_ruling）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;条件均满足、拟转换功能（new_function，2023 用地用海代码）在规则档案正面清单内（代码或前缀）且转换面积占所在建筑总面积比例（gfa / total_gfa）不超过上限（含等于）→ 视同符合详细规划（eligible_plan_conforming），由自然资源部门联合出具审查意见；&lt;/li&gt;&lt;li&gt;条件均满足但超出正面清单或比例 → 依法办理土地用途变更手续（formal_use_change）；&lt;/li&gt;&lt;li&gt;规则档案的正面清单或比例上限来源未经采用（待定或本地取值，如比例 1.0 的占位值）时，条件均满足的单元记为 standard_pending（标准待定，不作结论），并警告一次；&lt;/li&gt;&lt;li&gt;有条件不满足 → not_eligible，failed_conditions 写明；&lt;/li&gt;&lt;li&gt;条件或核对所需数值为空 → missing，missing_conditions 写明字段，不作推测。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;历史建筑、文保单位及历史文化保护区域内建筑（heritage 为是）另标 heritage_rules：须遵守历史文化遗产保护规定，不影响上述结论；heritage 为空时 heritage_rules 为空并列入 missing_conditions。输入可为表格或建筑图层（保留图形）；输出记录规则档案及版本。&lt;/p&gt;</source>
      <translation>&lt;p&gt;逐幢（栋）或楼层核查存量建筑功能转换（银川实施意见（十二），自然资发〔2023〕171号 第11项）。逐项核查并列出：原土地使用权人申请（applicant_is_user）、履行出让合同（contract_honoured）、不变更土地使用权人（user_unchanged）、不改动主体结构（structure_changed）、高度和层数（height_changed）、不新增建筑面积（gfa_added 须为 0）、无违法建设（illegal）、无预告登记（advance_notice）、查封登记（seized）、异议登记（objection）、未纳入征收范围（in_expropriation_area）、无人民法院或仲裁机构的不动产物权变动生效文书（court_ruling）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;条件均满足、拟转换功能（new_function，2023 用地用海代码）在规则档案正面清单内（代码或前缀）且转换面积占所在建筑总面积比例（gfa / total_gfa）不超过上限（含等于）→ 视同符合详细规划（eligible_plan_conforming），由自然资源部门联合出具审查意见；&lt;/li&gt;&lt;li&gt;条件均满足但超出正面清单或比例 → 依法办理土地用途变更手续（formal_use_change）；&lt;/li&gt;&lt;li&gt;规则档案的正面清单或比例上限来源未经采用（待定或本地取值，如比例 1.0 的占位值）时，条件均满足的单元记为 standard_pending（标准待定，不作结论），并警告一次；&lt;/li&gt;&lt;li&gt;有条件不满足 → not_eligible，failed_conditions 写明；&lt;/li&gt;&lt;li&gt;条件或核对所需数值为空 → missing，missing_conditions 写明字段，不作推测。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;历史建筑、文保单位及历史文化保护区域内建筑（heritage 为是）另标 heritage_rules：须遵守历史文化遗产保护规定，不影响上述结论；heritage 为空时 heritage_rules 为空并列入 missing_conditions。输入可为表格或建筑图层（保留图形）；输出记录规则档案及版本。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="91" />
      <source>功能转换申报表（幢或层）</source>
      <translation>功能转换申报表（幢或层）</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="78" />
      <source>功能转换核查结果</source>
      <translation>功能转换核查结果</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="86" />
      <source>规则档案：{0}（{1}）；正面清单 {2}，比例上限 {3}</source>
      <translation>规则档案：{0}（{1}）；正面清单 {2}，比例上限 {3}</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="95" />
      <source>功能转换申报表没有记录。</source>
      <translation>功能转换申报表没有记录。</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="154" />
      <source>{0} 个申报单元：视同符合详细规划 {1}，办理用途变更 {2}，标准待定 {6}，不符合转换条件 {3}，资料缺失 {4}；须遵守历史文化保护规定 {5}。</source>
      <translation>{0} 个申报单元：视同符合详细规划 {1}，办理用途变更 {2}，标准待定 {6}，不符合转换条件 {3}，资料缺失 {4}；须遵守历史文化保护规定 {5}。</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="106" />
      <source>申报表没有字段 {0}：所有记录按缺失处理。</source>
      <translation>申报表没有字段 {0}：所有记录按缺失处理。</translation>
    </message>
    <message>
      <location filename="../processing/building_conversion.py" line="114" />
      <source>正面清单或比例标准未经采用，符合条件的单元记为 standard_pending：{0}</source>
      <translation>正面清单或比例标准未经采用，符合条件的单元记为 standard_pending：{0}</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="48" />
      <source>开发容量测算</source>
      <translation>开发容量测算</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="57" />
      <source>&lt;p&gt;逐地块测算控规允许的开发容量（可建建筑面积）（银川实施意见（三）（四））。每个地块归属于与其重叠面积最大的控规地块（CONTROLS：far_max 容积率上限、height_max 建筑高度上限、coverage_max 或 density_max 建筑密度上限、plan_id/plan_code/plan_name），取各项已知限制的最小值：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;limit_far_m2 = far_max × 用地面积（投影坐标系平面面积）；&lt;/li&gt;&lt;li&gt;limit_height_m2 = ⌊height_max ÷ 层高⌋ 层 × 建筑密度上限 × 用地面积；层高按用途（new_use_code，否则 use_code，否则控规 plan_code；地块用途与控规 plan_code 不一致（互不为其细类）时以控规为准，取控规用途并在日志与 reasons 中提示）取规则档案 storey_height_m（最长代码前缀，否则 default；本插件默认取值，须经地方确认），或参数 STOREY_HEIGHT（如 3.2，或 07=3.0; 09=4.5，优先于档案）；&lt;/li&gt;&lt;li&gt;capacity_m2 = 最小的已知限制 + handover_bonus_m2（无偿移交公益设施建筑面积按贡献补齐，与容积率核定同一规则：handover_by_category 所列清单内类别 × handover_factor）；binding_limit 为起控制作用的限制（far 或 height），headroom_m2 为它与次一已知限制之差；&lt;/li&gt;&lt;li&gt;公益项目（public_project）在 no_harm_neighbours、no_harm_traffic、no_harm_buildings 均记录为是时不受规划容积率限制：capacity_m2 为空，capped = 否；否则按限制测算。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;无控规地块覆盖或控规字段为空时，该项限制为未知（空，不是 0），reasons 注明原因；控规图层缺少 far_max 字段、建筑密度大于 1（应为 0–1 的比例）或地理坐标系时报错。字段映射 FIELD_MAP 用于控规图层（如 far_max=RJL; height_max=JZGD）。&lt;/p&gt;&lt;p&gt;单元汇总 UNIT_TABLE（可选）：按再开发单元 UNITS（重叠面积最大）或地块的 unit_id 汇总 capacity_m2（受限地块之和，任一未知则为空）、capacity_by_use（分用途）、现状建筑面积 gfa_today_m2（单元图层的 gfa_existing）与余量 headroom_m2 = 开发容量 − 现状建筑面积。&lt;/p&gt;</source>
      <translation>&lt;p&gt;逐地块测算控规允许的开发容量（可建建筑面积）（银川实施意见（三）（四））。每个地块归属于与其重叠面积最大的控规地块（CONTROLS：far_max 容积率上限、height_max 建筑高度上限、coverage_max 或 density_max 建筑密度上限、plan_id/plan_code/plan_name），取各项已知限制的最小值：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;limit_far_m2 = far_max × 用地面积（投影坐标系平面面积）；&lt;/li&gt;&lt;li&gt;limit_height_m2 = ⌊height_max ÷ 层高⌋ 层 × 建筑密度上限 × 用地面积；层高按用途（new_use_code，否则 use_code，否则控规 plan_code；地块用途与控规 plan_code 不一致（互不为其细类）时以控规为准，取控规用途并在日志与 reasons 中提示）取规则档案 storey_height_m（最长代码前缀，否则 default；本插件默认取值，须经地方确认），或参数 STOREY_HEIGHT（如 3.2，或 07=3.0; 09=4.5，优先于档案）；&lt;/li&gt;&lt;li&gt;capacity_m2 = 最小的已知限制 + handover_bonus_m2（无偿移交公益设施建筑面积按贡献补齐，与容积率核定同一规则：handover_by_category 所列清单内类别 × handover_factor）；binding_limit 为起控制作用的限制（far 或 height），headroom_m2 为它与次一已知限制之差；&lt;/li&gt;&lt;li&gt;公益项目（public_project）在 no_harm_neighbours、no_harm_traffic、no_harm_buildings 均记录为是时不受规划容积率限制：capacity_m2 为空，capped = 否；否则按限制测算。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;无控规地块覆盖或控规字段为空时，该项限制为未知（空，不是 0），reasons 注明原因；控规图层缺少 far_max 字段、建筑密度大于 1（应为 0–1 的比例）或地理坐标系时报错。字段映射 FIELD_MAP 用于控规图层（如 far_max=RJL; height_max=JZGD）。&lt;/p&gt;&lt;p&gt;单元汇总 UNIT_TABLE（可选）：按再开发单元 UNITS（重叠面积最大）或地块的 unit_id 汇总 capacity_m2（受限地块之和，任一未知则为空）、capacity_by_use（分用途）、现状建筑面积 gfa_today_m2（单元图层的 gfa_existing）与余量 headroom_m2 = 开发容量 − 现状建筑面积。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="127" />
      <source>地块或项目图层</source>
      <translation>地块或项目图层</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="136" />
      <source>控规地块</source>
      <translation>控规地块</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="87" />
      <source>控规地块（far_max、height_max、建筑密度、plan_code）</source>
      <translation>控规地块（far_max、height_max、建筑密度、plan_code）</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="93" />
      <source>再开发单元（可选）</source>
      <translation>再开发单元（可选）</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="101" />
      <source>层高（米，可选）：如 3.2，或 07=3.0; 09=4.5</source>
      <translation>层高（米，可选）：如 3.2，或 07=3.0; 09=4.5</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="107" />
      <source>开发容量测算结果</source>
      <translation>开发容量测算结果</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="113" />
      <source>单元开发容量汇总</source>
      <translation>单元开发容量汇总</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="194" />
      <source>未给出再开发单元图层，地块也没有 unit_id，未输出单元汇总。</source>
      <translation>未给出再开发单元图层，地块也没有 unit_id，未输出单元汇总。</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="206" />
      <source>容积率控制 {0} 个，高度控制 {1} 个，容量未知 {2} 个，不受限公益项目 {3} 个。</source>
      <translation>容积率控制 {0} 个，高度控制 {1} 个，容量未知 {2} 个，不受限公益项目 {3} 个。</translation>
    </message>
    <message>
      <location filename="../processing/capacity_envelope.py" line="186" />
      <source>再开发单元图层没有 unit_id 字段，未输出单元汇总。</source>
      <translation>再开发单元图层没有 unit_id 字段，未输出单元汇总。</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="48" />
      <source>年度更新对比</source>
      <translation>年度更新对比</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="51" />
      <source>上图入库</source>
      <translation>上图入库</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="57" />
      <source>&lt;p&gt;对比低效用地数据库（或两次认定结果）的两个版本，逐宗列出新增、删除、图形变化（含面积变化）、属性变化（变化字段及旧值→新值）、重新编号与未变化，并按变化类型汇总宗数与面积（银川实施意见（二）建立年度更新机制、自然资发〔2023〕171号 第12项 上图入库）。&lt;/p&gt;&lt;p&gt;1. 匹配：先按编号字段（默认 parcel_id，按文本比较，忽略首尾空格）；编号只在一个版本中出现或为空的要素再按图形匹配：重叠面积同时达到新、旧两个图形面积的“最小重叠比例”（默认 0.9）即为同一宗地，一对一、重叠最大者优先；因此一宗地分割为两半（各 50%）不会被强行匹配，而是报为删除 + 新增。按图形匹配且编号不同的记为重新编号（renumbered = 是）。同一版本内编号重复时拒绝运行并列出重复编号。&lt;/p&gt;&lt;p&gt;2. 图形变化：新旧图形对称差面积大于“图形容差”（默认 0.01 平方米）。area_change_m2 = 新面积 − 旧面积（新增为 +新面积，删除为 −旧面积）。&lt;/p&gt;&lt;p&gt;3. 属性变化：对比字段默认取两个版本共有的全部字段，不含编号字段和易变字段（fid、ogc_fid、objectid、shape_area、shape_length、shape_leng、area_m2、area_mu、ellipsoid_area_m2、reviewed_at、verdict_changed）；在“对比字段”中列出则照样对比。数值按 1e-9 相对误差比较，空值只等于空值，日期按日期比较，文本须完全一致。&lt;/p&gt;&lt;p&gt;输出几何为新版本图形（删除的为旧版本图形），并带该版本的属性；变化类型：added 新增、removed 删除、geometry_and_attributes_changed 图形和属性变化、geometry_changed 图形变化、attributes_changed 属性变化、renumbered 重新编号、unchanged 未变化。两个图层须为投影坐标系（米），新版本重投影到旧版本的坐标系。&lt;/p&gt;</source>
      <translation>&lt;p&gt;对比低效用地数据库（或两次认定结果）的两个版本，逐宗列出新增、删除、图形变化（含面积变化）、属性变化（变化字段及旧值→新值）、重新编号与未变化，并按变化类型汇总宗数与面积（银川实施意见（二）建立年度更新机制、自然资发〔2023〕171号 第12项 上图入库）。&lt;/p&gt;&lt;p&gt;1. 匹配：先按编号字段（默认 parcel_id，按文本比较，忽略首尾空格）；编号只在一个版本中出现或为空的要素再按图形匹配：重叠面积同时达到新、旧两个图形面积的“最小重叠比例”（默认 0.9）即为同一宗地，一对一、重叠最大者优先；因此一宗地分割为两半（各 50%）不会被强行匹配，而是报为删除 + 新增。按图形匹配且编号不同的记为重新编号（renumbered = 是）。同一版本内编号重复时拒绝运行并列出重复编号。&lt;/p&gt;&lt;p&gt;2. 图形变化：新旧图形对称差面积大于“图形容差”（默认 0.01 平方米）。area_change_m2 = 新面积 − 旧面积（新增为 +新面积，删除为 −旧面积）。&lt;/p&gt;&lt;p&gt;3. 属性变化：对比字段默认取两个版本共有的全部字段，不含编号字段和易变字段（fid、ogc_fid、objectid、shape_area、shape_length、shape_leng、area_m2、area_mu、ellipsoid_area_m2、reviewed_at、verdict_changed）；在“对比字段”中列出则照样对比。数值按 1e-9 相对误差比较，空值只等于空值，日期按日期比较，文本须完全一致。&lt;/p&gt;&lt;p&gt;输出几何为新版本图形（删除的为旧版本图形），并带该版本的属性；变化类型：added 新增、removed 删除、geometry_and_attributes_changed 图形和属性变化、geometry_changed 图形变化、attributes_changed 属性变化、renumbered 重新编号、unchanged 未变化。两个图层须为投影坐标系（米），新版本重投影到旧版本的坐标系。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="146" />
      <source>旧版本</source>
      <translation>旧版本</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="199" />
      <source>变化汇总（宗数，其中重新编号，面积变化 平方米）：</source>
      <translation>变化汇总（宗数，其中重新编号，面积变化 平方米）：</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="81" />
      <source>旧版本（上一年度）</source>
      <translation>旧版本（上一年度）</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="84" />
      <source>新版本（本年度）</source>
      <translation>新版本（本年度）</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="89" />
      <source>编号字段（默认 parcel_id）</source>
      <translation>编号字段（默认 parcel_id）</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="98" />
      <source>对比字段（默认：两个版本共有的字段，易变字段除外）</source>
      <translation>对比字段（默认：两个版本共有的字段，易变字段除外）</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="107" />
      <source>图形匹配的最小重叠比例（占新、旧两个图形面积）</source>
      <translation>图形匹配的最小重叠比例（占新、旧两个图形面积）</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="117" />
      <source>图形容差（对称差面积，平方米）</source>
      <translation>图形容差（对称差面积，平方米）</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="125" />
      <source>年度更新对比结果</source>
      <translation>年度更新对比结果</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="131" />
      <source>变化汇总表</source>
      <translation>变化汇总表</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="152" />
      <source>旧版本 {0} 个要素，新版本 {1} 个要素；编号字段 {2}。</source>
      <translation>旧版本 {0} 个要素，新版本 {1} 个要素；编号字段 {2}。</translation>
    </message>
    <message>
      <location filename="../processing/compare_versions.py" line="169" />
      <source>对比字段：{0}</source>
      <translation>对比字段：{0}</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="44" />
      <source>街坊划分</source>
      <translation>街坊划分</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="53" />
      <source>&lt;p&gt;按道路红线划分街坊，为“单元+街坊”管控（银川实施意见（三），自然资发〔2023〕171号 第1、3项）提供街坊底图，并把宗地归入街坊。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;道路用地 = 道路中心线按红线宽度一半作平头缓冲（不向路端延伸）；宽度取宽度字段，为空时按道路等级（快速路/主干路/次干路/支路，或 expressway/arterial/secondary/branch）取 resources/codes/road_widths.csv 的默认宽度（GB 50220-95），并在日志中列出这些道路；既无宽度又无可识别等级的道路报错。&lt;/li&gt;&lt;li&gt;街坊 = 范围减去道路用地后的各个部分。道路端点在容差内接近另一道路端点、另一道路的红线（画到相交道路红线处、画入红线或略短于红线）或范围边界的，先连接到其中心线或边界；冲出不超过容差的截除；尽端路只切入街坊，不把街坊分开（会分开时从尽端截短，并列出道路）。&lt;/li&gt;&lt;li&gt;面积小于最小面积或等效宽度（同面积同周长矩形的短边）小于最小宽度的碎片（如双幅路中间的分隔带、环岛中心岛、范围切出的边角）不作为街坊，输出到“剔除的碎片”并注明面积和原因。&lt;/li&gt;&lt;li&gt;街坊编号 JF001…按自北向南分行、每行自西向东排列，名称 街坊001…；街坊互不重叠，街坊 + 道路用地 + 剔除碎片的面积等于范围面积（每次运行都核对）。&lt;/li&gt;&lt;li&gt;宗地归入重叠面积最大的街坊，并给出位于道路用地、剔除碎片和范围以外的面积。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;各图层须使用以米为单位的投影坐标系（以范围图层的坐标系计算，其他图层自动转换）。&lt;/p&gt;</source>
      <translation>&lt;p&gt;按道路红线划分街坊，为“单元+街坊”管控（银川实施意见（三），自然资发〔2023〕171号 第1、3项）提供街坊底图，并把宗地归入街坊。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;道路用地 = 道路中心线按红线宽度一半作平头缓冲（不向路端延伸）；宽度取宽度字段，为空时按道路等级（快速路/主干路/次干路/支路，或 expressway/arterial/secondary/branch）取 resources/codes/road_widths.csv 的默认宽度（GB 50220-95），并在日志中列出这些道路；既无宽度又无可识别等级的道路报错。&lt;/li&gt;&lt;li&gt;街坊 = 范围减去道路用地后的各个部分。道路端点在容差内接近另一道路端点、另一道路的红线（画到相交道路红线处、画入红线或略短于红线）或范围边界的，先连接到其中心线或边界；冲出不超过容差的截除；尽端路只切入街坊，不把街坊分开（会分开时从尽端截短，并列出道路）。&lt;/li&gt;&lt;li&gt;面积小于最小面积或等效宽度（同面积同周长矩形的短边）小于最小宽度的碎片（如双幅路中间的分隔带、环岛中心岛、范围切出的边角）不作为街坊，输出到“剔除的碎片”并注明面积和原因。&lt;/li&gt;&lt;li&gt;街坊编号 JF001…按自北向南分行、每行自西向东排列，名称 街坊001…；街坊互不重叠，街坊 + 道路用地 + 剔除碎片的面积等于范围面积（每次运行都核对）。&lt;/li&gt;&lt;li&gt;宗地归入重叠面积最大的街坊，并给出位于道路用地、剔除碎片和范围以外的面积。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;各图层须使用以米为单位的投影坐标系（以范围图层的坐标系计算，其他图层自动转换）。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="147" />
      <source>范围图层</source>
      <translation>范围图层</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="75" />
      <source>道路中心线图层</source>
      <translation>道路中心线图层</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="81" />
      <source>红线宽度字段（米）</source>
      <translation>红线宽度字段（米）</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="91" />
      <source>道路等级字段</source>
      <translation>道路等级字段</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="107" />
      <source>街坊最小面积（平方米）</source>
      <translation>街坊最小面积（平方米）</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="108" />
      <source>街坊最小等效宽度（米）</source>
      <translation>街坊最小等效宽度（米）</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="109" />
      <source>端点连接容差（米）</source>
      <translation>端点连接容差（米）</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="126" />
      <source>道路用地</source>
      <translation>道路用地</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="127" />
      <source>剔除的碎片</source>
      <translation>剔除的碎片</translation>
    </message>
    <message>
      <location filename="../processing/delineate_blocks.py" line="128" />
      <source>宗地（含所属街坊）</source>
      <translation>宗地（含所属街坊）</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="48" />
      <source>方案评估比选</source>
      <translation>方案评估比选</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="57" />
      <source>&lt;p&gt;把一个再开发单元的多个方案（方案库的 scenarios 表与 scenario_projects 图层）逐一用现有核算检验并并列比较：容积率核定（银川实施意见（四））、零星用地（（七），提供零星用地图层时）、混合用地（（十））、用途转换路径（（十一））、补缴地价（（十四）（十五），自然资发〔2023〕171号 第9项）、按再开发方式的资金平衡（（三），提供单元统计时）与开发容量（提供控规图层时）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;比选表每个指标一行、每个方案一列（列名为方案编号）：规划总建筑面积、综合容积率、无偿移交面积、开发容量及使用率与余量、盘活用地面积（收储、原权利人改造、联合的项目用地；保留不计）、补缴地价、资金收入、支出与平衡（万元）、未通过核查项数；best 列出该行最优的方案（并列的都列出，未知值不参与）。资金缺口在日志中提示（实施方案应说明资金平衡方案，（三）），不计为未通过核查。无法计算的值为空（未知），不作 0。&lt;/li&gt;&lt;li&gt;提供低效地块图层（identifyparcels 或 buildunits 的地块输出）时，收储的补偿与拆除按本单元低效地块的现状建筑面积计，与实施方案第八章的资金平衡一致；不提供则按单元现状总建筑面积估算（日志提示）。&lt;/li&gt;&lt;li&gt;未通过核查表逐条列出方案、核查、条款、项目与核查自身的理由。&lt;/li&gt;&lt;li&gt;零星用地与功能分区按 project_id 归属项目；带 scenario_id 字段时只用于该方案（空值为各方案共用）。单元编号 UNIT 为空时比较所有单元。&lt;/li&gt;&lt;/ul&gt;</source>
      <translation>&lt;p&gt;把一个再开发单元的多个方案（方案库的 scenarios 表与 scenario_projects 图层）逐一用现有核算检验并并列比较：容积率核定（银川实施意见（四））、零星用地（（七），提供零星用地图层时）、混合用地（（十））、用途转换路径（（十一））、补缴地价（（十四）（十五），自然资发〔2023〕171号 第9项）、按再开发方式的资金平衡（（三），提供单元统计时）与开发容量（提供控规图层时）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;比选表每个指标一行、每个方案一列（列名为方案编号）：规划总建筑面积、综合容积率、无偿移交面积、开发容量及使用率与余量、盘活用地面积（收储、原权利人改造、联合的项目用地；保留不计）、补缴地价、资金收入、支出与平衡（万元）、未通过核查项数；best 列出该行最优的方案（并列的都列出，未知值不参与）。资金缺口在日志中提示（实施方案应说明资金平衡方案，（三）），不计为未通过核查。无法计算的值为空（未知），不作 0。&lt;/li&gt;&lt;li&gt;提供低效地块图层（identifyparcels 或 buildunits 的地块输出）时，收储的补偿与拆除按本单元低效地块的现状建筑面积计，与实施方案第八章的资金平衡一致；不提供则按单元现状总建筑面积估算（日志提示）。&lt;/li&gt;&lt;li&gt;未通过核查表逐条列出方案、核查、条款、项目与核查自身的理由。&lt;/li&gt;&lt;li&gt;零星用地与功能分区按 project_id 归属项目；带 scenario_id 字段时只用于该方案（空值为各方案共用）。单元编号 UNIT 为空时比较所有单元。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="140" />
      <source>方案项目图层</source>
      <translation>方案项目图层</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="142" />
      <source>零星用地图层</source>
      <translation>零星用地图层</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="144" />
      <source>功能分区图层</source>
      <translation>功能分区图层</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="79" />
      <source>方案表</source>
      <translation>方案表</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="89" />
      <source>控规图层（开发容量）</source>
      <translation>控规图层（开发容量）</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="90" />
      <source>再开发单元图层（资金平衡用单元统计）</source>
      <translation>再开发单元图层（资金平衡用单元统计）</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="91" />
      <source>低效地块图层（补偿按其现状建筑面积，同实施方案第八章）</source>
      <translation>低效地块图层（补偿按其现状建筑面积，同实施方案第八章）</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="98" />
      <source>单元编号（空：所有单元）</source>
      <translation>单元编号（空：所有单元）</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="104" />
      <source>方案比选表</source>
      <translation>方案比选表</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="110" />
      <source>未通过核查表</source>
      <translation>未通过核查表</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="118" />
      <source>比选表（XLSX）</source>
      <translation>比选表（XLSX）</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="118" />
      <source>Excel (*.xlsx)</source>
      <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="154" />
      <source>方案表没有方案。</source>
      <translation>方案表没有方案。</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="191" />
      <source>单元 {0}：比较 {1} 个方案。</source>
      <translation>单元 {0}：比较 {1} 个方案。</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="200" />
      <source>方案 {0}：{1} 项未通过核查。</source>
      <translation>方案 {0}：{1} 项未通过核查。</translation>
    </message>
    <message>
      <location filename="../processing/evaluate_scenarios.py" line="198" />
      <source>方案 {0}：各项核查均通过。</source>
      <translation>方案 {0}：各项核查均通过。</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="97" />
      <source>上图入库成果导出与质检</source>
      <translation>上图入库成果导出与质检</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="106" />
      <source>&lt;p&gt;把低效用地认定成果按字段标准导出为上图入库数据库，并作质检（银川实施意见（二）Y-2、自然资发〔2023〕171号 第12项 N-12：以三调及最新变更调查为底图，低效用地上图入库、年度更新）。&lt;/p&gt;&lt;p&gt;导出：最终结论（核查后结论，未核查取计算结论）为低效用地的宗地；取消“仅导出低效用地”则导出全部宗地，以 SFDX 是/否区分。字段标准为资源文件 resources/standards/lowland_db_v1.csv（拼音缩写字段名 TBBH、XZQDM、ZDDM、SFDX、DXLX、XZDL、XZYT、GHYT、PZYT、CYLX、RJL、JZMD、DJRKSJ、MJ、MJM、TQMJ、HCZT、RDYJ、RKSJ 等，带中文别名）。Y-2 要求的使用状况 SYZK（闲置/停产/空置/在用，由是否闲置、是否正常生产经营与宗地内建筑判断，未知为空）、改造开发潜力 KFQL = max(规划容积率 GHRJL − 容积率, 0) × 面积（规划容积率未知时为空，不记为 0）、历史遗留用地类别 LSYLLB 与面积（可选输入 LEGACY：lowland:legacyland 的输出，按宗地编号匹配；未给出时为空）。图斑编号 TBBH = 6 位行政区代码 + 6 位顺序号（按宗地编号排序）；面积 MJ 保留 2 位小数(平方米)、MJM 保留 4 位小数(亩)，四舍五入。格式为 GeoPackage 或 Shapefile（.cpg 写明 UTF-8 或 GBK，字段名不超过 10 个字符）。&lt;/p&gt;&lt;p&gt;质检（只报告，不修改）：必填字段、值域（代码须在代码表中）、字段长度与字符编码、编号重复、图斑编号格式、几何无效/自相交、多部件（警告）、碎片图斑、图斑重叠、非建设用地、与三调的一致性（现状地类、面积差在容差内；含三调非建设用地为警告）、面积不自洽、使用状况与建筑不一致、改造开发潜力不自洽、历史遗留用地面积不自洽。输出质检错误图层（含几何）与 HTML 质检报告；有错误即不通过（QC_PASSED = false），可选择不通过时使算法失败。字段值超出 Shapefile 字段宽度或编码时不写出 Shapefile，绝不截断。&lt;/p&gt;</source>
      <translation>&lt;p&gt;把低效用地认定成果按字段标准导出为上图入库数据库，并作质检（银川实施意见（二）Y-2、自然资发〔2023〕171号 第12项 N-12：以三调及最新变更调查为底图，低效用地上图入库、年度更新）。&lt;/p&gt;&lt;p&gt;导出：最终结论（核查后结论，未核查取计算结论）为低效用地的宗地；取消“仅导出低效用地”则导出全部宗地，以 SFDX 是/否区分。字段标准为资源文件 resources/standards/lowland_db_v1.csv（拼音缩写字段名 TBBH、XZQDM、ZDDM、SFDX、DXLX、XZDL、XZYT、GHYT、PZYT、CYLX、RJL、JZMD、DJRKSJ、MJ、MJM、TQMJ、HCZT、RDYJ、RKSJ 等，带中文别名）。Y-2 要求的使用状况 SYZK（闲置/停产/空置/在用，由是否闲置、是否正常生产经营与宗地内建筑判断，未知为空）、改造开发潜力 KFQL = max(规划容积率 GHRJL − 容积率, 0) × 面积（规划容积率未知时为空，不记为 0）、历史遗留用地类别 LSYLLB 与面积（可选输入 LEGACY：lowland:legacyland 的输出，按宗地编号匹配；未给出时为空）。图斑编号 TBBH = 6 位行政区代码 + 6 位顺序号（按宗地编号排序）；面积 MJ 保留 2 位小数(平方米)、MJM 保留 4 位小数(亩)，四舍五入。格式为 GeoPackage 或 Shapefile（.cpg 写明 UTF-8 或 GBK，字段名不超过 10 个字符）。&lt;/p&gt;&lt;p&gt;质检（只报告，不修改）：必填字段、值域（代码须在代码表中）、字段长度与字符编码、编号重复、图斑编号格式、几何无效/自相交、多部件（警告）、碎片图斑、图斑重叠、非建设用地、与三调的一致性（现状地类、面积差在容差内；含三调非建设用地为警告）、面积不自洽、使用状况与建筑不一致、改造开发潜力不自洽、历史遗留用地面积不自洽。输出质检错误图层（含几何）与 HTML 质检报告；有错误即不通过（QC_PASSED = false），可选择不通过时使算法失败。字段值超出 Shapefile 字段宽度或编码时不写出 Shapefile，绝不截断。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="172" />
      <source>碎片图斑面积阈值（平方米）</source>
      <translation>碎片图斑面积阈值（平方米）</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="253" />
      <source>低效用地认定成果</source>
      <translation>低效用地认定成果</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="474" />
      <source>质检结果（规则、数量、结论）：</source>
      <translation>质检结果（规则、数量、结论）：</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="476" />
      <source>通过</source>
      <translation>通过</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="477" />
      <source>不通过</source>
      <translation>不通过</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="478" />
      <source>警告</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="479" />
      <source>未检查</source>
      <translation>未检查</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="129" />
      <source>低效用地认定成果（lowland:identifyparcels 输出）</source>
      <translation>低效用地认定成果（lowland:identifyparcels 输出）</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="134" />
      <source>三调图斑图层（一致性检查）</source>
      <translation>三调图斑图层（一致性检查）</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="140" />
      <source>历史遗留用地认定结果（lowland:legacyland 输出，按宗地编号匹配）</source>
      <translation>历史遗留用地认定结果（lowland:legacyland 输出，按宗地编号匹配）</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="148" />
      <source>行政区代码（6 位；留空则取输入的 admin_code 字段）</source>
      <translation>行政区代码（6 位；留空则取输入的 admin_code 字段）</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="154" />
      <source>仅导出低效用地</source>
      <translation>仅导出低效用地</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="159" />
      <source>输出格式</source>
      <translation>输出格式</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="165" />
      <source>Shapefile 字符编码</source>
      <translation>Shapefile 字符编码</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="181" />
      <source>与三调面积差容差（相对值，0.001 = 0.1%）</source>
      <translation>与三调面积差容差（相对值，0.001 = 0.1%）</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="191" />
      <source>字段标准（内置 lowland_db_v1，或 CSV 文件路径）</source>
      <translation>字段标准（内置 lowland_db_v1，或 CSV 文件路径）</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="196" />
      <source>入库时间（默认今天）</source>
      <translation>入库时间（默认今天）</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="201" />
      <source>质检不通过时算法失败</source>
      <translation>质检不通过时算法失败</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="210" />
      <source>上图入库数据库</source>
      <translation>上图入库数据库</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="211" />
      <source>GeoPackage (*.gpkg);;ESRI Shapefile (*.shp)</source>
      <translation>GeoPackage (*.gpkg);;ESRI Shapefile (*.shp)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="216" />
      <source>质检错误图层</source>
      <translation>质检错误图层</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="221" />
      <source>质检报告（HTML）</source>
      <translation>质检报告（HTML）</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="221" />
      <source>HTML (*.html)</source>
      <translation>HTML (*.html)</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="224" />
      <source>质检通过</source>
      <translation>质检通过</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="225" />
      <source>错误数</source>
      <translation>错误数</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="226" />
      <source>警告数</source>
      <translation>警告数</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="265" />
      <source>国土变更调查图斑图层（最新年度，三调口径）</source>
      <translation>国土变更调查图斑图层（最新年度，三调口径）</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="273" />
      <source>未提供三调图层：与三调一致性的规则未检查（报告中注明）。</source>
      <translation>未提供三调图层：与三调一致性的规则未检查（报告中注明）。</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="283" />
      <source>未提供历史遗留用地认定结果（LEGACY）：历史遗留用地类别与面积为空。</source>
      <translation>未提供历史遗留用地认定结果（LEGACY）：历史遗留用地类别与面积为空。</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="297" />
      <source>没有最终结论为低效用地的宗地：数据库为空。</source>
      <translation>没有最终结论为低效用地的宗地：数据库为空。</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="379" />
      <source>请指定上图入库数据库的输出文件。</source>
      <translation>请指定上图入库数据库的输出文件。</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="292" />
      <source>导出 {0} 条记录（输入 {1} 宗），字段标准 {2}。</source>
      <translation>导出 {0} 条记录（输入 {1} 宗），字段标准 {2}。</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="314" />
      <source>有 {0} 个值超出 Shapefile 字段宽度或无法以 {1} 编码，未写出 Shapefile（不截断）；请修正后重新导出，或导出为 GeoPackage。</source>
      <translation>有 {0} 个值超出 Shapefile 字段宽度或无法以 {1} 编码，未写出 Shapefile（不截断）；请修正后重新导出，或导出为 GeoPackage。</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="322" />
      <source>数据库已写出：{0}</source>
      <translation>数据库已写出：{0}</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="347" />
      <source>质检通过（警告 {0} 处）。</source>
      <translation>质检通过（警告 {0} 处）。</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="350" />
      <source>质检不通过：错误 {0} 处，警告 {1} 处，详见质检报告与错误图层。</source>
      <translation>质检不通过：错误 {0} 处，警告 {1} 处，详见质检报告与错误图层。</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="287" />
      <source>{0} 条记录的宗地编号不在历史遗留用地认定结果中：其历史遗留用地类别与面积为空。</source>
      <translation>{0} 条记录的宗地编号不在历史遗留用地认定结果中：其历史遗留用地类别与面积为空。</translation>
    </message>
    <message>
      <location filename="../processing/export_database.py" line="357" />
      <source>质检不通过：错误 {0} 处（报告：{1}）。</source>
      <translation>质检不通过：错误 {0} 处（报告：{1}）。</translation>
    </message>
    <message>
      <location filename="../processing/far_check.py" line="18" />
      <source>容积率核定</source>
      <translation>容积率核定</translation>
    </message>
    <message>
      <location filename="../processing/far_check.py" line="27" />
      <source>&lt;p&gt;逐项目核定计容建筑面积是否在允许范围内（银川实施意见（四），自然资发〔2023〕171号 第1项）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;计容建筑面积 gfa_counted = 拟建总建筑面积 gfa_proposed − 加装电梯、楼梯、公共走廊、无障碍、保温等附属设施面积 gfa_addon：仅在既有住宅上（existing_housing = 是）不计容，否则计入并在 reasons 中说明；&lt;/li&gt;&lt;li&gt;允许建筑面积 gfa_allowed = 规划容积率上限 far_max × 项目用地面积 area_m2（投影坐标系平面面积）+ 补齐面积 gfa_compensated：无偿移交面积 gfa_handover 中，handover_by_category（JSON {{类别: 平方米}}）所列、且在规则档案 handover_categories 清单内的类别，× handover_factor（规则档案，注明来源）；清单外的类别（原文为“等”）列出但不补齐，类别未填写的不补齐（“类别未填写，未补齐”），并警告；各类之和须等于 gfa_handover；&lt;/li&gt;&lt;li&gt;gfa_margin = gfa_allowed − gfa_counted；far_pass：计容面积不超过允许面积即通过（相等通过）；&lt;/li&gt;&lt;li&gt;公益项目（public_project：市政基础设施、公共服务设施、公共安全设施）仅当 no_harm_neighbours、no_harm_traffic、no_harm_buildings（不影响周边居住环境、交通出行及既有建筑安全）均记录为是时不受规划容积率限制，其中商业开发类经营性部分 gfa_commercial 仍按规划容积率核定；任一为否按规划容积率核定；未记录的不作检验（reasons 中 met 为空），超出规划容积率时 far_pass 为空。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;gfa_addon、gfa_handover 为空按 0 计；非公益项目 far_max 为空、gfa_proposed 为空或按类别面积不符时报错并列出项目。reasons 字段以 JSON 列出条款、数值、阈值、是否满足与规则档案来源；使用待定或本地取值时运行警告一次。&lt;/p&gt;</source>
      <translation>&lt;p&gt;逐项目核定计容建筑面积是否在允许范围内（银川实施意见（四），自然资发〔2023〕171号 第1项）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;计容建筑面积 gfa_counted = 拟建总建筑面积 gfa_proposed − 加装电梯、楼梯、公共走廊、无障碍、保温等附属设施面积 gfa_addon：仅在既有住宅上（existing_housing = 是）不计容，否则计入并在 reasons 中说明；&lt;/li&gt;&lt;li&gt;允许建筑面积 gfa_allowed = 规划容积率上限 far_max × 项目用地面积 area_m2（投影坐标系平面面积）+ 补齐面积 gfa_compensated：无偿移交面积 gfa_handover 中，handover_by_category（JSON {{类别: 平方米}}）所列、且在规则档案 handover_categories 清单内的类别，× handover_factor（规则档案，注明来源）；清单外的类别（原文为“等”）列出但不补齐，类别未填写的不补齐（“类别未填写，未补齐”），并警告；各类之和须等于 gfa_handover；&lt;/li&gt;&lt;li&gt;gfa_margin = gfa_allowed − gfa_counted；far_pass：计容面积不超过允许面积即通过（相等通过）；&lt;/li&gt;&lt;li&gt;公益项目（public_project：市政基础设施、公共服务设施、公共安全设施）仅当 no_harm_neighbours、no_harm_traffic、no_harm_buildings（不影响周边居住环境、交通出行及既有建筑安全）均记录为是时不受规划容积率限制，其中商业开发类经营性部分 gfa_commercial 仍按规划容积率核定；任一为否按规划容积率核定；未记录的不作检验（reasons 中 met 为空），超出规划容积率时 far_pass 为空。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;gfa_addon、gfa_handover 为空按 0 计；非公益项目 far_max 为空、gfa_proposed 为空或按类别面积不符时报错并列出项目。reasons 字段以 JSON 列出条款、数值、阈值、是否满足与规则档案来源；使用待定或本地取值时运行警告一次。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/far_check.py" line="48" />
      <source>容积率核定结果</source>
      <translation>容积率核定结果</translation>
    </message>
    <message>
      <location filename="../processing/far_check.py" line="62" />
      <source>容积率核定通过（含公益项目）{0} 个项目。</source>
      <translation>容积率核定通过（含公益项目）{0} 个项目。</translation>
    </message>
    <message>
      <location filename="../processing/far_check.py" line="63" />
      <source>{0} 个项目计容建筑面积超出允许面积：{1}</source>
      <translation>{0} 个项目计容建筑面积超出允许面积：{1}</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="121" />
      <source>生成实施方案</source>
      <translation>生成实施方案</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="130" />
      <source>&lt;p&gt;为每个再开发单元生成实施方案（银川实施意见（三），自然资发〔2023〕171号 第1、3、5项）：DOCX、HTML 和 PDF，写入输出文件夹（文件名如 DY01_实施方案.docx）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;内容：单元概况（面积、时序、街坊、低效用地分类型面积）；低效用地清单及认定理由；历史遗留用地处置方式（Y-9）；项目容积率核定（Y-4）、混合用地用途比例（Y-10）、零星用地（Y-7）、补缴地价与缴款计划（Y-14、Y-15）——数值由与各核算算法相同的函数计算；资金平衡：支出（征收补偿、拆除、基础设施、公共服务设施）与收入（补缴地价、转移建筑面积），收支差额及近期/中期/远期分期表；公共服务设施配置；所依据的政策条款；单元图。&lt;/li&gt;&lt;li&gt;资金平衡单价取自规则档案的 funding 部分；内置档案中为示例值，须由城市按本地标准设定。&lt;/li&gt;&lt;li&gt;项目按其 unit_id 归入单元，无 unit_id 时归入重叠面积最大的单元。零星用地与功能分区图层未指定时，从项目图层所在 GeoPackage 的 pieces、zones 图层读取。&lt;/li&gt;&lt;li&gt;模板为 Jinja2（沙箱运行、HTML 自动转义、未定义变量报错；每份文档渲染限时 60 秒、输出不超过 2000 万字符，只能引用模板所在文件夹中的文件）；模板有错时给出文件、行号和错误，不写出任何文件。取消或出错时本次运行的文件全部不保留。&lt;/li&gt;&lt;li&gt;给出方案库（方案比选面板或 lowland:evaluatescenarios 所用的 GeoPackage）时，文档增加「十、方案比选」一章：各方案指标对比表（最优值标 ★）、未通过的核查及条款、比选图表，并写明按选定方案编制；数值与方案比选面板相同。单元有选定方案时，规划方案、资金平衡等各章按选定方案的项目核算（不再按项目图层）。给出控规图层时，比选表的开发容量、容量使用率与容量余量按其测算（与 lowland:capacityenvelope 相同），否则为未知。&lt;/li&gt;&lt;li&gt;单元图与审查图集（A3）由打印模板导出；无法导出时文档中注明“图件待生成”。&lt;/li&gt;&lt;li&gt;文件名取自单元编号：两个单元编号得到同一文件名时拒绝运行；过长的编号截短并加哈希后缀。输出文件夹中已有同名文件时，除非勾选“覆盖已有文件”，否则拒绝运行、不写任何文件。&lt;/li&gt;&lt;/ul&gt;</source>
      <translation>&lt;p&gt;为每个再开发单元生成实施方案（银川实施意见（三），自然资发〔2023〕171号 第1、3、5项）：DOCX、HTML 和 PDF，写入输出文件夹（文件名如 DY01_实施方案.docx）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;内容：单元概况（面积、时序、街坊、低效用地分类型面积）；低效用地清单及认定理由；历史遗留用地处置方式（Y-9）；项目容积率核定（Y-4）、混合用地用途比例（Y-10）、零星用地（Y-7）、补缴地价与缴款计划（Y-14、Y-15）——数值由与各核算算法相同的函数计算；资金平衡：支出（征收补偿、拆除、基础设施、公共服务设施）与收入（补缴地价、转移建筑面积），收支差额及近期/中期/远期分期表；公共服务设施配置；所依据的政策条款；单元图。&lt;/li&gt;&lt;li&gt;资金平衡单价取自规则档案的 funding 部分；内置档案中为示例值，须由城市按本地标准设定。&lt;/li&gt;&lt;li&gt;项目按其 unit_id 归入单元，无 unit_id 时归入重叠面积最大的单元。零星用地与功能分区图层未指定时，从项目图层所在 GeoPackage 的 pieces、zones 图层读取。&lt;/li&gt;&lt;li&gt;模板为 Jinja2（沙箱运行、HTML 自动转义、未定义变量报错；每份文档渲染限时 60 秒、输出不超过 2000 万字符，只能引用模板所在文件夹中的文件）；模板有错时给出文件、行号和错误，不写出任何文件。取消或出错时本次运行的文件全部不保留。&lt;/li&gt;&lt;li&gt;给出方案库（方案比选面板或 lowland:evaluatescenarios 所用的 GeoPackage）时，文档增加「十、方案比选」一章：各方案指标对比表（最优值标 ★）、未通过的核查及条款、比选图表，并写明按选定方案编制；数值与方案比选面板相同。单元有选定方案时，规划方案、资金平衡等各章按选定方案的项目核算（不再按项目图层）。给出控规图层时，比选表的开发容量、容量使用率与容量余量按其测算（与 lowland:capacityenvelope 相同），否则为未知。&lt;/li&gt;&lt;li&gt;单元图与审查图集（A3）由打印模板导出；无法导出时文档中注明“图件待生成”。&lt;/li&gt;&lt;li&gt;文件名取自单元编号：两个单元编号得到同一文件名时拒绝运行；过长的编号截短并加哈希后缀。输出文件夹中已有同名文件时，除非勾选“覆盖已有文件”，否则拒绝运行、不写任何文件。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="158" />
      <source>再开发单元（单元划定结果）</source>
      <translation>再开发单元（单元划定结果）</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="162" />
      <source>宗地（含单元编号的认定结果）</source>
      <translation>宗地（含单元编号的认定结果）</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="164" />
      <source>零星用地地块图层</source>
      <translation>零星用地地块图层</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="166" />
      <source>历史遗留用地认定结果</source>
      <translation>历史遗留用地认定结果</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="174" />
      <source>方案库（方案比选 GeoPackage，可选：文档增加方案比选一章）</source>
      <translation>方案库（方案比选 GeoPackage，可选：文档增加方案比选一章）</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="182" />
      <source>控规图层（可选：方案比选一章的开发容量）</source>
      <translation>控规图层（可选：方案比选一章的开发容量）</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="189" />
      <source>单元编号（逗号分隔，留空为全部）</source>
      <translation>单元编号（逗号分隔，留空为全部）</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="195" />
      <source>DOCX 模板（留空用内置模板）</source>
      <translation>DOCX 模板（留空用内置模板）</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="203" />
      <source>HTML 模板（留空用内置模板）</source>
      <translation>HTML 模板（留空用内置模板）</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="211" />
      <source>编制单位（印在封面，留空为待填写）</source>
      <translation>编制单位（印在封面，留空为待填写）</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="225" />
      <source>导出单元图与审查图集</source>
      <translation>导出单元图与审查图集</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="233" />
      <source>覆盖已有文件</source>
      <translation>覆盖已有文件</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="239" />
      <source>生成的文件清单</source>
      <translation>生成的文件清单</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="601" />
      <source>方案 {0} 的项目</source>
      <translation>方案 {0} 的项目</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="204" />
      <source>HTML 模板 (*.html *.htm *.j2)</source>
      <translation>HTML 模板 (*.html *.htm *.j2)</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="265" />
      <source>请至少选择一种输出格式（DOCX、HTML 或 PDF）。</source>
      <translation>请至少选择一种输出格式（DOCX、HTML 或 PDF）。</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="318" />
      <source>单元图层缺少 unit_id 字段（请使用“再开发单元划定与统计”的结果）。</source>
      <translation>单元图层缺少 unit_id 字段（请使用“再开发单元划定与统计”的结果）。</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="305" />
      <source>从项目图层所在 GeoPackage 读取 {0} 图层：{1}</source>
      <translation>从项目图层所在 GeoPackage 读取 {0} 图层：{1}</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="406" />
      <source>已为 {0} 个单元生成 {1} 个文件：{2}</source>
      <translation>已为 {0} 个单元生成 {1} 个文件：{2}</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="553" />
      <source>单元 {0} 的实施方案已生成。</source>
      <translation>单元 {0} 的实施方案已生成。</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="565" />
      <source>方案库：{0}（{1} 个方案）</source>
      <translation>方案库：{0}（{1} 个方案）</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="605" />
      <source>单元 {0} 的实施方案按选定方案 {1} 编制。</source>
      <translation>单元 {0} 的实施方案按选定方案 {1} 编制。</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="279" />
      <source>单元 {0} 不在单元图层中；现有单元：{1}</source>
      <translation>单元 {0} 不在单元图层中；现有单元：{1}</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="453" />
      <source>将覆盖已有文件：{0}</source>
      <translation>将覆盖已有文件：{0}</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="255" />
      <source>输出格式 {0} 无效，可用 docx、html、pdf。</source>
      <translation>输出格式 {0} 无效，可用 docx、html、pdf。</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="465" />
      <source>无法导出单元图（{0}），文档中注明“{1}”。</source>
      <translation>无法导出单元图（{0}），文档中注明“{1}”。</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="489" />
      <source>单元图导出失败（{0}），文档中注明“{1}”。</source>
      <translation>单元图导出失败（{0}），文档中注明“{1}”。</translation>
    </message>
    <message>
      <location filename="../processing/generate_plan.py" line="549" />
      <source>单元 {0} 的 PDF 写入失败：{1}</source>
      <translation>单元 {0} 的 PDF 写入失败：{1}</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="318" />
      <source>认定汇总（宗数，亩，公顷）：</source>
      <translation>认定汇总（宗数，亩，公顷）：</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="71" />
      <source>&lt;p&gt;逐宗地认定是否为低效用地，给出类型与全部理由（银川实施意见（一）、自然资发〔2023〕171号 第12、13项）。&lt;/p&gt;&lt;p&gt;1. 现状地类：给出三调图层时取面积占比最大的三调地类（各地类占比写入 survey_shares），否则取宗地 dlbm；按地类代码表判断三大类与低效类型（工业(物流仓储)、村庄、商住、设施、其他）。&lt;/p&gt;&lt;p&gt;2. 排除：非建设用地、批而未供、闲置土地、权属争议、权利人不明（owner 为空；无 owner 字段时未检验并提示） → 不纳入（Y-1、N-13 权属清晰、主体明确）；约定开工日（无则合同签订日）满 {0} 周年且容积率仍低于 {1} → 疑似闲置土地（《闲置土地处置办法》第二条），排除待核查（suspected_idle）。&lt;/p&gt;&lt;p&gt;3. 认定标准（规则档案）：容积率低于行业/类型下限、建筑系数不足（建筑系数 =（建筑物占地 + 构筑物占地 structure_area_m2 + 堆场 yard_area_m2）/ 用地面积，后两项空则不计）、亩均税收低于绝对值或同行业平均的比例（档案参考值优先，否则按输入图层计算）、危房占比（口径与等级见档案）、老旧低容积率住宅、停产、现状用途与控规不符（需控规图层）、城中村（需三调图层）。未提供建筑图层时容积率等为空，依赖建筑的条件不检验（理由注明），并警告一次。&lt;/p&gt;&lt;p&gt;4. 豁免：规上企业、投产不满规定年限、战略性新兴产业，只豁免档案 exempts 所列条件（默认为利用粗放的效率条件；建筑危旧、用途不合理不豁免）。&lt;/p&gt;&lt;p&gt;每条理由（reasons）注明条款、数值来源（source）、实测值、阈值与是否满足；使用待定或本地取值的数值时运行警告一次并逐项列出。默认档案各规则的条款与数值来源：&lt;/p&gt;{2}&lt;p&gt;规则档案：内置 default、yinchuan，或自定义 JSON 文件路径。字段映射：如 dlbm=DLBM; parcel_id=宗地代码。&lt;/p&gt;</source>
      <translation>&lt;p&gt;逐宗地认定是否为低效用地，给出类型与全部理由（银川实施意见（一）、自然资发〔2023〕171号 第12、13项）。&lt;/p&gt;&lt;p&gt;1. 现状地类：给出三调图层时取面积占比最大的三调地类（各地类占比写入 survey_shares），否则取宗地 dlbm；按地类代码表判断三大类与低效类型（工业(物流仓储)、村庄、商住、设施、其他）。&lt;/p&gt;&lt;p&gt;2. 排除：非建设用地、批而未供、闲置土地、权属争议、权利人不明（owner 为空；无 owner 字段时未检验并提示） → 不纳入（Y-1、N-13 权属清晰、主体明确）；约定开工日（无则合同签订日）满 {0} 周年且容积率仍低于 {1} → 疑似闲置土地（《闲置土地处置办法》第二条），排除待核查（suspected_idle）。&lt;/p&gt;&lt;p&gt;3. 认定标准（规则档案）：容积率低于行业/类型下限、建筑系数不足（建筑系数 =（建筑物占地 + 构筑物占地 structure_area_m2 + 堆场 yard_area_m2）/ 用地面积，后两项空则不计）、亩均税收低于绝对值或同行业平均的比例（档案参考值优先，否则按输入图层计算）、危房占比（口径与等级见档案）、老旧低容积率住宅、停产、现状用途与控规不符（需控规图层）、城中村（需三调图层）。未提供建筑图层时容积率等为空，依赖建筑的条件不检验（理由注明），并警告一次。&lt;/p&gt;&lt;p&gt;4. 豁免：规上企业、投产不满规定年限、战略性新兴产业，只豁免档案 exempts 所列条件（默认为利用粗放的效率条件；建筑危旧、用途不合理不豁免）。&lt;/p&gt;&lt;p&gt;每条理由（reasons）注明条款、数值来源（source）、实测值、阈值与是否满足；使用待定或本地取值的数值时运行警告一次并逐项列出。默认档案各规则的条款与数值来源：&lt;/p&gt;{2}&lt;p&gt;规则档案：内置 default、yinchuan，或自定义 JSON 文件路径。字段映射：如 dlbm=DLBM; parcel_id=宗地代码。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="109" />
      <source>控规地块图层</source>
      <translation>控规地块图层</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="117" />
      <source>认定基准日（默认今天）</source>
      <translation>认定基准日（默认今天）</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="125" />
      <source>上次认定结果（保留核查决定）</source>
      <translation>上次认定结果（保留核查决定）</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="132" />
      <source>低效用地认定结果</source>
      <translation>低效用地认定结果</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="138" />
      <source>认定汇总表</source>
      <translation>认定汇总表</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="146" />
      <source>规则档案：{0}（{1}）</source>
      <translation>规则档案：{0}（{1}）</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="244" />
      <source>宗地 {0} 宗，按空间分块处理（每块 {1} 宗，共 {2} 块）。</source>
      <translation>宗地 {0} 宗，按空间分块处理（每块 {1} 宗，共 {2} 块）。</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="299" />
      <source>保留上次核查决定 {kept} 宗，其中认定结论已变化 {changed} 宗；新宗地 {new} 宗；上次有决定但本次不存在的宗地 {dropped} 宗。</source>
      <translation>保留上次核查决定 {kept} 宗，其中认定结论已变化 {changed} 宗；新宗地 {new} 宗；上次有决定但本次不存在的宗地 {dropped} 宗。</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="306" />
      <source>认定结论已变化、须重新核查的宗地：{0}</source>
      <translation>认定结论已变化、须重新核查的宗地：{0}</translation>
    </message>
    <message>
      <location filename="../processing/identify_parcels.py" line="312" />
      <source>以下宗地本次不存在，其核查决定未能保留：{0}</source>
      <translation>以下宗地本次不存在，其核查决定未能保留：{0}</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="30" />
      <source>补缴地价与缴款计划</source>
      <translation>补缴地价与缴款计划</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="89" />
      <source>补缴地价核算无问题 {0} 个项目。</source>
      <translation>补缴地价核算无问题 {0} 个项目。</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="90" />
      <source>{0} 个项目的新旧条件估价基准日不同（须为同一基准日）：{1}</source>
      <translation>{0} 个项目的新旧条件估价基准日不同（须为同一基准日）：{1}</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="39" />
      <source>&lt;p&gt;逐项目核算补缴地价与缴款计划（银川实施意见（十三）、（十四）、（十五），自然资发〔2023〕171号 第9、11项）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;补缴地价 price_due = 新条件地价 value_new − （原条件地价 value_old + 拆除附着物残值 residual_value），不低于 0（不退还）；残值在经批准变更工业、仓储、文化、科研等用地（规则档案 residual_classes）用途（old_land_class 与 new_land_class 不同，或 old_use_code 与 new_use_code 不同）且涉及拆除时计入；未列举的类别或用途、拆除情况未填写时 residual_counted 为空（待确认，暂不扣除）并警告（十四）；&lt;/li&gt;&lt;li&gt;新旧条件须为同一估价基准日：不同时 price_pass 为假，缺一则为空；&lt;/li&gt;&lt;li&gt;补缴地价适用于经批准以协议方式出让的土地（十四）：再开发方式 redevelopment_mode 为收储（acquisition）的项目公开出让，不核算补缴地价（price_due 为空，price_status 注明）；&lt;/li&gt;&lt;li&gt;过渡期（第11项、（十五））：新产业新业态利用存量房屋按原用途使用 {3} 年，transition_end = transition_start + {3} 年；基准日（REFERENCE_DATE，默认今天）在过渡期内时暂不补缴（price_due 为 0，price_status“过渡期内暂不补缴”），自 price_due_from（期满日）起补缴；&lt;/li&gt;&lt;li&gt;缴款（十五）：分期须经申请（instalment_requested）：签订合同后规则档案所定月数（默认 {1} 个月）内缴纳首期比例（默认 {0}），其余规则档案所定年数（默认 {2} 年）内缴清；未申请的于签订合同时一次性缴清，due_date = contract_date。目标月份无对应日取该月最后一日（《民法典》第二百零二条）；&lt;/li&gt;&lt;li&gt;（十三）：y13_exempt_kind 为 lift（加装电梯）或 care（养老托育）时不增收土地价款；allocation_eligible 为真（老旧厂房改建非营利性设施且符合《划拨用地目录》）时按划拨供地，不收出让价款；&lt;/li&gt;&lt;li&gt;第9项两种口径分列：alt_price_ratio（= alt_price）= 公示地价 × 比例 × 用地面积；alt_price_market = 市场评估价值 market_value − 土地整理、移交公益性用地或建筑、配建设施、多地块联动改造成本（linkage_cost），不低于 0。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;只填写 value_new、value_old 之一、金额为负、公示地价比例不在 0–1 之间、类别或 y13_exempt_kind 无法识别时报错并列出项目；二者均未填写的项目（如公益项目）不核算地价，在 reasons 中说明。&lt;/p&gt;</source>
      <translation>&lt;p&gt;逐项目核算补缴地价与缴款计划（银川实施意见（十三）、（十四）、（十五），自然资发〔2023〕171号 第9、11项）。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;补缴地价 price_due = 新条件地价 value_new − （原条件地价 value_old + 拆除附着物残值 residual_value），不低于 0（不退还）；残值在经批准变更工业、仓储、文化、科研等用地（规则档案 residual_classes）用途（old_land_class 与 new_land_class 不同，或 old_use_code 与 new_use_code 不同）且涉及拆除时计入；未列举的类别或用途、拆除情况未填写时 residual_counted 为空（待确认，暂不扣除）并警告（十四）；&lt;/li&gt;&lt;li&gt;新旧条件须为同一估价基准日：不同时 price_pass 为假，缺一则为空；&lt;/li&gt;&lt;li&gt;补缴地价适用于经批准以协议方式出让的土地（十四）：再开发方式 redevelopment_mode 为收储（acquisition）的项目公开出让，不核算补缴地价（price_due 为空，price_status 注明）；&lt;/li&gt;&lt;li&gt;过渡期（第11项、（十五））：新产业新业态利用存量房屋按原用途使用 {3} 年，transition_end = transition_start + {3} 年；基准日（REFERENCE_DATE，默认今天）在过渡期内时暂不补缴（price_due 为 0，price_status“过渡期内暂不补缴”），自 price_due_from（期满日）起补缴；&lt;/li&gt;&lt;li&gt;缴款（十五）：分期须经申请（instalment_requested）：签订合同后规则档案所定月数（默认 {1} 个月）内缴纳首期比例（默认 {0}），其余规则档案所定年数（默认 {2} 年）内缴清；未申请的于签订合同时一次性缴清，due_date = contract_date。目标月份无对应日取该月最后一日（《民法典》第二百零二条）；&lt;/li&gt;&lt;li&gt;（十三）：y13_exempt_kind 为 lift（加装电梯）或 care（养老托育）时不增收土地价款；allocation_eligible 为真（老旧厂房改建非营利性设施且符合《划拨用地目录》）时按划拨供地，不收出让价款；&lt;/li&gt;&lt;li&gt;第9项两种口径分列：alt_price_ratio（= alt_price）= 公示地价 × 比例 × 用地面积；alt_price_market = 市场评估价值 market_value − 土地整理、移交公益性用地或建筑、配建设施、多地块联动改造成本（linkage_cost），不低于 0。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;只填写 value_new、value_old 之一、金额为负、公示地价比例不在 0–1 之间、类别或 y13_exempt_kind 无法识别时报错并列出项目；二者均未填写的项目（如公益项目）不核算地价，在 reasons 中说明。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="66" />
      <source>核算基准日（默认今天）</source>
      <translation>核算基准日（默认今天）</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="78" />
      <source>规则档案：{0}；核算基准日：{1}</source>
      <translation>规则档案：{0}；核算基准日：{1}</translation>
    </message>
    <message>
      <location filename="../processing/land_price.py" line="93" />
      <source>应补缴地价合计 {0:,.2f} 元。</source>
      <translation>应补缴地价合计 {0:,.2f} 元。</translation>
    </message>
    <message>
      <location filename="../processing/legacy_land.py" line="42" />
      <source>历史遗留用地认定</source>
      <translation>历史遗留用地认定</translation>
    </message>
    <message>
      <location filename="../processing/legacy_land.py" line="51" />
      <source>&lt;p&gt;对无合法用地手续的建设用地认定历史遗留用地类别（银川实施意见（九），自然资发〔2023〕171号 第14项）：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;截止日期（规则档案 legacy_cutoff，默认 {0:%Y}年{0.month}月{0.day}日）及以前占用、二调和三调均为建设用地、且符合国土空间规划 → 常态化管理（regular）；&lt;/li&gt;&lt;li&gt;截止日期以后占用（默认 {1:%Y}年{1.month}月{1.day}日及以后） → 按占用当年土地变更调查的实际地类办理征收报批（expropriation），该地类取字段 occupied_dlbm，缺失时逐宗报告；二调标准时点（2009年12月31日）以后占用却标为二调建设用地的，仍按征收报批认定，并在 legacy_failed 中写明前后矛盾、请核实；&lt;/li&gt;&lt;li&gt;其他情形 → 待认定（undecided），legacy_failed 写明未满足或缺失的条件。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;给出三调图层时按图斑分块认定：宗地中三调建设用地部分与非建设用地部分分别判断，各类面积写入 regular_m2、expropriation_m2、undecided_m2（无图斑覆盖部分计入待认定），三调各类面积写入 construction_m2、agricultural_m2、unused_m2、unsurveyed_m2；legacy_class 取面积最大的类别（相等时取更审慎者：待认定、征收报批）。整宗无三调图斑覆盖的宗地取自身 dlbm（与低效用地认定一致）。&lt;/p&gt;&lt;p&gt;所需字段：lawful_approval、occupied_date、erdiao_construction、plan_conforming；无三调图层时三调状态取宗地的 land_category / dlbm。缺失的日期或标志逐宗报告，不作推测。有合法手续的宗地不在范围内（legacy_class 为空），但仍写入输出。&lt;/p&gt;</source>
      <translation>&lt;p&gt;对无合法用地手续的建设用地认定历史遗留用地类别（银川实施意见（九），自然资发〔2023〕171号 第14项）：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;截止日期（规则档案 legacy_cutoff，默认 {0:%Y}年{0.month}月{0.day}日）及以前占用、二调和三调均为建设用地、且符合国土空间规划 → 常态化管理（regular）；&lt;/li&gt;&lt;li&gt;截止日期以后占用（默认 {1:%Y}年{1.month}月{1.day}日及以后） → 按占用当年土地变更调查的实际地类办理征收报批（expropriation），该地类取字段 occupied_dlbm，缺失时逐宗报告；二调标准时点（2009年12月31日）以后占用却标为二调建设用地的，仍按征收报批认定，并在 legacy_failed 中写明前后矛盾、请核实；&lt;/li&gt;&lt;li&gt;其他情形 → 待认定（undecided），legacy_failed 写明未满足或缺失的条件。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;给出三调图层时按图斑分块认定：宗地中三调建设用地部分与非建设用地部分分别判断，各类面积写入 regular_m2、expropriation_m2、undecided_m2（无图斑覆盖部分计入待认定），三调各类面积写入 construction_m2、agricultural_m2、unused_m2、unsurveyed_m2；legacy_class 取面积最大的类别（相等时取更审慎者：待认定、征收报批）。整宗无三调图斑覆盖的宗地取自身 dlbm（与低效用地认定一致）。&lt;/p&gt;&lt;p&gt;所需字段：lawful_approval、occupied_date、erdiao_construction、plan_conforming；无三调图层时三调状态取宗地的 land_category / dlbm。缺失的日期或标志逐宗报告，不作推测。有合法手续的宗地不在范围内（legacy_class 为空），但仍写入输出。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/legacy_land.py" line="91" />
      <source>历史遗留用地汇总表</source>
      <translation>历史遗留用地汇总表</translation>
    </message>
    <message>
      <location filename="../processing/legacy_land.py" line="140" />
      <source>{0} 宗需补充资料或不满足条件，见 legacy_failed 字段。</source>
      <translation>{0} 宗需补充资料或不满足条件，见 legacy_failed 字段。</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="55" />
      <source>混合用地核算</source>
      <translation>混合用地核算</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="64" />
      <source>&lt;p&gt;核算混合用地的用途比例、主要用途、分用途出让年限和综合出让起始价（银川实施意见（十），自然资发〔2023〕171号 第8项）。每个项目输出一行，另可输出每个项目每种用途一行的明细表。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;用途比例：项目有功能分区（ZONES，字段 project_id、use_code）时，= 各用途功能分区面积（裁剪到项目用地）/ 项目总用地面积，未被分区覆盖的用地单列（uncovered_m2），不计入任何用途；无法划分功能分区的，= 各用途计容建筑面积 / 计容总建筑面积（gfa_by_use，JSON {{用途代码: 平方米}}）。用途代码为用地用海分类（2023）代码。&lt;/li&gt;&lt;li&gt;主要用途：比例最大的用途；多个用途比例相等（差值不超过 1e-9）时 main_use 留空，main_use_tie = 是，tied_uses 列出并列用途，由审批确定。&lt;/li&gt;&lt;li&gt;出让年限：按用途分别设定（lease_years_by_use），不得超过该用途法定最高年限（《城镇国有土地使用权出让和转让暂行条例》第十二条，按用途代码前缀查 lease_terms.csv：{0}）；超过的按最高年限核定并说明理由，未拟定的取最高年限。0702 城镇社区服务设施、0704 农村社区服务设施虽列于居住用地下，但非住宅，按教育、科技、文化、卫生、体育用地核定（50 年）。&lt;/li&gt;&lt;li&gt;正负面清单：规则档案 PROFILE 的 mixed_use_positive / mixed_use_negative（用途代码或前缀，默认为空，本地取值）；负面清单内或非空正面清单外的用途列于 uses_not_allowed 并警告。&lt;/li&gt;&lt;li&gt;综合出让起始价：分用途评估后综合核算，combined_unit_price = Σ 用途比例 × 该用途评估单价（price_by_use，元/平方米土地），combined_price = combined_unit_price × 用地面积（元）；缺少任一用途单价时不计算并说明；未被功能分区覆盖的用地不计价，运行时警告并写明项目与未计价面积。&lt;/li&gt;&lt;/ul&gt;</source>
      <translation>&lt;p&gt;核算混合用地的用途比例、主要用途、分用途出让年限和综合出让起始价（银川实施意见（十），自然资发〔2023〕171号 第8项）。每个项目输出一行，另可输出每个项目每种用途一行的明细表。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;用途比例：项目有功能分区（ZONES，字段 project_id、use_code）时，= 各用途功能分区面积（裁剪到项目用地）/ 项目总用地面积，未被分区覆盖的用地单列（uncovered_m2），不计入任何用途；无法划分功能分区的，= 各用途计容建筑面积 / 计容总建筑面积（gfa_by_use，JSON {{用途代码: 平方米}}）。用途代码为用地用海分类（2023）代码。&lt;/li&gt;&lt;li&gt;主要用途：比例最大的用途；多个用途比例相等（差值不超过 1e-9）时 main_use 留空，main_use_tie = 是，tied_uses 列出并列用途，由审批确定。&lt;/li&gt;&lt;li&gt;出让年限：按用途分别设定（lease_years_by_use），不得超过该用途法定最高年限（《城镇国有土地使用权出让和转让暂行条例》第十二条，按用途代码前缀查 lease_terms.csv：{0}）；超过的按最高年限核定并说明理由，未拟定的取最高年限。0702 城镇社区服务设施、0704 农村社区服务设施虽列于居住用地下，但非住宅，按教育、科技、文化、卫生、体育用地核定（50 年）。&lt;/li&gt;&lt;li&gt;正负面清单：规则档案 PROFILE 的 mixed_use_positive / mixed_use_negative（用途代码或前缀，默认为空，本地取值）；负面清单内或非空正面清单外的用途列于 uses_not_allowed 并警告。&lt;/li&gt;&lt;li&gt;综合出让起始价：分用途评估后综合核算，combined_unit_price = Σ 用途比例 × 该用途评估单价（price_by_use，元/平方米土地），combined_price = combined_unit_price × 用地面积（元）；缺少任一用途单价时不计算并说明；未被功能分区覆盖的用地不计价，运行时警告并写明项目与未计价面积。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="98" />
      <source>混合用地核算结果</source>
      <translation>混合用地核算结果</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="104" />
      <source>分用途明细表</source>
      <translation>分用途明细表</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="166" />
      <source>项目 {0} 多个用途比例并列最大（{1}），主要用途留空。</source>
      <translation>项目 {0} 多个用途比例并列最大（{1}），主要用途留空。</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="178" />
      <source>项目 {0} 的拟定出让年限超过法定最高年限，已按最高年限核定：{1}</source>
      <translation>项目 {0} 的拟定出让年限超过法定最高年限，已按最高年限核定：{1}</translation>
    </message>
    <message>
      <location filename="../processing/mixed_use.py" line="172" />
      <source>项目 {0} 主要用途 {1}（比例 {2:.4f}）。</source>
      <translation>项目 {0} 主要用途 {1}（比例 {2:.4f}）。</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="55" />
      <source>流程模型</source>
      <translation>流程模型</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="106" />
      <source>规则配置（default / yinchuan / JSON 文件路径）</source>
      <translation>规则配置（default / yinchuan / JSON 文件路径）</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="107" />
      <source>认定基准日</source>
      <translation>认定基准日</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="108" />
      <source>上次认定结果（可选，保留其核查决定）</source>
      <translation>上次认定结果（可选，保留其核查决定）</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="109" />
      <source>行政区划代码（6 位）</source>
      <translation>行政区划代码（6 位）</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="111" />
      <source>研究范围图层</source>
      <translation>研究范围图层</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="112" />
      <source>手绘单元图层（可选）</source>
      <translation>手绘单元图层（可选）</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="114" />
      <source>再开发项目图层</source>
      <translation>再开发项目图层</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="116" />
      <source>混合用地分区图层</source>
      <translation>混合用地分区图层</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="117" />
      <source>方案库（可选：实施方案增加方案比选一章）</source>
      <translation>方案库（可选：实施方案增加方案比选一章）</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="118" />
      <source>实施方案输出文件夹</source>
      <translation>实施方案输出文件夹</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="119" />
      <source>实施方案文件清单</source>
      <translation>实施方案文件清单</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="120" />
      <source>地块指标</source>
      <translation>地块指标</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="124" />
      <source>质检问题图层</source>
      <translation>质检问题图层</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="125" />
      <source>质检报告</source>
      <translation>质检报告</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="129" />
      <source>宗地（含所属单元）</source>
      <translation>宗地（含所属单元）</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="131" />
      <source>零星用地核查结果</source>
      <translation>零星用地核查结果</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="134" />
      <source>用途转变路径结果</source>
      <translation>用途转变路径结果</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="135" />
      <source>进展统计表</source>
      <translation>进展统计表</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="74" />
      <source>全流程：调查数据 → 实施方案</source>
      <translation>全流程：调查数据 → 实施方案</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="75" />
      <source>从宗地、建筑、三调、控规、道路和再开发项目数据出发，依次运行地块指标计算、低效用地认定、历史遗留用地认定、街坊划分、再开发单元划定与统计、进展统计、容积率/零星用地/混合用地/补缴地价/用途转变路径核算、上图入库成果导出与质检，并为每个单元生成实施方案（自然资发〔2023〕171号；银川实施意见（三）等）。按现状条件核定和存量建筑功能转换需要各自的申报表，请在有申报时单独运行。</source>
      <translation>从宗地、建筑、三调、控规、道路和再开发项目数据出发，依次运行地块指标计算、低效用地认定、历史遗留用地认定、街坊划分、再开发单元划定与统计、进展统计、容积率/零星用地/混合用地/补缴地价/用途转变路径核算、上图入库成果导出与质检，并为每个单元生成实施方案（自然资发〔2023〕171号；银川实施意见（三）等）。按现状条件核定和存量建筑功能转换需要各自的申报表，请在有申报时单独运行。</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="84" />
      <source>认定与上图入库</source>
      <translation>认定与上图入库</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="85" />
      <source>低效用地认定、历史遗留用地认定和上图入库成果导出与质检（自然资发〔2023〕171号 第二、三项）。</source>
      <translation>低效用地认定、历史遗留用地认定和上图入库成果导出与质检（自然资发〔2023〕171号 第二、三项）。</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="91" />
      <source>街坊与单元</source>
      <translation>街坊与单元</translation>
    </message>
    <message>
      <location filename="../processing/models.py" line="92" />
      <source>低效用地认定后，按道路红线划分街坊，并划定再开发单元、统计单元指标（银川实施意见（三））。</source>
      <translation>低效用地认定后，按道路红线划分街坊，并划定再开发单元、统计单元指标（银川实施意见（三））。</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="46" />
      <source>地块指标计算</source>
      <translation>地块指标计算</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="55" />
      <source>&lt;p&gt;按宗地计算面积（平方米、亩）、建筑面积、容积率、建筑密度、建筑栋数、最早建成年份、危房占比（口径与等级取规则档案 danger_basis、dangerous_grades，默认按建筑面积、C/D 级）。这些是低效用地认定（银川实施意见（一），自然资发〔2023〕171号 第12项）所用的现状指标。&lt;/p&gt;&lt;p&gt;跨越两宗地的建筑按裁切后的占地比例分别计入；建筑面积取字段 gfa，为空时取占地×层数，两者都为空时不计入并在 gfa_unknown_count 中标明。未提供建筑图层时建筑指标为空（未知，不按 0 计）。&lt;/p&gt;&lt;p&gt;宗地图层必须使用以米为单位的投影坐标系（如 CGCS2000 3度带 EPSG:4544）；地理坐标系会被拒绝并提示应使用的坐标系。建筑图层坐标系不同时自动转换到宗地坐标系。&lt;/p&gt;</source>
      <translation>&lt;p&gt;按宗地计算面积（平方米、亩）、建筑面积、容积率、建筑密度、建筑栋数、最早建成年份、危房占比（口径与等级取规则档案 danger_basis、dangerous_grades，默认按建筑面积、C/D 级）。这些是低效用地认定（银川实施意见（一），自然资发〔2023〕171号 第12项）所用的现状指标。&lt;/p&gt;&lt;p&gt;跨越两宗地的建筑按裁切后的占地比例分别计入；建筑面积取字段 gfa，为空时取占地×层数，两者都为空时不计入并在 gfa_unknown_count 中标明。未提供建筑图层时建筑指标为空（未知，不按 0 计）。&lt;/p&gt;&lt;p&gt;宗地图层必须使用以米为单位的投影坐标系（如 CGCS2000 3度带 EPSG:4544）；地理坐标系会被拒绝并提示应使用的坐标系。建筑图层坐标系不同时自动转换到宗地坐标系。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="88" />
      <source>读取宗地…</source>
      <translation>读取宗地…</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="96" />
      <source>读取建筑…</source>
      <translation>读取建筑…</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="132" />
      <source>共 {0} 宗地，{1} 栋建筑。</source>
      <translation>共 {0} 宗地，{1} 栋建筑。</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="114" />
      <source>档案数值未采用（待确认）：{0}</source>
      <translation>档案数值未采用（待确认）：{0}</translation>
    </message>
    <message>
      <location filename="../processing/parcel_indicators.py" line="123" />
      <source>输入字段 {0} 与指标同名，已由计算结果替换。</source>
      <translation>输入字段 {0} 与指标同名，已由计算结果替换。</translation>
    </message>
    <message>
      <location filename="../processing/progress_statistics.py" line="29" />
      <source>低效用地再开发进展统计</source>
      <translation>低效用地再开发进展统计</translation>
    </message>
    <message>
      <location filename="../processing/progress_statistics.py" line="38" />
      <source>&lt;p&gt;为半年度进展报告（自然资发〔2023〕171号 三（二）；银川实施意见（二））统计低效用地的宗数与面积（亩、公顷）：按低效类型（核查后的最终类型）、行政区（admin_code）、再开发单元（unit_id）和进展状态（redevelopment_status：identified 已认定、planned 已纳入实施方案、under_way 实施中、completed 已完成；缺失时计为已认定）。输入为低效用地认定结果；输出为长表，可在文档与电子表格中透视。&lt;/p&gt;</source>
      <translation>&lt;p&gt;为半年度进展报告（自然资发〔2023〕171号 三（二）；银川实施意见（二））统计低效用地的宗数与面积（亩、公顷）：按低效类型（核查后的最终类型）、行政区（admin_code）、再开发单元（unit_id）和进展状态（redevelopment_status：identified 已认定、planned 已纳入实施方案、under_way 实施中、completed 已完成；缺失时计为已认定）。输入为低效用地认定结果；输出为长表，可在文档与电子表格中透视。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/progress_statistics.py" line="55" />
      <source>统计期（如 2025年上半年）</source>
      <translation>统计期（如 2025年上半年）</translation>
    </message>
    <message>
      <location filename="../processing/progress_statistics.py" line="80" />
      <source>低效用地 {0} 宗，{1:.2f} 亩。</source>
      <translation>低效用地 {0} 宗，{1:.2f} 亩。</translation>
    </message>
    <message>
      <location filename="../processing/project_checks.py" line="95" />
      <source>项目图层没有要素。</source>
      <translation>项目图层没有要素。</translation>
    </message>
    <message>
      <location filename="../processing/project_checks.py" line="133" />
      <source>{0} 个项目无法判定（见 reasons）：{1}</source>
      <translation>{0} 个项目无法判定（见 reasons）：{1}</translation>
    </message>
    <message>
      <location filename="../processing/provider.py" line="68" />
      <source>低效用地再开发 Lowland</source>
      <translation>低效用地再开发 Lowland</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="28" />
      <source>刷新单元统计</source>
      <translation>刷新单元统计</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="31" />
      <source>&lt;p&gt;核查会后或修改单元边界后，按单元图层现有的边界和核查后的低效用地认定结果重新统计每个单元（低效用地按核查后的 final_verdict/final_type 计），并记录统计所用的图层与最近核查时间。宗地、街坊、控规图层不填时使用单元上次统计时记录的图层（单元字段 parcels_source、blocks_source、plan_source）。单元的编号、名称、时序、备注保留。生成实施方案时，如单元统计早于核查或单元边界已修改，会要求先运行本工具。&lt;/p&gt;</source>
      <translation>&lt;p&gt;核查会后或修改单元边界后，按单元图层现有的边界和核查后的低效用地认定结果重新统计每个单元（低效用地按核查后的 final_verdict/final_type 计），并记录统计所用的图层与最近核查时间。宗地、街坊、控规图层不填时使用单元上次统计时记录的图层（单元字段 parcels_source、blocks_source、plan_source）。单元的编号、名称、时序、备注保留。生成实施方案时，如单元统计早于核查或单元边界已修改，会要求先运行本工具。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="43" />
      <source>再开发单元（单元划定结果或手绘单元）</source>
      <translation>再开发单元（单元划定结果或手绘单元）</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="47" />
      <source>核查后的低效用地认定结果（不填：单元记录的图层）</source>
      <translation>核查后的低效用地认定结果（不填：单元记录的图层）</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="48" />
      <source>街坊（不填：单元记录的图层）</source>
      <translation>街坊（不填：单元记录的图层）</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="49" />
      <source>控规地块（不填：单元记录的图层）</source>
      <translation>控规地块（不填：单元记录的图层）</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="98" />
      <source>使用单元记录的图层：{0}</source>
      <translation>使用单元记录的图层：{0}</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="84" />
      <source>单元图层没有记录统计所用的{0}，请填写“{1}”。</source>
      <translation>单元图层没有记录统计所用的{0}，请填写“{1}”。</translation>
    </message>
    <message>
      <location filename="../processing/refresh_units.py" line="91" />
      <source>单元上次统计所用的图层已无法打开：{0}，请填写“{1}”。</source>
      <translation>单元上次统计所用的图层已无法打开：{0}，请填写“{1}”。</translation>
    </message>
    <message>
      <location filename="../processing/scattered_land.py" line="37" />
      <source>零星用地核查</source>
      <translation>零星用地核查</translation>
    </message>
    <message>
      <location filename="../processing/scattered_land.py" line="129" />
      <source>零星用地核查通过 {0} 个项目。</source>
      <translation>零星用地核查通过 {0} 个项目。</translation>
    </message>
    <message>
      <location filename="../processing/scattered_land.py" line="46" />
      <source>&lt;p&gt;核查再开发项目归并的零星建设用地（边角地、夹心地、插花地）（银川实施意见（七），自然资发〔2023〕171号 第4、10项）。每个项目输出一行：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;total_area_m2 = 项目用地图形面积（投影坐标系平面面积）；scattered_area_m2 = 该项目标记为零星用地（scattered）的地块面积之和；scattered_share = 二者之比；&lt;/li&gt;&lt;li&gt;scattered_pass：每宗零星用地不超过 {0} 亩（10000/15×{0} ≈ {1} 平方米）且累计不超过项目总用地面积的 {2}（均含等于；默认规则档案的取值，以所选规则档案 PROFILE 的 scattered_piece_max_mu、scattered_share_max为准，reasons 注明来源）；相接（共边或重叠）的零星地块合为一宗计面积，除非两者均填宗地代码 parcel_code 且不同；reasons 列出超限宗的地块编号（A+B）及其面积（平方米、亩）。文件表述为“原则上”，超限情形需另行审批。&lt;/li&gt;&lt;li&gt;第4项（零星地块与相邻产业地块一并供应，商品住宅除外）：每宗零星用地须位于项目用地内或与其相接（间距不超过规则档案 scattered_adjacent_max_m 米，含等于）→ scattered_adjacent；项目用途 use_code（未填时取 new_use_code）为 0701 城镇住宅（商品住宅）的不符合 → scattered_use_eligible = 否；未填写用途的不作核查并警告。二者均计入 scattered_pass。&lt;/li&gt;&lt;li&gt;未标记零星用地的地块不计入任何指标，在日志中列出；project_id 在项目图层中不存在的地块报错。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;置换（第10项“面积相近或价值相当”）：按 swap_group 分组，swap_side 为 out（调出）或 in（调入），置换表 SWAPS 给出调出、调入面积与评估价值（value）及其差值（调入 − 调出）和比值（调入 / 调出）。文件未规定“相近”“相当”的数值标准，本工具只报告数值，由审批判断。&lt;/p&gt;</source>
      <translation>&lt;p&gt;核查再开发项目归并的零星建设用地（边角地、夹心地、插花地）（银川实施意见（七），自然资发〔2023〕171号 第4、10项）。每个项目输出一行：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;total_area_m2 = 项目用地图形面积（投影坐标系平面面积）；scattered_area_m2 = 该项目标记为零星用地（scattered）的地块面积之和；scattered_share = 二者之比；&lt;/li&gt;&lt;li&gt;scattered_pass：每宗零星用地不超过 {0} 亩（10000/15×{0} ≈ {1} 平方米）且累计不超过项目总用地面积的 {2}（均含等于；默认规则档案的取值，以所选规则档案 PROFILE 的 scattered_piece_max_mu、scattered_share_max为准，reasons 注明来源）；相接（共边或重叠）的零星地块合为一宗计面积，除非两者均填宗地代码 parcel_code 且不同；reasons 列出超限宗的地块编号（A+B）及其面积（平方米、亩）。文件表述为“原则上”，超限情形需另行审批。&lt;/li&gt;&lt;li&gt;第4项（零星地块与相邻产业地块一并供应，商品住宅除外）：每宗零星用地须位于项目用地内或与其相接（间距不超过规则档案 scattered_adjacent_max_m 米，含等于）→ scattered_adjacent；项目用途 use_code（未填时取 new_use_code）为 0701 城镇住宅（商品住宅）的不符合 → scattered_use_eligible = 否；未填写用途的不作核查并警告。二者均计入 scattered_pass。&lt;/li&gt;&lt;li&gt;未标记零星用地的地块不计入任何指标，在日志中列出；project_id 在项目图层中不存在的地块报错。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;置换（第10项“面积相近或价值相当”）：按 swap_group 分组，swap_side 为 out（调出）或 in（调入），置换表 SWAPS 给出调出、调入面积与评估价值（value）及其差值（调入 − 调出）和比值（调入 / 调出）。文件未规定“相近”“相当”的数值标准，本工具只报告数值，由审批判断。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/scattered_land.py" line="86" />
      <source>置换面积与价值对比表</source>
      <translation>置换面积与价值对比表</translation>
    </message>
    <message>
      <location filename="../processing/scattered_land.py" line="130" />
      <source>{0} 个项目的零星用地未通过（单宗 {2} 亩、累计 {3}、相邻或商品住宅除外）：{1}</source>
      <translation>{0} 个项目的零星用地未通过（单宗 {2} 亩、累计 {3}、相邻或商品住宅除外）：{1}</translation>
    </message>
    <message>
      <location filename="../processing/scattered_land.py" line="139" />
      <source>置换组 {0} 个。</source>
      <translation>置换组 {0} 个。</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="33" />
      <source>按现状条件核定</source>
      <translation>按现状条件核定</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="42" />
      <source>&lt;p&gt;按现状条件核定原址新建、改（扩）建及翻新项目的技术指标（银川实施意见（五））。输入现状指标表（每个项目每项指标一行：item、norm_value 现行标准值、current_value 现状值、proposed_value 方案值、consulted 已征询利害关系人意见、publicized 已公示、joint_review 已联合审查），可为无几何的属性表。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;meets_norm：方案值按该指标的较优方向达到现行标准（higher：方案值 ≥ 标准值；lower：方案值 ≤ 标准值，如面宽的标准为最大连续展开面宽；指标及方向取规则档案 PROFILE 的 statusquo_items，含等于）→ pass；&lt;/li&gt;&lt;li&gt;第一层：退距、面宽、密度、日照、绿地率、停车位等可按现状管控的指标未达标时，以不低于现状为底线：方案值不低于现状值（higher：≥ 现状；lower：≤ 现状）→ pass_not_worse，无需另行程序；&lt;/li&gt;&lt;li&gt;第二层：低于现状的，须征询利害关系人意见、公示并经行业主管部门联合审查论证后合理核定（needs_consultation = 是）：consulted、publicized 与 joint_review 均为是 → pass_joint_review（记录联合审查的核定结果），否则 fail；&lt;/li&gt;&lt;li&gt;安全、消防、环保指标（fire、safety、environment）不得降低：未达标即 fail，不论是否不低于现状；&lt;/li&gt;&lt;li&gt;核定所需数值为空 → missing，sq_missing_fields 写明缺少的字段，不作推测。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;item 可填代码或中文名称（如 setback 或 退距），未知指标报错并列出可用指标。输出每行一条核定结果（sq_status、sq_pass、reasons），汇总表每个项目一行：全部指标是否通过（sq_all_pass）、未通过、经联合审查核定、缺值的指标。给出项目图层时带入项目名称与项目用地图形。&lt;/p&gt;</source>
      <translation>&lt;p&gt;按现状条件核定原址新建、改（扩）建及翻新项目的技术指标（银川实施意见（五））。输入现状指标表（每个项目每项指标一行：item、norm_value 现行标准值、current_value 现状值、proposed_value 方案值、consulted 已征询利害关系人意见、publicized 已公示、joint_review 已联合审查），可为无几何的属性表。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;meets_norm：方案值按该指标的较优方向达到现行标准（higher：方案值 ≥ 标准值；lower：方案值 ≤ 标准值，如面宽的标准为最大连续展开面宽；指标及方向取规则档案 PROFILE 的 statusquo_items，含等于）→ pass；&lt;/li&gt;&lt;li&gt;第一层：退距、面宽、密度、日照、绿地率、停车位等可按现状管控的指标未达标时，以不低于现状为底线：方案值不低于现状值（higher：≥ 现状；lower：≤ 现状）→ pass_not_worse，无需另行程序；&lt;/li&gt;&lt;li&gt;第二层：低于现状的，须征询利害关系人意见、公示并经行业主管部门联合审查论证后合理核定（needs_consultation = 是）：consulted、publicized 与 joint_review 均为是 → pass_joint_review（记录联合审查的核定结果），否则 fail；&lt;/li&gt;&lt;li&gt;安全、消防、环保指标（fire、safety、environment）不得降低：未达标即 fail，不论是否不低于现状；&lt;/li&gt;&lt;li&gt;核定所需数值为空 → missing，sq_missing_fields 写明缺少的字段，不作推测。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;item 可填代码或中文名称（如 setback 或 退距），未知指标报错并列出可用指标。输出每行一条核定结果（sq_status、sq_pass、reasons），汇总表每个项目一行：全部指标是否通过（sq_all_pass）、未通过、经联合审查核定、缺值的指标。给出项目图层时带入项目名称与项目用地图形。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="94" />
      <source>现状指标表</source>
      <translation>现状指标表</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="79" />
      <source>按现状条件核定结果</source>
      <translation>按现状条件核定结果</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="85" />
      <source>按现状条件核定项目汇总</source>
      <translation>按现状条件核定项目汇总</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="98" />
      <source>现状指标表没有记录。</source>
      <translation>现状指标表没有记录。</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="142" />
      <source>核定 {0} 项指标：通过 {1}，不低于现状 {2}，经联合审查合理核定 {3}，未通过 {4}，缺值 {5}。</source>
      <translation>核定 {0} 项指标：通过 {1}，不低于现状 {2}，经联合审查合理核定 {3}，未通过 {4}，缺值 {5}。</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="157" />
      <source>项目 {0} 未通过的指标：{1}</source>
      <translation>项目 {0} 未通过的指标：{1}</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="161" />
      <source>项目 {0} 经征询意见、公示及联合审查合理核定的指标：{1}</source>
      <translation>项目 {0} 经征询意见、公示及联合审查合理核定的指标：{1}</translation>
    </message>
    <message>
      <location filename="../processing/status_quo_check.py" line="167" />
      <source>项目 {0} 缺少核定数值的指标：{1}</source>
      <translation>项目 {0} 缺少核定数值的指标：{1}</translation>
    </message>
    <message>
      <location filename="../processing/use_change.py" line="19" />
      <source>用途转变路径</source>
      <translation>用途转变路径</translation>
    </message>
    <message>
      <location filename="../processing/use_change.py" line="28" />
      <source>&lt;p&gt;逐项目判定土地用途转变的办理路径（银川实施意见（十一））。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;新用途（混合用地取主用途）与原用途代码相同 → 按原用途管理（original_use）；&lt;/li&gt;&lt;li&gt;建设用地二级类不变仅三级类转换（如 100101 → 100102）、经营性用地调整为公益性用地（两类代码及依据见 resources/codes/use_character.csv）、一类工业与一类物流仓储用地互调（100101 ↔ 110101），且不突破详细规划强制性管控、不损害公共利益和相邻权利人合法权益、不改变用地主体和规划设计条件（mandatory_controls_kept、no_public_harm、same_land_user、same_planning_conditions 均为是）→ 详细规划动态维护（dynamic_maintenance）；&lt;/li&gt;&lt;li&gt;可走动态维护的转换类型取自规则档案 PROFILE 的 use_switches（原文为“等”，reasons 注明来源）；&lt;/li&gt;&lt;li&gt;其他 → 依法办理用途变更手续（formal_change）。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;前提条件为空时不作推测：不能走动态维护，missing_conditions 写明缺少的字段；decided_by 写明起决定作用的条件（转换类型 switch_type，或不满足、缺失的前提）。land_management 按二级类比较主用途与原用途：一致按原用途管理，否则办理土地用途变更手续。用途代码为 2023 用地用海分类代码，须到二级类或三级类；未知代码、只填一个代码报错并列出项目；两个代码都未填写的项目不判定。&lt;/p&gt;</source>
      <translation>&lt;p&gt;逐项目判定土地用途转变的办理路径（银川实施意见（十一））。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;新用途（混合用地取主用途）与原用途代码相同 → 按原用途管理（original_use）；&lt;/li&gt;&lt;li&gt;建设用地二级类不变仅三级类转换（如 100101 → 100102）、经营性用地调整为公益性用地（两类代码及依据见 resources/codes/use_character.csv）、一类工业与一类物流仓储用地互调（100101 ↔ 110101），且不突破详细规划强制性管控、不损害公共利益和相邻权利人合法权益、不改变用地主体和规划设计条件（mandatory_controls_kept、no_public_harm、same_land_user、same_planning_conditions 均为是）→ 详细规划动态维护（dynamic_maintenance）；&lt;/li&gt;&lt;li&gt;可走动态维护的转换类型取自规则档案 PROFILE 的 use_switches（原文为“等”，reasons 注明来源）；&lt;/li&gt;&lt;li&gt;其他 → 依法办理用途变更手续（formal_change）。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;前提条件为空时不作推测：不能走动态维护，missing_conditions 写明缺少的字段；decided_by 写明起决定作用的条件（转换类型 switch_type，或不满足、缺失的前提）。land_management 按二级类比较主用途与原用途：一致按原用途管理，否则办理土地用途变更手续。用途代码为 2023 用地用海分类代码，须到二级类或三级类；未知代码、只填一个代码报错并列出项目；两个代码都未填写的项目不判定。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../processing/use_change.py" line="72" />
      <source>{0} 个项目：按原用途管理 {1}，详细规划动态维护 {2}，办理用途变更手续 {3}，未填写用途 {4}。</source>
      <translation>{0} 个项目：按原用途管理 {1}，详细规划动态维护 {2}，办理用途变更手续 {3}，未填写用途 {4}。</translation>
    </message>
  </context>
</TS>
