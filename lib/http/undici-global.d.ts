// The one module of undici that the default route loads on its own (undici-route.ts says why).
// undici ships no declaration for it; its export is the one undici's index re-exports, typed here
// as undici types that one.
declare module 'undici/lib/global.js' {
  export { getGlobalDispatcher } from 'undici';
}
