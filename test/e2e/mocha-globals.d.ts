// The mocha globals the browser tests use (@web/test-runner runs mocha; its
// types are not installed, and tsconfig limits global types to node).
type Done = () => void | Promise<void>;
declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn: Done): void;
declare function beforeEach(fn: Done): void;
declare function afterEach(fn: Done): void;
declare function before(fn: Done): void;
declare function after(fn: Done): void;
