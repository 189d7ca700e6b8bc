declare const __STS_TRAINER_VERSION__: string | undefined;

/** Injected by the build (scripts/build.mjs); the dev fallback keeps tests running from source. */
export const VERSION: string =
  typeof __STS_TRAINER_VERSION__ === 'string' ? __STS_TRAINER_VERSION__ : '0.0.0-dev';
