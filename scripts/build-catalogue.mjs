#!/usr/bin/env node
/**
 * Builds resources/catalogue/procedures.json from the project's domain reference data
 * (../shared/domain/reference-data.json, key `procedures`) plus the structured readings below.
 *
 * Run by a developer when the reference data or the readings change; the generated JSON is committed and the app
 * never reads ../shared. Deterministic output.
 *
 *   node scripts/build-catalogue.mjs                 # write the file
 *   node scripts/build-catalogue.mjs --check         # exit 1 when the committed file is out of date
 *   node scripts/build-catalogue.mjs --reference P   # another reference-data.json
 *
 * What comes from the reference data: id, name, field (linh_vuc), code (ma_tthc), sources. Everything citizen-facing
 * (time-limit and fee texts) is written here in Vietnamese, because the reference texts mix in English notes
 * ("UNCERTAIN …"); those notes move into `confidenceNote`, `unverified` and the fee rule's `uncertain` flag.
 * A component is required unless its name carries a condition "(nếu …)".
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'resources', 'catalogue', 'procedures.json');

const VERSION = '2026-11-24.1';
const EFFECTIVE_FROM = '2025-07-01';

const args = process.argv.slice(2);
const refArg = args.indexOf('--reference');
const REFERENCE =
  refArg >= 0 ? path.resolve(args[refArg + 1] ?? '') : path.resolve(ROOT, '..', 'shared', 'domain', 'reference-data.json');

// ---------- Shared pieces ----------

const THANH_HOA_NOTE =
  'Mức thu theo danh sách của tỉnh Thanh Hóa (UBND xã Hà Vân dẫn QĐ 4764/2016/QĐ-UBND); chưa đối chiếu Nghị quyết HĐND tỉnh hiện hành.';

const HO_TICH_EXEMPTIONS = [
  { category: 'gia_dinh_co_cong', note: 'TT 85/2019/TT-BTC' },
  { category: 'ho_ngheo', note: 'TT 85/2019/TT-BTC' },
  { category: 'nguoi_khuyet_tat', note: 'TT 85/2019/TT-BTC' },
];

const HO_TICH_LAW = ['Luật Hộ tịch năm 2014', 'Nghị định 123/2015/NĐ-CP'];
const HO_TICH_FEE_LAW = [
  'Thông tư 85/2019/TT-BTC (lệ phí hộ tịch)',
  'QĐ 4764/2016/QĐ-UBND tỉnh Thanh Hóa (mức thu; cần đối chiếu Nghị quyết HĐND hiện hành)',
];
const CHUNG_THUC_LAW = ['Nghị định 23/2015/NĐ-CP (chứng thực)', 'Thông tư 226/2016/TT-BTC (phí chứng thực)'];

const sameDay = { kind: 'working_days', days: 0, sameDayCutoff: '15:00' };
const workingDays = (days, sameDayCutoff = null) => ({ kind: 'working_days', days, sameDayCutoff });
const tuPhap = { kind: 'ward_role', role: 'tu_phap_ho_tich' };

/** name, then [originals, certifiedCopies, photocopies]; `required` follows the "(nếu …)" rule unless given. */
const c = (name, [originals, certifiedCopies, photocopies], required) => ({
  name,
  required: required ?? !/\(nếu\s/i.test(name),
  originals,
  certifiedCopies,
  photocopies,
});

const hoTichFee = (label, amount, extra = {}) => ({
  kind: 'fixed',
  label,
  uncertain: true,
  uncertainNote: extra.uncertainNote ?? THANH_HOA_NOTE,
  legalBasis: 'TT 85/2019/TT-BTC; QĐ 4764/2016/QĐ-UBND tỉnh Thanh Hóa',
  amount,
  unit: 'trường hợp',
  exemptions: [...(extra.before ?? []), ...HO_TICH_EXEMPTIONS],
});

const ID_PRESENTED = 'Giấy tờ tùy thân của người yêu cầu (xuất trình bản chính)';

// ---------- Readings per procedure (keys = reference ids) ----------

const READINGS = {
  'chung-thuc-ban-sao': {
    serviceLevel: 'mot_phan',
    timeLimit: sameDay,
    timeLimitText:
      'Trong ngày tiếp nhận; trong ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ. Có thể kéo dài thêm không quá 02 ngày làm việc khi yêu cầu nhiều bản, nhiều trang hoặc nội dung phức tạp, hoặc dài hơn theo thỏa thuận bằng văn bản.',
    fee: {
      kind: 'per_page',
      label: 'Phí chứng thực bản sao từ bản chính',
      uncertain: false,
      legalBasis: 'TT 226/2016/TT-BTC',
      tiers: [
        { fromPage: 1, pricePerPage: 2000 },
        { fromPage: 3, pricePerPage: 1000 },
      ],
      capPerCopy: 200000,
      exemptions: [],
    },
    feeText:
      '2.000 đồng/trang cho trang thứ nhất và thứ hai; từ trang thứ ba trở lên 1.000 đồng/trang; tối đa 200.000 đồng/bản (tính theo số trang của bản chính).',
    components: [
      c('Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', [1, 0, 0]),
      c('Bản sao cần chứng thực (nếu người yêu cầu chỉ xuất trình bản chính thì cơ quan chứng thực chụp từ bản chính)', [0, 0, 1]),
    ],
    competentUnit: tuPhap,
    legalBasis: CHUNG_THUC_LAW,
    confidence: 'high',
    confidenceNote:
      'Mã TTHC, thời hạn (quy tắc 15 giờ, kéo dài tối đa 02 ngày làm việc) và biểu phí theo trang đã xác nhận (Cổng DVC quốc gia, TT 226/2016/TT-BTC). Hai thành phần hồ sơ được tách từ một dòng mô tả của nguồn.',
    unverified: ['serviceLevel'],
  },
  'chung-thuc-chu-ky': {
    serviceLevel: 'mot_phan',
    timeLimit: sameDay,
    timeLimitText:
      'Trong ngày tiếp nhận; trong ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ (phiếu hẹn ghi rõ giờ, ngày trả kết quả).',
    fee: {
      kind: 'fixed',
      label: 'Phí chứng thực chữ ký',
      uncertain: false,
      legalBasis: 'TT 226/2016/TT-BTC',
      amount: 10000,
      unit: 'trường hợp',
      exemptions: [],
    },
    feeText: '10.000 đồng/trường hợp (một hoặc nhiều chữ ký trong cùng một giấy tờ, văn bản).',
    components: [
      c('Bản chính hoặc bản sao có chứng thực Căn cước công dân/Căn cước/Hộ chiếu còn giá trị sử dụng', [1, 0, 0]),
      c('Giấy tờ, văn bản sẽ ký', [1, 0, 0]),
      c('Bản dịch giấy tờ, văn bản (nếu có) — khi văn bản bằng tiếng nước ngoài và người thực hiện chứng thực không hiểu', [1, 0, 0]),
    ],
    competentUnit: tuPhap,
    legalBasis: CHUNG_THUC_LAW,
    confidence: 'high',
    confidenceNote:
      'Thời hạn và mức phí đã xác nhận. Mã TTHC 2.000884 chỉ ở mức trung bình (đối chiếu qua kho mã nguồn công khai), cần kiểm tra trên Cơ sở dữ liệu quốc gia về TTHC.',
    unverified: ['code', 'serviceLevel'],
  },
  'chung-thuc-hop-dong': {
    serviceLevel: 'mot_phan',
    timeLimit: workingDays(2),
    timeLimitText: 'Không quá 02 ngày làm việc kể từ ngày nhận đủ hồ sơ, hoặc dài hơn theo thỏa thuận bằng văn bản.',
    fee: {
      kind: 'fixed',
      label: 'Phí chứng thực hợp đồng, giao dịch',
      uncertain: true,
      uncertainNote: 'Mức 50.000 đồng/hợp đồng, giao dịch chưa thấy trong đoạn văn bản nguồn đã đọc; cần đối chiếu TT 226/2016/TT-BTC.',
      legalBasis: 'TT 226/2016/TT-BTC',
      amount: 50000,
      unit: 'hợp đồng, giao dịch',
      exemptions: [],
    },
    feeText: '50.000 đồng/hợp đồng, giao dịch.',
    components: [
      c('Phiếu yêu cầu chứng thực', [1, 0, 0]),
      c('Dự thảo hợp đồng, giao dịch', [1, 0, 0]),
      c('Giấy tờ tùy thân của các bên (bản sao, xuất trình bản chính để đối chiếu)', [0, 0, 1]),
      c('Giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản (bản sao, xuất trình bản chính để đối chiếu)', [0, 0, 1]),
    ],
    competentUnit: tuPhap,
    legalBasis: CHUNG_THUC_LAW,
    confidence: 'medium',
    confidenceNote:
      'Chưa tìm thấy mã TTHC. Thời hạn 02 ngày làm việc theo nguồn. Mức phí 50.000 đồng CHƯA CHẮC CHẮN (nguồn ghi UNCERTAIN: không thấy trong đoạn trích đã đọc).',
    unverified: ['code', 'fee', 'serviceLevel'],
  },
  'chung-thuc-sua-doi-hop-dong': {
    serviceLevel: 'mot_phan',
    timeLimit: workingDays(2),
    timeLimitText: 'Không quá 02 ngày làm việc kể từ ngày nhận đủ hồ sơ (như chứng thực hợp đồng, giao dịch).',
    fee: {
      kind: 'fixed',
      label: 'Phí chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
      uncertain: false,
      legalBasis: 'TT 226/2016/TT-BTC',
      amount: 30000,
      unit: 'hợp đồng, giao dịch',
      exemptions: [],
    },
    feeText: '30.000 đồng/hợp đồng, giao dịch.',
    components: [
      c('Phiếu yêu cầu chứng thực', [1, 0, 0]),
      c('Hợp đồng, giao dịch đã được chứng thực', [1, 0, 0]),
      c('Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch', [1, 0, 0]),
      c('Giấy tờ tùy thân của các bên (bản sao, xuất trình bản chính để đối chiếu)', [0, 0, 1]),
    ],
    competentUnit: tuPhap,
    legalBasis: CHUNG_THUC_LAW,
    confidence: 'low',
    confidenceNote:
      'Chỉ mức phí được xác nhận. Dữ liệu tham chiếu không có mã TTHC, thời hạn và thành phần hồ sơ: thời hạn mặc định lấy bằng thủ tục chứng thực hợp đồng, giao dịch (02 ngày làm việc); thành phần hồ sơ là danh sách tối thiểu do người lập danh mục soạn, cần đối chiếu quyết định công bố TTHC của tỉnh.',
    unverified: ['code', 'timeLimit', 'components', 'serviceLevel'],
  },
  'sua-loi-hop-dong': {
    serviceLevel: 'mot_phan',
    timeLimit: workingDays(2),
    timeLimitText: 'Không quá 02 ngày làm việc kể từ ngày nhận đủ hồ sơ (như chứng thực hợp đồng, giao dịch).',
    fee: {
      kind: 'fixed',
      label: 'Phí sửa lỗi sai sót trong hợp đồng, giao dịch đã được chứng thực',
      uncertain: false,
      legalBasis: 'TT 226/2016/TT-BTC',
      amount: 25000,
      unit: 'hợp đồng, giao dịch',
      exemptions: [],
    },
    feeText: '25.000 đồng/hợp đồng, giao dịch.',
    components: [
      c('Phiếu yêu cầu chứng thực', [1, 0, 0]),
      c('Hợp đồng, giao dịch đã được chứng thực có lỗi sai sót', [1, 0, 0]),
      c('Giấy tờ tùy thân của các bên (bản sao, xuất trình bản chính để đối chiếu)', [0, 0, 1]),
    ],
    competentUnit: tuPhap,
    legalBasis: CHUNG_THUC_LAW,
    confidence: 'low',
    confidenceNote:
      'Chỉ mức phí được xác nhận. Dữ liệu tham chiếu không có mã TTHC, thời hạn và thành phần hồ sơ: thời hạn mặc định lấy bằng thủ tục chứng thực hợp đồng, giao dịch (02 ngày làm việc); thành phần hồ sơ là danh sách tối thiểu do người lập danh mục soạn, cần đối chiếu.',
    unverified: ['code', 'timeLimit', 'components', 'serviceLevel'],
  },
  'khai-sinh': {
    serviceLevel: 'mot_phan',
    timeLimit: sameDay,
    timeLimitText: 'Ngay trong ngày tiếp nhận; nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.',
    fee: hoTichFee('Lệ phí đăng ký khai sinh', 8000, {
      before: [{ category: 'dang_ky_dung_han', note: 'Trong 60 ngày kể từ ngày sinh (Luật Hộ tịch 2014)' }],
    }),
    feeText:
      'Miễn lệ phí khi đăng ký đúng hạn và cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật; đăng ký quá hạn: 8.000 đồng/trường hợp (mức thu của tỉnh Thanh Hóa).',
    components: [
      c('Tờ khai đăng ký khai sinh theo mẫu', [1, 0, 0]),
      c('Bản chính Giấy chứng sinh (hoặc văn bản của người làm chứng, giấy cam đoan về việc sinh)', [1, 0, 0]),
      c(ID_PRESENTED, [1, 0, 0]),
      c('Văn bản xác nhận việc sinh con bằng kỹ thuật mang thai hộ (nếu có)', [0, 1, 0]),
    ],
    competentUnit: tuPhap,
    legalBasis: [...HO_TICH_LAW, ...HO_TICH_FEE_LAW],
    confidence: 'medium',
    confidenceNote:
      'Mã TTHC đã xác nhận. Thời hạn trong ngày (quy tắc 15 giờ) CHƯA CHẮC CHẮN: nguồn ghi không đọc được trang thủ tục. Mức 8.000 đồng khi quá hạn theo danh sách của Thanh Hóa, cần đối chiếu Nghị quyết HĐND hiện hành.',
    unverified: ['timeLimit', 'fee', 'serviceLevel'],
  },
  'lien-thong-khai-sinh': {
    serviceLevel: 'toan_trinh',
    timeLimit: workingDays(3, '15:00'),
    timeLimitText:
      'Liên thông điện tử: 03 ngày làm việc, trường hợp cần xác minh tối đa 05 ngày; hồ sơ nộp sau 15 giờ tính từ ngày làm việc tiếp theo. Liên thông bằng giấy: tối đa 20 ngày làm việc (15 ngày nếu chỉ khai sinh và cấp thẻ BHYT), thêm 02 ngày nếu phải hoàn thiện hồ sơ, thêm 05 ngày nếu xã cách từ 50 km trở lên.',
    fee: hoTichFee('Lệ phí đăng ký khai sinh (nhóm liên thông)', 8000, {
      before: [{ category: 'dang_ky_dung_han', note: 'Trong 60 ngày kể từ ngày sinh (Luật Hộ tịch 2014)' }],
      uncertainNote: `Nguồn chỉ ghi "lệ phí hộ tịch theo quy định (khai sinh đúng hạn miễn)": mức khi quá hạn lấy bằng thủ tục đăng ký khai sinh. Lệ phí đăng ký thường trú và cấp thẻ BHYT không có trong dữ liệu tham chiếu. ${THANH_HOA_NOTE}`,
    }),
    feeText:
      'Lệ phí hộ tịch theo quy định: đăng ký khai sinh đúng hạn được miễn; quá hạn 8.000 đồng/trường hợp (mức thu của tỉnh Thanh Hóa).',
    components: [
      c('Tờ khai đăng ký khai sinh', [1, 0, 0]),
      c('Giấy chứng sinh', [1, 0, 0]),
      c('Phiếu báo thay đổi hộ khẩu, nhân khẩu (nếu có) — với quy trình liên thông bằng giấy', [1, 0, 0]),
      c('Tờ khai tham gia bảo hiểm y tế (nếu có) — với quy trình liên thông bằng giấy', [1, 0, 0]),
    ],
    competentUnit: tuPhap,
    bundle: [
      { name: 'Đăng ký khai sinh', code: '1.001193', competentUnit: tuPhap },
      { name: 'Đăng ký thường trú', code: null, competentUnit: { kind: 'higher_body', name: 'Công an cấp xã' } },
      {
        name: 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
        code: null,
        competentUnit: { kind: 'higher_body', name: 'Cơ quan Bảo hiểm xã hội' },
      },
    ],
    legalBasis: [
      'Luật Hộ tịch năm 2014',
      'QĐ 296/QĐ-VPCP năm 2024 (liên thông điện tử)',
      'TTLT 05/2015 (liên thông bằng giấy)',
      'Nghị định 63/2024/NĐ-CP (liên thông điện tử)',
    ],
    confidence: 'medium',
    confidenceNote:
      'Thời hạn và cách thực hiện đã xác nhận (nguồn: độ tin cậy cao). Không có mã TTHC trên CSDL quốc gia (mã nội bộ Cổng DVC quốc gia 233448). Mức lệ phí quá hạn suy ra từ thủ tục đăng ký khai sinh; cơ quan thực hiện từng thủ tục trong nhóm và Nghị định 63/2024/NĐ-CP do người lập danh mục bổ sung, cần xác minh. Danh mục dùng thời hạn của liên thông điện tử; hồ sơ giấy cần hẹn theo thời hạn dài hơn.',
    unverified: ['code', 'fee', 'competentUnit', 'legalBasis', 'serviceLevel'],
  },
  'ket-hon': {
    serviceLevel: 'mot_phan',
    timeLimit: sameDay,
    timeLimitText:
      'Ngay khi nhận đủ hồ sơ; nhận sau 15 giờ mà không giải quyết kịp thì trả kết quả trong ngày làm việc tiếp theo (có phiếu hẹn); trường hợp cần xác minh không quá 05 ngày làm việc.',
    fee: {
      kind: 'free',
      label: 'Lệ phí đăng ký kết hôn',
      uncertain: false,
      legalBasis: 'TT 85/2019/TT-BTC',
      reason: 'Miễn lệ phí đăng ký kết hôn cho công dân Việt Nam cư trú trong nước',
    },
    feeText: 'Miễn lệ phí (công dân Việt Nam cư trú trong nước).',
    components: [
      c('Tờ khai đăng ký kết hôn', [1, 0, 0]),
      c('Giấy xác nhận tình trạng hôn nhân (nếu đăng ký kết hôn không tại nơi cư trú)', [1, 0, 0]),
      c('Giấy tờ tùy thân của hai bên (xuất trình bản chính; cả hai bên phải có mặt)', [2, 0, 0]),
    ],
    competentUnit: tuPhap,
    legalBasis: [...HO_TICH_LAW, 'Thông tư 85/2019/TT-BTC (lệ phí hộ tịch)'],
    confidence: 'medium',
    confidenceNote:
      'Mã TTHC 1.000894 ở mức trung bình, cần kiểm tra. Thời hạn (trong ngày, xác minh không quá 05 ngày làm việc) và việc miễn lệ phí theo nguồn.',
    unverified: ['code', 'serviceLevel'],
  },
  'khai-tu': {
    serviceLevel: 'mot_phan',
    timeLimit: sameDay,
    timeLimitText: 'Giải quyết ngay trong ngày; nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.',
    fee: hoTichFee('Lệ phí đăng ký khai tử', 8000, {
      before: [{ category: 'dang_ky_dung_han', note: 'Trong 15 ngày kể từ ngày chết' }],
      uncertainNote: `${THANH_HOA_NOTE} Các trường hợp miễn ngoài "đúng hạn" theo TT 85/2019/TT-BTC, suy ra từ bản ghi đăng ký khai sinh.`,
    }),
    feeText:
      'Miễn lệ phí khi đăng ký đúng hạn (trong 15 ngày kể từ ngày chết) và cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật; quá hạn: 8.000 đồng/trường hợp (mức thu của tỉnh Thanh Hóa).',
    components: [
      c('Tờ khai đăng ký khai tử', [1, 0, 0]),
      c('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', [1, 0, 0]),
      c(ID_PRESENTED, [1, 0, 0]),
    ],
    competentUnit: tuPhap,
    legalBasis: [...HO_TICH_LAW, ...HO_TICH_FEE_LAW],
    confidence: 'medium',
    confidenceNote:
      'Mã TTHC 1.000656 ở mức trung bình, cần kiểm tra. Thời hạn trong ngày theo nguồn. Mức 8.000 đồng khi quá hạn theo danh sách của Thanh Hóa, cần đối chiếu Nghị quyết HĐND hiện hành.',
    unverified: ['code', 'fee', 'serviceLevel'],
  },
  'lien-thong-khai-tu': {
    serviceLevel: 'toan_trinh',
    timeLimit: workingDays(2, '15:00'),
    timeLimitText:
      'Đăng ký khai tử: ngay trong ngày (nhận sau 15 giờ: ngày làm việc tiếp theo); cả nhóm liên thông: trong thời hạn 02 ngày làm việc. Người dân chọn liên thông 2, 3 hoặc 4 thủ tục.',
    fee: hoTichFee('Lệ phí đăng ký khai tử (nhóm liên thông)', 8000, {
      before: [{ category: 'dang_ky_dung_han', note: 'Trong 15 ngày kể từ ngày chết' }],
      uncertainNote: `Dữ liệu tham chiếu không ghi lệ phí của nhóm liên thông: lấy bằng thủ tục đăng ký khai tử. ${THANH_HOA_NOTE}`,
    }),
    feeText:
      'Lệ phí hộ tịch theo quy định: đăng ký khai tử đúng hạn được miễn; quá hạn 8.000 đồng/trường hợp (mức thu của tỉnh Thanh Hóa).',
    components: [
      c('Tờ khai điện tử liên thông (Mẫu số 02)', [1, 0, 0]),
      c('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', [1, 0, 0]),
      c('Giấy tờ theo từng thủ tục được chọn thêm (nếu có): xóa đăng ký thường trú, mai táng phí, tử tuất', [1, 0, 0]),
    ],
    competentUnit: tuPhap,
    bundle: [
      { name: 'Đăng ký khai tử', code: '1.000656', competentUnit: tuPhap },
      { name: 'Xóa đăng ký thường trú', code: null, competentUnit: { kind: 'higher_body', name: 'Công an cấp xã' } },
      {
        name: 'Hỗ trợ chi phí mai táng (bảo trợ xã hội)',
        code: null,
        competentUnit: { kind: 'ward_role', role: 'van_hoa_xa_hoi' },
      },
      {
        name: 'Trợ cấp mai táng, tử tuất (người có công với cách mạng)',
        code: null,
        competentUnit: { kind: 'higher_body', name: 'Cơ quan quản lý người có công cấp tỉnh' },
      },
    ],
    legalBasis: ['Luật Hộ tịch năm 2014', 'Nghị định 63/2024/NĐ-CP (liên thông điện tử)'],
    confidence: 'medium',
    confidenceNote:
      'Mã TTHC 1.011537 đã xác nhận (mã cũ của quy trình giấy: 1.007073). Thời hạn của cả nhóm CHƯA CHẮC CHẮN: nguồn chỉ có bước "trong thời hạn 02 ngày làm việc" của quy trình giấy 1.007073 (đoạn trích bị cắt); danh mục dùng 02 ngày làm việc làm mặc định thận trọng. Lệ phí, cơ quan thực hiện từng thủ tục trong nhóm và căn cứ pháp lý do người lập danh mục bổ sung.',
    unverified: ['timeLimit', 'fee', 'competentUnit', 'legalBasis', 'serviceLevel'],
  },
  'xac-nhan-tthn': {
    serviceLevel: 'mot_phan',
    timeLimit: workingDays(3),
    timeLimitText: '03 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp phải xác minh không quá 23 ngày.',
    fee: hoTichFee('Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', 15000, {
      uncertainNote: `${THANH_HOA_NOTE} Các trường hợp miễn theo TT 85/2019/TT-BTC, suy ra từ bản ghi đăng ký khai sinh.`,
    }),
    feeText:
      '15.000 đồng/trường hợp (mức thu của tỉnh Thanh Hóa); miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật.',
    components: [
      c('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', [1, 0, 0]),
      c('Giấy tờ chứng minh đã ly hôn hoặc vợ/chồng đã chết (nếu có)', [0, 1, 0]),
    ],
    competentUnit: tuPhap,
    legalBasis: [...HO_TICH_LAW, ...HO_TICH_FEE_LAW],
    confidence: 'high',
    confidenceNote:
      'Mã TTHC và thời hạn đã xác nhận; nhận trực tiếp, trực tuyến hoặc qua bưu chính. Mức 15.000 đồng theo danh sách của Thanh Hóa, cần đối chiếu Nghị quyết HĐND hiện hành.',
    unverified: ['fee', 'serviceLevel'],
  },
  'thay-doi-cai-chinh': {
    serviceLevel: 'mot_phan',
    timeLimit: workingDays(3),
    timeLimitText:
      'Thay đổi, cải chính thông tin hộ tịch: 03 ngày làm việc; bổ sung thông tin hộ tịch: ngay trong ngày (nhận sau 15 giờ: ngày làm việc tiếp theo); trường hợp cần xác minh thì thời hạn được kéo dài.',
    fee: hoTichFee('Lệ phí đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 15000, {
      uncertainNote: `${THANH_HOA_NOTE} Các trường hợp miễn theo TT 85/2019/TT-BTC, suy ra từ bản ghi đăng ký khai sinh.`,
    }),
    feeText:
      '15.000 đồng/trường hợp (mức thu của tỉnh Thanh Hóa); miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật.',
    components: [
      c('Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch theo mẫu', [1, 0, 0]),
      c('Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung thông tin hộ tịch', [0, 1, 0]),
    ],
    competentUnit: tuPhap,
    legalBasis: [...HO_TICH_LAW, ...HO_TICH_FEE_LAW],
    confidence: 'medium',
    confidenceNote:
      'Mã TTHC CHƯA CHẮC CHẮN (1.004859 chỉ là mã nhớ lại, chưa kiểm tra) nên để trống. Thời hạn 03 ngày làm việc theo nguồn; thời hạn xác minh trong nguồn (không quá 06 ngày làm việc) là của thủ tục cấp huyện nên không ghi số ngày. Mức 15.000 đồng theo danh sách của Thanh Hóa, cần đối chiếu.',
    unverified: ['code', 'fee', 'serviceLevel'],
  },
  'trich-luc-ban-sao': {
    serviceLevel: 'mot_phan',
    timeLimit: sameDay,
    timeLimitText: 'Ngay trong ngày tiếp nhận yêu cầu; nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.',
    fee: {
      kind: 'per_copy',
      label: 'Phí cấp bản sao trích lục hộ tịch',
      uncertain: true,
      uncertainNote:
        'Hai nguồn mâu thuẫn: 8.000 đồng/bản sao (thông báo của một phường ở TP. Hồ Chí Minh, theo TT 281/2016/TT-BTC) và 3.000 đồng/bản (danh sách cũ hơn của Thanh Hóa). Danh mục dùng mức 8.000 đồng của văn bản trung ương mới hơn; cần xác minh.',
      legalBasis: 'TT 281/2016/TT-BTC',
      amount: 8000,
      unit: 'bản sao',
      exemptions: [],
    },
    feeText: '8.000 đồng/bản sao trích lục.',
    components: [
      c('Tờ khai cấp bản sao trích lục hộ tịch theo mẫu', [1, 0, 0]),
      c(ID_PRESENTED, [1, 0, 0]),
      c('Văn bản ủy quyền (nếu có)', [1, 0, 0]),
    ],
    competentUnit: tuPhap,
    legalBasis: [...HO_TICH_LAW, 'Thông tư 281/2016/TT-BTC (phí)'],
    confidence: 'low',
    confidenceNote:
      'Mã TTHC CHƯA CHẮC CHẮN (2.000908 chỉ là mã nhớ lại) nên để trống. Mức phí mâu thuẫn giữa hai nguồn (8.000 và 3.000 đồng). Dữ liệu tham chiếu không có thời hạn và thành phần hồ sơ: thời hạn mặc định "trong ngày, quy tắc 15 giờ" theo trang thủ tục của một UBND xã ("ngay sau khi tiếp nhận hồ sơ … ký cấp bản sao trích lục"); thành phần hồ sơ là danh sách tối thiểu, cần đối chiếu.',
    unverified: ['code', 'timeLimit', 'fee', 'components', 'serviceLevel'],
  },
  'nhan-cha-me-con': {
    serviceLevel: 'mot_phan',
    timeLimit: workingDays(3),
    timeLimitText: '03 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp cần xác minh không quá 08 ngày làm việc.',
    fee: hoTichFee('Lệ phí đăng ký nhận cha, mẹ, con', 15000),
    feeText:
      '15.000 đồng/trường hợp, kể cả khai sinh kết hợp nhận cha, mẹ, con (mức thu của tỉnh Thanh Hóa); miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật.',
    components: [
      c('Tờ khai đăng ký nhận cha, mẹ, con theo mẫu', [1, 0, 0]),
      c(
        'Giấy tờ, đồ vật hoặc chứng cứ khác chứng minh quan hệ cha, mẹ, con (văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan có thẩm quyền khác)',
        [1, 0, 0],
      ),
      c('Giấy tờ tùy thân của các bên (xuất trình bản chính; các bên phải có mặt)', [2, 0, 0]),
    ],
    competentUnit: tuPhap,
    legalBasis: [...HO_TICH_LAW, ...HO_TICH_FEE_LAW],
    confidence: 'low',
    confidenceNote:
      'Dữ liệu tham chiếu chỉ xác nhận mức phí (theo danh sách của Thanh Hóa, cần đối chiếu). Mã TTHC 1.001022 ở mức trung bình. Thời hạn (03 ngày làm việc, xác minh không quá 08 ngày) và thành phần hồ sơ lấy từ trang TTHC của tỉnh Đắk Lắk (1.001022.000.00.00.H15), không có trong dữ liệu tham chiếu; cần đối chiếu quyết định công bố của Thanh Hóa.',
    unverified: ['code', 'timeLimit', 'fee', 'components', 'serviceLevel'],
    extraSources: [
      {
        url: 'http://motcua.daklak.gov.vn/trang-chu/tra-cuu/chi-tiet-thu-tuc?ma-thu-tuc=25057',
        note: 'Trang TTHC của Đắk Lắk: thời hạn 03 ngày làm việc, xác minh không quá 08 ngày làm việc (bổ sung khi lập danh mục)',
      },
    ],
  },
  'dang-ky-lai-khai-sinh': {
    serviceLevel: 'mot_phan',
    timeLimit: workingDays(5),
    timeLimitText: '05 ngày làm việc kể từ ngày nhận đủ hồ sơ.',
    fee: hoTichFee('Lệ phí đăng ký lại khai sinh', 8000),
    feeText:
      '8.000 đồng/trường hợp (mức thu của tỉnh Thanh Hóa); miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật.',
    components: [
      c('Tờ khai đăng ký lại khai sinh theo mẫu', [1, 0, 0]),
      c('Bản sao Giấy khai sinh cũ hoặc giấy tờ, tài liệu có thông tin làm căn cứ đăng ký lại khai sinh', [0, 1, 0]),
      c(ID_PRESENTED, [1, 0, 0]),
    ],
    competentUnit: tuPhap,
    legalBasis: [...HO_TICH_LAW, ...HO_TICH_FEE_LAW],
    confidence: 'low',
    confidenceNote:
      'Dữ liệu tham chiếu chỉ có mức phí (danh sách của Thanh Hóa, cần đối chiếu). Không có mã TTHC, thời hạn, thành phần hồ sơ: thời hạn mặc định 05 ngày làm việc như thủ tục đăng ký lại khai tử; thành phần hồ sơ là danh sách tối thiểu, cần đối chiếu.',
    unverified: ['code', 'timeLimit', 'fee', 'components', 'serviceLevel'],
  },
  'dang-ky-lai-ket-hon': {
    serviceLevel: 'mot_phan',
    timeLimit: workingDays(5),
    timeLimitText: '05 ngày làm việc kể từ ngày nhận đủ hồ sơ.',
    fee: hoTichFee('Lệ phí đăng ký lại kết hôn', 30000),
    feeText:
      '30.000 đồng/trường hợp (mức thu của tỉnh Thanh Hóa); miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật.',
    components: [
      c('Tờ khai đăng ký lại kết hôn theo mẫu', [1, 0, 0]),
      c('Bản sao Giấy chứng nhận kết hôn đã cấp trước đây (nếu có)', [0, 0, 1]),
      c('Giấy tờ tùy thân của hai bên (xuất trình bản chính; cả hai bên phải có mặt)', [2, 0, 0]),
    ],
    competentUnit: tuPhap,
    legalBasis: [...HO_TICH_LAW, ...HO_TICH_FEE_LAW],
    confidence: 'low',
    confidenceNote:
      'Dữ liệu tham chiếu chỉ có mức phí (danh sách của Thanh Hóa, cần đối chiếu). Không có mã TTHC, thời hạn, thành phần hồ sơ: thời hạn mặc định 05 ngày làm việc như thủ tục đăng ký lại khai tử; thành phần hồ sơ là danh sách tối thiểu, cần đối chiếu.',
    unverified: ['code', 'timeLimit', 'fee', 'components', 'serviceLevel'],
  },
  'dang-ky-lai-khai-tu': {
    serviceLevel: 'mot_phan',
    timeLimit: workingDays(5),
    timeLimitText: '05 ngày làm việc; trường hợp cần xác minh không quá 10 ngày.',
    fee: hoTichFee('Lệ phí đăng ký lại khai tử', 8000),
    feeText:
      '8.000 đồng/trường hợp (mức thu của tỉnh Thanh Hóa); miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật.',
    components: [
      c('Tờ khai đăng ký lại khai tử', [1, 0, 0]),
      c('Bản sao Giấy chứng tử trước đây hoặc giấy tờ chứng minh sự kiện chết', [0, 1, 0]),
      c('Văn bản ủy quyền (nếu có)', [1, 0, 0]),
    ],
    competentUnit: tuPhap,
    legalBasis: [...HO_TICH_LAW, ...HO_TICH_FEE_LAW],
    confidence: 'medium',
    confidenceNote:
      'Chưa có mã TTHC. Thời hạn và thành phần hồ sơ theo phiếu hướng dẫn của Yên Bái (không phải Thanh Hóa). Mức 8.000 đồng theo danh sách của Thanh Hóa (Yên Bái: 5.000 đồng, miễn khi nộp trực tuyến), cần đối chiếu.',
    unverified: ['code', 'fee', 'serviceLevel'],
  },
  'giam-ho': {
    serviceLevel: 'mot_phan',
    timeLimit: workingDays(3),
    timeLimitText: '03 ngày làm việc kể từ ngày nhận đủ hồ sơ.',
    fee: {
      kind: 'free',
      label: 'Lệ phí đăng ký giám hộ',
      uncertain: false,
      legalBasis: 'TT 85/2019/TT-BTC',
      reason: 'Miễn lệ phí đăng ký giám hộ',
    },
    feeText: 'Miễn lệ phí.',
    components: [
      c('Tờ khai đăng ký giám hộ theo mẫu', [1, 0, 0]),
      c('Văn bản cử người giám hộ hoặc giấy tờ chứng minh điều kiện giám hộ đương nhiên', [1, 0, 0]),
      c(ID_PRESENTED, [1, 0, 0]),
    ],
    competentUnit: tuPhap,
    legalBasis: [...HO_TICH_LAW, 'Thông tư 85/2019/TT-BTC (lệ phí hộ tịch)'],
    confidence: 'low',
    confidenceNote:
      'Dữ liệu tham chiếu chỉ xác nhận việc miễn lệ phí. Không có mã TTHC. Thời hạn 03 ngày làm việc và thành phần hồ sơ theo các trang hướng dẫn đăng ký giám hộ tìm được khi lập danh mục (không có trong dữ liệu tham chiếu), cần đối chiếu.',
    unverified: ['code', 'timeLimit', 'components', 'serviceLevel'],
    extraSources: [
      {
        url: 'https://vietthink.vn/1296/print-article.html',
        note: 'Thời hạn 03 ngày làm việc; thành phần hồ sơ (bổ sung khi lập danh mục)',
      },
      {
        url: 'https://beta.thuvienphapluat.vn/chinh-sach-phap-luat-moi/vn/ho-tro-phap-luat/tu-van-phap-luat/31913/thu-tuc-dang-ky-giam-ho',
        note: 'Trình tự đăng ký giám hộ tại UBND cấp xã (bổ sung khi lập danh mục)',
      },
    ],
  },
  'hoa-giai-dat-dai': {
    serviceLevel: 'mot_phan',
    timeLimit: { kind: 'calendar_days', days: 30 },
    timeLimitText:
      'Thông báo thụ lý hoặc không thụ lý trong 03 ngày làm việc kể từ ngày nhận đơn; thời hạn hòa giải không quá 30 ngày.',
    fee: {
      kind: 'free',
      label: 'Phí, lệ phí hòa giải tranh chấp đất đai',
      uncertain: false,
      reason: 'Không thu phí, lệ phí',
    },
    feeText: 'Không thu phí, lệ phí.',
    components: [
      c('Đơn yêu cầu hòa giải tranh chấp đất đai', [1, 0, 0]),
      c('Giấy tờ liên quan đến thửa đất tranh chấp (nếu có)', [0, 0, 1]),
    ],
    competentUnit: { kind: 'ward_role', role: 'dia_chinh' },
    legalBasis: ['Luật Đất đai 2024, Điều 235', 'Nghị định 102/2024/NĐ-CP, Điều 105', 'QĐ 629/QĐ-BNNMT (2025)'],
    confidence: 'medium',
    confidenceNote:
      'Chưa có mã TTHC. Thời hạn CHƯA CHẮC CHẮN theo Luật Đất đai 2024 (nguồn ghi UNCERTAIN): danh mục dùng 30 ngày theo lịch cho cả thủ tục, bước thông báo thụ lý 03 ngày làm việc chỉ ghi trong mô tả. Hội đồng hòa giải do Chủ tịch UBND cấp xã thành lập; công chức Địa chính là đầu mối do người lập danh mục chọn.',
    unverified: ['code', 'timeLimit', 'competentUnit', 'serviceLevel'],
  },
};

