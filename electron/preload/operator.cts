// The operator window's only bridge to the app: one method per operator API message, nothing
// else (the shell answers each only from the operator page in this window). Sandboxed preloads
// cannot load other files, so this file stands alone; typing the object as OperatorBridge
// makes the compiler check that every method is here.

import type { OperatorBridge, OperatorMethod } from '../api/operator.ts' with { 'resolution-mode': 'import' };

const { contextBridge, ipcRenderer }: typeof import('electron') = require('electron');

const operatorCall = (method: OperatorMethod) => (argument?: unknown) => ipcRenderer.invoke(`operator:${method}`, argument);

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
  installOffer: operatorCall('installOffer'),
  declineOffer: operatorCall('declineOffer'),
};

contextBridge.exposeInMainWorld('olifantOperator', operator);
