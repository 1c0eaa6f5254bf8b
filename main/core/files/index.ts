/**
 * Careful files: the one atomic writer (temp file, fsync, rename, 0600, plain disk errors), the private
 * settings folder, the exclusive create, and the keyed queue that keeps read-modify-write steps in order.
 */
export { createKeyedQueue, type KeyedQueue } from './keyed-queue';
export {
  createPrivateFile,
  ensurePrivateDir,
  PRIVATE_FILE_MODE,
  storageError,
  throwStorageError,
  writeFileAtomic,
  writePrivateFileAtomic,
  type AtomicWriteOptions,
} from './private-files';
