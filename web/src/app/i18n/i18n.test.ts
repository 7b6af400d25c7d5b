import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from './index';

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  const i18n = createI18n('fr');
  const resources = (lng: string) => i18n.getResourceBundle(lng, 'translation') as Tree;

  it('has the same keys in French and English', () => {
    expect(leafKeys(resources('en')).sort()).toEqual(leafKeys(resources('fr')).sort());
  });

  it('has a text for every literal key used in the code', () => {
    // jsdom gives import.meta.url an http: URL; the tests run from the repository root or web/.
    const srcDir = [join(process.cwd(), 'web/src'), join(process.cwd(), 'src')].find((dir) => existsSync(dir)) ?? '';
    expect(srcDir).not.toBe('');
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(srcDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z_.]+)'/g)) {
        const key = match[1];
        checked += 1;
        // Plural keys exist as key_one / key_other.
        if (!i18n.exists(key) && !i18n.exists(`${key}_other`)) missing.push(`${key} (${file.slice(srcDir.length)})`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(100); // the scan really read the pages
  });

  it('translates every error code the server may send', () => {
    expect(i18n.t('errors.auth.invalid_credentials')).toBe('Identifiant ou mot de passe incorrect.');
    expect(i18n.t('errors.internal')).toBe('Une erreur inattendue est survenue.');
    expect(i18n.getFixedT('en')('errors.auth.throttled')).toBe('Too many attempts. Try again in a moment.');
  });
});
