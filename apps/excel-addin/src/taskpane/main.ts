/**
 * The one page of the shared runtime: registers the CE.* custom functions and
 * starts the task pane. (Manifest: Runtime, FunctionFile and CustomFunctions Page
 * all point at taskpane.html.)
 */
import './taskpane.css';
import { registerFunctions } from '../functions/functions.js';
import { initPane } from './pane.js';

void Office.onReady(() => {
  registerFunctions();
  if (document.getElementById('app')) initPane();
});
