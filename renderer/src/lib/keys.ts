/** True while an antd dropdown or dialog owns the keyboard (its Esc/Enter must not reach page shortcuts). */
function overlayOpen(): boolean {
  if (document.querySelector('.ant-select-open') !== null) return true;
  return [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap, .ant-dropdown')].some(
    (el) => window.getComputedStyle(el).display !== 'none' && !el.classList.contains('ant-dropdown-hidden'),
  );
}

/** Page-level Esc handler, registered in the capture phase so it sees the key before a dropdown closes itself. */
export function onEscape(handler: () => void): () => void {
  const listener = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || overlayOpen()) return;
    // Consumed here: a dialog the handler opens must not receive this same key press and close again.
    e.preventDefault();
    e.stopPropagation();
    handler();
  };
  window.addEventListener('keydown', listener, true);
  return () => window.removeEventListener('keydown', listener, true);
}
