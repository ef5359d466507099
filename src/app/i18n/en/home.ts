import type { home as zhCN } from '../zh-CN/home';

export const home: Record<keyof typeof zhCN, string> = {
  'home.title': 'Today\'s check-ins',
  'home.date': '{date}',
  'home.newCheckin': 'New check-in',
  'home.empty': 'No check-ins yet today.',
  'home.emptyHint': 'Tap “New check-in” to receive a customer.',
  'home.count': '{count} in total',
  'home.column.number': 'Number',
  'home.column.plate': 'Plate',
  'home.column.customer': 'Customer',
  'home.column.mobile': 'Mobile',
  'home.column.time': 'Time',
  'home.column.signing': 'Signature',
  'home.signing.unsigned': 'Not signed',
  'home.signing.signed': 'Signed',
  'home.signing.changed': 'Changed after signing',
  'home.signing.checking': 'Checking',
  'home.noPlate': 'No plate',
  'home.noCustomer': 'No customer yet',
  'home.openCheckin': 'Open check-in {number}',
  'home.conflicts': '{count} conflicts',
};
