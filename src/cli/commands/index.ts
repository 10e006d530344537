export { renderScan, runScan, type ScanOptions, scanExitCode, scanFormats } from './scan.js';
