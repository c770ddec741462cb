/** Shortcuts are matched without regard to case, as agents type them. (Its own module: the content script needs only this.) */
export const shortcutKey = (shortcut: string) => shortcut.trim().toLowerCase();
