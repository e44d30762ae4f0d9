// Builds the embeddable bundle:
//   dist/atende.js            one ES module (Lit bundled in, minified) that registers every tag
//   dist/elements/*.js        per-element entry points sharing one chunk of Lit and the internals
//   dist/types/**/*.d.ts      type declarations (tsc)
// `npm run build` then writes dist/custom-elements.json (cem analyze).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { type Plugin, type UserConfig, build, defineConfig } from 'vite';

/**
 * Collapses runs of whitespace in the static parts of Lit's css``, html`` and
 * svg`` templates in our sources (the minifier leaves template text alone).
 * Uses the TypeScript parser, so only real tagged templates are touched.
 */
function minifyTemplates(): Plugin {
  const TAGS = new Set(['css', 'html', 'svg']);
  return {
    name: 'atende-minify-templates',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/\/components\/.*\.ts$/.test(id) || !/(css|html|svg)`/.test(code)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: { start: number; end: number; text: string }[] = [];
      const squeeze = (node: ts.Node, open: number, close: number) => {
        const start = node.getStart(source) + open;
        const end = node.end - close;
        const raw = code.slice(start, end);
        const text = raw.replace(/\s+/g, ' ');
        if (text !== raw) edits.push({ start, end, text });
      };
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
          const t = node.template;
          if (ts.isNoSubstitutionTemplateLiteral(t)) squeeze(t, 1, 1);
          else {
            squeeze(t.head, 1, 2);
            for (const span of t.templateSpans) squeeze(span.literal, 1, ts.isTemplateTail(span.literal) ? 1 : 2);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      if (edits.length === 0) return null;
      let out = code;
      for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return { code: out, map: null };
    },
  };
}

const shared: UserConfig['build'] = {
  target: 'es2022',
  minify: true,
  sourcemap: true,
  reportCompressedSize: true,
  // Lib mode keeps whitespace in ES output for downstream tree-shaking; these
  // bundles are what pages load, so minify them fully.
  rolldownOptions: { output: { minify: true } },
};

/** After the main bundle: the per-element entry points, then the declarations. */
function perElementAndTypes(): Plugin {
  return {
    name: 'atende-elements-and-types',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        plugins: [minifyTemplates()],
        build: {
          ...shared,
          outDir: 'dist/elements',
          emptyOutDir: true,
          lib: {
            entry: {
              session: 'components/session/define.ts',
              'request-queue': 'components/request-queue/define.ts',
              'analysis-form': 'components/analysis-form/define.ts',
              'follow-up-thread': 'components/follow-up-thread/define.ts',
              'service-editor': 'components/service-editor/define.ts',
              'service-catalog': 'components/service-catalog/define.ts',
              'request-form': 'components/request-form/define.ts',
              'access-requests': 'components/access-requests/define.ts',
              'evaluation-form': 'components/evaluation-form/define.ts',
              'evaluation-moderator': 'components/evaluation-moderator/define.ts',
              'satisfaction-panel': 'components/satisfaction-panel/define.ts',
              'day-agenda': 'components/day-agenda/define.ts',
              'video-scheduler': 'components/video-scheduler/define.ts',
            },
            formats: ['es'],
            fileName: (_format, name) => `${name}.js`,
          },
        },
      });
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      const result = spawnSync(process.execPath, [tsc, '-p', 'components/tsconfig.types.json'], { stdio: 'inherit' });
      if (result.status !== 0) throw new Error('tsc could not emit the type declarations');
    },
  };
}

export default defineConfig({
  build: {
    ...shared,
    outDir: 'dist',
    emptyOutDir: true,
    lib: {
      entry: 'components/define.ts',
      formats: ['es'],
      fileName: () => 'atende.js',
    },
  },
  plugins: [minifyTemplates(), perElementAndTypes()],
});
