import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message the test mail server accepted, parsed. */
export type ReceivedMail = {
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  html: string;
  /** The attachments' file names and text contents (the calendar file). */
  attachments: { filename: string; contentType: string; content: string }[];
  /** Every header's name (lower case), for what must never be there (tracking). */
  headerNames: string[];
};

/**
 * How the server answers. "record" takes every message; "refuse" answers
 * every recipient with a permanent 550; "hang" accepts the connection and
 * never says a word; "hold" records, but keeps each message's final answer
 * until released (a worker killed in between never hears "250 OK").
 */
export type SmtpMode = "record" | "refuse" | "hang" | "hold";

export type SmtpOptions = {
  /** How long each accepted message waits for its "250 OK" (modes "record", and "hold" after `answerAll`). */
  answerDelayMs?: number;
};

/** A message held for its answer (mode "hold"). */
export type HeldMail = {
  /** Its Message-ID header, as sent (with the angle brackets). */
  messageId: string;
  /** The SMTP session that sent it; one session carries one client's connection. */
  session: string;
  /** Whether the client's connection has closed since (a killed sender): its answer would reach no one. */
  senderGone: boolean;
};

export type TestSmtpServer = {
  url: string;
  received: ReceivedMail[];
  /** Messages whose data arrived and wait for their answer (mode "hold"). */
  held: () => number;
  /** The messages held now, oldest first (mode "hold"). */
  heldMail: () => HeldMail[];
  /** Answers the held messages: accepted (recorded) only if their sender is still connected. */
  release: () => void;
  /** Stops holding: releases what is held and answers every later message as mode "record" does. */
  answerAll: () => void;
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedMail[]>;
  close: () => Promise<void>;
};

/** A real SMTP server (the smtp-server package) on a free loopback port, without TLS or authentication. */
export async function startSmtpServer(mode: SmtpMode = "record", options: SmtpOptions = {}): Promise<TestSmtpServer> {
  const { answerDelayMs = 0 } = options;
  let holding = mode === "hold";
  const received: ReceivedMail[] = [];
  const waiting: { answer: (error?: Error | null) => void; session: string; raw: Buffer; to: string[] }[] = [];
  const closedSessions = new Set<string>();
  const record = async (raw: Buffer, to: string[]) => {
    const mail: ParsedMail = await simpleParser(raw);
    received.push({
      to,
      messageId: mail.messageId ?? "",
      subject: mail.subject ?? "",
      text: mail.text ?? "",
      html: typeof mail.html === "string" ? mail.html : "",
      attachments: mail.attachments.map((a) => ({
        filename: a.filename ?? "",
        contentType: a.contentType,
        content: a.content.toString("utf8"),
      })),
      headerNames: [...mail.headers.keys()],
    });
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // "hang": the greeting never comes; the client's greeting timeout ends the attempt.
    ...(mode === "hang" && { onConnect: () => undefined }),
    onClose: (session) => {
      closedSessions.add(session.id);
    },
    onRcptTo: (address, _session, callback) => {
      if (mode === "refuse") {
        const error = Object.assign(new Error("5.1.1 Mailbox unavailable: no such user here"), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((r) => r.address);
        if (holding) {
          waiting.push({ answer: callback, session: session.id, raw, to });
          return;
        }
        const answer = () => void record(raw, to).then(() => callback(), callback);
        if (answerDelayMs > 0) setTimeout(answer, answerDelayMs);
        else answer();
      });
    },
  });
  const release = () => {
    for (const message of waiting.splice(0)) {
      // A sender that went away never heard "250 OK": nothing was delivered.
      if (closedSessions.has(message.session)) continue;
      void record(message.raw, message.to).then(() => message.answer(), message.answer);
    }
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    held: () => waiting.length,
    heldMail: () =>
      waiting.map((message) => ({
        messageId: messageIdOf(message.raw),
        session: message.session,
        senderGone: closedSessions.has(message.session),
      })),
    release,
    answerAll: () => {
      holding = false;
      release();
    },
    waitFor: async (count, timeoutMs = 20_000) => {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`The test mail server received ${received.length} of ${count} messages in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Message-ID header of a raw message, read from its header block. */
function messageIdOf(raw: Buffer): string {
  const headerEnd = raw.indexOf("\r\n\r\n");
  const header = raw.toString("utf8", 0, headerEnd === -1 ? raw.length : headerEnd);
  return /^message-id:\s*(\S+)/im.exec(header)?.[1] ?? "";
}
