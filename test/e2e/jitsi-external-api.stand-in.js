// A stand-in for Jitsi Meet's external_api.js (Jitsi does not run here),
// served at /external_api.js by web-test-runner.config.js. Like the real one
// it defines window.JitsiMeetExternalAPI, puts an iframe in `parentNode` and
// takes listeners; it also records what it was given, and how many times the
// script ran, in window.jitsiStandIn, and `fire(event)` plays Jitsi's events
// (readyToClose, videoConferenceLeft) for the test.
(() => {
  const record = (window.jitsiStandIn ??= { loads: 0, instances: [] });
  record.loads++;
  window.JitsiMeetExternalAPI = class JitsiMeetExternalAPI {
    constructor(domain, options) {
      this.domain = domain;
      this.options = options;
      this.listeners = {};
      this.disposed = false;
      this.frame = document.createElement('iframe');
      this.frame.title = 'Jitsi Meet';
      this.frame.src = 'about:blank';
      this.frame.style.width = options.width;
      this.frame.style.height = options.height;
      options.parentNode.appendChild(this.frame);
      record.instances.push(this);
    }
    addListener(event, listener) {
      (this.listeners[event] ??= []).push(listener);
    }
    fire(event, ...args) {
      for (const listener of this.listeners[event] ?? []) listener(...args);
    }
    dispose() {
      this.disposed = true;
      this.frame.remove();
    }
  };
})();
