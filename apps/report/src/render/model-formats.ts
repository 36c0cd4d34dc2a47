/**
 * The formats made from the summary model alone (HTML, PDF), written to a
 * file. Used on the main thread and in the render worker alike.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SummaryModel } from '@ce/summary';
import { renderHtmlParts } from './html.js';

export type ModelFormat = 'html' | 'pdf';

export async function writeModelFormat(format: ModelFormat, model: SummaryModel, path: string): Promise<void> {
  if (format === 'pdf') {
    const { writePdfFile } = await import('./pdf.js');
    await writePdfFile(model, path);
  } else {
    await pipeline(Readable.from(renderHtmlParts(model)), createWriteStream(path));
  }
}
