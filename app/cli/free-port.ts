import net from "node:net";

/** A TCP port of 127.0.0.1 free at the moment of asking, for a server a tool or a test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (address && typeof address !== "string" ? resolve(address.port) : reject(new Error("No free port"))));
    });
  });
}
