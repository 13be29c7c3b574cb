// electron-builder configuration (npm run package). The app is fully bundled by
// scripts/build-electron.mjs and vite, so only dist/ is shipped: no node_modules, no sources.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'nl.wijktafel.app',
  productName: 'Wijktafel',
  directories: { output: 'release', buildResources: 'build' },
  files: ['dist/**/*', 'package.json', '!**/*.map', '!node_modules/**/*'],
  asar: true,
  // Fuses are flipped here (see build/fuses.cjs), before signing.
  afterPack: './build/fuses.cjs',
  // The app must never update itself over the network; updates come through IT's channel.
  publish: null,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
  },
  deb: {
    // Key wrapping uses the OS key ring (libsecret) when it is there; without it the app falls
    // back to password-only unlocking (see electron/keystore.ts).
    recommends: ['libsecret-1-0'],
  },
  win: {
    target: ['nsis'],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
};
