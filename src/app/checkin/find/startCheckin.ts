import { v7 as uuidv7 } from 'uuid';
import type { ServiceLaneDatabase } from '../../../db/database';
import { saveDocument, type WriteContext } from '../../../db/repository';
import type { Customer } from '../../../domain/schemas/customer';
import type { Vehicle } from '../../../domain/schemas/vehicle';
import { vinTail } from '../../../domain/vin';
import { newCheckin } from '../sheet';
import type { NewVehicleFormValues } from './newVehicleForm';

export interface Advisor {
  context: WriteContext;
  displayName: string;
}

/** Returns the stored customer with this mobile number, if the tablet has one. */
export async function findCustomerByMobile(database: ServiceLaneDatabase, mobile: string): Promise<Customer | null> {
  const document = await database.customers.findOne({ selector: { mobile } }).exec();
  return document ? (document.toJSON() as Customer) : null;
}

/** Returns the stored vehicle with this plate, if the tablet has one. */
export async function findVehicleByPlate(database: ServiceLaneDatabase, plate: string): Promise<Vehicle | null> {
  const document = await database.vehicles.findOne({ selector: { plate } }).exec();
  return document ? (document.toJSON() as Vehicle) : null;
}

/**
 * Stores the customer (unless one with the mobile number exists) and the vehicle typed at
 * the car, and returns both.
 */
export async function registerVehicle(
  database: ServiceLaneDatabase,
  advisor: Advisor,
  values: NewVehicleFormValues,
): Promise<{ customer: Customer; vehicle: Vehicle }> {
  const existing = await findCustomerByMobile(database, values.mobile);
  const customer = existing ?? await saveDocument(database, 'customers', {
    id: uuidv7(),
    name: values.customerName,
    mobile: values.mobile,
    note: '',
  }, advisor.context);

  const vehicle = await saveDocument(database, 'vehicles', {
    id: uuidv7(),
    customerId: customer.id,
    customerMobile: customer.mobile,
    plate: values.plate,
    vin: values.vin,
    vinTail: vinTail(values.vin),
    make: values.make,
    model: values.model,
    series: '',
    color: values.color,
    lastMileageKm: 0,
  }, advisor.context);

  return { customer, vehicle };
}

/**
 * Creates a draft sheet for a vehicle and returns its id. A vehicle whose customer record
 * is not on this tablet yet gets the sheet with the vehicle's copy of the mobile number.
 */
export async function startCheckin(database: ServiceLaneDatabase, advisor: Advisor, vehicle: Vehicle): Promise<string> {
  const customerDocument = await database.customers.findOne(vehicle.customerId).exec();
  const customer: Pick<Customer, 'id' | 'name' | 'mobile'> = customerDocument
    ? (customerDocument.toJSON() as Customer)
    : { id: vehicle.customerId, name: '', mobile: vehicle.customerMobile };

  const draft = newCheckin({
    customer,
    vehicle,
    dealerId: advisor.context.dealerId,
    advisorName: advisor.displayName,
    updatedBy: advisor.context.user,
    now: new Date(),
  });
  const stored = await saveDocument(database, 'checkins', draft, advisor.context);
  return stored.id;
}
