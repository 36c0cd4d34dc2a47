/** A problem that stops the command: exit code 2 and one line, Chinese then English, on stderr. */
export class CliError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'CliError';
    this.zh = zh;
    this.en = en;
  }
  /** One line, whatever the messages contain. */
  line(): string {
    return `错误：${this.zh} / Error: ${this.en}`.replace(/[\r\n]+/g, ' ');
  }
}
