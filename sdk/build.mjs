// Builds the SDK bundles the server serves at /sdk/reel.js (IIFE, global `Reel`) and
// /sdk/reel.esm.js (ES module). Prints each bundle's size, raw and gzipped.
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDirectory = dirname(fileURLToPath(import.meta.url));
const entryPoint = join(packageDirectory, "src", "index.ts");
/** The IIFE bundle must stay under this many gzipped bytes (the build fails otherwise). */
const IIFE_GZIP_BYTES_MAX = 35_000;

/**
 * rrweb's prebuilt dist/rrweb.js carries two bundled copies of postcss, used only by the Replayer
 * (to adapt CSS for replay). Each copy is initialised by a statement like
 *   var import_postcss$1 = /* @__PURE__ *\/ __toESM$1((/* @__PURE__ *\/ __commonJSMin$1(((exports, module) => { … })))(), 1);
 * whose inner call `(…)()` is not marked pure, and is followed by bare reads such as
 * `import_postcss$1.default.stringify;` and `var postcss_default = import_postcss$1.default;`.
 * A bundler must keep all of that (a call or a property read may have effects), so postcss ends
 * up in the recorder bundle: about a third of its size. This plugin, for the SDK build only:
 * wraps each initialiser in an arrow function called with a pure mark, drops the bare reads, and
 * marks the alias pure. Values are unchanged; the code just becomes removable when unused, which
 * it is on the recording side. The build fails if the patterns stop matching (new rrweb version).
 */
const initialiserStartPattern = /^var (import_postcss(?:\$\d+)?) = \/\* @__PURE__ \*\/ __toESM/gm;
const initialiserEnd = "\n})))(), 1);\n";
const bareReadPattern = /^import_postcss(?:\$\d+)?\.default(?:\.[A-Za-z_$][\w$]*)?;$/gm;
const aliasPattern = /^var (postcss_default(?:\$\d+)?) = (import_postcss(?:\$\d+)?)\.default;$/gm;
const EXPECTED_INITIALISERS = 2;

/**
 * Recorder features the SDK never switches on, whose code a bundler must still keep because
 * record() constructs or references it. Each entry replaces one section of rrweb's file, found
 * by its first and last lines, with an inert equivalent; the build fails when a section is not
 * found exactly once (new rrweb version). About 4 KB gzipped less in total.
 * - canvas recording (`recordCanvas`): the CanvasManager with its 2D / WebGL observers, argument
 *   serializers, inline image worker and base64 helper; record() still calls reset / freeze /
 *   unfreeze / lock / unlock. (The section's other user, the Replayer's canvas code, is not in the SDK.)
 * - cross-origin iframe recording (`recordCrossOriginIframes`): the `message` handler that
 *   rewrites a child frame's events is only attached with that option, and the id mirrors it
 *   uses are otherwise only handed to record plugins (the SDK has none).
 * - font collection (`collectFonts`): the observer is only started with that option.
 * - canvas contents and inlined images in snapshots (`recordCanvas`, `inlineImages`).
 * - the deprecated `mirror` export, a Proxy that only logs warnings (the SDK uses record.mirror).
 * - forEach polyfills for NodeList and DOMTokenList (every browser the ES2022 bundle runs in has them).
 */
const RECORDER_SECTIONS_TO_STUB = [
  {
    name: "canvas recording",
    first: "\n// ../../node_modules/base64-arraybuffer/dist/base64-arraybuffer.es5.js\n",
    last: "\n// src/record/stylesheet-manager.ts\n",
    replacement: "\nvar CanvasManager = class { reset() {} freeze() {} unfreeze() {} lock() {} unlock() {} };\n// src/record/stylesheet-manager.ts\n",
  },
  {
    name: "cross-origin iframe events",
    first: "\n\thandleMessage(message) {\n",
    last: "\n};\n// src/record/shadow-dom-manager.ts\n",
    replacement: "\n\thandleMessage() {}\n};\n// src/record/shadow-dom-manager.ts\n",
  },
  {
    name: "cross-origin iframe id mirrors",
    first: "\nvar CrossOriginIframeMirror = class {\n",
    last: "\n};\n",
    replacement: "\nvar CrossOriginIframeMirror = class {};\n",
  },
  {
    name: "font collection",
    first: "\nfunction initFontObserver({ fontCb, doc }) {\n",
    last: "\n}\n",
    replacement: "\nfunction initFontObserver() {\n\treturn () => {};\n}\n",
  },
  {
    name: "snapshot canvas and image inlining",
    first: '\n\tif (tagName === "canvas" && recordCanvas) {\n',
    last: '\n\tif (["audio", "video"].includes(tagName)) {\n',
    replacement: '\n\tif (["audio", "video"].includes(tagName)) {\n',
  },
  {
    name: "forEach polyfills",
    first: "\nfunction polyfill$1(win = window) {\n",
    last: "\n}\n",
    replacement: "\nfunction polyfill$1() {}\n",
  },
  {
    name: "deprecated mirror export",
    first: "\nvar DEPARTED_MIRROR_ACCESS_WARNING = ",
    last: "\n} });\n",
    replacement: "\nvar _mirror = {};\n",
  },
];

