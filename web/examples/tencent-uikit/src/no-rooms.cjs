// The kit's shared stores import Tencent's video-room engine (@tencentcloud/tuiroom-engine-js, a peer dependency
// of tuikit-atomicx-react for its room and live components). Video rooms are not part of this service and the
// conversation list never calls the engine, so the build aliases it to this stand-in: any name it is asked for
// exists (a function, a class, an enum value), and nothing it answers does anything.
const stand = new Proxy(function standIn() {}, {
  get(target, name) {
    if (name === Symbol.toPrimitive || name === 'toString') {
      return () => 'tuiroom-engine-js stand-in';
    }
    if (name === 'then' || name === '__esModule') {
      return undefined; // not a promise, not an ES module
    }
    return stand;
  },
  apply: () => stand,
  construct: () => stand,
});
module.exports = stand;
