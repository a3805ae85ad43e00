/**
 * The page's one door to the core: `window.hanhTrang.invoke(method, input)` over the `api`
 * IPC channel. Nothing else crosses: no Node, no Electron objects, not even the method
 * list. The main process checks the sender and validates method and input; the renderer
 * builds its typed client on this function (src/renderer/src/api.ts). Keep it so: this
 * file imports nothing but electron (and types), so the bundle stays a few lines.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { Bridge } from '../shared/client.ts'

const bridge: Bridge = { invoke: (method, input) => ipcRenderer.invoke('api', method, input) }

contextBridge.exposeInMainWorld('hanhTrang', bridge)
