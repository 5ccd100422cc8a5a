import { useEffect, useRef, type RefObject } from 'react';

/**
 * A USB 2D scanner in keyboard-wedge mode "types" the CCCD card's QR content — `038196001234|…|Nguyễn Thị Phúc|
 * 15081996|Nữ|…|01012021` — as a burst of key presses, usually ending with Enter, into whatever field has the focus.
 * This catcher watches every field of the form: a value that looks like a CCCD QR is taken out of the field (which
 * gets back what it held before the burst) and handed over as a scan, and the scanner's Enter does not submit the
 * form. Ordinary typing and Enter are left alone.
 */

/** The card number, then at least two more fields: enough to say it is a scan and not something typed by hand. */
const QR_START = /\d{12}\s*\|[^|\r\n]*\|/;
/** A complete QR (seven fields ending with the issue date): taken as soon as the burst stops, without Enter. */
const QR_COMPLETE = /\d{12}\s*\|[^|\r\n]*\|[^|\r\n]*\|\d{8}\|[^|\r\n]*\|[^|\r\n]*\|\d{8}\s*$/;

/** A complete QR with no Enter is read once the keys stop for this long. */
const IDLE_MS = 150;
/** The scanner's own Enter (or CR LF) right after a QR already read must not submit the form. */
const AFTER_SCAN_MS = 1500;

type Field = HTMLInputElement | HTMLTextAreaElement;

const isField = (el: EventTarget | null): el is Field =>
  (el instanceof HTMLInputElement && !['checkbox', 'radio', 'file', 'button', 'submit'].includes(el.type)) ||
  el instanceof HTMLTextAreaElement;

/** Sets a field's value the way typing would, so React and antd see the change. */
export function setFieldText(el: Field, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * What was typed into one field since it got the focus (or since the last deletion or paste): the scan is found in it
 * by its card number, whatever the pace — a scanner types a character every few milliseconds, but a busy PC can hold
 * keys back for a second or more, so timing alone cannot tell where a scan starts.
 */
interface Burst {
  el: Field;
  /** The field as it was before the burst's first key. */
  value: string;
  selStart: number;
  selEnd: number;
  /**
   * What the keys of the burst typed, whether or not the field kept it: a field's maxlength (20 for a phone number)
   * cuts a 100-character QR short, but beforeinput still reports every character.
   */
  typed: string;
}

/**
 * Splits a field's value into what the scanner typed and what the field held before. `before` is the field at the
 * burst's start (with its selection); without it, the scan is the text from the card number to the end.
 */
export function splitScan(
  value: string,
  before: { value: string; selStart: number; selEnd: number } | null,
): { scanned: string; restored: string } | null {
  if (before) {
    const prefix = before.value.slice(0, before.selStart);
    const suffix = before.value.slice(before.selEnd);
    if (value.length >= prefix.length + suffix.length && value.startsWith(prefix) && value.endsWith(suffix)) {
      const inserted = value.slice(prefix.length, value.length - suffix.length);
      if (QR_START.test(inserted)) return { scanned: inserted, restored: before.value };
    }
  }
  const m = /\d{12}\s*\|/.exec(value);
  if (!m || !QR_START.test(value)) return null;
  return { scanned: value.slice(m.index), restored: value.slice(0, m.index) };
}

/** The scan out of what a burst typed (the field may have kept only part of it), and the field as it was. */
function splitTyped(b: Burst): { scanned: string; restored: string } | null {
  const at = b.typed.search(/\d{12}\s*\|/);
  if (at < 0 || !QR_START.test(b.typed)) return null;
  return { scanned: b.typed.slice(at), restored: b.value.slice(0, b.selStart) + b.typed.slice(0, at) + b.value.slice(b.selEnd) };
}

export function useScanCatcher(container: RefObject<HTMLElement | null>, onScan: (text: string) => void, busy: () => boolean): void {
  const onScanRef = useRef(onScan);
  const busyRef = useRef(busy);
  onScanRef.current = onScan;
  busyRef.current = busy;

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let burst: Burst | null = null;
    /** When the last scan was taken; cleared by the next key that is not Enter (the officer typing again). */
    let lastScan = 0;
    let idle: number | undefined;

    const take = (el: Field) => {
      window.clearTimeout(idle);
      const before = burst?.el === el ? burst : null;
      const split = (before && splitTyped(before)) ?? splitScan(el.value, before);
      burst = null;
      if (!split) return false;
      lastScan = Date.now();
      setFieldText(el, split.restored);
      onScanRef.current(split.scanned);
      return true;
    };

    const onBeforeInput = (e: Event) => {
      const el = e.target;
      if (!isField(el)) return;
      const inputType = (e as InputEvent).inputType;
      // Deleting, pasting, undoing: what the field holds is no longer what was typed; start again.
      if (inputType !== 'insertText' || (burst && burst.typed.length > 4000)) {
        burst = null;
        return;
      }
      if (!burst || burst.el !== el) {
        const end = el.value.length;
        burst = { el, value: el.value, selStart: el.selectionStart ?? end, selEnd: el.selectionEnd ?? end, typed: '' };
      }
      const data = (e as InputEvent).data;
      if (data) burst.typed += data;
      window.clearTimeout(idle);
      if (QR_COMPLETE.test(burst.typed)) idle = window.setTimeout(() => take(el), IDLE_MS);
    };

    const onInput = (e: Event) => {
      const el = e.target;
      if (!isField(el) || (burst?.el === el && QR_COMPLETE.test(burst.typed))) return;
      window.clearTimeout(idle);
      if (QR_COMPLETE.test(el.value)) idle = window.setTimeout(() => take(el), IDLE_MS);
    };

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter') {
        if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) lastScan = 0;
        return;
      }
      if (e.isComposing) return;
      const el = e.target;
      const swallow = () => {
        e.preventDefault();
        e.stopPropagation();
      };
      if (busyRef.current() || Date.now() - lastScan < AFTER_SCAN_MS) {
        swallow();
        return;
      }
      if (isField(el) && (QR_START.test(el.value) || (burst?.el === el && QR_START.test(burst.typed)))) {
        swallow();
        take(el);
      }
    };

    // Another field, or the same one again later: what it holds now is the starting point.
    const onFocusIn = () => {
      burst = null;
    };

    root.addEventListener('focusin', onFocusIn, true);
    root.addEventListener('beforeinput', onBeforeInput, true);
    root.addEventListener('input', onInput, true);
    root.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.clearTimeout(idle);
      root.removeEventListener('focusin', onFocusIn, true);
      root.removeEventListener('beforeinput', onBeforeInput, true);
      root.removeEventListener('input', onInput, true);
      root.removeEventListener('keydown', onKeyDown, true);
    };
  }, [container]);
}
