export interface OfflineStartResult {
  markdown: string[];
}

export async function measureOfflineStart(): Promise<OfflineStartResult> {
  return { markdown: ['Offline start: not measured yet.', ''] };
}
