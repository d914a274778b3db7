// Vite asset URLs (browser.ts); the bundler turns these imports into self-hosted file URLs.
declare module '*?url' {
  const url: string;
  export default url;
}
