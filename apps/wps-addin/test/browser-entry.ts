/** The double, bundled for the page (esbuild IIFE): the browser test injects it as window.wps. */
import { DoubleBook, makeWps } from './wps-double.ts';

Object.assign(globalThis, { __wpsDouble: { DoubleBook, makeWps } });
