import { useCallback, useEffect, useState } from 'react';
import { updateDocument } from '../../../db/repository';
import type { Order } from '../../../domain/schemas/order';
import { orderSigningStates } from '../../../domain/orderSigning';
import type { SigningState } from '../../../domain/signing';
import { useDatabase } from '../../data/DatabaseContext';
import { useRxDocument } from '../../data/useRxQuery';
import { useWriteContext } from '../../session/SessionContext';

export type OrderChange = (order: Order) => Order;

export interface OrderHandle {
  order: Order | null;
  loading: boolean;
  error: unknown;
  /** The last failed write, shown until a write succeeds. */
  saveError: unknown;
  /**
   * Applies a change to the latest stored version of the order (not to the copy on screen),
   * so a status change made on another tablet meanwhile is kept. Resolves when stored.
   */
  change: (apply: OrderChange) => Promise<boolean>;
}

/** Subscribes to one repair order and writes changes to it through the repository. */
export function useOrder(orderId: string): OrderHandle {
  const database = useDatabase();
  const context = useWriteContext();
  const { data, loading, error } = useRxDocument('orders', orderId);
  const [saveError, setSaveError] = useState<unknown>(null);

  const change = useCallback(async (apply: OrderChange) => {
    try {
      await updateDocument(database, 'orders', orderId, (current) => apply(current as Order), context);
      setSaveError(null);
      return true;
    } catch (failure) {
      setSaveError(failure);
      return false;
    }
  }, [database, context, orderId]);

  return { order: data, loading, error, saveError, change };
}

export interface SigningStates {
  quote: SigningState;
  recommended: SigningState;
}

/** Returns the signing state of the quote and the recommended-items sheet, or null while the hashes are computed. */
export function useOrderSigningStates(order: Order | null): SigningStates | null {
  const [states, setStates] = useState<SigningStates | null>(null);

  useEffect(() => {
    if (!order) {
      setStates(null);
      return undefined;
    }
    let current = true;
    void orderSigningStates(order).then((next) => {
      if (current) setStates(next);
    });
    return () => {
      current = false;
    };
  }, [order]);

  return states;
}
