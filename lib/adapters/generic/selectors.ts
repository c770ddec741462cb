/** Any other page: no conversation, only the editable element the agent used last. */
export const genericSelectors: Record<string, string> = {
  /** The content script marks the editable element that last had focus. */
  lastFocused: '[data-huashu-focus="last"]',
  editable: 'textarea, input[type="text"], input:not([type]), [contenteditable="true"], [contenteditable=""]',
};
