/// <reference types="vite/client" />
interface ImportMetaEnv {
  /** True in the test build (`npm run build:e2e`), where the content script also runs on localhost. */
  readonly HUASHU_E2E: boolean;
}
