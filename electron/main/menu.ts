/** The Vietnamese application menu, as a template built from plain inputs (unit-tested without Electron). */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  isPackaged: boolean;
  /** Open the intake screen (Tiếp nhận mới). */
  onNewIntake: () => void;
  /** Show the about box (Giới thiệu). */
  onAbout: () => void;
}

export function buildMenuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: 'Tải lại', role: 'reload' },
    { type: 'separator' },
    { label: 'Phóng to', role: 'zoomIn' },
    { label: 'Thu nhỏ', role: 'zoomOut' },
    { label: 'Cỡ chữ mặc định', role: 'resetZoom' },
    { type: 'separator' },
    { label: 'Toàn màn hình', role: 'togglefullscreen' },
  ];
  // Developer tools only in development: packaged builds also set webPreferences.devTools = false.
  if (!a.isPackaged) view.push({ type: 'separator' }, { label: 'Công cụ nhà phát triển', role: 'toggleDevTools' });
  return [
    {
      label: 'Tệp',
      submenu: [
        { label: 'Tiếp nhận mới', accelerator: 'CmdOrCtrl+N', click: () => a.onNewIntake() },
        { type: 'separator' },
        { label: 'Thoát', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: 'Sửa',
      submenu: [
        { label: 'Hoàn tác', role: 'undo' },
        { label: 'Làm lại', role: 'redo' },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' },
      ],
    },
    { label: 'Xem', submenu: view },
    { label: 'Trợ giúp', submenu: [{ label: 'Giới thiệu', click: () => a.onAbout() }] },
  ];
}

/** The one script main runs in the page: a fixed string that switches the hash route (renderer/src/lib/router.ts). */
export const NEW_INTAKE_SCRIPT = "window.location.hash = '#/intake';";
