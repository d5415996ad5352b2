/** Copy for the materials screens, in Chinese and English (same keys). */
export const zh = {
  title: '附件材料',
  add: '添加附件',
  empty: '还没有附件；合同、清单、照片等可以点“添加附件”上传',
  emptyReadOnly: '还没有附件',
  loadError: '附件没有加载出来',
  chooseTitle: '添加附件',
  fromCamera: '拍照或从相册选择',
  fromChat: '从聊天中选择文件',
  fromPhone: '从手机文件中选择',
  pickFailed: '没能读取所选文件，请改用“从手机文件中选择”',
  share: '分享到群',
  shareConfirmTitle: '分享到交接群',
  shareConfirm: (name: string) => `把“${name}”发到交接群里，群成员都能看到。`,
  shared: '已分享到群',
  uploadedBy: (name: string) => `${name} 上传`,
  size: (bytes: number) => formatSize(bytes),
  states: {
    queued: '等待上传',
    uploading: '上传中',
    paused: '网络中断，恢复后自动继续',
    failed: '上传失败',
    done: '已上传',
  },
  cancel: '取消',
  retry: '重试',
  dismiss: '移除',
  checksumFailed: '文件校验失败，请重新选择文件',
  leaveTitle: '文件还在上传',
  leaveMessage: '离开后上传会暂停；回到这里重新选择同一个文件即可从断点继续。',
  leaveConfirm: '仍然离开',
  stay: '留在此页',
  resumed: (name: string) => `“${name}”从断点继续上传`,
};

export const en: typeof zh = {
  title: 'Attachments',
  add: 'Add attachment',
  empty: 'No attachments yet; tap "Add attachment" to upload contracts, lists or photos',
  emptyReadOnly: 'No attachments yet',
  loadError: 'The attachments did not load',
  chooseTitle: 'Add attachment',
  fromCamera: 'Take a photo or pick from album',
  fromChat: 'Pick a file from a chat',
  fromPhone: 'Pick a file on the phone',
  pickFailed: 'The chosen file could not be read; use "Pick a file on the phone"',
  share: 'Share to group',
  shareConfirmTitle: 'Share to the handover group',
  shareConfirm: (name: string) =>
    `Send "${name}" to the handover group; every member will see it.`,
  shared: 'Shared to the group',
  uploadedBy: (name: string) => `Uploaded by ${name}`,
  size: (bytes: number) => formatSize(bytes),
  states: {
    queued: 'Waiting',
    uploading: 'Uploading',
    paused: 'Connection lost; continues when it is back',
    failed: 'Upload failed',
    done: 'Uploaded',
  },
  cancel: 'Cancel',
  retry: 'Retry',
  dismiss: 'Remove',
  checksumFailed: 'The file check failed; please pick the file again',
  leaveTitle: 'Files are still uploading',
  leaveMessage: 'Leaving pauses the upload; pick the same file here again to '
    + 'continue where it stopped.',
  leaveConfirm: 'Leave anyway',
  stay: 'Stay',
  resumed: (name: string) => `"${name}" continues where it stopped`,
};

/** Bytes as 12 KB / 3.4 MB: the same in both languages. */
function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return mb < 1024 ? `${mb.toFixed(1)} MB` : `${(mb / 1024).toFixed(2)} GB`;
}
