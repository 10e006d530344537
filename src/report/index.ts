export { renderBlastRadiusText } from './blast-radius-text.js';
export { renderDiagnosticsText } from './diagnostics-text.js';
export { renderEgressText } from './egress-text.js';
export { renderExposureText } from './exposure-text.js';
export { renderInventoryText } from './inventory-text.js';
export {
  ALL_CONNECTIONS,
  type ConnlistRenderOptions,
  connsText,
  explainConnsText,
  type FocusConn,
  focusConnText,
  type NetpolExplainOptions,
  NO_CONNECTIONS,
  type PodMatrixMode,
  type PodMatrixOptions,
  podMatrixName,
  renderCniProfileText,
  renderConnlistCsv,
  renderConnlistDot,
  renderConnlistJson,
  renderConnlistMd,
  renderConnlistTxt,
  renderExplainNetpol,
  renderExplainText,
  renderK8sFindingsJson,
  renderK8sFindingsText,
  renderPodMatrix,
  type UnprotectedWorkload,
} from './k8s/index.js';
export { renderMatrixCsv } from './matrix-csv.js';
export { renderTraceText } from './trace-text.js';
