import { SafeError } from './errors';

/**
 * Key wrapping with the OS key store (Electron safeStorage: Keychain, DPAPI, libsecret /
 * KWallet). The renderer's data key can then be unlocked on this machine without a password
 * prompt, while a copied profile folder stays useless elsewhere.
 *
 * On Linux without a key ring safeStorage silently falls back to 'basic_text': a hard-coded
 * password, i.e. no protection at all. That backend — and 'unknown', before the app is
 * ready — is refused, so the renderer falls back to password-only unlocking instead of
 * believing the key is protected.
 */

export type SafeStorageLike = {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Uint8Array>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string }>;
  getSelectedStorageBackend(): string;
};

const REFUSED_BACKENDS: readonly string[] = ['basic_text', 'unknown'];

export type KeystoreStatus = { available: boolean; backend: string };

export type Keystore = {
  status(): Promise<KeystoreStatus>;
  wrap(secret: Uint8Array): Promise<Uint8Array<ArrayBuffer>>;
  unwrap(wrapped: Uint8Array): Promise<Uint8Array<ArrayBuffer>>;
};

/** The backend name: only Linux has a choice; macOS and Windows each have exactly one. */
function backendName(safeStorage: SafeStorageLike, platform: string): string {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  return safeStorage.getSelectedStorageBackend();
}

// safeStorage encrypts strings; base64 keeps arbitrary key bytes intact through it.
const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function createKeystore(opts: { safeStorage: SafeStorageLike; platform: string }): Keystore {
  const { safeStorage, platform } = opts;

  async function status(): Promise<KeystoreStatus> {
    const backend = backendName(safeStorage, platform);
    if (REFUSED_BACKENDS.includes(backend)) return { available: false, backend };
    const available = await safeStorage.isAsyncEncryptionAvailable();
    return { available, backend };
  }

  async function requireAvailable(): Promise<void> {
    const current = await status();
    if (!current.available) {
      throw new SafeError('keystore-unavailable', `OS key store not available (backend: ${current.backend})`);
    }
  }

  return {
    status,
    async wrap(secret) {
      await requireAvailable();
      if (secret.byteLength === 0) throw new SafeError('empty-secret', 'refusing to wrap an empty secret');
      // A copy into a plain Uint8Array: IPC and the contract want no Buffer subclass.
      return new Uint8Array(await safeStorage.encryptStringAsync(toBase64(secret)));
    },
    async unwrap(wrapped) {
      await requireAvailable();
      const { result } = await safeStorage.decryptStringAsync(
        Buffer.from(wrapped.buffer, wrapped.byteOffset, wrapped.byteLength),
      );
      if (!BASE64.test(result)) throw new SafeError('unwrap-failed', 'wrapped key is not valid');
      return new Uint8Array(Buffer.from(result, 'base64'));
    },
  };
}
