/**
 * @module goproxy
 * Public API of the goproxy part (a caching Go module proxy): configuration, starting the
 * server, warming, export/import, and the pure protocol layer.
 */
export { createProxy, startProxy, type Proxy, type ProxyDeps, type RunningProxy } from './proxy.ts';
export { readConfigFile, resolveConfig, parseFileConfig, defaultStorage, type ProxyConfig } from './config.ts';
export { warm, type WarmOptions, type WarmReport } from './warm/warm.ts';
export { readModuleSet, type ModuleWant } from './warm/modset.ts';
export { exportBundle, importBundle, type BundleReport } from './warm/bundle.ts';
export * as protocol from './protocol/index.ts';
