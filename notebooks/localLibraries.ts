// Vite plugin: points Notebook Kit's CDN built-ins (Plot, Inputs and its stylesheet) at the locally installed packages.
import type { Plugin } from 'vite';

const CDN = 'https://cdn.jsdelivr.net/npm/';

/**
 * CDN module URL → local package; a notebook that uses the built-in `Plot` or `Inputs` without importing it still works
 * offline.
 */
export const LOCAL_MODULES: Readonly<Record<string, string>> = {
  [`${CDN}@observablehq/plot/+esm`]: '@observablehq/plot',
  [`${CDN}@observablehq/inputs/+esm`]: '@observablehq/inputs',
};

const INPUTS_CSS_CDN = `${CDN}@observablehq/inputs/dist/index.css`;

export function localLibraries(): Plugin {
  return {
    name: 'trustlens-local-libraries',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (/^(npm|jsr):/.test(source)) {
        this.error(
          `${importer ?? 'a notebook'} imports ${source}, which would load from a CDN; install the package and import it by name`,
        );
      }
      const local = LOCAL_MODULES[source];
      if (!local) return null;
      const resolved = await this.resolve(local, importer, { skipSelf: true });
      if (!resolved)
        this.error(`${local} is not installed; run npm install (notebooks never load libraries from a CDN)`);
      return resolved;
    },
    transform(code, id) {
      // The kit's Inputs theme starts with an @import of the CDN stylesheet.
      if (id.endsWith('/runtime/stdlib/inputs.css') && code.includes(INPUTS_CSS_CDN)) {
        return code.replace(INPUTS_CSS_CDN, '@observablehq/inputs/dist/index.css');
      }
      return null;
    },
  };
}
