// The Trinsic Network as far as the sandbox knows it: the phone numbers of users verified with
// success since the last reset. Numbers compare by their digits, however they are written.

const phoneDigits = (phone: string): string => phone.replace(/\D/g, '');

export class KnownIdentities {
  private readonly digits = new Set<string>();

  add(phone: string): void {
    if (phoneDigits(phone) !== '') this.digits.add(phoneDigits(phone));
  }

  has(phone: string): boolean {
    return this.digits.has(phoneDigits(phone));
  }

  clear(): void {
    this.digits.clear();
  }
}