function stubRecorderSections(source) {
  let rewritten = source;
  for (const section of RECORDER_SECTIONS_TO_STUB) {
    const start = rewritten.indexOf(section.first);
    const end = start < 0 ? -1 : rewritten.indexOf(section.last, start + section.first.length);
    if (start < 0 || end < 0 || rewritten.indexOf(section.first, start + 1) >= 0) {
      return { source: null, failed: section.name };
    }
    rewritten = rewritten.slice(0, start) + section.replacement + rewritten.slice(end + section.last.length);
  }
  return { source: rewritten, failed: null };
}

function wrapPostcssInitialisers(source) {
  let rewritten = "";
  let copiedUpTo = 0;
  let wrapped = 0;
  for (const match of source.matchAll(initialiserStartPattern)) {
    const endIndex = source.indexOf(initialiserEnd, match.index);
    if (endIndex < 0) {
      break;
    }
    const initialiser = source.slice(match.index + `var ${match[1]} = `.length, endIndex + initialiserEnd.length - 2);
    rewritten += source.slice(copiedUpTo, match.index);
    rewritten += `var ${match[1]} = /* @__PURE__ */ (() => ${initialiser})();\n`;
    copiedUpTo = endIndex + initialiserEnd.length;
    wrapped += 1;
  }
  return { source: rewritten + source.slice(copiedUpTo), wrapped };
}

const rrwebRecorderTrimPlugin = {
  name: "rrweb-recorder-trim",
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]rrweb[\\/]dist[\\/]rrweb\.js$/ }, async (args) => {
      const original = await readFile(args.path, "utf8");
      const { source, wrapped } = wrapPostcssInitialisers(original);
      if (wrapped !== EXPECTED_INITIALISERS) {
        return { errors: [{ text: `rrweb-recorder-trim wrapped ${wrapped} postcss initialisers, expected ${EXPECTED_INITIALISERS}` }] };
      }
      const stubbed = stubRecorderSections(source);
      if (stubbed.source === null) {
        return { errors: [{ text: `rrweb-recorder-trim could not find rrweb's ${stubbed.failed} section exactly once` }] };
      }
      const contents = stubbed.source
        // rrweb's own warnings would land in the customer's console and in the recorded console logs
        .replace(/\bconsole\.(warn|debug)\(/g, "/* @__PURE__ */ console.$1(")
        .replace(bareReadPattern, "")
        .replace(aliasPattern, (_match, aliasName, importName) => `var ${aliasName} = /* @__PURE__ */ (() => ${importName}.default)();`);
      return { contents, loader: "js" };
    });
  },
};

const sharedOptions = {
  entryPoints: [entryPoint],
  bundle: true,
  minify: true,
  treeShaking: true,
  sourcemap: false,
  target: ["es2022"],
  legalComments: "none",
  logLevel: "warning",
  plugins: [rrwebRecorderTrimPlugin],
};

const bundles = [
  { outfile: join(packageDirectory, "dist", "reel.js"), format: "iife", globalName: "Reel" },
  { outfile: join(packageDirectory, "dist", "reel.esm.js"), format: "esm" },
];

rmSync(join(packageDirectory, "dist"), { recursive: true, force: true });
for (const bundle of bundles) {
  await build({ ...sharedOptions, ...bundle });
  const contents = readFileSync(bundle.outfile);
  const gzipByteLength = gzipSync(contents, { level: 9 }).byteLength;
  console.log(`${bundle.outfile}: ${contents.byteLength} bytes, ${gzipByteLength} bytes gzipped`);
  if (bundle.format === "iife" && gzipByteLength > IIFE_GZIP_BYTES_MAX) {
    console.error(`the IIFE bundle is over its budget of ${IIFE_GZIP_BYTES_MAX} gzipped bytes`);
    process.exit(1);
  }
}
