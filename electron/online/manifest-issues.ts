import type { z } from 'zod';

/**
 * Vietnamese fallbacks for zod issues the contract's schema gives no message of its own (a missing object, an
 * unknown key, a number out of range…). Passed per parse, so every schema-level message still wins.
 */
export const manifestErrorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'Thiếu trường bắt buộc';
      return `Sai kiểu dữ liệu: cần ${TYPE_NAMES[iss.expected] ?? iss.expected}`;
    case 'unrecognized_keys':
      return UNKNOWN_KEY;
    case 'too_small':
      if (iss.origin === 'array' || iss.origin === 'set') return `Cần ít nhất ${String(iss.minimum)} phần tử`;
      if (iss.origin === 'string') return `Cần ít nhất ${String(iss.minimum)} ký tự`;
      return iss.inclusive ? `Phải từ ${String(iss.minimum)} trở lên` : `Phải lớn hơn ${String(iss.minimum)}`;
    case 'too_big':
      if (iss.origin === 'array' || iss.origin === 'set') return `Tối đa ${String(iss.maximum)} phần tử`;
      if (iss.origin === 'string') return `Tối đa ${String(iss.maximum)} ký tự`;
      return `Phải ${iss.inclusive ? 'không quá' : 'nhỏ hơn'} ${String(iss.maximum)}`;
    case 'invalid_value':
      return `Giá trị không hợp lệ; chỉ nhận: ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `Sai định dạng (${iss.format})`;
    default:
      return 'Giá trị không hợp lệ';
  }
};

const UNKNOWN_KEY = 'Trường không có trong định dạng gói';

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true/false',
  object: 'đối tượng JSON',
  array: 'mảng',
  literal: 'giá trị cố định',
};

/** "components.0.files.1"; the document root is "(gốc)". Same joining as the contract's error details. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(gốc)' : path.map(String).join('.');
}

/** One line per issue, as `${path}: ${message}`; an unknown key is reported at its own path. */
export function describeManifestIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  for (const iss of issues) {
    if (iss.code === 'unrecognized_keys' && iss.message === UNKNOWN_KEY) {
      for (const key of iss.keys) lines.push(`${issuePath([...iss.path, key])}: ${UNKNOWN_KEY}`);
    } else {
      lines.push(`${issuePath(iss.path)}: ${iss.message}`);
    }
  }
  return lines;
}