// ---------- Sources ----------

const SOURCE_NOTES = {
  'UBND xã Hà Vân, Thanh Hóa, citing QĐ 4764/2016/QĐ-UBND; verify current HĐND resolution':
    'UBND xã Hà Vân (Thanh Hóa) dẫn QĐ 4764/2016/QĐ-UBND; cần đối chiếu Nghị quyết HĐND tỉnh hiện hành',
};

function parseSources(text) {
  return String(text ?? '')
    .split(' ; ')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^(\S+)(?:\s+\((.*)\))?$/.exec(s);
      if (!m) throw new Error(`Unreadable source: ${s}`);
      const [, url, note] = m;
      if (note === undefined) return { url };
      const vi = SOURCE_NOTES[note];
      if (!vi) throw new Error(`Source note without a Vietnamese reading (add it to SOURCE_NOTES): ${note}`);
      return { url, note: vi };
    });
}

// ---------- Build ----------

function build(reference) {
  const records = reference.procedures;
  if (!Array.isArray(records)) throw new Error('reference-data.json has no `procedures` array');
  const missing = records.filter((r) => !READINGS[r.id]).map((r) => r.id);
  const extra = Object.keys(READINGS).filter((id) => !records.some((r) => r.id === id));
  if (missing.length || extra.length) {
    throw new Error(`Readings out of step with the reference data; missing: ${missing.join(', ')}; extra: ${extra.join(', ')}`);
  }
  const procedures = records.map((r) => {
    const { extraSources = [], bundle, ...reading } = READINGS[r.id];
    return {
      id: r.id,
      code: r.ma_tthc ?? null,
      name: r.name,
      field: r.linh_vuc,
      serviceLevel: reading.serviceLevel,
      timeLimit: reading.timeLimit,
      timeLimitText: reading.timeLimitText,
      fee: reading.fee,
      feeText: reading.feeText,
      components: reading.components,
      competentUnit: reading.competentUnit,
      ...(bundle ? { bundle } : {}),
      legalBasis: reading.legalBasis,
      effectiveFrom: EFFECTIVE_FROM,
      confidence: reading.confidence,
      confidenceNote: reading.confidenceNote,
      unverified: reading.unverified,
      sources: [...parseSources(r.source), ...extraSources],
    };
  });
  return {
    schemaVersion: 1,
    version: VERSION,
    effectiveFrom: EFFECTIVE_FROM,
    source:
      'Dữ liệu miền của dự án (reference-data.json, mục procedures; mỗi thủ tục ghi nguồn riêng), đọc và cấu trúc hóa bởi scripts/build-catalogue.mjs.',
    notes: [
      'Phần không có trong dữ liệu tham chiếu được điền thận trọng: ghi rõ trong confidenceNote, trường tương ứng nằm trong unverified và độ tin cậy hạ xuống. Khi không tìm thấy thời hạn giải quyết, lấy thời hạn của thủ tục gần nhất cùng nhóm trong danh mục (ghi rõ thủ tục nào) với độ tin cậy "low".',
      'Mức độ dịch vụ công trực tuyến (serviceLevel) không có trong dữ liệu tham chiếu: mặc định "mot_phan"; hai nhóm liên thông điện tử (nộp trên Cổng Dịch vụ công quốc gia) ghi "toan_trinh". Mọi thủ tục đều ghi serviceLevel trong unverified.',
      'Lệ phí hộ tịch lấy theo danh sách mức thu của tỉnh Thanh Hóa (QĐ 4764/2016/QĐ-UBND, qua trang của UBND xã Hà Vân); Nghị quyết HĐND tỉnh hiện hành chưa được đối chiếu nên các khoản này có uncertain = true. Phí chứng thực theo TT 226/2016/TT-BTC.',
      'Thời hạn "working_days" có sameDayCutoff: hồ sơ nhận sau giờ chốt được tính từ đầu ngày làm việc tiếp theo; 0 ngày = trả kết quả trong ngày.',
      'Thành phần hồ sơ: thành phần có điều kiện "(nếu …)" là không bắt buộc. Số bản chính/bản sao chứng thực/bản photo là cách đọc của người lập danh mục (giấy tờ xuất trình tính là bản chính), nguồn không ghi số bản.',
      'Ngày hiệu lực 2025-07-01 là ngày bắt đầu áp dụng danh mục này (NĐ 118/2025/NĐ-CP có hiệu lực, phường Tĩnh Gia được thành lập), không phải ngày ban hành của từng văn bản.',
    ],
    procedures,
  };
}

const reference = JSON.parse(fs.readFileSync(REFERENCE, 'utf8'));
const text = `${JSON.stringify(build(reference), null, 2)}\n`.normalize('NFC');

if (args.includes('--check')) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (current !== text) {
    console.error(`${path.relative(ROOT, OUT)} is out of date: run node scripts/build-catalogue.mjs`);
    process.exit(1);
  }
  console.log(`${path.relative(ROOT, OUT)} is up to date`);
} else {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(ROOT, OUT)} (${reference.procedures.length} procedures, version ${VERSION})`);
}
