/** Reads the barcode and the QR code back from a rendered page (pdftoppm → PNG → zxing), for the document tests. */
import { BinaryBitmap, Code128Reader, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { PNG } from 'pngjs';
import { renderPages } from '../../support/golden';

function bitmap(png: Buffer, crop?: { top: number; bottom: number }): BinaryBitmap {
  const img = PNG.sync.read(png);
  const y0 = Math.floor(img.height * (crop?.top ?? 0));
  const y1 = Math.ceil(img.height * (crop?.bottom ?? 1));
  const h = y1 - y0;
  const lum = new Uint8ClampedArray(img.width * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = ((y + y0) * img.width + x) * 4;
      lum[y * img.width + x] = ((img.data[i] as number) * 299 + (img.data[i + 1] as number) * 587 + (img.data[i + 2] as number) * 114) / 1000;
    }
  }
  return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(lum, img.width, h)));
}

/** The first page of `pdf` rendered at `dpi`. */
export const firstPagePng = (pdf: Buffer, dpi = 300): Buffer => renderPages(pdf, dpi)[0] as Buffer;

/** The Code 128 text in the top part of the page (where the code line is). */
export function readCode128(png: Buffer): string {
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  return new Code128Reader().decode(bitmap(png, { top: 0.12, bottom: 0.5 }), hints).getText();
}

/** The QR code's text in the same band. */
export function readQr(png: Buffer): string {
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  return new QRCodeReader().decode(bitmap(png, { top: 0.12, bottom: 0.5 }), hints).getText();
}
