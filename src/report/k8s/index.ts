export { renderConnlistCsv } from './connlist-csv.js';
export { renderConnlistDot } from './connlist-dot.js';
export { renderConnlistJson } from './connlist-json.js';
export { renderConnlistMd } from './connlist-md.js';
export type { ConnlistRenderOptions, UnprotectedWorkload } from './connlist-rows.js';
export { renderConnlistTxt } from './connlist-txt.js';
export { ALL_CONNECTIONS, connsText, type FocusConn, focusConnText, NO_CONNECTIONS } from './conns-text.js';
export { renderExplainText } from './explain-text.js';
