// lint-as: electron/adapters/requires-electron.cjs
// breaks: sts-tray/layer-imports (require() is an import too)
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the form is the point: the layer rule must see it too
module.exports = require('electron');
