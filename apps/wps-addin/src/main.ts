/** index.html's script: exposes the ribbon callbacks as globals for ribbon.xml. */
import { ribbon } from './ribbon.js';

Object.assign(globalThis, { ribbon, OnAddinLoad: ribbon.OnAddinLoad, OnAction: ribbon.OnAction, GetImage: ribbon.GetImage });
