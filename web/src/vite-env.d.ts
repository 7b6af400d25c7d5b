/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Legal notice details the operator sets at build time (see services/legal/legal-config.ts). */
  readonly VITE_PREAU_PUBLISHER?: string;
  readonly VITE_PREAU_PUBLICATION_DIRECTOR?: string;
  readonly VITE_PREAU_HOSTING?: string;
  readonly VITE_PREAU_CONTROLLER?: string;
  readonly VITE_PREAU_DPO_CONTACT?: string;
  readonly VITE_PREAU_ACCESSIBILITY_CONTACT?: string;
}
