/** Realistic Vietnamese sample data for `desk seed`: names, places, phones, ID numbers. Deterministic per seed. */

export type Rng = () => number;

/** mulberry32: small, fast, reproducible. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

/** Picks by weight: [[value, weight], …]. */
export function weighted<T>(rng: Rng, table: ReadonlyArray<readonly [T, number]>): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [v, w] of table) {
    r -= w;
    if (r < 0) return v;
  }
  return table[table.length - 1]![0];
}

// Surname frequencies roughly as in Vietnam (Nguyễn ≈ 38 %).
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5], ['Vũ', 3.9], ['Phan', 3.5], ['Đặng', 2.1],
  ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Mai', 0.6], ['Trịnh', 0.8],
  ['Đinh', 0.6], ['Lương', 0.5], ['Cao', 0.4], ['Lưu', 0.4],
];
const MIDDLE_MALE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Xuân', 'Thanh', 'Đình', 'Ngọc', 'Trọng', 'Bá'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Phương', 'Hồng', 'Kim', 'Thùy', 'Mai'];
const GIVEN_MALE = [
  'Anh', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hùng', 'Hải', 'Hiếu', 'Hoàng', 'Huy', 'Khánh', 'Long', 'Lâm', 'Mạnh',
  'Nam', 'Nghĩa', 'Phúc', 'Quân', 'Quý', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Tiến', 'Toàn', 'Trung', 'Tuấn', 'Tùng',
  'Việt', 'Vinh',
];
const GIVEN_FEMALE = [
  'Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hoa', 'Huệ', 'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai',
  'My', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phúc', 'Phương', 'Quyên', 'Thảo', 'Thủy', 'Trang', 'Tuyết', 'Vân', 'Xuân',
  'Yến',
];

// Neighbourhoods of the wards merged into phường Tĩnh Gia on 1/7/2025, and a few neighbouring places.
const HAMLETS = [
  'Khu phố Thanh Xuân', 'Khu phố Hải Hòa', 'Khu phố Đông Hải', 'Khu phố Bắc Hải', 'Khu phố Nam Hải', 'Khu phố Trung Sơn',
  'Khu phố Bình Minh', 'Khu phố Tân Hải', 'Khu phố Hải Thanh', 'Khu phố Tân Phong', 'Thôn Hải Nhân', 'Thôn Thượng Nhân',
  'Thôn Hạ Nhân', 'Thôn Trung Nhân', 'Khu phố Kiều Sơn', 'Khu phố Hồng Kỳ',
];
const OLD_WARDS = ['phường Hải Hòa', 'phường Bình Minh', 'phường Hải Thanh', 'xã Hải Nhân'];
const OTHER_PROVINCE_CODES = ['001', '040', '037', '036', '079', '042', '034', '044'];

export interface Person {
  fullName: string;
  female: boolean;
  birthYear: number;
}

export function samplePerson(rng: Rng, nowYear: number): Person {
  const female = rng() < 0.52;
  const surname = weighted(rng, SURNAMES);
  const middle = pick(rng, female ? MIDDLE_FEMALE : MIDDLE_MALE);
  const given = pick(rng, female ? GIVEN_FEMALE : GIVEN_MALE);
  const name = `${surname} ${middle} ${given}`;
  // About a fifth typed as on the card, in capitals.
  return { fullName: rng() < 0.2 ? name.toLocaleUpperCase('vi') : name, female, birthYear: nowYear - 18 - Math.floor(rng() * 62) };
}

/** A structurally valid CCCD: province of birth registration, century/gender digit, birth year, six digits. */
export function sampleCccd(rng: Rng, person: Person): string {
  const province = rng() < 0.85 ? '038' : pick(rng, OTHER_PROVINCE_CODES);
  const centuryGender = (person.birthYear >= 2000 ? 2 : 0) + (person.female ? 1 : 0);
  const serial = String(Math.floor(rng() * 1_000_000)).padStart(6, '0');
  return `${province}${centuryGender}${String(person.birthYear % 100).padStart(2, '0')}${serial}`;
}

export function samplePhone(rng: Rng): string {
  const prefix = pick(rng, ['09', '03', '08', '07', '05']);
  return prefix + String(Math.floor(rng() * 100_000_000)).padStart(8, '0');
}

/** Addresses as written before and after the 1/7/2025 reorganisation. */
export function sampleAddress(rng: Rng, afterMerger: boolean): string {
  const hamlet = pick(rng, HAMLETS);
  const house = rng() < 0.4 ? `Số ${1 + Math.floor(rng() * 240)}, ` : '';
  return afterMerger
    ? `${house}${hamlet}, phường Tĩnh Gia, tỉnh Thanh Hóa`
    : `${house}${hamlet}, ${pick(rng, OLD_WARDS)}, thị xã Nghi Sơn, tỉnh Thanh Hóa`;
}
