// One parsed email, whatever it came as (.eml or Outlook .msg): who sent it, when, the body as
// plain text, and its attached files as bytes. HTML bodies are turned into text and never rendered.

export interface MailFile {
  name: string;
  mime: string;
  bytes: Buffer;
  /** Shown inside the body (a signature logo, an inline picture) rather than attached. */
  inline: boolean;
}

export interface ParsedMail {
  format: 'eml' | 'msg';
  from: { name: string; address: string } | null;
  subject: string;
  /** When it was sent, as the message says; null when it does not. */
  date: Date | null;
  text: string;
  files: MailFile[];
}
