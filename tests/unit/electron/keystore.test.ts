import { describe, expect, it, vi } from 'vitest';
import { createKeystore, type SafeStorageLike } from '../../../electron/keystore';

function fakeSafeStorage(backend: string, available = true) {
  const storage = {
    isAsyncEncryptionAvailable: vi.fn(async () => available),
    // A reversible stand-in for the OS: prefix + reversed text.
    encryptStringAsync: vi.fn(async (text: string) => Buffer.from(`v10${[...text].reverse().join('')}`)),
    decryptStringAsync: vi.fn(async (data: Buffer) => ({
      result: [...data.toString('utf8').slice(3)].reverse().join(''),
      shouldReEncrypt: false,
    })),
    getSelectedStorageBackend: vi.fn(() => backend),
  } satisfies SafeStorageLike;
  return storage;
}

describe('keystore', () => {
  it.each(['basic_text', 'unknown'])('refuses the %s backend on Linux', async (backend) => {
    const safeStorage = fakeSafeStorage(backend);
    const keystore = createKeystore({ safeStorage, platform: 'linux' });
    expect(await keystore.status()).toEqual({ available: false, backend });
    await expect(keystore.wrap(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: 'keystore-unavailable' });
    await expect(keystore.unwrap(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: 'keystore-unavailable' });
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
    expect(safeStorage.decryptStringAsync).not.toHaveBeenCalled();
  });

  it('refuses when encryption is unavailable', async () => {
    const safeStorage = fakeSafeStorage('gnome_libsecret', false);
    const keystore = createKeystore({ safeStorage, platform: 'linux' });
    expect(await keystore.status()).toEqual({ available: false, backend: 'gnome_libsecret' });
    await expect(keystore.wrap(new Uint8Array([1]))).rejects.toMatchObject({ code: 'keystore-unavailable' });
  });

  it('wraps and unwraps arbitrary key bytes with a real key ring', async () => {
    const keystore = createKeystore({ safeStorage: fakeSafeStorage('kwallet6'), platform: 'linux' });
    const secret = new Uint8Array(32).map((_v, i) => (i * 37) % 256);
    const wrapped = await keystore.wrap(secret);
    expect(wrapped).not.toEqual(secret);
    expect(Object.getPrototypeOf(wrapped)).toBe(Uint8Array.prototype);
    expect(await keystore.unwrap(wrapped)).toEqual(secret);
  });

  it.each([
    ['darwin', 'keychain'],
    ['win32', 'dpapi'],
  ])('names the only backend on %s without asking the Linux-only API', async (platform, backend) => {
    const safeStorage = fakeSafeStorage('basic_text');
    expect(await createKeystore({ safeStorage, platform }).status()).toEqual({ available: true, backend });
    expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('refuses an empty secret', async () => {
    const keystore = createKeystore({ safeStorage: fakeSafeStorage('gnome_libsecret'), platform: 'linux' });
    await expect(keystore.wrap(new Uint8Array(0))).rejects.toMatchObject({ code: 'empty-secret' });
  });

  it('rejects a wrapped blob that does not decrypt to key bytes', async () => {
    const safeStorage = fakeSafeStorage('gnome_libsecret');
    safeStorage.decryptStringAsync.mockResolvedValueOnce({ result: 'not base64 !!', shouldReEncrypt: false });
    const keystore = createKeystore({ safeStorage, platform: 'linux' });
    await expect(keystore.unwrap(new Uint8Array([1, 2]))).rejects.toMatchObject({ code: 'unwrap-failed' });
  });
});
