/**
 * Builds `window.api` from the contract's method names. Nothing else crosses: one IPC
 * channel, no Node, no Electron objects.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createApiClient } from '../shared/client.ts'
import { methods } from '../shared/contract.ts'

contextBridge.exposeInMainWorld(
  'api',
  createApiClient(methods, (method, input) => ipcRenderer.invoke('api', method, input)),
)
