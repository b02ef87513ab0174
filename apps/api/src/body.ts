// Reads a request body while counting its bytes, so a chunked body (no Content-Length) cannot grow in memory
// past the limit: reading stops at the first byte over it.
import type { IncomingMessage, ServerResponse } from "node:http";

/** The body, or null once it is (or says it will be) longer than `limit`; reading stops there. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = req.headers["content-length"];
  if (declared !== undefined && !(Number(declared) <= limit)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        done();
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onClose = () => {
      done();
      if (!req.complete) reject(new Error("client closed the connection before the body ended"));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

/** What a refused client may still send, dropped unread, before its connection is cut. */
const LINGER = { bytes: 1 << 20, ms: 1000 };

/**
 * 413. The rest of the body is never kept: up to LINGER more bytes are read and dropped so a client still
 * sending gets to read the answer (a socket closed under a writing client resets, and the client sees only
 * that), then the connection is cut.
 */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number) {
  const message = `Request body is over the limit of ${limit} bytes.`;
  res.writeHead(413, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: "PAYLOAD_TOO_LARGE" } }] }));
  let dropped = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, LINGER.ms);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER.bytes) cut();
  });
  req.on("end", () => clearTimeout(timer));
  req.resume();
}
