// The kiosk window's only bridge to the app: one method per student API message and one
// per operator API message, nothing else (the shell answers each only from its own page).
// Sandboxed preloads cannot load other files, so this file stands alone; typing the objects
// as StudentBridge and OperatorBridge makes the compiler check that every method is here.

import type { OperatorBridge, OperatorMethod } from '../api/operator.ts' with { 'resolution-mode': 'import' };
import type { KioskEvent, StudentBridge, StudentMethod } from '../api/student.ts' with { 'resolution-mode': 'import' };

const { contextBridge, ipcRenderer }: typeof import('electron') = require('electron');

const call = (method: StudentMethod) => (argument?: unknown) => ipcRenderer.invoke(`student:${method}`, argument);
const operatorCall = (method: OperatorMethod) => (argument?: unknown) => ipcRenderer.invoke(`operator:${method}`, argument);

const bridge: StudentBridge = {
  kiosk: call('kiosk'),
  submitAnswer: call('submitAnswer'),
  results: call('results'),
  dispenseCard: call('dispenseCard'),
  setMood: call('setMood'),
  onEvent(listener: (event: KioskEvent) => void) {
    const handler = (_e: unknown, event: KioskEvent) => listener(event);
    ipcRenderer.on('student:event', handler);
    // Events reach the page from here on; whatever came before, it reads again.
    void Promise.resolve().then(() => listener({ type: 'connected' }));
    return () => {
      ipcRenderer.removeListener('student:event', handler);
    };
  },
};

const operator: OperatorBridge = {
  session: operatorCall('session'),
  windowOpened: operatorCall('windowOpened'),
  unlock: operatorCall('unlock'),
  leave: operatorCall('leave'),
  overview: operatorCall('overview'),
  testDispense: operatorCall('testDispense'),
  testLed: operatorCall('testLed'),
  rescanPillar: operatorCall('rescanPillar'),
  startVenue: operatorCall('startVenue'),
  installStickPack: operatorCall('installStickPack'),
  rollbackPack: operatorCall('rollbackPack'),
  exportResults: operatorCall('exportResults'),
  useHubOnStick: operatorCall('useHubOnStick'),
};

contextBridge.exposeInMainWorld('olifant', bridge);
contextBridge.exposeInMainWorld('olifantOperator', operator);
