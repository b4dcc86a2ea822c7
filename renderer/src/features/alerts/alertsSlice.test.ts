import { beforeEach, describe, expect, it } from 'vitest';
import { resetStore, useAppStore } from '../../store/appStore';
import { alertList, alertView } from './testAlerts';

describe('alerts slice', () => {
  beforeEach(() => resetStore());

  it('keeps the newer list when an older answer arrives late', () => {
    const newer = alertList([alertView()], 2000);
    useAppStore.getState().applyAlertList(newer);
    useAppStore.getState().applyAlertList(alertList([], 1000));
    expect(useAppStore.getState().alertList).toBe(newer);
    const newest = alertList([], 3000);
    useAppStore.getState().applyAlertList(newest);
    expect(useAppStore.getState().alertList).toBe(newest);
  });
});
