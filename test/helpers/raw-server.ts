import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';

/**
 * An HTTP server on 127.0.0.1 (random port) whose answers a test writes byte by byte: HTML pages, empty
 * or truncated bodies, slow drips, silence. It counts the requests it received.
 */
export async function startRawServer(
  handle: (req: IncomingMessage, res: ServerResponse, index: number) => void,
): Promise<{ url: string; requests: { method: string; url: string }[]; close(): Promise<void> }> {
  const requests: { method: string; url: string }[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '' });
      handle(req, res, requests.length - 1);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Drippers and silent answers hold their sockets open: end them so the server can close.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
