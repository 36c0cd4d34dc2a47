/**
 * Personal data stays local: the Office-Addin-Scripts tools used by `start`,
 * `stop`, `certs`, `validate` and the functions.json build report usage data
 * through office-addin-usage-data. Every copy installed must report nothing.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const store = fileURLToPath(new URL('../../../node_modules/.pnpm/', import.meta.url));
const copies = readdirSync(store).filter((d) => d.startsWith('office-addin-usage-data@'));
const require = createRequire(import.meta.url);

describe('Office-Addin-Scripts usage data', () => {
  it('is installed (the add-in scripts depend on it) in at least one version', () => {
    expect(copies.length).toBeGreaterThan(0);
  });

  for (const copy of copies) {
    it(`${copy} reports nothing, whatever it is asked`, async () => {
      const mod = require(join(store, copy, 'node_modules', 'office-addin-usage-data')) as typeof import('office-addin-usage-data');
      const usage = new mod.OfficeAddinUsageData({ projectName: 'ce', instrumentationKey: 'x', promptQuestion: '', raisePrompt: false, usageDataLevel: mod.UsageDataLevel.on } as never);
      usage.setUsageDataOn();
      expect(usage.isUsageDataOn()).toBe(false);
      expect(usage.getUsageDataLevel()).toBe('off');
      await usage.reportEvent('ce', { x: [1] } as never);
      expect(usage.getEventsSent()).toBe(0);
    });
  }
});
