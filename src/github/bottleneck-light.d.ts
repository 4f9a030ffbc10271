// bottleneck ships types for its main entry only; light.js is the same class without the Redis
// store, and the build plugin-throttling itself loads (one copy in the bundle).
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
