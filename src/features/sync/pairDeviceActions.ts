import { deviceKey } from '../../data/keyring';
import type { SyncAccount } from '../../domain/syncAccount';
import { deviceIdOf, readDevices, type RegisteredDevice } from '../../sync/deviceRegistry';
import { removeDevice } from '../../sync/keyRotation';
import { pairDatabaseName } from '../../sync/serverRules';

/** A device of the pair's registry, as the devices list shows it. */
export type ListedDevice = Pick<RegisteredDevice, 'deviceId' | 'personId' | 'label' | 'joinedAt' | 'removedAt'>;

/** What the devices list does with the server: a prop, so that its test need not stand in for the server's rules. */
export interface PairDeviceActions {
  /** The pair's registry, and this device's id in it. */
  list(): Promise<{ devices: ListedDevice[]; ownId: string }>;
  /** Removes a device and gives the next keys to the others: how many were given them. Again, to finish one half done. */
  remove(deviceId: string): Promise<number>;
}

export function pairDeviceActions(account: SyncAccount, pairId: string): PairDeviceActions {
  const connection = { serverUrl: account.serverUrl };
  return {
    async list() {
      const [devices, own] = await Promise.all([readDevices(connection, pairDatabaseName(pairId)), deviceKey()]);
      return { devices, ownId: await deviceIdOf(own.publicKey) };
    },
    async remove(deviceId) {
      return (await removeDevice(connection, { pairId, personId: account.personId, deviceId })).boxed;
    },
  };
}
