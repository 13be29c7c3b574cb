/// <reference lib="webworker" />
import { handleBackupFileRequest, type BackupFileRequest } from './backup-file-host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<BackupFileRequest>) =>
  void handleBackupFileRequest(event.data, (msg, transfer) => scope.postMessage(msg, transfer ?? []));
