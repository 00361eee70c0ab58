import type { webApi } from '@slack/bolt';

/** Curators: the users listed in CURATOR_USER_IDS, plus workspace admins and owners. */
export function curatorCheck(
  listed: string[],
): (userId: string, client: webApi.WebClient) => Promise<boolean> {
  return async (userId, client) => {
    if (listed.includes(userId)) return true;
    try {
      const res = await client.users.info({ user: userId });
      return Boolean(res.user?.is_admin || res.user?.is_owner);
    } catch {
      return false;
    }
  };
}
