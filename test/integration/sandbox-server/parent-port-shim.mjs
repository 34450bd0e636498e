// Stands in for Electron's process.parentPort in a plain Node child (fork IPC underneath),
// so the utility entry's protocol can be tested without Electron.
process.parentPort = {
  on: (_event, listener) => process.on('message', (data) => listener({ data })),
  postMessage: (message) => process.send(message),
};
