import { describe, expect, it } from 'vitest';
import { toMailError, transportOptions } from '../../../electron/mail/transport';

const where = { host: 'smtp.tinhgia.gov.vn', port: 587 };
const err = (props: Record<string, unknown>, message = 'x') => Object.assign(new Error(message), props);

describe('SMTP errors in words an officer understands', () => {
  it.each([
    [{ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, /^Không kết nối được tới máy chủ thư smtp\.tinhgia\.gov\.vn:587\..*\(ESOCKET\/ECONNREFUSED\)$/, true],
    [{ code: 'ETIMEDOUT' }, /^Hết thời gian chờ máy chủ thư/, true],
    [{ code: 'EDNS', originalCode: 'ENOTFOUND' }, /^Không tìm thấy máy chủ thư "smtp\.tinhgia\.gov\.vn"/, true],
    [{ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Bad credentials' }, /^Máy chủ thư từ chối đăng nhập.*\(EAUTH 535 5\.7\.8 Bad credentials\)$/, true],
    [{ code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, /^Chứng chỉ bảo mật của máy chủ thư/, true],
    [{ code: 'ESOCKET', originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER' }, /^Lỗi bảo mật TLS/, true],
  ])('%o', (props, message, serverWide) => {
    const e = toMailError(err(props), where);
    expect(e.message).toMatch(message);
    expect(e.serverWide).toBe(serverWide);
    expect(e.permanent).toBe(false);
  });

  it('tells a refused recipient (permanent) from a temporary refusal (retry)', () => {
    const gone = toMailError(err({ code: 'EENVELOPE', responseCode: 550, permanent: true, rejected: ['a@b.vn'], response: '550 No such user' }), where);
    expect(gone).toMatchObject({ permanent: true, serverWide: false });
    expect(gone.message).toMatch(/^Máy chủ thư từ chối địa chỉ người nhận a@b\.vn\./);
    const later = toMailError(err({ code: 'EMESSAGE', responseCode: 451, permanent: false, response: '451 Try later' }), where);
    expect(later).toMatchObject({ permanent: false, serverWide: false });
    expect(later.message).toBe('Máy chủ thư tạm thời chưa nhận thư; sẽ thử lại. (EMESSAGE 451 Try later)');
  });

  it('keeps an unknown error readable and on one line', () => {
    expect(toMailError(new Error('boom\r\nX: y'), where).message).toBe('Gửi thư không thành công: boom X: y. (UNKNOWN)');
  });
});

describe('security choices', () => {
  const s = { host: 'h', port: 25, user: '', fromName: '', fromAddress: 'a@b.vn' };
  it('none: plain, STARTTLS ignored; starttls: required; tls: implicit TLS; auth only with a user', () => {
    expect(transportOptions({ ...s, security: 'none' }, null)).toMatchObject({ secure: false, ignoreTLS: true, auth: undefined });
    expect(transportOptions({ ...s, security: 'starttls' }, null)).toMatchObject({ secure: false, requireTLS: true });
    expect(transportOptions({ ...s, security: 'tls', user: 'u' }, 'p')).toMatchObject({ secure: true, auth: { user: 'u', pass: 'p' } });
  });
});
