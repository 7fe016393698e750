// A real SMTP server in the test process (smtp-server), whose behaviour the test scripts per delivery:
// accept, refuse with a 5xx, hang until the client times out, or drop the connection mid-message.
// Accepted messages are parsed (mailparser) for the test to read.
import type { AddressInfo, Socket } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Behaviour = "accept" | "refuse" | "hang" | "drop";
export type Attempt = { behaviour: Behaviour; to: string[] };

export type SmtpTestServer = {
  url: string;
  received: ParsedMail[];
  /**
   * What the next deliveries to `recipients` meet, in order; after the list runs out, every delivery is
   * accepted. Deliveries to anyone else are accepted and leave the list alone: the worker serves the whole
   * queue of the fork's database, where earlier test files may have left emails of their own.
   */
  script(behaviours: Behaviour[], recipients: string[]): void;
  /** Every delivery attempt that reached DATA, with its recipients and how it was met. */
  attempts: Attempt[];
  close(): Promise<void>;
};

export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const received: ParsedMail[] = [];
  const attempts: Attempt[] = [];
  let plan: Behaviour[] = [];
  let planFor = new Set<string>();
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      const behaviour = (to.some((address) => planFor.has(address)) ? plan.shift() : undefined) ?? "accept";
      attempts.push({ behaviour, to });
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (behaviour === "accept") {
          void simpleParser(Buffer.concat(chunks)).then((mail) => {
            received.push(mail);
            callback();
          });
        } else if (behaviour === "refuse") {
          // Quotes the recipient, as real servers do: the app must not copy it into logs or the jobs page.
          callback(Object.assign(new Error(`Requested action not taken: mailbox unavailable for <${to.join(", ")}>`), { responseCode: 550 }));
        } else if (behaviour === "drop") {
          // This delivery's connection only: another may be hanging on purpose at the same time.
          for (const socket of sockets) if (socket.remotePort === session.remotePort) socket.destroy();
        }
        // "hang": never answer; the client's timeout ends it.
      });
    },
  });
  // smtp-server keeps its net.Server here; the sockets let "drop" cut connections.
  const net = (server as unknown as { server: import("node:net").Server }).server;
  net.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = net.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts,
    script(behaviours, recipients) {
      plan = [...behaviours];
      planFor = new Set(recipients);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
