/// <reference types="vite/client" />

/*
 * Ambient types for the H5. vue-tsc understands `.vue` files itself; this
 * file only brings in Vite's client types (import.meta.env, asset imports).
 */
