// The only bridge from the kiosk page to the app: one method per IPC message, nothing else.
// Sandboxed preloads cannot load other files, so this file stands alone; typing the object
// as OlifantBridge makes the compiler check that every API method is here.

import type { KioskEvent, MethodName, OlifantBridge } from './api.ts' with { 'resolution-mode': 'import' };

const { contextBridge, ipcRenderer }: typeof import('electron') = require('electron');

const call = (method: MethodName) => (argument?: unknown) => ipcRenderer.invoke(`olifant:${method}`, argument);

const bridge: OlifantBridge = {
  kiosk: call('kiosk'),
  submitAnswer: call('submitAnswer'),
  results: call('results'),
  dispenseCard: call('dispenseCard'),
  setMood: call('setMood'),
  pillarStatus: call('pillarStatus'),
  onEvent(listener: (event: KioskEvent) => void) {
    const handler = (_e: unknown, event: KioskEvent) => listener(event);
    ipcRenderer.on('olifant:event', handler);
    return () => {
      ipcRenderer.removeListener('olifant:event', handler);
    };
  },
};

contextBridge.exposeInMainWorld('olifant', bridge);
