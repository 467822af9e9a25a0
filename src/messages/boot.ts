/** The message of the launcher's start (src/boot.ts), which runs before the bundle and loads nothing else. */
export const bootMessages = {
  brokenBundle: (bundle: string) => `kehoach: ${bundle} không dùng được; hãy chạy lại \`npm run build\``,
} as const;
