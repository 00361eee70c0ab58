import type { webApi } from '@slack/bolt';

/**
 * Who may reload the knowledge: any curator where the bot serves one workspace; where it serves
 * many (OAuth), only the users in CURATOR_USER_IDS, since a reload changes every workspace's answers.
 */
export function reloaderCheck(
  listed: string[],
  manyWorkspaces: boolean,
): (userId: string, client: webApi.WebClient) => Promise<boolean> {
  return manyWorkspaces ? async (userId) => listed.includes(userId) : curatorCheck(listed);
}

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
