import { fromVnParts } from '../../../electron/core/vntime';
import type { ApologyData, StopNoticeData } from '../../../electron/documents/apology-stop';
import type { ReturnReceiptData } from '../../../electron/documents/return-receipt';
import type { FormHeaderData, RefusalSlipData, SupplementSlipData } from '../../../electron/documents/supplement-refusal';

/** The shared fields: a dossier at the Tĩnh Gia ward centre. */
export function sampleHeader(): FormHeaderData {
  return {
    agency: {
      agencyName: 'Trung tâm Phục vụ hành chính công',
      parentName: 'Ủy ban nhân dân phường Tĩnh Gia',
      placeName: 'Tĩnh Gia',
      provinceName: 'Thanh Hóa',
    },
    code: '000.00.06.H56-260205-0007',
    applicantName: 'TRẦN VĂN ĐỨC',
    channelName: 'Trực tiếp',
    address: 'Thôn Hải Thượng, phường Tĩnh Gia, tỉnh Thanh Hóa',
    phone: '0987654321',
    email: 'duc.tran@example.vn',
    idLabel: 'Số CCCD',
    idNumber: '038085001234',
    procedureName: 'Đăng ký khai sinh',
    officerName: 'Lê Thị Hồng Nhung',
    issuedAt: fromVnParts(2026, 2, 5, 9, 30),
  };
}

/** Mẫu 02 at the counter: two items to complete, each with its reason. */
export function sampleSupplement(over: Partial<SupplementSlipData> = {}): SupplementSlipData {
  return {
    ...sampleHeader(),
    stage: 'reception',
    items: [
      {
        name: 'Giấy chứng sinh',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        reason: 'Chưa nộp; bản photo không có giá trị thay thế bản chính',
      },
      {
        name: 'Văn bản ủy quyền đăng ký khai sinh',
        originals: 0,
        certifiedCopies: 1,
        photocopies: 0,
        reason: 'Chưa được chứng thực chữ ký của người ủy quyền',
      },
    ],
    note: 'Ông/Bà mang theo bản chính Giấy chứng nhận kết hôn để đối chiếu khi nộp bổ sung.',
    contact: 'Bộ phận Một cửa, Trung tâm Phục vụ hành chính công phường Tĩnh Gia; điện thoại 0237 3861 234',
    ...over,
  };
}

/** Mẫu 03: a refusal with its reason. */
export function sampleRefusal(over: Partial<RefusalSlipData> = {}): RefusalSlipData {
  return {
    ...sampleHeader(),
    procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    reason:
      'Người yêu cầu đã đăng ký thường trú tại tỉnh khác; theo quy định, thủ tục này thuộc thẩm quyền của Ủy ban ' +
      'nhân dân cấp xã nơi người yêu cầu đăng ký thường trú.',
    contact: 'Bộ phận Một cửa, Trung tâm Phục vụ hành chính công phường Tĩnh Gia; điện thoại 0237 3861 234',
    ...over,
  };
}

/** Mẫu 04: the result of a 3-day procedure will be two days late. */
export function sampleApology(over: Partial<ApologyData> = {}): ApologyData {
  return {
    ...sampleHeader(),
    procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    number: '12/2026/XL',
    receivedAt: fromVnParts(2026, 2, 2, 8, 5),
    dueAt: fromVnParts(2026, 2, 5, 8, 5),
    newDueAt: fromVnParts(2026, 2, 9, 10, 30),
    reason: 'Cần xác minh thông tin cư trú của người yêu cầu tại Ủy ban nhân dân xã nơi cư trú trước đây.',
    signerTitle: 'GIÁM ĐỐC',
    officerName: 'Phạm Văn Minh',
    issuedAt: fromVnParts(2026, 2, 4, 9, 30),
    ...over,
  };
}

/** Mẫu 05: the citizen withdrew the request. */
export function sampleStop(over: Partial<StopNoticeData> = {}): StopNoticeData {
  return {
    ...sampleHeader(),
    number: null,
    receivedAt: fromVnParts(2026, 2, 2, 8, 5),
    requestedAt: fromVnParts(2026, 2, 5, 9, 10),
    reason: 'Người yêu cầu đề nghị dừng để bổ sung giấy tờ chứng minh quan hệ cha con.',
    returnsDocuments: 'Tờ khai đăng ký khai sinh; Giấy chứng sinh (bản chính)',
    ...over,
  };
}

/** Mẫu 03 after appraisal: the competent body found the dossier does not qualify. */
export function sampleAppraisalRefusal(over: Partial<RefusalSlipData> = {}): RefusalSlipData {
  return {
    ...sampleRefusal(),
    stage: 'appraisal',
    receivedAt: fromVnParts(2026, 2, 2, 8, 5),
    result: 'Văn bản từ chối xác nhận tình trạng hôn nhân số 15/UBND-TP ngày 04/02/2026',
    reason: 'Người yêu cầu đang có vợ theo Giấy chứng nhận kết hôn số 21/2019 chưa ly hôn; không đủ điều kiện xác nhận tình trạng hôn nhân để đăng ký kết hôn.',
    officerName: 'Trần Văn Bình',
    ...over,
  };
}

/** The return receipt (BN): an authorised person collects the result at the counter and pays the fee. */
export function sampleReceipt(over: Partial<ReturnReceiptData> = {}): ReturnReceiptData {
  return {
    ...sampleHeader(),
    procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    number: '1/2026',
    receivedAt: fromVnParts(2026, 2, 2, 8, 5),
    dueAt: fromVnParts(2026, 2, 5, 8, 5),
    returnedAt: fromVnParts(2026, 2, 5, 9, 30),
    result: { kind: 'granted', summary: 'Giấy xác nhận tình trạng hôn nhân', number: '12/2026/XNTTHN', signedOn: '2026-02-04' },
    receivedBy: {
      name: 'Trần Thị Hương',
      proof: 'slip',
      authorised: true,
      authorisation: 'Giấy ủy quyền ngày 03/02/2026, chứng thực tại UBND phường Tĩnh Gia, số chứng thực 45/2026',
    },
    fee: { amount: 15_000, receiptNo: 'BL-0001234' },
    ...over,
  };
}
