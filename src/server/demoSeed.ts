import { hashPassword } from './auth/passwords';
import type { Log } from './http/log';
import { seedDemoPricebook } from './pricebook/demo';
import { StoreError, type Store } from './store/store';

/** The demo dealership created on an empty store. Names are data shown to the dealership, so they stay in Chinese. */
export const DEMO_DEALER = { code: 'DEMO', name: '宝马示范4S店' } as const;
export const DEMO_ADVISOR = { username: 'demo', password: 'demo1234', displayName: '示范服务顾问', role: 'advisor' } as const;

/**
 * Creates the demo dealership, its advisor account and its price book when the store has
 * no dealer, and prints how to log in. Returns false when the store already had a dealer.
 */
export async function seedDemoDealer(store: Store, log: Log): Promise<boolean> {
  if ((await store.countDealers()) > 0) return false;

  let dealer;
  try {
    dealer = await store.createDealer(DEMO_DEALER);
  } catch (error) {
    // Another instance on the same PostgreSQL seeded first.
    if (error instanceof StoreError && error.code === 'dealer_code_taken') return false;
    throw error;
  }
  await store.createUser({
    dealerId: dealer.id,
    username: DEMO_ADVISOR.username,
    displayName: DEMO_ADVISOR.displayName,
    role: DEMO_ADVISOR.role,
    passwordHash: await hashPassword(DEMO_ADVISOR.password),
  });
  await seedDemoPricebook(store, dealer.id);

  const { code } = DEMO_DEALER;
  const { username, password } = DEMO_ADVISOR;
  log({ level: 'info', event: 'demo_seeded', text: `已创建示范经销商「${DEMO_DEALER.name}」。登录：经销商代码 ${code}，用户名 ${username}，密码 ${password}` });
  log({ level: 'info', event: 'demo_seeded', text: `Created the demo dealership. Log in with dealer code ${code}, username ${username}, password ${password}` });
  return true;
}
