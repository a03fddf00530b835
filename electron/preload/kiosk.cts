// The student window's only bridge to the app: one method per student API message and the
// events, nothing else; the operator's bridge is in the operator window's own preload
// (operator.cts). Sandboxed preloads cannot load other files, so this file stands alone;
// typing the object as StudentBridge makes the compiler check that every method is here.

import type { KioskEvent, StudentBridge, StudentMethod } from '../api/student.ts' with { 'resolution-mode': 'import' };

const { contextBridge, ipcRenderer }: typeof import('electron') = require('electron');

const call = (method: StudentMethod) => (argument?: unknown) => ipcRenderer.invoke(`student:${method}`, argument);

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

contextBridge.exposeInMainWorld('olifant', bridge);
