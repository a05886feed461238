interface ImportMetaEnv {
  /** True in the demo build (CORDIAL_DEMO=1): seeds generated customers on install. */
  readonly CORDIAL_DEMO: boolean;
}
