// Electron fuses, flipped in electron-builder's afterPack hook — after packing, before code
// signing, so the OS signature then protects the flipped bits.
// Every FuseV1Options member is named here (a unit test checks this against the installed
// @electron/fuses), and flipFuses runs with strictlyRequireAllFuses, so an Electron upgrade
// that adds a fuse fails the packaging until someone decides its value here.

/** @type {Readonly<Record<string, boolean>>} keyed by FuseV1Options member name */
const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter.
  RunAsNode: false,
  // Encrypt the cookie store with an OS-protected key (the app sets no cookies; defence in depth).
  EnableCookieEncryption: true,
  // NODE_OPTIONS could inject code (--require) into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk would let a local user attach a debugger and read decrypted data.
  EnableNodeCliInspectArguments: false,
  // Refuse to start if app.asar was modified (macOS and Windows; electron-builder embeds the hash).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only load the app from app.asar, so the integrity check cannot be side-stepped by an
  // unpacked 'app' folder placed next to it.
  OnlyLoadAppFromAsar: true,
  // The app ships no custom browser-process V8 snapshot.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // file:// gets no extra privileges: the UI is served from app://, never from file://.
  GrantFileProtocolExtraPrivileges: false,
  // V8's WebAssembly trap handlers stay on (Electron's default): they are how V8 bounds-checks
  // WASM memory cheaply, and the Argon2id KDF runs as WebAssembly.
  WasmTrapHandlers: true,
});

/** Builds the @electron/fuses config from the name-keyed map. */
function toFuseConfig({ FuseVersion, FuseV1Options }, fuses = FUSES) {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true, resetAdHocDarwinSignature: true };
  for (const [name, value] of Object.entries(fuses)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`fuses.cjs: unknown fuse ${name}`);
    config[index] = value;
  }
  return config;
}

/** electron-builder afterPack hook. */
async function afterPack(context) {
  // @electron/fuses is ESM-only; a dynamic import works from CommonJS.
  const fusesModule = await import('@electron/fuses');
  // electron-builder knows where the binary is for each platform (.app, .exe, linux executable).
  await context.packager.addElectronFuses(context, toFuseConfig(fusesModule));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.toFuseConfig = toFuseConfig;
