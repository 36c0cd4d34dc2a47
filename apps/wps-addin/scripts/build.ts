/**
 * Builds the offline WPS add-in package:
 *
 *   dist/ce-wps_1.0.0/   the folder WPS loads (jsaddons/<name>_<version>/):
 *     index.html  ribbon.xml  taskpane.html  taskpane.css  functions.json
 *     js/main.js  js/taskpane.js  images/icon-32.png
 *   dist/publish.xml     the entry for the user's jsaddons/publish.xml (single-user install)
 *   dist/jsplugins.xml   the template for an intranet server (政务版/enterprise: oem.ini JSPluginsServer)
 *
 * functions.json comes from excel-addin's src/functions/functions.ts JSDoc through the same
 * custom-functions-metadata API Excel's build uses; any error fails the build.
 * The task pane page is excel-addin's taskpane.html with the Office.js script removed.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

const root = fileURLToPath(new URL('..', import.meta.url));
const excel = join(root, '..', 'excel-addin');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
export const NAME = 'ce-wps';
const folder = `${NAME}_${pkg.version}`;
const dist = join(root, 'dist');
const out = join(dist, folder);

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(out, 'js'), { recursive: true });
mkdirSync(join(out, 'images'), { recursive: true });

const meta = await generateCustomFunctionsMetadata(join(excel, 'src/functions/functions.ts'), false);
if (meta.errors.length > 0) {
  console.error(`custom-functions-metadata: ${meta.errors.join('\n')}`);
  process.exit(1);
}
const functionsJson = JSON.parse(meta.metadataJson) as { functions: { id: string }[] };
if (functionsJson.functions.length === 0) {
  console.error('custom-functions-metadata: no @customfunction found');
  process.exit(1);
}
writeFileSync(join(out, 'functions.json'), meta.metadataJson);

// WPS's embedded Chromium version differs by build; es2019 keeps to what older CEF builds run (not verified)
const common = { bundle: true, format: 'iife', target: 'es2019', platform: 'browser', logLevel: 'warning', legalComments: 'none' } as const;
await build({ ...common, entryPoints: [join(root, 'src/main.ts')], outfile: join(out, 'js/main.js'), define: { __CE_FUNCTIONS__: meta.metadataJson } });
await build({ ...common, entryPoints: [join(root, 'src/taskpane/main.ts')], outfile: join(out, 'js/taskpane.js') });

copyFileSync(join(excel, 'src/taskpane/taskpane.css'), join(out, 'taskpane.css'));
copyFileSync(join(excel, 'assets/icon-32.png'), join(out, 'images/icon-32.png'));

// the same pane markup as Excel's, without Office.js; scripts and styles of this folder only
let html = readFileSync(join(excel, 'src/taskpane/taskpane.html'), 'utf8');
const officeJs = /\s*<script src="https:\/\/appsforoffice\.microsoft\.com[^"]*"><\/script>/;
if (!officeJs.test(html)) throw new Error('taskpane.html: the Office.js script tag was not found (excel-addin changed it?)');
html = html
  .replace(officeJs, '')
  .replace(/<script type="module" src="\.\/main\.ts"><\/script>/, '<link rel="stylesheet" href="./taskpane.css" />\n    <script defer src="./js/taskpane.js"></script>')
  .replace(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/, "script-src 'self'")
  .replace(/\.\.\/\.\.\/assets\/icon-32\.png/, './images/icon-32.png')
  .replace(/<!-- Only this page's own files[^>]*-->/, '<!-- WPS 加载项任务窗格：只加载本文件夹中的文件，不联网。 -->');
if (!html.includes('./js/taskpane.js')) throw new Error('taskpane.html: the module script tag was not found');
writeFileSync(join(out, 'taskpane.html'), html);

writeFileSync(
  join(out, 'index.html'),
  `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'none'" />
    <title>继续教育学时检查（WPS 加载项）</title>
    <script src="./js/main.js"></script>
  </head>
  <body></body>
</html>
`,
);

writeFileSync(
  join(out, 'ribbon.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>
<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="ribbon.OnAddinLoad">
  <ribbon startFromScratch="false">
    <tabs>
      <tab id="ceTab" label="学时检查">
        <group id="ceGroup" label="继续教育学时">
          <button id="ceShowPane" label="学时检查" size="large" onAction="ribbon.OnAction" getImage="ribbon.GetImage" supertip="打开任务窗格：检查并标注、清除标注、生成汇总表" />
        </group>
      </tab>
    </tabs>
  </ribbon>
</customUI>
`,
);

writeFileSync(
  join(dist, 'publish.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>
<!-- 单用户安装：把 ${folder} 文件夹复制到 jsaddons 目录，再把下面这一行合并进该目录的 publish.xml（已有其他加载项时只加这一行）。 -->
<jsplugins>
  <jsplugin name="${NAME}" type="et" url="${folder}" version="${pkg.version}" enable="enable_dev" install="null" />
</jsplugins>
`,
);

writeFileSync(
  join(dist, 'jsplugins.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>
<!-- 政务版/企业版集中部署：放在内网服务器上，oem.ini 的 JSPluginsServer 指向本文件。
     把 ${folder} 文件夹压缩成 ${folder}.7z 放在同一目录，并把 http://内网服务器/wps/ 换成实际地址。 -->
<jsplugins>
  <jsplugin name="${NAME}" type="et" url="http://内网服务器/wps/${folder}.7z" version="${pkg.version}" />
</jsplugins>
`,
);

mkdirSync(dirname(out), { recursive: true });
console.log(`WPS add-in: dist/${folder}/ (functions: ${functionsJson.functions.map((f) => f.id).join(', ')}), dist/publish.xml, dist/jsplugins.xml`);
